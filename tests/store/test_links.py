"""Symbolic links inside the store are refused: nothing is chmodded or written through them."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from selfaudit.core.model import QuestionSet
from selfaudit.store import Store, StoreError
from tests.store.conftest import ANSWERS

LINK = "is a symbolic link, and selfaudit never writes through a link it did not make"


def _outside(tmp_path: Path) -> Path:
    """A folder outside the store, open to others, that a link in the store points at."""
    folder = tmp_path / "outside"
    folder.mkdir()
    folder.chmod(0o755)
    return folder


def _untouched(folder: Path) -> bool:
    return stat.S_IMODE(folder.stat().st_mode) == 0o755 and list(folder.iterdir()) == []


@pytest.mark.parametrize("name", ["sessions", "drafts"])
def test_a_linked_store_folder_is_refused_and_named_by_doctor(tmp_path: Path, name: str) -> None:
    root = tmp_path / "data"
    root.mkdir()
    outside = _outside(tmp_path)
    (root / name).symlink_to(outside)
    with pytest.raises(StoreError) as info:
        Store.open(root)
    assert str(info.value) == (
        f"{root / name} {LINK}; replace it with a real folder holding the same files."
    )
    assert (info.value.code, info.value.path) == ("symlink", root / name)
    assert _untouched(outside)
    reasons = {p.path: p.reason for p in Store.open(root, create=False).doctor()}
    assert reasons[root / name].startswith(LINK)
    assert _untouched(outside)


def test_a_session_is_never_written_through_a_folder_linked_after_opening(
    store: Store, mini: QuestionSet, tmp_path: Path
) -> None:
    outside = _outside(tmp_path)
    store.sessions_dir.rmdir()
    store.sessions_dir.symlink_to(outside)
    with pytest.raises(StoreError, match=LINK):
        store.save_session(mini, ANSWERS)
    assert _untouched(outside)


def test_the_old_cache_folder_as_a_link_is_not_written_through(
    store: Store, mini: QuestionSet, tmp_path: Path
) -> None:
    outside = _outside(tmp_path)
    (store.root / "cache").symlink_to(outside)
    store.save_session(mini, ANSWERS)
    assert len(Store.open(store.root).sessions()) == 1
    assert _untouched(outside)


def test_a_linked_lock_file_is_refused(store: Store, mini: QuestionSet, tmp_path: Path) -> None:
    draft = store.new_draft(mini)
    store.close()
    lock = store.drafts_dir / f"{draft.id}.lock"
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    lock.unlink()
    lock.symlink_to(target)
    with pytest.raises(StoreError, match=f"{lock} {LINK}; remove the link"):
        store.open_draft(draft.id)
    assert target.read_text() == "keep me" and lock.is_symlink()


def test_a_file_where_a_folder_belongs_is_not_chmodded(tmp_path: Path) -> None:
    root = tmp_path / "data"
    root.mkdir()
    (root / "sessions").write_text("mine")
    (root / "sessions").chmod(0o644)
    with pytest.raises(StoreError, match="part of that path is a file, not a folder"):
        Store.open(root)
    assert stat.S_IMODE((root / "sessions").stat().st_mode) == 0o644


def test_the_data_dir_itself_may_be_a_link_the_user_made(tmp_path: Path, mini: QuestionSet) -> None:
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    link = tmp_path / "data"
    link.symlink_to(real)
    store = Store.open(link)
    session = store.save_session(mini, ANSWERS)
    assert (real / "sessions" / f"{session.id}.toml").is_file()
    assert [s.id for s in Store.open(link).sessions()] == [session.id]
    assert os.path.islink(link) and store.doctor() == []
