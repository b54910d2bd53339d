"""The content of a team's trend: a grid of rounds x dimensions and a chart per dimension, over
the rounds with at least k respondents only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from selfaudit.core.model import QuestionSet
from selfaudit.core.team import TeamTrend
from selfaudit.core.text import visible
from selfaudit.i18n import t
from selfaudit.views.content import Cell, Row, Series, Table
from selfaudit.views.figures import Writer, measure_label
from selfaudit.views.team import private_note


@dataclass(frozen=True)
class TeamTrendView:
    """What the team's trend shows."""

    title: str
    grid: Table
    """A row per round shown, oldest first: the median of each dimension (a value in every
    cell; colour is for the screen to add), then how many answered."""
    series: tuple[Series, ...]
    """Per dimension, its median per round, for a chart."""
    hidden: str
    """How many rounds are left out for having fewer than k respondents, and why (or that no
    round has k yet), one sentence; empty when every round is shown."""
    notes: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """Everything above, with raw figures beside the text."""
        return {
            "title": self.title,
            "grid": self.grid.to_json(),
            "series": [s.to_json() for s in self.series],
            "hidden": self.hidden,
            "notes": list(self.notes),
        }


def team_trend_view(trend: TeamTrend, qset: QuestionSet, lang: str) -> TeamTrendView:
    """The view of a team's trend of ``qset``."""
    write = Writer(lang)
    labels = [measure_label(d, qset, lang) for d in trend.dimensions]
    grid = trend.grid()
    rows = []
    for team_round, medians in zip(trend.rounds, grid, strict=True):
        cells = [
            write.measure(d, v, group=True) for d, v in zip(trend.dimensions, medians, strict=True)
        ]
        count = Cell(write.number(team_round.respondents), team_round.respondents)
        label = team_round.round.label
        rows.append(Row(label, label, (*cells, count)))
    series = []
    for column, (d, label) in enumerate(zip(trend.dimensions, labels, strict=True)):
        points = [
            (medians[column], r.round.label) for medians, r in zip(grid, trend.rounds, strict=True)
        ]
        shown = [(v, when) for v, when in points if v is not None]
        series.append(Series(d.key, label, tuple(v for v, _ in shown), tuple(w for _, w in shown)))
    hidden = ""
    if not trend.rounds:
        hidden = t(lang, "team.trend.none", k=trend.k)
    elif trend.hidden_rounds:
        hidden = t(lang, "team.trend.hidden", count=trend.hidden_rounds, k=trend.k)
    headers = (t(lang, "team.round"), *labels, t(lang, "team.people"))
    title = t(
        lang, "team.trend.title", team=visible(trend.team_label), title=qset.t(qset.title, lang)
    )
    return TeamTrendView(
        title=title,
        grid=Table(t(lang, "team.trend.grid"), headers, tuple(rows)),
        series=tuple(series),
        hidden=hidden,
        notes=(private_note(lang),),
    )
