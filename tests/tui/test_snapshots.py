"""A few screens at 80x24 with the clock frozen (pytest-textual-snapshot)."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from tests.tui.conftest import home_loaded, make_app, open_set_from_home, wait_for


def test_home(snap_compare: Any) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=home_loaded)


def test_likert_question_with_why(snap_compare: Any) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await open_set_from_home(pilot, "internal-service")
        await pilot.press("4", "w")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_number_question_with_error_in_dutch(snap_compare: Any) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await open_set_from_home(pilot, "turnover-cost")
        await pilot.press(*"veel", "enter")
        await pilot.pause()

    assert snap_compare(make_app(language="nl"), terminal_size=(80, 24), run_before=run_before)


def test_results_before_saving(snap_compare: Any) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await open_set_from_home(pilot, "choose-us")
        app: Any = pilot.app
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

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)
