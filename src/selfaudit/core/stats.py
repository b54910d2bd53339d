"""The statistics of a group's figures (median, quartiles, interquartile range, min-max) and the
change between two figures.

One quartile method is used everywhere: the **inclusive** method, which treats the figures as
the whole group (the smallest is the 0th percentile, the largest the 100th) and interpolates
linearly between neighbours at position (n - 1) x p of the sorted figures. It is Hyndman & Fan's
(1996) type 7, Python's ``statistics.quantiles(method="inclusive")``, R's default ``quantile``,
and Excel's and LibreOffice's ``QUARTILE.INC``. Chosen because a team is the whole group we
describe (not a sample of a larger one), because a team lead can check every figure in a
spreadsheet, and because its quartiles never fall outside the figures seen and exist for any
number of them. The median is the second quartile of the same method: the middle figure, or the
mean of the two middle ones.

It is written out here rather than called from :mod:`statistics` because Python 3.11 refuses
fewer than two figures; the arithmetic is the same, to the last bit (a test holds it to that).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum


def _quartile(ordered: Sequence[float], i: int) -> float:
    """The ``i``-th quartile (1, 2 or 3) of sorted figures, by the inclusive method."""
    if len(ordered) == 1:
        return ordered[0]
    j, delta = divmod(i * (len(ordered) - 1), 4)
    if delta == 0:
        return ordered[j]
    return (ordered[j] * (4 - delta) + ordered[j + 1] * delta) / 4


@dataclass(frozen=True)
class Spread:
    """How a group's figures lie: the middle, the middle half and the extremes."""

    n: int
    """How many figures."""
    median: float
    q1: float
    """First quartile: a quarter of the figures lie at or below it."""
    q3: float
    """Third quartile: three quarters of the figures lie at or below it."""
    minimum: float
    maximum: float

    @property
    def iqr(self) -> float:
        """Interquartile range, ``q3 - q1``: how wide the middle half of the group is."""
        return self.q3 - self.q1

    @property
    def range(self) -> float:
        """``maximum - minimum``."""
        return self.maximum - self.minimum


def spread(values: Iterable[float]) -> Spread | None:
    """The :class:`Spread` of ``values`` (see the module docstring); ``None`` when empty."""
    ordered = sorted(values)
    if not ordered:
        return None
    return Spread(
        n=len(ordered),
        median=_quartile(ordered, 2),
        q1=_quartile(ordered, 1),
        q3=_quartile(ordered, 3),
        minimum=ordered[0],
        maximum=ordered[-1],
    )


class Direction(StrEnum):
    """Which way a figure moved."""

    UP = "up"
    DOWN = "down"
    SAME = "same"


#: Saved figures keep two decimals, so a change is rounded to two decimals: float noise
#: (0.1 + 0.2 - 0.3) never shows as a change.
CHANGE_DECIMALS = 2


@dataclass(frozen=True)
class Delta:
    """The change from an earlier figure to a later one (or from a reference to another)."""

    change: float
    """Later minus earlier, rounded to :data:`CHANGE_DECIMALS`."""

    @property
    def size(self) -> float:
        """How much it changed, whichever way."""
        return abs(self.change)

    @property
    def direction(self) -> Direction:
        """Up, down, or the same."""
        if self.change > 0:
            return Direction.UP
        return Direction.DOWN if self.change < 0 else Direction.SAME


def delta(earlier: float | None, later: float | None) -> Delta | None:
    """The change from ``earlier`` to ``later``; ``None`` when either is missing."""
    if earlier is None or later is None:
        return None
    return Delta(round(later - earlier, CHANGE_DECIMALS) + 0.0)  # + 0.0: no -0.0
