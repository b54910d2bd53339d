"""Full disk, I/O errors and read-only stores: one clear sentence, files unchanged, nothing lost.

Faults are injected at the OS calls the store makes (``os.write``, ``os.fsync``, ``os.replace``,
``os.link``, ``os.open``); a read-only mount is simulated with ``EROFS`` from ``os.open``, and a
read-only folder is real (file modes, with the writer dropped to ``nobody`` when tests run as root).
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from selfaudit.core.model import QuestionSet
from selfaudit.store import NotDurable, Store, StoreError, atomic
from tests.store.conftest import ANSWERS

ELSEWHERE = "choose another folder with --data-dir or SELFAUDIT_DATA_DIR"


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _failing(real: Callable[..., Any], code: int, nth: int = 1) -> Callable[..., Any]:
    calls = {"n": 0}

    def fake(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] >= nth:
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)

    return fake


@pytest.mark.parametrize("call", ["write", "fsync", "replace"])
@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EIO])
def test_draft_save_fault_leaves_previous_file(
    store: Store, mini: QuestionSet, monkeypatch: pytest.MonkeyPatch, call: str, code: int
) -> None:
    draft = store.new_draft(mini)
    draft.answers["fast"] = 2
    store.save_draft(draft)
    before = _snapshot(store.root)
    draft.answers["ignore"] = 5
    monkeypatch.setattr(atomic.os, call, _failing(getattr(os, call), code))
    with pytest.raises(StoreError) as info:
        store.save_draft(draft)
    monkeypatch.undo()
    message = str(info.value)
    assert message.count(".") <= 3 and "\n" not in message
    assert ("disk is full" if code == errno.ENOSPC else "input/output error") in message
    assert "unchanged" in message
    after = _snapshot(store.root)
    assert after == before, "no file changed and no temp file left"
    assert draft.answers == {"fast": 2, "ignore": 5}, "the answers in memory are kept"
    exported = store.export_draft(draft, store.root.parent)
    assert store.drafts()[0].answers == {"fast": 2}
    assert "ignore = 5" in exported.read_text()


@pytest.mark.parametrize("call", ["write", "fsync", "link"])
def test_session_write_fault_saves_nothing(
    store: Store, mini: QuestionSet, monkeypatch: pytest.MonkeyPatch, call: str
) -> None:
    store.save_session(mini, ANSWERS)
    before = _snapshot(store.root)
    monkeypatch.setattr(atomic.os, call, _failing(getattr(os, call), errno.ENOSPC))
    with pytest.raises(StoreError, match="disk is full"):
        store.save_session(mini, ANSWERS)
    monkeypatch.undo()
    assert _snapshot(store.root) == before
    assert len(store.sessions()) == 1


def test_read_only_data_dir(
    store: Store, mini: QuestionSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = store.new_draft(mini)
    draft.answers["fast"] = 3
    store.save_draft(draft)
    before = _snapshot(store.root)
    real_open = os.open

    def read_only_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT) and str(path).startswith(str(store.root)):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(atomic.os, "open", read_only_open)
    draft.answers["ignore"] = 4
    with pytest.raises(StoreError, match=f"read-only; {ELSEWHERE}"):
        store.save_draft(draft)
    with pytest.raises(StoreError, match="read-only"):
        store.save_session(mini, ANSWERS)
    monkeypatch.undo()
    assert _snapshot(store.root) == before
    assert [s.id for s in store.sessions()] == []


READ_ONLY_WRITER = """
import ctypes, os, secrets, sys  # ctypes, secrets: the store imports them at its first write
from selfaudit.questionnaires import load_file
from selfaudit.store import Store, StoreError
qset, _ = load_file(sys.argv[2])
if os.geteuid() == 0:  # root ignores file modes: write as nobody (the interpreter sits under /root)
    os.setgroups([])
    os.setgid(65534)
    os.setuid(65534)
try:
    Store.open(sys.argv[1], create=False).save_session(qset, {"fast": 3})
except StoreError as exc:
    print(exc)
    sys.exit(3)
"""


def test_read_only_data_dir_by_file_mode(mini_path: Path) -> None:
    """A real permission failure: as root, the writer runs as ``nobody`` so modes apply."""
    base = Path(tempfile.mkdtemp(dir="/tmp", prefix="selfaudit-ro-"))
    try:
        base.chmod(0o755)
        data = base / "data"
        store = Store.open(data)
        if os.geteuid() == 0:
            for path in (data, *data.rglob("*")):
                os.chown(path, 65534, 65534)
        store.sessions_dir.chmod(0o500)
        result = subprocess.run(
            [sys.executable, "-c", READ_ONLY_WRITER, str(data), str(mini_path)],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=base,
            check=False,
        )
        assert result.returncode == 3, result.stderr
        assert f"permission denied; check the folder's owner and permissions, or {ELSEWHERE}" in (
            result.stdout
        )
        assert "Traceback" not in result.stdout + result.stderr
        assert list(store.sessions_dir.iterdir()) == []
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_unstorable_values_are_refused_before_writing(store: Store, mini: QuestionSet) -> None:
    draft = store.new_draft(mini)
    before = _snapshot(store.root)
    draft.notes["fast"] = "bad \ud800 surrogate"
    with pytest.raises(StoreError, match="invalid character"):
        store.save_draft(draft)
    assert _snapshot(store.root) == before


def _fail_dir_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    def fsync_dir(directory: Path) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(atomic, "fsync_dir", fsync_dir)


def test_unconfirmed_directory_fsync_says_the_file_is_saved(
    store: Store, mini: QuestionSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fail_dir_fsync(monkeypatch)
    with pytest.raises(NotDurable) as info:
        store.save_session(mini, ANSWERS)
    monkeypatch.undo()
    session = info.value.session
    assert session is not None
    path = store.path_of(session.id)
    assert str(info.value) == f"Saved as {path}, but the disk could not confirm it; check the disk."
    assert store.load(session.id).answers == ANSWERS
    assert [p.name for p in store.sessions_dir.iterdir()] == [path.name], "no temp file left"


def test_complete_keeps_the_draft_when_the_session_is_not_confirmed(
    store: Store, mini: QuestionSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = store.new_draft(mini)
    draft.answers.update(ANSWERS)
    store.save_draft(draft)
    _fail_dir_fsync(monkeypatch)
    with pytest.raises(NotDurable):
        store.complete(draft, mini)
    monkeypatch.undo()
    assert (store.drafts_dir / f"{draft.id}.toml").exists(), "the draft is kept"
    assert store.path_of(draft.id).exists()
    session = store.complete(draft, mini)  # the retry keeps the first session, then drops the draft
    assert session.id == draft.id and len(store.sessions()) == 1
    assert not (store.drafts_dir / f"{draft.id}.toml").exists()
