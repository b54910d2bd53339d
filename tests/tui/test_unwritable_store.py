"""A store that cannot be written from the very start: answer in memory, a copy offered at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from selfaudit.store import Store, StoreError
from selfaudit.tomlio import read_toml
from tests.tui.conftest import home_loaded, make_app, wait_for


async def start_choose_us_and_copy_to(pilot: Any, folder: Path) -> None:
    """Start choose-us; the copy dialog must come at once; send the copy to ``folder``."""
    app = pilot.app
    await home_loaded(pilot)
    await pilot.press("enter", "enter")
    await wait_for(pilot, lambda: type(app.screen).__name__ == "ExportScreen")
    assert type(app.screen_stack[-2]).__name__ == "QuestionScreen"
    app.screen.query_one("#export-folder", Input).value = str(folder)
    await pilot.press("enter")
    await wait_for(pilot, lambda: type(app.screen).__name__ == "QuestionScreen")


async def answer_two(pilot: Any) -> Any:
    """Answer the first two questions of choose-us (eNPS 8, then 4); returns the screen."""
    screen = pilot.app.screen
    await pilot.press("8", "enter", "4", "enter")
    await wait_for(pilot, lambda: screen.draft.position == 2)
    return screen


def the_copy(folder: Path) -> dict[str, Any]:
    [copy] = folder.iterdir()
    return read_toml(copy, 1 << 20)


async def test_a_data_dir_that_cannot_be_made_still_lets_you_answer(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("not selfaudit's\n")
    monkeypatch.setenv("SELFAUDIT_DATA_DIR", str(blocker / "data"))  # its parent is a file
    folder = tmp_path / "usb"
    folder.mkdir()
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_choose_us_and_copy_to(pilot, folder)
        screen = await answer_two(pilot)
        assert screen.draft.answers == {"enps": 8, "choose_again": 4}
        # Once a folder is chosen, every answer goes into the copy without asking again.
        await wait_for(pilot, lambda: the_copy(folder)["answers"].get("choose_again") == 4)
        assert type(app.screen).__name__ == "QuestionScreen"
    assert the_copy(folder)["answers"] == {"enps": 8, "choose_again": 4}
    assert blocker.read_text() == "not selfaudit's\n"


async def test_a_full_disk_at_the_first_save_keeps_the_answers_in_memory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def disk_full(self: Store, *args: object) -> None:
        raise StoreError("Could not save to X: the disk is full; free some space and try again.")

    monkeypatch.setattr(Store, "save_draft", disk_full)
    folder = tmp_path / "usb"
    folder.mkdir()
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_choose_us_and_copy_to(pilot, folder)
        await answer_two(pilot)
        await wait_for(pilot, lambda: the_copy(folder)["answers"].get("choose_again") == 4)
    assert Store.open().drafts() == []  # nothing pretended to be saved
