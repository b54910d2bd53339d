"""list and show as a new user reads them: who answered, the figures given, and levels that
were not answered."""

from __future__ import annotations

import json
from pathlib import Path

from selfaudit.questionnaires import load_catalog
from tests.conftest import run_cli


def _take(tmp_path: Path, set_id: str, answers: str, *args: str) -> dict[str, object]:
    path = tmp_path / "answers.toml"
    path.write_text(answers, encoding="utf-8")
    result = run_cli("take", set_id, "--answers", str(path), "--json", *args)
    assert result.returncode == 0, result.stderr
    doc: dict[str, object] = json.loads(result.stdout)
    return doc


def test_list_has_a_respondent_column(tmp_path: Path) -> None:
    _take(tmp_path, "choose-us", "enps = 9\n", "--team", "Finance", "--respondent", "Kim")
    _take(tmp_path, "choose-us", "enps = 3\n", "--respondent", "Jan de Vries-van Oranje-Nassau")
    rows = run_cli("list").stdout.splitlines()
    assert rows[0].endswith(
        "  choose-us          " + " " * 16 + "  Jan de Vries-va…  eNPS answer 3"
    )
    assert rows[1].endswith(
        "  choose-us          Finance           Kim               eNPS answer 9"
    )


def test_show_prints_the_figures_given(tmp_path: Path) -> None:
    from selfaudit.settings import Settings, save_settings

    answers = "headcount = 50\nleavers = 5\nsalary = 42000.5\non_costs_pct = 30.5\n"
    doc = _take(tmp_path, "turnover-cost", answers + "vacancy_days = 25\n")
    qset = load_catalog().sets["turnover-cost"]
    shown = run_cli("show", str(doc["id"])).stdout
    figures = shown[shown.index("\nYour figures\n") :].splitlines()[2:12]
    question = {i.id: qset.t(i.text, "en") for i in qset.items}
    assert figures == [
        f"  - {question['headcount']}",
        "    50 people",
        f"  - {question['leavers']}",
        "    5 people",
        f"  - {question['salary']}",
        "    €42,000.50",
        f"  - {question['on_costs_pct']}",
        "    30.5 %",
        f"  - {question['vacancy_days']}",
        "    25 working days",
    ]
    save_settings(Settings(language="nl"))
    shown = run_cli("show", str(doc["id"])).stdout
    assert "\nJe getallen\n" in shown
    assert (
        "    € 42.000,50\n" in shown and "    30,5 %\n" in shown and "    25 werkdagen\n" in shown
    )


def test_json_says_null_for_a_level_that_was_not_answered(tmp_path: Path) -> None:
    qset = load_catalog().sets["competency-level"]
    level = {d.id: d.level for d in qset.dimensions}
    # levels 1 and 3 answered (met), level 2 and everything above 3 not answered
    answers = "".join(f"{i.id} = 5\n" for i in qset.items if level[i.dimension] in (1, 3))
    taken = _take(tmp_path, "competency-level", answers)
    met = [True, None, True, None, None]
    assert taken["results"]["levels"]["met"] == met  # type: ignore[index]
    shown = json.loads(run_cli("show", str(taken["id"]), "--json").stdout)
    assert shown["results"]["levels"]["met"] == met
    assert shown["results"]["levels"]["unanswered"] == [2, 4, 5]
