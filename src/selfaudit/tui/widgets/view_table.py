"""A table of the view layer, drawn as a Textual DataTable (readable without colour)."""

from __future__ import annotations

from textual.widgets import DataTable

from selfaudit.views.content import Table


class ViewTable(DataTable[str]):
    """The headers and rows of a view's :class:`Table`, as the view wrote them."""

    DEFAULT_CSS = """
    ViewTable { height: auto; max-height: 20; margin: 0 0 1 0; }
    """
    """As tall as its rows, then it scrolls."""

    def __init__(self, table: Table, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, zebra_stripes=True, cursor_type="row")
        self.table = table

    def on_mount(self) -> None:
        self.add_columns(*self.table.headers)
        self.add_rows([(row.label, *(c.text for c in row.cells)) for row in self.table.rows])
