"""The four built-in sets: complete in English and Dutch, and scored as computed by hand."""

from __future__ import annotations

import json
from typing import Any

import pytest

from selfaudit.core.advice import advice_text
from selfaudit.core.answers import validate_answers
from selfaudit.core.model import QuestionSet
from selfaudit.core.results import Results, compute_results
from selfaudit.core.text import UI_LANGUAGES
from selfaudit.questionnaires import load_catalog
from tests.conftest import run_cli

BUILTIN = ("choose-us", "turnover-cost", "internal-service", "competency-level")


@pytest.fixture(scope="module")
def sets() -> dict[str, QuestionSet]:
    catalog = load_catalog()
    assert catalog.problems == []
    return catalog.sets


def _results(qset: QuestionSet, raw: dict[str, Any]) -> Results:
    answers, problems = validate_answers(qset, raw)
    assert problems == []
    return compute_results(qset, answers)


def _scores(r: Results) -> dict[str, Any]:
    return {d.dimension: None if d.score is None else round(d.score, 2) for d in r.dimensions}


def test_all_four_builtin_sets_load_in_both_languages(sets: dict[str, QuestionSet]) -> None:
    assert set(BUILTIN) <= set(sets)
    for set_id in BUILTIN:
        qset = sets[set_id]
        assert qset.origin == "builtin"
        # The validator refuses a text that lacks a declared language, so this proves every
        # user-facing text of the built-in sets exists in English and Dutch.
        assert qset.languages == UI_LANGUAGES
        assert all(item.why and item.text for item in qset.items)


def test_a_missing_dutch_text_in_a_builtin_set_is_refused(tmp_path: Any) -> None:
    from selfaudit.paths import builtin_sets_dir
    from selfaudit.questionnaires import load_file

    text = (builtin_sets_dir() / "choose-us.toml").read_text("utf-8")
    broken = text.replace(', nl = "Ons aanraden als werkgever"', "", 1)
    assert broken != text
    path = tmp_path / "choose-us.toml"
    path.write_text(broken, "utf-8")
    qset, problems = load_file(path)
    assert qset is None
    assert [p.path for p in problems] == ["dimensions[0].title.nl"]


def test_choose_us_all_minimum(sets: dict[str, QuestionSet]) -> None:
    qset = sets["choose-us"]
    raw: dict[str, Any] = {i.id: 1 for i in qset.items if i.kind.value == "likert5"}
    raw["enps"] = 0
    r = _results(qset, raw)
    # stay: 0, reversed 100, reversed 100; valued: 0, 0, 0, reversed 100; served and room:
    # nothing reversed (version 2 has no reversed served item)
    assert _scores(r) == {
        "recommend": None,
        "choose": 0.0,
        "stay": 66.67,
        "valued": 25.0,
        "served": 0.0,
        "room": 0.0,
    }
    assert r.enps is not None and r.enps.category.value == "detractor"
    assert r.dimension("recommend").band == "attention"  # type: ignore[union-attr]


def test_choose_us_all_maximum(sets: dict[str, QuestionSet]) -> None:
    qset = sets["choose-us"]
    raw: dict[str, Any] = {i.id: 5 for i in qset.items if i.kind.value == "likert5"}
    raw["enps"] = 10
    r = _results(qset, raw)
    # stay: 100, reversed 0, reversed 0; valued: 100, 100, 100, reversed 0
    assert _scores(r) == {
        "recommend": None,
        "choose": 100.0,
        "stay": 33.33,
        "valued": 75.0,
        "served": 100.0,
        "room": 100.0,
    }
    assert r.dimension("recommend").band == "strong"  # type: ignore[union-attr]


