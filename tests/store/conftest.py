"""Fixtures for store tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfaudit.core.model import QuestionSet
from selfaudit.questionnaires import load_file
from selfaudit.store import Store


@pytest.fixture
def mini(mini_path: Path) -> QuestionSet:
    qset, problems = load_file(mini_path)
    assert qset is not None, problems
    return qset


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "data")


ANSWERS: dict[str, int | float | str | bool] = {
    "fast": 4,
    "ignore": 1,
    "recommend": 9,
    "again": True,
    "mood": "good",
    "people": 12.0,
    "remark": "ok",
}
