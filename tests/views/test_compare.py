"""The compare view: labelled columns, the change or difference column, notes and what is
hidden."""

from __future__ import annotations

import json

from selfaudit.core.compare import compare_sessions, compare_teams, compare_with_team
from selfaudit.core.responses import Response
from selfaudit.core.rounds import parse_round
from selfaudit.core.team import team_round
from selfaudit.views.compare import compare_view
from selfaudit.views.content import Cell
from tests.core.responses_factory import five, mini_set, response, when

MINI = mini_set()
Q3 = parse_round("2026-Q3")
THEN = {"fast": 3, "ignore": 3, "recommend": 6, "again": False, "mood": "good", "people": 10}
NOW = {"fast": 5, "ignore": 2, "recommend": 9, "again": True, "mood": "good", "people": 40}


def _two() -> list[Response]:
    return [
        response(MINI, THEN, at=when(2026, 1, 5, 12), name="Ann"),
        response(MINI, NOW, at=when(2026, 4, 5, 12), respondent="anon-123456"),
    ]


def test_two_sessions_with_the_change_from_the_first_to_the_second() -> None:
    view = compare_view(compare_sessions(_two(), MINI), MINI, "en")
    assert view.title == "Side by side: Mini"
    assert view.columns == ("5 Jan 2026 · Ann", "5 Apr 2026 · anon-123456")
    assert view.dimensions.headers == ("", *view.columns, "Change")
    assert [(r.label, [c.text for c in r.cells]) for r in view.dimensions.rows] == [
        ("Other", ["50", "100", "↑ 50"]),
        ("Serving", ["50", "88", "↑ 37.5"]),
    ]
    assert [r.label for r in view.figures.rows] == ["Would recommend us (0–10)"]
    assert view.items.headers[0] == "Question"
    assert [r.label for r in view.items.rows][:2] == ["Join again?", "How many?"]
    assert view.items.rows[1].cells == (
        Cell("10 people", 10.0),
        Cell("40 people", 40.0),
        Cell("↑ 30", 30.0),
    )
    assert view.notes == (
        "The last column is the change from the first column to the second.",
        "Each session is one person's answers: use them for a conversation with that person, "
        "never for a ranking.",
    )
    assert view.hidden == ""


def test_three_sessions_show_the_difference_between_highest_and_lowest() -> None:
    sessions = [*_two(), response(MINI, {"fast": 1}, at=when(2026, 7, 5, 12))]
    view = compare_view(compare_sessions(sessions, MINI), MINI, "nl")
    assert view.dimensions.headers[-1] == "Verschil"
    serve = next(r for r in view.dimensions.rows if r.key == "score:serve")
    assert [c.text for c in serve.cells] == ["50", "88", "0", "87,5"]
    assert (
        view.notes[0]
        == "De laatste kolom is het verschil tussen het hoogste en het laagste cijfer."
    )


def test_me_against_my_team() -> None:
    team = team_round(five(MINI), MINI, team_key="service desk", in_round=Q3)
    mine = response(MINI, {"fast": 5, "ignore": 1, "again": True, "mood": "good"})
    view = compare_view(compare_with_team(mine, team, MINI), MINI, "en")
    assert view.columns[0] == "Service desk 2026-Q3 (median of 5)"
    serve = next(r for r in view.dimensions.rows if r.key == "score:serve")
    assert [c.text for c in serve.cells] == ["62.5", "100", "↑ 37.5"]  # the team's decimals kept
    assert view.notes == (
        "The last column is how far you are above (↑) or below (↓) your team's median.",
    )


def test_a_team_below_k_has_an_empty_column_and_one_sentence_why() -> None:
    service = team_round(five(MINI), MINI, team_key="service desk", in_round=Q3)
    small = team_round(
        five(MINI, ["r1", "r2", "r3", "r4"]), MINI, team_key="service desk", in_round=Q3
    )
    view = compare_view(compare_teams([service, small], MINI), MINI, "en")
    assert view.columns[1] == "Service desk 2026-Q3 (not shown)"
    assert all(r.cells[1].value is None for r in view.dimensions.rows)
    assert view.hidden == (
        "No figures are shown for Service desk 2026-Q3: fewer than 5 people answered, and the "
        "figures of a smaller group could point to one person."
    )
    assert "Each session is one person's answers" not in " ".join(view.notes)


def test_json_holds_text_and_raw_figures() -> None:
    doc = json.loads(json.dumps(compare_view(compare_sessions(_two(), MINI), MINI, "en").to_json()))
    assert doc["dimensions"]["rows"][0]["cells"][2] == {"text": "↑ 50", "value": 50.0}
    assert set(doc) == {"title", "columns", "dimensions", "figures", "items", "notes", "hidden"}
