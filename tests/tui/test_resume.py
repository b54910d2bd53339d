"""Quitting in the middle and starting again resumes at the same question with every answer."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from selfaudit.core.model import QuestionSet
from selfaudit.store import DraftBusy, Store
from tests.tui.conftest import (
    answer_current,
    home_loaded,
    keyboard_answers,
    make_app,
    open_first_draft,
    prepared_draft,
    wait_for,
)


async def test_quit_halfway_and_resume(catalog_sets: dict[str, QuestionSet]) -> None:
    qset = catalog_sets["internal-service"]
    prepared_draft(qset.id, keyboard_answers(qset, 4))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot, "QuestionScreen")
        await answer_current(pilot, qset)  # the fifth, by keyboard: kept on quit like the rest
        await pilot.press("n")  # a note on question 6, with markup characters
        await wait_for(pilot, lambda: type(app.screen).__name__ == "NoteScreen")
        await pilot.press(*"see [red]memo[/]", "enter")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "QuestionScreen")
        answers = dict(app.screen.draft.answers)  # type: ignore[attr-defined]
        await pilot.press("ctrl+q")
    assert app.return_code == 0
    assert len(answers) == 5

    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        home_list = again.screen.query_one("#home-list", OptionList)
        assert (home_list.highlighted_option.id or "").startswith("draft:")  # type: ignore[union-attr]
        await pilot.press("enter")
        await wait_for(pilot, lambda: type(again.screen).__name__ == "QuestionScreen")
        screen = again.screen
        assert screen.draft.position == 5  # type: ignore[attr-defined]
        assert screen.draft.answers == answers  # type: ignore[attr-defined]
        assert screen.draft.notes == {qset.items[5].id: "see [red]memo[/]"}  # type: ignore[attr-defined]
        assert "Question 6 of 25" in str(screen.query_one("#where").render())
        # going back shows the earlier answer marked in text, not only by colour
        await pilot.press("b")
        await wait_for(pilot, lambda: screen.draft.position == 4)  # type: ignore[attr-defined]
        choices = screen.query_one("#choices", OptionList)
        assert "(●)" in str(choices.get_option_at_index(3).prompt)
        assert "›" in str(choices.get_option_at_index(3).prompt)


async def test_draft_is_locked_and_discarding_asks_first(
    catalog_sets: dict[str, QuestionSet],
) -> None:
    qset = catalog_sets["choose-us"]
    prepared_draft(qset.id, keyboard_answers(qset, 1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot, "QuestionScreen")
        other = Store.open()
        draft_id = app.screen.draft.id  # type: ignore[attr-defined]
        with pytest.raises(DraftBusy):
            other.open_draft(draft_id)
        await pilot.press("escape")  # home: the draft is kept and its lock released
        await home_loaded(pilot)
        other.open_draft(draft_id)
        other.close_draft(draft_id)
        await pilot.press("d")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ConfirmScreen")
        await pilot.press("enter")  # the focused button is Cancel
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HomeScreen")
        assert len(Store.open().drafts()) == 1
        await pilot.press("d")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ConfirmScreen")
        await pilot.press("left", "enter")
        await wait_for(pilot, lambda: not Store.open().drafts())
