"""Dimension scores on 0-100, per side, with interpretation bands."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from statistics import fmean

from selfaudit.core.answers import Answer
from selfaudit.core.enps import category
from selfaudit.core.model import Band, Item, Kind, QuestionSet, Side


def item_score(item: Item, value: Answer) -> float | None:
    """The 0-100 score of one answer, with reverse scoring; ``None`` for unscored items."""
    if not item.scored:
        return None
    if item.kind is Kind.LIKERT5:
        score = (int(value) - 1) * 25.0
    elif item.kind is Kind.SCALE10:
        score = int(value) * 10.0
    elif item.kind is Kind.YESNO:
        score = 100.0 if value else 0.0
    else:
        option = item.option(str(value))
        if option is None or option.score is None:
            return None
        return option.score
    return 100.0 - score if item.reverse else score


def band_for(bands: tuple[Band, ...], score: float) -> Band | None:
    """The band a score falls in: the last whose ``min`` is at most the score."""
    found = None
    for band in bands:
        if score >= band.min:
            found = band
    return found


@dataclass(frozen=True)
class DimensionScore:
    """The outcome for one dimension."""

    dimension: str
    score: float | None
    """Mean of answered scored items, 0-100; ``None`` when every scored item was skipped."""
    band: str | None
    answered: int
    skipped: int
    by_side: Mapping[str, float]
    """Mean score per side (``provider`` / ``customer``) where the set asks from both sides."""


def score_dimensions(qset: QuestionSet, answers: Mapping[str, Answer]) -> list[DimensionScore]:
    """Score every dimension that has scored items, in the set's order.

    The eNPS item is not a 0-100 score (a passive 8 is not "strong"): it is left out of the means,
    and a dimension holding only that item takes its band from the person's eNPS category.
    """
    results = []
    for dim in qset.dimensions:
        scored_items = [i for i in qset.items_of(dim.id) if i.scored and i.id != qset.enps_item]
        if not scored_items:
            enps_dim = _enps_dimension(qset, dim.id, answers)
            if enps_dim is not None:
                results.append(enps_dim)
            continue
        scores: list[float] = []
        sides: dict[str, list[float]] = {}
        for item in scored_items:
            if item.id not in answers:
                continue
            value = item_score(item, answers[item.id])
            if value is None:
                continue
            scores.append(value)
            if item.side is not None:
                sides.setdefault(item.side.value, []).append(value)
        mean = fmean(scores) if scores else None
        band = band_for(qset.bands, mean) if mean is not None else None
        results.append(
            DimensionScore(
                dimension=dim.id,
                score=mean,
                band=band.id if band else None,
                answered=len(scores),
                skipped=len(scored_items) - len(scores),
                by_side={s.value: fmean(sides[s.value]) for s in Side if s.value in sides},
            )
        )
    return results


def _enps_dimension(
    qset: QuestionSet, dimension_id: str, answers: Mapping[str, Answer]
) -> DimensionScore | None:
    item = qset.item(qset.enps_item) if qset.enps_item else None
    if item is None or item.dimension != dimension_id:
        return None
    answered = item.id in answers
    band = qset.enps_bands.get(category(int(answers[item.id])).value) if answered else None
    return DimensionScore(dimension_id, None, band, int(answered), int(not answered), {})
