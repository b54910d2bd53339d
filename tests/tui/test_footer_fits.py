"""At 80 columns the footer still shows Quit and Help, in English and in Dutch."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets._footer import FooterKey

from tests.tui.conftest import home_loaded, make_app, open_set_from_home, wait_for


def visible_actions(app: Any) -> set[str]:
    """Actions whose footer key is drawn completely inside the 80 columns."""
    shown = set()
    for key in app.screen.query(FooterKey).results(FooterKey):
        region = key.region
        if region.width and region.right <= 80:
            shown.add(key.action.removeprefix("app."))
    return shown


@pytest.mark.parametrize("lang", ["en", "nl"])
async def test_quit_and_help_fit_on_every_main_screen(lang: str) -> None:
    app: Any = make_app(language=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        await pilot.pause()
        assert {"quit", "help"} <= visible_actions(app), "home"
        await open_set_from_home(pilot, "turnover-cost")  # a number field has focus
        await pilot.pause()
        assert {"quit", "help", "why_typing", "note_typing"} <= visible_actions(app), "number"
        await pilot.press("tab")  # leave the field: the letter keys apply
        await pilot.pause()
        assert {"quit", "help"} <= visible_actions(app), "question"
        await pilot.press("escape")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HomeScreen")
        await home_loaded(pilot)
        assert {"quit", "help"} <= visible_actions(app), "home with a draft"
