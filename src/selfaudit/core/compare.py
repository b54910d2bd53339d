"""Compare: sessions side by side, me against my team, one team against another.

Each column is a session or a team's round; each row a dimension's score, a headline figure
(eNPS, level, annual cost) or an item. A team column holds the team's medians (its team eNPS for
:data:`~selfaudit.core.responses.TEAM_ENPS`) and nothing else: teams are compared by their
aggregates only, each under the k rule of :mod:`selfaudit.core.team`, so a hidden team's column
is empty.

**Difference.** For any number of columns, the difference of a row is its largest figure minus
its smallest (over the columns that have one; none with fewer than two). Dimensions are sorted
by it, largest first. Items are sorted by it as a share of their scale: of 100 points for a
scored item (its 0-100 item score), of the largest absolute figure for a ``number`` item. With
exactly two columns a row also has a :class:`~selfaudit.core.stats.Delta` from the first column
to the second: sessions are ordered oldest first, and me-against-my-team puts the team first.
Headline figures keep their fixed order. Items are compared as
:mod:`selfaudit.core.responses` says (only items that stayed the same).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from selfaudit.core.model import Item, Kind, QuestionSet
from selfaudit.core.responses import (
    TEAM_ENPS,
    Measure,
    MeasureKind,
    Response,
    compared_items,
    item_answer,
    measures_of,
    ordered_measures,
    same_version,
    team_items,
    team_measures_of,
)
from selfaudit.core.rounds import Round
from selfaudit.core.stats import Delta, delta
from selfaudit.core.stored import answered_with_another_version
from selfaudit.core.team import Hidden, TeamRound


@dataclass(frozen=True)
class SessionColumn:
    """A column that is one saved session."""

    session_id: str
    completed_at: dt.datetime
    respondent_id: str
    respondent_name: str
    team_label: str
    set_version: str


@dataclass(frozen=True)
class TeamColumn:
    """A column that is a team's round: its aggregates only."""

    team_label: str
    round: Round
    respondents: int
    k: int
    hidden: Hidden | None
    """Why the column is empty (fewer than k respondents); ``None`` when it has figures."""


Column = SessionColumn | TeamColumn


@dataclass(frozen=True)
class CompareRow:
    """One row across the columns."""

    values: tuple[float | None, ...]
    """One per column; ``None`` where a column has no figure."""

    @property
    def difference(self) -> float | None:
        """Largest minus smallest figure; ``None`` with fewer than two figures."""
        present = [v for v in self.values if v is not None]
        return max(present) - min(present) if len(present) >= 2 else None

    @property
    def delta(self) -> Delta | None:
        """From the first column to the second, when there are exactly two."""
        return delta(*self.values) if len(self.values) == 2 else None


@dataclass(frozen=True)
class MeasureRow(CompareRow):
    """A dimension's score or a headline figure across the columns."""

    measure: Measure


@dataclass(frozen=True)
class ItemRow(CompareRow):
    """One item across the columns."""

    item: str
    """The item's id."""


@dataclass(frozen=True)
class Comparison:
    """Columns side by side, the largest differences first."""

    set_id: str
    columns: tuple[Column, ...]
    dimensions: tuple[MeasureRow, ...]
    """Dimension scores, largest difference first (rows without one last, in set order)."""
    figures: tuple[MeasureRow, ...]
    """eNPS, team eNPS, level reached, annual cost: the ones any column has, in that order."""
    items: tuple[ItemRow, ...]
    """Items any column has a figure for, largest difference (as a share of the scale) first."""
    across_versions: bool
    """Whether the sessions compared answered different versions of the set (against a team:
    whether my session answered another version than the installed one)."""


def _relative(item: Item, row: ItemRow) -> float:
    difference = row.difference
    if difference is None:
        return -1.0
    if item.kind is not Kind.NUMBER:
        return difference / 100
    largest = max(abs(v) for v in row.values if v is not None)
    return difference / largest if largest else 0.0


