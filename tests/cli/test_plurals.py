"""The command line counts in words: "1 problem", "2 problems", never "problem(s)"."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli


def test_doctor_counts_one_session_and_no_drafts(tmp_path: Path) -> None:
    answers = tmp_path / "answers.toml"
    answers.write_text("enps = 9\n", encoding="utf-8")
    assert run_cli("take", "choose-us", "--answers", str(answers)).returncode == 0
    doctor = run_cli("doctor")
    assert doctor.returncode == 0, doctor.stderr
    assert "  1 readable session, 0 drafts\n" in doctor.stdout


def test_take_counts_one_problem(tmp_path: Path) -> None:
    answers = tmp_path / "answers.toml"
    answers.write_text("enps = 11\n", encoding="utf-8")
    result = run_cli("take", "choose-us", "--answers", str(answers))
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        f"selfaudit: 1 problem in {answers}; nothing was saved"
    )


def test_validate_counts_files_with_problems(tmp_path: Path, mini_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("format = [", encoding="utf-8")
    alone = run_cli("validate", str(broken))
    assert alone.returncode == 2
    assert alone.stderr.splitlines()[-1] == "selfaudit: the file has problems"
    both = run_cli("validate", str(broken), str(mini_path))
    assert both.stderr.splitlines()[-1] == "selfaudit: problems in 1 of 2 files"
    assert f"{mini_path}: ok (mini 1.0, 7 items)" in both.stdout
