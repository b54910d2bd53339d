"""Compare: sessions side by side, me against my team, team against team; by hand."""

from __future__ import annotations

import dataclasses

import pytest

from selfaudit.core.compare import (
    ItemRow,
    MeasureRow,
    SessionColumn,
    TeamColumn,
    compare_sessions,
    compare_teams,
    compare_with_team,
)
from selfaudit.core.model import Kind
from selfaudit.core.responses import ENPS, TEAM_ENPS, Response, same_item, score
from selfaudit.core.rounds import parse_round
from selfaudit.core.stats import Delta
from selfaudit.core.team import Hidden, TeamRound, team_round
from tests.core.responses_factory import (
    builtin,
    five,
    mini_set,
    older_response,
    response,
    when,
)

MINI = mini_set()
Q3 = parse_round("2026-Q3")

THEN = {"fast": 3, "ignore": 3, "recommend": 6, "again": False, "mood": "good", "people": 10}
NOW = {"fast": 5, "ignore": 2, "recommend": 9, "again": True, "mood": "good", "people": 40}


def _then_and_now() -> tuple[Response, Response]:
    return (
        response(MINI, THEN, at=when(2026, 1, 5), session="then", name="Ann"),
        response(MINI, NOW, at=when(2026, 4, 5), session="now", name="Ann"),
    )


def test_me_now_against_me_then_largest_differences_first() -> None:
    then, now = _then_and_now()
    found = compare_sessions([now, then], MINI)  # given newest first: shown oldest first

    assert [c.session_id for c in found.columns if isinstance(c, SessionColumn)] == ["then", "now"]
    # serve 50 -> 87.5 (37.5); other mean(again, mood): 50 -> 100 (50): other first
    assert found.dimensions == (
        MeasureRow((50.0, 100.0), score("other")),
        MeasureRow((50.0, 87.5), score("serve")),
    )
    assert [r.delta for r in found.dimensions] == [Delta(50.0), Delta(37.5)]
    assert found.figures == (MeasureRow((6.0, 9.0), ENPS),)
    # items as a share of their scale: again 100/100, people 30/40, fast 50/100,
    # recommend 30/100, ignore (reversed) 25/100, mood 0; the open answer never
    assert [r.item for r in found.items] == [
        "again",
        "people",
        "fast",
        "recommend",
        "ignore",
        "mood",
    ]
    assert found.items[1] == ItemRow((10.0, 40.0), "people")
    assert found.items[4].values == (50.0, 75.0)
    assert not found.across_versions


def test_more_than_two_sessions_differ_by_max_minus_min() -> None:
    then, now = _then_and_now()
    later = response(MINI, {"fast": 1}, at=when(2026, 7, 5), session="later")
    found = compare_sessions([then, later, now], MINI)
    serve = next(r for r in found.dimensions if r.measure == score("serve"))
    assert serve.values == (50.0, 87.5, 0.0)
    assert (serve.difference, serve.delta) == (87.5, None)
    # serve (87.5) now comes before other (50 -> 100, and none in the last session: 50)
    assert [r.measure for r in found.dimensions] == [score("serve"), score("other")]


def test_a_row_with_one_figure_has_no_difference_and_sorts_last() -> None:
    a = response(MINI, {"fast": 4}, at=when(2026, 1, 1))
    b = response(MINI, {"fast": 4, "again": True}, at=when(2026, 2, 1))
    found = compare_sessions([a, b], MINI)
    assert [(r.measure, r.difference) for r in found.dimensions] == [
        (score("serve"), 0.0),
        (score("other"), None),
    ]


def test_an_older_version_is_compared_per_dimension_and_not_per_item() -> None:
    old = older_response(
        MINI,
        {"dimensions": [{"id": "serve", "score": 25.0, "answered": 2, "skipped": 0}]},
        {"fast": 2, "ignore": 4},
        at=when(2025, 12, 1),
    )
    _, now = _then_and_now()
    found = compare_sessions([old, now], MINI)
    assert found.across_versions
    serve = next(r for r in found.dimensions if r.measure == score("serve"))
    assert serve.values == (25.0, 87.5)
    assert all(r.values[0] is None for r in found.items)


def test_only_sessions_of_one_set_and_at_least_two() -> None:
    then, _ = _then_and_now()
    with pytest.raises(ValueError, match="at least two"):
        compare_sessions([then], MINI)
    other = response(builtin("choose-us"), {"enps": 8})
    with pytest.raises(ValueError, match="one set"):
        compare_sessions([then, other], MINI)


def test_an_item_is_the_same_when_only_its_wording_changed() -> None:
    fast = MINI.item("fast")
    mood = MINI.item("mood")
    people = MINI.item("people")
    assert fast is not None and mood is not None and people is not None
    assert same_item(fast, dataclasses.replace(fast, text={"en": "I answer quickly."}))
    assert not same_item(fast, dataclasses.replace(fast, kind=Kind.SCALE10))
    assert not same_item(fast, dataclasses.replace(fast, reverse=True))
    flipped = tuple(dataclasses.replace(o, score=100 - (o.score or 0)) for o in mood.options)
    assert not same_item(mood, dataclasses.replace(mood, options=flipped))
    assert not same_item(people, dataclasses.replace(people, unit={"en": "teams"}))
    assert not same_item(fast, None)


def _team(team: str, answers: dict[str, object], people: int) -> TeamRound:
    sessions = [
        response(MINI, answers, team=team, respondent=f"{team}-{i}", at=when(2026, 8, 1))
        for i in range(people)
    ]
    return team_round(sessions, MINI, team_key=team.casefold(), in_round=Q3)


def _five() -> TeamRound:
    return team_round(five(MINI), MINI, team_key="service desk", in_round=Q3)


def test_me_against_my_teams_median() -> None:
    team = _five()  # medians: serve 62.5, other 50, eNPS answer 9, team eNPS 40, fast 75
    mine = response(MINI, {"fast": 5, "ignore": 1, "recommend": 10, "again": True, "mood": "good"})
    found = compare_with_team(mine, team, MINI)
    assert isinstance(found.columns[0], TeamColumn)
    assert found.columns[0].respondents == 5
    assert [(r.measure, r.delta) for r in found.dimensions] == [
        (score("other"), Delta(50.0)),  # 100 against 50
        (score("serve"), Delta(37.5)),  # 100 against 62.5
    ]
    assert found.figures == (
        MeasureRow((9.0, 10.0), ENPS),
        MeasureRow((40.0, None), TEAM_ENPS),
    )
    fast = next(r for r in found.items if r.item == "fast")
    assert fast.delta == Delta(25.0)


def test_team_against_team_by_aggregates_and_each_under_k() -> None:
    service = _five()
    finance = _team("Finance", {"fast": 3, "ignore": 3, "again": True}, people=5)
    found = compare_teams([service, finance], MINI)
    assert [c.team_label for c in found.columns if isinstance(c, TeamColumn)] == [
        "Service desk",
        "Finance",
    ]
    serve = next(r for r in found.dimensions if r.measure == score("serve"))
    assert serve.values == (62.5, 50.0)

    small = _team("Facilities", {"fast": 1}, people=4)
    found = compare_teams([service, small], MINI)
    column = found.columns[1]
    assert isinstance(column, TeamColumn)
    assert (column.respondents, column.hidden) == (4, Hidden.FEWER_THAN_K)
    assert all(r.values[1] is None for r in (*found.dimensions, *found.figures, *found.items))
    assert all(r.difference is None for r in found.dimensions)
    with pytest.raises(ValueError, match="at least two"):
        compare_teams([service], MINI)
