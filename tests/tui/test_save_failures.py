"""When the disk fails, the answers stay in the window and a copy can go to a chosen folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from selfaudit.questionnaires import load_catalog
from selfaudit.store import NotDurable, Store, StoreError
from selfaudit.tomlio import read_toml
from tests.tui.conftest import (
    draft_at_results,
    keyboard_answers,
    make_app,
    open_first_draft,
    prepared_draft,
    wait_for,
)


async def test_a_failed_save_offers_a_copy_in_a_folder_of_your_choice(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    draft_id = draft_at_results({"enps": 9, "stay_year": 4})

    def disk_full(self: Store, *args: object) -> None:
        raise StoreError("Could not save to X: the disk is full; free some space and try again.")

    monkeypatch.setattr(Store, "complete", disk_full)
    folder = tmp_path / "usb stick"
    folder.mkdir()
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ExportScreen")
        field = app.screen.query_one("#export-folder", Input)
        field.value = str(tmp_path / "no such folder")
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ExportScreen"  # refused: the folder must exist
        field.value = str(folder)
        await pilot.press("enter")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ResultsScreen")
        await wait_for(pilot, lambda: any(folder.iterdir()))
        assert app.screen.session is None  # not pretending it was saved
    [copy] = folder.iterdir()
    assert draft_id in copy.name
    assert read_toml(copy, 1 << 20)["answers"] == {"enps": 9, "stay_year": 4}


async def test_a_save_the_disk_could_not_confirm_shows_as_saved(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    draft_at_results({"enps": 7})
    real_complete = Store.complete

    def unconfirmed(self: Store, draft: Any, qset: Any) -> None:
        session = real_complete(self, draft, qset)
        raise NotDurable(self.path_of(session.id))

    monkeypatch.setattr(Store, "complete", unconfirmed)
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.session is not None)
        assert app.screen.session.answers == {"enps": 7}
        assert type(app.screen).__name__ == "ResultsScreen"


async def test_disk_errors_are_told_in_the_interface_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import errno

    from selfaudit.store import atomic

    draft_at_results({"enps": 8})

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    app: Any = make_app(language="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot)
        monkeypatch.setattr(atomic.os, "write", full)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ExportScreen")
        problem = str(app.screen.problem)
        assert "de schijf is vol" in problem and "sessions" in problem, problem


async def test_a_failed_save_of_the_last_answer_stays_and_offers_a_copy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    qset = load_catalog().sets["choose-us"]
    prepared_draft(qset.id, keyboard_answers(qset, len(qset.items) - 1))
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot, "QuestionScreen")
        assert app.screen.draft.position == len(qset.items) - 1

        def disk_full(self: Store, draft: Any) -> None:
            raise StoreError("Could not save: the disk is full.")

        monkeypatch.setattr(Store, "save_draft", disk_full)
        await pilot.press(*"more say in planning", "enter")  # the last question is open text
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ExportScreen")
        await pilot.press("escape")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "QuestionScreen")
        assert app.screen.draft.answers[qset.items[-1].id] == "more say in planning"  # in memory


async def test_an_answer_the_set_no_longer_accepts_opens_that_question() -> None:
    draft_at_results({"stay_year": 9, "enps": 9})  # stay_year is 1-5 now
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "QuestionScreen")
        assert app.screen.item.id == "stay_year"
