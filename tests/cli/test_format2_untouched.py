"""A store saved by 0.1.0 (session format 2) is read in memory by every command and left byte
for byte as it was, with each session attributed to a respondent by the documented rule."""

from __future__ import annotations

import json
import os
from pathlib import Path

from selfaudit.settings import Settings, save_settings
from tests.conftest import run_cli
from tests.store.format2 import (
    BOB,
    DRAFT,
    MINE_EARLY,
    MINE_NAMED,
    NOBODY,
    PSEUDONYM,
    TEAMMATE,
    copy_format2,
    untouched,
)


def test_every_command_reads_format_2_and_changes_no_file(tmp_path: Path) -> None:
    save_settings(Settings(respondent="Ann"))
    before = copy_format2(Path(os.environ["SELFAUDIT_DATA_DIR"]))
    answers = tmp_path / "answers.toml"
    answers.write_text("enps = 6\n", encoding="utf-8")
    for args in (
        ("list",),
        ("list", "--json"),
        ("list", "--team", "service desk"),
        *(("show", sid) for sid in (MINE_EARLY, MINE_NAMED, TEAMMATE, NOBODY, BOB)),
        ("show", MINE_NAMED, "--json"),
        ("doctor",),
        ("trash",),
        ("take", "choose-us", "--answers", str(answers)),
        ("list",),
    ):
        run = run_cli(*args)
        assert run.returncode == 0, (args, run.stderr)
        assert untouched(before) == [], args
    listed = {s["id"]: s for s in json.loads(run_cli("list", "--json").stdout)}
    assert {sid: listed[sid]["respondent_id"] for sid in (MINE_EARLY, MINE_NAMED, NOBODY)} == {
        MINE_EARLY: PSEUDONYM,
        MINE_NAMED: PSEUDONYM,
        NOBODY: PSEUDONYM,
    }
    assert listed[TEAMMATE]["respondent_id"] == "anon-0b0b0b"
    assert listed[BOB]["respondent_id"].startswith("name-")
    assert {listed[s]["team_key"] for s in (MINE_EARLY, MINE_NAMED, TEAMMATE)} == {"service desk"}
    shown = json.loads(run_cli("show", MINE_NAMED, "--json").stdout)
    assert (shown["respondent_id"], shown["respondent"], shown["followups"]) == (
        PSEUDONYM,
        "Ann",
        [],
    )
    assert "respondent: anon-977f75" in run_cli("show", MINE_EARLY).stdout
    assert len(run_cli("list", "--team", "Service desk").stdout.splitlines()) == 3


def test_a_format_2_draft_taken_from_its_export_becomes_my_format_3_session(
    tmp_path: Path,
) -> None:
    data = Path(os.environ["SELFAUDIT_DATA_DIR"])
    before = copy_format2(data)
    export = tmp_path / f"selfaudit-draft-{DRAFT}.toml"
    export.write_bytes((data / "drafts" / f"{DRAFT}.toml").read_bytes())
    run = run_cli("take", "choose-us", "--answers", str(export), "--json")
    assert run.returncode == 0, run.stderr
    taken = json.loads(run.stdout)
    assert (taken["id"], taken["respondent_id"]) == (DRAFT, PSEUDONYM)
    text = (data / "sessions" / f"{DRAFT}.toml").read_text()
    assert text.startswith("format_version = 3\n") and 'respondent = ""\n' in text
    assert untouched({p: v for p, v in before.items() if DRAFT not in p.name}) == []
