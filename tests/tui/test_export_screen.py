"""Export in the app: the first Enter shows what would leave, the second writes it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from selfaudit.store import Store
from selfaudit.tui.screens.export_sessions import format_of
from tests.store.exchange import save
from tests.tui.conftest import home_loaded, make_app, wait_for
from tests.tui.test_control_characters import drawn


async def _enter(pilot: Any) -> None:
    app = pilot.app
    await pilot.press("enter")
    await wait_for(pilot, lambda: not app.screen.busy and app.screen.lines)
    await pilot.pause()


async def test_export_shows_what_leaves_then_writes_the_report(tmp_path: Path) -> None:
    store = Store.open()
    session = save(store, who=store.pseudonym(), name="Ann")
    target = tmp_path / "report.html"
    app: Any = make_app()
    async with app.run_test(size=(200, 40)) as pilot:
        await home_loaded(pilot)
        app.open_export()
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ExportSessionsScreen")
        await pilot.pause()
        app.screen.query_one("#export-path").value = str(target)
        await _enter(pilot)
        screen = drawn(app)
        assert f"{session.id}: " in screen and "answers.enps" in screen
        assert "choose_what" not in screen and not target.exists()
        app.screen.lines = []
        await _enter(pilot)
        assert app.screen.written
        assert f"wrote {target} (1 session)" in drawn(app)
    page = target.read_text()
    assert page.startswith("<!DOCTYPE html>") and "my private note" not in page


def test_the_format_follows_the_name() -> None:
    assert format_of(Path("r.HTML")) == "html" and format_of(Path("r.md")) == "md"
    assert format_of(Path("s.csv")) == "csv" and format_of(Path("s.json")) == "json"
    assert format_of(Path("to-the-lead")) == "toml"
