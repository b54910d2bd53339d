"""At 80 columns the footer still shows Quit and Help, in English and in Dutch."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets._footer import FooterKey

from tests.tui.conftest import home_loaded, make_app, open_set_from_home, wait_for


def visible_actions(app: Any) -> set[str]:
    """Actions whose footer key is drawn completely, left of the palette key docked at the right."""
    keys = list(app.screen.query(FooterKey).results(FooterKey))
    docked = [k.region.x for k in keys if k.action.endswith("command_palette")]
    limit = min(docked, default=80)
    shown = set()
    for key in keys:
        region = key.region
        if key.action.endswith("command_palette"):
            continue
        if region.width and region.right <= limit:
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
        assert {"quit", "help", "why", "note"} <= visible_actions(app), "number"
        await pilot.press("tab")  # leave the field: the letter keys apply
        await pilot.pause()
        assert {"quit", "help"} <= visible_actions(app), "question"
        await pilot.press("escape")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HomeScreen")
        await home_loaded(pilot)
        assert {"quit", "help"} <= visible_actions(app), "home with a draft"
        await open_set_from_home(pilot, "choose-us")  # a choice question: every letter key shows
        await pilot.press("down", "enter")  # on question 2 "back" is active too
        await wait_for(pilot, lambda: app.screen.draft.position == 1)
        await pilot.pause()
        assert {"quit", "help", "back", "skip", "note", "why"} <= visible_actions(app), "choice"
