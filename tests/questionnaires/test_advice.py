"""Advice per band: the three parts (meaning, first step, further steps) and the flat older form,
read strictly and shown in that order."""

from __future__ import annotations

from typing import Any

import pytest

from selfaudit.commands.report import results_lines
from selfaudit.core.advice import Advice, advice_text
from selfaudit.core.results import compute_results
from selfaudit.i18n.sentences import advice_lines
from selfaudit.questionnaires import load_catalog
from selfaudit.questionnaires.schema import build_question_set
from tests.questionnaires.test_schema import _paths, doc

__all__ = ["doc"]  # the fixture, re-used

STRUCTURED = {
    "meaning": {"en": "It works, not always.", "nl": "Het werkt, niet altijd."},
    "first": {"en": "Note what got stuck.", "nl": "Noteer wat bleef hangen."},
    "further": [
        {"en": "Discuss it.", "nl": "Bespreek het."},
        {"en": "Ask again.", "nl": "Vraag opnieuw."},
    ],
}


def test_structured_and_flat_advice_are_read_side_by_side(doc: dict[str, Any]) -> None:
    doc["dimensions"][0]["advice"]["high"] = STRUCTURED
    qset, problems = build_question_set(doc)
    assert problems == [] and qset is not None
    serve = qset.dimension("serve")
    assert serve is not None
    high, low = serve.advice["high"], serve.advice["low"]
    assert not high.flat and low.flat
    assert advice_text(high, lambda x: qset.t(x, "nl")).further == (
        "Bespreek het.",
        "Vraag opnieuw.",
    )
    assert advice_text(low, lambda x: qset.t(x, "en")).first == "Call back."


def test_further_steps_are_optional(doc: dict[str, Any]) -> None:
    doc["dimensions"][0]["advice"]["high"] = {k: STRUCTURED[k] for k in ("meaning", "first")}
    qset, problems = build_question_set(doc)
    assert problems == [] and qset is not None
    assert qset.dimensions[0].advice["high"].further == ()


def test_every_problem_of_structured_advice_has_its_key_path(doc: dict[str, Any]) -> None:
    broken: dict[str, Any] = {
        "first": {"en": "Note it."},  # no Dutch
        "further": [{"en": "Discuss.", "nl": "Bespreek."}, "Ask again."],
        "next": {"en": "?", "nl": "?"},
    }
    doc["dimensions"][0]["advice"]["high"] = broken
    assert _paths(doc) == [
        "dimensions[0].advice.high.next: unknown key; allowed here: first, further, meaning",
        "dimensions[0].advice.high.further[1]: must be a text table such as "
        '{ en = "..." }, not a string',
        "dimensions[0].advice.high.first.nl: translation missing; every text needs 'nl'",
        "dimensions[0].advice.high.meaning: is missing; it must be a text table such as "
        '{ en = "..." }',
    ]


def test_further_must_be_an_array(doc: dict[str, Any]) -> None:
    doc["dimensions"][0]["advice"]["high"] = {**STRUCTURED, "further": {"en": "x", "nl": "x"}}
    assert _paths(doc) == [
        "dimensions[0].advice.high.further: must be an array of texts, not a table"
    ]


def test_flat_advice_reads_as_its_first_sentence_then_the_rest() -> None:
    text = {"en": "Ask for feedback. You get it rarely. Act on it."}
    shown = advice_text(Advice(first=text, flat=True), lambda x: x["en"])
    assert (shown.meaning, shown.first, shown.further) == (
        "",
        "Ask for feedback.",
        ("You get it rarely. Act on it.",),
    )
    one = advice_text(Advice(first={"en": "Ask."}, flat=True), lambda x: x["en"])
    assert (one.first, one.further) == ("Ask.", ())


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "On average your answers lean towards leaving: you do not expect to stay long, "
                "or you are already looking.",
                "First step: List the two or three things that push you towards leaving.",
                "• Sort them by who can change them: you, your manager or nobody here.",
            ],
        ),
        (
            "nl",
            [
                "Gemiddeld neigen je antwoorden naar vertrekken: je verwacht niet lang te "
                "blijven, of je zoekt al.",
                "Eerste stap: Schrijf de twee of drie dingen op die je richting de uitgang duwen.",
                "• Deel ze in naar wie er iets aan kan doen: jijzelf, je leidinggevende of "
                "niemand hier.",
            ],
        ),
    ],
)
def test_advice_reads_meaning_then_first_step_then_further(lang: str, expected: list[str]) -> None:
    qset = load_catalog().sets["choose-us"]
    stay = qset.dimension("stay")
    assert stay is not None
    assert advice_lines(qset, stay.advice["attention"], lang)[:3] == expected


def test_the_command_line_report_shows_advice_in_that_order() -> None:
    qset = load_catalog().sets["choose-us"]
    results = compute_results(qset, {"stay_year": 1, "stay_leaving": 5})  # 0, reversed 0
    lines = results_lines(qset, results, "en")
    meaning = next(i for i, line in enumerate(lines) if "lean towards leaving" in line)
    assert lines[meaning + 1] == (
        "      First step: List the two or three things that push you towards leaving."
    )
    assert lines[meaning + 2].startswith("      • Sort them by who can change them")
    assert "Intending to stay" in lines[meaning - 1]  # under its dimension's score line


def test_a_level_2_result_says_levels_1_and_2_are_no_longer_enough_in_many_sectors() -> None:
    qset = load_catalog().sets["competency-level"]
    level_of = {d.id: d.level for d in qset.dimensions}
    # Levels 1 and 2 "often" (75, met), the rest "never" (0): level 2 reached.
    answers = {i.id: 4 if level_of[i.dimension] in (1, 2) else 1 for i in qset.items}
    results = compute_results(qset, answers)
    assert results.levels is not None and results.levels.reached == 2
    shown = "\n".join(results_lines(qset, results, "en"))
    assert "in many sectors levels 1 and 2 are no longer enough" in shown
    dutch = "\n".join(results_lines(qset, results, "nl"))
    assert "niveau 1 en 2 in veel sectoren niet meer genoeg zijn" in dutch
