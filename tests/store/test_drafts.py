"""Draft locks across windows, tidying after a crash, and exports for recovery."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from selfaudit.core.model import QuestionSet
from selfaudit.store import DraftBusy, Store, StoreError
from selfaudit.store.drafts import read_draft_file
from tests.store.conftest import ANSWERS


def test_complete_needs_the_draft_lock(store: Store, mini: QuestionSet) -> None:
    draft = store.new_draft(mini)
    draft.answers.update(ANSWERS)
    store.save_draft(draft)
    other = Store.open(store.root)
    with pytest.raises(DraftBusy):
        other.complete(other.drafts()[0], mini)
    assert (store.drafts_dir / f"{draft.id}.toml").exists()
    assert other.sessions() == []


def test_lock_files_stay_in_use_and_are_tidied_at_start(store: Store, mini: QuestionSet) -> None:
    done = store.new_draft(mini)
    done.answers.update(ANSWERS)
    store.complete(done, mini)
    thrown = store.new_draft(mini)
    store.discard_draft(thrown.id)
    kept = store.new_draft(mini)
    locks = {p.name for p in store.drafts_dir.glob("*.lock")}
    assert locks == {f"{d.id}.lock" for d in (done, thrown, kept)}, "complete/discard keep them"
    Store.open(store.root)
    assert {p.name for p in store.drafts_dir.glob("*.lock")} == {f"{kept.id}.lock"}
    store.close()


def test_an_interrupted_complete_is_finished_at_start(store: Store, mini: QuestionSet) -> None:
    draft = store.new_draft(mini)
    draft.answers.update(ANSWERS)
    store.save_draft(draft)
    draft_file = store.drafts_dir / f"{draft.id}.toml"
    copy = draft_file.read_bytes()
    store.complete(draft, mini)
    draft_file.write_bytes(copy)  # as if complete() was killed before removing the draft
    os.chmod(draft_file, 0o600)
    (problem,) = Store.open(store.root, create=False).doctor()
    assert problem.path == draft_file and "already saved as" in problem.reason
    Store.open(store.root)
    assert not draft_file.exists()
    # With the session unreadable, the draft is the only good copy: it is kept and reported.
    draft_file.write_bytes(copy)
    os.chmod(draft_file, 0o600)
    store.path_of(draft.id).write_text("junk =")
    again = Store.open(store.root)
    assert draft_file.exists()
    reasons = {p.path: p.reason for p in again.doctor()}
    assert "is in the way of this draft's session" in reasons[draft_file]


def test_re_export_replaces_its_own_export_only(
    store: Store, mini: QuestionSet, tmp_path: Path
) -> None:
    draft = store.new_draft(mini, team="Ops", respondent="me", lang="nl")
    draft.answers["fast"] = 2
    first = store.export_draft(draft, tmp_path)
    draft.answers["ignore"] = 5
    second = store.export_draft(draft, tmp_path)
    assert first == second == tmp_path / f"selfaudit-draft-{draft.id}.toml"
    exported = read_draft_file(second)
    assert exported.answers == {"fast": 2, "ignore": 5}
    assert (exported.team, exported.respondent, exported.lang) == ("Ops", "me", "nl")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".tmp")] == []
    foreign = tmp_path / "notes.toml"
    foreign.write_text("mine = 1\n")
    with pytest.raises(StoreError, match="already exists and is not an export of this draft"):
        store.export_draft(draft, foreign)
    assert foreign.read_text() == "mine = 1\n"
    with pytest.raises(StoreError, match=r"Could not save to .*: No such file or directory"):
        store.export_draft(draft, tmp_path / "no" / "such" / "dir" / "x.toml")
