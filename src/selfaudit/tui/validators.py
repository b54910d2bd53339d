"""Input validators built on the core's answer rules (decimal commas included)."""

from __future__ import annotations

from textual.validation import ValidationResult, Validator

from selfaudit.core.answers import check_answer
from selfaudit.core.model import Item
from selfaudit.core.numbers import AmbiguousNumber
from selfaudit.i18n import fmt_amount, fmt_number, fmt_plain, t


def reading_text(value: float, lang: str, *, decimal: bool) -> str:
    """One reading of an ambiguous number, written so it cannot be read the other way: grouped
    (``42,000``), or as a decimal with at least one decimal (``42.0``, ``1.25``)."""
    if decimal and float(value).is_integer():
        return fmt_number(value, lang, 1)
    return fmt_amount(value, lang)


def doubt_message(doubt: AmbiguousNumber, lang: str) -> str:
    """Which of the two readings was meant, the keys that pick one and how to type each."""
    return t(
        lang,
        "answer.ambiguous",
        thousands=reading_text(doubt.thousands, lang, decimal=False),
        decimal=reading_text(doubt.decimal, lang, decimal=True),
        thousands_typed=fmt_plain(doubt.thousands, lang),
        decimal_typed=fmt_plain(doubt.decimal, lang),
    )


class AnswerValidator(Validator):
    """Accepts what :func:`selfaudit.core.answers.check_answer` accepts; empty means "skip".

    The message is the interface's own sentence in the user's language, with the allowed range.
    """

    def __init__(self, item: Item, lang: str) -> None:
        super().__init__()
        self.item = item
        self.lang = lang

    def validate(self, value: str) -> ValidationResult:
        """Check one typed value."""
        if not value.strip():
            if self.item.required:
                return self.failure(t(self.lang, "answer.required"))
            return self.success()
        try:
            check_answer(self.item, value)
        except AmbiguousNumber as doubt:
            return self.failure(doubt_message(doubt, self.lang))
        except ValueError:
            return self.failure(self.message())
        return self.success()

    def message(self) -> str:
        """What to type instead, e.g. "Type a number from 0 to 150, such as 2,5"."""
        item = self.item
        if item.minimum is None or item.maximum is None:
            return t(self.lang, "answer.bad-text", count=item.max_length)
        low, high = fmt_amount(item.minimum, self.lang), fmt_amount(item.maximum, self.lang)
        key = "answer.bad-whole" if item.integer else "answer.bad-number"
        return t(self.lang, key, low=low, high=high)
