"""The same thing has the same name everywhere, and no name can be taken for another."""

from __future__ import annotations

import re
from pathlib import Path

import selfaudit
from selfaudit.i18n.en import MESSAGES as EN
from selfaudit.i18n.nl import MESSAGES as NL

HELP = Path(selfaudit.__file__).parent / "tui"


def test_dutch_has_one_word_for_history() -> None:
    assert NL["key.history"] == NL["cmd.history"] == "Geschiedenis"
    assert NL["history.title.other"].startswith("Geschiedenis: ")
    help_nl = (HELP / "help_nl.md").read_text(encoding="utf-8")
    assert "`h` de\ngeschiedenis" in help_nl
    for text in [*NL.values(), help_nl]:
        assert not re.search(r"historie", text, re.IGNORECASE), text


def test_the_dutch_home_key_cannot_be_taken_for_the_start_button() -> None:
    assert NL["key.home"] == NL["cmd.home"] == "Overzicht"
    words = set(NL["key.home"].lower().split())
    assert not words & {"start", "starten", "begin", "beginnen", NL["intro.start"].lower()}
    assert "startscherm" not in " ".join(NL.values()).lower()


def test_english_names_history_and_home_the_same_way_everywhere() -> None:
    assert EN["key.history"] == EN["cmd.history"] == "History"
    assert EN["history.title.other"].startswith("History: ")
    assert EN["key.home"] == EN["cmd.home"] == "Home"
