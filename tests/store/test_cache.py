"""The index cache lives in the user cache dir, one per store, and its size is bounded."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from selfaudit import paths
from selfaudit.core.model import QuestionSet
from selfaudit.store import Store
from tests.store.conftest import ANSWERS


def test_the_cache_lives_in_the_user_cache_dir_one_per_store(
    tmp_path: Path, mini: QuestionSet
) -> None:
    first, second = Store.open(tmp_path / "one"), Store.open(tmp_path / "two")
    for store in (first, second):
        store.save_session(mini, ANSWERS)
        store.sessions()
    cache_dir = Path(os.environ["SELFAUDIT_CACHE_DIR"])
    assert first.index.cache_file.parent == second.index.cache_file.parent == cache_dir
    assert first.index.cache_file != second.index.cache_file
    assert first.index.cache_file.is_file() and second.index.cache_file.is_file()
    assert not (first.root / "cache").exists(), "nothing of the cache travels with the store"
    (tmp_path / "link").symlink_to(first.root)
    assert Store.open(tmp_path / "link").index.cache_file == first.index.cache_file


def test_the_cache_dir_follows_the_environment_then_the_platform(
    monkeypatch: pytest.MonkeyPatch, isolated_dirs: Path
) -> None:
    monkeypatch.setenv("SELFAUDIT_CACHE_DIR", "~/somewhere")
    assert paths.cache_dir() == isolated_dirs / "somewhere"
    monkeypatch.delenv("SELFAUDIT_CACHE_DIR")
    assert paths.cache_dir() == isolated_dirs / "xdg_cache_home" / "selfaudit"


def test_a_cache_over_its_bound_is_rebuilt_not_parsed(store: Store, mini: QuestionSet) -> None:
    session = store.save_session(mini, ANSWERS, team="Ops")
    store.sessions()
    cache = store.index.cache_file
    doc = json.loads(cache.read_text())
    doc["entries"][f"{session.id}.toml"]["summary"]["team"] = "Forged"
    cache.write_text(json.dumps(doc))
    assert store.sessions()[0].team == "Forged", "a cache within its bound is used"
    doc["padding"] = " " * (1 << 20)  # a megabyte for one session is far over the bound
    cache.write_text(json.dumps(doc))
    assert store.sessions()[0].team == "Ops", "one over it is not read but rebuilt"
    assert "padding" not in json.loads(cache.read_text())


def test_the_old_cache_folder_in_the_store_is_left_alone(store: Store, mini: QuestionSet) -> None:
    old = store.root / "cache"
    old.mkdir(mode=0o700)
    (old / "index.json").write_text("left from an earlier version")
    store.save_session(mini, ANSWERS)
    assert len(Store.open(store.root).sessions()) == 1
    assert [p.name for p in old.iterdir()] == ["index.json"]
    assert (old / "index.json").read_text() == "left from an earlier version"
