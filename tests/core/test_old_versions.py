"""Sessions answered with version 1 of the reviewed sets keep the figures they were saved with,
though version 2 asks other questions and would score the same answers differently."""

from __future__ import annotations

from typing import Any

import pytest

from selfaudit.core.model import QuestionSet
from selfaudit.core.stored import session_results
from selfaudit.i18n.sentences import level_order_sentence, salary_share_lines
from selfaudit.questionnaires import load_catalog


@pytest.fixture(scope="module")
def sets() -> dict[str, QuestionSet]:
    return load_catalog().sets


def _read(qset: QuestionSet, saved: dict[str, Any], answers: dict[str, Any]) -> Any:
    return session_results(
        qset, set_version="1.0.1", set_hash="0" * 64, saved=saved, answers=answers
    )


def test_choose_us_version_1_keeps_its_saved_scores(sets: dict[str, QuestionSet]) -> None:
    qset = sets["choose-us"]
    assert qset.version == "2.0.0"
    # Version 1, every agree item at 5 and eNPS 10: served was 100, 100, reversed
    # served_runaround 0 -> 66.67; valued 100, 100, reversed 0 -> 66.67; no "room" dimension.
    answers = {
        "enps": 10,
        "served_colleagues": 5,
        "served_departments": 5,
        "served_runaround": 5,
        "valued_noticed": 5,
        "valued_heard": 5,
        "valued_granted": 5,
    }
    saved = {
        "model": "dimensions",
        "answered": 7,
        "skipped": [],
        "dimensions": [
            {"id": "recommend", "answered": 1, "skipped": 0, "band": "strong"},
            {"id": "valued", "answered": 3, "skipped": 0, "score": 66.67, "band": "developing"},
            {"id": "served", "answered": 3, "skipped": 0, "score": 66.67, "band": "developing"},
        ],
        "enps": {"item": "enps", "answer": 10, "category": "promoter"},
    }
    read = _read(qset, saved, answers)
    assert read.as_saved
    scores = {d.dimension: d.score for d in read.results.dimensions}
    assert scores == {"recommend": None, "valued": 66.67, "served": 66.67}
    # Recomputed with version 2 the same answers would give served 100 (served_departments
    # only; the others are gone) and valued 50 (reversed valued_granted 0 alone): not shown.
    assert read.results.dimension("room") is None
    # Only the answers version 2 still asks are shown as the person's answers.
    assert set(read.answers) == {"enps", "served_departments", "valued_granted"}


def test_competency_level_version_1_keeps_its_saved_profile(sets: dict[str, QuestionSet]) -> None:
    qset = sets["competency-level"]
    assert qset.version == "2.0.0"
    saved = {
        "model": "levels",
        "answered": 5,
        "skipped": [],
        "dimensions": [{"id": "follow-up", "answered": 3, "skipped": 0, "score": 75.0}],
        "levels": {"reached": 1, "met": [True, False, True, False, False], "reproducibility": 0.6},
    }
    read = _read(qset, saved, {"l3_probe": 5, "l4_think_along": 2, "l1_follow_up": 4})
    assert read.as_saved
    lv = read.results.levels
    assert lv is not None and (lv.reached, lv.out_of_order) == (1, (2, (3,)))
    assert level_order_sentence(lv, "en").startswith("You meet level 3 but not level 2 below it.")
    assert set(read.answers) == {"l1_follow_up"}  # l3_probe and l4_think_along were replaced


def test_turnover_cost_version_1_shows_no_share_it_never_saved(
    sets: dict[str, QuestionSet],
) -> None:
    qset = sets["turnover-cost"]
    assert qset.version == "1.1.0"
    per_leaver = {
        "separation": 255.68,
        "vacancy": 3835.23,
        "recruitment": 511.36,
        "onboarding": 1278.41,
        "rampup": 3515.63,
    }
    saved = {
        "model": "turnover-cost",
        "answered": 3,
        "skipped": [],
        "dimensions": [],
        "turnover": {
            "per_leaver": per_leaver,
            "cost_per_leaver": 9396.31,
            "annual_cost": 75170.45,
            "pct_of_salary": 20.88,
            "headcount": 50.0,
            "leavers": 8.0,
            "turnover_rate_pct": 16.0,
            "target_rate_pct": 10.0,
            "yearly_saving": 28188.92,
            "defaults_used": ["on_costs_pct", "ad_costs"],
        },
    }
    read = _read(qset, saved, {"headcount": 50, "leavers": 8, "salary": 45000})
    assert read.as_saved
    cost = read.results.turnover
    assert cost is not None and cost.annual_cost == 75170.45
    assert cost.pct_on_defaults is None  # version 1 did not keep it: no guess of 0 % or 100 %
    lines = salary_share_lines(qset, cost, "en")
    assert lines[0] == "One leaver costs 20.9% of a year's salary."
    assert not any("rests on defaults" in line for line in lines)
    assert lines[1] == (
        "Left empty, these count as 0: advertising per hire. The real cost is higher by "
        "whatever they cost you."
    )
