"""The trend and follow-up screens at 80x24, with the session dates frozen."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from textual.pilot import Pilot

from selfaudit.questionnaires import load_catalog
from selfaudit.store import Store
from selfaudit.store import store as store_module
from tests.tui.conftest import home_loaded, make_app, wait_for
from tests.tui.test_trend import ANSWERS


def save_dated() -> None:
    """Three sessions of choose-us on fixed dates, the last with two action items."""
    qset = load_catalog().sets["choose-us"]
    store = Store.open()
    for month, answers in zip((3, 6, 9), ANSWERS, strict=True):
        when = dt.datetime(2026, month, 2, 9, 30, tzinfo=dt.UTC)
        # Its own patch, undone at once: the test's own (its temp dirs) stay.
        with pytest.MonkeyPatch.context() as frozen:
            frozen.setattr(store_module, "utc_now", lambda when=when: when)
            actions = ["Ask Finance for the figures", "A weekly check-in"] if month == 9 else []
            store.save_session(qset, answers, actions=actions)


def test_trend(snap_compare: Any) -> None:
    save_dated()

    async def run_before(pilot: Pilot[Any]) -> None:
        app: Any = pilot.app
        await home_loaded(pilot)
        await pilot.press("t")
        await wait_for(
            pilot, lambda: type(app.screen).__name__ == "TrendScreen" and app.screen.loaded
        )
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_follow_up_in_dutch(snap_compare: Any) -> None:
    save_dated()

    async def run_before(pilot: Pilot[Any]) -> None:
        app: Any = pilot.app
        await home_loaded(pilot)
        await pilot.press("enter", "enter", "1")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "FollowUpScreen")
        await pilot.pause()

    assert snap_compare(make_app(language="nl"), terminal_size=(80, 24), run_before=run_before)
