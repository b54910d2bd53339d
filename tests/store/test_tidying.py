"""Start-up tidying removes only what selfaudit itself left; everything else goes to doctor."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from selfaudit.core.model import QuestionSet
from selfaudit.store import Store, StoreError
from tests.store.conftest import ANSWERS

NAME = "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b.toml"
FOREIGN = "not a file selfaudit made"


def test_a_draft_is_kept_when_its_session_name_holds_another_session(
    store: Store, mini: QuestionSet
) -> None:
    other = store.save_session(mini, ANSWERS)
    draft = store.new_draft(mini)
    draft.answers["fast"] = 2
    store.save_draft(draft)
    store.close()
    draft_file = store.drafts_dir / f"{draft.id}.toml"
    in_the_way = store.path_of(draft.id)
    shutil.copyfile(store.path_of(other.id), in_the_way)  # holds the id of another session
    os.chmod(in_the_way, 0o600)
    again = Store.open(store.root)
    assert draft_file.exists(), "start-up tidying kept the draft"
    assert [d.id for d in again.drafts()] == [draft.id], "and it is still on offer"
    reasons = {p.path: p.reason for p in again.doctor()}
    assert "is in the way of this draft's session" in reasons[draft_file]
    assert reasons[in_the_way] == f"its id {other.id} does not match the file name"
    resumed = again.open_draft(draft.id)
    with pytest.raises(StoreError, match="is in the way and is not this session"):
        again.complete(resumed, mini)
    assert again.open_draft(draft.id).answers == {"fast": 2}, "the answers are kept"
    assert in_the_way.read_bytes() == store.path_of(other.id).read_bytes()


def _plant(path: Path, text: str = "mine") -> Path:
    path.write_text(text)
    os.chmod(path, 0o600)
    return path


def test_only_selfaudit_own_temp_and_lock_files_are_removed(store: Store) -> None:
    dead_writer = ".tmp-999999999-0123456789ab-"
    own = _plant(store.sessions_dir / f"{dead_writer}{NAME}.part", "partial")
    foreign = [
        _plant(store.sessions_dir / ".tmp-foreign.toml"),
        _plant(store.root / ".tmp-notes.txt"),
        _plant(store.drafts_dir / f"{dead_writer}notes.txt.part"),
        _plant(store.root / f"{dead_writer}{NAME}.part"),  # selfaudit writes no session there
        _plant(store.drafts_dir / "notes.lock"),
        _plant(store.sessions_dir / "readme.txt"),
    ]
    link = store.drafts_dir / f"{dead_writer}{NAME}.part"
    link.symlink_to(store.root / ".tmp-notes.txt")
    Store.open(store.root)
    assert not own.exists(), "selfaudit's own temp file of a writer that died is removed"
    assert all(path.exists() for path in foreign) and link.is_symlink()
    reported = {p.path for p in store.doctor() if p.reason.startswith(FOREIGN)}
    assert reported == set(foreign)
    assert all(path.read_text() == "mine" for path in foreign)
