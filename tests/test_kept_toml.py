"""A configuration file is parsed once while it stays as it was, and read anew whenever it may
have changed; a kept form that is broken or foreign is passed over, and errors read as before."""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from pathlib import Path

import pytest

from selfaudit import kept_toml
from selfaudit.kept_toml import kept_path, read_kept_toml
from selfaudit.tomlio import TomlError

LIMIT = 64 * 1024
AN_HOUR_AGO_NS = int((dt.datetime.now(dt.UTC).timestamp() - 3600) * 1e9)


@pytest.fixture
def an_hour_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read as if an hour had passed since the files were written (their change time cannot be
    put back): files written by the test count as settled."""
    real = time.time
    monkeypatch.setattr(kept_toml.time, "time", lambda: real() + 3600)


def _settled(path: Path, text: str) -> Path:
    """``path`` holding ``text``, its modification time put an hour back (the change time is
    now: a read an hour on takes it as settled)."""
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(AN_HOUR_AGO_NS, AN_HOUR_AGO_NS))
    return path


def _edited(path: Path, text: str) -> None:
    """``path`` rewritten in place with ``text`` and its modification time put back, once the
    clock of file times has ticked (it ticks coarsely on some kernels and drives)."""
    before = path.stat().st_ctime_ns
    deadline = time.monotonic() + 5
    while True:
        _settled(path, text)
        if path.stat().st_ctime_ns != before or time.monotonic() > deadline:
            return
        time.sleep(0.005)


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("the file was parsed again")

    monkeypatch.setattr(kept_toml, "read_toml", refuse)


@pytest.mark.usefixtures("an_hour_on")
def test_a_settled_file_is_parsed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _settled(tmp_path / "team-store.toml", '[team_store]\nfolder = "/mnt/s"\nk = 5\n')
    first = read_kept_toml(path, LIMIT)
    _no_parsing(monkeypatch)
    assert read_kept_toml(path, LIMIT) == first == {"team_store": {"folder": "/mnt/s", "k": 5}}
    assert oct(kept_path(path).stat().st_mode & 0o777) == "0o600"


@pytest.mark.usefixtures("an_hour_on")
def test_a_change_is_read_even_with_the_same_size_and_modification_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _settled(tmp_path / "team-store.toml", 'team = "Aaaa"\n')
    assert read_kept_toml(path, LIMIT) == {"team": "Aaaa"}
    _edited(path, 'team = "Bbbb"\n')  # in place, its modification time put back
    assert read_kept_toml(path, LIMIT) == {"team": "Bbbb"}
    # Teeth: kept by size and modification time alone, the edit goes unseen.
    _edited(path, 'team = "Cccc"\n')
    monkeypatch.setattr(kept_toml, "_identity", lambda info: [info.st_size, info.st_mtime_ns])
    read_kept_toml(path, LIMIT)
    _edited(path, 'team = "Dddd"\n')
    assert read_kept_toml(path, LIMIT) == {"team": "Cccc"}


def test_a_file_modified_a_moment_ago_is_not_kept(tmp_path: Path) -> None:
    path = tmp_path / "team-store.toml"
    path.write_text('team = "Aaaa"\n', encoding="utf-8")
    assert read_kept_toml(path, LIMIT) == {"team": "Aaaa"}
    assert not kept_path(path).exists()  # a second change in the same tick could hide
    _settled(path, 'team = "Bbbb"\n')  # a copy that brought an old modification time
    assert read_kept_toml(path, LIMIT) == {"team": "Bbbb"}
    assert not kept_path(path).exists()  # its change time is now


@pytest.mark.usefixtures("an_hour_on")
def test_a_file_replaced_by_a_link_is_refused_as_before(tmp_path: Path) -> None:
    path = _settled(tmp_path / "team-store.toml", 'team = "Aaaa"\n')
    read_kept_toml(path, LIMIT)
    elsewhere = _settled(tmp_path / "elsewhere.toml", 'team = "Aaaa"\n')
    path.unlink()
    path.symlink_to(elsewhere)
    with pytest.raises(TomlError, match="symbolic link"):
        read_kept_toml(path, LIMIT)


@pytest.mark.usefixtures("an_hour_on")
@pytest.mark.parametrize(
    "kept",
    [
        b"{not json",
        b"\xff\xfe",
        b"[]",
        json.dumps({"version": 99, "path": "", "identity": [], "doc": {}}).encode(),
        json.dumps({"version": 1, "path": "/other/team-store.toml", "doc": {}}).encode(),
    ],
)
def test_a_broken_or_foreign_kept_file_is_passed_over_and_mended(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kept: bytes
) -> None:
    path = _settled(tmp_path / "team-store.toml", 'team = "Aaaa"\n')
    kept_path(path).parent.mkdir(parents=True)
    kept_path(path).write_bytes(kept)
    assert read_kept_toml(path, LIMIT) == {"team": "Aaaa"}
    _no_parsing(monkeypatch)
    assert read_kept_toml(path, LIMIT) == {"team": "Aaaa"}


@pytest.mark.usefixtures("an_hour_on")
def test_a_kept_file_for_the_same_name_in_another_folder_is_not_used(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    one = _settled(tmp_path / "one" / "team-store.toml", 'team = "One"\n')
    two = _settled(tmp_path / "two" / "team-store.toml", 'team = "Two"\n')
    assert read_kept_toml(one, LIMIT) == {"team": "One"}
    assert read_kept_toml(two, LIMIT) == {"team": "Two"}
    assert read_kept_toml(one, LIMIT) == {"team": "One"}


@pytest.mark.usefixtures("an_hour_on")
def test_dates_are_not_kept_as_text(tmp_path: Path) -> None:
    path = _settled(tmp_path / "settings.toml", "since = 2026-01-02T03:04:05Z\n")
    expected = {"since": dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)}
    assert read_kept_toml(path, LIMIT) == expected
    assert read_kept_toml(path, LIMIT) == expected
    assert not kept_path(path).exists()


@pytest.mark.usefixtures("an_hour_on")
def test_a_cache_dir_that_cannot_be_made_costs_only_the_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("SELFAUDIT_CACHE_DIR", str(blocker / "cache"))
    path = _settled(tmp_path / "team-store.toml", 'team = "Aaaa"\n')
    assert read_kept_toml(path, LIMIT) == {"team": "Aaaa"}
    assert read_kept_toml(path, LIMIT) == {"team": "Aaaa"}
    assert blocker.read_text() == ""


@pytest.mark.usefixtures("an_hour_on")
def test_errors_read_as_before_and_nothing_is_kept(tmp_path: Path) -> None:
    with pytest.raises(TomlError, match="no such file"):
        read_kept_toml(tmp_path / "missing.toml", LIMIT)
    broken = _settled(tmp_path / "team-store.toml", 'team = "Aaaa\n')
    with pytest.raises(TomlError, match=r"team-store\.toml:1: invalid TOML"):
        read_kept_toml(broken, LIMIT)
    assert not kept_path(broken).exists()
