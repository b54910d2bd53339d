"""Rounds: a team's cadence periods (a calendar quarter unless the team chose another cadence).

A round is a calendar month, quarter, half-year or year **in UTC**: the round of a moment is the
one its UTC date falls in, wherever it was saved, so everyone in a team puts the same session in
the same round. Labels are stable and sort as their rounds do within one cadence: ``2026-07``
(month), ``2026-Q3`` (quarter), ``2026-H2`` (half-year), ``2026`` (year).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from selfaudit.core.answers import shorten


class Cadence(StrEnum):
    """How long a round is."""

    MONTH = "month"
    QUARTER = "quarter"
    HALF_YEAR = "half-year"
    YEAR = "year"

    @property
    def months(self) -> int:
        """Calendar months in one round."""
        return _MONTHS[self]


_MONTHS = {Cadence.MONTH: 1, Cadence.QUARTER: 3, Cadence.HALF_YEAR: 6, Cadence.YEAR: 12}
_CADENCE_OF_LENGTH = {months: cadence for cadence, months in _MONTHS.items()}

#: Rounds are calendar quarters unless a team chose another cadence.
DEFAULT_CADENCE = Cadence.QUARTER

#: The check-in cadences of :data:`selfaudit.settings.CADENCES` and the rounds they mean.
#: ``none`` (no reminder) keeps the default: a team still meets in rounds without reminders.
CADENCE_OF_SETTING: dict[str, Cadence] = {
    "none": DEFAULT_CADENCE,
    "monthly": Cadence.MONTH,
    "quarterly": Cadence.QUARTER,
    "half-yearly": Cadence.HALF_YEAR,
    "yearly": Cadence.YEAR,
}


def cadence_of_setting(setting: str) -> Cadence:
    """The round length for a ``cadence`` setting; the default for one this version does not
    know."""
    return CADENCE_OF_SETTING.get(setting, DEFAULT_CADENCE)


@dataclass(frozen=True, order=True)
class Round:
    """One cadence period. Rounds sort by their first day, and a shorter one first when two
    start on the same day (``2026-07`` before ``2026-Q3`` before ``2026-H2``)."""

    year: int
    """1..9999."""
    first_month: int
    """The calendar month the round starts in, 1..12."""
    months: int
    """Its length: 1, 3, 6 or 12 months (see :class:`Cadence`)."""

    def __post_init__(self) -> None:
        if self.months not in _CADENCE_OF_LENGTH:
            raise ValueError(f"a round is 1, 3, 6 or 12 months long, not {self.months}")
        if not 1 <= self.year <= 9999 or not 1 <= self.first_month <= 12:
            raise ValueError(f"no round starts in month {self.first_month} of year {self.year}")
        if (self.first_month - 1) % self.months:
            raise ValueError(f"a {self.cadence.value} cannot start in month {self.first_month}")

    @property
    def cadence(self) -> Cadence:
        """The cadence this round belongs to."""
        return _CADENCE_OF_LENGTH[self.months]

    @property
    def number(self) -> int:
        """Which round of its year this is: the month, quarter or half (1-based); 1 for a year."""
        return (self.first_month - 1) // self.months + 1

    @property
    def label(self) -> str:
        """The stable label: ``2026-07``, ``2026-Q3``, ``2026-H2`` or ``2026``."""
        cadence = self.cadence
        if cadence is Cadence.MONTH:
            return f"{self.year:04d}-{self.first_month:02d}"
        if cadence is Cadence.QUARTER:
            return f"{self.year:04d}-Q{self.number}"
        if cadence is Cadence.HALF_YEAR:
            return f"{self.year:04d}-H{self.number}"
        return f"{self.year:04d}"

    @property
    def start(self) -> dt.date:
        """The first day (UTC)."""
        return dt.date(self.year, self.first_month, 1)

    @property
    def end(self) -> dt.date:
        """The last day (UTC), inclusive; a date rather than a moment after it, so the last round
        of year 9999 has an end too."""
        last_month = self.first_month + self.months - 1
        if last_month == 12:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, last_month + 1, 1) - dt.timedelta(days=1)

    def __str__(self) -> str:
        return self.label


_FIRST = dt.datetime.min.replace(tzinfo=dt.UTC)
_LAST = dt.datetime.max.replace(tzinfo=dt.UTC)


def _in_utc(when: dt.datetime) -> dt.datetime:
    """``when`` in UTC; a moment beyond the calendar's ends in UTC (0001-01-01 00:30 at UTC+1)
    is taken as the first or last moment there is."""
    if when.tzinfo is None or when.utcoffset() is None:
        raise ValueError("a round needs a time with a time zone; rounds are in UTC")
    try:
        return when.astimezone(dt.UTC)
    except OverflowError:
        return _FIRST if when.year == 1 else _LAST


def round_of(when: dt.datetime, cadence: Cadence = DEFAULT_CADENCE) -> Round:
    """The round of ``cadence`` that ``when`` (an aware datetime) falls in, by its UTC date."""
    utc = _in_utc(when)
    months = cadence.months
    return Round(utc.year, (utc.month - 1) // months * months + 1, months)


_LABEL = re.compile(r"(?P<year>\d{4})(?:-(?:(?P<month>\d{2})|Q(?P<q>\d)|H(?P<h>\d)))?")


def parse_round(label: str) -> Round:
    """The round a label names (``2026-Q3``, ``2026-07``, ``2026-H2``, ``2026``; ``q`` and
    ``h`` may be lower case); ``ValueError`` saying how to write one otherwise."""
    match = _LABEL.fullmatch(label.strip().upper())
    problem = f"'{shorten(label)}' is not a round: write one as 2026-Q3, 2026-07, 2026-H2 or 2026"
    if match is None:
        raise ValueError(problem)
    year = int(match["year"])
    try:
        if match["month"]:
            return Round(year, int(match["month"]), 1)
        if match["q"]:
            return Round(year, (int(match["q"]) - 1) * 3 + 1, 3)
        if match["h"]:
            return Round(year, (int(match["h"]) - 1) * 6 + 1, 6)
        return Round(year, 1, 12)
    except ValueError:
        raise ValueError(problem) from None