def test_choose_us_mixed_with_skips(sets: dict[str, QuestionSet]) -> None:
    r = _results(
        sets["choose-us"],
        {
            "enps": 8,
            "choose_again": 4,
            "choose_first": 3,  # 75, 50 -> 62.5
            "stay_year": 4,
            "stay_leaving": 2,  # 75, reversed 25 -> 75; stay_searching skipped -> 75
            "served_quick": 2,
            "served_departments": 3,
            "served_occasional": 4,
            "served_manager": 1,
            "choose_internal": 5,  # 25, 50, 75, 0, 100 -> 50: the lower edge of "Mixed"
            "room_decide": 3,  # 50, the rest of room skipped
        },
    )
    assert _scores(r) == {
        "recommend": None,
        "choose": 62.5,
        "stay": 75.0,
        "valued": None,
        "served": 50.0,
        "room": 50.0,
    }
    bands = {d.dimension: d.band for d in r.dimensions}
    assert bands == {
        "recommend": "developing",
        "choose": "developing",
        "stay": "strong",
        "valued": None,
        "served": "developing",
        "room": "developing",
    }
    assert r.enps is not None and r.enps.category.value == "passive"
    assert set(r.skipped) == {
        "stay_searching",
        "valued_shown",
        "valued_serious",
        "valued_told",
        "valued_granted",
        "served_quality",
        "room_budget",
        "room_lasting",
        "room_everyone",
        "choose_what",
    }


def _levels(qset: QuestionSet, per_level: dict[int, int]) -> Results:
    level_of = {d.id: d.level or 0 for d in qset.dimensions}
    return _results(
        qset,
        {
            i.id: per_level[level_of[i.dimension]]
            for i in qset.items
            if level_of[i.dimension] in per_level
        },
    )


def test_competency_level_with_a_gap(sets: dict[str, QuestionSet]) -> None:
    # Level 1 "often" (75, met), level 2 "sometimes" (50), level 3 "always" (100, met), 4 and 5 low.
    r = _levels(sets["competency-level"], {1: 4, 2: 3, 3: 5, 4: 2, 5: 1})
    assert r.levels is not None
    assert r.levels.met == (True, False, True, False, False)
    assert r.levels.reached == 1  # cumulative: level 3 does not count without level 2
    assert r.levels.reproducibility == pytest.approx(0.6)  # 2 errors in 5
    assert r.levels.next_level == 2


def test_competency_level_extremes_and_threshold(sets: dict[str, QuestionSet]) -> None:
    qset = sets["competency-level"]
    assert qset.level_threshold == 75
    top = _levels(qset, {1: 5, 2: 5, 3: 5, 4: 5, 5: 5}).levels
    assert top is not None and (top.reached, top.next_level, top.reproducibility) == (5, None, 1.0)
    bottom = _levels(qset, {1: 1, 2: 1, 3: 1, 4: 1, 5: 1}).levels
    assert bottom is not None and (bottom.reached, bottom.next_level, bottom.reproducibility) == (
        0,
        1,
        1.0,
    )
    # Level 1 at 4, 4, 3 -> 66.67: just below the threshold, so nothing is reached.
    near = _results(qset, {"l1_follow_up": 4, "l1_do_agreed": 4, "l1_progress": 3}).levels
    assert near is not None and near.reached == 0
    # A skipped level is "not answered", not "not met": it has no score, the count stops
    # there and says so, and consistency is taken over the answered levels only.
    skipped = _levels(qset, {1: 5, 3: 5, 4: 1, 5: 1})
    lv = skipped.levels
    assert lv is not None and lv.met == (True, None, True, False, False)
    assert (lv.reached, lv.next_level, lv.unanswered, lv.stopped_unanswered) == (1, 2, (2,), True)
    assert lv.reproducibility == 1.0  # answered: met, met, not, not -> a perfect pattern
    assert skipped.dimension("communication").score is None  # type: ignore[union-attr]
    saved = skipped.to_dict()["levels"]
    assert saved["met"] == [True, False, True, False, False] and saved["unanswered"] == [2]
    # Nothing answered at all: level 0, stopped at an unanswered level 1, no false "gap".
    empty = _levels(qset, {}).levels
    assert empty is not None and (empty.reached, empty.stopped_unanswered) == (0, True)
    assert empty.reproducibility == 1.0


