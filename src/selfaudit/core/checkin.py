"""When the next check-in is due, for users who chose a cadence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class CheckIn:
    """The next check-in of one set."""

    due: dt.datetime | None
    """When it is due; ``None`` when the set was never completed (it is due now)."""
    overdue: bool
    """Whether the due moment has come."""


def next_check_in(
    last_completed: dt.datetime | None, cadence_days: int, now: dt.datetime
) -> CheckIn | None:
    """The next check-in after ``last_completed``; ``None`` when no cadence was chosen.

    A due moment past the end of the calendar (a session saved late in year 9999) is the last
    moment there is, and not yet overdue.
    """
    if cadence_days <= 0:
        return None
    if last_completed is None:
        return CheckIn(None, True)
    try:
        due = last_completed + dt.timedelta(days=cadence_days)
    except OverflowError:
        return CheckIn(dt.datetime.max.replace(tzinfo=dt.UTC), False)
    return CheckIn(due, due <= now)
