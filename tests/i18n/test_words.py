"""The same thing has the same name everywhere, and no name can be taken for another."""

from __future__ import annotations

import re
from pathlib import Path

import selfaudit
from selfaudit.i18n import LANGUAGES, theme_name
from selfaudit.i18n.en import MESSAGES as EN
from selfaudit.i18n.nl import MESSAGES as NL
from selfaudit.settings import THEMES

HELP = Path(selfaudit.__file__).parent / "tui"


def test_dutch_has_one_word_for_history() -> None:
    assert NL["key.history"] == NL["cmd.history"] == "Geschiedenis"
    assert NL["history.title.other"].startswith("Geschiedenis: ")
    help_nl = (HELP / "help_nl.md").read_text(encoding="utf-8")
    assert "`h` de\ngeschiedenis" in help_nl and "## history\nDe geschiedenis: " in help_nl
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


def test_every_offered_theme_has_a_name_in_both_languages() -> None:
    for lang in LANGUAGES:
        names = [theme_name(theme, lang) for theme in THEMES]
        assert len(set(names)) == len(THEMES), names
        for theme, name in zip(THEMES, names, strict=True):
            assert name != theme and name[0].isupper(), (lang, theme, name)
            assert not {"textual", "ansi", "nord", "gruvbox"} & set(name.lower().split())
    assert theme_name("textual-dark", "en") == "Dark"
    assert theme_name("textual-light", "nl") == "Licht"
    assert theme_name("solarized-light", "en") == "Solarized light"


def test_a_theme_the_catalog_does_not_name_is_shown_by_its_id() -> None:
    assert theme_name("dracula", "nl") == "dracula"  # set by hand in settings.toml
