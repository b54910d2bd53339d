"""``selfaudit trend``, ``compare`` and ``team`` on the lead's scene of issue 10.

Six teammates of "Service desk" answer choose-us over three rounds of 2026: five in Q1, four in
Q2 (only the count is shown), all six in Q3, where p2 answers twice (the later answer counts)
and p3 has changed their name. I (this install) answer in every round and set my name in Q3.
"Payroll" has five people in Q3. The figures checked below are worked out by hand.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from selfaudit import cli
from selfaudit.commands.tables import table_lines
from selfaudit.core.model import QuestionSet
from selfaudit.core.text import cell_width
from selfaudit.questionnaires import load_catalog
from selfaudit.settings import Settings, save_settings
from selfaudit.store import Session, Store
from selfaudit.views.content import Cell, Row, Table
from tests.store.format2 import MINE_EARLY, MINE_NAMED, TEAMMATE, copy_format2, untouched

pytestmark = pytest.mark.usefixtures("no_fsync")


@pytest.fixture(autouse=True)
def _line_width(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines as wide as in a pipe, whatever terminal the tests run in."""
    monkeypatch.setenv("COLUMNS", "100")


TEAM = "Service desk"


@functools.cache
def _builtin_set(set_id: str) -> QuestionSet:
    qset = load_catalog().get(set_id)
    assert qset is not None
    return qset


def _day(month: int, day: int, hour: int = 10) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, tzinfo=dt.UTC)


def _save(
    store: Store,
    set_id: str,
    when: dt.datetime,
    answers: dict[str, Any],
    *,
    who: str,
    name: str = "",
    team: str = TEAM,
) -> Session:
    """A session of ``who`` completed at ``when`` (saved now, then given that time)."""
    qset = _builtin_set(set_id)
    saved = store.save_session(qset, answers, team=team, respondent=name, respondent_id=who)
    store.path_of(saved.id).unlink()
    dated = dataclasses.replace(saved, started_at=when, completed_at=when)
    store.write_session(dated)
    return dated


def _answers(enps: int, choose_again: int = 4) -> dict[str, Any]:
    return {"enps": enps, "choose_again": choose_again, "stay_year": 3}


@dataclasses.dataclass
class Scene:
    me: str
    mine: list[Session]
    """My sessions in Q1, Q2 and Q3."""
    p3: list[Session]
    """p3's sessions, as "Sam" in Q1 and "Samira" in Q3."""


@pytest.fixture
def scene() -> Scene:
    store = Store.open()
    me = store.pseudonym()
    mine: list[Session] = []
    p3: list[Session] = []

    def keep(s: Session, who: str) -> None:
        if who == me:
            mine.append(s)
        elif who == "p3":
            p3.append(s)

    # Q1: five people; choose_again 1..5 is the scores 0, 25, 50, 75, 100; eNPS 10 9 9 6 3.
    q1 = [
        (me, 10, 1, ""),
        ("p2", 9, 2, ""),
        ("p3", 9, 3, "Sam"),
        ("p4", 6, 4, ""),
        ("p5", 3, 5, ""),
    ]
    for i, (who, enps, choose, name) in enumerate(q1):
        s = _save(store, "choose-us", _day(2, 3 + i), _answers(enps, choose), who=who, name=name)
        keep(s, who)
    # Q2: only four people.
    for i, who in enumerate((me, "p2", "p3", "p4")):
        keep(_save(store, "choose-us", _day(5, 3 + i), _answers(8), who=who), who)
    # Q3: six people; p2 answers 9 and then 0 (the 0 counts); eNPS 7 0 6 10 3 9.
    q3 = [(me, 7, "Lea"), ("p2", 9, ""), ("p3", 6, "Samira"), ("p4", 10, ""), ("p5", 3, "")]
    for i, (who, enps, name) in enumerate(q3):
        s = _save(store, "choose-us", _day(8, 3 + i), _answers(enps), who=who, name=name)
        keep(s, who)
    _save(store, "choose-us", _day(8, 10), _answers(9), who="p6")
    _save(store, "choose-us", _day(8, 20), _answers(0), who="p2")
    for i in range(5):
        _save(store, "choose-us", _day(8, 1 + i), _answers(5 + i), who=f"o{i}", team="Payroll")
    save_settings(Settings(respondent="Lea", team=TEAM))
    return Scene(me, mine, p3)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    code, out, err = _run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def _cells(row: dict[str, Any]) -> list[Any]:
    return [c["value"] for c in row["cells"]]


