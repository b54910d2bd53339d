"""A draft exported from the app becomes that draft's own session, once, and no answer is lost."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from selfaudit.core.model import QuestionSet
from selfaudit.store import DraftBusy, Store, StoreError
from selfaudit.store.drafts import read_draft_file


def _exported(store: Store, mini: QuestionSet, folder: Path) -> Path:
    """A draft with one answer, exported as the app does when it cannot save."""
    draft = store.new_draft(mini, team="Ops")
    draft.answers["fast"] = 4
    path = store.export_draft(draft, folder)
    store.close()
    return path


def test_a_recovered_draft_becomes_its_own_session_once(
    store: Store, mini: QuestionSet, tmp_path: Path
) -> None:
    exported = read_draft_file(_exported(store, mini, tmp_path))
    session, saved_now = store.recover(exported, mini)
    assert (session.id, session.started_at, saved_now) == (exported.id, exported.started_at, True)
    assert session.answers == {"fast": 4} and session.team == "Ops"
    assert store.drafts() == [] and not (store.drafts_dir / f"{exported.id}.toml").exists()
    again, saved_now = store.recover(exported, mini)
    assert (again.id, again.completed_at, saved_now) == (session.id, session.completed_at, False)
    assert [s.id for s in store.sessions()] == [exported.id]


@pytest.mark.parametrize("own_copy", ["gone", "saved again unchanged"])
def test_recovery_needs_no_copy_in_the_store_and_takes_an_unchanged_one(
    store: Store, mini: QuestionSet, tmp_path: Path, own_copy: str
) -> None:
    exported = read_draft_file(_exported(store, mini, tmp_path))
    if own_copy == "gone":  # exported on another machine, or discarded since
        store.discard_draft(exported.id)
    else:
        store.save_draft(dataclasses.replace(exported))  # the same answers, saved again later
        store.close()
    session, saved_now = store.recover(exported, mini)
    assert (session.id, saved_now) == (exported.id, True)


def test_the_stores_copy_with_later_answers_is_never_lost(
    store: Store, mini: QuestionSet, tmp_path: Path
) -> None:
    exported = read_draft_file(_exported(store, mini, tmp_path))
    own = store.open_draft(exported.id)
    own.answers.update(exported.answers)
    own.answers["ignore"] = 2  # answered after the export, once the disk could be written again
    store.save_draft(own)
    store.close()
    path = store.drafts_dir / f"{exported.id}.toml"
    before = path.read_bytes()
    with pytest.raises(StoreError, match=f"{path} holds later answers than this export"):
        store.recover(exported, mini)
    assert path.read_bytes() == before and store.sessions() == []
    assert store.open_draft(exported.id).answers == {"fast": 4, "ignore": 2}, "not left locked"


def test_recovery_waits_for_a_window_that_has_the_draft_open(
    store: Store, mini: QuestionSet, tmp_path: Path
) -> None:
    exported = read_draft_file(_exported(store, mini, tmp_path))
    store.open_draft(exported.id)
    other = Store.open(store.root)
    with pytest.raises(DraftBusy):
        other.recover(exported, mini)
    assert other.sessions() == [] and (store.drafts_dir / f"{exported.id}.toml").exists()
    store.close()


def test_an_unreadable_copy_in_the_store_is_kept(
    store: Store, mini: QuestionSet, tmp_path: Path
) -> None:
    exported = read_draft_file(_exported(store, mini, tmp_path))
    path = store.drafts_dir / f"{exported.id}.toml"
    path.write_text("answers = {")
    os.chmod(path, 0o600)
    with pytest.raises(StoreError, match="own copy of this draft cannot be read"):
        store.recover(exported, mini)
    assert path.read_text() == "answers = {" and store.sessions() == []
