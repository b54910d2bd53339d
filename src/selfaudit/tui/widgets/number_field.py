"""A number question's field: unit, default and its source, and the error right beside it.

A number that reads two ways (``42.000``) is asked about next to the field; ↑ puts the reading
with thousands in the field, ↓ the one with decimals, and Enter confirms it as usual.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from selfaudit.core.model import Item, QuestionSet
from selfaudit.core.numbers import AmbiguousNumber, parse_number
from selfaudit.i18n import fmt_amount, fmt_plain, t
from selfaudit.i18n.sentences import unit_text
from selfaudit.tui.validators import AnswerValidator, reading_text
from selfaudit.tui.widgets.ordered_input import OrderedInput


class NumberInput(OrderedInput):
    """The field itself; while it holds a number that reads two ways, ↑ and ↓ pick one.

    The keys are the field's own bindings, so they run in the order they were typed, before an
    Enter that follows them (see :class:`OrderedInput`). Otherwise they do what they did.
    """

    BINDINGS = [
        Binding("up", "pick(False)", show=False),
        Binding("down", "pick(True)", show=False),
    ]

    def __init__(self, value: str, lang: str, **kwargs: Any) -> None:
        super().__init__(value, **kwargs)
        self.lang = lang

    def _doubt(self) -> AmbiguousNumber | None:
        """The two readings of what the field holds, if it reads two ways."""
        try:
            parse_number(self.value)
        except AmbiguousNumber as doubt:
            return doubt
        except ValueError:
            return None
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """↑ and ↓ pick a reading only when there is one to pick."""
        if action == "pick":
            return self._doubt() is not None
        return super().check_action(action, parameters)

    def action_pick(self, decimal: bool) -> None:
        """Put one reading in the field, written so it reads one way, and say Enter takes it."""
        doubt = self._doubt()
        if doubt is None:
            return
        value = doubt.decimal if decimal else doubt.thousands
        self.value = fmt_plain(value, self.lang)
        self.cursor_position = len(self.value)
        shown = reading_text(value, self.lang, decimal=decimal)
        error = self.query_ancestor(NumberField).query_one("#answer-error", Static)
        error.update(t(self.lang, "answer.picked", value=shown))


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
            yield NumberInput(
                self.value,
                self.lang,
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
