"""``write_atomic``: a durable write fsyncs the file and its folder; a note written without
durability skips both, and is still put in place whole."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from selfaudit.store import atomic


def _fsyncs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = os.fsync

    def counted(fd: int) -> None:
        calls.append(fd)
        real(fd)

    monkeypatch.setattr(os, "fsync", counted)
    return calls


@pytest.mark.real_fsync
def test_a_durable_write_fsyncs_the_file_and_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _fsyncs(monkeypatch)
    atomic.write_atomic(tmp_path / "kept.json", b"{}", overwrite=True)
    assert len(calls) == 2


@pytest.mark.real_fsync
def test_a_note_skips_the_fsyncs_and_is_still_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "note.json"
    target.write_bytes(b"old")
    calls = _fsyncs(monkeypatch)
    atomic.write_atomic(target, b'{"new": 1}', overwrite=True, durable=False)
    assert calls == []
    assert target.read_bytes() == b'{"new": 1}'
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["note.json"]  # no temp file left
