"""Sync in the app: from the palette, a progress bar and a summary; home says when it was."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from selfaudit.store import Session, Store
from selfaudit.teamstore.config import TeamStoreConfig, save_config
from tests.store.exchange import save
from tests.tui.conftest import home_loaded, make_app, send_read_before, wait_for
from tests.tui.test_control_characters import drawn


def _shared_folder_and_a_session(tmp_path: Path, name: str = "") -> tuple[Path, Session]:
    """A team store that is a folder, and one session of Payroll waiting to be published."""
    shared = tmp_path / "share"
    shared.mkdir()
    save_config(TeamStoreConfig(folder=str(shared)))
    store = Store.open()
    return shared, save(store, who=store.pseudonym(), team="Payroll", name=name)


async def _previewed(pilot: Any) -> None:
    app = pilot.app
    await home_loaded(pilot)
    app.open_sync()
    await wait_for(
        pilot,
        lambda: (
            type(app.screen).__name__ == "SyncScreen"
            and (app.screen.preview is not None or app.screen.problem)
        ),
    )
    await pilot.pause()


async def _synced(pilot: Any) -> None:
    await _previewed(pilot)
    await pilot.press("enter")
    app = pilot.app
    await wait_for(pilot, lambda: app.screen.finished or app.screen.problem)
    await pilot.pause()


async def test_the_sync_screen_first_shows_what_would_be_published(tmp_path: Path) -> None:
    shared, session = _shared_folder_and_a_session(tmp_path, name="Ann")
    app: Any = make_app(team="Payroll")
    async with app.run_test(size=(200, 30)) as pilot:
        await _previewed(pilot)
        screen = drawn(app)
        assert "only the fields listed leave this machine" in screen
        assert f"{session.id}.toml: " in screen and "answers.enps" in screen
        assert "choose_what" not in screen and "notes" not in screen
        assert list(shared.iterdir()) == []  # nothing published yet
        assert not app.screen.query_one("#sync-progress").display  # no empty bar before
        assert "saved without a team" not in screen
        await pilot.press("escape")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HomeScreen")
    assert list(shared.iterdir()) == []


async def test_the_sync_screen_publishes_and_says_what_it_did(tmp_path: Path) -> None:
    shared, _ = _shared_folder_and_a_session(tmp_path)
    app: Any = make_app(team="Payroll")
    async with app.run_test(size=(100, 30)) as pilot:
        await _synced(pilot)
        assert app.screen.problem == "", app.screen.problem
        assert "1 published, 0 imported, 1 already present, 0 refused" in drawn(app)
        bar = app.screen.query_one("#sync-progress")
        assert bar.display and bar.total is not None and bar.progress == bar.total
        assert len(list(shared.rglob("*.toml"))) == 1
        await pilot.press("escape")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HomeScreen")
        app.screen.load()
        await wait_for(pilot, lambda: "last sync" in drawn(app))


async def test_an_enter_typed_before_the_preview_was_there_does_not_sync(
    tmp_path: Path,
) -> None:
    shared, _ = _shared_folder_and_a_session(tmp_path)
    app: Any = make_app(team="Payroll")
    async with app.run_test(size=(100, 30)) as pilot:
        await _previewed(pilot)
        screen = app.screen
        send_read_before(app, "enter", screen.previewed_at)  # handled only now
        await pilot.pause(0.3)
        assert not screen.started and list(shared.iterdir()) == []
        await pilot.press("enter")  # typed after it
        await wait_for(pilot, lambda: screen.finished)
    assert len(list(shared.rglob("*.toml"))) == 1


async def test_without_a_team_store_it_says_how_to_set_one_up() -> None:
    app: Any = make_app(team="Payroll")
    async with app.run_test(size=(200, 30)) as pilot:  # the sentence on one line
        await _previewed(pilot)
        assert "Press Enter to set one up here" in drawn(app)
        assert "selfaudit sync --folder" in drawn(app)
        assert "last sync" not in drawn(app) and "not synced" not in drawn(app)


async def test_home_says_not_synced_yet_once_a_store_is_set_up(tmp_path: Path) -> None:
    save_config(TeamStoreConfig(folder=str(tmp_path)))
    app: Any = make_app(team="Payroll")
    async with app.run_test(size=(120, 30)) as pilot:
        await home_loaded(pilot)
        await wait_for(pilot, lambda: "not synced yet" in drawn(app))
        await pilot.press("l")  # in the language switched to, like the rest of the line
        await wait_for(pilot, lambda: "nog niet gesynchroniseerd" in drawn(app))
        assert "not synced yet" not in drawn(app)


async def test_history_opens_export_import_and_sync() -> None:
    store = Store.open()
    save(store, who=store.pseudonym(), team="Payroll")
    app: Any = make_app(team="Payroll")
    async with app.run_test(size=(100, 30)) as pilot:
        await home_loaded(pilot)
        for key, screen in (
            ("x", "ExportSessionsScreen"),
            ("i", "ImportScreen"),
            ("y", "SyncScreen"),
        ):
            app.open_history()
            await wait_for(pilot, lambda: type(app.screen).__name__ == "HistoryScreen")
            await pilot.pause()
            await pilot.press(key)
            await wait_for(pilot, lambda screen=screen: type(app.screen).__name__ == screen)
            await pilot.press("escape")
            await wait_for(pilot, lambda: type(app.screen).__name__ == "HistoryScreen")
            await pilot.press("escape")


async def test_the_preview_says_how_many_sessions_without_a_team_stay_here(
    tmp_path: Path,
) -> None:
    _shared_folder_and_a_session(tmp_path)
    store = Store.open()
    for day in (1, 2):
        save(store, who=store.pseudonym(), team="", when=dt.datetime(2026, 3, day, tzinfo=dt.UTC))
    app: Any = make_app(team="Payroll", language="nl")
    async with app.run_test(size=(100, 30)) as pilot:
        await _previewed(pilot)
        assert app.screen.teamless == 2
        assert "2 van je sessies zijn zonder team bewaard" in drawn(app)


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        ("folder", "is niet bereikbaar (is de schijf verbonden?); 1 sessie wacht om"),
        ("git", "is niet bereikbaar ("),
        ("other-remote", "is een checkout van een andere repository, niet van"),
    ],
)
async def test_a_store_out_of_reach_is_said_in_the_interface_language(
    tmp_path: Path, kind: str, said: str
) -> None:
    missing = tmp_path / "unplugged"
    if kind == "folder":
        save_config(TeamStoreConfig(folder=str(missing)))
    else:
        save_config(TeamStoreConfig(remote=str(missing / "store.git")))
    if kind == "other-remote":  # a checkout of some other repository is in the way
        other = tmp_path / "other.git"
        subprocess.run(["git", "init", "-q", "--bare", str(other)], check=True)
        checkout = Path(os.environ["SELFAUDIT_DATA_DIR"]) / "team-store"
        subprocess.run(["git", "clone", "-q", str(other), str(checkout)], check=True)
    store = Store.open()
    save(store, who=store.pseudonym(), team="Payroll")
    app: Any = make_app(team="Payroll", language="nl")
    async with app.run_test(size=(200, 30)) as pilot:
        await _previewed(pilot)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.problem)
        assert said in app.screen.problem and "cannot" not in app.screen.problem
        assert not app.screen.query_one("#sync-progress").display  # no "100%" over it
        assert said in " ".join(drawn(app).split())
