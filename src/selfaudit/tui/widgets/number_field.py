"""A number question's field: unit, default and its source, and the error right beside it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from selfaudit.core.model import Item, QuestionSet
from selfaudit.i18n import fmt_amount, fmt_plain, t
from selfaudit.tui.validators import AnswerValidator
from selfaudit.tui.widgets.ordered_input import OrderedInput


def unit_text(qset: QuestionSet, item: Item, lang: str, currency: str) -> str:
    """The unit shown after the field: the currency code, ``%``, or the set's own text."""
    if item.unit == "currency":
        return currency
    if item.unit == "percent":
        return "%"
    if isinstance(item.unit, str):
        return item.unit
    return qset.t(item.unit, lang)


class NumberField(Vertical):
    """A text input (decimal comma welcome) with unit, default line and an error line."""

    DEFAULT_CSS = """
    NumberField { height: auto; }
    NumberField > Horizontal { height: auto; }
    NumberField Input { width: 24; }
    NumberField .unit { width: auto; padding: 1 1; }
    NumberField .default { color: $text-muted; }
    NumberField .error { color: $text-error; text-style: bold; }
    """
    """Self-contained: the field, its unit beside it, two lines under it."""

    def __init__(self, qset: QuestionSet, item: Item, value: str, lang: str, currency: str) -> None:
        super().__init__()
        self.qset = qset
        self.item = item
        self.value = value
        self.lang = lang
        self.currency = currency

    def compose(self) -> ComposeResult:
        item = self.item
        placeholder = fmt_plain(item.default, self.lang) if item.default is not None else ""
        with Horizontal():
            yield OrderedInput(
                self.value,
                placeholder=placeholder,
                validators=[AnswerValidator(item, self.lang)],
                validate_on=["submitted"],
                id="answer-input",
            )
            yield Static(
                unit_text(self.qset, item, self.lang, self.currency), classes="unit", markup=False
            )
        yield Static("", id="answer-error", classes="error", markup=False)
        yield Static(self._default_line(), classes="default", markup=False)

    def _default_line(self) -> str:
        item, lang = self.item, self.lang
        low, high = fmt_amount(item.minimum or 0, lang), fmt_amount(item.maximum or 0, lang)
        line = t(lang, "number.range", low=low, high=high)
        if item.default is None:
            return line + " " + t(lang, "number.no-default")
        source = self.qset.source(item.default_source)
        cite = item.default_source if source is None else self.qset.cite(source, lang)
        unit = unit_text(self.qset, item, lang, self.currency)
        return (
            line
            + " "
            + t(
                lang, "number.default", value=fmt_amount(item.default, lang), unit=unit, source=cite
            )
        )
