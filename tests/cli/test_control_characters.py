"""What a file or a user wrote reaches the terminal shown as typed, never obeyed (issue 8)."""

from __future__ import annotations

import dataclasses
import json
import os
import unicodedata
from pathlib import Path

import pytest

from selfaudit.questionnaires import load_catalog
from selfaudit.store import Session, Store
from tests.conftest import run_cli

#: Sets the terminal's title, then clears the screen.
ATTACK = "\x1b]0;pwned\x07x\x1b[2J"
SHOWN = "\\x1b]0;pwned\\x07x\\x1b[2J"
#: What json.dumps leaves raw: a C1 escape, DEL and a right-to-left override.
JSON_ATTACK = "\x9b2J\x7f\u202eabc"


def raw_controls(output: str) -> list[str]:
    """Every character in ``output`` a terminal would obey or hide (line breaks aside)."""
    return [
        ch
        for ch in output
        if ch != "\n" and not ch.isprintable() and unicodedata.category(ch) != "Zs"
    ]


def hostile_session(**fields: str) -> Session:
    """A choose-us session whose every free text carries the attack."""
    qset = load_catalog().sets["choose-us"]
    return Store.open().save_session(
        qset,
        {"enps": 9, "choose_what": f"More say\n{ATTACK}"},
        notes={"enps": f"a note\n{ATTACK}"},
        team=fields.get("team", ATTACK),
        respondent=ATTACK,
        actions=[ATTACK],
    )


def test_show_shows_every_free_text_as_typed() -> None:
    session = hostile_session()
    result = run_cli("show", session.id)
    assert result.returncode == 0, result.stderr
    assert raw_controls(result.stdout) == []
    assert f"team: {SHOWN}  ·  respondent: {SHOWN}" in result.stdout
    assert f"    More say\n    {SHOWN}" in result.stdout  # the answer's line break stays
    assert f"    a note\n    {SHOWN}" in result.stdout
    assert f"  - {SHOWN}" in result.stdout  # the action item


def test_show_of_an_unknown_set_shows_its_id_as_typed() -> None:
    qset = dataclasses.replace(load_catalog().sets["choose-us"], id=ATTACK, version=ATTACK)
    session = Store.open().save_session(qset, {"enps": 9})
    result = run_cli("show", session.id)
    assert raw_controls(result.stdout) == []
    assert f"The set '{SHOWN}' is not installed" in result.stdout


def test_list_shows_teams_as_typed() -> None:
    for team in (ATTACK, "\x1b[8m" * 5):  # the second hid every row after it
        hostile_session(team=team)
    result = run_cli("list")
    assert result.returncode == 0, result.stderr
    assert raw_controls(result.stdout) == []
    rows = result.stdout.splitlines()
    assert len(rows) == 2 and all(row.endswith("eNPS answer 9") for row in rows)
    assert "  \\x1b]0;pwned…  " in rows[-1]  # cut before the \x07, not inside it


def test_list_keeps_every_row_in_its_columns() -> None:
    teams = ["日本語チームの名前です", "e\u0301" * 20, "a" * 40, "Finance", ""]
    sessions = [hostile_session(team=team) for team in teams]
    rows = run_cli("list").stdout.splitlines()
    assert [row.split()[0] for row in rows] == [s.id for s in reversed(sessions)]
    # the headline starts in the same terminal column on every row
    starts = {cells(row[: row.index("eNPS answer 9")]) for row in rows}
    assert len(starts) == 1, rows


def cells(text: str) -> int:
    """Terminal cells of ``text``: East Asian wide characters two, combining marks none."""
    return sum(
        0
        if unicodedata.category(ch) == "Mn"
        else 2
        if unicodedata.east_asian_width(ch) in "WF"
        else 1
        for ch in text
    )


@pytest.mark.parametrize("args", [["list", "--json"], ["show", "--json"]])
def test_json_escapes_every_control_and_keeps_the_data(args: list[str]) -> None:
    session = hostile_session(team=JSON_ATTACK)
    if args[0] == "show":
        args = ["show", session.id, "--json"]
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    assert raw_controls(result.stdout) == []
    doc = json.loads(result.stdout)
    team = doc[0]["team"] if isinstance(doc, list) else doc["team"]
    assert team == JSON_ATTACK


def test_doctor_shows_a_file_name_as_typed() -> None:
    store = Store.open()
    (store.root / "sessions").mkdir(exist_ok=True)
    (store.root / "sessions" / f"{ATTACK}.toml").write_text("not toml [", encoding="utf-8")
    result = run_cli("doctor")
    assert result.returncode == 1
    assert raw_controls(result.stdout) == []
    assert f"{SHOWN}.toml" in result.stdout


def test_sets_and_validate_show_a_set_file_name_as_typed(tmp_path: Path) -> None:
    folder = Path(os.environ["SELFAUDIT_CONFIG_DIR"]) / "questionnaires"
    folder.mkdir(parents=True)
    (folder / f"{ATTACK}.toml").write_text("broken [", encoding="utf-8")
    listed = run_cli("sets")
    assert raw_controls(listed.stdout + listed.stderr) == []
    assert f"{SHOWN}.toml" in listed.stderr
    checked = run_cli("validate", str(folder / f"{ATTACK}.toml"))
    assert checked.returncode == 2
    assert raw_controls(checked.stdout + checked.stderr) == []
    assert f"{SHOWN}.toml" in checked.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["show", ATTACK],  # echoed in "no session id starts with ..."
        ["list", ATTACK],  # echoed by argparse: unrecognized arguments
        ["list", "--set", ATTACK],
    ],
)
def test_an_error_message_shows_what_it_echoes_as_typed(args: list[str]) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert raw_controls(result.stderr) == []
    assert "\\x1b]0;pwned\\x07x" in result.stderr


@pytest.mark.parametrize("flag", ["--team", "--respondent"])
@pytest.mark.parametrize(
    ("value", "shown"),
    [("a\x1b]0;x", "\\x1b"), ("\u202eabc", "\\u202e"), ("a\u200db", "\\u200d"), ("a\x9b", "\\x9b")],
)
def test_a_team_or_name_with_a_control_character_is_refused(
    tmp_path: Path, flag: str, value: str, shown: str
) -> None:
    answers = tmp_path / "answers.toml"
    answers.write_text("enps = 9\n", encoding="utf-8")
    result = run_cli("take", "choose-us", "--answers", str(answers), flag, value)
    assert result.returncode == 2
    assert result.stderr == (
        f"selfaudit: {flag} contains the control character {shown}; give plain text\n"
    )
    assert Store.open().sessions() == []
