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


@pytest.mark.parametrize(
    ("toml_text", "shown"),
    [
        ("\\u001b]0;pwned\\u0007x", "\\x1b"),
        ("Sales\\u202eSN", "\\u202e"),
        ("a\\u009b2J", "\\x9b"),
        ("a\\u200db", "\\u200d"),
        ("one\\ntwo", "\\n"),
    ],
)
@pytest.mark.parametrize("key", ["team", "respondent"])
def test_a_team_or_name_with_a_control_character_is_refused_in_one_sentence(
    tmp_path: Path, key: str, toml_text: str, shown: str
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(f'{key} = "{toml_text}"\nlanguage = "nl"\n')
    loaded, warning = load_settings(path)
    assert (getattr(loaded, key), loaded.language) == ("", "nl")
    assert warning == (
        f"{path}: ignored {key} (contains the control character {shown}); "
        "the defaults are used instead."
    )


def test_a_team_with_spaces_and_any_script_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('team = "Zoë\u00a0& 日本 [b]"\n')
    assert load_settings(path) == (Settings(team="Zoë\u00a0& 日本 [b]"), None)


def test_an_unknown_key_is_named_as_typed(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('"\\u001b[2J" = 1\n')
    _, warning = load_settings(path)
    assert (
        warning == f"{path}: ignored \\x1b[2J (unknown or invalid); the defaults are used instead."
    )


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


def test_team_size_and_k_are_kept_and_k_is_never_below_three(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('team = "Service desk"\nteam_size = 8\nteam_k = 4\n', "utf-8")
    settings, problem = load_settings(path)
    assert problem is None and (settings.team_size, settings.team_k) == (8, 4)
    path.write_text("team_size = -1\nteam_k = 2\n", "utf-8")
    settings, problem = load_settings(path)
    assert (settings.team_size, settings.team_k) == (0, 5)
    assert problem is not None and "team_k (must be a whole number of at least 3)" in problem
    path.write_text("team_k = true\n", "utf-8")
    assert load_settings(path)[0].team_k == 5
