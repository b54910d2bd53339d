"""A table of the view layer, drawn as a Textual DataTable (readable without colour)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from selfaudit.core.text import cell_width
from selfaudit.views.content import Table

#: The narrowest the label column gets when long labels (questions) are wrapped to fit.
MIN_LABEL = 24
#: What the screen's padding, the scrollbar and the cells' own padding take from the width.
_FRAME = 9


class ViewTable(DataTable[str | Text]):
    """The headers and rows of a view's :class:`Table`, as the view wrote them.

    When the rows are wider than the screen, the label column (a question, say) is wrapped
    over more lines so the figures beside it stay in sight.
    """

    DEFAULT_CSS = """
    ViewTable { height: auto; max-height: 20; margin: 0 0 1 0; }
    """
    """As tall as its rows, then it scrolls."""

    def __init__(self, table: Table, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, zebra_stripes=True, cursor_type="row")
        self.table = table

    def on_mount(self) -> None:
        headers, rows = self.table.headers, self.table.rows
        if not headers:
            return
        label_width = self._label_width()
        self.add_column(headers[0], width=label_width)
        for header in headers[1:]:
            self.add_column(header)
        for row in rows:
            if label_width is None:
                self.add_row(row.label, *(c.text for c in row.cells))
            else:  # wrapped: as many lines as the label needs
                self.add_row(Text(row.label), *(c.text for c in row.cells), height=None)

    def _label_width(self) -> int | None:
        """The label column's width when the table would be wider than the screen (the labels
        then wrap), else ``None`` (as wide as the longest label)."""
        headers, rows = self.table.headers, self.table.rows
        padding = 2 * self.cell_padding

        def widest(index: int) -> int:
            texts = [headers[index]]
            for row in rows:
                if index == 0:
                    texts.append(row.label)
                elif index - 1 < len(row.cells):
                    texts.append(row.cells[index - 1].text)
            return max(cell_width(text) for text in texts) + padding

        figures = sum(widest(i) for i in range(1, len(headers)))
        room = self.app.size.width - _FRAME - figures - padding
        return max(MIN_LABEL, room) if widest(0) - padding > room else None
