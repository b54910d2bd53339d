"""Files from a newer selfaudit: skipped by views, refused by every action, reported, untouched."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from selfaudit.core.model import QuestionSet
from selfaudit.store import FormatTooNew, Store, StoreError
from selfaudit.store.codec import FORMAT_VERSION, check_version, draft_from_doc, session_from_doc
from tests.store.conftest import ANSWERS

NEWER = rf"format_version 99 is newer than this build reads \(up to {FORMAT_VERSION}\)"


def _make_newer(path: Path) -> tuple[bytes, int]:
    text = path.read_text().replace(f"format_version = {FORMAT_VERSION}", "format_version = 99")
    path.write_text(text + "\n[future]\nkept = true\n")
    os.chmod(path, 0o600)
    return path.read_bytes(), path.stat().st_mtime_ns


def test_one_version_check_for_sessions_and_drafts() -> None:
    doc = {"format_version": FORMAT_VERSION + 1, "kind": "draft"}
    for read in (check_version, session_from_doc, draft_from_doc):
        with pytest.raises(FormatTooNew) as info:
            read(doc)
        assert (info.value.version, info.value.readable) == (FORMAT_VERSION + 1, FORMAT_VERSION)


def test_newer_session_is_refused_and_left_untouched(store: Store, mini: QuestionSet) -> None:
    session = store.save_session(mini, ANSWERS)
    path = store.path_of(session.id)
    before = _make_newer(path)
    assert store.sessions() == []
    with pytest.raises(StoreError, match=NEWER) as info:
        store.load(session.id)
    assert str(path) in str(info.value)
    (problem,) = store.doctor()
    assert problem.path == path and "format_version 99" in problem.reason
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_newer_draft_is_skipped_refused_reported_and_untouched(
    store: Store, mini: QuestionSet
) -> None:
    draft = store.new_draft(mini)
    draft.answers.update(ANSWERS)
    store.save_draft(draft)
    path = store.drafts_dir / f"{draft.id}.toml"
    before = _make_newer(path)
    assert store.drafts() == []
    for action in (
        lambda: store.save_draft(draft),
        lambda: store.complete(draft, mini),
        lambda: store.discard_draft(draft.id),
    ):
        with pytest.raises(StoreError, match=NEWER) as info:
            action()
        assert str(path) in str(info.value)
    store.close()
    with pytest.raises(StoreError, match=NEWER):
        Store.open(store.root).open_draft(draft.id)
    (problem,) = Store.open(store.root).doctor()
    assert problem.path == path and "format_version 99" in problem.reason
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert store.sessions() == [], "complete() wrote no session"
