"""The index cache is never trusted over the files, and reading it cannot hang or blow up."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from selfaudit.core.model import QuestionSet
from selfaudit.store import Store
from selfaudit.store.codec import FORMAT_VERSION
from selfaudit.store.index import cache_budget
from tests.store.conftest import ANSWERS


def test_in_place_edit_with_mtime_restored_is_noticed(store: Store, mini: QuestionSet) -> None:
    session = store.save_session(mini, ANSWERS, team="Ops")
    assert store.sessions()[0].team == "Ops"
    path = store.path_of(session.id)
    info = path.stat()
    text = path.read_text()
    # Edited in place to the same size, then the mtime is put back.
    with open(path, "r+b") as f:
        f.write(text.replace('team = "Ops"', 'team = "Dev"').encode())
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns, path.stat().st_ino) == (
        info.st_size,
        info.st_mtime_ns,
        info.st_ino,
    )
    assert store.sessions()[0].team == "Dev"


def test_doctor_reparses_every_file_ignoring_the_cache(store: Store, mini: QuestionSet) -> None:
    session = store.save_session(mini, ANSWERS)
    store.sessions()
    path = store.path_of(session.id)
    info = path.stat()
    text = path.read_text()
    broken = text.replace(f"format_version = {FORMAT_VERSION}", "format_version = ?")
    path.write_text(broken)
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    # A cache that matches the file's new stat but holds the old summary: only doctor re-reads.
    import json

    cache = store.index.cache_file
    doc = json.loads(cache.read_text())
    st = path.stat()
    doc["entries"][path.name]["stat"] = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
    cache.write_text(json.dumps(doc))
    (problem,) = store.doctor()
    assert problem.path == path and "invalid TOML" in problem.reason


def _list_in_thread(store: Store) -> list[object]:
    found: list[object] = []
    thread = threading.Thread(target=lambda: found.append(store.sessions()), daemon=True)
    thread.start()
    thread.join(10)
    assert not thread.is_alive(), "listing hung on the cache file"
    return found


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "huge-junk"])
def test_a_hostile_cache_file_means_rebuild(store: Store, mini: QuestionSet, kind: str) -> None:
    session = store.save_session(mini, ANSWERS)
    cache = store.index.cache_file
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.unlink(missing_ok=True)
    if kind == "fifo":
        os.mkfifo(cache, 0o600)
    elif kind == "dev-zero":
        cache.symlink_to("/dev/zero")
    else:
        cache.write_text('{"version": 2, "entries": {}}' + " " * cache_budget(1))
    (listed,) = _list_in_thread(store)
    assert [s.id for s in listed] == [session.id]  # type: ignore[attr-defined]


def test_results_of_the_wrong_type_are_reported_not_crashed_on(
    store: Store, mini: QuestionSet
) -> None:
    good = store.save_session(mini, ANSWERS)
    bad = store.save_session(mini, ANSWERS)
    path = store.path_of(bad.id)
    text = path.read_text()
    path.write_text(text.replace("[results]\n", '[results]\nturnover = { annual_cost = "lots" }\n'))
    assert [s.id for s in store.sessions()] == [good.id]
    (problem,) = store.doctor()
    assert problem.path == path
    assert problem.reason == "results.turnover.annual_cost: expected a number"


def test_forged_cache_values_are_not_trusted(store: Store, mini: QuestionSet) -> None:
    import json

    session = store.save_session(mini, ANSWERS)
    store.sessions()
    cache = store.index.cache_file
    doc = json.loads(cache.read_text())
    summary = doc["entries"][f"{session.id}.toml"]["summary"]
    summary.update(annual_cost="lots", level=True, enps_answer=[1])
    cache.write_text(json.dumps(doc))
    (listed,) = store.sessions()
    assert (listed.annual_cost, listed.level, listed.enps_answer) == (None, None, None)


def test_unreadable_sessions_folder_is_reported_by_doctor(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.write_text("not a folder")
    (problem,) = Store.open(data, create=False).doctor()
    assert problem.path == data and "is not a folder" in problem.reason
