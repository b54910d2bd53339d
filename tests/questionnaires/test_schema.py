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
    assert any(
        p.startswith("items[0] (id \"fast\").dimension: no dimension has id 'nowhere'")
        for p in found
    )
    assert any(p.startswith('items[5] (id "people").max: must be greater than min') for p in found)
    assert any(p.startswith('items[2] (id "recommend").why.nl: translation missing') for p in found)
    assert any(
        p.startswith('items[5] (id "people").default: 10 is outside min..max') for p in found
    )


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
        'items[5] (id "people").default_source: is missing; every default must cite its source'
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
    assert (
        'items[0] (id "fast").options: a likert5 item has no options; only choice items do' in found
    )
    assert 'items[4] (id "mood").options[1].score: must be between 0 and 100' in found


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


def test_enps_bands_must_name_all_three_categories(doc: dict[str, Any]) -> None:
    doc["scoring"]["enps_bands"] = {"detractor": "low", "promoter": "high"}
    assert _paths(doc) == [
        "scoring.enps_bands.passive: is missing; give a band for each of promoter, passive and "
        "detractor"
    ]


def _turnover_doc() -> dict[str, Any]:
    from selfaudit.paths import builtin_sets_dir

    return tomllib.loads((builtin_sets_dir() / "turnover-cost.toml").read_text("utf-8"))


def _item(doc: dict[str, Any], item_id: str) -> tuple[int, dict[str, Any]]:
    return next((i, it) for i, it in enumerate(doc["items"]) if it["id"] == item_id)


@pytest.mark.parametrize(
    ("item_id", "low", "rule"),
    [
        ("working_days", 0, "at least 1"),
        ("headcount", 0, "at least 1"),
        ("headcount", 0.5, "at least 1"),
        ("salary", 0, "greater than 0"),
        ("salary", -5, "greater than 0"),
    ],
)
def test_turnover_cost_inputs_it_divides_by_must_stay_positive(
    item_id: str, low: float, rule: str
) -> None:
    doc = _turnover_doc()
    index, item = _item(doc, item_id)
    item["min"] = low
    item.pop("default", None)
    item.pop("default_source", None)
    assert _paths(doc) == [
        f'items[{index}] (id "{item_id}").min: must be {rule} for the turnover-cost model, '
        f"which divides by {item_id}"
    ]


def test_turnover_cost_set_needs_every_input_as_a_number_item() -> None:
    doc = _turnover_doc()
    index, _ = _item(doc, "ad_costs")
    del doc["items"][index]
    doc["items"][0]["kind"] = "text"
    for key in ("unit", "min", "max", "integer"):
        doc["items"][0].pop(key, None)
    found = _paths(doc)
    assert "items: the turnover-cost model needs a number item 'ad_costs'" in found
    assert "items: item 'headcount' must be a number item for the turnover-cost model" in found


def test_a_cite_is_a_plain_string_or_a_translated_text(doc: dict[str, Any]) -> None:
    doc["sources"].append({"id": "s2", "cite": {"en": "Our guess", "nl": "Onze schatting"}})
    qset, problems = build_question_set(doc)
    assert problems == [] and qset is not None
    assert qset.source("s1").cite == "Tester, T. (2020). A test source."  # type: ignore[union-attr]
    assert qset.source("s2").cite == {"en": "Our guess", "nl": "Onze schatting"}  # type: ignore[union-attr]
    doc["sources"][1]["cite"] = {"en": "Our guess"}
    assert _paths(doc) == ["sources[1].cite.nl: translation missing; every text needs 'nl'"]


def test_control_characters_are_refused_in_every_text(doc: dict[str, Any]) -> None:
    doc["dimensions"][0]["advice"]["low"]["nl"] = "Bel\x1b[31m terug."
    doc["sources"][0]["cite"] = "Tester\x07"
    doc["items"][0]["text"]["en"] = "Line one\nand\ttwo."  # line breaks and tabs are fine
    assert _paths(doc) == [
        "sources[0].cite: contains the control character \\x07; only line breaks and tabs are "
        "allowed",
        "dimensions[0].advice.low.nl: contains the control character \\x1b; only line breaks "
        "and tabs are allowed",
    ]


def test_problems_echo_keys_and_values_escaped_and_cut(doc: dict[str, Any]) -> None:
    doc["items"][0]["dimension"] = "x" * 5000
    doc["scales"]["agree"]["\x9b" + "k" * 500] = 1
    found = _paths(doc)
    assert f"items[0] (id \"fast\").dimension: no dimension has id '{'x' * 60}...'" in found
    assert any(p.startswith(f"scales.agree.\\x9b{'k' * 143}...: unknown key") for p in found)
    assert all(len(p) < 300 and p.isprintable() for p in found)
