"""Sentences built from results agree with every count in them."""

from __future__ import annotations

from typing import Any

import pytest

from selfaudit.core.levels import level_outcome
from selfaudit.core.model import QuestionSet
from selfaudit.core.results import compute_results
from selfaudit.i18n.sentences import counts_sentence, level_order_sentence, salary_share_lines
from selfaudit.questionnaires import load_catalog


@pytest.fixture
def turnover() -> QuestionSet:
    """The built-in turnover calculator."""
    return load_catalog().sets["turnover-cost"]


def _every_figure_but(qset: QuestionSet, left_empty: int) -> dict[str, Any]:
    """Answers to every figure except the last ``left_empty`` ones that have a default."""
    empty = [i.id for i in qset.items if i.default is not None][-left_empty:]
    return {i.id: i.default or 50 for i in qset.items if i.id not in empty}


@pytest.mark.parametrize(
    ("lang", "left_empty", "expected"),
    [
        ("en", 1, "15 figures given; 1 left empty uses its default."),
        ("en", 2, "14 figures given; 2 left empty use their default."),
        (
            "nl",
            1,
            "15 getallen ingevuld; voor 1 leeg gelaten getal is de standaardwaarde gebruikt.",
        ),
        (
            "nl",
            2,
            "14 getallen ingevuld; voor 2 leeg gelaten getallen is de standaardwaarde gebruikt.",
        ),
    ],
)
def test_defaults_used_agree_with_their_count(
    turnover: QuestionSet, lang: str, left_empty: int, expected: str
) -> None:
    results = compute_results(turnover, _every_figure_but(turnover, left_empty))
    assert counts_sentence(results, lang) == expected


#: Every figure given except the selection hours (default 16). By hand: employer cost
#: 40,000 x 1.25 = 50,000; a day 50,000 / 200 = 250; an hour 31.25. Parts: leaving 8 h = 250;
#: empty post 20 d x 250 x 50 % = 2,500; adverts 500; agency 0; selection 16 h = 500;
#: onboarding 40 h = 1,250; training 250; ramp-up 3/12 x 50,000 x 25 % = 3,125. Total 8,375,
#: of which only the selection (500) rests on a default: 500 / 8,375 = 5.97 %.
ALMOST_ALL = {
    "headcount": 10,
    "leavers": 2,
    "salary": 40000,
    "on_costs_pct": 25,
    "working_days": 200,
    "vacancy_days": 20,
    "vacancy_cover_pct": 50,
    "ad_costs": 500,
    "agency_fee_pct": 0,
    "onboarding_hours": 40,
    "training_costs": 250,
    "rampup_months": 3,
    "rampup_productivity_pct": 75,
    "separation_hours": 8,
    "target_turnover_pct": 10,
}

BENCHMARK_EN = (
    "For comparison: in the studies reviewed by Boushey & Glynn (2012), replacing an employee "
    "typically cost about 16% of a year's salary in jobs paid under USD 30,000 a year, about "
    "20% in jobs paid USD 30,000–50,000, and up to 213% for executives and highly specialised "
    "jobs (median of all the studies: 21%). These benchmarks come from the United States; pay "
    "and costs elsewhere differ."
)


def test_the_share_resting_on_defaults_by_hand(turnover: QuestionSet) -> None:
    cost = compute_results(turnover, {k: float(v) for k, v in ALMOST_ALL.items()}).turnover
    assert cost is not None
    assert cost.cost_per_leaver == pytest.approx(8375.0)
    assert cost.on_defaults == pytest.approx(500.0)
    assert cost.pct_on_defaults == pytest.approx(100 * 500 / 8375)
    assert salary_share_lines(turnover, cost, "en") == [
        "One leaver costs 20.9% of a year's salary.",  # 8,375 / 40,000 = 20.94 %
        "6% of that cost rests on defaults: it comes from parts computed with at least one "
        "figure you left empty.",
        BENCHMARK_EN,
    ]


def test_a_cost_made_of_defaults_says_so_and_names_the_figures_left_at_0(
    turnover: QuestionSet,
) -> None:
    answers = {"headcount": 50.0, "leavers": 8.0, "salary": 45000.0}
    cost = compute_results(turnover, answers).turnover
    assert cost is not None and cost.on_defaults == pytest.approx(cost.cost_per_leaver)
    lines = salary_share_lines(turnover, cost, "nl")
    assert lines[0] == "Eén vertrekker kost 20,9% van een jaarsalaris."
    assert lines[1].startswith("100% van die kosten rust op standaardwaarden")
    assert "vul je eigen getallen in voordat je het vergelijkt" in lines[1]
    assert lines[2] == (
        "Leeg gelaten tellen deze als 0: advertentiekosten per nieuwe medewerker, "
        "bureaukosten, opleidingskosten per nieuwe medewerker. De echte kosten zijn dus hoger: "
        "wat die posten bij jou kosten, komt er nog bij."
    )
    assert lines[3].endswith(
        "Deze maatstaven komen uit de Verenigde Staten; salarissen en kosten zijn elders anders."
    )


@pytest.mark.parametrize(
    ("met", "lang", "start"),
    [
        ((True, False, True, False, False), "en", "You meet level 3 but not level 2 below it."),
        ((True, False, False, True, True), "en", "You meet levels 4 and 5 but not level 2 below"),
        ((False, True, True, True, False), "en", "You meet levels 2, 3 and 4 but not level 1"),
        (
            (True, False, True, False, False),
            "nl",
            "Je haalt niveau 3, maar niet niveau 2 daaronder.",
        ),
        ((False, True, False, True, False), "nl", "Je haalt de niveaus 2 en 4, maar niet niveau 1"),
        ((True, True, False, False, False), "en", "Your answers follow the order of the levels"),
        ((True, None, True, False, False), "en", "Your answers follow the order of the levels"),
    ],
)
def test_one_persons_level_order_in_plain_words(
    met: tuple[bool | None, ...], lang: str, start: str
) -> None:
    assert level_order_sentence(level_outcome(list(met)), lang).startswith(start)


def test_a_profile_with_nothing_answered_says_nothing_of_its_order() -> None:
    assert level_order_sentence(level_outcome([None] * 5), "en") == ""
