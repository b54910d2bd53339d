"""What a file or a user wrote is drawn as typed, never obeyed by the terminal (issue 8).

Textual passes an escape character in a widget's text straight to the terminal (in tmux the
team below set the window title and cleared the screen), so these tests read every character
the screen would send, from the compositor that feeds the driver.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from typing import Any

from textual import events
from textual.widgets import Input, Static

from selfaudit.questionnaires import load_catalog
from selfaudit.settings import Settings, load_settings, save_settings, settings_path
from selfaudit.store import Store
from tests.tui.conftest import (
    draft_at_results,
    home_loaded,
    make_app,
    open_first_draft,
    wait_for,
)

#: Sets the terminal's title, then clears the screen.
ATTACK = "\x1b]0;pwned\x07x\x1b[2J"
SHOWN = "\\x1b]0;pwned\\x07x\\x1b[2J"
#: Tall enough that the whole results screen is drawn at once.
TALL = (100, 150)


def drawn(app: Any) -> str:
    """Every character the screen sends to the terminal now, line by line."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def raw_controls(text: str) -> list[str]:
    """The characters in ``text`` a terminal would obey or hide (line breaks aside)."""
    return [
        ch
        for ch in text
        if ch != "\n" and not ch.isprintable() and unicodedata.category(ch) != "Zs"
    ]


async def test_home_draws_the_team_and_name_as_typed() -> None:
    app: Any = make_app(team=ATTACK, respondent=ATTACK)
    async with app.run_test(size=(100, 24)) as pilot:
        await home_loaded(pilot)
        screen = drawn(app)
        assert raw_controls(screen) == []
        assert f"Team: {SHOWN}" in screen


async def test_a_settings_file_with_a_control_character_still_opens_the_app() -> None:
    settings_path().parent.mkdir(parents=True)
    settings_path().write_text('team = "\\u001b]0;pwned\\u0007x"\nrespondent = "Ann"\n')
    app: Any = make_app()  # no settings given: read from the file, as the program does
    async with app.run_test(size=(100, 24)) as pilot:
        await home_loaded(pilot)
        assert (app.settings.team, app.settings.respondent) == ("", "Ann")
        assert raw_controls(drawn(app)) == []
        warnings = [n.message for n in app._notifications]
    assert len(warnings) == 1 and raw_controls(warnings[0]) == []
    assert "ignored team (contains the control character \\x1b)" in warnings[0]


def save_hostile_session(set_id: str = "choose-us") -> None:
    """A saved session whose every free text carries the attack."""
    qset = dataclasses.replace(load_catalog().sets["choose-us"], id=set_id)
    Store.open().save_session(
        qset,
        {"enps": 9, "choose_what": ATTACK},
        notes={"enps": ATTACK},
        team=ATTACK,
        respondent=ATTACK,
        actions=[ATTACK],
    )


async def open_history(pilot: Any) -> None:
    """From home, open the history and wait until it has read the store."""
    await home_loaded(pilot)
    await pilot.press("h")
    await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "HistoryScreen")
    await wait_for(pilot, lambda: pilot.app.screen.loaded)
    await pilot.pause()


async def test_history_draws_team_name_and_set_as_typed() -> None:
    save_hostile_session()
    save_hostile_session(set_id=ATTACK)  # a set that is not installed shows its id
    app: Any = make_app()
    async with app.run_test(size=(100, 24)) as pilot:
        await open_history(pilot)
        screen = drawn(app)
        assert raw_controls(screen) == []
        assert f"({SHOWN} · {SHOWN})" in screen
        assert f"  {SHOWN}  " in screen


async def test_a_saved_session_draws_answers_notes_and_actions_as_typed() -> None:
    save_hostile_session()
    app: Any = make_app()
    async with app.run_test(size=TALL) as pilot:
        await open_history(pilot)
        await pilot.press("enter")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ResultsScreen")
        await pilot.pause()
        screen = drawn(app)
        assert raw_controls(screen) == []
        assert screen.count(SHOWN) == 3  # the open answer, the note, the action item
        assert f"• {SHOWN}" in screen


