"""Strict validation: unknown keys, translations, cross references, all problems at once."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from selfaudit.questionnaires.schema import build_question_set


@pytest.fixture
def doc(mini_path: Path) -> dict[str, Any]:
    return tomllib.loads(mini_path.read_text("utf-8"))


def _paths(doc: dict[str, Any]) -> list[str]:
    qset, problems = build_question_set(doc)
    assert qset is None
    return [f"{p.path}: {p.message}" for p in problems]


def test_fixture_is_valid(doc: dict[str, Any]) -> None:
    qset, problems = build_question_set(doc)
    assert problems == [] and qset is not None
    assert [i.kind.value for i in qset.items] == [
        "likert5",
        "likert5",
        "scale10",
        "yesno",
        "choice",
        "number",
        "text",
    ]


def test_all_problems_reported_at_once(doc: dict[str, Any]) -> None:
    doc["colour"] = "red"
    doc["items"][0]["dimension"] = "nowhere"
    doc["items"][5]["max"] = 0
    del doc["items"][2]["why"]["nl"]
    found = _paths(doc)
    assert any(p.startswith("colour: unknown key") for p in found)
    assert any(p.startswith("items[0].dimension: no dimension has id 'nowhere'") for p in found)
    assert any(p.startswith("items[5].max: must be greater than min") for p in found)
    assert any(p.startswith("items[2].why.nl: translation missing") for p in found)
    assert any(p.startswith("items[5].default: 10 is outside min..max") for p in found)


def test_missing_translation_is_refused(doc: dict[str, Any]) -> None:
    del doc["dimensions"][0]["advice"]["low"]["nl"]
    assert _paths(doc) == [
        "dimensions[0].advice.low.nl: translation missing; every text needs 'nl'"
    ]


def test_single_language_custom_set_is_allowed(doc: dict[str, Any]) -> None:
    def strip(node: Any) -> Any:
        if isinstance(node, dict):
            if set(node) == {"en", "nl"}:
                return {"en": node["en"]}
            return {k: strip(v) for k, v in node.items()}
        if isinstance(node, list):
            return [strip(v) for v in node]
        return node

    english = strip(doc)
    english["languages"] = ["en"]
    qset, problems = build_question_set(english)
    assert problems == [] and qset is not None
    assert qset.t(qset.title, "nl") == "Mini"  # falls back to the set's language


def test_default_must_cite_a_source(doc: dict[str, Any]) -> None:
    del doc["items"][5]["default_source"]
    assert _paths(doc) == [
        "items[5].default_source: is missing; every default must cite its source"
    ]


def test_newer_format_is_refused(doc: dict[str, Any]) -> None:
    doc["format"] = 2
    assert _paths(doc) == [
        "format: is 2: newer than this build reads; update selfaudit (this build reads format 1)"
    ]


def test_kind_specific_keys_are_checked(doc: dict[str, Any]) -> None:
    doc["items"][0]["options"] = []  # options belong to choice items only
    doc["items"][4]["options"][1]["score"] = 101
    found = _paths(doc)
    assert any(p.startswith("items[0].options: unknown key") for p in found)
    assert "items[4].options[1].score: must be between 0 and 100" in found


def test_levels_model_needs_each_level_once(doc: dict[str, Any]) -> None:
    doc["scoring"] = {"model": "levels", "level_threshold": 70}
    doc["dimensions"][0]["level"] = 1
    doc["dimensions"][1]["level"] = 1
    doc["dimensions"][2]["level"] = 3
    found = _paths(doc)
    assert "dimensions: levels must be 1..3, each exactly once; found [1, 1, 3]" in found


def test_missing_advice_for_a_band(doc: dict[str, Any]) -> None:
    del doc["dimensions"][1]["advice"]["high"]
    assert _paths(doc) == ["dimensions[1].advice.high: advice missing for this band"]
