"""A 0-100 score as a bar of block characters: readable without colour."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from selfaudit.i18n import bar_cells, fmt_number

WIDTH = 20


def bar_text(score: float | None, width: int = WIDTH) -> Text:
    """``████████░░░░  40`` for a score; ``–`` bars when there is none."""
    if score is None:
        return Text("·" * width + "   –", style="dim")
    filled = bar_cells(score, width)
    text = Text("█" * filled, style="bold")
    text.append("░" * (width - filled), style="dim")
    text.append(f" {fmt_number(score, 'en'):>3}")
    return text


class ScoreBar(Static):
    """Shows one score out of 100 as a bar and the number."""

    DEFAULT_CSS = """
    ScoreBar { width: auto; height: 1; color: $accent; }
    """
    """One line, in the theme's accent colour."""

    def __init__(self, score: float | None, **kwargs: str) -> None:
        super().__init__(bar_text(score), **kwargs)  # type: ignore[arg-type]
        self.score = score
