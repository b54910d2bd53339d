"""Textual's command palette in the user's language.

Textual writes "No matches found" itself, in English, from a private method; this subclass
repeats that method with the catalog's sentence. Textual is pinned below 9 in pyproject.toml,
and a test searches for nonsense in Dutch so a change upstream shows at once.
"""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from selfaudit.i18n import t


class TranslatedCommandPalette(CommandPalette):
    """The command palette, with its placeholder and "no matches" line translated."""

    def __init__(self, lang: str) -> None:
        super().__init__(placeholder=t(lang, "palette.placeholder"), id="--command-palette")
        self.lang = lang
        """The interface language when the palette opened."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if not search_value:  # discovery mode: nothing to say
                self._list_visible = False
                return
            self.query_one(CommandList).add_option(
                Option(
                    Align.center(Text(t(self.lang, "palette.no-matches"), style="not bold")),
                    disabled=True,
                    id=self._NO_MATCHES,
                )
            )
            self._list_visible = True

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
