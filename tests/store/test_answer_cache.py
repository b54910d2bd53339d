"""The answer cache: a warm team query opens no session file, and the cache never holds notes or
open answers, nor outlives a session moved to the trash or edited."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from selfaudit.core.model import QuestionSet
from selfaudit.store import Session, Store
from selfaudit.store.answer_cache import cache_file
from tests.store.test_query import _at, _day


def _closed(store: Store, mini: QuestionSet, month: int, who: str, **changes: Any) -> Session:
    """A saved session without an open answer (so it may be cached)."""
    answers = {"fast": 2, "ignore": 4, "recommend": 7, "again": False, "mood": "good"}
    session = _at(store, mini, _day(month, 3), who, answers=answers, **changes)
    path = store.path_of(session.id)
    path.write_text(path.read_text().replace('remark = "ok"\n', ""))
    return store.load(session.id)


def _cache(store: Store, mini: QuestionSet) -> Path:
    return cache_file(store.index.cache_file, mini.id, "service desk")


def test_a_warm_query_reads_no_session_file_and_gives_the_same(
    store: Store, mini: QuestionSet, opened: list[str]
) -> None:
    for person in range(4):
        for month in (1, 4):
            _closed(store, mini, month, f"anon-{person:06x}", actions=("Say thanks",))
    opened.clear()
    first = store.team_responses(mini, "Service desk")
    assert len(opened) == len(first) == 8
    opened.clear()
    again = Store.open(store.root).team_responses(mini, "service desk")
    assert opened == [] and again == first
    assert again[0].actions == ("Say thanks",) and again[0].answered_with is mini


def test_notes_and_open_answers_never_go_into_the_cache(
    store: Store, mini: QuestionSet, opened: list[str]
) -> None:
    closed = _closed(store, mini, 1, "anon-000001")
    path = store.path_of(closed.id)
    path.write_text(path.read_text().replace("[notes]\n", '[notes]\nfast = "a private note"\n'))
    with_open = _at(store, mini, _day(2, 3), "anon-000002", answers={"remark": "my own words"})
    store.my_responses(mini, "anon-000001")
    store.my_responses(mini, "anon-000002")
    text = _cache(store, mini).read_text()
    assert closed.id in text and with_open.id not in text
    assert "private note" not in text and "my own words" not in text
    opened.clear()
    (response,) = store.my_responses(mini, "anon-000002")
    assert opened == [f"{with_open.id}.toml"], "read from its file every time"
    assert response.answers["remark"] == "my own words"


def test_a_trashed_or_edited_session_leaves_the_cache(
    store: Store, mini: QuestionSet, opened: list[str]
) -> None:
    gone = _closed(store, mini, 1, "anon-000001")
    edited = _closed(store, mini, 2, "anon-000002")
    store.team_responses(mini, "Service desk")
    store.move_to_trash(gone.id)
    path = store.path_of(edited.id)
    path.write_text(path.read_text().replace("fast = 2", "fast = 5"))
    opened.clear()
    (response,) = store.team_responses(mini, "Service desk")
    assert opened == [f"{edited.id}.toml"] and response.answers["fast"] == 5
    entries = json.loads(_cache(store, mini).read_text())["entries"]
    assert (
        list(entries) == [f"{edited.id}.toml"]
        and entries[f"{edited.id}.toml"]["answers"]["fast"] == 5
    )


@pytest.mark.parametrize(
    "forge",
    [
        lambda e: e.update(answers={"fast": float("nan")}),
        lambda e: e.update(answers={"fast": [1]}),
        lambda e: e.update(results={"dimensions": "lots"}),
        lambda e: e.update(actions="Say thanks"),
        lambda e: e.pop("answers"),
    ],
    ids=["nan", "list-answer", "bad-results", "actions-text", "no-answers"],
)
def test_a_forged_entry_means_reading_the_file(
    store: Store, mini: QuestionSet, opened: list[str], forge: Any
) -> None:
    session = _closed(store, mini, 1, "anon-000001")
    (before,) = store.my_responses(mini, "anon-000001")
    cache = _cache(store, mini)
    doc = json.loads(cache.read_text())
    forge(doc["entries"][f"{session.id}.toml"])
    cache.write_text(json.dumps(doc))
    opened.clear()
    assert store.my_responses(mini, "anon-000001") == [before]
    assert opened == [f"{session.id}.toml"]


def test_a_cache_that_is_a_link_or_junk_is_not_read(
    store: Store, mini: QuestionSet, opened: list[str], tmp_path: Path
) -> None:
    session = _closed(store, mini, 1, "anon-000001")
    store.my_responses(mini, "anon-000001")
    cache = _cache(store, mini)
    for junk in ("[1, 2", '{"version": 1, "entries": []}', "x" * (200 << 10)):
        cache.write_text(junk)
        opened.clear()
        assert [r.session_id for r in store.my_responses(mini, "anon-000001")] == [session.id]
        assert opened == [f"{session.id}.toml"]
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text(cache.read_text())
    cache.unlink()
    cache.symlink_to(elsewhere)
    opened.clear()
    store.my_responses(mini, "anon-000001")
    assert opened == [f"{session.id}.toml"]
