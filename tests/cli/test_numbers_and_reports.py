"""Numbers on the command line: ambiguous figures refused, implausible ones warned about, the
figures that used a default named, number answers shown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli


def _answers(tmp_path: Path, text: str) -> str:
    path = tmp_path / "answers.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_take_refuses_a_number_that_reads_two_ways(tmp_path: Path, lang: str) -> None:
    answers = _answers(tmp_path, 'headcount = 50\nleavers = 5\nsalary = "42.000"\n')
    result = run_cli("take", "turnover-cost", "--answers", answers, "--lang", lang)
    assert result.returncode == 2 and result.stdout == ""
    assert (
        f"{answers}: salary: number answer '42.000' could be 42,000 or 42.0; "
        "write 42000 or 42 to say which\n"
    ) in result.stderr
    assert "Traceback" not in result.stderr
    assert json.loads(run_cli("list", "--json").stdout) == []
