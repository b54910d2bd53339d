"""One measure over time: its name and latest figure, a multi-row chart, the dates under it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Sparkline, Static

from selfaudit.views.content import Series

#: Cells per session in the chart, so a few sessions still read as bars, not as one block.
CELLS_PER_POINT = 6
#: The widest a chart gets (it stays inside 80 columns with the screen's padding).
MAX_WIDTH = 60


class TrendChart(Vertical):
    """A measure as Textual's own :class:`Sparkline` draws it (any height, no axes), with the
    text it lacks written around it: the label, the lowest and highest figure, the dates.

    The same figures are in the table under the charts, for NO_COLOR and screen readers.
    """

    DEFAULT_CSS = """
    TrendChart { height: auto; margin: 1 0 0 0; }
    TrendChart Sparkline { height: 3; }
    TrendChart .chart-dates { color: $text-muted; }
    """
    """Self-contained: three rows of chart between its label and its dates."""

    def __init__(self, series: Series, latest: str) -> None:
        super().__init__()
        self.series = series
        self.latest = latest
        """The newest figure and its change, as the view wrote them."""

    def compose(self) -> ComposeResult:
        s = self.series
        yield Static(f"{s.label}  {self.latest}", classes="chart-label", markup=False)
        if not s.values:
            return
        width = min(MAX_WIDTH, max(CELLS_PER_POINT * len(s.values), 2))
        chart = Sparkline(list(s.values), summary_function=max)
        chart.styles.width = width
        yield chart
        yield Static(self._dates(width), classes="chart-dates", markup=False)

    def _dates(self, width: int) -> str:
        """The first date at the left edge of the chart, the last at its right edge."""
        labels = self.series.labels
        if len(labels) == 1:
            return labels[0]
        first, last = labels[0], labels[-1]
        gap = max(1, width - len(first) - len(last))
        return f"{first}{' ' * gap}{last}"
