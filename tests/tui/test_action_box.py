"""The action-items box is not shown empty: it appears with the first item."""

from __future__ import annotations

from typing import Any

from selfaudit.questionnaires import load_catalog
from tests.tui.conftest import make_app, open_first_draft, prepared_draft, wait_for


async def test_turnover_cost_shows_no_empty_box_until_an_own_item_is_added() -> None:
    qset = load_catalog().sets["turnover-cost"]
    answers = {"headcount": 50, "leavers": 10, "salary": 45000}
    prepared_draft(qset.id, answers, len(qset.items))
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot)
        box = app.screen.query_one("#actions")
        assert box.option_count == 0 and not box.display
        field = app.screen.query_one("#own-action")
        app.screen.set_focus(field)
        await pilot.press(*"Exit interviews", "enter")
        await wait_for(pilot, lambda: box.option_count == 1)
        assert box.display


async def test_a_set_with_suggestions_shows_the_box_at_once() -> None:
    every = len(load_catalog().sets["choose-us"].items)  # at the results
    prepared_draft("choose-us", {"enps": 3, "choose_again": 2}, every)
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot)
        box = app.screen.query_one("#actions")
        assert box.option_count > 0 and box.display
