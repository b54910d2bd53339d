"""History: every saved session, newest first; Enter opens one."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from selfaudit.i18n import fmt_date
from selfaudit.store import SessionSummary, StoreError
from selfaudit.tui.screens.base import BaseScreen


class HistoryScreen(BaseScreen):
    """Lists saved sessions with date, set, team and respondent."""

    HELP_TOPIC = "history"
    BINDINGS = [Binding("escape", "home", "Home")]

    def __init__(self) -> None:
        super().__init__()
        self.sessions: list[SessionSummary] = []

    def compose(self) -> ComposeResult:
        store = self.sa.store
        if store is not None:
            try:
                self.sessions = store.sessions()
            except StoreError as exc:
                self.sa.notify(self.sa.error_text(exc), severity="error", markup=False)
        yield Header()
        yield Static(
            self.t("history.title", count=len(self.sessions)), classes="title", markup=False
        )
        options = [Option(self._prompt(s), id=s.id) for s in self.sessions]
        if not options:
            options = [Option(self.t("history.empty"), disabled=True)]
        yield OptionList(*options, id="history-list")
        yield Footer(compact=True)

    def _prompt(self, s: SessionSummary) -> Text:
        qset = self.sa.catalog.get(s.set_id)
        title = qset.t(qset.title, self.lang) if qset else s.set_id
        text = Text(fmt_date(s.completed_at, self.lang) + "  ", style="bold")
        text.append(title)
        who = " · ".join(x for x in (s.team, s.respondent) if x)
        if who:
            text.append(f"  ({who})", style="dim")
        return text

    def on_mount(self) -> None:
        self.query_one("#history-list").focus()

    def after_recompose(self) -> None:
        self.query_one("#history-list").focus()

    @on(OptionList.OptionSelected, "#history-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        store = self.sa.store
        if store is None or not event.option.id:
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

    def action_home(self) -> None:
        """Back to where you came from."""
        self.app.pop_screen()