def test_internal_service_scores_each_side_of_its_mirrored_items(
    sets: dict[str, QuestionSet],
) -> None:
    qset = sets["internal-service"]
    pairs = qset.mirrored()
    assert len(pairs) == 12
    assert all(p.side and p.side.value == "provider" for p, _ in pairs)
    assert all(c.side and c.side.value == "customer" and c.mirror == p.id for p, c in pairs)
    assert all((p.dimension, p.reverse) == (c.dimension, c.reverse) for p, c in pairs)
    assert qset.team_item is not None and qset.team_item.id == "rated_team"
    # Provider answers 4 (75; reversed 25), customer answers 2 (25; reversed 75); the team named
    # is not scored.
    answers: dict[str, object] = {"rated_team": "Finance"}
    for p, c in pairs:
        answers[p.id], answers[c.id] = 4, 2
    r = _results(qset, answers)
    by_side = {d.dimension: (d.score, dict(d.by_side)) for d in r.dimensions}
    assert by_side["responsiveness"] == (50.0, {"provider": 75.0, "customer": 25.0})
    # ownership and respect each hold one reversed pair: provider (75 + 25) / 2, customer
    # (25 + 75) / 2.
    assert by_side["ownership"] == (50.0, {"provider": 50.0, "customer": 50.0})
    assert by_side["respect"] == (50.0, {"provider": 50.0, "customer": 50.0})
    assert r.answered == 25 and r.skipped == ()
    only_provider = _results(qset, {p.id: 3 for p, _ in pairs})
    assert all(set(d.by_side) == {"provider"} for d in only_provider.dimensions)
    assert all(d.skipped == 2 for d in only_provider.dimensions)


def test_turnover_cost_with_defaults_by_hand(sets: dict[str, QuestionSet]) -> None:
    r = _results(sets["turnover-cost"], {"headcount": 50, "leavers": 8, "salary": "45.000,00"})
    t = r.turnover
    assert t is not None
    # employer cost 45,000 x 1.25 = 56,250; daily /220 = 255.68; hourly /8 = 31.960227
    # separation 8 h, vacancy 30 d x 8 h x 50 % = 120 h, interviews 16 h, onboarding 40 h: 184 h
    assert t.per_leaver["separation"] == pytest.approx(255.68, abs=0.01)
    assert t.per_leaver["vacancy"] == pytest.approx(3835.23, abs=0.01)
    assert t.per_leaver["recruitment"] == pytest.approx(511.36, abs=0.01)
    assert t.per_leaver["onboarding"] == pytest.approx(1278.41, abs=0.01)
    assert t.per_leaver["rampup"] == pytest.approx(3515.63, abs=0.01)  # 3/12 x 56,250 x 25 %
    assert t.cost_per_leaver == pytest.approx(9396.31, abs=0.01)
    assert t.annual_cost == pytest.approx(75170.45, abs=0.01)
    assert t.pct_of_salary == pytest.approx(20.88, abs=0.01)
    assert t.turnover_rate_pct == 16.0
    assert t.yearly_saving == pytest.approx(28188.92, abs=0.01)  # 8 -> 5 leavers at 10 %
    assert len(t.defaults_used) == 13


def test_turnover_cost_zero_leavers_and_missing_inputs(sets: dict[str, QuestionSet]) -> None:
    zero = _results(sets["turnover-cost"], {"headcount": 50, "leavers": 0, "salary": 45000})
    assert zero.turnover is not None and (
        zero.turnover.annual_cost,
        zero.turnover.yearly_saving,
    ) == (0.0, 0.0)
    _, problems = validate_answers(sets["turnover-cost"], {"headcount": 50})
    assert [(p.path, p.message) for p in problems] == [
        ("leavers", "is required and has no answer"),
        ("salary", "is required and has no answer"),
    ]
    missing = compute_results(sets["turnover-cost"], {"headcount": 50.0})  # a draft half-way
    assert missing.turnover is None
    assert missing.missing_inputs == ("leavers", "salary")


