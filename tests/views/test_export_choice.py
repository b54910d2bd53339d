"""The export screen's choices: which sessions are offered, and what a typed path names."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from selfaudit.views.export_choice import FORMATS, export_scopes, export_target

TODAY = dt.date(2026, 12, 2)
BY_ID = {f.id: f for f in FORMATS}


@dataclass(frozen=True)
class Listed:
    id: str
    set_id: str
    team_key: str


#: Newest first, as the store lists them.
SESSIONS = [
    Listed("d", "internal-service", "payroll"),
    Listed("c", "choose-us", "finance"),
    Listed("b", "choose-us", "payroll"),
    Listed("a", "choose-us", ""),
]
TITLES = {"choose-us": "Would we choose us?", "internal-service": "Served well?"}


def test_every_session_then_each_set_then_the_team_each_oldest_first() -> None:
    scopes = export_scopes(SESSIONS, TITLES, " PAYROLL ")
    assert [(s.key, s.name, s.ids) for s in scopes] == [
        ("all", "", ("a", "b", "c", "d")),
        ("set:internal-service", "Served well?", ("d",)),
        ("set:choose-us", "Would we choose us?", ("a", "b", "c")),
        ("team", "PAYROLL", ("b", "d")),
    ]


def test_the_sessions_chosen_in_history_come_first() -> None:
    one = export_scopes(SESSIONS, TITLES, "", chosen=["c"])[0]
    assert (one.kind, one.name, one.ids) == ("chosen", "Would we choose us?", ("c",))
    two = export_scopes(SESSIONS, TITLES, "", chosen=["d", "a", "gone"])[0]
    assert (two.kind, two.name, two.ids) == ("chosen", "", ("a", "d"))


def test_no_team_choice_without_a_team_or_its_sessions() -> None:
    assert "team" not in {s.key for s in export_scopes(SESSIONS, TITLES, "")}
    assert "team" not in {s.key for s in export_scopes(SESSIONS, TITLES, "Legal")}
    assert export_scopes([], TITLES, "Payroll") == []


def test_a_folder_gets_a_dated_name_with_the_formats_ending(tmp_path: Path) -> None:
    assert export_target(str(tmp_path), BY_ID["csv-nl"], TODAY).path == (
        tmp_path / "selfaudit-2026-12-02.csv"
    )
    assert export_target(f" {tmp_path} ", BY_ID["toml"], TODAY).path == (
        tmp_path / "selfaudit-2026-12-02"
    )


@pytest.mark.parametrize(
    ("typed", "form", "named"),
    [
        ("report", "html", "report.html"),
        ("report.HTML", "html", "report.HTML"),
        ("report.htm", "html", "report.htm"),
        ("retro.md", "md", "retro.md"),
        ("to-the-lead", "toml", "to-the-lead"),
        ("v1.2", "json", "v1.2.json"),
    ],
)
def test_a_name_gets_the_formats_ending_unless_it_has_it(
    tmp_path: Path, typed: str, form: str, named: str
) -> None:
    assert export_target(str(tmp_path / typed), BY_ID[form], TODAY).path == tmp_path / named


def test_a_name_of_another_format_or_none_is_refused(tmp_path: Path) -> None:
    wrong = export_target(str(tmp_path / "scores.csv"), BY_ID["html"], TODAY)
    assert (wrong.path, wrong.problem, wrong.detail) == (None, "suffix", ".csv")
    assert export_target(str(tmp_path / "x.md"), BY_ID["toml"], TODAY).problem == "suffix"
    assert export_target("   ", BY_ID["html"], TODAY).problem == "empty"
    assert export_target("~no-such-user-here/x", BY_ID["md"], TODAY).problem == "unusable"


def test_a_home_folder_is_expanded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert export_target("~", BY_ID["md"], TODAY).path == tmp_path / "selfaudit-2026-12-02.md"


def test_a_relative_name_is_made_whole(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    assert export_target("scores", BY_ID["csv"], TODAY).path == tmp_path / "scores.csv"


def test_nothing_is_named_that_could_not_be_written(tmp_path: Path) -> None:
    (tmp_path / "scores.csv").write_text("mine")
    taken = export_target(str(tmp_path / "scores"), BY_ID["csv"], TODAY)
    assert (taken.path, taken.problem, taken.detail) == (
        None,
        "exists",
        str(tmp_path / "scores.csv"),
    )
    nowhere = export_target(str(tmp_path / "sub" / "r.md"), BY_ID["md"], TODAY)
    assert (nowhere.problem, nowhere.detail) == ("no-folder", str(tmp_path / "sub"))
    # A folder of files to import is made where it is missing.
    assert (
        export_target(str(tmp_path / "a" / "b"), BY_ID["toml"], TODAY).path == tmp_path / "a" / "b"
    )


def test_a_folder_gets_the_next_free_dated_name(tmp_path: Path) -> None:
    (tmp_path / "selfaudit-2026-12-02.csv").write_text("earlier")
    (tmp_path / "selfaudit-2026-12-02-2.csv").write_text("earlier too")
    assert export_target(str(tmp_path), BY_ID["csv"], TODAY).path == (
        tmp_path / "selfaudit-2026-12-02-3.csv"
    )
