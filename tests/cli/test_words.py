"""The command line's report says what the results mean in plain words."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfaudit.questionnaires import load_catalog
from tests.conftest import run_cli


@pytest.mark.parametrize(
    ("first_level", "expected"),
    [
        (4, "Your answers follow the order of the levels: every level you meet rests on"),
        (2, "You meet levels 2, 3, 4 and 5 but not level 1 below them. The levels build on"),
    ],
)
def test_the_level_report_says_in_words_whether_the_levels_build_up(
    tmp_path: Path, first_level: int, expected: str
) -> None:
    qset = load_catalog().sets["competency-level"]
    answers = tmp_path / "answers.toml"
    answers.write_text(
        "".join(f"{i.id} = {first_level if i.id.startswith('l1_') else 4}\n" for i in qset.items),
        encoding="utf-8",
    )
    result = run_cli("take", "competency-level", "--answers", str(answers))
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout
    assert "Guttman" not in result.stdout and "CR" not in result.stdout