def test_sets_json_describes_all_four(sets: dict[str, QuestionSet]) -> None:
    result = run_cli("sets", "--json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    described = {s["id"]: s for s in doc["sets"]}
    assert set(BUILTIN) <= set(described)
    assert len(described["internal-service"]["items"]) == 25
    rated = next(i for i in described["internal-service"]["items"] if i["id"] == "rated_team")
    assert (rated["kind"], rated["allowed"]) == ("team", {"max_length": 200})
    enps = described["choose-us"]["items"][0]
    assert (enps["id"], enps["kind"], enps["allowed"]) == (
        "enps",
        "scale10",
        {"min": 0, "max": 10, "integer": True},
    )
    salary = next(i for i in described["turnover-cost"]["items"] if i["id"] == "salary")
    assert salary["unit"] == "currency" and salary["allowed"]["min"] == 1.0
    cover = next(i for i in described["turnover-cost"]["items"] if i["id"] == "vacancy_days")
    assert (cover["default"], cover["default_source"]) == (30.0, "shrm-2016")


@pytest.mark.parametrize("set_id", BUILTIN)
def test_every_builtin_item_cites_a_source_of_its_set(
    sets: dict[str, QuestionSet], set_id: str
) -> None:
    qset = sets[set_id]
    for item in qset.items:
        assert item.source, f"{set_id}: item '{item.id}' has no source"
        assert qset.source(item.source) is not None, f"{set_id}: {item.id} -> {item.source}"


@pytest.mark.parametrize("set_id", BUILTIN)
@pytest.mark.parametrize("lang", UI_LANGUAGES)
def test_builtin_advice_starts_with_one_concrete_step(
    sets: dict[str, QuestionSet], set_id: str, lang: str
) -> None:
    # The first step becomes a suggested action item: it must be one step to take, not a
    # description of where the person stands (that is the meaning, shown before it).
    qset = sets[set_id]
    for dim in qset.dimensions:
        for band, advice in dim.advice.items():
            text = advice_text(advice, lambda x: qset.t(x, lang))
            where = f"{set_id} {dim.id}.{band} ({lang}): {text.first}"
            assert len(text.first) <= 140, where
            assert text.first.count(". ") == 0 and text.first.endswith("."), where
            assert not text.first.startswith(("You ", "Je ", "Jij ")), where
            assert text.further, f"{where}: nothing follows the first step"
            if not advice.flat:
                assert text.meaning, f"{where}: the band's meaning is missing"


@pytest.mark.parametrize("set_id", ["choose-us", "competency-level"])
def test_reviewed_sets_give_structured_advice_for_every_band(
    sets: dict[str, QuestionSet], set_id: str
) -> None:
    qset = sets[set_id]
    for dim in qset.dimensions:
        assert set(dim.advice) == {b.id for b in qset.bands}, dim.id
        assert not any(advice.flat for advice in dim.advice.values()), dim.id


def test_cites_behind_defaults_leave_the_punctuation_to_the_screen(
    sets: dict[str, QuestionSet],
) -> None:
    # number.default reads "(source: {source})." and "(bron: {source}).": a cite that ends in a
    # full stop or is English in a Dutch screen would read badly there.
    cited = 0
    for qset in sets.values():
        for item in qset.items:
            if not item.default_source:
                continue
            source = qset.source(item.default_source)
            assert source is not None
            texts = [source.cite] if isinstance(source.cite, str) else list(source.cite.values())
            assert all(not t.rstrip().endswith(".") for t in texts), source.id
            cited += 1
    assert cited == 13
    assumption = sets["turnover-cost"].source("selfaudit-assumption")
    assert assumption is not None and not isinstance(assumption.cite, str)
    assert set(assumption.cite) == set(UI_LANGUAGES)
    assert assumption.cite["nl"].startswith("werkaanname van selfaudit")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "(source: selfaudit working assumption, not a published figure: replace it"),
        ("nl", "(bron: werkaanname van selfaudit, geen gepubliceerd cijfer: vervang het"),
    ],
)
def test_the_default_line_cites_in_the_screen_language(
    sets: dict[str, QuestionSet], lang: str, expected: str
) -> None:
    from selfaudit.tui.widgets.number_field import NumberField

    qset = sets["turnover-cost"]
    item = qset.item("on_costs_pct")
    assert item is not None
    line = NumberField(qset, item, "", lang, "EUR")._default_line()
    assert expected in line
    assert line.endswith("eigen cijfer)." if lang == "nl" else "with your own).")
