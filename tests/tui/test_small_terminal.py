"""80x24 is fully usable: the longest question's answers and the results' Save are reachable."""

from __future__ import annotations

from typing import Any

from textual.widgets import Button

from selfaudit.core.model import QuestionSet
from tests.tui.conftest import (
    home_loaded,
    make_app,
    open_first_draft,
    open_set_from_home,
    prepared_draft,
    wait_for,
)


async def test_scale10_question_fits_80x24(catalog_sets: dict[str, QuestionSet]) -> None:
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_set_from_home(pilot, "choose-us")
        screen = app.screen
        choices = screen.query_one("#choices")
        hint = screen.query_one("#hint")
        assert choices.region.bottom <= 23 and hint.region.bottom <= 23
        assert choices.region.height >= 11  # all eleven options of 0..10 visible at once
        # the mouse works too: click the "7" row
        await pilot.click("#choices", offset=(10, 7))
        await wait_for(pilot, lambda: screen.draft.position == 1)
        assert screen.draft.answers["enps"] == 7


async def test_help_and_save_reachable_at_80x24(catalog_sets: dict[str, QuestionSet]) -> None:
    qset = catalog_sets["choose-us"]
    near = len(qset.items) - 2  # on a choice question near the end, the ones before skipped
    prepared_draft(qset.id, {}, near, skipped=[item.id for item in qset.items[:near]])
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        await pilot.press("f1")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HelpScreen")
        assert app.screen.query_one("#help-box").region.bottom <= 24
        await pilot.press("escape")
        await open_first_draft(pilot, "QuestionScreen")
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HelpScreen")
        await pilot.press("escape")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "QuestionScreen")
        while type(app.screen).__name__ == "QuestionScreen":
            position = app.screen.draft.position
            await pilot.press("pagedown")
            await wait_for(
                pilot,
                lambda p=position: (
                    type(app.screen).__name__ != "QuestionScreen"
                    or app.screen.draft.position == p + 1
                ),
            )
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ResultsScreen")
        button = app.screen.query_one("#save", Button)
        app.screen.scroll_to_widget(button, animate=False)
        await pilot.pause()
        await pilot.click("#save")
        await wait_for(pilot, lambda: app.screen.session is not None)
