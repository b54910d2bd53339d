"""Cumulative levels (seed 003's five levels of customer orientation) and their consistency."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class LevelOutcome:
    """The level reached and how consistent the profile is."""

    reached: int
    """Highest L such that levels 1..L are all met; 0 when level 1 is not met."""
    met: tuple[bool, ...]
    """Per level, lowest first."""
    reproducibility: float
    """Guttman coefficient of reproducibility, 0..1; 1 means a perfect cumulative profile."""
    next_level: int | None
    """The level to work on next, or ``None`` when every level is reached."""

    @property
    def consistent(self) -> bool:
        """Whether the profile is consistent enough (CR >= 0.90) to stand without the detail."""
        return self.reproducibility >= 0.90


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


def level_outcome(met: Sequence[bool]) -> LevelOutcome:
    """Score one profile of met / not met levels, lowest level first."""
    reached = 0
    for flag in met:
        if not flag:
            break
        reached += 1
    return LevelOutcome(
        reached=reached,
        met=tuple(met),
        reproducibility=reproducibility([met]),
        next_level=reached + 1 if reached < len(met) else None,
    )