def _build(
    qset: QuestionSet,
    columns: Sequence[Column],
    measures: Sequence[Mapping[Measure, float]],
    items: Sequence[Mapping[str, float]],
    across_versions: bool,
) -> Comparison:
    rows = [
        MeasureRow(tuple(m.get(measure) for m in measures), measure)
        for measure in ordered_measures(qset, (k for m in measures for k in m))
    ]
    scores = [r for r in rows if r.measure.kind is MeasureKind.SCORE]
    by_item = [
        (item, ItemRow(tuple(i.get(item.id) for i in items), item.id))
        for item in compared_items(qset)
        if any(item.id in i for i in items)
    ]
    # sorted() is stable: rows of equal difference keep the set's order
    return Comparison(
        set_id=qset.id,
        columns=tuple(columns),
        dimensions=tuple(sorted(scores, key=_largest_first)),
        figures=tuple(r for r in rows if r.measure.kind is not MeasureKind.SCORE),
        items=tuple(row for _, row in sorted(by_item, key=lambda pair: -_relative(*pair))),
        across_versions=across_versions,
    )


def _largest_first(row: CompareRow) -> tuple[bool, float]:
    difference = row.difference
    return (difference is None, -(difference or 0.0))


def _session_column(r: Response) -> SessionColumn:
    return SessionColumn(
        r.session_id,
        r.completed_at,
        r.respondent_id,
        r.respondent_name,
        r.team_label,
        r.set_version,
    )


def _item_figures(
    r: Response, qset: QuestionSet, items: Sequence[Item] | None = None
) -> dict[str, float]:
    chosen = compared_items(qset) if items is None else items
    return {i.id: v for i in chosen if (v := item_answer(r, i)) is not None}


def _team_column(team: TeamRound) -> TeamColumn:
    return TeamColumn(team.team_label, team.round, team.respondents, team.k, team.hidden)


def _team_measures(team: TeamRound) -> dict[Measure, float]:
    if team.figures is None:
        return {}
    out = {m.measure: m.spread.median for m in team.figures.measures if m.spread is not None}
    if team.figures.enps is not None and team.figures.enps.score is not None:
        out[TEAM_ENPS] = team.figures.enps.score
    return out


def _team_items(team: TeamRound) -> dict[str, float]:
    figures = team.figures
    return (
        {}
        if figures is None
        else {i.item: i.spread.median for i in figures.items if i.spread is not None}
    )


def _check_set(qset: QuestionSet, set_ids: Sequence[str]) -> None:
    other = next((s for s in set_ids if s != qset.id), None)
    if other is not None:
        raise ValueError(f"only sessions of one set can be compared: '{qset.id}' and '{other}'")


def compare_sessions(responses: Sequence[Response], qset: QuestionSet) -> Comparison:
    """Two or more sessions of ``qset`` side by side, oldest first (me now against me then,
    or the sessions a lead holds)."""
    if len(responses) < 2:
        raise ValueError("a comparison needs at least two sessions")
    _check_set(qset, [r.set_id for r in responses])
    ordered = sorted(responses, key=lambda r: (r.completed_at, r.session_id))
    return _build(
        qset,
        [_session_column(r) for r in ordered],
        [measures_of(r.results) for r in ordered],
        [_item_figures(r, qset) for r in ordered],
        across_versions=any(not same_version(ordered[0], r) for r in ordered[1:]),
    )


def compare_with_team(mine: Response, team: TeamRound, qset: QuestionSet) -> Comparison:
    """Me against my team's medians (the team first, so a row's delta is how far I am above
    or below it). The team's column is empty when it has fewer than k respondents."""
    _check_set(qset, [mine.set_id, team.set_id])
    return _build(
        qset,
        [_team_column(team), _session_column(mine)],
        [_team_measures(team), team_measures_of(qset, mine.results)],
        [_team_items(team), _item_figures(mine, qset, team_items(qset))],
        across_versions=answered_with_another_version(mine.set_version, mine.set_hash, qset),
    )


def compare_teams(teams: Sequence[TeamRound], qset: QuestionSet) -> Comparison:
    """Two or more teams' rounds side by side, by their aggregates only (each hidden below its
    k)."""
    if len(teams) < 2:
        raise ValueError("a comparison needs at least two teams")
    _check_set(qset, [t.set_id for t in teams])
    return _build(
        qset,
        [_team_column(t) for t in teams],
        [_team_measures(t) for t in teams],
        [_team_items(t) for t in teams],
        across_versions=False,
    )
