"""The gap view in the app, and the team size and k in Settings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from selfaudit.core.answers import validate_answers
from selfaudit.questionnaires import load_catalog
from selfaudit.settings import load_settings
from selfaudit.store import Store
from selfaudit.store import store as store_module
from selfaudit.teamstore.config import TeamStoreConfig, save_config
from tests.tui.conftest import home_loaded, make_app, send_at_once, wait_for
from tests.tui.test_control_characters import drawn


def save(month: int, answers: dict[str, object], who: str, team: str) -> None:
    qset = load_catalog().sets["internal-service"]
    checked, problems = validate_answers(qset, answers)
    assert problems == []
    when = dt.datetime(2026, month, 10, 12, 0, tzinfo=dt.UTC)
    with pytest.MonkeyPatch.context() as frozen:
        frozen.setattr(store_module, "utc_now", lambda: when)
        Store.open().save_session(qset, checked, team=team, respondent_id=who)


def scene() -> None:
    """Q3: six members rate their responsiveness 4 (75); five of Finance rate it 2 (25).
    Q2: the same six members, and four of Finance (only their count is shown)."""
    for month, customers in ((5, 4), (8, 5)):
        for i in range(6):
            save(month, {"resp_p_quick": 4, "resp_p_reach": 4}, f"m{i}", "Service desk")
        for i in range(customers):
            answers = {"rated_team": "service desk", "resp_c_quick": 2, "resp_c_reach": 2}
            save(month, answers, f"f{i}", "Finance")


async def test_the_gap_of_the_latest_round_and_the_round_before() -> None:
    scene()
    app: Any = make_app(team="Service desk")
    async with app.run_test(size=(100, 60)) as pilot:
        await home_loaded(pilot)
        # From the palette, by typing: the command's words, then Enter; then ← at once.
        send_at_once(app, ["ctrl+p", *"gap view", "enter"])
        await wait_for(
            pilot, lambda: type(app.screen).__name__ == "GapScreen" and app.screen.loaded
        )
        view = app.screen.view
        assert (view.own.value, view.customers.value) == (6, 5)
        first = view.dimensions.rows[0]
        assert (first.key, [c.value for c in first.cells]) == (
            "responsiveness",
            [75.0, 25.0, -50.0],
        )
        await pilot.pause()
        screen = drawn(app)
        assert "6 members of the team answered in this round" in screen
        assert "Responsiveness: You think you respond in time" in screen
        assert "m0" not in screen and "f0" not in screen
        send_at_once(app, ["left"])
        await wait_for(pilot, lambda: app.screen.loaded and app.screen.shown.label == "2026-Q2")
        view = app.screen.view
        assert view.customers.value == 4
        assert [c.value for c in view.dimensions.rows[0].cells] == [75.0, None, None]
        await pilot.pause()
        assert "shown once 5 people of other teams have rated the team" in drawn(app)


async def test_without_a_team_in_the_settings_the_gap_is_of_the_team_the_store_pulls(
    tmp_path: Path,
) -> None:
    scene()
    save_config(TeamStoreConfig(folder=str(tmp_path), team="Service desk"))  # sync --team
    app: Any = make_app()
    async with app.run_test(size=(100, 60)) as pilot:
        await home_loaded(pilot)
        app.open_gap("internal-service")
        await wait_for(
            pilot, lambda: type(app.screen).__name__ == "GapScreen" and app.screen.loaded
        )
        assert (app.screen.view.own.value, app.screen.view.customers.value) == (6, 5)


async def test_without_a_team_the_gap_says_where_to_set_it() -> None:
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        app.open_gap("internal-service")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        app.open_gap("choose-us")  # asked from one side: there is no gap
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


async def test_settings_take_a_team_size_and_refuse_a_k_below_three() -> None:
    app: Any = make_app()
    async with app.run_test(size=(80, 40)) as pilot:
        await home_loaded(pilot)
        send_at_once(app, ["s", "tab", "tab", *"8", "tab", "backspace", "2", "enter"])
        await wait_for(
            pilot,
            lambda: (
                type(app.screen).__name__ == "SettingsScreen"
                and app.screen.query_one("#team-k-error").display
            ),
        )
        assert "at least 3" in drawn(app)
        assert load_settings()[0].team_k == 5  # nothing saved
        send_at_once(app, ["backspace", "4", "enter"])
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HomeScreen")
        saved, _ = load_settings()
        assert (saved.team_size, saved.team_k) == (8, 4)
        assert (app.settings.team_size, app.settings.team_k) == (8, 4)
