"""Sentences built from results agree with every count in them."""

from __future__ import annotations

from typing import Any

import pytest

from selfaudit.core.model import QuestionSet
from selfaudit.core.results import compute_results
from selfaudit.i18n.sentences import counts_sentence
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
        ("nl", 1, "15 getallen ingevuld; 1 leeg gelaten gebruikt de standaardwaarde."),
        ("nl", 2, "14 getallen ingevuld; 2 leeg gelaten gebruiken de standaardwaarde."),
    ],
)
def test_defaults_used_agree_with_their_count(
    turnover: QuestionSet, lang: str, left_empty: int, expected: str
) -> None:
    results = compute_results(turnover, _every_figure_but(turnover, left_empty))
    assert counts_sentence(results, lang) == expected
