"""Plain text of the views' content, for ``selfaudit trend``, ``compare`` and ``team``.

One renderer for every :class:`~selfaudit.views.content.Table`: a label column on the left and
the figures right-aligned beside it, aligned by terminal cells (a wide character takes two, an
escape such as ``\\x1b`` is shown, never obeyed). Long labels and headers wrap at word breaks
rather than being cut, so a question's text is read whole. Nothing here computes a figure: the
views already wrote every cell.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol, TypeVar

from selfaudit.commands.common import print_json
from selfaudit.core.text import cell_width, column, visible
from selfaudit.views.content import Table

#: Space between two columns.
GAP = "  "
#: The widest a figure column's header may be before it wraps (the figures are narrower).
HEADER_WIDTH = 24
#: The narrowest the label column is made, however many figure columns there are.
MIN_LABEL = 20
#: The line width when the output is not a terminal (a pipe, a file): ``$COLUMNS`` else this.
DEFAULT_WIDTH = 100


def line_width() -> int:
    """How wide a line may be: the terminal's, ``$COLUMNS``, else :data:`DEFAULT_WIDTH`."""
    return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns


def wrap(text: str, width: int) -> list[str]:
    """``text`` made :func:`visible` and broken at spaces into lines of at most ``width``
    cells; a single word longer than that is cut with ``…`` (never inside an escape)."""
    lines: list[str] = []
    line = ""
    for word in visible(text).split():
        candidate = f"{line} {word}" if line else word
        if cell_width(candidate) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return [column(piece, width).rstrip() for piece in lines]


def _right(text: str, width: int) -> str:
    return " " * (width - cell_width(text)) + text


def table_lines(table: Table, width: int | None = None) -> list[str]:
    """The lines of ``table``: its title, its headers, then a line per row (more when its label
    wraps). A table without rows gives no lines."""
    if not table.rows:
        return []
    width = line_width() if width is None else width
    figures = max(len(row.cells) for row in table.rows)
    headers = [*table.headers[1:], *([""] * figures)][:figures]
    head_lines = [_header(h) for h in headers]
    widths = [
        max(
            [cell_width(line) for line in lines]
            + [cell_width(visible(row.cells[i].text)) for row in table.rows if i < len(row.cells)]
        )
        for i, lines in enumerate(head_lines)
    ]
    room = width - sum(widths) - len(GAP) * figures
    longest = max(cell_width(visible(text)) for text in _labels(table))
    label_width = max(MIN_LABEL, min(longest, room))
    out = wrap(table.title, width) if table.title else []
    label_head = wrap(table.headers[0], label_width) if table.headers else [""]
    depth = max([len(label_head)] + [len(lines) for lines in head_lines])
    for n in range(depth):
        # Headers sit on the bottom of their block, as spreadsheets align them.
        label = _bottom(label_head, depth, n)
        cells = [_bottom(lines, depth, n) for lines in head_lines]
        out.append(_line(label, label_width, cells, widths))
    for row in table.rows:
        cells = [visible(c.text) for c in row.cells] + [""] * (figures - len(row.cells))
        for n, label in enumerate(wrap(row.label, label_width)):
            out.append(_line(label, label_width, cells if n == 0 else [""] * figures, widths))
    return out


def _labels(table: Table) -> Iterable[str]:
    yield from (row.label for row in table.rows)
    if table.headers:
        yield table.headers[0]


def _header(text: str) -> list[str]:
    """A figure column's header: one line up to :data:`HEADER_WIDTH` cells, else as few lines
    as at that width, made as even as they can be (no word left alone on the last line)."""
    widest = max((cell_width(word) for word in visible(text).split()), default=0)
    lines = wrap(text, max(HEADER_WIDTH, widest))
    for width in range(widest, HEADER_WIDTH):
        even = wrap(text, width)
        if len(even) == len(lines):
            return even
    return lines


def _bottom(lines: Sequence[str], depth: int, n: int) -> str:
    offset = depth - len(lines)
    return lines[n - offset] if n >= offset else ""


def _line(label: str, label_width: int, cells: Sequence[str], widths: Sequence[int]) -> str:
    parts = [
        column(label, label_width),
        *(_right(c, w) for c, w in zip(cells, widths, strict=True)),
    ]
    return GAP.join(parts).rstrip()


def print_table(table: Table) -> None:
    """Print ``table`` (nothing for a table without rows), then a blank line."""
    lines = table_lines(table)
    if lines:
        print("\n".join(lines))
        print()


def print_lines(*texts: str) -> None:
    """Print each non-empty sentence, made :func:`visible`, wrapped to the line width."""
    width = line_width()
    for text in texts:
        if text:
            print("\n".join(wrap(text, width)))


class _View(Protocol):
    def to_json(self) -> dict[str, Any]: ...


View = TypeVar("View", bound=_View)


def print_view(view: View, as_json: bool, as_text: Callable[[View], None]) -> int:
    """``view`` as its ``to_json()`` (``--json``) or as text; the exit code, 0."""
    if as_json:
        print_json(view.to_json())
    else:
        as_text(view)
    return 0
