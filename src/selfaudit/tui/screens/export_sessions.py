"""The export screen: which sessions (those chosen in History, every one, a set's or the
team's), in which format (a report, a spreadsheet, JSON, or files to import elsewhere), and
where, written as ``selfaudit export`` writes them (:mod:`selfaudit.views.export_choice` holds
the choices). The first Enter shows exactly which fields of how many sessions would leave this
machine, and the file or folder; Enter again, with nothing changed, writes it. Only an Enter
typed once the preview was there writes: Enter Enter typed at once shows the preview only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Footer, Input, OptionList, ProgressBar, Static
from textual.widgets.option_list import Option

from selfaudit.core.text import visible
from selfaudit.store import StoreError
from selfaudit.store.shareable import shared_fields
from selfaudit.tui.screens.base import BaseScreen
from selfaudit.tui.settle import drained
from selfaudit.tui.widgets.highlight_list import HighlightList
from selfaudit.tui.widgets.ordered_input import OrderedInput
from selfaudit.tui.widgets.title_header import TitleHeader
from selfaudit.views.export_choice import FORMATS, ExportFormat, Scope, export_scopes, export_target

if TYPE_CHECKING:
    from selfaudit.commands.export import Written

#: A choice of sessions, a format and the file or folder: what one preview was shown for.
Choice = tuple[str, str, Path]
#: Sessions sharing the same fields are named one by one up to this many.
NAMED_UP_TO = 3


class ExportSessionsScreen(BaseScreen):
    """Which sessions and which format (Tab between them), a path; Enter shows what would
    leave, Enter again writes; Esc goes back."""

    HELP_TOPIC = "history"
    BINDINGS = [
        Binding("escape", "back", "Back", priority=True),
        Binding("enter", "export", "Export", priority=True, key_display="⏎"),
    ]

    @dataclass
    class Loaded(Message):
        """The choices of sessions, read off the UI thread."""

        scopes: list[Scope]
        error: str

    @dataclass
    class Progressed(Message):
        """How far the reading is: ``done`` of ``total`` sessions."""

        done: int
        total: int

    @dataclass
    class Done(Message):
        """What the preview or the export found, and for which choice."""

        choice: Choice
        lines: list[str]
        written: bool
        previewed: bool
        """Whether ``lines`` is the preview of ``choice`` (not a problem found)."""

    def __init__(self, chosen: Sequence[str] = (), marked: bool = False) -> None:
        super().__init__()
        self.chosen = tuple(chosen)
        """The sessions chosen in History (``marked``, or else the one highlighted), offered
        first."""
        self.marked = marked
        self.scopes: list[Scope] = []
        self.loaded = False
        self.path = "~"
        self.lines: list[str] = []
        self.previewed: Choice | None = None
        """The choice whose preview is shown: Enter with it unchanged writes."""
        self.previewed_at = 0.0
        """When that preview was ready: an Enter read before it does not write."""
        self.written: tuple[str, str, str] | None = None
        """The choice and the path typed that were written: Enter with them unchanged does
        nothing (the file is there now)."""
        self.busy = False
        self.entered = ("", "", "")
        """The choice and the path typed of the preview or export under way."""
        self.highlighted: dict[str, int | None] = {"#export-scope": 0, "#export-format": 0}
        """Where each list's choice was, kept over a recompose (a language switch)."""

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        yield Static(self.t("export.title"), id="export-title", markup=False)
        with Horizontal(id="export-choices"):
            with Vertical():
                yield Static(self.t("export.which"), classes="headline", markup=False)
                yield HighlightList(*self._scope_options(), id="export-scope")
            with Vertical():
                yield Static(self.t("export.format"), classes="headline", markup=False)
                yield HighlightList(
                    *(Option(self.t(f"export.format.{f.id}"), id=f.id) for f in FORMATS),
                    id="export-format",
                )
        yield Static(self.t("export.where"), markup=False)
        yield OrderedInput(self.path, id="export-path")
        bar = ProgressBar(id="export-progress", show_eta=False, total=1)
        bar.display = False  # shown once sessions are read: an empty bar before says nothing
        yield bar
        yield Static("\n".join(visible(x) for x in self.lines), id="export-status", markup=False)
        yield Footer(compact=True)

    def _scope_options(self) -> list[Option]:
        if not self.loaded:
            return [Option(self.t("history.loading"), disabled=True)]
        if not self.scopes:
            return [Option(self.t("export.nothing"), disabled=True)]
        return [Option(self._scope_label(s), id=s.key) for s in self.scopes]

    def _scope_label(self, scope: Scope) -> str:
        count, name = len(scope.ids), scope.name
        if scope.kind == "chosen":
            if not self.marked:
                return self.t("export.scope.this", name=name)
            return self.t("export.scope.chosen", count=count)
        if scope.kind == "all":
            return self.t("export.scope.all", count=count)
        if scope.kind == "set":
            return self.t("export.scope.set", count=count, name=name)
        return self.t("export.scope.team", count=count, name=name)

    def on_mount(self) -> None:
        super().on_mount()
        self.after_recompose()
        self.load()

    def remember_state(self) -> None:
        self.path = self.query_one("#export-path", Input).value
        for selector in self.highlighted:
            self.highlighted[selector] = self.query_one(selector, OptionList).highlighted

    def after_recompose(self) -> None:
        for selector, index in self.highlighted.items():
            option_list = self.query_one(selector, OptionList)
            if index is not None and index < option_list.option_count:
                option_list.highlighted = index
        self.query_one("#export-scope", OptionList).focus()

    @property
    def ready_for_keys(self) -> bool:
        """Keys wait until the choices are read (see :mod:`selfaudit.tui.key_order`)."""
        return self.loaded

    @work(thread=True, exclusive=True, group="export-sessions")
    def load(self) -> None:
        """Read the choices of sessions in a thread: a long history takes a moment."""
        scopes: list[Scope] = []
        error = ""
        store = self.sa.store
        if store is not None:
            titles = {q.id: q.t(q.title, self.lang) for q in self.sa.catalog.sets.values()}
            try:
                scopes = export_scopes(store.query(), titles, self.sa.settings.team, self.chosen)
            except StoreError as exc:
                error = self.sa.error_text(exc)
        self.post_message(self.Loaded(scopes, error))

    def on_export_sessions_screen_loaded(self, message: Loaded) -> None:
        """Offer the choices that were read."""
        self.scopes, self.loaded = message.scopes, True
        if message.error:
            self._show([message.error])
        option_list = self.query_one("#export-scope", OptionList)
        option_list.set_options(self._scope_options())
        if self.scopes:
            option_list.highlighted = 0
        self.sa.keys_may_flow(self)  # keys typed before the choices were read act on them now

    def _selected(self) -> tuple[Scope, ExportFormat] | None:
        scope_at = self.query_one("#export-scope", OptionList).highlighted
        format_at = self.query_one("#export-format", OptionList).highlighted
        if scope_at is None or format_at is None or scope_at >= len(self.scopes):
            return None
        return self.scopes[scope_at], FORMATS[format_at]

    async def action_export(self) -> None:
        """Enter: show what would leave for this choice, or, shown already, write it."""
        typed_at = self.sa.key_read_at
        for selector in ("#export-scope", "#export-format", "#export-path"):
            await drained(self.query_one(selector))  # the keys typed before this Enter first
        selected = self._selected()
        text = self.query_one("#export-path", Input).value
        if self.busy or selected is None or self.sa.store is None:
            return
        scope, form = selected
        entered = (scope.key, form.id, text.strip())
        if entered == self.written:
            return  # written already: a changed choice writes again
        target = export_target(text, form, dt.date.today())
        if target.path is None:
            self.previewed = None
            self._show([self.t(f"export.target.{target.problem}", detail=target.detail)])
            return
        choice = (scope.key, form.id, target.path)
        confirmed = choice == self.previewed and typed_at > self.previewed_at
        if choice == self.previewed and not confirmed:
            return  # typed before the preview was there: it has to be seen first
        self.busy = True
        self.entered = entered
        bar = self.query_one("#export-progress", ProgressBar)
        bar.display = True
        bar.update(total=len(scope.ids), progress=0)
        self.run_export(scope, form, target.path, choice, write=confirmed)

    @work(thread=True, exclusive=True, group="export-sessions")
    def run_export(
        self, scope: Scope, form: ExportFormat, target: Path, choice: Choice, write: bool
    ) -> None:
        """Read (and with ``write``, write) in a thread; the result comes back by message."""
        from selfaudit.cli import UserError
        from selfaudit.commands.export import Request, shareable_sessions, write_export

        store = self.sa.store
        assert store is not None
        warnings: list[str] = []
        previewed = False
        try:
            by_id = {s.id: s for s in store.query()}
            summaries = [by_id[i] for i in scope.ids if i in by_id]
            shared = (
                shareable_sessions(store, summaries, warnings.append, self._progress)
                if summaries
                else []
            )
            if not shared:
                lines, write = [self.t("export.nothing")], False
            elif write:
                request = Request(form.fmt, target, self.sa.settings.team_k, form.decimal_comma)
                lines = self._written(write_export(store, shared, request))
            else:
                fields = [(s.session.id, shared_fields(s.doc)) for s in shared]
                lines = self._preview(target, fields)
                previewed = True
        except UserError as exc:
            lines, write = [str(exc)], False
        except StoreError as exc:
            lines, write = [self.sa.error_text(exc)], False
        self.post_message(self.Done(choice, [*warnings, *lines], write, previewed))

    def _progress(self, done: int, total: int) -> None:
        """From the thread: move the bar, a hundred steps at most."""
        if done == total or done % max(1, total // 100) == 0:
            self.post_message(self.Progressed(done, total))

    def on_export_sessions_screen_progressed(self, message: Progressed) -> None:
        """Move the bar."""
        self.query_one("#export-progress", ProgressBar).update(
            total=message.total, progress=message.done
        )

    def _written(self, written: Written) -> list[str]:
        """What was written (and what was left as it was), in the interface language."""
        lines = [self.t("export.written.clash", path=str(path)) for path in written.clashes]
        if not written.folder:
            return [
                *lines,
                self.t("export.written.file", count=written.sessions, path=str(written.target)),
            ]
        already = self.t("export.written.already", count=written.already) if written.already else ""
        folder = self.t(
            "export.written.folder",
            count=written.sessions,
            path=str(written.target),
            already=already,
        )
        return [*lines, folder]

    def _preview(self, target: Path, fields: list[tuple[str, list[str]]]) -> list[str]:
        """Where, and which fields of how many sessions (grouped by the fields they share)."""
        groups: dict[tuple[str, ...], list[str]] = {}
        for session_id, shared in fields:
            groups.setdefault(tuple(shared), []).append(session_id)
        lines = [self.t("export.preview", count=len(fields), path=str(target))]
        for names, ids in groups.items():
            which = f" ({', '.join(ids)})" if len(ids) <= NAMED_UP_TO else ""
            listed = ", ".join(names)
            lines.append(self.t("export.fields", count=len(ids), which=which, fields=listed))
        return lines

    def on_export_sessions_screen_done(self, message: Done) -> None:
        """Show the preview, or what was written."""
        self.busy = False
        bar = self.query_one("#export-progress", ProgressBar)
        bar.update(total=bar.total or 1, progress=bar.total or 1)
        bar.display = message.written or message.previewed  # not over a problem
        if message.written:
            self.written, self.previewed = self.entered, None
        else:
            self.previewed = message.choice if message.previewed else None
            self.previewed_at = message.time
        self._show(message.lines)

    def _show(self, lines: list[str]) -> None:
        self.lines = lines
        self.query_one("#export-status", Static).update("\n".join(visible(x) for x in lines))

    def action_back(self) -> None:
        """Back to where the export was opened."""
        self.app.pop_screen()
