"""The settings file: validated values, private folders under any umask, one write per save."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from selfaudit import settings as settings_module
from selfaudit.settings import Settings, load_settings, save_settings


@pytest.mark.parametrize("theme", ["[/]", "Nord", "a b", "x" * 61, ""])
def test_a_theme_that_is_not_a_plain_name_is_ignored(tmp_path: Path, theme: str) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(f'theme = "{theme}"\nlanguage = "nl"\n')
    loaded, warning = load_settings(path)
    assert (loaded.theme, loaded.language) == ("textual-dark", "nl")
    assert warning == f"{path}: ignored theme (unknown or invalid); the defaults are used instead."


def test_a_plain_theme_name_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('theme = "tokyo-night"\n')
    assert load_settings(path) == (Settings(theme="tokyo-night"), None)


def test_save_makes_private_folders_under_umask_000_and_writes_once(
    isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = isolated_dirs / "fresh-home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("SELFAUDIT_CONFIG_DIR")
    monkeypatch.delenv("XDG_CONFIG_HOME")
    from selfaudit.store import atomic

    writes: list[Path] = []
    real = atomic.write_atomic

    def counting(target: Path, data: bytes, **kwargs: object) -> None:
        writes.append(target)
        real(target, data, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic, "write_atomic", counting)
    old = os.umask(0o000)
    try:
        path = save_settings(Settings(team="Ops"))
    finally:
        os.umask(old)
    assert path == home / ".config" / "selfaudit" / "settings.toml"
    assert writes == [path]
    for folder in (home / ".config", path.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert settings_module.load_settings(path) == (Settings(team="Ops"), None)
