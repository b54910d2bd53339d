"""History: the time of day beside the date, and a session saved by mistake moved to the trash."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from textual.widgets import OptionList

from selfaudit.questionnaires import load_catalog
from selfaudit.store import Store
from tests.tui.conftest import home_loaded, make_app, send_at_once, wait_for
from tests.tui.test_control_characters import drawn
from tests.tui.test_control_characters import open_history as history_loaded
from tests.tui.test_footer_fits import visible_actions

MORNING = dt.datetime(2026, 3, 2, 8, 5, tzinfo=dt.UTC)
AFTERNOON = dt.datetime(2026, 3, 2, 14, 40, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def amsterdam(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time is Amsterdam's (UTC+1 in March), so the times shown are local ones."""
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def saved(enps: int, when: dt.datetime) -> str:
    """A choose-us session with this answer, completed at ``when``; returns its id."""
    store = Store.open()
    session = store.save_session(load_catalog().sets["choose-us"], {"enps": enps})
    store.path_of(session.id).unlink()
    session = dataclasses.replace(session, id=str(uuid.uuid4()), completed_at=when)
    store.write_session(session)
    return session.id


def rows(app: Any) -> list[str | None]:
    """The ids of the sessions History lists, top to bottom."""
    return [o.id for o in app.screen.query_one("#history-list", OptionList).options]


def highlighted(app: Any) -> str | None:
    option = app.screen.query_one("#history-list", OptionList).highlighted_option
    return None if option is None else option.id


def trashed() -> list[str]:
    return [s.id for s in Store.open().trashed()]


@pytest.mark.parametrize(
    ("lang", "morning", "afternoon"),
    [
        ("en", "2 Mar 2026 09:05", "2 Mar 2026 15:40"),
        ("nl", "2 mrt 2026 09:05", "2 mrt 2026 15:40"),
    ],
)
async def test_two_sessions_of_one_day_show_their_local_times(
    lang: str, morning: str, afternoon: str
) -> None:
    saved(9, MORNING)
    saved(3, AFTERNOON)
    app: Any = make_app(language=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await history_loaded(pilot)
        screen = drawn(app)
    assert screen.index(afternoon) < screen.index(morning)  # newest first


async def test_d_asks_naming_the_session_and_cancel_keeps_it() -> None:
    keep = saved(9, MORNING)
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await history_loaded(pilot)
        await pilot.press("d")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ConfirmScreen")
        await pilot.pause()
        question = str(app.screen.query_one("#dialog-text").render())
        assert question == (
            'Move the session "Would our employees choose us?" of 2 Mar 2026 09:05 (would '
            "recommend us: 9 on a scale of 0–10) to the trash? You can bring it back with: "
            f"selfaudit restore {keep[:8]}"
        )
        await pilot.press("enter")  # Cancel has the focus: a dangerous answer is never default
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HistoryScreen")
        await pilot.pause()
        assert rows(app) == [keep] and trashed() == []


async def test_a_deleted_session_leaves_the_list_and_goes_to_the_trash() -> None:
    older, newer = saved(9, MORNING), saved(3, AFTERNOON)
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await history_loaded(pilot)
        assert rows(app) == [newer, older] and highlighted(app) == newer
        await pilot.press("d")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ConfirmScreen")
        await pilot.press("tab", "enter")
        await wait_for(pilot, lambda: trashed() == [newer])
        await pilot.pause()
        assert type(app.screen).__name__ == "HistoryScreen"
        assert rows(app) == [older] and highlighted(app) == older
        assert "History: 1 saved session" in drawn(app)
        messages = [n.message for n in app._notifications]
        assert messages[-1] == (
            f"The session was moved to the trash. To bring it back: selfaudit restore {newer[:8]}"
        )
        await pilot.press("escape")  # home no longer counts it as the set's last result
        await home_loaded(pilot)
        assert "Last result 2 Mar 2026: would recommend us: 9" in drawn(app)
    assert [s.id for s in Store.open().sessions()] == [older]


async def test_d_tab_enter_sent_at_once_delete_exactly_the_highlighted_session() -> None:
    first, second, third = saved(1, MORNING), saved(2, AFTERNOON), saved(3, AFTERNOON)
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await history_loaded(pilot)
        await pilot.press("down")
        target = highlighted(app)
        assert target in {second, third}
        send_at_once(app, ["d", "tab", "enter"])
        await wait_for(pilot, lambda: trashed() == [target])
        await pilot.pause()
        assert type(app.screen).__name__ == "HistoryScreen"
        assert set(rows(app)) == {first, second, third} - {target}
    assert {s.id for s in Store.open().sessions()} == {first, second, third} - {target}


async def test_h_d_tab_enter_typed_at_once_on_home_delete_the_newest() -> None:
    """The ``d`` arrives before History has read the store: it waits for the list."""
    older, newer = saved(9, MORNING), saved(3, AFTERNOON)
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        send_at_once(app, ["h", "d", "tab", "enter"])
        await wait_for(pilot, lambda: trashed() == [newer])
        await pilot.pause()
        assert type(app.screen).__name__ == "HistoryScreen" and rows(app) == [older]


@pytest.mark.parametrize("lang", ["en", "nl"])
async def test_the_delete_key_is_in_the_footer_only_when_there_is_a_session(lang: str) -> None:
    saved(9, MORNING)
    app: Any = make_app(language=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await history_loaded(pilot)
        assert {"delete", "home", "quit", "help"} <= visible_actions(app)
        assert ("d Delete" if lang == "en" else "d Verwijderen") in drawn(app)
        await pilot.press("d")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ConfirmScreen")
        await pilot.press("tab", "enter")
        await wait_for(pilot, lambda: trashed() != [] and not rows(app)[0])
        await pilot.pause()
        assert "delete" not in visible_actions(app)  # nothing left to delete
        await pilot.press("d")
        await pilot.pause()
        assert type(app.screen).__name__ == "HistoryScreen"


async def test_a_session_that_came_in_from_elsewhere_says_so(tmp_path: Any) -> None:
    from selfaudit.store.imports import import_paths
    from tests.store.exchange import save

    other = Store.open(tmp_path / "colleague")
    theirs = save(other, who=other.pseudonym(), team="Payroll")
    store = Store.open()
    assert [r.outcome.value for r in import_paths(store, [other.path_of(theirs.id)])] == [
        "imported"
    ]
    saved(9, MORNING)  # one of mine
    app: Any = make_app()
    async with app.run_test(size=(100, 24)) as pilot:
        await history_loaded(pilot)
        screen = drawn(app)
    assert screen.count("imported") == 1 and "Payroll · anon-" in screen
