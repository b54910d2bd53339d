"""English and Dutch, switched while running, footer and palette included; remembered."""

from __future__ import annotations

from typing import Any

from textual.command import CommandPalette
from textual.widgets import Input, OptionList, Static

from selfaudit.core.model import QuestionSet
from selfaudit.settings import load_settings
from tests.tui.conftest import (
    answer_current,
    home_loaded,
    make_app,
    open_set_from_home,
    palette_text,
    wait_for,
)


def footer_labels(app: object) -> set[str]:
    """The descriptions of the bindings the footer shows."""
    return {b.description for _, b, _, _ in app.screen.active_bindings.values()}  # type: ignore[attr-defined]


async def test_switch_to_dutch_mid_question(catalog_sets: dict[str, QuestionSet]) -> None:
    qset = catalog_sets["choose-us"]
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        assert {"Settings", "Quit", "Help"} <= footer_labels(app)
        await pilot.press("l")
        await wait_for(pilot, lambda: app.lang == "nl")
        assert {"Instellingen", "Stop", "Hulp", "English"} <= footer_labels(app)
        assert "Vragenlijsten" in str(
            app.screen.query_one("#home-list", OptionList).get_option_at_index(0).prompt
        )
        await open_set_from_home(pilot, qset.id)
        await answer_current(pilot, qset)
        text = str(app.screen.query_one("#question-text", Static).render())
        assert text == qset.t(qset.items[1].text, "nl")
        where = f"Vraag 2 van {len(qset.items)}"  # 21 in choose-us 2.0.0
        assert where in str(app.screen.query_one("#where", Static).render())
        assert {"Terug", "Verder", "Notitie", "Waarom?"} <= footer_labels(app)
        # the palette speaks Dutch too, and switches back to English
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: CommandPalette.is_open(app))
        assert app.screen.query_one(Input).placeholder.startswith("Typ een opdracht")
        await pilot.press(*"xqzw")  # nothing matches: Textual's own line is in Dutch too
        await wait_for(pilot, lambda: "Geen opdracht gevonden" in palette_text(app))
        await pilot.press(*["backspace"] * 4)
        await pilot.press(*"Taal: English")
        await wait_for(pilot, lambda: "Taal: English" in palette_text(app, highlighted=True))
        await pilot.press("enter")
        await wait_for(
            pilot, lambda: app.lang == "en" and type(app.screen).__name__ == "QuestionScreen"
        )
        await wait_for(pilot, lambda: app.screen.shown_lang == "en")
        text = str(app.screen.query_one("#question-text", Static).render())
        assert text == qset.t(qset.items[1].text, "en")
    settings, warning = load_settings()
    assert settings.language == "en" and warning is None


async def test_dutch_is_remembered_and_numbers_use_a_decimal_comma(
    catalog_sets: dict[str, QuestionSet],
) -> None:
    app = make_app(language="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_set_from_home(pilot, "turnover-cost")
        await pilot.press(*"2500", "enter")  # "2.500" is asked about (test_numbers_on_screen)
        await wait_for(pilot, lambda: app.screen.draft.position == 1)  # type: ignore[attr-defined]
        assert app.screen.draft.answers["headcount"] == 2500  # type: ignore[attr-defined]
        await pilot.press(*"1,5", "enter")  # leavers must be whole: refused next to the field
        await pilot.pause()
        error = str(app.screen.query_one("#answer-error", Static).render())
        assert error == "Typ een heel getal van 0 tot en met 1.000.000."
        assert app.screen.draft.position == 1  # type: ignore[attr-defined]
