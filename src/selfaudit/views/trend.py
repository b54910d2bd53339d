"""The content of my trend: a table of every measure per session, the change since the session
before with an arrow, and a chart series per measure with the session dates under it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from selfaudit.core.followups import STATUSES
from selfaudit.core.model import QuestionSet
from selfaudit.core.responses import MeasureKind
from selfaudit.core.trend import Trend
from selfaudit.i18n import fmt_date, t
from selfaudit.views.content import EMPTY, Cell, Row, Series, Table
from selfaudit.views.figures import Writer, measure_label

#: Marks the date of a session answered with another set version than the one before it.
ACROSS_VERSIONS_MARK = " *"


@dataclass(frozen=True)
class TrendView:
    """What the trend screen and ``selfaudit trend`` show."""

    title: str
    summary: str
    """How many sessions, or that there are none yet."""
    table: Table
    """A row per measure (then the action items planned), a column per session, oldest
    first, and a last column with the newest change."""
    changes: Table
    """The same rows with the change of every session since the one before."""
    series: tuple[Series, ...]
    """Per measure, for a chart."""
    notes: tuple[str, ...]
    """What to keep in mind reading it (compared across set versions)."""

    def to_json(self) -> dict[str, Any]:
        """Everything above, with raw figures beside the text."""
        return {
            "title": self.title,
            "summary": self.summary,
            "table": self.table.to_json(),
            "changes": self.changes.to_json(),
            "series": [s.to_json() for s in self.series],
            "notes": list(self.notes),
        }


def _followed_up_sentence(followed: dict[str, int], lang: str) -> str:
    """ "Of the 6 actions you followed up, 3 were done, 1 partly, 1 not yet and 1 dropped"."""
    counts = {status.value: followed.get(status.value, 0) for status in STATUSES}
    return t(
        lang,
        "trend.followed-up",
        count=sum(counts.values()),
        done=counts["done"],
        partly=counts["partly"],
        not_yet=counts["not-yet"],
        dropped=counts["dropped"],
    )


def trend_view(
    trend: Trend, qset: QuestionSet | None, lang: str, currency: str = "EUR"
) -> TrendView:
    """The view of ``trend``; ``qset`` (the installed set, if any) names the dimensions."""
    write = Writer(lang, currency)
    dates = [fmt_date(p.completed_at, lang) for p in trend.points]
    headers = [
        d + (ACROSS_VERSIONS_MARK if p.across_versions else "")
        for d, p in zip(dates, trend.points, strict=True)
    ]
    rows, change_rows, series = [], [], []
    for s in trend.series:
        label = measure_label(s.measure, qset, lang)
        money = s.measure.kind is MeasureKind.ANNUAL_COST
        values = tuple(write.measure(s.measure, v) for v in s.values)
        rows.append(
            Row(s.measure.key, label, (*values, write.change(s.latest_change, money=money)))
        )
        change_rows.append(
            Row(s.measure.key, label, tuple(write.change(c, money=money) for c in s.changes))
        )
        shown = [(v, d) for v, d in zip(s.values, dates, strict=True) if v is not None]
        series.append(
            Series(s.measure.key, label, tuple(v for v, _ in shown), tuple(d for _, d in shown))
        )
    if trend.points:
        actions = tuple(Cell(write.number(p.actions), p.actions) for p in trend.points)
        rows.append(Row("actions", t(lang, "trend.actions"), (*actions, EMPTY)))
    followed = trend.followed_up()
    answered = any(followed.get(status.value) for status in STATUSES)
    for status in STATUSES if answered else ():
        counts = tuple(p.followups.get(status.value, 0) for p in trend.points)
        cells = tuple(Cell(write.number(n), n) for n in counts)
        label = t(lang, f"trend.followup.{status.value}")
        rows.append(Row(f"followups:{status.value}", label, (*cells, EMPTY)))
    notes = (t(lang, "trend.across-versions"),) if trend.across_versions else ()
    if answered:
        notes = (_followed_up_sentence(followed, lang), *notes)
    title = qset.t(qset.title, lang) if qset else trend.set_id
    count = len(trend.points)
    return TrendView(
        title=t(lang, "trend.title", title=title),
        summary=t(lang, "trend.sessions", count=count) if count else t(lang, "trend.empty"),
        table=Table("", (t(lang, "view.measure"), *headers, t(lang, "view.change")), tuple(rows)),
        changes=Table(
            t(lang, "trend.changes"), (t(lang, "view.measure"), *headers), tuple(change_rows)
        ),
        series=tuple(series),
        notes=notes,
    )
