"""Rounds: labels, first and last days, the round of any moment in any zone (by UTC), order."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfaudit.core.rounds import (
    CADENCE_OF_SETTING,
    DEFAULT_CADENCE,
    Cadence,
    Round,
    cadence_of_setting,
    parse_round,
    round_of,
)
from selfaudit.settings import CADENCES

UTC = dt.UTC


def at(
    year: int,
    month: int,
    day: int,
    hour: int = 0,
    minute: int = 0,
    second: int = 0,
    tz: dt.tzinfo = UTC,
) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, second, tzinfo=tz)


@pytest.mark.parametrize(
    ("cadence", "label", "start", "end"),
    [
        (Cadence.MONTH, "2026-08", dt.date(2026, 8, 1), dt.date(2026, 8, 31)),
        (Cadence.QUARTER, "2026-Q3", dt.date(2026, 7, 1), dt.date(2026, 9, 30)),
        (Cadence.HALF_YEAR, "2026-H2", dt.date(2026, 7, 1), dt.date(2026, 12, 31)),
        (Cadence.YEAR, "2026", dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
    ],
)
def test_each_cadence_has_a_label_a_start_and_an_end(
    cadence: Cadence, label: str, start: dt.date, end: dt.date
) -> None:
    found = round_of(at(2026, 8, 15, 12), cadence)
    assert (found.label, found.start, found.end, found.cadence) == (label, start, end, cadence)
    assert parse_round(label) == found


def test_the_default_is_a_calendar_quarter() -> None:
    assert DEFAULT_CADENCE is Cadence.QUARTER
    assert round_of(at(2026, 3, 31, 23, 59)).label == "2026-Q1"
    assert round_of(at(2026, 4, 1)).label == "2026-Q2"


def test_february_ends_on_the_29th_in_a_leap_year() -> None:
    assert round_of(at(2024, 2, 10), Cadence.MONTH).end == dt.date(2024, 2, 29)
    assert round_of(at(2026, 2, 10), Cadence.MONTH).end == dt.date(2026, 2, 28)


def test_rounds_at_the_year_boundary_follow_the_utc_date() -> None:
    # 00:30 on New Year's Day in Amsterdam is still 31 December in UTC
    amsterdam = ZoneInfo("Europe/Amsterdam")
    assert round_of(at(2027, 1, 1, 0, 30, tz=amsterdam)).label == "2026-Q4"
    # 20:00 on New Year's Eve in New York is already 1 January in UTC
    new_york = ZoneInfo("America/New_York")
    assert round_of(at(2026, 12, 31, 20, tz=new_york)).label == "2027-Q1"
    assert round_of(at(2026, 12, 31, 23, 59, 59)).label == "2026-Q4"
    assert round_of(at(2027, 1, 1)).label == "2027-Q1"
    assert round_of(at(2027, 1, 1, 0, 30, tz=amsterdam), Cadence.YEAR).label == "2026"


def test_the_first_and_last_rounds_of_the_calendar() -> None:
    last = round_of(dt.datetime.max.replace(tzinfo=UTC))
    assert (last.label, last.end) == ("9999-Q4", dt.date(9999, 12, 31))
    # moments that in UTC fall before year 1 or after 9999 take the first or last round
    east = dt.timezone(dt.timedelta(hours=1))
    west = dt.timezone(dt.timedelta(hours=-5))
    assert round_of(dt.datetime(1, 1, 1, 0, 30, tzinfo=east)).label == "0001-Q1"
    assert round_of(dt.datetime(9999, 12, 31, 23, tzinfo=west), Cadence.MONTH).label == "9999-12"


def test_a_time_without_a_zone_has_no_round() -> None:
    with pytest.raises(ValueError, match="time zone"):
        round_of(dt.datetime(2026, 7, 1))


@given(st.datetimes(timezones=st.timezones()), st.sampled_from(list(Cadence)))
def test_any_moment_in_any_zone_falls_in_the_round_of_its_utc_date(
    when: dt.datetime, cadence: Cadence
) -> None:
    found = round_of(when, cadence)
    try:
        utc_day = when.astimezone(UTC).date()
    except OverflowError:
        return  # beyond the calendar in UTC: the test above covers it
    assert found.start <= utc_day <= found.end
    assert found.cadence is cadence
    assert parse_round(found.label) == found


@given(st.lists(st.datetimes(timezones=st.just(UTC)), min_size=2), st.sampled_from(list(Cadence)))
def test_rounds_and_their_labels_sort_in_time_order(
    moments: list[dt.datetime], cadence: Cadence
) -> None:
    rounds = [round_of(m, cadence) for m in sorted(moments)]
    assert rounds == sorted(rounds)
    assert [r.label for r in rounds] == sorted(r.label for r in rounds)


def test_a_shorter_round_sorts_before_a_longer_one_starting_the_same_day() -> None:
    labels = ["2026", "2026-H2", "2026-Q3", "2026-07", "2026-Q1", "2026-01"]
    assert [str(r) for r in sorted(map(parse_round, labels))] == [
        "2026-01",
        "2026-Q1",
        "2026",
        "2026-07",
        "2026-Q3",
        "2026-H2",
    ]


def test_round_labels_can_be_typed_in_lower_case() -> None:
    assert parse_round(" 2026-q3 ") == Round(2026, 7, 3)
    assert parse_round("2026-h1") == Round(2026, 1, 6)


@pytest.mark.parametrize("label", ["2026-Q5", "2026-Q0", "2026-H3", "2026-13", "Q3", "26-Q1", ""])
def test_a_label_that_names_no_round_says_how_to_write_one(label: str) -> None:
    with pytest.raises(ValueError, match="2026-Q3, 2026-07, 2026-H2 or 2026"):
        parse_round(label)


def test_a_round_cannot_start_mid_period() -> None:
    with pytest.raises(ValueError):
        Round(2026, 2, 3)
    with pytest.raises(ValueError):
        Round(2026, 1, 2)


def test_every_cadence_setting_has_rounds() -> None:
    assert set(CADENCE_OF_SETTING) == set(CADENCES)
    assert cadence_of_setting("monthly") is Cadence.MONTH
    assert cadence_of_setting("half-yearly") is Cadence.HALF_YEAR
    assert cadence_of_setting("none") is Cadence.QUARTER
    assert cadence_of_setting("fortnightly") is DEFAULT_CADENCE
