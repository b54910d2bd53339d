"""Times at the very ends of the calendar are shown and reasoned about in any time zone."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator

import pytest

from selfaudit.core.checkin import next_check_in
from selfaudit.i18n import fmt_date

LAST = dt.datetime.max.replace(tzinfo=dt.UTC)
FIRST = dt.datetime.min.replace(tzinfo=dt.UTC)


@pytest.fixture
def local_zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run the test with the process's local time zone set to the parameter."""
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(
    ("local_zone", "when", "shown"),
    [
        ("Asia/Tokyo", LAST, "31 Dec 9999"),
        ("America/New_York", FIRST, "1 Jan 1"),
        ("Asia/Tokyo", dt.datetime(2026, 3, 1, 23, 30, tzinfo=dt.UTC), "2 Mar 2026"),
    ],
    indirect=["local_zone"],
)
def test_dates_show_in_local_time_or_as_saved_at_the_ends(
    local_zone: str, when: dt.datetime, shown: str
) -> None:
    assert fmt_date(when, "en") == shown


def test_a_check_in_past_the_end_of_the_calendar_is_not_overdue() -> None:
    check_in = next_check_in(LAST - dt.timedelta(days=3), 30, LAST)
    assert check_in is not None
    assert (check_in.due, check_in.overdue) == (LAST, False)
