"""The turnover calculator's warnings about implausible figures, and the figures that used a
default: computed once in the core, carried by saved results."""

from __future__ import annotations

import pytest

from selfaudit.core.model import QuestionSet
from selfaudit.core.results import compute_results
from selfaudit.core.stored import stored_results
from selfaudit.core.turnover import turnover_cost
from selfaudit.questionnaires import load_catalog
from tests.core.test_model import INPUTS

PLAUSIBLE = {k: float(v) for k, v in INPUTS.items()}


@pytest.fixture(scope="module")
def turnover_set() -> QuestionSet:
    return load_catalog().sets["turnover-cost"]


@pytest.mark.parametrize(
    ("changed", "warnings"),
    [
        ({"salary": 42.0}, ("salary-under-1000",)),
        ({"salary": 999.5}, ("salary-under-1000",)),
        ({"salary": 1000.0}, ()),
        ({"vacancy_days": 201.0}, ("vacancy-exceeds-working-days",)),
        ({"vacancy_days": 200.0}, ()),
        ({"interview_hours": 1601.0}, ("interviews-exceed-working-year",)),  # 200 days x 8 h
        ({"interview_hours": 1600.0}, ()),
        (
            {"salary": 42.0, "vacancy_days": 365.0, "interview_hours": 2000.0},
            ("salary-under-1000", "vacancy-exceeds-working-days", "interviews-exceed-working-year"),
        ),
        ({"salary": 0.0}, ("no-salary",)),  # no salary at all is said once, not twice
    ],
)
def test_implausible_figures_are_warned_about(
    changed: dict[str, float], warnings: tuple[str, ...]
) -> None:
    assert turnover_cost({**PLAUSIBLE, **changed}).warnings == warnings


def test_saved_results_carry_the_warnings(turnover_set: QuestionSet) -> None:
    answers = {"headcount": 50.0, "leavers": 5.0, "salary": 42.0, "vacancy_days": 300.0}
    saved = compute_results(turnover_set, answers).to_dict()
    expected = ["salary-under-1000", "vacancy-exceeds-working-days"]
    assert saved["turnover"]["warnings"] == expected
    back = stored_results(turnover_set.id, turnover_set.model, saved, answers)
    assert back.turnover is not None and list(back.turnover.warnings) == expected


def test_the_figures_that_used_a_default_are_named_by_item(turnover_set: QuestionSet) -> None:
    answers = {"headcount": 50.0, "leavers": 5.0, "salary": 42000.0}
    given = set(answers) | {"on_costs_pct", "working_days"}
    answers |= {"on_costs_pct": 30.0, "working_days": 210.0}
    results = compute_results(turnover_set, answers)
    assert results.turnover is not None
    used = results.turnover.defaults_used
    assert used == tuple(i.id for i in turnover_set.items if i.id not in given)
    saved = results.to_dict()
    saved["turnover"]["defaults_used"].append("no-such-figure")  # a file is never trusted
    back = stored_results(turnover_set.id, turnover_set.model, saved, answers)
    assert back.turnover is not None and back.turnover.defaults_used == used


def test_saved_results_carry_the_part_on_defaults(turnover_set: QuestionSet) -> None:
    answers = {"headcount": 50.0, "leavers": 5.0, "salary": 42000.0}
    saved = compute_results(turnover_set, answers).to_dict()
    # Only headcount, leavers and salary given: every part rests on a default.
    assert saved["turnover"]["on_defaults"] == saved["turnover"]["cost_per_leaver"]
    back = stored_results(turnover_set.id, turnover_set.model, saved, answers)
    assert back.turnover is not None and back.turnover.pct_on_defaults == pytest.approx(100.0)
    # Results saved before the part was kept say nothing about it, rather than 0 %.
    del saved["turnover"]["on_defaults"]
    old = stored_results(turnover_set.id, turnover_set.model, saved, answers)
    assert old.turnover is not None and old.turnover.pct_on_defaults is None
