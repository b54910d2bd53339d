"""The settings screen: saved in one write, applied at once, and never lost by a stray Esc."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import Input, Select

from selfaudit import settings as settings_module
from selfaudit.settings import load_settings
from tests.tui.conftest import home_loaded, make_app, wait_for


async def test_save_writes_once_and_switches_the_language(monkeypatch: pytest.MonkeyPatch) -> None:
    writes: list[object] = []
    real_save = settings_module.save_settings

    def counting_save(settings: Any, path: Any = None) -> Any:
        writes.append(settings)
        return real_save(settings, path)

    monkeypatch.setattr("selfaudit.tui.app.save_settings", counting_save)
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        await pilot.press("s")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "SettingsScreen")
        await pilot.press(*"Ops [night]")
        app.screen.query_one("#language", Select).value = "nl"
        app.screen.query_one("#cadence", Select).value = "monthly"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HomeScreen")
        await wait_for(pilot, lambda: app.screen.shown_lang == "nl")
        assert "Team: Ops [night]" in str(app.screen.query_one("#who").render())
    assert len(writes) == 1
    saved, warning = load_settings()
    assert warning is None
    assert (saved.team, saved.language, saved.cadence) == ("Ops [night]", "nl", "monthly")


async def test_escape_with_unsaved_changes_asks_first() -> None:
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        await pilot.press("s")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "SettingsScreen")
        await pilot.press("escape")  # nothing changed: leaves at once
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HomeScreen")
        await pilot.press("s")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "SettingsScreen")
        await pilot.press(*"Finance")
        await pilot.press("escape")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ConfirmScreen")
        await pilot.press("enter")  # the focused button is Cancel: stay, the text is kept
        await wait_for(pilot, lambda: type(app.screen).__name__ == "SettingsScreen")
        assert app.screen.query_one("#team", Input).value == "Finance"
        await pilot.press("escape")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ConfirmScreen")
        await pilot.press("left", "enter")  # "Leave without saving"
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HomeScreen")
    assert load_settings()[0].team == ""
