"""The team view in the app: the count always, figures from five people, never one person."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from selfaudit.questionnaires import load_catalog
from selfaudit.store import Store
from selfaudit.store import store as store_module
from selfaudit.teamstore.config import TeamStoreConfig, save_config
from tests.tui.conftest import home_loaded, make_app, send_at_once, wait_for
from tests.tui.test_control_characters import drawn

#: choose_again answers of six teammates in 2026-Q1 (scores 0, 25, 50, 75, 100, 100).
Q1 = [1, 2, 3, 4, 5, 5]


def save_round(month: int, answers: list[int], team: str = "Service desk") -> None:
    qset = load_catalog().sets["choose-us"]
    store = Store.open()
    when = dt.datetime(2026, month, 10, 12, 0, tzinfo=dt.UTC)
    for n, value in enumerate(answers):
        with pytest.MonkeyPatch.context() as frozen:
            frozen.setattr(store_module, "utc_now", lambda when=when: when)
            store.save_session(
                qset,
                {"choose_again": value, "enps": 9 if value == 5 else 5},
                team=team,
                respondent=f"Person {n}",
                respondent_id=f"anon-{n:06x}",
            )


async def open_team(pilot: Any) -> None:
    app = pilot.app
    await home_loaded(pilot)
    app.open_team("choose-us")
    await wait_for(pilot, lambda: type(app.screen).__name__ == "TeamScreen" and app.screen.loaded)
    await pilot.pause()


async def test_six_people_show_their_medians_and_no_one_by_name() -> None:
    save_round(2, Q1)
    app: Any = make_app(team=" service DESK ")  # matched as typed
    async with app.run_test(size=(100, 60)) as pilot:
        await open_team(pilot)
        view = app.screen.view
        assert view.respondents.value == 6
        [again] = [r for r in view.scores.rows if r.label == "Choosing us again"]
        assert again.cells[0].value == 62.5  # median of 0, 25, 50, 75, 100, 100
        screen = drawn(app)
        assert "6 people answered in this round" in screen
        assert "Person" not in screen and "anon-" not in screen


async def test_four_people_show_only_the_count_and_why() -> None:
    save_round(2, Q1)
    save_round(5, [2, 3, 4, 5])  # 2026-Q2: four people
    app: Any = make_app(team="Service desk")
    async with app.run_test(size=(100, 60)) as pilot:
        await open_team(pilot)
        view = app.screen.view
        assert view.respondents.value == 4 and view.hidden
        assert not view.scores.rows
        assert "fewer than 5 answered" in drawn(app)
        send_at_once(app, ["left"])  # the round before: six people, figures shown
        await wait_for(pilot, lambda: app.screen.loaded and app.screen.view.respondents.value == 6)
        assert app.screen.view.scores.rows


async def test_without_a_team_in_the_settings_it_is_the_team_the_store_pulls(
    tmp_path: Path,
) -> None:
    save_round(2, Q1)
    save_config(TeamStoreConfig(folder=str(tmp_path), team="Service desk"))  # sync --team
    app: Any = make_app()
    async with app.run_test(size=(100, 60)) as pilot:
        await open_team(pilot)
        assert app.screen.view.respondents.value == 6


async def test_a_team_in_the_settings_comes_before_the_one_the_store_pulls(
    tmp_path: Path,
) -> None:
    save_round(2, Q1)
    save_config(TeamStoreConfig(folder=str(tmp_path), team="Finance"))
    app: Any = make_app(team="Service desk")
    async with app.run_test(size=(100, 60)) as pilot:
        await open_team(pilot)
        assert app.screen.view.respondents.value == 6


async def test_without_a_team_in_the_settings_it_says_where_to_set_it() -> None:
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        app.open_team("choose-us")
        await wait_for(pilot, lambda: list(app._notifications))
        assert "Settings" in next(iter(app._notifications)).message
        assert type(app.screen).__name__ == "HomeScreen"
