"""A question that needs an answer says so, whichever key tries to go past it."""

from __future__ import annotations

from typing import Any

import pytest

from selfaudit.questionnaires import load_catalog
from tests.tui.conftest import make_app, open_first_draft, prepared_draft, wait_for


@pytest.mark.parametrize("key", ["pagedown", "enter"])
async def test_going_past_an_empty_required_question_says_it_needs_an_answer(key: str) -> None:
    qset = load_catalog().sets["turnover-cost"]
    first_required = next(i for i, item in enumerate(qset.items) if item.required)
    prepared_draft(qset.id, {}, first_required)
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot, "QuestionScreen")
        await pilot.press(key)
        said = "This question needs an answer."
        await wait_for(
            pilot,
            lambda: (
                any(said in n.message for n in app._notifications)
                or said in str(app.screen.query_one("#answer-error").render())
            ),
        )
        assert app.screen.draft.position == first_required
