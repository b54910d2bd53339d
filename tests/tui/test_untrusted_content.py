"""What comes from files (a custom set's texts, old drafts and sessions) is shown, never obeyed."""

from __future__ import annotations

import contextlib
import dataclasses
from pathlib import Path
from typing import Any

from textual.command import CommandPalette
from textual.widgets import Static

from selfaudit import paths
from selfaudit.questionnaires import load_catalog
from selfaudit.store import Store
from tests.tui.conftest import (
    draft_at_results,
    home_loaded,
    make_app,
    open_first_draft,
    palette_text,
    wait_for,
)

FIXTURE = Path(__file__).parents[1] / "fixtures" / "sets" / "mini.toml"


def install_custom_set(title: str) -> None:
    """Put a copy of the mini set, with another title, in the user's sets folder."""
    folder = paths.user_sets_dir()
    folder.mkdir(parents=True)
    text = FIXTURE.read_text(encoding="utf-8").replace(
        'title = { en = "Mini", nl = "Mini" }', f"title = {{ en = '{title}', nl = '{title}' }}"
    )
    (folder / "mini.toml").write_text(text, encoding="utf-8")


async def test_a_set_title_with_markup_is_shown_as_typed_in_the_palette() -> None:
    install_custom_set("[/] [b]x [@click=app.quit]go")
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: CommandPalette.is_open(app))
        await pilot.press(*"Start: [/]")
        title = "[/] [b]x [@click=app.quit]go"
        with contextlib.suppress(AssertionError):  # wait for the search, then say what it found
            await wait_for(pilot, lambda: title in palette_text(app))
        hits = palette_text(app).splitlines()
        assert any(title in h for h in hits), hits
        await pilot.press("enter")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "IntroScreen")
        assert app.is_running  # the "click" in the title did not quit the app


async def test_unsaved_results_open_again_on_the_results_screen() -> None:
    draft_at_results({"enps": 9})
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot)
        assert app.screen.results.enps.answer == 9


async def test_a_draft_with_answers_the_set_no_longer_accepts_does_not_crash() -> None:
    draft_at_results({"enps": 9, "stay_year": "yes please", "gone": 3}, "an older version")
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot)
        assert app.screen.draft.answers == {"enps": 9}


async def test_a_session_of_an_older_set_version_shows_its_saved_figures() -> None:
    qset = load_catalog().sets["choose-us"]
    older = dataclasses.replace(qset, version="0.9")
    store = Store.open()
    session = store.save_session(older, {"enps": 3, "stay_year": 5})
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        await pilot.press("h")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HistoryScreen")
        await wait_for(pilot, lambda: app.screen.loaded)
        await pilot.pause()
        await pilot.press("enter")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ResultsScreen")
        screen = app.screen
        assert screen.as_saved
        assert screen.results.to_dict() == session.results
        notes = [str(s.render()) for s in screen.query(Static).results()]
        assert any("earlier version" in n for n in notes)


async def test_results_show_open_answers_and_notes_as_typed() -> None:
    draft_id = draft_at_results({"enps": 9, "choose_what": "More [b]say[/b]"})
    store = Store.open()
    draft = store.open_draft(draft_id)
    draft.notes = {"enps": "only if [red]my team[/red] stays"}
    store.save_draft(draft)
    store.close()
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot)
        shown = [str(s.render()) for s in app.screen.query(Static).results()]
        assert "In your own words" in shown
        assert "More [b]say[/b]" in shown and "only if [red]my team[/red] stays" in shown
