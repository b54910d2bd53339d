"""F2 (why we ask) and F3 (a note) work on every question; the footer shows those keys."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import Input

from selfaudit.core.model import Kind
from selfaudit.questionnaires import load_catalog
from tests.tui.conftest import make_app, open_first_draft, prepared_draft, wait_for


def footer_keys(app: Any) -> dict[str, str]:
    """Action -> key of every binding the footer shows now."""
    return {
        active.binding.action: key
        for key, active in app.screen.active_bindings.items()
        if active.binding.show and active.enabled
    }


@pytest.mark.parametrize("kind", [Kind.NUMBER, Kind.LIKERT5])
async def test_f2_and_f3_on_every_kind_of_question(kind: Kind) -> None:
    qset = load_catalog().sets["turnover-cost" if kind is Kind.NUMBER else "choose-us"]
    position = next(i for i, item in enumerate(qset.items) if item.kind is kind)
    prepared_draft(qset.id, {}, position)
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot, "QuestionScreen")
        screen = app.screen
        assert footer_keys(app)["why"] == "f2" and footer_keys(app)["note"] == "f3"
        await pilot.press("f2")
        await wait_for(pilot, lambda: screen.why_open)
        await pilot.press("f3")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "NoteScreen")


async def test_w_types_into_a_number_field_and_shows_why_on_a_choice() -> None:
    qset = load_catalog().sets["turnover-cost"]
    position = next(i for i, item in enumerate(qset.items) if item.kind is Kind.NUMBER)
    prepared_draft(qset.id, {}, position)
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot, "QuestionScreen")
        screen = app.screen
        await pilot.press("w")
        await pilot.pause()
        assert screen.query_one("#answer-input", Input).value == "w"
        assert not screen.why_open
        assert "w" not in footer_keys(app).values()  # the footer never teaches a letter here
