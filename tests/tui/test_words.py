"""The app's words: counts in singular and plural, in English and in Dutch."""

from __future__ import annotations

from typing import Any

import pytest
from textual.command import CommandPalette
from textual.widgets import Select
from textual.widgets._footer import FooterKey
from textual.widgets._select import SelectOverlay

from selfaudit.questionnaires import load_catalog
from selfaudit.settings import THEMES, load_settings
from tests.tui.conftest import (
    draft_at_results,
    home_loaded,
    make_app,
    open_first_draft,
    open_set_from_home,
    palette_text,
    prepared_draft,
    wait_for,
)
from tests.tui.test_complete_sets import screen_text


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [
        ("en", "1 question skipped", "2 questions skipped"),
        ("nl", "1 vraag overgeslagen", "2 vragen overgeslagen"),
    ],
)
async def test_results_count_skipped_questions_in_words(lang: str, one: str, two: str) -> None:
    qset = load_catalog().sets["choose-us"]
    skipped = {"choose_again", "stay_year", "stay_leaving"}  # one of "choose", two of "stay"
    answers = {i.id: 4 for i in qset.items if i.kind.value == "likert5" and i.id not in skipped}
    draft_at_results(answers)
    app = make_app(language=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot)
        shown = screen_text(app)
    assert one in shown and two in shown
    assert "(s)" not in shown and "/vragen" not in shown


def _levels_at_results(first_level: int) -> None:
    """A competency-level draft on its results: level 1 answered ``first_level``, the rest 4."""
    qset = load_catalog().sets["competency-level"]
    answers = {i.id: first_level if i.id.startswith("l1_") else 4 for i in qset.items}
    prepared_draft(qset.id, answers, len(qset.items))


@pytest.mark.parametrize(
    ("lang", "first_level", "expected"),
    [
        ("en", 4, "Your answers follow the order of the levels: every level you meet rests"),
        ("en", 2, "You meet levels 2, 3, 4 and 5 but not level 1 below them. The levels build"),
        ("nl", 4, "Je antwoorden volgen de volgorde van de niveaus: elk niveau dat je haalt"),
        ("nl", 2, "Je haalt de niveaus 2, 3, 4 en 5, maar niet niveau 1 daaronder. De niveaus"),
    ],
)
async def test_level_results_say_in_words_whether_the_levels_build_up(
    lang: str, first_level: int, expected: str
) -> None:
    _levels_at_results(first_level)
    app = make_app(language=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot)
        shown = screen_text(app)
    assert expected in shown
    assert "Guttman" not in shown and "CR" not in shown and "0.90" not in shown


def footer_labels(app: Any) -> list[str]:
    """The labels the footer shows on the current screen."""
    return [key.description for key in app.screen.query(FooterKey).results(FooterKey)]


async def test_the_dutch_footer_says_geschiedenis_and_overzicht() -> None:
    app = make_app(language="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        assert "Geschiedenis" in footer_labels(app)
        await open_set_from_home(pilot, "choose-us")
        await pilot.pause()
        labels = footer_labels(app)
    assert "Overzicht" in labels and "Start" not in labels


async def test_settings_name_the_themes_and_keep_the_textual_id() -> None:
    app: Any = make_app(language="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        await pilot.press("s")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "SettingsScreen")
        themes = app.screen.query_one("#theme", Select)
        themes.focus()
        await pilot.press("enter")  # open the list of themes
        overlay = themes.query_one(SelectOverlay)
        await wait_for(pilot, lambda: overlay.option_count > 0)
        shown = [str(overlay.get_option_at_index(i).prompt) for i in range(overlay.option_count)]
        assert shown[:2] == ["Donker", "Donker grijsblauw"] and "Licht" in shown
        assert not set(shown) & set(THEMES), shown  # names, never Textual's ids
        await pilot.press(*["down"] * shown.index("Licht"), "enter")
        await wait_for(pilot, lambda: app.theme == "textual-light")  # a preview at once
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HomeScreen")
    assert load_settings()[0].theme == "textual-light"


async def test_the_palette_names_the_themes() -> None:
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: CommandPalette.is_open(app))
        await pilot.press(*"theme")
        await wait_for(pilot, lambda: "Theme: Solarized light" in palette_text(app))
        listed = palette_text(app)
        assert "Theme: Dark" in listed and "Theme: Light pastel" in listed
        assert "textual-" not in listed and "gruvbox" not in listed
