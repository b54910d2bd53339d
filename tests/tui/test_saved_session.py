"""A saved session opened from History: its footer and help say what its keys really do."""

from __future__ import annotations

from typing import Any

from textual.widgets import Markdown

from selfaudit.questionnaires import load_catalog
from selfaudit.store import Store
from tests.tui.conftest import home_loaded, make_app, wait_for


def footer_labels(app: Any) -> dict[str, str]:
    """Key -> label of every binding the footer shows now."""
    return {
        key: active.binding.description
        for key, active in app.screen.active_bindings.items()
        if active.binding.show and active.enabled
    }


async def open_saved_from_history(pilot: Any) -> None:
    app = pilot.app
    await home_loaded(pilot)
    await pilot.press("h")
    await wait_for(
        pilot, lambda: type(app.screen).__name__ == "HistoryScreen" and app.screen.loaded
    )
    await pilot.press("enter")
    await wait_for(pilot, lambda: type(app.screen).__name__ == "ResultsScreen")
    await pilot.pause()


async def test_escape_says_back_and_goes_back_to_history() -> None:
    Store.open().save_session(load_catalog().sets["choose-us"], {"enps": 9})
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_saved_from_history(pilot)
        labels = footer_labels(app)
        assert labels["escape"] == "Back" and "ctrl+s" not in labels
        await pilot.press("escape")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HistoryScreen")


async def test_the_help_of_a_saved_session_describes_that_screen() -> None:
    Store.open().save_session(load_catalog().sets["choose-us"], {"enps": 9})
    app: Any = make_app(language="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_saved_from_history(pilot)
        assert footer_labels(app)["escape"] == "Terug"
        await pilot.press("f1")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HelpScreen")
        await pilot.pause()
        text = app.screen.query_one(Markdown).source
        assert "Escape gaat terug" in text
        assert "Ctrl+S" not in text and "concept" not in text