def _row(table: dict[str, Any], key: str) -> dict[str, Any]:
    return next(r for r in table["rows"] if r["key"] == key)


# -- the team view --------------------------------------------------------------------------


def test_the_team_view_of_the_latest_round_by_hand(
    scene: Scene, capsys: pytest.CaptureFixture[str]
) -> None:
    view = _json(capsys, "team", "choose-us", "--team", "service DESK")
    assert view["title"].endswith("2026-Q3")
    # Six people, not seven: p2 answered twice and counts once.
    assert view["respondents"]["value"] == 6
    assert view["participation"] is None  # no team size is known
    assert view["hidden"] == ""
    # eNPS answers 7, 0, 6, 10, 3, 9 (p2's later 0, not the 9): the median is (6 + 7) / 2;
    # promoters 10 and 9, passive 7, detractors 0, 6 and 3: 100 * (2 - 3) / 6 = -16.7.
    enps = _row(view["figures"], "enps")
    assert _cells(enps)[0] == 6.5
    assert enps["cells"][3]["value"] == 6
    assert view["enps"]["value"] == pytest.approx(-16.67, abs=0.01)
    assert "promoters: 2, passives: 1, detractors: 3; 6 answered" in view["enps"]["text"]
    distribution = next(t for t in view["items"] if t["rows"][0]["key"] == "0")
    counts = {r["key"]: r["cells"][0]["value"] for r in distribution["rows"]}
    assert counts == {str(n): 1 if n in (0, 3, 6, 7, 9, 10) else 0 for n in range(11)}


def test_the_settings_give_the_team_size_and_k(
    scene: Scene, capsys: pytest.CaptureFixture[str]
) -> None:
    save_settings(Settings(team="service desk ", team_size=8, team_k=7))
    view = _json(capsys, "team", "choose-us", "--team", TEAM)
    assert view["participation"]["value"] == 0.75
    assert view["participation"]["text"] == "6 of 8 took part (75%)"
    assert view["hidden"].startswith("Only the number of people is shown: fewer than 7")
    assert view["scores"]["rows"] == []
    # --k still decides for one command; the size is only for the settings' own team.
    shown = _json(capsys, "team", "choose-us", "--team", TEAM, "--k", "5")
    assert shown["hidden"] == "" and shown["participation"]["value"] == 0.75
    payroll = _json(capsys, "team", "choose-us", "--team", "Payroll", "--k", "5")
    assert payroll["participation"] is None


def test_five_known_scores_give_the_median_and_middle_half_by_hand(
    scene: Scene, capsys: pytest.CaptureFixture[str]
) -> None:
    view = _json(capsys, "team", "choose-us", "--team", TEAM, "--round", "2026-q1")
    # choose_again 1..5 -> 0, 25, 50, 75, 100: median 50, Q1 at 4 x 0.25 = 1 -> 25, Q3 -> 75.
    choose = _row(view["scores"], "score:choose")
    assert [c["text"] for c in choose["cells"]] == ["50", "25–75", "0–100", "5"]
    # eNPS 10, 9, 9, 6, 3: three promoters, two detractors: 100 * (3 - 2) / 5 = 20.
    assert view["enps"]["value"] == 20
    assert _cells(_row(view["figures"], "enps"))[0] == 9


