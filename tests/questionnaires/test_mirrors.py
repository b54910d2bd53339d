"""Mirrored items and the team item: the checks that keep a set's gap view well defined."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import pytest

from selfaudit.core.answers import check_answer
from selfaudit.core.model import Kind
from selfaudit.questionnaires.schema import build_question_set

BUILTIN = Path(__file__).parents[2] / "questionnaires" / "internal-service.toml"


@pytest.fixture(scope="module")
def pristine() -> dict[str, Any]:
    return tomllib.loads(BUILTIN.read_text("utf-8"))


@pytest.fixture
def doc(pristine: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(pristine)


def _item(doc: dict[str, Any], item_id: str) -> dict[str, Any]:
    return next(i for i in doc["items"] if i["id"] == item_id)


def _problems(doc: dict[str, Any]) -> list[str]:
    qset, problems = build_question_set(doc)
    assert qset is None
    return [f"{p.path}: {p.message}" for p in problems]


def test_the_builtin_set_pairs_every_sided_item(doc: dict[str, Any]) -> None:
    qset, problems = build_question_set(doc)
    assert problems == [] and qset is not None
    pairs = qset.mirrored()
    assert [p.id for p, _ in pairs][:2] == ["resp_p_quick", "resp_p_reach"]
    assert len({p.id for p, _ in pairs} | {c.id for _, c in pairs}) == 24


def test_a_mirror_must_exist_and_be_a_provider_item(doc: dict[str, Any]) -> None:
    _item(doc, "resp_c_quick")["mirror"] = "nowhere"
    _item(doc, "resp_c_reach")["mirror"] = "agree_c_keep"
    found = _problems(doc)
    assert any("resp_c_quick\").mirror: no item has id 'nowhere'" in p for p in found)
    assert any("'agree_c_keep' is not a provider item" in p for p in found)
    # Both provider items lost their partner.
    assert any('(id "resp_p_quick"): has no mirror on the other side' in p for p in found)


def test_a_mirror_has_the_same_dimension_and_one_partner(doc: dict[str, Any]) -> None:
    _item(doc, "agree_c_keep")["mirror"] = "resp_p_quick"
    found = _problems(doc)
    assert any("'resp_p_quick' has another dimension or kind" in p for p in found)
    _item(doc, "agree_c_keep")["mirror"] = "agree_p_warn"
    found = _problems(doc)
    assert any(
        "agree_c_warn\").mirror: 'agree_p_warn' is already the mirror of 'agree_c_keep'" in p
        for p in found
    )


def test_only_a_customer_item_names_a_mirror(doc: dict[str, Any]) -> None:
    _item(doc, "resp_p_quick")["mirror"] = "resp_c_quick"
    assert any(
        'resp_p_quick").mirror: only a customer item names its mirror' in p for p in _problems(doc)
    )


def test_a_set_without_mirrors_is_not_asked_for_them(doc: dict[str, Any]) -> None:
    for item in doc["items"]:
        item.pop("mirror", None)
    qset, problems = build_question_set(doc)
    assert problems == [] and qset is not None and qset.mirrored() == ()


def test_the_team_item_is_one_unscored_customer_item(doc: dict[str, Any]) -> None:
    team = _item(doc, "rated_team")
    twin = dict(team, id="rated_again", side="provider")
    doc["items"].append(twin)
    team["dimension"] = "respect"
    found = _problems(doc)
    assert any(
        '(id "rated_team").dimension: a team item belongs to no dimension' in p for p in found
    )
    assert any('(id "rated_again"): a set has at most one team item' in p for p in found)


def test_a_team_answer_is_a_name_as_typed(doc: dict[str, Any]) -> None:
    qset, _ = build_question_set(doc)
    assert qset is not None and qset.team_item is not None
    item = qset.team_item
    assert item.kind is Kind.TEAM and not item.scored
    assert check_answer(item, "  Finance ") == "Finance"
    for bad, why in [
        ("   ", "must name a team"),
        ("x" * 201, "at most 200"),
        ("Fin\x1b[31mance", "control character \\x1b"),
        (5, "must be text"),
    ]:
        with pytest.raises(ValueError, match=why.replace("[", r"\[").replace("\\x", r"\\x")):
            check_answer(item, bad)
