"""Setting the team store up in the app, from the sync screen: a folder or a git remote."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from selfaudit.teamstore.config import config_for, load_config
from tests.tui.conftest import home_loaded, make_app, send_at_once, wait_for
from tests.tui.test_control_characters import drawn


async def _setup_screen(pilot: Any) -> None:
    app = pilot.app
    await home_loaded(pilot)
    app.open_sync()
    await wait_for(
        pilot, lambda: type(app.screen).__name__ == "SyncScreen" and app.screen.preview is not None
    )
    assert app.screen.needs_setup
    send_at_once(app, ["enter"])
    await wait_for(pilot, lambda: type(app.screen).__name__ == "TeamStoreSetupScreen")
    await pilot.pause()


async def test_a_folder_typed_at_once_is_set_up_and_the_sync_screen_reads_it(
    tmp_path: Path,
) -> None:
    shared = tmp_path / "share"
    shared.mkdir()
    app: Any = make_app(team="Payroll")
    async with app.run_test(size=(100, 30)) as pilot:
        await _setup_screen(pilot)
        assert "can read every session in it" in drawn(app)  # said before anything is saved
        send_at_once(app, [*str(shared), "enter"])
        await wait_for(
            pilot,
            lambda: (
                type(app.screen).__name__ == "SyncScreen"
                and app.screen.preview is not None
                and not app.screen.needs_setup
            ),
        )
        config = load_config()
        assert config is not None
        assert (config.folder, config.remote, config.team) == (str(shared), "", "Payroll")
        await pilot.pause()
        assert "Nothing new to publish" in drawn(app)


async def test_an_empty_place_is_refused_and_nothing_is_saved() -> None:
    app: Any = make_app(team="Payroll")
    async with app.run_test(size=(100, 30)) as pilot:
        await _setup_screen(pilot)
        send_at_once(app, ["enter"])
        await wait_for(pilot, lambda: "Type the path of a shared folder" in drawn(app))
        assert load_config() is None
        send_at_once(app, ["escape"])
        await wait_for(pilot, lambda: type(app.screen).__name__ == "SyncScreen")
        assert load_config() is None


def test_a_place_reads_as_a_folder_or_a_git_remote(tmp_path: Path) -> None:
    assert config_for("git@example.org:hr/selfaudit.git").remote == (
        "git@example.org:hr/selfaudit.git"
    )
    assert config_for(" https://example.org/hr/store.git ", " HR ").remote == (
        "https://example.org/hr/store.git"
    )
    assert config_for("https://example.org/x").team == ""
    assert config_for(str(tmp_path / "store.git")).remote  # no such folder here: a remote
    (tmp_path / "store.git").mkdir()
    assert config_for(str(tmp_path / "store.git")).folder == str(tmp_path / "store.git")
    bare = tmp_path / "team"
    subprocess.run(["git", "init", "--quiet", "--bare", str(bare)], check=True)
    assert config_for(str(bare)).remote == str(bare)  # a repository here is used with git
    assert config_for("~/share").folder == str(Path("~/share").expanduser())
    assert config_for("share").folder == str(Path("share").absolute())
