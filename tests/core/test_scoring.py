"""Dimension scoring, reverse items, skipping and eNPS category on the fixture set, by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfaudit.core.answers import validate_answers
from selfaudit.core.model import QuestionSet
from selfaudit.core.results import compute_results
from selfaudit.questionnaires import load_file


@pytest.fixture
def mini(mini_path: Path) -> QuestionSet:
    qset, problems = load_file(mini_path)
    assert problems == []
    assert qset is not None
    return qset


def test_mixed_answers_by_hand(mini: QuestionSet) -> None:
    # fast 4 -> 75; ignore 1 reversed -> 100; serve = 87.5 (provider 75, customer 100)
    # recommend is the eNPS item: a category, never averaged; again no -> 0; mood good -> 100:
    # other = 100/2 = 50
    answers, problems = validate_answers(
        mini, {"fast": 4, "ignore": 1, "recommend": 6, "again": False, "mood": "good", "people": 12}
    )
    assert problems == []
    r = compute_results(mini, answers)
    serve, other = r.dimension("serve"), r.dimension("other")
    assert serve is not None and other is not None
    assert serve.score == 87.5
    assert serve.band == "high"
    assert dict(serve.by_side) == {"provider": 75.0, "customer": 100.0}
    assert other.score == 50.0
    assert other.band == "high"
    assert r.dimension("facts") is None  # only unscored items
    assert r.enps is not None and r.enps.category.value == "detractor" and r.enps.answer == 6
    assert r.skipped == ("remark",)
    assert r.answered == 6


def test_all_minimum_counts_reverse_items_high(mini: QuestionSet) -> None:
    answers, _ = validate_answers(
        mini, {"fast": 1, "ignore": 1, "recommend": 0, "again": False, "mood": "bad"}
    )
    r = compute_results(mini, answers)
    assert r.dimension("serve").score == 50.0  # type: ignore[union-attr]  # 0 and reversed 100
    assert r.dimension("other").score == 0.0  # type: ignore[union-attr]
    assert r.dimension("other").band == "low"  # type: ignore[union-attr]


def test_all_maximum(mini: QuestionSet) -> None:
    answers, _ = validate_answers(
        mini, {"fast": 5, "ignore": 5, "recommend": 10, "again": True, "mood": "good"}
    )
    r = compute_results(mini, answers)
    assert r.dimension("serve").score == 50.0  # type: ignore[union-attr]  # 100 and reversed 0
    assert r.dimension("other").score == 100.0  # type: ignore[union-attr]
    assert r.enps is not None and r.enps.category.value == "promoter"


def test_skipped_items_are_left_out_not_zero(mini: QuestionSet) -> None:
    answers, _ = validate_answers(mini, {"fast": 3})
    r = compute_results(mini, answers)
    serve, other = r.dimension("serve"), r.dimension("other")
    assert serve is not None and other is not None
    assert (serve.score, serve.answered, serve.skipped) == (50.0, 1, 1)
    assert (other.score, other.band, other.answered, other.skipped) == (None, None, 0, 2)
    assert r.enps is None
    assert r.skipped == ("ignore", "recommend", "again", "mood", "people", "remark")
    assert "score" not in r.to_dict()["dimensions"][1]


def test_every_bad_answer_is_reported_at_once(mini: QuestionSet) -> None:
    _, problems = validate_answers(
        mini,
        {
            "fast": 6,
            "ignore": "x",
            "recommend": 2.5,
            "again": "yes",
            "mood": "meh",
            "people": 0.5,
            "remark": "x" * 51,
            "nope": 1,
        },
    )
    paths = sorted(p.path for p in problems)
    assert paths == sorted(
        ["fast", "ignore", "recommend", "again", "mood", "people", "remark", "nope"]
    )


def test_number_answers_accept_decimal_comma_and_check_range(mini: QuestionSet) -> None:
    answers, problems = validate_answers(mini, {"people": "12"})
    assert answers == {"people": 12.0} and problems == []
    _, problems = validate_answers(mini, {"people": "1,5"})
    assert [p.path for p in problems] == ["people"]  # integer item
    assert "whole number" in problems[0].message


def test_enps_dimension_is_banded_by_category(mini_path: Path, tmp_path: Path) -> None:
    """A dimension holding only the eNPS item takes the band of the person's category."""
    text = (
        mini_path.read_text("utf-8")
        .replace(
            'enps_item = "recommend"',
            'enps_item = "recommend"\n'
            'enps_bands = { detractor = "low", passive = "low", promoter = "high" }',
        )
        .replace(
            'id = "recommend"\nkind = "scale10"\ndimension = "other"',
            'id = "recommend"\nkind = "scale10"\ndimension = "facts"',
        )
    )
    text = text.replace(
        'id = "facts"\ntitle = { en = "Facts", nl = "Feiten" }',
        'id = "facts"\ntitle = { en = "Facts", nl = "Feiten" }\n'
        'advice.low = { en = "Ask.", nl = "Vraag." }\nadvice.high = { en = "Keep.", nl = "Houd." }',
    )
    path = tmp_path / "enps.toml"
    path.write_text(text, "utf-8")
    qset, problems = load_file(path)
    assert problems == [] and qset is not None
    for answer, band in ((8, "low"), (9, "high"), (3, "low")):
        r = compute_results(qset, {"recommend": answer})
        facts = r.dimension("facts")
        assert facts is not None and (facts.score, facts.band, facts.answered) == (None, band, 1)
    skipped = compute_results(qset, {}).dimension("facts")
    assert skipped is not None and (skipped.band, skipped.skipped) == (None, 1)
