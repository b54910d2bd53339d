"""The content of the gap view: a team's rating of its own service beside its internal
customers' rating of it, largest gap first, with advice that speaks to the gap.

Only what :mod:`selfaudit.core.gap` lets through is here: per side a count, and medians of at
least k people.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from selfaudit.core.gap import NOTABLE, GapRow, TeamGap
from selfaudit.core.model import QuestionSet
from selfaudit.core.stats import Spread
from selfaudit.core.text import visible
from selfaudit.i18n import t
from selfaudit.views.content import EMPTY, Cell, Row, Table
from selfaudit.views.figures import Writer
from selfaudit.views.team import private_note


@dataclass(frozen=True)
class GapView:
    """What the gap screen and ``selfaudit gap`` show for one team and round."""

    title: str
    own: Cell
    """"6 members of the team answered": always shown."""
    customers: Cell
    """"5 people of other teams rated the team": always shown."""
    hidden: tuple[str, ...]
    """Per side with fewer than k people, one sentence saying why its figures are not shown."""
    dimensions: Table
    """Per dimension: the team's median, its internal customers' median, the gap."""
    items: Table
    """The same per mirrored pair of questions (the question as the team is asked it)."""
    advice: tuple[str, ...]
    """For each notable gap, largest first, what to do about it."""
    notes: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """Everything above, with raw figures beside the text."""
        return {
            "title": self.title,
            "own": self.own.to_json(),
            "customers": self.customers.to_json(),
            "hidden": list(self.hidden),
            "dimensions": self.dimensions.to_json(),
            "items": self.items.to_json(),
            "advice": list(self.advice),
            "notes": list(self.notes),
        }


def _gap_cell(w: Writer, gap: float | None) -> Cell:
    if gap is None:
        return EMPTY
    sign = "+" if gap > 0 else "−" if gap < 0 else ""
    return Cell(f"{sign}{w.size(abs(gap))}", gap)


def _median(w: Writer, found: Spread | None, answered: int, k: int) -> Cell:
    """A side's median; below k, how many answered and that it takes k."""
    if found is None:
        return Cell(t(w.lang, "gap.too-few", answered=answered, k=k)) if answered else EMPTY
    return Cell(w.number(found.median, group=True), found.median)


def _row(w: Writer, row: GapRow, label: str, k: int) -> Row:
    own = _median(w, row.own, row.own_answered, k)
    customers = _median(w, row.customers, row.customers_answered, k)
    return Row(row.key, label, (own, customers, _gap_cell(w, row.gap)))


def _advice(gap: TeamGap, qset: QuestionSet, lang: str) -> tuple[str, ...]:
    out = []
    for row in gap.dimensions:
        dim = qset.dimension(row.key)
        if row.gap is None or dim is None or abs(row.gap) < NOTABLE:
            continue
        title = qset.t(dim.title, lang)
        if row.gap < 0:
            text = qset.t(dim.gap, lang) if dim.gap else t(lang, "gap.lower", dimension=title)
        else:
            text = t(lang, "gap.higher", dimension=title)
        out.append(f"{title}: {text}")
    if not out and any(r.gap is not None for r in gap.dimensions):
        out.append(t(lang, "gap.close", points=Writer(lang).size(NOTABLE)))
    return tuple(out)


def gap_view(gap: TeamGap, qset: QuestionSet, lang: str) -> GapView:
    """The view of one team's gap in one round of ``qset``."""
    w = Writer(lang)
    headers = (t(lang, "gap.own"), t(lang, "gap.customers"), t(lang, "gap.gap"))
    dims = tuple(
        _row(w, row, qset.t(d.title, lang) if (d := qset.dimension(row.key)) else row.key, gap.k)
        for row in gap.dimensions
    )
    items = tuple(
        _row(w, row, qset.t(i.text, lang) if (i := qset.item(row.key)) else row.key, gap.k)
        for row in gap.items
    )
    hidden = []
    if gap.own_hidden is not None:
        hidden.append(t(lang, "gap.own-hidden", k=gap.k))
    if gap.customers_hidden is not None:
        hidden.append(t(lang, "gap.customers-hidden", k=gap.k))
    team = visible(gap.team_label)
    return GapView(
        title=t(
            lang, "gap.title", team=team, title=qset.t(qset.title, lang), round=gap.round.label
        ),
        own=Cell(t(lang, "gap.own-count", count=gap.own_respondents), gap.own_respondents),
        customers=Cell(
            t(lang, "gap.customer-count", count=gap.customer_respondents),
            gap.customer_respondents,
        ),
        hidden=tuple(hidden),
        dimensions=Table(t(lang, "gap.dimensions"), (t(lang, "gap.dimension"), *headers), dims),
        items=Table(t(lang, "gap.items"), (t(lang, "view.question"), *headers), items),
        advice=_advice(gap, qset, lang),
        notes=(t(lang, "gap.how"), private_note(lang)),
    )
