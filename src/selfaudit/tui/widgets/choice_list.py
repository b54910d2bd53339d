"""The answer options of one question, marked in text so they work without colour."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from selfaudit.core.answers import Answer
from selfaudit.core.model import Item, Kind, QuestionSet
from selfaudit.i18n import t


@dataclass(frozen=True)
class Choice:
    """One answer the user can pick."""

    value: Answer
    label: str
    key: str
    """The digit(s) that pick it, shown in front of the label."""


def choices_for(qset: QuestionSet, item: Item, lang: str) -> list[Choice]:
    """The options of a likert5, scale10, yesno or choice item, with the digits that pick them."""
    if item.kind is Kind.LIKERT5:
        return [
            Choice(i + 1, qset.t(label, lang), str(i + 1)) for i, label in enumerate(item.labels)
        ]
    if item.kind is Kind.SCALE10:
        out = []
        for value in range(11):
            label = ""
            if value == 0 and item.low:
                label = qset.t(item.low, lang)
            if value == 10 and item.high:
                label = qset.t(item.high, lang)
            out.append(Choice(value, label, str(value)))
        return out
    if item.kind is Kind.YESNO:
        return [Choice(True, t(lang, "answer.yes"), "1"), Choice(False, t(lang, "answer.no"), "2")]
    return [
        Choice(option.id, qset.t(option.label, lang), str(i + 1) if i < 9 else "")
        for i, option in enumerate(item.options)
    ]


class ChoiceList(OptionList):
    """An option list that shows ``›`` at the cursor and ``(●)`` at the chosen answer.

    Under NO_COLOR the highlight is only a shade, so both states are also spelled out in text.
    """

    DEFAULT_CSS = """
    ChoiceList { height: auto; max-height: 100%; }
    """
    """Grow with the options; scroll only when the screen is too small."""

    def __init__(
        self,
        choices: list[Choice],
        chosen: Answer | None,
        *,
        id: str | None = None,  # noqa: A002 - Textual's name
    ) -> None:
        self.choices = choices
        """The options, in display order."""
        self.chosen = chosen
        """The saved answer, if any."""
        super().__init__(
            *(Option(self._prompt(i, False), id=f"c{i}") for i in range(len(choices))), id=id
        )

    def _prompt(self, index: int, at_cursor: bool) -> Text:
        choice = self.choices[index]
        chosen = (
            self.chosen is not None
            and choice.value == self.chosen
            and (type(choice.value) is type(self.chosen))
        )
        text = Text("› " if at_cursor else "  ", style="bold")
        text.append("(●) " if chosen else "( ) ", style="bold" if chosen else "")
        text.append(f"{choice.key:>2}  ", style="dim")
        text.append(choice.label, style="bold" if chosen else "")
        return text

    def index_of(self, value: Answer | None) -> int | None:
        """The position of an answer in the list."""
        for index, choice in enumerate(self.choices):
            if choice.value == value and type(choice.value) is type(value):
                return index
        return None

    def set_chosen(self, value: Answer | None) -> None:
        """Mark ``value`` as the saved answer and put the cursor on it."""
        self.chosen = value
        index = self.index_of(value)
        if index is not None:
            self.highlighted = index
        self.redraw()

    def redraw(self) -> None:
        """Refresh the text markers."""
        for index in range(len(self.choices)):
            self.replace_option_prompt_at_index(
                index, self._prompt(index, index == self.highlighted)
            )
        self.refresh()

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if self.choices:
            self.redraw()
