"""All results of one answered set, computed from its answers only (always recomputable)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from selfaudit.core.answers import Answer, skipped_items
from selfaudit.core.enps import Category, category
from selfaudit.core.levels import LevelOutcome, level_outcome
from selfaudit.core.model import Model, QuestionSet
from selfaudit.core.scoring import DimensionScore, score_dimensions
from selfaudit.core.turnover import MissingInputs, TurnoverCost, resolve_inputs, turnover_cost


@dataclass(frozen=True)
class EnpsAnswer:
    """One person's eNPS answer: their category, not a score (eNPS is a group figure)."""

    item: str
    answer: int
    category: Category


@dataclass(frozen=True)
class Results:
    """Everything a set's answers add up to."""

    set_id: str
    model: Model
    answered: int
    skipped: tuple[str, ...]
    dimensions: tuple[DimensionScore, ...]
    enps: EnpsAnswer | None = None
    levels: LevelOutcome | None = None
    turnover: TurnoverCost | None = None
    missing_inputs: tuple[str, ...] = ()
    """``turnover-cost``: inputs with neither an answer nor a default (no cost computed)."""
    rated_team: str = ""
    """A set asked from both sides: the team its customer side rates (the answer to its
    ``team`` item, as typed); empty when not named."""

    def dimension(self, dimension_id: str) -> DimensionScore | None:
        """The score of one dimension, if it is scored."""
        return next((d for d in self.dimensions if d.dimension == dimension_id), None)

    def to_dict(self) -> dict[str, Any]:
        """A JSON- and TOML-safe summary (no ``None``: absent keys mean "not computed")."""
        out: dict[str, Any] = {
            "model": self.model.value,
            "answered": self.answered,
            "skipped": list(self.skipped),
            "dimensions": [_dimension_dict(d) for d in self.dimensions],
        }
        if self.enps is not None:
            out["enps"] = {
                "item": self.enps.item,
                "answer": self.enps.answer,
                "category": self.enps.category.value,
            }
        if self.levels is not None:
            out["levels"] = {
                "reached": self.levels.reached,
                "met": [m is True for m in self.levels.met],
                **({"unanswered": list(self.levels.unanswered)} if self.levels.unanswered else {}),
                "reproducibility": round(self.levels.reproducibility, 4),
                **({"next": self.levels.next_level} if self.levels.next_level else {}),
            }
        if self.turnover is not None:
            t = self.turnover
            out["turnover"] = {
                "per_leaver": {k: round(v, 2) for k, v in t.per_leaver.items()},
                "cost_per_leaver": round(t.cost_per_leaver, 2),
                "annual_cost": round(t.annual_cost, 2),
                "pct_of_salary": round(t.pct_of_salary, 2),
                "headcount": t.headcount,
                "leavers": t.leavers,
                "turnover_rate_pct": round(t.turnover_rate_pct, 2),
                "target_rate_pct": t.target_rate_pct,
                "yearly_saving": round(t.yearly_saving, 2),
                "defaults_used": list(t.defaults_used),
                **({"on_defaults": round(t.on_defaults, 2)} if t.on_defaults is not None else {}),
                **({"warnings": list(t.warnings)} if t.warnings else {}),
            }
        if self.missing_inputs:
            out["missing_inputs"] = list(self.missing_inputs)
        if self.rated_team:
            out["rated_team"] = self.rated_team
        return out


def _dimension_dict(d: DimensionScore) -> dict[str, Any]:
    out: dict[str, Any] = {"id": d.dimension, "answered": d.answered, "skipped": d.skipped}
    if d.score is not None:
        out["score"] = round(d.score, 2)
    if d.band is not None:
        out["band"] = d.band
    if d.by_side:
        out["by_side"] = {k: round(v, 2) for k, v in d.by_side.items()}
    return out


def compute_results(qset: QuestionSet, answers: Mapping[str, Answer]) -> Results:
    """Score validated ``answers`` (see :func:`selfaudit.core.answers.validate_answers`)."""
    dimensions = tuple(score_dimensions(qset, answers))
    enps_answer = None
    if qset.enps_item and qset.enps_item in answers:
        value = int(answers[qset.enps_item])
        enps_answer = EnpsAnswer(qset.enps_item, value, category(value))
    levels = None
    if qset.model is Model.LEVELS:
        scores = {d.dimension: d.score for d in dimensions}
        met: list[bool | None] = []
        for level in qset.levels_in_order():
            score = scores.get(level.id)
            met.append(None if score is None else score >= qset.level_threshold)
        levels = level_outcome(met)
    turnover = None
    missing: tuple[str, ...] = ()
    if qset.model is Model.TURNOVER_COST:
        try:
            values, defaults = resolve_inputs(qset, answers)
            turnover = turnover_cost(values, tuple(defaults))
        except MissingInputs as exc:
            missing = tuple(exc.missing)
    team_item = qset.team_item
    rated = answers.get(team_item.id, "") if team_item is not None else ""
    return Results(
        set_id=qset.id,
        model=qset.model,
        rated_team=rated if isinstance(rated, str) else "",
        answered=sum(1 for i in qset.items if i.id in answers),
        skipped=tuple(skipped_items(qset, answers)),
        dimensions=dimensions,
        enps=enps_answer,
        levels=levels,
        turnover=turnover,
        missing_inputs=missing,
    )
