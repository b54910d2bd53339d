"""My trend: one person's sessions of one set, oldest first, with changes worked out by hand."""

from __future__ import annotations

from selfaudit.core.responses import ANNUAL_COST, ENPS, LEVEL, Response, score
from selfaudit.core.stats import Delta, Direction
from selfaudit.core.trend import my_trend
from tests.core.responses_factory import (
    builtin,
    level_answers,
    mini_set,
    older_response,
    response,
    when,
)

MINI = mini_set()
ME = "anon-aaaaaa"


def _three_sessions() -> list[Response]:
    # serve = mean(fast, reversed ignore); other = mean(again, mood); recommend is the eNPS item
    return [
        response(  # serve (100 + 75) / 2 = 87.5; other (100 + 0) / 2 = 50; eNPS 9
            MINI,
            {"fast": 5, "ignore": 2, "recommend": 9, "again": True, "mood": "bad"},
            respondent=ME,
            at=when(2026, 4, 2),
            actions=("Call back within a day",),
        ),
        response(  # serve (50 + 50) / 2 = 50; other 0; eNPS 6
            MINI,
            {"fast": 3, "ignore": 3, "recommend": 6, "again": False, "mood": "bad"},
            respondent=ME,
            at=when(2026, 1, 5),
        ),
        response(  # serve 100 (ignore skipped); other 100; eNPS skipped
            MINI, {"fast": 5, "again": True, "mood": "good"}, respondent=ME, at=when(2026, 7, 9)
        ),
    ]


def test_a_trend_by_hand_oldest_first_with_the_change_since_the_session_before() -> None:
    sessions = _three_sessions()
    others = [
        response(MINI, {"fast": 1}, respondent="anon-bbbbbb", at=when(2026, 2, 1)),
        response(builtin("choose-us"), {"enps": 3}, respondent=ME, at=when(2026, 3, 1)),
    ]
    trend = my_trend([*sessions, *others], set_id="mini", respondent_id=ME, qset=MINI)

    assert [p.completed_at for p in trend.points] == [
        when(2026, 1, 5),
        when(2026, 4, 2),
        when(2026, 7, 9),
    ]
    assert [p.actions for p in trend.points] == [0, 1, 0]
    assert [s.measure for s in trend.series] == [score("serve"), score("other"), ENPS]
    serve, other, enps = trend.series
    assert serve.values == (50.0, 87.5, 100.0)
    assert serve.changes == (None, Delta(37.5), Delta(12.5))
    assert other.values == (0.0, 50.0, 100.0)
    assert other.changes == (None, Delta(50.0), Delta(50.0))
    assert enps.values == (6.0, 9.0, None)
    assert enps.changes == (None, Delta(3.0), None)  # skipped last time: no change
    assert not trend.across_versions


def test_a_score_that_fell_points_down() -> None:
    sessions = [
        response(MINI, {"fast": 5}, respondent=ME, at=when(2026, 1, 1)),
        response(MINI, {"fast": 2}, respondent=ME, at=when(2026, 2, 1)),
    ]
    change = my_trend(sessions, set_id="mini", respondent_id=ME).latest_changes()[score("serve")]
    assert change is not None
    assert (change.change, change.size, change.direction) == (-75.0, 75.0, Direction.DOWN)


def test_the_trend_follows_the_respondent_id_across_a_name_change() -> None:
    sessions = [
        response(MINI, {"fast": 2}, respondent=ME, at=when(2026, 1, 1)),
        response(MINI, {"fast": 4}, respondent=ME, name="Ann", at=when(2026, 2, 1)),
        response(MINI, {"fast": 5}, respondent=ME, name="Ann de Vries", at=when(2026, 3, 1)),
    ]
    trend = my_trend(sessions, set_id="mini", respondent_id=ME)
    assert trend.series[0].values == (25.0, 75.0, 100.0)


def test_across_versions_only_measures_both_sessions_have_are_compared() -> None:
    older = older_response(  # saved by version 0.9, which had a dimension "gone" and no "other"
        MINI,
        {
            "dimensions": [
                {"id": "serve", "score": 25.0, "answered": 2, "skipped": 0},
                {"id": "gone", "score": 40.0, "answered": 1, "skipped": 0},
            ],
            "enps": {"item": "recommend", "answer": 7, "category": "passive"},
        },
        respondent=ME,
        at=when(2026, 1, 1),
    )
    newer = response(
        MINI, {"fast": 4, "ignore": 2, "again": True}, respondent=ME, at=when(2026, 4, 1)
    )
    trend = my_trend([newer, older], set_id="mini", respondent_id=ME, qset=MINI)

    assert [p.across_versions for p in trend.points] == [False, True]
    assert trend.across_versions
    by_measure = {s.measure: s for s in trend.series}
    # installed dimensions first, in set order; then those only the old version had
    assert list(by_measure) == [score("serve"), score("other"), score("gone"), ENPS]
    assert by_measure[score("serve")].changes == (None, Delta(50.0))  # 25 -> 75
    assert by_measure[score("gone")].values == (40.0, None)
    assert by_measure[score("gone")].changes == (None, None)
    assert by_measure[score("other")].changes == (None, None)
    assert by_measure[ENPS].changes == (None, None)


def test_levels_and_turnover_cost_are_measures_too() -> None:
    levels = builtin("competency-level")
    trend = my_trend(
        [
            response(levels, level_answers(levels, [True, False, True, True, True]), respondent=ME),
            response(
                levels,
                level_answers(levels, [True, True, True, False, False]),
                respondent=ME,
                at=when(2026, 11, 1),
            ),
        ],
        set_id="competency-level",
        respondent_id=ME,
        qset=levels,
    )
    assert trend.latest_changes()[LEVEL] == Delta(2.0)  # level 1, then level 3

    cost = builtin("turnover-cost")
    base = {"headcount": 100, "leavers": 10, "salary": 40000}
    trend = my_trend(
        [
            response(cost, base, respondent=ME, at=when(2026, 1, 1)),
            response(cost, {**base, "leavers": 5}, respondent=ME, at=when(2027, 1, 1)),
        ],
        set_id="turnover-cost",
        respondent_id=ME,
    )
    (annual,) = [s for s in trend.series if s.measure == ANNUAL_COST]
    first, second = annual.values
    assert first is not None and second is not None
    assert second == first / 2  # half the leavers, half the annual cost
    assert annual.changes[1] == Delta(round(second - first, 2))


def test_no_sessions_no_trend() -> None:
    trend = my_trend([], set_id="mini", respondent_id=ME, qset=MINI)
    assert (trend.points, trend.series, trend.across_versions) == ((), (), False)
    assert trend.latest_changes() == {}
