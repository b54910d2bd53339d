"""My trend: one person's sessions of one set over time, oldest first, with the change of every
measure since the session before.

The trend follows the respondent id (the install's pseudonym), so a name set or changed later
does not split it. Measures are each dimension's score, the eNPS answer, the level reached and
the annual turnover cost (see :func:`~selfaudit.core.responses.measures_of`), as the sessions
saved them. Between two sessions of different set versions only the measures both have are
compared, and the later point says :attr:`TrendPoint.across_versions`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise

from selfaudit.core.model import QuestionSet
from selfaudit.core.responses import Measure, Response, measures_of, ordered_measures, same_version
from selfaudit.core.stats import Delta, delta


@dataclass(frozen=True)
class TrendPoint:
    """One session on the trend."""

    session_id: str
    completed_at: dt.datetime
    set_version: str
    actions: int
    """How many action items were planned in it."""
    followups: Mapping[str, int]
    """How the actions of the session before went, as reported in this one (a count per
    status; empty when none were followed up)."""
    across_versions: bool
    """Answered with another set version than the session before: its changes compare only the
    measures both have."""


@dataclass(frozen=True)
class TrendSeries:
    """One measure over the trend's points."""

    measure: Measure
    values: tuple[float | None, ...]
    """One per point; ``None`` where that session has no figure for it."""
    changes: tuple[Delta | None, ...]
    """One per point: the change since the point before; ``None`` for the first point and
    wherever either figure is missing."""

    @property
    def latest_change(self) -> Delta | None:
        """The change of the newest session since the one before it."""
        return self.changes[-1] if self.changes else None


@dataclass(frozen=True)
class Trend:
    """One respondent's sessions of one set, oldest first."""

    set_id: str
    respondent_id: str
    points: tuple[TrendPoint, ...]
    series: tuple[TrendSeries, ...]
    """Every measure any of the sessions has, in :func:`ordered_measures` order."""

    @property
    def across_versions(self) -> bool:
        """Whether any change compares sessions of different set versions."""
        return any(p.across_versions for p in self.points)

    def followed_up(self) -> dict[str, int]:
        """How all the actions followed up so far went: a count per status, over every
        session."""
        total: Counter[str] = Counter()
        for point in self.points:
            total.update(point.followups)
        return dict(total)

    def latest_changes(self) -> Mapping[Measure, Delta | None]:
        """Per measure, the change of the newest session since the one before (what a new
        session's results show)."""
        return {s.measure: s.latest_change for s in self.series}


def my_trend(
    responses: Iterable[Response],
    *,
    set_id: str,
    respondent_id: str,
    qset: QuestionSet | None = None,
) -> Trend:
    """The trend of ``respondent_id``'s sessions of ``set_id`` among ``responses`` (others are
    ignored); ``qset``, the installed set, only orders the dimensions."""
    mine = sorted(
        (r for r in responses if r.set_id == set_id and r.respondent_id == respondent_id),
        key=lambda r: (r.completed_at, r.session_id),
    )
    figures = [measures_of(r.results) for r in mine]
    points = tuple(
        TrendPoint(
            session_id=r.session_id,
            completed_at=r.completed_at,
            set_version=r.set_version,
            actions=len(r.actions),
            followups=dict(r.followups),
            across_versions=i > 0 and not same_version(mine[i - 1], r),
        )
        for i, r in enumerate(mine)
    )
    series = []
    for measure in ordered_measures(qset, (m for f in figures for m in f)):
        values = tuple(f.get(measure) for f in figures)
        changes = (None, *(delta(a, b) for a, b in pairwise(values)))
        series.append(TrendSeries(measure, values, changes))
    return Trend(set_id, respondent_id, points, tuple(series))
