"""Fixtures for store tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfaudit.core.model import QuestionSet
from selfaudit.questionnaires import load_file
from selfaudit.store import Session, Store
from selfaudit.store import index as index_module


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


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The session files read from here on."""
    names: list[str] = []
    real = index_module.read_own_session

    def counting(path: Path) -> Session:
        names.append(path.name)
        return real(path)

    monkeypatch.setattr("selfaudit.store.store.read_own_session", counting)
    return names
