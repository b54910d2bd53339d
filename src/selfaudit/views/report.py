"""The content of an exported report (``export --format md|html``), made of the other views.

Per set, a report holds either one person's part (their latest results with what each score
means, their trend, the action items they chose) or a team's part (the team's
trend by round and the team view of its latest round, under the k rule, never one person's
answers). Every figure comes from :mod:`selfaudit.views.trend`, :mod:`~selfaudit.views.team_trend`
and :mod:`~selfaudit.views.team` as they write it; this module only arranges them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from selfaudit.core.model import QuestionSet
from selfaudit.core.responses import ANNUAL_COST, Response
from selfaudit.core.rounds import Cadence, round_of
from selfaudit.core.team import team_round, team_trend
from selfaudit.core.trend import my_trend
from selfaudit.i18n import fmt_date, t
from selfaudit.views.content import EMPTY, Cell, Row, Table
from selfaudit.views.figures import Writer
from selfaudit.views.team import TeamView, team_view
from selfaudit.views.team_trend import TeamTrendView, team_trend_view
from selfaudit.views.trend import TrendView, trend_view


@dataclass(frozen=True)
class SetReport:
    """One set's part of a report: a person's or a team's."""

    set_id: str
    title: str
    summary: str
    """How many sessions, from when to when."""
    meaning: Table | None = None
    """One person: the latest session's scores and what each means (its band)."""
    trend: TrendView | None = None
    actions: tuple[str, ...] = ()
    """One person: the action items chosen in the latest session."""
    actions_heading: str = ""
    """One person: the heading above :attr:`actions` (``""`` in a team's part)."""
    no_actions: str = ""
    """What to say when :attr:`actions` is empty."""
    team_trend: TeamTrendView | None = None
    team: TeamView | None = None

    def to_json(self) -> dict[str, Any]:
        """Everything above, with raw figures beside the text."""
        return {
            "set": self.set_id,
            "title": self.title,
            "summary": self.summary,
            "meaning": self.meaning.to_json() if self.meaning else None,
            "trend": self.trend.to_json() if self.trend else None,
            "actions": list(self.actions),
            "actions_heading": self.actions_heading,
            "team_trend": self.team_trend.to_json() if self.team_trend else None,
            "team": self.team.to_json() if self.team else None,
        }


@dataclass(frozen=True)
class ReportView:
    """A whole report: a title, when it was made, and a part per set (and team)."""

    title: str
    made: str
    parts: tuple[SetReport, ...]
    lang: str = "en"
    """The language it is written in (a chart writes its figures with :meth:`figure`)."""
    currency: str = "EUR"

    def figure(self, key: str, value: float) -> str:
        """A chart point's figure, written as the tables write it (money for the annual cost)."""
        write = Writer(self.lang, self.currency)
        if key == ANNUAL_COST.key:
            return write.size(value, money=True)
        return write.number(value, group=True)

    def to_json(self) -> dict[str, Any]:
        """Everything above."""
        return {"title": self.title, "made": self.made, "parts": [p.to_json() for p in self.parts]}


@dataclass(frozen=True)
class ReportOptions:
    """How the figures of a report are written and counted."""

    lang: str
    currency: str
    cadence: Cadence
    k: int


def _summary(responses: list[Response], lang: str) -> str:
    first = min(r.completed_at for r in responses)
    last = max(r.completed_at for r in responses)
    return t(
        lang,
        "report.sessions",
        count=len(responses),
        first=fmt_date(first, lang),
        last=fmt_date(last, lang),
    )


def meaning_table(qset: QuestionSet, latest: Response, o: ReportOptions) -> Table:
    """Per dimension of the latest session: its score and what it means (its band)."""
    write = Writer(o.lang, o.currency)
    rows = []
    for dim in latest.results.dimensions:
        dimension = qset.dimension(dim.dimension)
        band = next((b for b in qset.bands if b.id == dim.band), None)
        rows.append(
            Row(
                f"score:{dim.dimension}",
                qset.t(dimension.title, o.lang) if dimension else dim.dimension,
                (
                    Cell(write.number(dim.score), dim.score) if dim.score is not None else EMPTY,
                    Cell(qset.t(band.label, o.lang)) if band else EMPTY,
                ),
            )
        )
    headers = (t(o.lang, "view.measure"), t(o.lang, "report.score"), t(o.lang, "report.means"))
    when = fmt_date(latest.completed_at, o.lang)
    return Table(t(o.lang, "report.latest", date=when), headers, tuple(rows))


def person_part(qset: QuestionSet, responses: list[Response], o: ReportOptions) -> SetReport:
    """One person's part: the latest results and what they mean, the trend, the actions."""
    latest = max(responses, key=lambda r: (r.completed_at, r.session_id))
    trend = my_trend(responses, set_id=qset.id, respondent_id=latest.respondent_id, qset=qset)
    return SetReport(
        set_id=qset.id,
        title=qset.t(qset.title, o.lang),
        summary=_summary(responses, o.lang),
        meaning=meaning_table(qset, latest, o),
        trend=trend_view(trend, qset, o.lang, o.currency),
        actions=latest.actions,
        actions_heading=t(o.lang, "report.actions"),
        no_actions=t(o.lang, "report.no-actions"),
    )


def team_part(
    qset: QuestionSet, responses: list[Response], team_key: str, o: ReportOptions
) -> SetReport:
    """A team's part: its trend by round and the team view of its latest round."""
    trend = team_trend(responses, qset, team_key=team_key, cadence=o.cadence, k=o.k)
    latest = max(round_of(r.completed_at, o.cadence) for r in responses)
    found = team_round(responses, qset, team_key=team_key, in_round=latest, k=o.k)
    return SetReport(
        set_id=qset.id,
        title=qset.t(qset.title, o.lang),
        summary=_summary(responses, o.lang),
        team_trend=team_trend_view(trend, qset, o.lang),
        team=team_view(found, qset, o.lang, o.currency),
    )


def report_view(
    groups: list[tuple[QuestionSet, list[Response]]], o: ReportOptions, now: dt.datetime
) -> ReportView:
    """The report of ``groups``, each a set and its sessions chosen: one person's sessions make
    a person's part, several people's a team's part per team."""
    parts: list[SetReport] = []
    for qset, responses in groups:
        if not responses:
            continue
        if len({r.respondent_id for r in responses}) == 1:
            parts.append(person_part(qset, responses, o))
            continue
        for key in sorted({r.team_key for r in responses}):
            parts.append(team_part(qset, [r for r in responses if r.team_key == key], key, o))
    return ReportView(
        title=t(o.lang, "report.title"),
        made=t(o.lang, "report.made", date=fmt_date(now, o.lang)),
        parts=tuple(parts),
        lang=o.lang,
        currency=o.currency,
    )
