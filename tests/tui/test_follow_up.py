"""Starting a set again: "Last time you planned…" with how each action item went."""

from __future__ import annotations

from typing import Any

from selfaudit.core.followups import FollowupStatus
from selfaudit.questionnaires import load_catalog
from selfaudit.store import Store
from tests.tui.conftest import home_loaded, make_app, send_at_once, wait_for

PLANNED = ("Ask Finance for the figures", "A weekly check-in with Sales", "Share the agreements")


def saved_with_actions() -> None:
    qset = load_catalog().sets["choose-us"]
    Store.open().save_session(qset, {"enps": 7}, actions=list(PLANNED))


async def test_each_planned_item_gets_its_status_and_is_saved_with_the_new_draft() -> None:
    saved_with_actions()
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        # Home, Start, then: done, not yet (the cursor moves on), Enter, and the first answer.
        send_at_once(app, ["enter", "enter", "1", "3", "enter", "8", "enter"])
        await wait_for(
            pilot,
            lambda: type(app.screen).__name__ == "QuestionScreen" and app.screen.draft.position,
        )
        draft = app.screen.draft
    [saved] = Store.open().drafts()
    assert [(f.action, f.status) for f in saved.followups] == [
        (PLANNED[0], FollowupStatus.DONE),
        (PLANNED[1], FollowupStatus.NOT_YET),
        (PLANNED[2], None),
    ]
    assert saved.answers == {"enps": 8} and draft.id == saved.id


async def test_no_planned_items_goes_straight_to_the_questions() -> None:
    qset = load_catalog().sets["choose-us"]
    Store.open().save_session(qset, {"enps": 7})
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        send_at_once(app, ["enter", "enter"])
        await wait_for(pilot, lambda: type(app.screen).__name__ == "QuestionScreen")


async def test_leaving_it_and_coming_back_opens_it_again() -> None:
    saved_with_actions()
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        send_at_once(app, ["enter", "enter", "2", "escape"])
        # Home again once the keys are handled (the screen is Home before they are, too):
        # the list then holds the draft that Enter started.
        await wait_for(
            pilot,
            lambda: type(app.screen).__name__ == "HomeScreen" and bool(app.screen.drafts),
        )
        await home_loaded(pilot)
        send_at_once(app, ["enter"])  # the draft is listed first
        await wait_for(pilot, lambda: type(app.screen).__name__ == "FollowUpScreen")
        assert app.screen.draft.followups[0].status is FollowupStatus.PARTLY