def test_a_round_of_four_shows_only_the_count(
    scene: Scene, capsys: pytest.CaptureFixture[str]
) -> None:
    view = _json(capsys, "team", "choose-us", "--team", TEAM, "--round", "2026-Q2")
    assert view["respondents"]["value"] == 4
    assert "fewer than 5 answered" in view["hidden"]
    assert view["scores"]["rows"] == view["figures"]["rows"] == view["items"] == []
    assert view["enps"] is None and view["talking_points"]["rows"] == []
    code, out, _ = _run(capsys, "team", "choose-us", "--team", TEAM, "--round", "2026-Q2")
    assert code == 0
    assert "4 people answered in this round" in out
    assert "Only the number of people is shown: fewer than 5 answered" in out
    assert "one person's answers" in out
    assert "Median" not in out
    # A k of 3 is allowed, and shows them.
    shown = _json(capsys, "team", "choose-us", "--team", TEAM, "--round", "2026-Q2", "--k", "3")
    assert shown["hidden"] == "" and shown["scores"]["rows"]


def test_the_team_view_as_text(scene: Scene, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "team", "choose-us", "--team", TEAM)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Team Service desk: Would our employees choose us?, 2026-Q3"
    assert lines[1] == "6 people answered in this round"
    head = next(line for line in lines if "Median" in line)
    assert head.split() == ["Median", "Middle", "half", "Lowest–highest", "Answered"]
    enps = next(line for line in lines if line.startswith("Would recommend us"))
    assert enps.split()[-4:] == ["6.5", "3.8–8.5", "0–10", "6"]
    assert "Team eNPS -16.7 (promoters: 2, passives: 1, detractors: 3; 6 answered)." in out
    assert "Each session file is one person's answers" in out
    for name in ("Lea", "Sam", "p2", scene.me):  # no one is named
        assert name not in out


# -- trends ---------------------------------------------------------------------------------


def test_the_teams_trend_shows_only_rounds_of_at_least_k(
    scene: Scene, capsys: pytest.CaptureFixture[str]
) -> None:
    view = _json(capsys, "trend", "choose-us", "--team", TEAM)
    grid = view["grid"]
    assert [r["key"] for r in grid["rows"]] == ["2026-Q1", "2026-Q3"]
    assert grid["headers"][-1] == "People"
    assert [r["cells"][-1]["value"] for r in grid["rows"]] == [5, 6]
    assert _row(grid, "2026-Q1")["cells"][0]["value"] == 50  # choosing us: median of 5 above
    assert view["hidden"].startswith("1 round with fewer than 5 people is left out")
    code, out, _ = _run(capsys, "trend", "choose-us", "--team", TEAM)
    assert code == 0
    assert "2026-Q2" not in out
    assert "one person's answers" in out
    rows = [line for line in out.splitlines() if line.startswith("2026-")]
    assert [r.split()[0] for r in rows] == ["2026-Q1", "2026-Q3"]
    assert len({cell_width(r) for r in rows}) == 1  # aligned


def test_my_trend_across_a_name_change(scene: Scene, capsys: pytest.CaptureFixture[str]) -> None:
    view = _json(capsys, "trend", "choose-us")
    assert view["title"] == "Your trend: Would our employees choose us?"
    assert view["summary"] == "3 sessions, oldest first"
    enps = _row(view["table"], "enps")
    # 10, 8, 7, then the change since the session before: 7 - 8.
    assert _cells(enps) == [10, 8, 7, -1]
    assert enps["cells"][-1]["text"] == "↓ 1"
    code, out, _ = _run(capsys, "trend", "choose-us")
    assert code == 0
    recommend = next(line for line in out.splitlines() if line.startswith("Would recommend"))
    assert recommend.split()[-5:] == ["10", "8", "7", "↓", "1"]
    assert "Change since the session before" in out  # three sessions: every change


