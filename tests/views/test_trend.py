"""The trend view: a table per measure and session, the newest change, chart series, JSON."""

from __future__ import annotations

import json

from selfaudit.core.trend import Trend, my_trend
from selfaudit.views.content import Cell
from selfaudit.views.trend import trend_view
from tests.core.responses_factory import builtin, mini_set, older_response, response, when

MINI = mini_set()
ME = "anon-aaaaaa"


def _trend() -> Trend:
    sessions = [
        response(
            MINI,
            {"fast": 3, "ignore": 3, "recommend": 6, "again": False, "mood": "bad"},
            respondent=ME,
            at=when(2026, 1, 5, 12),
        ),
        response(
            MINI,
            {"fast": 5, "ignore": 2, "recommend": 9, "again": True, "mood": "bad"},
            respondent=ME,
            at=when(2026, 4, 2, 12),
            actions=("Call back within a day",),
        ),
        response(
            MINI, {"fast": 5, "again": True, "mood": "good"}, respondent=ME, at=when(2026, 7, 9, 12)
        ),
    ]
    return my_trend(sessions, set_id="mini", respondent_id=ME, qset=MINI)


def test_a_row_per_measure_a_column_per_session_and_the_newest_change() -> None:
    view = trend_view(_trend(), MINI, "en")
    assert view.title == "Your trend: Mini"
    assert view.summary == "3 sessions, oldest first"
    assert view.table.headers == ("Measure", "5 Jan 2026", "2 Apr 2026", "9 Jul 2026", "Change")
    serve, other, enps, actions = view.table.rows
    assert (serve.key, serve.label) == ("score:serve", "Serving")
    assert [c.text for c in serve.cells] == ["50", "88", "100", "↑ 12.5"]
    assert serve.cells[1] == Cell("88", 87.5)
    assert serve.cells[-1] == Cell("↑ 12.5", 12.5)
    assert [c.text for c in other.cells] == ["0", "50", "100", "↑ 50"]
    assert (enps.label, [c.text for c in enps.cells]) == (
        "Would recommend us (0–10)",
        ["6", "9", "–", "–"],  # skipped last time: no change
    )
    assert (actions.label, [c.value for c in actions.cells]) == (
        "Action items planned",
        [0, 1, 0, None],
    )
    assert [c.text for c in view.changes.rows[0].cells] == ["–", "↑ 37.5", "↑ 12.5"]
    assert view.notes == ()


def test_chart_series_keep_only_the_points_with_a_figure_and_their_dates() -> None:
    view = trend_view(_trend(), MINI, "en")
    serve, _, enps = view.series
    assert (serve.values, serve.labels) == (
        (50.0, 87.5, 100.0),
        ("5 Jan 2026", "2 Apr 2026", "9 Jul 2026"),
    )
    assert (enps.values, enps.labels) == ((6.0, 9.0), ("5 Jan 2026", "2 Apr 2026"))


def test_dutch_labels_and_plurals() -> None:
    view = trend_view(_trend(), MINI, "nl")
    assert view.title == "Je trend: Mini"
    assert view.summary == "3 sessies, oudste eerst"
    assert view.table.headers[0] == "Onderdeel"
    assert view.table.headers[1] == "5 jan 2026"
    assert view.table.rows[0].label == "Bedienen"
    one = my_trend(
        [response(MINI, {"fast": 2}, respondent=ME, at=when(2026, 1, 5, 12))],
        set_id="mini",
        respondent_id=ME,
    )
    assert trend_view(one, MINI, "nl").summary == "1 sessie"


def test_sessions_across_versions_are_marked_and_explained() -> None:
    older = older_response(
        MINI,
        {"dimensions": [{"id": "serve", "score": 25.0, "answered": 2, "skipped": 0}]},
        respondent=ME,
        at=when(2025, 12, 1, 12),
    )
    newer = response(MINI, {"fast": 4, "ignore": 2}, respondent=ME, at=when(2026, 1, 5, 12))
    view = trend_view(my_trend([older, newer], set_id="mini", respondent_id=ME), MINI, "en")
    assert view.table.headers[1:3] == ("1 Dec 2025", "5 Jan 2026 *")
    assert view.notes == (
        "A date marked * is a session answered with another version of this set than the one "
        "before it: only the figures both versions have are compared.",
    )


def test_the_annual_cost_is_money_and_its_change_too() -> None:
    cost = builtin("turnover-cost")
    base = {"headcount": 100, "leavers": 10, "salary": 40000}
    trend = my_trend(
        [
            response(cost, base, respondent=ME, at=when(2026, 1, 5, 12)),
            response(cost, {**base, "leavers": 5}, respondent=ME, at=when(2027, 1, 5, 12)),
        ],
        set_id="turnover-cost",
        respondent_id=ME,
    )
    view = trend_view(trend, cost, "en", "EUR")
    (row,) = [r for r in view.table.rows if r.key == "annual-cost"]
    assert [c.text for c in row.cells] == ["€83,523", "€41,761", "↓ €41,761"]


def test_no_sessions_says_so() -> None:
    view = trend_view(my_trend([], set_id="mini", respondent_id=ME), MINI, "en")
    assert (view.summary, view.table.rows, view.series) == (
        "No saved sessions of this set yet.",
        (),
        (),
    )


def test_json_holds_text_and_raw_figures() -> None:
    doc = json.loads(json.dumps(trend_view(_trend(), MINI, "en").to_json()))
    assert doc["table"]["rows"][0]["cells"][1] == {"text": "88", "value": 87.5}
    assert doc["series"][0] == {
        "key": "score:serve",
        "label": "Serving",
        "values": [50.0, 87.5, 100.0],
        "labels": ["5 Jan 2026", "2 Apr 2026", "9 Jul 2026"],
    }
    assert set(doc) == {"title", "summary", "table", "changes", "series", "notes"}
