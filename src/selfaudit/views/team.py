"""The content of the team view of one round.

Only what :mod:`selfaudit.core.team` lets through is here: counts and statistics of at least k
people, never a row per person. Below k the view holds the count and one sentence saying why.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from selfaudit.core.model import Item, Kind, QuestionSet
from selfaudit.core.responses import ANNUAL_COST, MeasureKind
from selfaudit.core.stats import Spread
from selfaudit.core.team import ItemAggregate, LevelAggregate, TeamFigures, TeamRound
from selfaudit.core.text import visible
from selfaudit.i18n import fmt_number, fmt_percent, t
from selfaudit.views.content import EMPTY, Cell, Row, Table
from selfaudit.views.figures import Writer, measure_label


def private_note(lang: str) -> str:
    """That a session file is one person's answers, and what a team view is for."""
    return t(lang, "team.private")


@dataclass(frozen=True)
class TeamView:
    """What the team screen and ``selfaudit team`` show for one round."""

    title: str
    respondents: Cell
    """"6 people answered in this round": always shown."""
    participation: Cell | None
    """"6 of 8 took part (75%)", when a team size is known; the value is the share."""
    hidden: str
    """Why nothing more is shown (fewer than k), one sentence; empty when the figures are."""
    scores: Table
    """Per dimension: median, middle half (first to third quartile), lowest-highest, answered."""
    figures: Table
    """The same for the eNPS answer, the level reached, the annual cost and ``number`` items."""
    enps: Cell | None
    """Team eNPS with its three counts (the value is the eNPS); ``None`` when the set has none
    or the round is hidden."""
    levels: Table | None
    """For a ``levels`` set: how many reached each level."""
    levels_note: str
    """Whether the team's answers follow the order of the levels (Guttman's 0.90 rule)."""
    items: tuple[Table, ...]
    """Per question, how many gave each answer."""
    talking_points: Table
    """The questions the team answered most differently, to talk about, with the middle half
    of their answers."""
    notes: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """Everything above, with raw figures beside the text."""
        return {
            "title": self.title,
            "respondents": self.respondents.to_json(),
            "participation": self.participation.to_json() if self.participation else None,
            "hidden": self.hidden,
            "scores": self.scores.to_json(),
            "figures": self.figures.to_json(),
            "enps": self.enps.to_json() if self.enps else None,
            "levels": self.levels.to_json() if self.levels else None,
            "levels_note": self.levels_note,
            "items": [i.to_json() for i in self.items],
            "talking_points": self.talking_points.to_json(),
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class _Writer:
    """Writes one team's statistics in one language."""

    qset: QuestionSet
    k: int
    write: Writer

    @property
    def lang(self) -> str:
        return self.write.lang

    def count(self, n: int) -> Cell:
        return Cell(self.write.number(n), n)

    def hidden_row(self, answered: int, cells: int) -> Row:
        """A row for a figure fewer than k answered: says so, and how many did."""
        label = t(self.lang, "team.row-hidden", k=self.k)
        return Row("hidden", label, (*([EMPTY] * cells), self.count(answered)))

    def headers(self) -> tuple[str, ...]:
        names = ("team.median", "team.middle-half", "team.range", "team.answered")
        return ("", *(t(self.lang, n) for n in names))

    def figure(self, value: float, item: Item | None, money: bool) -> Cell:
        if item is not None:
            return self.write.item(self.qset, item, value, group=True)
        if money:
            return self.write.measure(ANNUAL_COST, value, group=True)
        return Cell(self.write.number(value, group=True), value)

    def spread_row(
        self,
        key: str,
        label: str,
        answered: int,
        found: Spread | None,
        *,
        item: Item | None = None,
        money: bool = False,
    ) -> Row:
        """Median, middle half, lowest-highest and how many answered."""
        if found is None:
            hidden = self.hidden_row(answered, 3)
            return Row(key, f"{label} ({hidden.label})", hidden.cells)

        def between(low: float, high: float, size: float) -> Cell:
            text = f"{self.figure(low, item, money).text}–{self.figure(high, item, money).text}"
            return Cell(text, size)

        return Row(
            key,
            label,
            (
                self.figure(found.median, item, money),
                between(found.q1, found.q3, found.iqr),
                between(found.minimum, found.maximum, found.range),
                self.count(answered),
            ),
        )

    def option_label(self, item: Item, option: str) -> str:
        if item.kind is Kind.LIKERT5 and len(item.labels) == 5:
            return f"{option} {self.qset.t(item.labels[int(option) - 1], self.lang)}"
        if item.kind is Kind.YESNO:
            return t(self.lang, f"answer.{option}")
        found = item.option(option)
        return self.qset.t(found.label, self.lang) if found else option

    def distribution(self, item: Item, found: ItemAggregate) -> Table:
        """How many gave each answer to one question."""
        headers = (t(self.lang, "team.answer"), t(self.lang, "team.people"))
        rows = tuple(
            Row(c.option, self.option_label(item, c.option), (self.count(c.count),))
            for c in found.counts
        )
        if found.spread is None:
            rows = (self.hidden_row(found.answered, 0),)
        return Table(self.qset.t(item.text, self.lang), headers, rows)

    def levels(self, levels: LevelAggregate) -> tuple[Table, str]:
        """How many reached each level, and whether the answers follow the levels' order."""
        rows = [
            Row(
                str(level),
                t(self.lang, "team.level-row", level=level)
                if level
                else t(self.lang, "team.level-zero"),
                (self.count(n),),
            )
            for level, n in enumerate(levels.reached)
        ]
        if not levels.reached:
            rows = [self.hidden_row(levels.answered, 0)]
        headers = (t(self.lang, "team.level"), t(self.lang, "team.people"))
        table = Table(t(self.lang, "team.levels"), headers, tuple(rows))
        if levels.reproducibility is None:
            return table, t(self.lang, "team.levels.too-few", k=self.k)
        cr = fmt_number(levels.reproducibility, self.lang, 2)
        key = "team.levels.consistent" if levels.consistent else "team.levels.inconsistent"
        return table, t(self.lang, key, cr=cr)

    def enps(self, found: TeamFigures) -> Cell | None:
        """Team eNPS and its counts; that fewer than k answered; ``None`` without an eNPS."""
        if not self.qset.enps_item:
            return None
        e = found.enps
        if e is None or e.score is None:
            return Cell(t(self.lang, "team.enps-hidden", k=self.k))
        text = t(
            self.lang,
            "team.enps",
            score=self.write.number(e.score, group=True),
            promoters=e.promoters,
            passives=e.passives,
            detractors=e.detractors,
            answered=e.answered,
        )
        return Cell(text, e.score)

    def talking_points(self, found: TeamFigures) -> Table:
        """The widest-spread questions, each with the middle half of its answers (0-100)."""
        rows = []
        for item_id in found.talking_points:
            item, aggregate = self.qset.item(item_id), found.item(item_id)
            if item is None or aggregate is None or aggregate.spread is None:
                continue
            s = aggregate.spread
            low, high = (self.write.number(v, group=True) for v in (s.q1, s.q3))
            label = self.qset.t(item.text, self.lang)
            rows.append(Row(item_id, label, (Cell(f"{low}–{high}", s.iqr),)))
        headers = (t(self.lang, "view.question"), t(self.lang, "team.middle-half"))
        return Table(t(self.lang, "team.talking"), headers, tuple(rows))


def _participation(team: TeamRound, lang: str) -> Cell | None:
    if team.participation is None:
        return None
    pct = fmt_percent(team.participation * 100, lang)
    text = t(lang, "team.participation", count=team.respondents, size=team.team_size, pct=pct)
    return Cell(text, team.participation)


def team_view(team: TeamRound, qset: QuestionSet, lang: str, currency: str = "EUR") -> TeamView:
    """The view of one team's round of ``qset``."""
    w = _Writer(qset, team.k, Writer(lang, currency))
    title = t(
        lang,
        "team.title",
        team=visible(team.team_label),
        title=qset.t(qset.title, lang),
        round=team.round.label,
    )
    respondents = Cell(t(lang, "team.respondents", count=team.respondents), team.respondents)
    found = team.figures
    scores: list[Row] = []
    others: list[Row] = []
    distributions: list[Table] = []
    for m in found.measures if found else ():
        label = measure_label(m.measure, qset, lang)
        money = m.measure.kind is MeasureKind.ANNUAL_COST
        row = w.spread_row(m.measure.key, label, m.answered, m.spread, money=money)
        (scores if m.measure.kind is MeasureKind.SCORE else others).append(row)
    for aggregate in found.items if found else ():
        item = qset.item(aggregate.item)
        if item is None:
            continue
        if item.kind is Kind.NUMBER:
            label = qset.t(item.text, lang)
            spread = aggregate.spread
            others.append(w.spread_row(item.id, label, aggregate.answered, spread, item=item))
        else:
            distributions.append(w.distribution(item, aggregate))
    levels, levels_note = w.levels(found.levels) if found and found.levels else (None, "")
    return TeamView(
        title=title,
        respondents=respondents,
        participation=_participation(team, lang),
        hidden="" if found else t(lang, "team.hidden", k=team.k),
        scores=Table(t(lang, "team.scores"), w.headers(), tuple(scores)),
        figures=Table(t(lang, "team.figures"), w.headers(), tuple(others)),
        enps=w.enps(found) if found else None,
        levels=levels,
        levels_note=levels_note,
        items=tuple(distributions),
        talking_points=w.talking_points(found) if found else Table("", (), ()),
        notes=(private_note(lang),),
    )
