"""The results screen at 80 columns: the sentence beside the save button never runs into it."""

from __future__ import annotations

from typing import Any

import pytest

from selfaudit.questionnaires import load_catalog
from tests.tui.conftest import make_app, open_first_draft, prepared_draft


@pytest.mark.parametrize("lang", ["en", "nl"])
async def test_the_unsaved_line_keeps_a_gap_before_the_save_button(lang: str) -> None:
    every = len(load_catalog().sets["choose-us"].items)  # at the results
    prepared_draft("choose-us", {"enps": 3, "choose_again": 2}, every)
    app: Any = make_app(language=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot)
        await pilot.pause()
        line = app.screen.query_one("#saved-line")
        button = app.screen.query_one("#save-top")
        # The sentence wraps inside its own region; that region ends two cells before the button.
        assert button.region.x - line.region.right >= 2, (line.region, button.region)
