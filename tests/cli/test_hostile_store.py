"""No file in the store stops a command: list, show and doctor on odd times, links and caches."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from tests.conftest import run_cli


def _saved(tmp_path: Path) -> dict[str, str]:
    """Save one choose-us session through the command line; its id and path."""
    answers = tmp_path / "answers.toml"
    answers.write_text("enps = 9\n")
    result = run_cli("take", "choose-us", "--answers", str(answers), "--json")
    assert result.returncode == 0, result.stderr
    doc: dict[str, str] = json.loads(result.stdout)
    return doc


def _retime(path: Path, stamp: str) -> None:
    text = re.sub(r"(?m)^(started_at|completed_at) = .*$", rf"\1 = {stamp}", path.read_text())
    path.write_text(text)


@pytest.mark.parametrize(
    ("zone", "stamp", "shown"),
    [
        ("Asia/Tokyo", "9999-12-31T23:59:59Z", "9999-12-31 23:59"),
        ("America/New_York", "0001-01-01T00:00:00Z", "0001-01-01 00:00"),
    ],
)
def test_list_show_and_doctor_in_any_time_zone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, zone: str, stamp: str, shown: str
) -> None:
    saved = _saved(tmp_path)
    _retime(Path(saved["path"]), stamp)
    monkeypatch.setenv("TZ", zone)
    listed = run_cli("list")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.startswith(f"{saved['id']}  {shown}  choose-us")
    assert json.loads(run_cli("list", "--json").stdout)[0]["completed_at"].startswith(stamp[:19])
    show = run_cli("show", saved["id"])
    assert show.returncode == 0, show.stderr
    assert shown in show.stdout
    assert json.loads(run_cli("show", saved["id"], "--json").stdout)["id"] == saved["id"]
    doctor = run_cli("doctor")
    assert doctor.returncode == 0 and "1 readable session, 0 drafts" in doctor.stdout


@pytest.mark.parametrize("stamp", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00"])
def test_a_time_utc_cannot_hold_is_named_by_doctor(tmp_path: Path, stamp: str) -> None:
    saved = _saved(tmp_path)
    path = Path(saved["path"])
    _retime(path, stamp)
    listed = run_cli("list", "--json")
    assert listed.returncode == 0 and json.loads(listed.stdout) == [], listed.stderr
    doctor = run_cli("doctor")
    assert doctor.returncode == 1 and "Traceback" not in doctor.stderr
    assert f"{path}: started_at: {stamp} falls outside the years 1 to 9999 in UTC" in doctor.stdout
    show = run_cli("show", saved["id"])
    assert show.returncode == 1 and "Traceback" not in show.stderr
    assert show.stderr == (
        f"selfaudit: Cannot read {path}: started_at: {stamp} falls outside the years 1 to 9999 "
        "in UTC\n"
    )
    assert os.path.exists(path)


def test_take_and_doctor_on_a_linked_sessions_folder(tmp_path: Path) -> None:
    data = Path(os.environ["SELFAUDIT_DATA_DIR"])
    data.mkdir(mode=0o700)
    outside = tmp_path / "outside"
    outside.mkdir(mode=0o755)
    (data / "sessions").symlink_to(outside)
    answers = tmp_path / "answers.toml"
    answers.write_text("enps = 9\n")
    took = run_cli("take", "choose-us", "--answers", str(answers))
    assert took.returncode == 1 and took.stdout == ""
    assert took.stderr == (
        f"selfaudit: {data / 'sessions'} is a symbolic link, and selfaudit never writes through a "
        "link it did not make; replace it with a real folder holding the same files.\n"
    )
    doctor = run_cli("doctor")
    assert doctor.returncode == 1
    assert f"{data / 'sessions'}: is a symbolic link" in doctor.stdout
    assert list(outside.iterdir()) == [] and (outside.stat().st_mode & 0o777) == 0o755
