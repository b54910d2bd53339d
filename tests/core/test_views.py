"""What screens and commands show, computed in the core: headline, check-in, actions, stored
results, and answers that a changed set no longer accepts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from selfaudit.core.actions import suggested_actions
from selfaudit.core.advice import first_sentence
from selfaudit.core.answers import check_answer, usable_answers
from selfaudit.core.checkin import next_check_in
from selfaudit.core.headline import HeadlineKind, headline, mean_score
from selfaudit.core.model import QuestionSet
from selfaudit.core.results import compute_results
from selfaudit.core.stored import stored_results
from selfaudit.core.turnover import saving_at
from selfaudit.questionnaires import load_catalog
from tests.core.responses_factory import mini_set


@pytest.fixture(scope="module")
def sets() -> dict[str, QuestionSet]:
    return load_catalog().sets


def test_headline_prefers_level_then_cost_then_enps_then_mean() -> None:
    scores = {"a": 50.0, "b": 75.0}
    assert headline(level=3, annual_cost=9.0, enps_answer=8, scores=scores) == (
        headline(level=3, annual_cost=None, enps_answer=None, scores={})
    )
    found = headline(level=None, annual_cost=1200.5, enps_answer=8, scores=scores)
    assert found is not None and (found.kind, found.value) == (HeadlineKind.COST, 1200.5)
    found = headline(level=None, annual_cost=None, enps_answer=8, scores=scores)
    assert found is not None and (found.kind, found.value) == (HeadlineKind.ENPS, 8)
    found = headline(level=None, annual_cost=None, enps_answer=None, scores=scores)
    assert found is not None and (found.kind, found.value) == (HeadlineKind.MEAN, 62.5)
    assert headline(level=None, annual_cost=None, enps_answer=None, scores={}) is None
    assert mean_score({}) is None


def test_next_check_in_is_due_after_the_cadence() -> None:
    done = dt.datetime(2026, 1, 31, 12, 0, tzinfo=dt.UTC)
    assert next_check_in(done, 0, done) is None  # no cadence chosen: no reminder
    never = next_check_in(None, 30, done)
    assert never is not None and (never.due, never.overdue) == (None, True)
    before = next_check_in(done, 30, done + dt.timedelta(days=29, hours=23))
    assert before is not None and before.due == dt.datetime(2026, 3, 2, 12, 0, tzinfo=dt.UTC)
    assert not before.overdue
    on_time = next_check_in(done, 30, done + dt.timedelta(days=30))
    assert on_time is not None and on_time.overdue


def test_action_items_are_the_first_step_of_each_bands_advice(sets: dict[str, Any]) -> None:
    qset = sets["internal-service"]
    answers = {i.id: 1 for i in qset.items if i.kind.value == "likert5"}
    results = compute_results(qset, answers)
    actions = suggested_actions(qset, results, "nl")
    scored = [d for d in results.dimensions if d.band is not None]
    assert len(actions) == len(scored) > 0
    first = qset.dimension(scored[0].dimension)
    assert first is not None
    advice = first.advice[scored[0].band or ""]
    assert not advice.flat
    assert actions[0] == f"{qset.t(first.title, 'nl')}: {qset.t(advice.first, 'nl')}"
    assert actions[0] == (
        "Reactiesnelheid: Spreek als team een reactietijd af voor interne verzoeken, "
        "bijvoorbeeld één werkdag."
    )


def test_flat_advice_suggests_its_first_sentence() -> None:
    qset = mini_set()
    results = compute_results(qset, {"fast": 1, "ignore": 5})
    assert suggested_actions(qset, results, "nl")[0].endswith(": Bel terug.")
    assert first_sentence("Ask for feedback. Then act on it.") == "Ask for feedback."


def test_structured_advice_suggests_its_first_step(sets: dict[str, Any]) -> None:
    qset = sets["choose-us"]
    results = compute_results(qset, {"stay_year": 1, "stay_leaving": 5})  # 0 and 0: attention
    assert suggested_actions(qset, results, "en") == [
        "Intending to stay: List the two or three things that push you towards leaving."
    ]


def test_answers_a_changed_set_no_longer_accepts_are_dropped(sets: dict[str, Any]) -> None:
    qset = sets["choose-us"]
    raw = {"enps": 9, "stay_year": 7, "gone_item": 3, "choose_again": "a lot"}
    answers, dropped = usable_answers(qset, raw)
    assert answers == {"enps": 9}
    assert sorted(dropped) == ["choose_again", "gone_item", "stay_year"]
    compute_results(qset, answers)  # scoring what is left never fails


def test_messages_show_values_as_written_not_as_python() -> None:
    qset = load_catalog().sets["choose-us"]
    item = qset.item("enps")
    assert item is not None
    with pytest.raises(ValueError) as caught:
        check_answer(item, True)
    assert str(caught.value).endswith("got true")
    with pytest.raises(ValueError) as caught:
        check_answer(item, dt.date(2020, 1, 1))
    assert str(caught.value).endswith("got a date")
    with pytest.raises(ValueError) as caught:
        check_answer(item, {"x": 1})
    assert str(caught.value).endswith("got a table")


def test_stored_results_read_back_what_was_saved(sets: dict[str, Any]) -> None:
    for set_id, answers in (
        ("competency-level", {i.id: 5 for i in sets["competency-level"].items[:6]}),
        ("turnover-cost", {"headcount": 40, "leavers": 6, "salary": 52000}),
        ("choose-us", {"enps": 6, "stay_year": 2}),
    ):
        qset = sets[set_id]
        computed = compute_results(qset, answers)
        again = stored_results(set_id, qset.model, computed.to_dict(), answers)
        assert again.to_dict() == computed.to_dict()


def test_stored_results_leave_out_what_does_not_fit(sets: dict[str, Any]) -> None:
    qset = sets["turnover-cost"]
    junk = {
        "dimensions": [{"id": "x", "score": "high"}, "nonsense", {"score": 3}],
        "turnover": {"per_leaver": {"vacancy": "lots"}, "annual_cost": float("nan")},
        "enps": {"item": "enps", "answer": 11.5, "category": "fan"},
        "skipped": "all",
    }
    r = stored_results(qset.id, qset.model, junk, {})
    assert [d.dimension for d in r.dimensions] == ["x"] and r.dimensions[0].score is None
    assert (r.turnover, r.enps, r.skipped) == (None, None, ())
    levels = load_catalog().sets["competency-level"]
    forged = {"levels": {"met": [True, False], "reached": 7, "next": 9, "unanswered": [{}, 2, 40]}}
    lv = stored_results(levels.id, levels.model, forged, {}).levels
    assert lv is not None  # reached and next follow from the profile, not from the file
    assert (lv.met, lv.reached, lv.next_level, lv.stopped_unanswered) == ((True, None), 1, 2, True)


def test_what_if_uses_the_computed_cost(sets: dict[str, Any]) -> None:
    qset = sets["turnover-cost"]
    r = compute_results(qset, {"headcount": 50, "leavers": 10, "salary": 45000})
    assert r.turnover is not None
    # 10 leavers, target 7.5 % of 50 = 3.75 leavers: 6.25 fewer, each at the cost per leaver.
    assert saving_at(r.turnover, 7.5) == pytest.approx(6.25 * r.turnover.cost_per_leaver)
    assert saving_at(r.turnover, 25) == 0.0


def test_what_if_sentence_says_when_the_target_is_already_reached(sets: dict[str, Any]) -> None:
    from selfaudit.i18n.sentences import what_if_sentence

    r = compute_results(sets["turnover-cost"], {"headcount": 50, "leavers": 5, "salary": 45000})
    assert r.turnover is not None  # turnover rate 10 %
    assert what_if_sentence(r.turnover, 12.5, "nl", "EUR").startswith("Je verloop (10,0%)")
    saving = what_if_sentence(r.turnover, 7.5, "en", "EUR")
    assert saving.startswith("At 7.5% you would save €") and saving.endswith("a year.")


def test_missing_inputs_are_named_by_their_questions(sets: dict[str, Any]) -> None:
    from selfaudit.commands.report import results_lines

    qset = sets["turnover-cost"]
    r = compute_results(qset, {"headcount": 10})
    assert r.missing_inputs == ("leavers", "salary")
    leavers, salary = (qset.item(i) for i in r.missing_inputs)
    assert leavers is not None and salary is not None
    named = qset.question_texts(r.missing_inputs, "nl")
    assert named == f"{qset.t(leavers.text, 'nl')[:-1]}; {qset.t(salary.text, 'nl')[:-1]}"
    assert any(named in line for line in results_lines(qset, r, "nl"))