def test_a_leads_view_of_someone_elses_trend_says_whose(
    scene: Scene, capsys: pytest.CaptureFixture[str]
) -> None:
    view = _json(capsys, "trend", "choose-us", "--respondent-id", "p3")
    assert view["title"] == "Respondent p3: Would our employees choose us?"
    assert view["summary"] == "3 sessions, oldest first"  # Sam, then Samira: one person
    assert len(view["table"]["headers"]) == len(scene.p3) + 2
    assert any("one person's answers" in note for note in view["notes"])
    code, _, err = _run(capsys, "trend", "choose-us", "--respondent-id", "nobody")
    assert code == 2 and "no session in the store has the respondent id 'nobody'" in err
    code, _, err = _run(capsys, "trend", "choose-us", "--respondent-id", "p3", "--team", TEAM)
    assert code == 2 and "never one person's" in err


def test_an_empty_trend_is_a_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "trend", "choose-us")
    assert (code, err) == (0, "")
    assert "No saved sessions of this set yet." in out
    store = Store.open()
    _save(store, "choose-us", _day(2, 3), _answers(9), who="p2")  # someone else's, entered here
    before = sorted(p.name for p in store.root.iterdir())
    assert "identity.toml" not in before
    code, out, _ = _run(capsys, "trend", "choose-us")
    assert code == 0 and "No saved sessions of this set yet." in out
    assert sorted(p.name for p in store.root.iterdir()) == before  # no pseudonym made


def test_format_2_sessions_are_read_and_left_as_they_were(
    capsys: pytest.CaptureFixture[str],
) -> None:
    save_settings(Settings(respondent="Ann"))
    before = copy_format2(Path(os.environ["SELFAUDIT_DATA_DIR"]))
    # Mine before and after I set my name "Ann": one trend of two sessions.
    mine = _json(capsys, "trend", "choose-us")
    assert mine["summary"] == "2 sessions, oldest first"
    compared = _json(capsys, "compare", MINE_EARLY[:8], MINE_NAMED[:8], TEAMMATE[:8])
    assert len(compared["columns"]) == 3
    # Two people in the team (I answered twice): only the count.
    team = _json(capsys, "team", "choose-us", "--team", "service desk", "--k", "3")
    assert team["respondents"]["value"] == 2 and team["hidden"]
    assert _json(capsys, "trend", "choose-us", "--team", "Service desk")["grid"]["rows"] == []
    assert untouched(before) == []


# -- compare --------------------------------------------------------------------------------


def test_compare_two_sessions_largest_difference_first(
    scene: Scene, capsys: pytest.CaptureFixture[str]
) -> None:
    first, last = scene.mine[0], scene.mine[2]
    view = _json(capsys, "compare", last.id[:6], first.id)  # oldest first, whatever the order
    assert len(view["columns"]) == 2 and view["columns"][0].startswith("3 Feb 2026")
    assert view["dimensions"]["headers"][-1] == "Change"
    choose = view["dimensions"]["rows"][0]  # 0 -> 75: the largest difference
    assert (choose["key"], _cells(choose)) == ("score:choose", [0, 75, 75])
    assert _cells(_row(view["figures"], "enps")) == [10, 7, -3]
    assert view["items"]["rows"][0]["key"] == "choose_again"
    assert any("one person's answers" in note for note in view["notes"])
    code, out, _ = _run(capsys, "compare", first.id[:8], last.id[:8])
    assert code == 0
    choosing = next(line for line in out.splitlines() if line.startswith("Choosing us again"))
    assert choosing.split()[-4:] == ["0", "75", "↑", "75"]


def test_compare_three_sessions_gives_the_difference(
    scene: Scene, capsys: pytest.CaptureFixture[str]
) -> None:
    view = _json(capsys, "compare", *(s.id for s in scene.mine))
    assert view["dimensions"]["headers"][-1] == "Difference"
    assert _cells(_row(view["figures"], "enps")) == [10, 8, 7, 3]


