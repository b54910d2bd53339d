"""The app on a store saved by 0.1.0 (session format 2): Home's "Last result" is my own, and
opening the home screen, History and a saved session changes no file."""

from __future__ import annotations

from typing import Any

from textual.widgets import OptionList

from selfaudit.settings import Settings, save_settings
from selfaudit.store import Store
from tests.store.format2 import MINE_NAMED, TEAMMATE, copy_format2, untouched
from tests.tui.conftest import home_loaded, make_app, wait_for
from tests.tui.test_control_characters import open_history


async def test_the_app_reads_format_2_and_shows_my_own_last_result() -> None:
    save_settings(Settings(respondent="Ann"))  # the name the user set after 1111's session
    before = copy_format2(Store.open().root)
    app: Any = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await home_loaded(pilot)
        # The teammate's choose-us session is later, in the same store; Home shows mine.
        assert app.screen.last["choose-us"].id == MINE_NAMED
        assert TEAMMATE not in {s.id for s in app.screen.last.values()}
        await pilot.press("escape")
        await open_history(pilot)
        history = app.screen.query_one("#history-list", OptionList)
        assert TEAMMATE in {o.id for o in history.options}
        history.highlighted = [o.id for o in history.options].index(MINE_NAMED)
        await pilot.press("enter")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ResultsScreen")
        assert app.screen.session.id == MINE_NAMED
        await pilot.pause()
    assert untouched(before) == []


async def test_home_shows_my_latest_not_a_teammates_later_one() -> None:
    from selfaudit.questionnaires import load_catalog

    store = Store.open()
    qset = load_catalog().sets["choose-us"]
    mine = store.save_session(qset, {"enps": 9})
    store.save_session(qset, {"enps": 2}, respondent="Kim", respondent_id="anon-0b0b0b")
    app: Any = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await home_loaded(pilot)
        assert app.screen.last["choose-us"].id == mine.id
