"""Cumulative levels (seed 003's five levels of customer orientation) and their consistency."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class LevelOutcome:
    """The level reached and how consistent the profile is."""

    reached: int
    """Highest L such that levels 1..L are all met; 0 when level 1 is not met.

    A level without answers is neither met nor failed: counting stops there too, and
    :attr:`stopped_unanswered` says so.
    """
    met: tuple[bool | None, ...]
    """Per level, lowest first: met, not met, or ``None`` when every item of it was skipped."""
    reproducibility: float
    """Guttman coefficient of reproducibility over the answered levels, 0..1; 1 is a perfect
    cumulative profile."""
    next_level: int | None
    """The level to work on next, or ``None`` when every level is reached."""

    @property
    def answered(self) -> bool:
        """Whether any level has answers (consistency means nothing without)."""
        return any(m is not None for m in self.met)

    @property
    def unanswered(self) -> tuple[int, ...]:
        """The levels (1-based) without answers."""
        return tuple(i + 1 for i, m in enumerate(self.met) if m is None)

    @property
    def stopped_unanswered(self) -> bool:
        """Whether the count stopped at a level that was not answered rather than not met."""
        return self.next_level is not None and self.met[self.next_level - 1] is None

    @property
    def out_of_order(self) -> tuple[int, tuple[int, ...]] | None:
        """Where a higher level is met while a lower one is not: the lowest level not met and
        the met levels above it; ``None`` when every met level rests on the levels below it.

        For one person this says more than the coefficient, which over five levels can only be
        1.0, 0.6 or 0.2; the coefficient is for a team (:mod:`selfaudit.core.team`).
        """
        gap = next((i + 1 for i, m in enumerate(self.met) if m is False), None)
        if gap is None:
            return None
        above = tuple(i + 1 for i, m in enumerate(self.met) if m is True and i + 1 > gap)
        return (gap, above) if above else None


def guttman_errors(met: Sequence[bool]) -> int:
    """Deviations from the ideal cumulative pattern with the same number of levels met.

    The Goodenough-Edwards count: with k levels met, the ideal pattern meets levels 1..k; every
    level that differs from it is one error.
    """
    k = sum(met)
    return sum(1 for i, m in enumerate(met) if m != (i < k))


def reproducibility(profiles: Sequence[Sequence[bool]]) -> float:
    """CR = 1 - errors / (respondents x levels), after Guttman (1944)."""
    cells = sum(len(p) for p in profiles)
    if cells == 0:
        return 1.0
    return 1.0 - sum(guttman_errors(p) for p in profiles) / cells


def level_outcome(met: Sequence[bool | None]) -> LevelOutcome:
    """Score one profile of met / not met / unanswered (``None``) levels, lowest level first."""
    reached = 0
    for flag in met:
        if flag is not True:
            break
        reached += 1
    answered = [m for m in met if m is not None]
    return LevelOutcome(
        reached=reached,
        met=tuple(met),
        reproducibility=reproducibility([answered]),
        next_level=reached + 1 if reached < len(met) else None,
    )