def test_me_against_my_teams_median(scene: Scene, capsys: pytest.CaptureFixture[str]) -> None:
    mine = scene.mine[2]  # Q3: eNPS 7 against the team's median 6.5
    view = _json(capsys, "compare", mine.id[:8], "--team", TEAM)
    assert view["columns"][0] == "Service desk 2026-Q3 (median of 6)"
    assert _cells(_row(view["figures"], "enps")) == [6.5, 7, 0.5]
    assert _row(view["figures"], "team-enps")["cells"][0]["value"] == pytest.approx(-16.67, 0.01)
    assert view["hidden"] == ""
    # My Q2 session against Q2, the round it falls in: four people, an empty column.
    hidden = _json(capsys, "compare", scene.mine[1].id[:8], "--team", TEAM)
    assert hidden["columns"][0] == "Service desk 2026-Q2 (not shown)"
    assert "fewer than 5 people answered" in hidden["hidden"]
    assert _cells(_row(hidden["figures"], "enps"))[0] is None


def test_team_against_team(scene: Scene, capsys: pytest.CaptureFixture[str]) -> None:
    args = ("compare", "--team", TEAM, "--team", "payroll", "--set", "choose-us")
    view = _json(capsys, *args)
    assert view["columns"] == [
        "Service desk 2026-Q3 (median of 6)",
        "Payroll 2026-Q3 (median of 5)",
    ]
    # Payroll's answers 5, 6, 7, 8, 9: median 7; team eNPS 100 * (1 - 2) / 5 = -20.
    assert _cells(_row(view["figures"], "enps")) == [6.5, 7, 0.5]
    assert _row(view["figures"], "team-enps")["cells"][1]["value"] == -20
    code, out, _ = _run(capsys, *args)
    assert code == 0 and "Payroll 2026-Q3" in out
    for name in ("Lea", "Sam", "o1", scene.me):
        assert name not in out


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["compare", "FIRST"], "give at least two sessions"),
        (["compare", "FIRST", "FIRST"], "the same session is named twice"),
        (["compare", "FIRST", "OTHER-SET"], "only sessions of one set can be compared"),
        (["compare", "FIRST", "abcd0000"], "No session id starts with 'abcd0000'"),
        (["compare", "FIRST", "SECOND", "--team", TEAM], "sessions and teams do not mix"),
        (["compare", "--team", TEAM], "give a session or a second --team"),
        (["compare", "--team", TEAM, "--team", "payroll"], "give the set"),
        (["compare", "--team", TEAM, "--team", "service desk ", "--set", "choose-us"], "twice"),
        (["compare", "FIRST", "SECOND", "--round", "2026-Q3"], "--set and --round go with"),
        (["compare", "FIRST", "--team", "Nobody"], "no session in the store has the team"),
        (["team", "choose-us", "--team", "Nobody"], "teams with sessions: 'Payroll', 'Service"),
        (["team", "nope", "--team", TEAM], "no question set 'nope'; available: choose-us"),
        (["team", "choose-us", "--team", TEAM, "--k", "2"], "--k must be at least 3"),
        (["team", "choose-us", "--team", TEAM, "--round", "Q3"], "'Q3' is not a round"),
        (["team", "choose-us", "--team", TEAM, "--round", "2026-07"], "'2026-07' is a month"),
        (["trend", "choose-us", "--team", TEAM, "--k", "1"], "--k must be at least 3"),
        (["gap", "--team", TEAM, "--round", "Q3"], "'Q3' is not a round"),
        (["gap", "--team", TEAM, "--set", "choose-us"], "has no gap view"),
    ],
)
def test_bad_input_exits_2_with_one_sentence(
    scene: Scene, capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    store = Store.open()
    other = _save(
        store,
        "turnover-cost",
        _day(8, 1),
        {"headcount": 50, "leavers": 5, "salary": 45000},
        who=scene.me,
    )
    names = {"FIRST": scene.mine[0].id, "SECOND": scene.mine[1].id, "OTHER-SET": other.id}
    try:
        code, out, err = _run(capsys, *(names.get(a, a) for a in argv))
    except SystemExit as exc:  # argparse's own usage errors
        code, (out, err) = int(str(exc.code)), capsys.readouterr()
    assert code == 2
    assert out == ""
    assert said in err
    assert len(err.strip().splitlines()) == 1


def test_an_empty_result_is_a_sentence_and_exit_0(
    scene: Scene, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, "team", "competency-level", "--team", "Payroll")
    assert (code, err) == (0, "")
    assert out.strip() == "Team 'Payroll' has no sessions of competency-level yet."
    code, out, _ = _run(capsys, "team", "choose-us", "--team", TEAM, "--round", "2025-Q1")
    assert code == 0 and "0 people answered in this round" in out


def test_rounds_follow_the_cadence_in_the_settings(
    scene: Scene, capsys: pytest.CaptureFixture[str]
) -> None:
    save_settings(Settings(cadence="monthly"))
    view = _json(capsys, "team", "choose-us", "--team", TEAM, "--round", "2026-08")
    assert view["respondents"]["value"] == 6
    code, _, err = _run(capsys, "team", "choose-us", "--team", TEAM, "--round", "2026-Q3")
    assert code == 2 and "rounds here are each a month" in err
    trend = _json(capsys, "trend", "choose-us", "--team", TEAM)
    assert [r["key"] for r in trend["grid"]["rows"]] == ["2026-02", "2026-08"]


def test_dutch(scene: Scene, capsys: pytest.CaptureFixture[str]) -> None:
    save_settings(Settings(language="nl"))
    code, out, _ = _run(capsys, "team", "choose-us", "--team", TEAM, "--round", "2026-Q2")
    assert code == 0
    assert "4 mensen hebben in deze ronde geantwoord" in out
    view = _json(capsys, "team", "choose-us", "--team", TEAM)
    assert _row(view["figures"], "enps")["cells"][0]["text"] == "6,5"


# -- the text of a table --------------------------------------------------------------------


def test_a_table_is_aligned_by_terminal_cells_and_shows_escapes() -> None:
    table = Table(
        "Scores \x1b[2J",
        ("", "Median", "A header long enough to wrap onto two lines"),
        (
            Row("a", "Klantgericht", (Cell("62.5"), Cell("↑ 12"))),
            Row("b", "顧客志向", (Cell("5"), Cell("–"))),
            Row("c", "Team \x1b[31mred", (Cell("100"), Cell("→ 0"))),
            Row("d", "A label " * 12, (Cell("1"),)),
        ),
    )
    lines = table_lines(table, width=60)
    assert lines[0] == "Scores \\x1b[2J"
    assert not any("\x1b" in line for line in lines)  # shown, never obeyed
    assert lines[1].split() == ["A", "header", "long", "enough"]
    assert lines[2].split() == ["Median", "to", "wrap", "onto", "two", "lines"]
    rows = [line for line in lines[3:] if line.split()[-1] in ("↑ 12", "12", "–", "0")]
    assert len(rows) == 3
    assert len({cell_width(line) for line in rows}) == 1  # the wide characters count as two
    assert max(cell_width(line) for line in lines) <= 60
    assert sum(line.count("label") for line in lines) == 12  # wrapped, not cut
    assert table_lines(Table("Empty", ("", "x"), ())) == []


def test_the_commands_never_import_textual(scene: Scene) -> None:
    probe = f"""
import contextlib, io, sys
from selfaudit import cli
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    assert cli.main(["trend", "choose-us"]) == 0
    assert cli.main(["trend", "choose-us", "--team", {TEAM!r}]) == 0
    assert cli.main(["team", "choose-us", "--team", {TEAM!r}, "--json"]) == 0
    assert cli.main(["compare", {scene.mine[0].id!r}, {scene.mine[1].id!r}]) == 0
    assert cli.main(["compare", {scene.mine[0].id!r}, "--team", {TEAM!r}]) == 0
    assert cli.main(["compare", "--team", {TEAM!r}, "--team", "Payroll", "--set", "choose-us"]) == 0
print(" ".join(sorted(sys.modules)))
"""
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    loaded = {name.split(".")[0] for name in run.stdout.split()}
    assert "selfaudit" in loaded
    assert not loaded & {"textual", "rich"}
