"""History: every saved session, newest first; Enter opens one, ``d`` moves one to the trash."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from selfaudit.core.text import visible
from selfaudit.i18n import fmt_date_time
from selfaudit.store import SessionSummary, StoreError
from selfaudit.tui.screens.base import BaseScreen
from selfaudit.tui.screens.confirm import ConfirmScreen
from selfaudit.tui.widgets.ordered_option_list import OrderedOptionList
from selfaudit.tui.widgets.title_header import TitleHeader


class HistoryScreen(BaseScreen):
    """Lists saved sessions with date and time, set, team and respondent."""

    HELP_TOPIC = "history"
    BINDINGS = [
        Binding("escape", "home", "Home", priority=True),
        Binding("d", "delete", "Delete", priority=True),
        Binding("space", "mark", "Mark", show=False, priority=True),  # in the help; c is shown
        Binding("c", "compare", "Compare", priority=True),
        # Exchanging sessions: in the help (and the palette), not in the footer.
        Binding("x", "export", "Export", show=False, priority=True),
        Binding("i", "import", "Import", show=False, priority=True),
        Binding("y", "sync", "Sync", show=False, priority=True),
    ]

    @dataclass
    class Loaded(Message):
        """The saved sessions, read off the UI thread."""

        sessions: list[SessionSummary]
        error: str

    def __init__(self) -> None:
        super().__init__()
        self.sessions: list[SessionSummary] = []
        self.loaded = False
        """Whether the store has been read."""
        self.marked: set[str] = set()
        """The sessions marked (space) to compare."""

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        yield Static(self._title(), id="history-title", classes="title", markup=False)
        yield OrderedOptionList(*self._options(), id="history-list")
        yield Footer(compact=True)

    def _title(self) -> str:
        if not self.loaded:
            return self.t("history.loading")
        return self.t("history.title", count=len(self.sessions))

    def _options(self) -> list[Option]:
        options = [Option(self._prompt(s), id=s.id) for s in self.sessions]
        if self.loaded and not options:
            options = [Option(self.t("history.empty"), disabled=True)]
        return options

    @work(thread=True, exclusive=True, group="history-load")
    def load(self) -> None:
        """Read the session summaries in a thread: a long history takes a moment."""
        sessions: list[SessionSummary] = []
        error = ""
        store = self.sa.store
        if store is not None:
            try:
                sessions = store.sessions()
            except StoreError as exc:
                error = self.sa.error_text(exc)
        if not get_current_worker().is_cancelled:  # a newer read replaced this one
            self.post_message(self.Loaded(sessions, error))

    def on_history_screen_loaded(self, message: Loaded) -> None:
        """Show the sessions that were read."""
        if message.error:
            self.sa.notify(message.error, severity="error", markup=False)
        self.sessions, self.loaded = message.sessions, True
        self.sa.keys_may_flow(self)  # keys typed before the list was read act on it now
        for title in self.query("#history-title").results(Static):
            title.update(self._title())
        for option_list in self.query("#history-list").results(OptionList):
            option_list.set_options(self._options())
            if self.sessions:
                option_list.highlighted = 0  # the newest, so Enter opens it

    def _prompt(self, s: SessionSummary) -> Text:
        qset = self.sa.catalog.get(s.set_id)
        title = qset.t(qset.title, self.lang) if qset else visible(s.set_id)
        text = Text("[x] " if s.id in self.marked else "", style="bold")
        text.append(fmt_date_time(s.completed_at, self.lang) + "  ", style="bold")
        text.append(title)
        text.append(f"  {self.headline(qset, s)}", style="italic")
        came_in = self.t("history.imported") if s.imported else ""
        who = " · ".join(x for x in (s.team, s.respondent, came_in) if x)
        if who:
            text.append(f"  ({visible(who)})", style="dim")
        return text

    def on_mount(self) -> None:
        self.query_one("#history-list").focus()
        self.load()

    def after_recompose(self) -> None:
        self.query_one("#history-list").focus()

    @on(OptionList.OptionSelected, "#history-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        store = self.sa.store
        if store is None or not event.option.id or not self.is_current:
            return
        try:
            session = store.load(event.option.id)
        except StoreError as exc:
            self.sa.notify(self.sa.error_text(exc), severity="error", markup=False)
            return
        qset = self.sa.catalog.get(session.set_id)
        if qset is None:
            self.sa.notify(
                self.t("history.no-set", set=session.set_id), severity="warning", markup=False
            )
            return
        from selfaudit.tui.screens.results import ResultsScreen

        self.app.push_screen(ResultsScreen(qset, session=session))

    def action_mark(self) -> None:
        """Mark or unmark the highlighted session for a comparison."""
        summary = self._highlighted_session()
        if summary is None:
            return
        self.marked ^= {summary.id}
        option_list = self.query_one("#history-list", OptionList)
        index = option_list.highlighted
        if index is not None:
            option_list.replace_option_prompt_at_index(index, self._prompt(summary))

    def action_export(self) -> None:
        """Export sessions, the marked ones or else the highlighted one offered first (the
        export screen shows what would leave before it writes)."""
        chosen = [s.id for s in self.sessions if s.id in self.marked]
        highlighted = self._highlighted_session()
        if chosen or highlighted is None:
            self.sa.open_export(chosen, marked=True)
        else:
            self.sa.open_export([highlighted.id])

    def action_import(self) -> None:
        """Import sessions from files or a folder."""
        self.sa.open_import()

    def action_sync(self) -> None:
        """Sync with the team store (the sync screen shows what would be published first)."""
        self.sa.open_sync()

    def action_compare(self) -> None:
        """Compare the marked sessions, or the highlighted one with the one before it (the
        same set, the same person): me now against me then."""
        chosen = [s for s in self.sessions if s.id in self.marked]
        if len(chosen) < 2:
            summary = self._highlighted_session()
            earlier = [
                s
                for s in self.sessions
                if summary
                and s.set_id == summary.set_id
                and s.respondent_id == summary.respondent_id
                and (s.completed_at, s.id) < (summary.completed_at, summary.id)
            ]
            chosen = [summary, earlier[0]] if summary and earlier else []
        qset = self.sa.catalog.get(chosen[0].set_id) if chosen else None
        if qset is None or len({s.set_id for s in chosen}) != 1:
            self.sa.notify(self.t("compare.choose"), severity="warning")
            return
        from selfaudit.tui.screens.compare import CompareScreen

        self.app.push_screen(CompareScreen(qset, [s.id for s in chosen]))

    def _highlighted_session(self) -> SessionSummary | None:
        option = self.query_one("#history-list", OptionList).highlighted_option
        option_id = option.id if option is not None else None
        return next((s for s in self.sessions if s.id == option_id), None)

    @on(OptionList.OptionHighlighted, "#history-list")
    def _highlighted(self) -> None:
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "delete":
            return self._highlighted_session() is not None
        return True

    @property
    def ready_for_keys(self) -> bool:
        """Keys wait until the sessions are read (see :mod:`selfaudit.tui.key_order`)."""
        return self.loaded

    def action_delete(self) -> None:
        """Move the highlighted session to the trash, after a confirmation naming it.

        Keys typed before the list is read wait for it (see key_order); the question is pushed
        at once, so a key typed right after ``d`` answers it.
        """
        summary = self._highlighted_session()
        if summary is None:
            return
        qset = self.sa.catalog.get(summary.set_id)
        question = self.t(
            "confirm.delete",
            title=qset.t(qset.title, self.lang) if qset else visible(summary.set_id),
            date=fmt_date_time(summary.completed_at, self.lang),
            headline=self.headline(qset, summary),
            short=summary.id[:8],
        )
        self.app.push_screen(
            ConfirmScreen(question, self.t("confirm.delete.yes"), danger=True),
            callback=functools.partial(self._delete, summary.id),
        )

    def _delete(self, session_id: str, ok: bool | None) -> None:
        store = self.sa.store
        if not ok or store is None:
            return
        try:
            store.move_to_trash(session_id)
        except StoreError as exc:
            self.sa.notify(self.sa.error_text(exc), severity="error", markup=False)
            self.load()  # moved or changed meanwhile, say from the command line: show what is
            return
        self.sa.notify(self.t("notify.deleted", short=session_id[:8]), markup=False, timeout=15)
        option_list = self.query_one("#history-list", OptionList)
        index = next((i for i, s in enumerate(self.sessions) if s.id == session_id), 0)
        self.sessions = [s for s in self.sessions if s.id != session_id]
        self.query_one("#history-title", Static).update(self._title())
        option_list.set_options(self._options())
        if self.sessions:
            option_list.highlighted = min(index, len(self.sessions) - 1)  # the one below it
        self.refresh_bindings()

    def action_home(self) -> None:
        """Back to where you came from."""
        self.app.pop_screen()
