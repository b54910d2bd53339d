"""A list of things to tick, marked ``[x]`` / ``[ ]`` in text so it works without colour."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from selfaudit.core.text import visible
from selfaudit.tui.widgets.ordered_option_list import OrderedOptionList


class Checklist(OrderedOptionList):
    """Enter, space or a click ticks or unticks the highlighted entry.

    Its keys act in the order typed (see :class:`OrderedOptionList`): a tick typed just before
    Ctrl+S is in what is saved.
    """

    DEFAULT_CSS = """
    Checklist { height: auto; max-height: 16; }
    """
    """Grows with its entries, then scrolls."""

    BINDINGS = [Binding("space", "select", "Tick", priority=True)]

    def __init__(self, entries: list[str], checked: set[int] | None = None, **kwargs: str) -> None:
        self.entries = list(entries)
        """The texts, in display order."""
        self.checked = set(checked or ())
        """Indexes of the ticked entries."""
        super().__init__(*(self._option(i) for i in range(len(self.entries))), **kwargs)  # type: ignore[arg-type]

    def _option(self, index: int) -> Option:
        mark = "[x] " if index in self.checked else "[ ] "
        text = Text(mark, style="bold")
        text.append(visible(self.entries[index]))
        return Option(text, id=f"e{index}")

    @property
    def ticked(self) -> list[str]:
        """The ticked texts, in display order."""
        return [e for i, e in enumerate(self.entries) if i in self.checked]

    def add_entry(self, text: str) -> None:
        """Add a new entry, ticked, and put the cursor on it."""
        self.entries.append(text)
        self.checked.add(len(self.entries) - 1)
        self.add_option(self._option(len(self.entries) - 1))
        self.highlighted = len(self.entries) - 1

    @on(OptionList.OptionSelected)
    def _toggle(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index
        self.checked ^= {index}
        option = self._option(index)
        self.replace_option_prompt_at_index(index, option.prompt)
        self.refresh()
