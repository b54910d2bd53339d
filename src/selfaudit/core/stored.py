"""Results as they were saved in a session, read back without recomputing them.

A session answered with an earlier version of a set is shown with the figures it was saved
with: recomputing its answers with today's set could give other scores. The saved ``results``
table comes from a file on disk, so every value is checked; what does not fit is left out.

:func:`session_results` is the one reader of a saved session's results: ``selfaudit show``, the
results screen and the store's queries (the :class:`~selfaudit.core.responses.Response` of
every view) all call it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from selfaudit.core.answers import Answers, usable_answers
from selfaudit.core.enps import Category
from selfaudit.core.levels import LevelOutcome, level_outcome
from selfaudit.core.model import Model, QuestionSet
from selfaudit.core.results import EnpsAnswer, Results, compute_results
from selfaudit.core.scoring import DimensionScore
from selfaudit.core.turnover import CATEGORIES, INPUTS, WARNINGS, TurnoverCost


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _whole(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _texts(value: Any) -> tuple[str, ...]:
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _dimension(raw: Any) -> DimensionScore | None:
    if not isinstance(raw, dict) or _text(raw.get("id")) is None:
        return None
    sides = raw.get("by_side", {})
    by_side = {}
    if isinstance(sides, dict):
        by_side = {k: v for k, v in ((k, _number(v)) for k, v in sides.items()) if v is not None}
    return DimensionScore(
        dimension=raw["id"],
        score=_number(raw.get("score")),
        band=_text(raw.get("band")),
        answered=_whole(raw.get("answered")) or 0,
        skipped=_whole(raw.get("skipped")) or 0,
        by_side=by_side,
    )


def _enps(raw: Any) -> EnpsAnswer | None:
    if not isinstance(raw, dict):
        return None
    answer, item = _whole(raw.get("answer")), _text(raw.get("item"))
    category = _text(raw.get("category"))
    if answer is None or item is None or category not in {c.value for c in Category}:
        return None
    return EnpsAnswer(item, answer, Category(category))


def _levels(raw: Any) -> LevelOutcome | None:
    """The saved profile; the level reached and the next level follow from it, not the file."""
    if not isinstance(raw, dict):
        return None
    met = raw.get("met")
    if not isinstance(met, list) or not all(isinstance(m, bool) for m in met):
        return None
    unanswered = raw.get("unanswered", [])
    levels = range(1, len(met) + 1)
    skipped = (
        {u for u in unanswered if _whole(u) in levels} if isinstance(unanswered, list) else set()
    )
    return level_outcome([None if i + 1 in skipped else m for i, m in enumerate(met)])


def _turnover(raw: Any, answers: Mapping[str, Any]) -> TurnoverCost | None:
    if not isinstance(raw, dict) or not isinstance(raw.get("per_leaver"), dict):
        return None
    per_leaver = {c: _number(raw["per_leaver"].get(c)) for c in CATEGORIES}
    figures = {
        k: _number(raw.get(k))
        for k in (
            "cost_per_leaver",
            "annual_cost",
            "pct_of_salary",
            "turnover_rate_pct",
            "target_rate_pct",
            "yearly_saving",
        )
    }
    headcount = _number(raw.get("headcount", answers.get("headcount")))
    leavers = _number(raw.get("leavers", answers.get("leavers")))
    if None in per_leaver.values() or None in figures.values() or None in (headcount, leavers):
        return None
    used = raw.get("defaults_used", [])
    return TurnoverCost(
        per_leaver={k: v for k, v in per_leaver.items() if v is not None},
        cost_per_leaver=figures["cost_per_leaver"] or 0.0,
        annual_cost=figures["annual_cost"] or 0.0,
        pct_of_salary=figures["pct_of_salary"] or 0.0,
        headcount=headcount or 0.0,
        leavers=leavers or 0.0,
        turnover_rate_pct=figures["turnover_rate_pct"] or 0.0,
        target_rate_pct=figures["target_rate_pct"] or 0.0,
        yearly_saving=figures["yearly_saving"] or 0.0,
        defaults_used=tuple(d for d in _texts(used) if d in INPUTS),
        warnings=tuple(w for w in _texts(raw.get("warnings", [])) if w in WARNINGS),
        on_defaults=_number(raw.get("on_defaults")),
    )


def answered_with_another_version(set_version: str, set_hash: str, qset: QuestionSet) -> bool:
    """Whether a session was answered with another version of ``qset`` than the one installed.

    A session without a hash (written before hashes were kept) is judged by its version alone.
    """
    return set_version != qset.version or bool(set_hash and set_hash != qset.content_hash)


def stored_results(
    set_id: str, model: Model, saved: Mapping[str, Any], answers: Mapping[str, Any]
) -> Results:
    """The :class:`Results` a session was saved with (see module docstring)."""
    dims = saved.get("dimensions", [])
    dimensions = tuple(
        d for d in (_dimension(x) for x in (dims if isinstance(dims, list) else [])) if d
    )
    skipped = saved.get("skipped", [])
    return Results(
        set_id=set_id,
        model=model,
        answered=_whole(saved.get("answered")) or len(answers),
        skipped=_texts(skipped),
        dimensions=dimensions,
        enps=_enps(saved.get("enps")),
        levels=_levels(saved.get("levels")) if model is Model.LEVELS else None,
        turnover=_turnover(saved.get("turnover"), answers)
        if model is Model.TURNOVER_COST
        else None,
        rated_team=_text(saved.get("rated_team")) or "",
    )


@dataclass(frozen=True)
class SessionResults:
    """A saved session's results as every view reads them (see :func:`session_results`)."""

    results: Results
    as_saved: bool
    """Answered with another version of the set: ``results`` are the figures it was saved
    with (views say so), not recomputed."""
    answers: Answers
    """The saved answers today's set still accepts (what the person gave, as shown)."""


def session_results(
    qset: QuestionSet,
    *,
    set_version: str,
    set_hash: str,
    saved: Mapping[str, Any],
    answers: Mapping[str, Any],
) -> SessionResults:
    """The results of a saved session of ``qset`` (the installed set): recomputed from its
    usable answers when it answered this version, else read back as saved
    (:func:`stored_results`)."""
    usable, _ = usable_answers(qset, answers)
    if answered_with_another_version(set_version, set_hash, qset):
        return SessionResults(stored_results(qset.id, qset.model, saved, answers), True, usable)
    return SessionResults(compute_results(qset, usable), False, usable)


def results_json(saved: Mapping[str, Any]) -> dict[str, Any]:
    """A saved ``[results]`` table as JSON shows it: a level that was not answered is ``null``
    in ``levels.met``, never ``false`` (the session file is TOML, which has no null, so it
    keeps ``false`` there and lists the level under ``levels.unanswered``)."""
    out = dict(saved)
    levels = saved.get("levels")
    if isinstance(levels, dict) and isinstance(levels.get("met"), list):
        unanswered = levels.get("unanswered", [])
        skipped = set(unanswered) if isinstance(unanswered, list) else set()
        met = [None if i + 1 in skipped else m for i, m in enumerate(levels["met"])]
        out["levels"] = {**levels, "met": met}
    return out
