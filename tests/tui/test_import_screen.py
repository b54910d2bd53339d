"""Import in the app: a path, a progress bar, and what became of each file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tomli_w

from selfaudit.store import Store
from selfaudit.store.shareable import shareable_doc
from tests.store.exchange import builtin, save
from tests.tui.conftest import home_loaded, make_app, wait_for
from tests.tui.test_control_characters import drawn


async def test_importing_a_folder_shows_each_file_and_the_counts(tmp_path: Path) -> None:
    other = Store.open(tmp_path / "member")
    session = save(other, who="anon-bbbbbb", name="Bea")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"{session.id}.toml").write_bytes(
        tomli_w.dumps(shareable_doc(session, builtin())).encode()
    )
    (folder / "bad.toml").write_text("format_version = 99\n")
    app: Any = make_app()
    async with app.run_test(size=(160, 30)) as pilot:
        await home_loaded(pilot)
        app.open_import()
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ImportScreen")
        await pilot.pause()
        app.screen.query_one("#import-path").value = str(folder)
        await pilot.press("enter")
        await wait_for(pilot, lambda: bool(app.screen.lines))
        await pilot.pause()
        screen = drawn(app)
        assert "1 imported, 0 already present, 1 refused" in screen
        assert "newer than this build reads" in screen
    held = Store.open().load(session.id)
    assert held.imported_at is not None and held.respondent == ""
