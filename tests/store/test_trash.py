"""The trash: a session removed by mistake is moved, never copied or unlinked, and comes back."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from selfaudit.core.model import QuestionSet
from selfaudit.store import BadSessionId, SessionExists, Store, StoreError, atomic
from tests.store.conftest import ANSWERS

LINK = "is a symbolic link, and selfaudit never writes through a link it did not make"


def _saved(store: Store, mini: QuestionSet) -> tuple[str, bytes, int]:
    """A saved session: its id, its bytes and its inode."""
    session = store.save_session(mini, ANSWERS, team="Ops")
    path = store.path_of(session.id)
    return session.id, path.read_bytes(), path.stat().st_ino


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=["renameat2", "link"])
def move_kind(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test with the one-rename move and with the link-then-unlink move of other systems."""
    if request.param == "link":
        monkeypatch.setattr(atomic, "_rename_no_replace", lambda source, target: False)
    return str(request.param)


def test_a_session_moves_to_the_trash_as_the_same_file(
    store: Store, mini: QuestionSet, move_kind: str
) -> None:
    session_id, data, inode = _saved(store, mini)
    other = store.save_session(mini, ANSWERS).id
    path = store.move_to_trash(session_id)
    assert path == store.root / "trash" / f"{session_id}.toml"
    assert path.read_bytes() == data
    assert path.stat().st_ino == inode  # moved, not copied: the same file under a new name
    assert not os.path.lexists(store.path_of(session_id))
    assert (_mode(path), _mode(store.trash_dir)) == (0o600, 0o700)
    assert [s.id for s in store.sessions()] == [other]
    assert [s.id for s in Store.open(store.root, create=False).sessions()] == [other]
    assert [(s.id, s.team) for s in store.trashed()] == [(session_id, "Ops")]
    assert store.doctor() == []


def test_restore_brings_back_the_same_file(store: Store, mini: QuestionSet, move_kind: str) -> None:
    session_id, data, inode = _saved(store, mini)
    store.move_to_trash(session_id)
    assert store.sessions() == []  # the index forgets it
    path = store.restore(session_id)
    assert path == store.path_of(session_id)
    assert (path.read_bytes(), path.stat().st_ino, _mode(path)) == (data, inode, 0o600)
    assert [s.id for s in store.sessions()] == [session_id]
    assert store.trashed() == [] and list(store.trash_dir.iterdir()) == []
    assert store.load(session_id).answers == ANSWERS


def test_restore_never_replaces_a_session_saved_again(
    store: Store, mini: QuestionSet, move_kind: str
) -> None:
    session_id, data, _ = _saved(store, mini)
    trashed = store.move_to_trash(session_id)
    again = b"# saved again meanwhile\n" + data
    store.path_of(session_id).write_bytes(again)
    with pytest.raises(SessionExists) as info:
        store.restore(session_id)
    assert str(info.value) == (
        f"Not restored: a session {session_id} is saved again ({store.path_of(session_id)}), "
        "so both copies were left as they are."
    )
    assert store.path_of(session_id).read_bytes() == again
    assert trashed.read_bytes() == data
    reasons = {p.path: p.reason for p in store.doctor()}
    assert reasons[trashed].startswith("this session is saved again in sessions/")


def test_a_delete_never_replaces_an_earlier_copy_in_the_trash(
    store: Store, mini: QuestionSet, move_kind: str
) -> None:
    session_id, data, _ = _saved(store, mini)
    earlier = store.move_to_trash(session_id)
    store.path_of(session_id).write_bytes(data + b"# another copy\n")
    with pytest.raises(
        SessionExists, match=r"An earlier copy of session \S+ is already in the trash"
    ):
        store.move_to_trash(session_id)
    assert earlier.read_bytes() == data
    assert store.path_of(session_id).read_bytes() == data + b"# another copy\n"


