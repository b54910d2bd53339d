"""The change of each figure since my previous session of a set, for the results screen."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from selfaudit.core.responses import MeasureKind, measures_of
from selfaudit.core.results import Results
from selfaudit.core.stats import delta
from selfaudit.i18n import fmt_date, t
from selfaudit.views.figures import Writer


@dataclass(frozen=True)
class SinceBefore:
    """Per measure key (``score:<dimension>``, ``enps``, ``level``, ``annual-cost``), the change
    since the session before, as shown beside the figure: "↑ 12 since 3 Mar 2026"."""

    lines: dict[str, str]
    """Only the measures both sessions have a figure for."""

    def for_dimension(self, dimension: str) -> str:
        """The line for one dimension's score ("" when there is none to show)."""
        return self.lines.get(f"score:{dimension}", "")


def since_before(
    previous: Results, previous_at: dt.datetime, current: Results, lang: str, currency: str
) -> SinceBefore:
    """What changed from ``previous`` (saved at ``previous_at``) to ``current``."""
    write = Writer(lang, currency)
    before, now = measures_of(previous), measures_of(current)
    when = fmt_date(previous_at, lang)
    lines = {}
    for measure, value in now.items():
        change = delta(before.get(measure), value)
        if change is None:
            continue
        money = measure.kind is MeasureKind.ANNUAL_COST
        lines[measure.key] = t(
            lang, "results.since", change=write.change(change, money=money).text, date=when
        )
    return SinceBefore(lines)
