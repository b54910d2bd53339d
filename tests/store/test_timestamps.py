"""Any TOML date or time in any field is read correctly, or the file is refused with a reason."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path

import pytest

from selfaudit.core.model import QuestionSet
from selfaudit.store import Store, StoreError
from tests.store.conftest import ANSWERS

#: Valid TOML that a session or draft cannot hold, and the reason ``doctor`` gives for it.
REFUSED = [
    ("0001-01-01T00:00:00+05:00", "falls outside the years 1 to 9999 in UTC"),
    ("9999-12-31T23:59:59-05:00", "falls outside the years 1 to 9999 in UTC"),
    ("2026-03-01T09:30:00", "a timestamp without a time zone"),
    ("2026-03-01", "a date alone"),
    ("09:30:00", "a time alone"),
]


def _set_line(path: Path, key: str, value: str) -> None:
    """Put ``key = value`` in the file: replace the top-level line, or add it to ``[results]``."""
    text = path.read_text()
    line = re.compile(rf"^{re.escape(key)} = .*$", re.MULTILINE)
    if line.search(text):
        text = line.sub(f"{key} = {value}", text)
    else:
        text = text.replace("[results]\n", f"[results]\n{key} = {value}\n")
    path.write_text(text)
    os.chmod(path, 0o600)


@pytest.mark.parametrize(("value", "reason"), REFUSED)
@pytest.mark.parametrize("key", ["started_at", "completed_at", "kept_for_later"])
def test_a_session_with_an_unusable_time_is_refused_and_reported(
    store: Store, mini: QuestionSet, key: str, value: str, reason: str
) -> None:
    good = store.save_session(mini, ANSWERS)
    odd = store.save_session(mini, ANSWERS)
    path = store.path_of(odd.id)
    _set_line(path, key, value)
    before = path.read_bytes()
    assert [s.id for s in store.sessions()] == [good.id]
    where = key if key != "kept_for_later" else f"results.{key}"
    with pytest.raises(StoreError, match=re.escape(f"{path}: {where}: ")):
        store.load(odd.id)
    (problem,) = store.doctor()
    assert problem.path == path
    assert problem.reason.startswith(f"{where}: ") and reason in problem.reason
    assert path.read_bytes() == before


@pytest.mark.parametrize(("value", "reason"), REFUSED)
@pytest.mark.parametrize("key", ["updated_at", "started_at"])
def test_a_draft_with_an_unusable_time_is_refused_and_reported(
    store: Store, mini: QuestionSet, key: str, value: str, reason: str
) -> None:
    draft = store.new_draft(mini)
    store.close()
    path = store.drafts_dir / f"{draft.id}.toml"
    _set_line(path, key, value)
    again = Store.open(store.root)
    assert again.drafts() == []
    (problem,) = again.doctor()
    assert problem.path == path and problem.reason.startswith(f"{key}: ")
    assert reason in problem.reason
    assert path.exists(), "an unreadable draft is kept"


def test_times_at_the_ends_of_the_calendar_are_read_and_sorted(
    store: Store, mini: QuestionSet
) -> None:
    ids = {}
    for stamp in ("0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z", "2026-03-01T09:30:00Z"):
        session = store.save_session(mini, ANSWERS)
        _set_line(store.path_of(session.id), "completed_at", stamp)
        _set_line(store.path_of(session.id), "started_at", stamp)
        ids[stamp[:4]] = session.id
    assert [s.id for s in store.sessions()] == [ids["9999"], ids["2026"], ids["0001"]]
    assert [s.id for s in store.trend(mini.id)] == [ids["0001"], ids["2026"], ids["9999"]]
    assert store.load(ids["9999"]).completed_at == dt.datetime.max.replace(tzinfo=dt.UTC)
    assert store.doctor() == []


def test_a_forged_time_in_the_index_cache_cannot_break_sorting(
    store: Store, mini: QuestionSet
) -> None:
    first = store.save_session(mini, ANSWERS)
    second = store.save_session(mini, ANSWERS)
    store.sessions()
    cache = store.index.cache_file
    doc = json.loads(cache.read_text())
    doc["entries"][f"{first.id}.toml"]["summary"]["completed_at"] = "2026-03-01T09:30:00"
    cache.write_text(json.dumps(doc))
    assert {s.id for s in store.sessions()} == {first.id, second.id}
