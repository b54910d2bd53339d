"""Keys sent all at once, faster than screens change, land where they were meant, in order.

Each test hands every key to the app's driver in one go, with no pause between them (as a
paste or ``tmux send-keys`` does), then waits for the app to finish and checks what was saved.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import OptionList

from selfaudit.core.model import Item, Kind, QuestionSet
from selfaudit.questionnaires import load_catalog
from selfaudit.store import Store
from tests.tui.conftest import home_loaded, make_app, send_at_once, wait_for

SETS = ["choose-us", "competency-level", "internal-service", "turnover-cost"]


def keys_for(item: Item, index: int) -> tuple[list[str], object]:
    """Keys that answer ``item`` and the value they must save (varied per question)."""
    if item.kind is Kind.LIKERT5:
        value = index % 5 + 1
        return [str(value), "enter"], value
    if item.kind is Kind.SCALE10:
        value = index % 10
        return [str(value), "enter"], value
    if item.kind is Kind.YESNO:
        return ["2", "enter"], False
    if item.kind is Kind.CHOICE:
        return ["down", "down", "enter"], item.options[1].id
    if item.kind is Kind.TEXT:
        # A slip corrected on the way: Backspace must act where it was typed. The brackets
        # would be markup if the text ever reached Rich unescaped.
        return [*"[Goed] x", "backspace", *"zo", "enter"], "[Goed] zo"
    if item.kind is Kind.TEAM:
        return [*"Financx", "backspace", *"e [HR]", "enter"], "Finance [HR]"
    low = int(item.minimum or 0) + 1
    typed = str(low + index)
    return ["9", "backspace", *typed, "enter"], float(typed)


def typed_walk(qset: QuestionSet) -> tuple[list[str], dict[str, object]]:
    """The keys that answer a whole set, and the answers they must save, item by item."""
    keys: list[str] = []
    expected: dict[str, object] = {}
    for index, item in enumerate(qset.items):
        item_keys, value = keys_for(item, index)
        keys += item_keys
        expected[item.id] = value
    return keys, expected


def only_draft() -> Any:
    store = Store.open()
    [draft] = store.drafts()
    return draft


def cursor_to(app: Any, set_id: str) -> list[str]:
    """The Down presses that move the home list from its first entry to ``set_id``."""
    option_list = app.screen.query_one("#home-list", OptionList)
    ids = [option.id for option in option_list.options]
    start = option_list.highlighted or 0
    return ["down"] * sum(
        1 for i in range(start, ids.index(f"set:{set_id}")) if not option_list.options[i].disabled
    )


@pytest.mark.parametrize("set_id", SETS)
async def test_a_whole_set_typed_at_once_saves_every_answer_on_its_question(
    set_id: str, catalog_sets: dict[str, QuestionSet]
) -> None:
    qset = catalog_sets[set_id]
    keys, expected = typed_walk(qset)
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        # From the home list: to the set, Enter (introduction), Enter (start), then every answer.
        send_at_once(app, [*cursor_to(app, set_id), "enter", "enter", *keys])
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ResultsScreen")
        draft = app.screen.draft
        assert draft.set_id == set_id
    saved = only_draft().answers
    for item in qset.items:
        assert saved.get(item.id) == expected[item.id], item.id
    assert saved == expected


async def test_enter_enter_on_home_opens_one_set_once() -> None:
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        send_at_once(app, ["enter", "enter", "7"])
        # The 7 is handled once the question is settled: wait for it (a lost key times out).
        await wait_for(
            pilot,
            lambda: (
                type(app.screen).__name__ == "QuestionScreen"
                and app.screen.draft.answers == {"enps": 7}
            ),
        )
        await pilot.pause()
        stack = [type(s).__name__ for s in app.screen_stack]
        assert stack.count("QuestionScreen") == 1 and "IntroScreen" not in stack
        assert app.screen.draft.answers == {"enps": 7}
    assert len(Store.open().drafts()) == 1


async def test_a_stale_click_from_the_previous_question_answers_nothing() -> None:
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        send_at_once(app, ["enter", "enter"])
        await wait_for(pilot, lambda: type(app.screen).__name__ == "QuestionScreen")
        screen: Any = app.screen
        old_list = screen.query_one("#choices", OptionList)
        send_at_once(app, ["7", "enter"])
        await wait_for(pilot, lambda: screen.draft.position == 1)
        # The previous question's list reports a choice after the next question was built.
        screen.post_message(OptionList.OptionSelected(old_list, old_list.get_option_at_index(3), 3))
        await pilot.pause()
        await pilot.pause()
        assert screen.draft.position == 1
        assert screen.draft.answers == {"enps": 7}


async def test_keys_after_n_go_into_the_note_and_enter_closes_it_once() -> None:
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        send_at_once(app, ["enter", "enter", "8", "n", *"ok!", "enter", "enter"])
        await wait_for(pilot, lambda: getattr(app.screen, "draft", None) is not None)
        screen: Any = app.screen
        # The next question on screen, not only its position taken: the screen is rebuilt.
        await wait_for(pilot, lambda: "Question 2 of" in str(screen.query_one("#where").render()))
        assert screen.draft.notes == {"enps": "ok!"}
        assert screen.draft.answers == {"enps": 8}
        assert type(app.screen).__name__ == "QuestionScreen"


async def test_d_then_enter_answers_the_discard_question_not_the_list() -> None:
    qset = load_catalog().sets["choose-us"]
    store = Store.open()
    draft = store.new_draft(qset)
    store.close()
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        assert app.screen.query_one("#home-list", OptionList).highlighted_option.id == (
            f"draft:{draft.id}"
        )
        send_at_once(app, ["d", "tab", "enter"])  # Tab from Cancel to "Discard", then Enter
        await wait_for(pilot, lambda: not Store.open().drafts())
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


async def test_enter_enter_on_history_opens_one_session() -> None:
    qset = load_catalog().sets["choose-us"]
    Store.open().save_session(qset, {"enps": 9})
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        send_at_once(app, ["h", "enter", "enter"])
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ResultsScreen")
        await pilot.pause()
        stack = [type(s).__name__ for s in app.screen_stack]
        assert stack.count("ResultsScreen") == 1, stack


async def test_enter_typed_before_home_has_read_the_drafts_opens_the_draft() -> None:
    qset = load_catalog().sets["competency-level"]
    store = Store.open()
    draft = store.new_draft(qset)
    store.close()
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        # At once, before the home screen has read the store: the draft comes first there.
        send_at_once(app, ["enter"])
        await wait_for(pilot, lambda: type(app.screen).__name__ == "QuestionScreen")
        assert app.screen.draft.id == draft.id


async def test_keys_typed_before_history_is_read_act_on_the_list() -> None:
    qset = load_catalog().sets["choose-us"]
    Store.open().save_session(qset, {"enps": 9})
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        send_at_once(app, ["h", "enter"])  # Enter before History has read the sessions
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ResultsScreen")


async def test_a_tick_and_a_typed_action_sent_with_ctrl_s_are_saved() -> None:
    qset = load_catalog().sets["choose-us"]
    store = Store.open()
    draft = store.new_draft(qset)
    draft.answers = {"enps": 3, "choose_again": 2, "stay_year": 1}
    draft.position = len(qset.items)
    store.save_draft(draft)
    store.close()
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        send_at_once(app, ["enter"])  # the draft opens at its results
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ResultsScreen")
        screen: Any = app.screen
        await wait_for(pilot, lambda: getattr(app.focused, "id", "") == "results-box")
        first = screen.query_one("#actions").entries[0]
        screen.set_focus(screen.query_one("#actions"))
        screen.query_one("#actions").highlighted = 0
        # A tick, the own field, an item typed, save and quit: all at once.
        send_at_once(app, ["enter", "tab", *"Ask HR", "ctrl+s", "ctrl+q"])
        await wait_for(pilot, lambda: screen.session is not None)
        assert list(screen.session.actions) == [first, "Ask HR"]
        await wait_for(pilot, lambda: app.return_code == 0)


async def test_settings_typed_at_once_save_what_was_typed_and_the_next_key_acts_on_home() -> None:
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        keys = ["s", *"Service x", "backspace", *"desk", "enter", "h"]
        send_at_once(app, [" " if k == " " else k for k in keys])
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HistoryScreen")
        assert app.settings.team == "Service desk"
