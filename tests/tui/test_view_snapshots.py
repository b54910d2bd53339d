"""The gap and team screens at 80x24 with the clock and the sessions' dates frozen."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from tests.tui.conftest import home_loaded, make_app, wait_for
from tests.tui.test_gap import scene


def test_gap_view(snap_compare: Any) -> None:
    scene()

    async def run_before(pilot: Pilot[Any]) -> None:
        await home_loaded(pilot)
        pilot.app.open_gap("internal-service")  # type: ignore[attr-defined]
        await wait_for(
            pilot,
            lambda: (
                type(pilot.app.screen).__name__ == "GapScreen"
                and getattr(pilot.app.screen, "loaded", False)
            ),
        )
        await pilot.pause()

    app = make_app(team="Service desk")
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_team_view_of_a_mirrored_set(snap_compare: Any) -> None:
    scene()

    async def run_before(pilot: Pilot[Any]) -> None:
        await home_loaded(pilot)
        pilot.app.open_team("internal-service")  # type: ignore[attr-defined]
        await wait_for(
            pilot,
            lambda: (
                type(pilot.app.screen).__name__ == "TeamScreen"
                and getattr(pilot.app.screen, "loaded", False)
            ),
        )
        await pilot.pause()

    app = make_app(team="Service desk")
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
