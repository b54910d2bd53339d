"""Numbers on screen: a number that reads two ways is asked about, never guessed."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import Input, Static

from tests.tui.conftest import make_app, open_first_draft, prepared_draft, wait_for

#: turnover-cost answered up to its salary question (the third).
BEFORE_SALARY = {"headcount": 50.0, "leavers": 5.0}


def _error(app: Any) -> str:
    return str(app.screen.query_one("#answer-error", Static).render())


@pytest.mark.parametrize(
    ("lang", "typed", "key", "asked", "kept"),
    [
        ("en", "42.000", "up", "Did you mean 42,000 or 42.0? Press ↑ for 42,000", 42000.0),
        ("en", "1,500", "down", "Did you mean 1,500 or 1.5? Press ↑ for 1,500", 1.5),
        ("nl", "42.000", "up", "Bedoel je 42.000 of 42,0? Druk op ↑ voor 42.000", 42000.0),
    ],
)
async def test_a_number_that_reads_two_ways_is_asked_and_picked_with_a_key(
    lang: str, typed: str, key: str, asked: str, kept: float
) -> None:
    prepared_draft("turnover-cost", BEFORE_SALARY)
    app: Any = make_app(language=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot, "QuestionScreen")
        await pilot.press(*typed, "enter")
        await wait_for(pilot, lambda: _error(app).startswith(asked))
        assert app.screen.draft.position == 2 and "salary" not in app.screen.draft.answers
        await pilot.press(key)
        field = app.screen.query_one("#answer-input", Input)
        assert field.value == {42000.0: "42000", 1.5: "1.5"}[kept]
        assert _error(app).startswith({"en": "Press Enter to use", "nl": "Druk op Enter"}[lang])
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.draft.position == 3)
        assert app.screen.draft.answers["salary"] == kept


async def test_typing_it_without_doubt_is_taken_at_once() -> None:
    prepared_draft("turnover-cost", BEFORE_SALARY)
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot, "QuestionScreen")
        await pilot.press(*"42.000", "enter")
        await wait_for(pilot, lambda: "type 42000 or 42." in _error(app))
        await pilot.press(*["backspace"] * 6, *"42000", "enter")
        await wait_for(pilot, lambda: app.screen.draft.position == 3)
        assert app.screen.draft.answers["salary"] == 42000.0


async def test_a_pick_typed_ahead_lands_before_the_enter_after_it() -> None:
    prepared_draft("turnover-cost", BEFORE_SALARY)
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot, "QuestionScreen")
        await pilot.press(*"42.000", "enter", "up", "enter", *"30")
        await wait_for(pilot, lambda: app.screen.draft.position == 3)
        assert app.screen.draft.answers["salary"] == 42000.0
        await wait_for(pilot, lambda: app.screen.query_one("#answer-input", Input).value == "30")


def _results_texts(app: Any) -> list[str]:
    return [str(s.render()) for s in app.screen.query("CostBreakdown Static").results(Static)]


@pytest.mark.parametrize(
    ("lang", "warned", "defaults"),
    [
        (
            "en",
            "The average annual salary is under 1,000: check",
            "Calculated with the default for: days a post stays empty, cost while",
        ),
        (
            "nl",
            "Het gemiddelde jaarsalaris is lager dan 1.000: controleer",
            "Gerekend met de standaardwaarde voor: dagen dat een functie leegstaat,",
        ),
    ],
)
async def test_results_warn_about_a_low_salary_and_name_the_defaults_used(
    lang: str, warned: str, defaults: str
) -> None:
    answers = {**BEFORE_SALARY, "salary": 42.0, "on_costs_pct": 30.0, "working_days": 100.0}
    prepared_draft("turnover-cost", answers, position=16)  # all 16 passed: the results
    app: Any = make_app(language=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot)
        texts = _results_texts(app)
        assert any(text.startswith(warned) for text in texts), texts
        assert any(text.startswith(defaults) for text in texts), texts
        assert not any("Defaults were used in" in text for text in texts)
