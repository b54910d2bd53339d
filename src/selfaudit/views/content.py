"""The building blocks every view is made of: cells, rows, tables and chart series.

Each carries what is shown (text, already in the user's language) beside the raw figure, so a
screen can colour or chart by value and a script can read the number; ``to_json()`` gives both.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: The text of a cell without a figure.
NO_FIGURE = "–"


@dataclass(frozen=True)
class Cell:
    """One shown figure."""

    text: str
    value: float | None = None
    """The figure behind the text (a change is signed); ``None`` when there is none."""

    def to_json(self) -> dict[str, Any]:
        """``{"text": ..., "value": ...}``."""
        return {"text": self.text, "value": self.value}


EMPTY = Cell(NO_FIGURE)


@dataclass(frozen=True)
class Row:
    """A labelled row of cells."""

    key: str
    """Stable: a measure key (``score:<dimension>``, ``enps``...), an item id, an option or a
    round label."""
    label: str
    cells: tuple[Cell, ...]

    def to_json(self) -> dict[str, Any]:
        """The row with its cells."""
        return {"key": self.key, "label": self.label, "cells": [c.to_json() for c in self.cells]}


@dataclass(frozen=True)
class Table:
    """Rows under headers: ``headers[0]`` names the label column, the rest one per cell."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[Row, ...]

    def figure_columns(self) -> tuple[bool, ...]:
        """Per column after the label, whether it holds figures (any cell with a value): those
        are right-aligned, columns of words are not."""
        width = max((len(r.cells) for r in self.rows), default=0)
        return tuple(
            any(i < len(r.cells) and r.cells[i].value is not None for r in self.rows)
            for i in range(width)
        )

    def to_json(self) -> dict[str, Any]:
        """The table with its rows."""
        return {
            "title": self.title,
            "headers": list(self.headers),
            "rows": [r.to_json() for r in self.rows],
        }


@dataclass(frozen=True)
class Series:
    """One measure as a chart draws it (a Textual ``Sparkline`` takes ``values``): only the
    points that have a figure, each with its label to write under it."""

    key: str
    label: str
    values: tuple[float, ...]
    labels: tuple[str, ...]
    """A date or round label per value."""

    def to_json(self) -> dict[str, Any]:
        """The series' values and labels."""
        return {
            "key": self.key,
            "label": self.label,
            "values": list(self.values),
            "labels": list(self.labels),
        }
