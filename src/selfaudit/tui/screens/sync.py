"""The sync screen: publish and pull through the team store, with a progress bar and a summary.

First it shows exactly what the sync would publish (each file and the fields that leave this
machine, as ``selfaudit sync --dry-run`` prints them); Enter starts the sync, Esc goes back
without one. Only an Enter typed once that list was there starts it. The sync runs in a
thread (:func:`selfaudit.commands.sync.run_sync`, the same as ``selfaudit sync``); its progress
comes back by message. A team store is set up once on the
command line (``selfaudit sync --folder PATH`` or ``--git URL``) or here (Enter on "no team
store yet" opens :class:`~selfaudit.tui.screens.team_store_setup.TeamStoreSetupScreen`), and
either way the app says who can read it.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Footer, ProgressBar, Static

from selfaudit.core.text import visible
from selfaudit.store import StoreError
from selfaudit.teamstore.config import ConfigError, TeamStoreConfig, load_config
from selfaudit.teamstore.folder import SyncReport, Unreachable
from selfaudit.teamstore.local import Local
from selfaudit.tui.screens.base import BaseScreen
from selfaudit.tui.widgets.title_header import TitleHeader


class SyncScreen(BaseScreen):
    """Runs one sync when shown; Esc goes back once it is done."""

    HELP_TOPIC = "home"
    BINDINGS = [
        Binding("escape", "back", "Back", priority=True),
        Binding("enter", "sync", "Sync", priority=True, key_display="⏎"),
    ]

    @dataclass
    class Progressed(Message):
        """How far the sync is: ``done`` of ``total`` files."""

        done: int
        total: int

    @dataclass
    class Previewed(Message):
        """What the sync would publish, or why it cannot run."""

        lines: list[str]
        problem: str
        teamless: int = 0
        """How many of one's sessions are never published (saved without a team)."""

    @dataclass
    class Finished(Message):
        """The sync's summary, or the one sentence saying why it could not run."""

        summary: str
        problem: str

    def __init__(self) -> None:
        super().__init__()
        self.summary = ""
        self.problem = ""
        self.preview: list[str] | None = None
        """The files and fields the sync would publish, once read."""
        self.teamless = 0
        self.previewed_at = 0.0
        """When the preview was ready: an Enter read before it does not sync."""
        self.started = False
        self.finished = False
        self.needs_setup = False
        """No team store is set up yet: Enter sets one up."""

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        yield Static(self.t("sync.title"), classes="view-title", markup=False)
        bar = ProgressBar(id="sync-progress", show_eta=False)
        bar.display = False  # shown once the sync runs: an empty bar before says nothing
        yield bar
        yield Static(self._status(), id="sync-status", markup=False)
        yield Footer(compact=True)

    def _status(self) -> str:
        if self.finished or self.problem:
            return visible(self.problem or self.summary)
        if self.started:
            return self.t("sync.running")
        if self.preview is None:
            return "…"
        head = self.t("sync.preview") if self.preview else self.t("sync.preview.none")
        lines = [head, *(visible(line) for line in self.preview), ""]
        if self.teamless:
            lines += [self.t("sync.teamless", count=self.teamless), ""]
        return "\n".join([*lines, self.t("sync.start")])

    def on_mount(self) -> None:
        super().on_mount()
        self.read_preview()

    async def on_screen_resume(self) -> None:
        await super().on_screen_resume()
        if self.needs_setup and not self.started:  # back from setting the store up
            self.preview, self.problem = None, ""
            self.query_one("#sync-status", Static).update(self._status())
            self.read_preview()

    def _target(self) -> tuple[TeamStoreConfig, str] | str:
        """The team store and the team, or the sentence saying why there is no sync."""
        try:
            config = load_config()
        except ConfigError as exc:
            return str(exc)
        if config is None:
            self.needs_setup = True
            return self.t("sync.none")
        self.needs_setup = False
        if self.sa.store is None:
            return self.sa.store_error
        team = config.team or self.sa.settings.team.strip()
        return (config, team) if team else self.t("sync.no-team")

    @work(thread=True, exclusive=True, group="sync")
    def read_preview(self) -> None:
        """Read what the sync would publish, in a thread."""
        from selfaudit.commands.sync import preview_sync

        target, lines, problem, teamless = self._target(), [], "", 0
        if isinstance(target, str):
            problem = target
        else:
            assert self.sa.store is not None
            try:
                found = preview_sync(Local.of(self.sa.store), *target)
                lines = [f"{path}: {', '.join(fields)}" for path, fields in found.files]
                teamless = found.teamless
            except StoreError as exc:
                problem = self.sa.error_text(exc)
        self.post_message(self.Previewed(lines, problem, teamless))

    def on_sync_screen_previewed(self, message: Previewed) -> None:
        """Show what would be published (or why there is no sync)."""
        self.preview, self.problem = message.lines, message.problem
        self.teamless = message.teamless
        self.previewed_at = message.time
        self.query_one("#sync-status", Static).update(self._status())

    def action_sync(self) -> None:
        """Enter: sync, once the preview is shown; without a team store, set one up."""
        if self.sa.key_read_at < self.previewed_at:
            return  # typed before the preview was there: it has to be seen first
        if self.preview is not None and self.needs_setup and not self.started:
            # Imported when opened, like every screen shown from here.
            from selfaudit.tui.screens.team_store_setup import TeamStoreSetupScreen

            self.app.push_screen(TeamStoreSetupScreen())
            return
        if self.preview is None or self.problem or self.started:
            return
        self.started = True
        self.query_one("#sync-progress", ProgressBar).display = True
        self.query_one("#sync-status", Static).update(self._status())
        self.run_sync()

    @work(thread=True, exclusive=True, group="sync")
    def run_sync(self) -> None:
        """Sync in a thread; report progress and the end by message."""
        from selfaudit.commands.sync import run_sync

        summary = problem = ""
        target = self._target()
        try:
            if isinstance(target, str):
                problem = target
            else:
                assert self.sa.store is not None
                summary = self._summary(run_sync(Local.of(self.sa.store), *target, self._progress))
        except Unreachable as exc:
            problem = self._said(exc)
        except StoreError as exc:
            problem = self.sa.error_text(exc)
        self.post_message(self.Finished(summary, problem))

    def _said(self, exc: Unreachable) -> str:
        """Why the sync could not run, in the interface language (the English sentence for a
        problem without a code)."""
        values = {k: v if isinstance(v, int) else str(v) for k, v in exc.values.items()}
        return self.sa.in_language(f"sync.error.{exc.code}", str(exc), **values)

    def _progress(self, done: int, total: int) -> None:
        self.post_message(self.Progressed(done, total))

    def _summary(self, report: SyncReport) -> str:
        lines = [
            self.t(
                "sync.done",
                published=len(report.published),
                imported=len(report.imported),
                present=report.present,
                refused=len(report.refused),
            )
        ]
        lines += [f"{r.path.name}: {r.reason}" for r in report.refused]
        lines += report.warnings
        return "\n".join(lines)

    def on_sync_screen_progressed(self, message: Progressed) -> None:
        """Move the bar."""
        self.query_one("#sync-progress", ProgressBar).update(
            total=message.total, progress=message.done
        )

    def on_sync_screen_finished(self, message: Finished) -> None:
        """Show the summary with the bar full, or the problem without the bar."""
        self.summary, self.problem, self.finished = message.summary, message.problem, True
        bar = self.query_one("#sync-progress", ProgressBar)
        bar.update(total=bar.total or 1, progress=bar.total or 1)
        bar.display = not message.problem
        self.query_one("#sync-status", Static).update(self._status())

    def action_back(self) -> None:
        """Back to where the sync was started (the sync itself goes on to its end)."""
        self.app.pop_screen()
