"""A broken set file of your own: the notice names it and how to see why; Settings keeps it."""

from __future__ import annotations

from typing import Any

from textual.widgets import Static

from selfaudit.paths import user_sets_dir
from tests.tui.conftest import home_loaded, make_app, wait_for


async def test_the_notice_names_the_file_and_settings_keeps_it() -> None:
    folder = user_sets_dir()
    folder.mkdir(parents=True)
    broken = folder / "our-team.toml"
    broken.write_text('id = "our-team"\ntitle = "unfinished\n', encoding="utf-8")
    app: Any = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await home_loaded(pilot)
        await wait_for(pilot, lambda: list(app._notifications))
        [note] = list(app._notifications)
        assert str(broken) in note.message
        assert f"selfaudit validate {broken}" in note.message
        await pilot.press("s")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "SettingsScreen")
        await pilot.pause()
        shown = "\n".join(str(w.render()) for w in app.screen.query(Static))
        assert f"selfaudit validate {broken}" in shown
        assert str(folder) in shown
