"""The team's trend view: rounds x dimensions with a value in every cell, and what is left out."""

from __future__ import annotations

import json

from selfaudit.core.responses import Response
from selfaudit.core.team import team_trend
from selfaudit.views.team_trend import team_trend_view
from tests.core.responses_factory import five, mini_set, response, when

MINI = mini_set()


def _sessions() -> list[Response]:
    q1 = [
        response(MINI, {"fast": 3, "again": True}, respondent=p, at=when(2026, 1, 15))
        for p in ["r1", "r2", "r3", "r4", "r5", "r6"]
    ]
    q2 = [response(MINI, {"fast": 1}, respondent="r1", at=when(2026, 5, 1))]
    return [*q1, *q2, *five(MINI)]


def test_a_grid_of_rounds_by_dimensions_and_a_series_per_dimension() -> None:
    view = team_trend_view(team_trend(_sessions(), MINI, team_key="service desk"), MINI, "en")
    assert view.title == "Team Service desk: Mini by round"
    assert view.grid.headers == ("Round", "Serving", "Other", "People")
    assert [(r.label, [c.text for c in r.cells]) for r in view.grid.rows] == [
        ("2026-Q1", ["50", "100", "6"]),
        ("2026-Q3", ["62.5", "50", "5"]),
    ]
    serve = view.series[0]
    assert (serve.values, serve.labels) == ((50.0, 62.5), ("2026-Q1", "2026-Q3"))
    assert view.hidden == (
        "1 round with fewer than 5 people is left out: the figures of a smaller group could "
        "point to one person."
    )


def test_no_round_with_k_yet() -> None:
    few = [response(MINI, {"fast": 3}, respondent=p, at=when(2026, 1, 15)) for p in "abcd"]
    view = team_trend_view(team_trend(few, MINI, team_key="service desk"), MINI, "nl")
    assert view.grid.rows == ()
    assert view.hidden.startswith("Nog geen ronde heeft 5 of meer mensen")


def test_json() -> None:
    trend = team_trend(_sessions(), MINI, team_key="service desk", k=3)
    doc = json.loads(json.dumps(team_trend_view(trend, MINI, "en").to_json()))
    assert [r["key"] for r in doc["grid"]["rows"]] == ["2026-Q1", "2026-Q3"]  # Q2 has one person
    assert doc["hidden"].startswith("1 round with fewer than 3 people")