async def test_unsaved_results_draw_answers_notes_and_actions_as_typed() -> None:
    draft_id = draft_at_results({"enps": 9, "choose_what": f"first line\n{ATTACK}"})
    store = Store.open()
    draft = store.open_draft(draft_id)
    draft.notes = {"enps": ATTACK}
    draft.actions = [ATTACK]
    store.save_draft(draft)
    store.close()
    app: Any = make_app()
    async with app.run_test(size=TALL) as pilot:
        await open_first_draft(pilot)
        await pilot.pause()
        screen = drawn(app)
        assert raw_controls(screen) == []
        assert f"[x] {SHOWN}" in screen  # the user's own action item, in the checklist
        assert "first line" in screen and screen.count(SHOWN) == 3


async def test_the_question_screen_draws_the_note_as_typed() -> None:
    qset = load_catalog().sets["choose-us"]
    store = Store.open()
    draft = store.new_draft(qset)
    draft.notes = {qset.items[0].id: ATTACK}
    store.save_draft(draft)
    store.close()
    app: Any = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_draft_question(pilot)
        screen = drawn(app)
        assert raw_controls(screen) == []
        assert SHOWN in screen


async def open_first_draft_question(pilot: Any) -> None:
    """From home, open the draft listed first at its question."""
    await home_loaded(pilot)
    await pilot.press("enter")
    await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "QuestionScreen")
    await pilot.pause()


async def test_the_settings_screen_refuses_a_pasted_control_character() -> None:
    save_settings(Settings(team="Ops"))
    app: Any = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await home_loaded(pilot)
        await pilot.press("s")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "SettingsScreen")
        for field in ("team", "respondent"):
            app.screen.query_one(f"#{field}", Input).post_message(events.Paste(ATTACK))
        await pilot.pause()
        assert app.screen.query_one("#team", Input).value == "Ops"
        assert app.screen.query_one("#respondent", Input).value == ""
        message = "That text contains the control character \\x1b, so it was not added."
        for field in ("team", "respondent"):
            error = app.screen.query_one(f"#{field}-error", Static)
            assert error.display and str(error.render()) == message
        assert raw_controls(drawn(app)) == []
        await pilot.press("end", *" night")  # typing on hides the message
        assert not app.screen.query_one("#team-error", Static).display
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HomeScreen")
    assert load_settings()[0] == Settings(team="Ops night")


async def test_an_own_action_item_refuses_a_pasted_control_character() -> None:
    draft_at_results({"enps": 9})
    app: Any = make_app()
    async with app.run_test(size=TALL) as pilot:
        await open_first_draft(pilot)
        field = app.screen.query_one("#own-action", Input)
        field.post_message(events.Paste(f"call {ATTACK}"))
        await pilot.pause()
        assert field.value == ""
        assert raw_controls(drawn(app)) == []


async def test_the_note_dialog_and_a_text_answer_from_a_draft_are_drawn_as_typed() -> None:
    qset = load_catalog().sets["choose-us"]
    text_item = qset.items[-1]
    store = Store.open()
    draft = store.new_draft(qset)
    draft.notes = {text_item.id: ATTACK}
    draft.answers = {text_item.id: ATTACK}
    draft.position = len(qset.items) - 1
    store.save_draft(draft)
    store.close()
    app: Any = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_draft_question(pilot)
        assert raw_controls(drawn(app)) == [] and SHOWN in drawn(app)  # the text answer
        await pilot.press("f3")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "NoteScreen")
        await pilot.pause()
        assert raw_controls(drawn(app)) == []
        assert SHOWN in drawn(app)


async def test_a_notification_naming_a_file_is_shown_as_typed() -> None:
    app: Any = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await home_loaded(pilot)
        app.notify(f"Cannot read {ATTACK}", title=ATTACK, markup=False)
        # What Textual is given to draw (its toasts draw the message as it is).
        await wait_for(pilot, lambda: list(app._notifications))
        [note] = list(app._notifications)
        assert (note.message, note.title) == (f"Cannot read {SHOWN}", SHOWN)
