"""Line charts as inline SVG: no script, no font or file from outside, text escaped."""

from __future__ import annotations

from html import escape

from selfaudit.core.text import visible
from selfaudit.views.content import Series

WIDTH, HEIGHT = 560, 200
#: Room for the value labels above, the dates below and the scale on the left.
LEFT, RIGHT, TOP, BOTTOM = 44, 24, 28, 40
LINE = "#2a6fdb"


def _text(value: str) -> str:
    return escape(visible(value), quote=True)


def _scale(series: Series) -> tuple[float, float]:
    """The values' range: 0-100 for scores, else the values' own (never empty)."""
    if series.key.startswith("score:"):
        return 0.0, 100.0
    low, high = min(series.values), max(series.values)
    if low == high:
        return low - 1, high + 1
    return low, high


def line_chart(series: Series, shown: tuple[str, ...]) -> str:
    """``series`` as an SVG line chart; ``shown`` is the text of each value, as the view wrote
    it, written above its point."""
    low, high = _scale(series)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    count = len(series.values)

    def x(i: int) -> float:
        return LEFT + (plot_w * i / (count - 1) if count > 1 else plot_w / 2)

    def y(value: float) -> float:
        return TOP + plot_h * (1 - (value - low) / (high - low))

    points = [(x(i), y(v)) for i, v in enumerate(series.values)]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{_text(series.label)}">',
        f"<title>{_text(series.label)}</title>",
        f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="#f6f8fb" '
        'stroke="#c9d1dc"/>',
    ]
    for value in (low, high):
        parts.append(
            f'<text x="{LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end" font-size="11" '
            f'fill="#555">{_text(f"{value:g}")}</text>'
        )
    if count > 1:
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{LINE}" stroke-width="2.5"/>')
    for (px, py), label, text in zip(points, series.labels, shown, strict=True):
        parts.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4" fill="{LINE}"/>')
        parts.append(
            f'<text x="{px:.1f}" y="{py - 9:.1f}" text-anchor="middle" font-size="12" '
            f'fill="#111">{_text(text)}</text>'
        )
        parts.append(
            f'<text x="{px:.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle" '
            f'font-size="11" fill="#555">{_text(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
