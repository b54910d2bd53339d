"""How the views write a figure: the names of measures, their values, and changes with an arrow.

Decimals: one person's scores, answers and levels are whole numbers, as on the results screen;
a group's statistics and every change or difference keep one decimal where it is not whole
(a median of 62.5), two where one would show a change as 0. Money is in whole units.
"""

from __future__ import annotations

from dataclasses import dataclass

from selfaudit.core.model import Item, Kind, QuestionSet
from selfaudit.core.responses import Measure, MeasureKind
from selfaudit.core.stats import Delta, Direction
from selfaudit.i18n import fmt_money, fmt_number, t
from selfaudit.i18n.formatting import round_half_up
from selfaudit.i18n.sentences import amount_text
from selfaudit.views.content import EMPTY, Cell

ARROWS = {Direction.UP: "↑", Direction.DOWN: "↓", Direction.SAME: "→"}


def measure_label(measure: Measure, qset: QuestionSet | None, lang: str) -> str:
    """A dimension's title (its id when the installed set no longer has it), or the name of a
    headline measure."""
    if measure.kind is MeasureKind.SCORE:
        dimension = qset.dimension(measure.dimension) if qset else None
        return qset.t(dimension.title, lang) if qset and dimension else measure.dimension
    return t(lang, f"measure.{measure.kind.value}")


def _decimals(value: float) -> int:
    """0 when ``value`` is whole at one decimal, else 1; 2 when fewer would show it as 0."""
    whole, tenths = round_half_up(value, 0), round_half_up(value, 1)
    if whole == tenths and (whole != 0 or value == 0):
        return 0
    return 1 if tenths != 0 else 2


@dataclass(frozen=True)
class Writer:
    """Writes figures in one language and currency."""

    lang: str
    currency: str = "EUR"

    def number(self, value: float, *, group: bool = False) -> str:
        """A plain figure: whole for one person, with the decimals it needs for a group."""
        return fmt_number(value, self.lang, _decimals(value) if group else 0)

    def measure(self, measure: Measure, value: float | None, *, group: bool = False) -> Cell:
        """A measure's figure (money for the annual cost)."""
        if value is None:
            return EMPTY
        if measure.kind is MeasureKind.ANNUAL_COST:
            return Cell(fmt_money(value, self.lang, self.currency), value)
        return Cell(self.number(value, group=group), value)

    def item(self, qset: QuestionSet, item: Item, value: float | None, *, group: bool) -> Cell:
        """An item's figure: its 0-100 score, or a ``number`` answer with its unit."""
        if value is None:
            return EMPTY
        if item.kind is Kind.NUMBER:
            return Cell(amount_text(qset, item, value, self.lang, self.currency), value)
        return Cell(self.number(value, group=group), value)

    def size(self, size: float, *, money: bool = False) -> str:
        """How big a change or difference is, whichever way."""
        if money:
            return fmt_money(size, self.lang, self.currency)
        return fmt_number(size, self.lang, _decimals(size))

    def change(self, change: Delta | None, *, money: bool = False) -> Cell:
        """``↑ 12.5``, ``↓ 3``, ``→ 0``; the cell's value is the signed change."""
        if change is None:
            return EMPTY
        text = f"{ARROWS[change.direction]} {self.size(change.size, money=money)}"
        return Cell(text, change.change)

    def difference(self, difference: float | None, *, money: bool = False) -> Cell:
        """A difference between more than two figures (largest minus smallest), no arrow."""
        if difference is None:
            return EMPTY
        return Cell(self.size(difference, money=money), difference)
