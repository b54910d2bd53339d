"""My trend for one set: every measure over my sessions, as charts and as a table."""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from selfaudit.core.model import QuestionSet
from selfaudit.core.trend import my_trend
from selfaudit.store import StoreError
from selfaudit.tui.screens.base import BaseScreen
from selfaudit.tui.widgets.title_header import TitleHeader
from selfaudit.tui.widgets.trend_chart import TrendChart
from selfaudit.tui.widgets.view_table import ViewTable
from selfaudit.views.trend import TrendView, trend_view


class TrendScreen(BaseScreen):
    """The figures of the view layer's :class:`TrendView`, drawn; none computed here."""

    HELP_TOPIC = "trend"
    BINDINGS = [Binding("escape", "back", "Back", priority=True)]

    @dataclass
    class Loaded(Message):
        """The trend, read and built off the UI thread."""

        view: TrendView | None
        error: str

    def __init__(self, qset: QuestionSet) -> None:
        super().__init__()
        self.qset = qset
        self.view: TrendView | None = None
        self.loaded = False
        """Whether the sessions have been read."""

    @property
    def ready_for_keys(self) -> bool:
        """Keys wait until the trend is shown (see :mod:`selfaudit.tui.key_order`)."""
        return self.loaded

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

    def on_mount(self) -> None:
        super().on_mount()
        self.load()

    async def on_trend_screen_loaded(self, message: Loaded) -> None:
        """Show what was read; the keys typed meanwhile then act on it."""
        if message.error:
            self.sa.notify(message.error, severity="error", markup=False)
        self.view, self.loaded = message.view, True
        await self.recompose()
        self.after_recompose()
        self.sa.keys_may_flow(self)

    def after_recompose(self) -> None:
        for table in self.query("#trend-table").results(ViewTable):
            self.set_focus(table)

    @work(thread=True, exclusive=True, group="trend-load")
    def load(self) -> None:
        """Read my sessions of this set and build the view, in a thread."""
        store, qset = self.sa.store, self.qset
        view, error = None, ""
        if store is not None:
            try:
                me = store.pseudonym()
                responses = store.my_responses(qset, me)
                trend = my_trend(responses, set_id=qset.id, respondent_id=me, qset=qset)
                view = trend_view(trend, qset, self.lang, self.sa.settings.currency)
            except StoreError as exc:
                error = self.sa.error_text(exc)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(view, error))

    def action_back(self) -> None:
        """Back to where the trend was opened."""
        self.app.pop_screen()
