"""eNPS, cumulative levels with Guttman reproducibility, and the turnover cost model, by hand."""

from __future__ import annotations

import pytest

from selfaudit.core.enps import Category, category, enps
from selfaudit.core.levels import guttman_errors, level_outcome, reproducibility
from selfaudit.core.turnover import turnover_cost, yearly_saving

INPUTS = {
    "headcount": 100,
    "leavers": 15,
    "salary": 40000,
    "on_costs_pct": 25,
    "working_days": 200,
    "vacancy_days": 20,
    "vacancy_cover_pct": 50,
    "ad_costs": 1000,
    "agency_fee_pct": 10,
    "interview_hours": 16,
    "onboarding_hours": 40,
    "training_costs": 750,
    "rampup_months": 6,
    "rampup_productivity_pct": 50,
    "separation_hours": 8,
    "target_turnover_pct": 10,
}


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (0, "detractor"),
        (6, "detractor"),
        (7, "passive"),
        (8, "passive"),
        (9, "promoter"),
        (10, "promoter"),
    ],
)
def test_enps_categories(answer: int, expected: str) -> None:
    assert category(answer) is Category(expected)


def test_enps_counts_passives_in_the_denominator() -> None:
    result = enps([10, 10, 10, 6])
    assert result.score == 50.0  # (3 - 1) / 4
    assert (result.promoters, result.passives, result.detractors) == (3, 0, 1)
    assert enps([10, 9, 8, 7, 6, 0]).score == 0.0
    assert enps([7, 8]).score == 0.0
    assert enps([0, 1]).score == -100.0
    assert enps([]).score is None


def test_enps_refuses_out_of_range() -> None:
    with pytest.raises(ValueError, match="0-10"):
        category(11)


def test_level_profile_with_a_gap() -> None:
    # Level 1 met, level 2 not, level 3 met: reached is 1, not 3.
    outcome = level_outcome([True, False, True, False, False])
    assert outcome.reached == 1
    assert outcome.next_level == 2
    # Two levels met; the ideal pattern is T T F F F; positions 2 and 3 differ: CR = 1 - 2/5.
    assert guttman_errors([True, False, True, False, False]) == 2
    assert outcome.reproducibility == pytest.approx(0.6)
    # In plain words: level 3 is met while level 2, below it, is not.
    assert outcome.out_of_order == (2, (3,))


def test_out_of_order_names_the_lowest_gap_and_every_met_level_above_it() -> None:
    assert level_outcome([True, False, False, True, True]).out_of_order == (2, (4, 5))
    assert level_outcome([False, True, True, True, True]).out_of_order == (1, (2, 3, 4, 5))
    # A level not answered is no gap: the count stops there, and another line says so.
    assert level_outcome([True, None, True, False, False]).out_of_order is None
    assert level_outcome([True, False, None, True, False]).out_of_order == (2, (4,))
    # Cumulative profiles, all met and none met follow the order.
    for met in ([True, True, False, False, False], [True] * 5, [False] * 5):
        assert level_outcome(met).out_of_order is None


def test_level_perfect_profiles() -> None:
    assert (
        level_outcome([True, True, True, False, False]).reached,
        level_outcome([True] * 3 + [False] * 2).reproducibility,
    ) == (3, 1.0)
    top = level_outcome([True] * 5)
    assert (top.reached, top.next_level, top.out_of_order) == (5, None, None)
    bottom = level_outcome([False] * 5)
    assert (bottom.reached, bottom.next_level, bottom.reproducibility) == (0, 1, 1.0)


def test_group_reproducibility() -> None:
    assert reproducibility(
        [[True, False, True, False, False], [True, True, False, False, False]]
    ) == pytest.approx(0.8)
    assert reproducibility([]) == 1.0


def test_turnover_cost_by_hand() -> None:
    # employer cost 50,000; daily 250; hourly 31.25
    t = turnover_cost({k: float(v) for k, v in INPUTS.items()})
    assert dict(t.per_leaver) == {
        "separation": 250.0,  # 8 h x 31.25
        "vacancy": 2500.0,  # 20 d x 250 x 50 %
        "recruitment": 5500.0,  # 1000 + 10 % x 40,000 + 16 h x 31.25
        "onboarding": 2000.0,  # 40 h x 31.25 + 750
        "rampup": 12500.0,  # 6/12 x 50,000 x (1 - 50 %)
    }
    assert t.cost_per_leaver == 22750.0
    assert t.annual_cost == 341250.0
    assert t.pct_of_salary == pytest.approx(56.875)
    assert t.turnover_rate_pct == 15.0
    assert t.yearly_saving == 113750.0  # 15 -> 10 leavers, 5 x 22,750


def test_turnover_zero_leavers() -> None:
    t = turnover_cost({**{k: float(v) for k, v in INPUTS.items()}, "leavers": 0.0})
    assert (t.annual_cost, t.turnover_rate_pct, t.yearly_saving) == (0.0, 0.0, 0.0)
    assert t.cost_per_leaver == 22750.0  # what the next leaver would cost


def test_what_if_saving_never_negative() -> None:
    assert yearly_saving(100, 5, 1000, 10) == 0.0
    assert yearly_saving(100, 20, 1000, 12.5) == 7500.0


def test_turnover_has_no_warnings_for_plausible_inputs() -> None:
    assert turnover_cost({k: float(v) for k, v in INPUTS.items()}).warnings == ()


def test_turnover_warns_when_leavers_exceed_headcount() -> None:
    t = turnover_cost(
        {**{k: float(v) for k, v in INPUTS.items()}, "headcount": 50.0, "leavers": 1500.0}
    )
    assert t.turnover_rate_pct == 3000.0
    assert t.warnings == ("leavers-exceed-headcount",)


def test_turnover_guards_its_divisions() -> None:
    zeros = {
        **{k: float(v) for k, v in INPUTS.items()},
        "headcount": 0.0,
        "salary": 0.0,
        "working_days": 0.0,
    }
    t = turnover_cost(zeros)
    assert t.warnings == ("no-headcount", "no-working-days", "no-salary")
    assert (t.turnover_rate_pct, t.pct_of_salary) == (0.0, 0.0)
    assert t.per_leaver["separation"] == 0.0  # no day or hour cost without working days
    assert t.cost_per_leaver == 1750.0  # ads 1,000 + training 750: the money still spent
