"""Answering by keyboard: nothing is answered by accident, and reviewing never erases answers."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input

from selfaudit.core.model import QuestionSet
from selfaudit.store import Store
from tests.tui.conftest import (
    draft_at_results,
    home_loaded,
    keyboard_answers,
    make_app,
    open_first_draft,
    open_set_from_home,
    prepared_draft,
    wait_for,
)


async def test_paging_forward_through_answers_keeps_them(
    catalog_sets: dict[str, QuestionSet],
) -> None:
    qset = catalog_sets["choose-us"]
    prepared_draft(qset.id, keyboard_answers(qset, 4))  # four answered, on the fifth
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot, "QuestionScreen")
        given = dict(app.screen.draft.answers)
        assert len(given) == 4 and app.screen.draft.position == 4
        await pilot.press(*["pageup"] * 4)
        await wait_for(pilot, lambda: app.screen.draft.position == 0)
        await pilot.press(*["pagedown"] * 4, "s")  # review, then skip the unanswered fifth
        await wait_for(pilot, lambda: app.screen.draft.position == 5)
        assert app.screen.draft.answers == given
        assert app.screen.draft.skipped == [qset.items[4].id]
        await pilot.press("b")
        await wait_for(pilot, lambda: app.screen.draft.position == 4)
        assert "skipped" in str(app.screen.query_one("#where").render())
    stored = Store.open().drafts()[0]
    assert stored.answers == given


async def test_enter_before_choosing_answers_nothing(catalog_sets: dict[str, QuestionSet]) -> None:
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_set_from_home(pilot, "choose-us")
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert app.screen.draft.position == 0 and app.screen.draft.answers == {}
        await pilot.press("down", "enter")  # the first option, on purpose
        await wait_for(pilot, lambda: app.screen.draft.position == 1)
        assert app.screen.draft.answers == {"enps": 0}


async def test_ticked_actions_and_a_changed_target_survive_ctrl_q(
    catalog_sets: dict[str, QuestionSet],
) -> None:
    qset = catalog_sets["turnover-cost"]
    prepared_draft(qset.id, keyboard_answers(qset), len(qset.items))
    app: Any = make_app(language="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot)
        field = app.screen.query_one("#what-if-input", Input)
        field.value = "7,5"
        await pilot.pause()
        app.screen.query_one("#own-action", Input).value = "Exitgesprekken [HR] plannen"
        await pilot.press("ctrl+q")
    [draft] = Store.open().drafts()
    assert draft.answers["target_turnover_pct"] == 7.5
    assert draft.actions == ["Exitgesprekken [HR] plannen"]
    again: Any = make_app(language="nl")
    async with again.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        await pilot.press("enter")
        await wait_for(pilot, lambda: type(again.screen).__name__ == "ResultsScreen")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: again.screen.session is not None)
        session = again.screen.session
        await wait_for(pilot, lambda: again.screen.results.turnover.target_rate_pct == 7.5)
    assert session.results["turnover"]["target_rate_pct"] == 7.5
    assert session.actions == ("Exitgesprekken [HR] plannen",)


async def test_an_action_added_with_enter_survives_escape() -> None:
    draft_at_results({"enps": 9})
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot)
        app.screen.query_one("#own-action", Input).focus()
        await pilot.press(*"Ask [bold]IT[/bold] for an SLA", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HomeScreen")
    [draft] = Store.open().drafts()
    assert "Ask [bold]IT[/bold] for an SLA" in draft.actions


async def test_starting_the_set_you_are_in_continues_it(
    catalog_sets: dict[str, QuestionSet],
) -> None:
    qset = catalog_sets["competency-level"]
    prepared_draft(qset.id, keyboard_answers(qset, 2))
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot, "QuestionScreen")  # the set you are in
        app.start_set(qset.id)  # what the palette's "Start: …" command calls
        await wait_for(pilot, lambda: type(app.screen).__name__ == "IntroScreen")
        assert app.screen.unfinished is not None
        await pilot.press("enter")  # "Continue where I left off" has the focus
        await wait_for(pilot, lambda: type(app.screen).__name__ == "QuestionScreen")
        assert app.screen.draft.position == 2 and len(app.screen.draft.answers) == 2
    assert len(Store.open().drafts()) == 1


async def test_quitting_with_the_help_open_still_keeps_the_typed_action() -> None:
    draft_at_results({"enps": 9})
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot)
        app.screen.query_one("#own-action", Input).value = "Book a retro"
        await pilot.press("f1")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HelpScreen")
        await pilot.press("ctrl+q")
    assert Store.open().drafts()[0].actions == ["Book a retro"]


async def test_an_emptied_field_clears_its_answer(catalog_sets: dict[str, QuestionSet]) -> None:
    qset = catalog_sets["turnover-cost"]
    prepared_draft(qset.id, keyboard_answers(qset, 3))
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot, "QuestionScreen")
        assert app.screen.item.id == "on_costs_pct"
        await pilot.press(*"30", "enter")
        await wait_for(pilot, lambda: app.screen.draft.answers.get("on_costs_pct") == 30.0)
        await pilot.press("pageup")
        await wait_for(pilot, lambda: app.screen.item.id == "on_costs_pct")
        app.screen.query_one("#answer-input", Input).value = ""
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.item.id != "on_costs_pct")
        assert "on_costs_pct" not in app.screen.draft.answers  # the default applies again
        await pilot.press("pageup")
        await wait_for(pilot, lambda: app.screen.item.id == "on_costs_pct")
        await pilot.press("pagedown")  # going on without touching the field keeps it empty
        await wait_for(pilot, lambda: app.screen.item.id != "on_costs_pct")
        assert "on_costs_pct" not in app.screen.draft.answers


async def test_the_what_if_only_takes_what_the_target_question_accepts(
    catalog_sets: dict[str, QuestionSet],
) -> None:
    qset = catalog_sets["turnover-cost"]
    prepared_draft(qset.id, keyboard_answers(qset), len(qset.items))
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot)
        field = app.screen.query_one("#what-if-input", Input)
        field.value = "150"
        await pilot.pause()
        field.value = "6"
        await pilot.pause()
        field.value = "150"  # refused: the last valid target stays
        await pilot.pause()
        assert "from 0 to 100" in str(app.screen.query_one("#what-if-result").render())
        await app.set_language("nl")  # a language switch keeps the typed target
        await wait_for(pilot, lambda: app.screen.shown_lang == "nl")
        assert app.screen.query_one("#what-if-input", Input).value == "6"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.session is not None)
        assert app.screen.session.answers["target_turnover_pct"] == 6.0
