"""The sync screen: publish and pull through the team store, with a progress bar and a summary.

The sync runs in a thread (:func:`selfaudit.commands.sync.run_sync`, the same as ``selfaudit
sync``); its progress comes back by message. A team store is set up once on the command line
(``selfaudit sync --folder PATH`` or ``--git URL``), which says who can read it; without one this
screen says how, and changes nothing.
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
from selfaudit.teamstore.config import ConfigError, load_config
from selfaudit.teamstore.folder import SyncReport, Unreachable
from selfaudit.tui.screens.base import BaseScreen
from selfaudit.tui.widgets.title_header import TitleHeader


class SyncScreen(BaseScreen):
    """Runs one sync when shown; Esc goes back once it is done."""

    HELP_TOPIC = "home"
    BINDINGS = [Binding("escape", "back", "Back", priority=True)]

    @dataclass
    class Progressed(Message):
        """How far the sync is: ``done`` of ``total`` files."""

        done: int
        total: int

    @dataclass
    class Finished(Message):
        """The sync's summary, or the one sentence saying why it could not run."""

        summary: str
        problem: str

    def __init__(self) -> None:
        super().__init__()
        self.summary = ""
        self.problem = ""
        self.finished = False

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        yield Static(self.t("sync.title"), classes="view-title", markup=False)
        yield ProgressBar(id="sync-progress", show_eta=False)
        yield Static(self._status(), id="sync-status", markup=False)
        yield Footer(compact=True)

    def _status(self) -> str:
        if not self.finished:
            return self.t("sync.running")
        return visible(self.problem or self.summary)

    def on_mount(self) -> None:
        super().on_mount()
        self.run_sync()

    @work(thread=True, exclusive=True, group="sync")
    def run_sync(self) -> None:
        """Sync in a thread; report progress and the end by message."""
        from selfaudit.commands.sync import run_sync

        summary = problem = ""
        store = self.sa.store
        try:
            config = load_config()
            team = (config.team if config else "") or self.sa.settings.team.strip()
            if config is None:
                problem = self.t("sync.none")
            elif not team or store is None:
                problem = self.t("sync.no-team") if store is not None else self.sa.store_error
            else:
                report = run_sync(store, config, team, self._progress)
                summary = self._summary(report)
        except (ConfigError, Unreachable) as exc:
            problem = str(exc)
        except StoreError as exc:
            problem = self.sa.error_text(exc)
        self.post_message(self.Finished(summary, problem))

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
        """Show the summary (or the problem), with the bar full."""
        self.summary, self.problem, self.finished = message.summary, message.problem, True
        bar = self.query_one("#sync-progress", ProgressBar)
        bar.update(total=bar.total or 1, progress=bar.total or 1)
        self.query_one("#sync-status", Static).update(self._status())

    def action_back(self) -> None:
        """Back to where the sync was started (the sync itself goes on to its end)."""
        self.app.pop_screen()
