"""The command palette finds a command by its help text and keywords, not only its name."""

from __future__ import annotations

from typing import Any

import pytest
from textual.command import CommandPalette

from tests.tui.conftest import home_loaded, make_app, palette_text, wait_for


@pytest.mark.parametrize(
    ("lang", "typed", "found"),
    [
        ("en", "team name", "Settings"),  # the team is set in Settings
        ("en", "exit", "Quit"),
        ("nl", "team naam", "Instellingen"),
        ("nl", "afsluiten", "Stoppen"),
    ],
)
async def test_a_word_of_what_a_command_does_finds_it(lang: str, typed: str, found: str) -> None:
    app: Any = make_app(language=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: CommandPalette.is_open(app))
        await pilot.press(*typed)
        await wait_for(pilot, lambda: found in palette_text(app, highlighted=True))
        if " " not in typed:
            return
        # "team" alone also finds the team view; Settings is among what it finds.
        for _ in typed.split()[1]:
            await pilot.press("backspace")
        await wait_for(pilot, lambda: found in palette_text(app))
        await pilot.press(*typed.split()[1])
        await wait_for(pilot, lambda: found in palette_text(app, highlighted=True))
        await pilot.press("enter")
        if found in ("Settings", "Instellingen"):
            await wait_for(pilot, lambda: type(app.screen).__name__ == "SettingsScreen")
