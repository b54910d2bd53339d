"""The content of compare: sessions or teams side by side, largest differences first."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from selfaudit.core.compare import (
    Column,
    CompareRow,
    Comparison,
    MeasureRow,
    SessionColumn,
    TeamColumn,
)
from selfaudit.core.model import QuestionSet
from selfaudit.core.responses import MeasureKind
from selfaudit.core.text import visible
from selfaudit.i18n import fmt_date, t
from selfaudit.views.content import Cell, Row, Table
from selfaudit.views.figures import Writer, measure_label


@dataclass(frozen=True)
class CompareView:
    """What the compare screen and ``selfaudit compare`` show."""

    title: str
    columns: tuple[str, ...]
    """A label per compared session or team, in the order of the cells."""
    dimensions: Table
    figures: Table
    items: Table
    notes: tuple[str, ...]
    """How to read it: what the difference column means, versions, whose answers these are."""
    hidden: str
    """What is not shown and why (teams below k), one sentence; empty when nothing is."""

    def to_json(self) -> dict[str, Any]:
        """Everything above, with raw figures beside the text."""
        return {
            "title": self.title,
            "columns": list(self.columns),
            "dimensions": self.dimensions.to_json(),
            "figures": self.figures.to_json(),
            "items": self.items.to_json(),
            "notes": list(self.notes),
            "hidden": self.hidden,
        }


def _column_label(column: Column, lang: str) -> str:
    if isinstance(column, SessionColumn):
        who = visible(column.respondent_name or column.respondent_id)
        return f"{fmt_date(column.completed_at, lang)} · {who}"
    team, rnd = visible(column.team_label), column.round.label
    if column.hidden is not None:
        return t(lang, "compare.team-hidden", team=team, round=rnd)
    return t(lang, "compare.team-column", count=column.respondents, team=team, round=rnd)


@dataclass(frozen=True)
class _Rows:
    """Writes the rows of one comparison."""

    qset: QuestionSet
    comparison: Comparison
    write: Writer

    def _cells(self, row: CompareRow, cells: list[Cell], money: bool) -> tuple[Cell, ...]:
        if len(row.values) == 2:
            return (*cells, self.write.change(row.delta, money=money))
        return (*cells, self.write.difference(row.difference, money=money))

    @property
    def _group(self) -> list[bool]:
        return [isinstance(c, TeamColumn) for c in self.comparison.columns]

    def measures(self, rows: Sequence[MeasureRow]) -> tuple[Row, ...]:
        out = []
        for row in rows:
            m = row.measure
            cells = [
                self.write.measure(m, v, group=g)
                for v, g in zip(row.values, self._group, strict=True)
            ]
            label = measure_label(m, self.qset, self.write.lang)
            money = m.kind is MeasureKind.ANNUAL_COST
            out.append(Row(m.key, label, self._cells(row, cells, money)))
        return tuple(out)

    def items(self) -> tuple[Row, ...]:
        out = []
        for row in self.comparison.items:
            item = self.qset.item(row.item)
            if item is None:  # a set other than the compared one was passed
                continue
            cells = [
                self.write.item(self.qset, item, v, group=g)
                for v, g in zip(row.values, self._group, strict=True)
            ]
            label = self.qset.t(item.text, self.write.lang)
            out.append(Row(item.id, label, self._cells(row, cells, item.unit == "currency")))
        return tuple(out)


def _notes(comparison: Comparison, lang: str) -> tuple[str, ...]:
    columns = comparison.columns
    notes = []
    if len(columns) == 2 and isinstance(columns[0], TeamColumn):
        if isinstance(columns[1], SessionColumn):
            notes.append(t(lang, "compare.against-team"))
    elif len(columns) == 2:
        notes.append(t(lang, "compare.two"))
    else:
        notes.append(t(lang, "compare.many"))
    if comparison.across_versions:
        notes.append(t(lang, "compare.across-versions"))
    if sum(isinstance(c, SessionColumn) for c in columns) >= 2:
        notes.append(t(lang, "compare.private"))
    return tuple(notes)


def _hidden(columns: Sequence[Column], lang: str) -> str:
    hidden = [c for c in columns if isinstance(c, TeamColumn) and c.hidden is not None]
    if not hidden:
        return ""
    teams = ", ".join(f"{visible(c.team_label)} {c.round.label}" for c in hidden)
    return t(lang, "compare.hidden", teams=teams, k=min(c.k for c in hidden))


def compare_view(
    comparison: Comparison, qset: QuestionSet, lang: str, currency: str = "EUR"
) -> CompareView:
    """The view of ``comparison`` of sessions or teams of ``qset``. With two columns the last
    column is the change from the first to the second (an arrow and its size); with more, the
    difference between the largest and the smallest figure."""
    columns = comparison.columns
    rows = _Rows(qset, comparison, Writer(lang, currency))
    last = t(lang, "view.change") if len(columns) == 2 else t(lang, "view.difference")
    labels = tuple(_column_label(c, lang) for c in columns)
    headers = ("", *labels, last)
    return CompareView(
        title=t(lang, "compare.title", title=qset.t(qset.title, lang)),
        columns=labels,
        dimensions=Table(
            t(lang, "compare.dimensions"), headers, rows.measures(comparison.dimensions)
        ),
        figures=Table(t(lang, "compare.figures"), headers, rows.measures(comparison.figures)),
        items=Table(
            t(lang, "compare.items"), (t(lang, "view.question"), *headers[1:]), rows.items()
        ),
        notes=_notes(comparison, lang),
        hidden=_hidden(columns, lang),
    )
