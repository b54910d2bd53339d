"""Two or more saved sessions of one set side by side, largest differences first."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from selfaudit.core.compare import compare_sessions
from selfaudit.core.model import QuestionSet
from selfaudit.store import Store
from selfaudit.tui.screens.view_screen import ViewScreen
from selfaudit.tui.widgets.title_header import TitleHeader
from selfaudit.tui.widgets.view_table import ViewTable
from selfaudit.views.compare import CompareView, compare_view


class CompareScreen(ViewScreen):
    """The view layer's :class:`CompareView` of some sessions, drawn; nothing computed here."""

    HELP_TOPIC = "compare"

    def __init__(self, qset: QuestionSet, session_ids: list[str]) -> None:
        super().__init__()
        self.qset = qset
        self.session_ids = session_ids
        self.view: CompareView | None = None

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        with VerticalScroll(id="compare-box"):
            view = self.view
            if view is None:
                yield Static(self.t("history.loading"), classes="muted", markup=False)
            else:
                yield Static(view.title, classes="title", markup=False)
                if view.hidden:
                    yield Static(view.hidden, classes="warning", markup=False)
                for table in (view.dimensions, view.figures, view.items):
                    if table.rows:
                        yield Static(table.title, classes="section", markup=False)
                        yield ViewTable(table)
                for note in view.notes:
                    yield Static(note, classes="muted", markup=False)
        yield Footer(compact=True)

    def build(self, store: Store) -> CompareView:
        """Read the sessions and build the comparison."""
        responses = [store.response(i, self.qset) for i in self.session_ids]
        comparison = compare_sessions(responses, self.qset)
        return compare_view(comparison, self.qset, self.lang, self.sa.settings.currency)

    def show(self, built: CompareView) -> None:
        """Keep the comparison to draw."""
        self.view = built
