"""Drafts, sessions, locks, versions, broken files, permissions and the index."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from selfaudit.core.model import QuestionSet
from selfaudit.store import DraftBusy, Store, StoreError
from tests.store.conftest import ANSWERS

GOLDEN = Path(__file__).parent.parent / "fixtures" / "store"


def test_draft_saved_after_every_answer_and_resumed(store: Store, mini: QuestionSet) -> None:
    draft = store.new_draft(mini, team="Ops [x]", respondent="me")
    draft.answers["fast"] = 4
    draft.notes["fast"] = "slow on Fridays"
    draft.position = 1
    store.save_draft(draft)
    store.close()
    again = Store.open(store.root)
    (found,) = again.drafts()
    resumed = again.open_draft(found.id)
    assert (resumed.answers, resumed.notes, resumed.position, resumed.team) == (
        {"fast": 4},
        {"fast": "slow on Fridays"},
        1,
        "Ops [x]",
    )


def test_complete_writes_session_and_removes_draft(store: Store, mini: QuestionSet) -> None:
    draft = store.new_draft(mini)
    draft.answers.update(ANSWERS)
    draft.actions = ["Call back within a day"]
    session = store.complete(draft, mini)
    assert store.drafts() == []
    loaded = store.load(session.id)
    assert loaded.answers == ANSWERS
    assert loaded.actions == ("Call back within a day",)
    assert loaded.results["dimensions"][0]["score"] == 87.5
    assert loaded.set_hash == mini.content_hash
    assert [s.id for s in store.sessions()] == [session.id]


def test_a_draft_open_in_another_window_is_not_overwritten(store: Store, mini: QuestionSet) -> None:
    draft = store.new_draft(mini)
    draft.answers["fast"] = 5
    store.save_draft(draft)
    other = Store.open(store.root)
    with pytest.raises(DraftBusy, match="open in another selfaudit window"):
        other.open_draft(draft.id)
    stolen = other.drafts()[0]
    stolen.answers["fast"] = 1
    with pytest.raises(DraftBusy):
        other.save_draft(stolen)
    with pytest.raises(DraftBusy):
        other.discard_draft(draft.id)
    assert store.open_draft(draft.id).answers == {"fast": 5}
    store.close()
    assert other.open_draft(draft.id).answers == {"fast": 5}


def test_golden_version_1_file_is_migrated_in_memory_only(store: Store) -> None:
    source = GOLDEN / "v1-session.toml"
    target = store.sessions_dir / "0f6e2f4c-7d0b-4f5e-9a53-2b8a1c6d9e01.toml"
    shutil.copyfile(source, target)
    os.chmod(target, 0o600)
    before = target.read_bytes()
    session = store.load("0f6e2f4c-7d0b-4f5e-9a53-2b8a1c6d9e01")
    assert (session.set_id, session.set_version, session.format_version) == ("mini", "1.0", 1)
    assert session.completed_at.isoformat() == "2026-03-01T09:30:00+00:00"
    assert session.answers == {"fast": 4, "ignore": 2}
    assert session.results["dimensions"][0]["score"] == 75.0
    assert [s.id for s in store.sessions()] == [session.id]
    assert target.read_bytes() == before


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"format_version = 2\nid = ",
        b"\xff\xfe",
        b"format_version = 'two'\n",
        b"format_version = 2\nkind = 'session'\nid = 'not-a-uuid'\n",
    ],
)
def test_broken_files_are_skipped_reported_and_kept(
    store: Store, mini: QuestionSet, content: bytes
) -> None:
    good = store.save_session(mini, ANSWERS)
    broken = store.sessions_dir / "11111111-1111-4111-8111-111111111111.toml"
    broken.write_bytes(content)
    os.chmod(broken, 0o600)
    assert [s.id for s in store.sessions()] == [good.id]
    (problem,) = store.doctor()
    assert problem.path == broken and problem.reason
    assert broken.read_bytes() == content


def test_stale_or_corrupt_index_is_never_trusted(store: Store, mini: QuestionSet) -> None:
    first = store.save_session(mini, ANSWERS)
    assert len(store.sessions()) == 1
    cache = store.index.cache_file
    cache.write_text('{"version": 1, "entries": {"junk": 1}}')
    second = store.save_session(mini, {"fast": 1})
    assert {s.id for s in store.sessions()} == {first.id, second.id}
    cache.write_text("{not json")
    assert len(store.sessions()) == 2
    # A forged summary for a file whose stat does not match is re-read from the file.
    import json

    doc = json.loads(cache.read_text())
    doc["entries"][f"{first.id}.toml"]["summary"]["scores"] = {"serve": 0.0}
    doc["entries"][f"{first.id}.toml"]["stat"][1] += 1
    cache.write_text(json.dumps(doc))
    assert {s.id: s.scores["serve"] for s in store.sessions()}[first.id] == 87.5
    store.path_of(second.id).unlink()
    assert [s.id for s in store.sessions()] == [first.id]


@pytest.mark.parametrize("umask", [0o000, 0o022])
def test_permissions_under_umask(tmp_path: Path, mini: QuestionSet, umask: int) -> None:
    old = os.umask(umask)
    try:
        store = Store.open(tmp_path / f"data-{umask}")
        store.pseudonym()
        store.save_session(mini, ANSWERS)
        draft = store.new_draft(mini)
        store.sessions()
    finally:
        os.umask(old)
    cache = store.index.cache_file
    for folder in (store.root, store.sessions_dir, store.drafts_dir, cache.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    files = [p for p in store.root.rglob("*") if p.is_file()] + [cache]
    assert len(files) >= 5
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    store.close_draft(draft.id)


def test_pseudonym_is_stable(store: Store) -> None:
    name = store.pseudonym()
    assert name.startswith("anon-")
    assert Store.open(store.root).pseudonym() == name


def test_stale_temp_files_are_cleaned_at_start(store: Store) -> None:
    name = "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b.toml"
    dead = store.sessions_dir / f".tmp-999999999-0123456789ab-{name}.part"
    dead.write_text("partial")
    mine = store.sessions_dir / f".tmp-{os.getpid()}-0123456789ab-{name}.part"
    mine.write_text("in flight")
    Store.open(store.root)
    assert not dead.exists()
    assert mine.exists()  # a live writer's temp file is left alone


def test_completing_twice_keeps_the_first_session(store: Store, mini: QuestionSet) -> None:
    draft = store.new_draft(mini)
    draft.answers.update(ANSWERS)
    first = store.complete(draft, mini)
    draft.answers["fast"] = 1
    second = store.complete(draft, mini)
    assert second.id == first.id and store.load(first.id).answers["fast"] == 4


def test_resolve_id_prefix(store: Store, mini: QuestionSet) -> None:
    session = store.save_session(mini, ANSWERS)
    assert store.resolve_id(session.id[:8]) == session.id
    with pytest.raises(StoreError, match="at least the first 4"):
        store.resolve_id("ab")


def test_existing_open_folders_are_tightened_not_widened(tmp_path: Path) -> None:
    root = tmp_path / "data"
    (root / "sessions").mkdir(parents=True)
    root.chmod(0o755)
    (root / "sessions").chmod(0o500)
    Store.open(root)
    assert stat.S_IMODE(root.stat().st_mode) == 0o700  # group and other access removed
    assert stat.S_IMODE((root / "sessions").stat().st_mode) == 0o500  # the owner's choice kept
    (root / "sessions").chmod(0o700)


def test_missing_parents_are_made_private_under_umask_000(
    isolated_dirs: Path, mini: QuestionSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The default data dir under a fresh HOME: ~/.local and ~/.local/share are made 0700 too."""
    home = isolated_dirs / "fresh-home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("SELFAUDIT_DATA_DIR")
    monkeypatch.delenv("XDG_DATA_HOME")
    old = os.umask(0o000)
    try:
        store = Store.open()
        store.save_session(mini, ANSWERS)
    finally:
        os.umask(old)
    assert store.root == home / ".local" / "share" / "selfaudit"
    for folder in (home / ".local", home / ".local" / "share", store.root, store.sessions_dir):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
