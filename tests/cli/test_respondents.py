"""Who answered, on the command line: ``take --respondent-id`` for answers collected on paper,
``list --team`` matching a team as typed, and the ids in ``list --json``."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from selfaudit.settings import Settings, save_settings
from tests.conftest import run_cli


def _answers(tmp_path: Path) -> str:
    path = tmp_path / "answers.toml"
    path.write_text("enps = 9\n", encoding="utf-8")
    return str(path)


def _sessions() -> list[Path]:
    folder = Path(os.environ["SELFAUDIT_DATA_DIR"]) / "sessions"
    return sorted(folder.glob("*.toml")) if folder.exists() else []


def test_a_lead_records_answers_collected_on_paper_for_someone_else(tmp_path: Path) -> None:
    save_settings(Settings(respondent="Lea", team="Service desk"))
    run = run_cli(
        "take",
        "choose-us",
        "--answers",
        _answers(tmp_path),
        "--respondent-id",
        "bob-1",
        "--respondent",
        "Bob",
        "--json",
    )
    assert run.returncode == 0, run.stderr
    taken = json.loads(run.stdout)
    assert taken["respondent_id"] == "bob-1"
    unnamed = json.loads(
        run_cli(
            "take",
            "choose-us",
            "--answers",
            _answers(tmp_path),
            "--respondent-id",
            "anon-5e5e5e",
            "--json",
        ).stdout
    )
    listed = {s["id"]: s for s in json.loads(run_cli("list", "--json").stdout)}
    assert (listed[taken["id"]]["respondent_id"], listed[taken["id"]]["respondent_name"]) == (
        "bob-1",
        "Bob",
    )
    # Never the lead's own name on someone else's answers.
    assert listed[unnamed["id"]]["respondent_name"] == ""
    assert listed[unnamed["id"]]["respondent"] == "anon-5e5e5e"
    assert listed[unnamed["id"]]["team"] == "Service desk"
    shown = run_cli("show", unnamed["id"]).stdout
    assert "respondent: anon-5e5e5e" in shown
    own = json.loads(run_cli("take", "choose-us", "--answers", _answers(tmp_path), "--json").stdout)
    assert own["respondent_id"].startswith("anon-") and own["respondent_id"] != "anon-5e5e5e"
    assert "respondent: Lea" in run_cli("show", own["id"]).stdout


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("a\x1bb", "contains the character \\x1b"),
        ("", "is empty"),
        ("x" * 201, "is 201 characters; at most 200 are allowed"),
        (" bob", "begins or ends with a space"),
        ("bob\n", "contains the character \\n"),
    ],
    ids=["escape", "empty", "too-long", "leading-space", "line-break"],
)
def test_a_bad_respondent_id_is_one_sentence_and_saves_nothing(
    tmp_path: Path, value: str, why: str
) -> None:
    run = run_cli("take", "choose-us", "--answers", _answers(tmp_path), "--respondent-id", value)
    assert run.returncode == 2
    assert run.stderr.startswith(f"selfaudit: --respondent-id {why}")
    assert "; give the person's id as plain text" in run.stderr
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr
    assert _sessions() == []


def test_list_finds_a_team_however_it_was_typed(tmp_path: Path) -> None:
    for team in ("Service desk ", "SERVICE  DESK", "Payroll"):
        assert (
            run_cli("take", "choose-us", "--answers", _answers(tmp_path), "--team", team).returncode
            == 0
        )
    rows = run_cli("list", "--team", "service desk").stdout.splitlines()
    assert len(rows) == 2
    listed = json.loads(run_cli("list", "--team", "service desk", "--json").stdout)
    assert sorted(s["team"] for s in listed) == ["SERVICE  DESK", "Service desk "]
    assert {s["team_key"] for s in listed} == {"service desk"}
    assert run_cli("list", "--team", "Payroll", "--json").stdout.count('"id"') == 1
