"""My trend for one set: every measure over my sessions, as charts and as a table."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from selfaudit.core.model import QuestionSet
from selfaudit.core.trend import my_trend
from selfaudit.store import Store
from selfaudit.tui.screens.view_screen import ViewScreen
from selfaudit.tui.widgets.title_header import TitleHeader
from selfaudit.tui.widgets.trend_chart import TrendChart
from selfaudit.tui.widgets.view_table import ViewTable
from selfaudit.views.trend import TrendView, trend_view


class TrendScreen(ViewScreen):
    """The figures of the view layer's :class:`TrendView`, drawn; none computed here."""

    HELP_TOPIC = "trend"

    def __init__(self, qset: QuestionSet) -> None:
        super().__init__()
        self.qset = qset
        self.view: TrendView | None = None

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        with VerticalScroll(id="trend-box"):
            view = self.view
            if view is None:
                yield Static(self.t("history.loading"), classes="muted", markup=False)
            else:
                yield Static(view.title, classes="title", markup=False)
                yield Static(view.summary, classes="muted", markup=False)
                latest = {row.key: row.cells for row in view.table.rows}
                for series in view.series:
                    cells = latest.get(series.key, ())
                    shown = "  ".join(c.text for c in cells[-2:]) if len(cells) >= 2 else ""
                    yield TrendChart(series, shown)
                if view.table.rows:
                    yield Static(self.t("trend.in-figures"), classes="section", markup=False)
                    yield ViewTable(view.table, id="trend-table")
                for note in view.notes:
                    yield Static(note, classes="muted", markup=False)
        yield Footer(compact=True)

    def after_recompose(self) -> None:
        for table in self.query("#trend-table").results(ViewTable):
            self.set_focus(table)

    def build(self, store: Store) -> TrendView:
        """Read my sessions of this set and build the view."""
        me = store.pseudonym()
        responses = store.my_responses(self.qset, me)
        trend = my_trend(responses, set_id=self.qset.id, respondent_id=me, qset=self.qset)
        return trend_view(trend, self.qset, self.lang, self.sa.settings.currency)

    def show(self, built: TrendView) -> None:
        """Keep the trend to draw."""
        self.view = built
