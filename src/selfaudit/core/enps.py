"""Employee Net Promoter Score (after Reichheld, 2003).

eNPS is a group figure: 100 x (promoters - detractors) / everyone who answered, with passives in
the denominator. A single session shows the person's category only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Category(StrEnum):
    """Where one 0-10 answer falls."""

    PROMOTER = "promoter"
    PASSIVE = "passive"
    DETRACTOR = "detractor"


def category(answer: int) -> Category:
    """9-10 promoter, 7-8 passive, 0-6 detractor."""
    if not 0 <= answer <= 10:
        raise ValueError(f"an eNPS answer is 0-10, got {answer}")
    if answer >= 9:
        return Category.PROMOTER
    if answer >= 7:
        return Category.PASSIVE
    return Category.DETRACTOR


@dataclass(frozen=True)
class Enps:
    """eNPS of a group, with its counts."""

    score: float | None
    """-100..100; ``None`` when nobody answered."""
    promoters: int
    passives: int
    detractors: int

    @property
    def answered(self) -> int:
        """Everyone counted in the denominator."""
        return self.promoters + self.passives + self.detractors


def enps(answers: Iterable[int]) -> Enps:
    """eNPS over a group's 0-10 answers."""
    counts = {c: 0 for c in Category}
    for answer in answers:
        counts[category(answer)] += 1
    total = sum(counts.values())
    score = (
        100.0 * (counts[Category.PROMOTER] - counts[Category.DETRACTOR]) / total if total else None
    )
    return Enps(
        score, counts[Category.PROMOTER], counts[Category.PASSIVE], counts[Category.DETRACTOR]
    )
