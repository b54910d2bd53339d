"""The one figure that sums up a saved session in a listing (home screen, ``selfaudit list``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from statistics import fmean


class HeadlineKind(StrEnum):
    """Which figure a headline shows, most telling first."""

    LEVEL = "level"
    COST = "cost"
    ENPS = "enps"
    MEAN = "mean"


@dataclass(frozen=True)
class Headline:
    """A session's headline figure."""

    kind: HeadlineKind
    value: float


def mean_score(scores: Mapping[str, float]) -> float | None:
    """The mean of a session's dimension scores (0-100), ``None`` when nothing was scored."""
    return fmean(scores.values()) if scores else None


def headline(
    *,
    level: int | None,
    annual_cost: float | None,
    enps_answer: int | None,
    scores: Mapping[str, float],
) -> Headline | None:
    """The level for a levels set, the annual cost for the calculator, else the eNPS answer,
    else the mean dimension score; ``None`` when the session has none of them."""
    if level is not None:
        return Headline(HeadlineKind.LEVEL, level)
    if annual_cost is not None:
        return Headline(HeadlineKind.COST, annual_cost)
    if enps_answer is not None:
        return Headline(HeadlineKind.ENPS, enps_answer)
    mean = mean_score(scores)
    return None if mean is None else Headline(HeadlineKind.MEAN, mean)
