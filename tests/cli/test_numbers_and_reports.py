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


def test_take_and_show_warn_next_to_implausible_figures(tmp_path: Path) -> None:
    figures = "headcount = 50\nleavers = 5\nsalary = 42\nworking_days = 100\n"
    answers = _answers(tmp_path, figures + "vacancy_days = 120\ninterview_hours = 900\n")
    taken = run_cli("take", "turnover-cost", "--answers", answers, "--json")
    assert taken.returncode == 0, taken.stderr
    doc = json.loads(taken.stdout)
    assert doc["results"]["turnover"]["warnings"] == [
        "salary-under-1000",
        "vacancy-exceeds-working-days",
        "interviews-exceed-working-year",
    ]
    shown = run_cli("show", doc["id"]).stdout
    lines = shown.splitlines()
    at = lines.index("What turnover costs")
    assert lines[at + 1 : at + 4] == [
        "The average annual salary is under 1,000: check that it is a whole year's gross pay, "
        "such as 42000 rather than 42.",
        "A post stays empty for more working days than a year has: check the days a post stays "
        "empty and the working days a year.",
        "Selecting one new hire takes more hours than a whole working year: check the selection "
        "hours per hire.",
    ]


def test_the_report_names_the_figures_that_used_their_default(tmp_path: Path) -> None:
    from selfaudit.settings import Settings, save_settings

    given = "headcount = 50\nleavers = 5\nsalary = 42000\nworking_days = 210\n"
    answers = _answers(tmp_path, given)
    out = run_cli("take", "turnover-cost", "--answers", answers).stdout
    assert "Defaults were used in" not in out
    assert (
        "Calculated with the default for: employer's on-costs, days a post stays empty, "
        "cost while a post is empty, advertising per hire, agency fee, selection hours per hire, "
        "onboarding hours per hire, training costs per hire, months to full speed, productivity "
        "while starting, hours for one person leaving, target turnover rate.\n"
    ) in out
    save_settings(Settings(language="nl"))
    out = run_cli("take", "turnover-cost", "--answers", answers).stdout
    assert "Gerekend met de standaardwaarde voor: werkgeverslasten, dagen dat" in out
