"""take / list / show / doctor through the real command line: streams, exit codes, JSON."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import run_cli


@pytest.fixture
def with_mini(isolated_dirs: Path, mini_path: Path) -> None:
    folder = Path(os.environ["SELFAUDIT_CONFIG_DIR"]) / "questionnaires"
    folder.mkdir(parents=True)
    shutil.copy(mini_path, folder)


def _answers(tmp_path: Path, text: str) -> str:
    path = tmp_path / "answers.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


GOOD = 'fast = 4\nignore = 1\nrecommend = 6\nagain = false\nmood = "good"\npeople = "12"\n'


def test_take_saves_and_prints_json(with_mini: None, tmp_path: Path) -> None:
    result = run_cli(
        "take", "mini", "--answers", _answers(tmp_path, GOOD), "--team", "Ops [x]", "--json"
    )
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert Path(doc["path"]).is_file()
    assert doc["results"]["dimensions"][0] == {
        "id": "serve",
        "answered": 2,
        "skipped": 0,
        "score": 87.5,
        "band": "high",
        "by_side": {"provider": 75.0, "customer": 100.0},
    }
    assert doc["results"]["enps"] == {"item": "recommend", "answer": 6, "category": "detractor"}
    listed = json.loads(run_cli("list", "--json").stdout)
    assert [(s["id"], s["team"]) for s in listed] == [(doc["id"], "Ops [x]")]
    assert listed[0]["respondent"].startswith("anon-")
    shown = run_cli("show", doc["id"][:8], "--json")
    assert shown.returncode == 0
    assert json.loads(shown.stdout)["answers"]["people"] == 12.0


def test_take_reports_every_problem_and_saves_nothing(with_mini: None, tmp_path: Path) -> None:
    bad = 'fast = 9\nignore = "a lot"\nnope = 1\npeople = "1,5"\n'
    result = run_cli("take", "mini", "--answers", _answers(tmp_path, bad))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 5 and "Traceback" not in result.stderr
    assert any("fast: likert5 answer must be a whole number from 1 to 5" in line for line in lines)
    assert any("nope: 'mini' has no item 'nope'" in line for line in lines)
    assert lines[-1] == f"selfaudit: 4 problem(s) in {tmp_path / 'answers.toml'}; nothing was saved"
    assert json.loads(run_cli("list", "--json").stdout) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["take", "nosuch", "--answers", "x.toml"], "no question set 'nosuch'"),
        (["take", "mini", "--answers", "/nonexistent.toml"], "/nonexistent.toml: no such file"),
        (["frobnicate"], "invalid choice"),
        (["show", "zzzz"], "No session id starts with 'zzzz'"),
    ],
)
def test_bad_input_is_one_clear_line(with_mini: None, args: list[str], message: str) -> None:
    result = run_cli(*args)
    assert result.returncode in (1, 2)
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_show_text_and_doctor(with_mini: None, tmp_path: Path) -> None:
    saved = json.loads(
        run_cli("take", "mini", "--answers", _answers(tmp_path, GOOD), "--json").stdout
    )
    shown = run_cli("show", saved["id"])
    assert "Serving" in shown.stdout and "87.5" in shown.stdout
    healthy = run_cli("doctor")
    assert healthy.returncode == 0 and "1 readable session(s)" in healthy.stdout
    junk = Path(saved["path"]).with_name("22222222-2222-4222-8222-222222222222.toml")
    junk.write_text("format_version = [")
    sick = run_cli("doctor")
    assert sick.returncode == 1
    assert f"{junk}: invalid TOML" in sick.stdout
    assert junk.read_text() == "format_version = ["
    assert len(json.loads(run_cli("list", "--json").stdout)) == 1


def test_data_dir_flag_overrides_environment(with_mini: None, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere"
    result = run_cli(
        "--data-dir", str(other), "take", "mini", "--answers", _answers(tmp_path, GOOD)
    )
    assert result.returncode == 0
    assert len(list((other / "sessions").glob("*.toml"))) == 1
    assert "Saved session" in result.stdout
