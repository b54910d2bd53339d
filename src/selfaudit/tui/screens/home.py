"""The home screen: the available question sets."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList
from textual.widgets.option_list import Option

from selfaudit.core.text import pick
from selfaudit.questionnaires import Catalog


class HomeScreen(Screen[None]):
    """Lists every set with one line on what it tells you."""

    def __init__(self, catalog: Catalog, lang: str = "en") -> None:
        super().__init__()
        self.catalog = catalog
        self.lang = lang

    def compose(self) -> ComposeResult:
        yield Header()
        options = []
        for qset in self.catalog.sets.values():
            label = Text(pick(qset.title, self.lang), style="bold")
            label.append("\n")
            label.append(pick(qset.summary, self.lang), style="dim")
            options.append(Option(label, id=qset.id))
        yield OptionList(*options, id="set-list")
        yield Footer()