def test_a_move_stopped_half_way_loses_nothing_and_finishes_next_time(
    store: Store, mini: QuestionSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without renameat2 the file is linked, then its old name removed: a kill between the two
    leaves one file with two names, never none; moving again finishes the move."""
    session_id, data, _ = _saved(store, mini)
    monkeypatch.setattr(atomic, "_rename_no_replace", lambda source, target: False)

    def killed(path: object) -> None:
        raise KeyboardInterrupt  # stands for the process dying right here

    real_unlink = os.unlink
    monkeypatch.setattr(os, "unlink", killed)
    with pytest.raises(KeyboardInterrupt):
        store.move_to_trash(session_id)
    monkeypatch.setattr(os, "unlink", real_unlink)
    trashed = store.trash.path(session_id)
    assert store.path_of(session_id).read_bytes() == data and trashed.read_bytes() == data
    store.move_to_trash(session_id)
    assert not os.path.lexists(store.path_of(session_id)) and trashed.read_bytes() == data


def test_the_move_is_fsynced_in_both_folders(
    store: Store, mini: QuestionSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id, _, _ = _saved(store, mini)
    synced: list[Path] = []
    monkeypatch.setattr(atomic, "fsync_dir", synced.append)
    store.move_to_trash(session_id)
    assert set(synced) == {store.sessions_dir, store.trash_dir}
    synced.clear()
    store.restore(session_id)
    assert set(synced) == {store.sessions_dir, store.trash_dir}


def test_a_move_the_disk_cannot_confirm_says_so(
    store: Store, mini: QuestionSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id, data, _ = _saved(store, mini)

    def fails(directory: Path) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic, "fsync_dir", fails)
    with pytest.raises(StoreError) as info:
        store.move_to_trash(session_id)
    assert info.value.code == "not-durable"
    assert str(info.value) == (
        f"Moved to {store.trash.path(session_id)}, but the disk could not confirm it; "
        "check the disk."
    )
    assert store.trash.path(session_id).read_bytes() == data


def test_unknown_ids_are_refused_with_one_sentence(store: Store, mini: QuestionSet) -> None:
    session_id, _, _ = _saved(store, mini)
    with pytest.raises(BadSessionId, match=f"No session {session_id} in the trash"):
        store.restore(session_id)
    store.move_to_trash(session_id)
    with pytest.raises(BadSessionId, match=f"No session {session_id} in {store.sessions_dir}"):
        store.move_to_trash(session_id)
    with pytest.raises(BadSessionId, match="'nope' is not a session id"):
        store.move_to_trash("nope")


def test_trashed_ids_are_found_by_their_first_characters(store: Store, mini: QuestionSet) -> None:
    session_id, _, _ = _saved(store, mini)
    with pytest.raises(BadSessionId, match="No id in the trash starts with"):
        store.resolve_trashed_id(session_id[:6])
    store.move_to_trash(session_id)
    assert store.resolve_trashed_id(session_id[:6].upper()) == session_id
    with pytest.raises(BadSessionId, match="No session id starts with"):
        store.resolve_id(session_id[:6])


def _outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    folder.chmod(0o755)
    return folder


def test_a_linked_trash_folder_is_never_written_through(
    store: Store, mini: QuestionSet, tmp_path: Path
) -> None:
    session_id, data, _ = _saved(store, mini)
    outside = _outside(tmp_path)
    (outside / f"{session_id}.toml").write_bytes(data)
    store.trash_dir.symlink_to(outside)
    for move in (store.move_to_trash, store.restore):
        with pytest.raises(StoreError, match=LINK):
            move(session_id)
    with pytest.raises(StoreError, match=LINK):
        store.trashed()
    assert sorted(p.name for p in outside.iterdir()) == [f"{session_id}.toml"]
    assert _mode(outside) == 0o755
    assert store.path_of(session_id).read_bytes() == data
    reasons = {p.path: p.reason for p in store.doctor()}
    assert list(reasons) == [store.trash_dir] and reasons[store.trash_dir].startswith(LINK)


def test_a_session_file_that_is_a_link_is_not_moved(
    store: Store, mini: QuestionSet, tmp_path: Path
) -> None:
    session_id, data, _ = _saved(store, mini)
    target = tmp_path / "elsewhere.toml"
    target.write_bytes(data)
    store.path_of(session_id).unlink()
    store.path_of(session_id).symlink_to(target)
    with pytest.raises(StoreError, match=LINK):
        store.move_to_trash(session_id)
    assert store.path_of(session_id).is_symlink() and target.read_bytes() == data
    assert not os.path.lexists(store.trash.path(session_id))


def test_doctor_knows_the_trash_and_reports_problems_in_it(store: Store, mini: QuestionSet) -> None:
    session_id, _, _ = _saved(store, mini)
    trashed = store.move_to_trash(session_id)
    assert store.doctor() == []  # the trash folder is selfaudit's own, not a foreign one
    broken = store.trash_dir / "0b0b0b0b-0000-4000-8000-000000000000.toml"
    broken.write_text("not = [toml")
    broken.chmod(0o600)
    (store.trash_dir / "notes.txt").write_text("mine")
    trashed.chmod(0o644)
    store.trash_dir.chmod(0o755)
    reasons = {p.path: p.reason for p in store.doctor()}
    assert set(reasons) == {broken, store.trash_dir / "notes.txt", trashed, store.trash_dir}
    assert reasons[store.trash_dir / "notes.txt"].startswith("not a file selfaudit made")
    assert reasons[trashed] == f"file permissions are 644; run 'chmod 600 {trashed}'"
    assert reasons[store.trash_dir].startswith("folder permissions are 755")
    assert [s.id for s in store.trashed()] == [session_id]  # the broken one is left to doctor


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's")
def test_on_linux_the_move_is_one_rename_that_never_replaces(tmp_path: Path) -> None:
    source, target = tmp_path / "a.toml", tmp_path / "b.toml"
    source.write_text("a")
    target.write_text("b")
    with pytest.raises(FileExistsError):
        atomic._rename_no_replace(source, target)
    assert (source.read_text(), target.read_text()) == ("a", "b")
    target.unlink()
    assert atomic._rename_no_replace(source, target) is True
    assert target.read_text() == "a" and not source.exists()
