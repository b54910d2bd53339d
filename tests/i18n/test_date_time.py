"""The date with the time of day (History), in local time, and in its own zone at the ends."""

from __future__ import annotations

import datetime as dt

import pytest

from selfaudit.i18n import fmt_date_time
from tests.core.test_calendar_ends import FIRST, LAST, local_zone

__all__ = ["local_zone"]  # the fixture, used by name


@pytest.mark.parametrize(
    ("local_zone", "when", "lang", "shown"),
    [
        (
            "Europe/Amsterdam",
            dt.datetime(2026, 3, 2, 8, 5, tzinfo=dt.UTC),
            "en",
            "2 Mar 2026 09:05",
        ),
        (
            "Europe/Amsterdam",
            dt.datetime(2026, 3, 2, 8, 5, tzinfo=dt.UTC),
            "nl",
            "2 mrt 2026 09:05",
        ),
        ("Asia/Tokyo", dt.datetime(2026, 3, 1, 23, 30, tzinfo=dt.UTC), "en", "2 Mar 2026 08:30"),
        ("Asia/Tokyo", LAST, "en", "31 Dec 9999 23:59 UTC"),
        ("America/New_York", FIRST, "nl", "1 jan 1 00:00 UTC"),
        ("America/New_York", LAST, "en", "31 Dec 9999 18:59"),
    ],
    indirect=["local_zone"],
)
def test_the_time_is_local_or_says_its_zone_at_the_ends(
    local_zone: str, when: dt.datetime, lang: str, shown: str
) -> None:
    assert fmt_date_time(when, lang) == shown
