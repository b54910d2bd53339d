"""Where the team store is: set once, kept in ``team-store.toml`` beside the settings.

::

    [team_store]
    folder = "/mnt/share/selfaudit"   # a shared or synced folder, or
    remote = "git@example.org:hr/selfaudit.git"   # a git remote (one of the two)
    team = "Payroll"                 # optional: the team to pull (default: the settings' team)
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from selfaudit import paths
from selfaudit.core.text import hidden_character
from selfaudit.kept_toml import read_kept_toml
from selfaudit.store.atomic import write_atomic
from selfaudit.store.errors import StoreError
from selfaudit.store.folders import ensure_private_dir
from selfaudit.tomlio import TomlError

FILE_NAME = "team-store.toml"
_KEYS = frozenset({"folder", "remote", "team"})
#: What the app says, plainly, whenever a team store is set up.
WHO_CAN_READ = (
    "Anyone with access to this {kind} can read every session in it: the answers and scores of "
    "each person, under their pseudonym (notes, open answers and names only where a session "
    "shares them)."
)


class ConfigError(Exception):
    """The team store's configuration is missing or wrong; ``str()`` is one sentence."""


class TeamStoreConfig:
    """One team store: a folder or a git remote, and optionally the team to pull (a plain
    class, for the reason :mod:`selfaudit.teamstore.state` gives)."""

    __slots__ = ("folder", "remote", "team")

    def __init__(self, folder: str = "", remote: str = "", team: str = "") -> None:
        self.folder = folder
        self.remote = remote
        self.team = team

    @property
    def kind(self) -> str:
        """``folder`` or ``git``."""
        return "git" if self.remote else "folder"

    @property
    def where(self) -> str:
        """The folder or the remote, as given (what the sync state is kept for)."""
        return self.remote or self.folder


def config_for(where: str, team: str = "") -> TeamStoreConfig:
    """The configuration for a place as a person types it: a git remote when it reads as one
    (``https://…``, ``ssh://…``, ``user@host:path``, a path ending in ``.git`` that is no
    folder here, or a folder here that is a git repository), else a folder (made absolute,
    ``~`` expanded)."""
    where = where.strip()
    folder = os.path.expanduser(where)
    is_remote = (
        "://" in where
        or re.match(r"^[\w.-]+@[\w.-]+:", where) is not None
        or (where.endswith(".git") and not os.path.isdir(folder))
        or is_git_repository(Path(folder))
    )
    if is_remote:
        return TeamStoreConfig(remote=where, team=team.strip())
    return TeamStoreConfig(folder=str(Path(where).expanduser().absolute()), team=team.strip())


def is_git_repository(path: Path) -> bool:
    """Whether ``path`` is a git repository here: a bare one (``HEAD``, ``objects``, ``refs``)
    or a working copy (``.git``)."""
    bare = (path / "HEAD").is_file() and (path / "objects").is_dir() and (path / "refs").is_dir()
    return bare or (path / ".git").exists()


def config_path() -> Path:
    """``team-store.toml`` in the config dir (read at call time, so tests can redirect it)."""
    return paths.config_dir() / FILE_NAME


def _text(table: dict[str, object], key: str, path: Path) -> str:
    value = table.get(key, "")
    if not isinstance(value, str):
        raise ConfigError(f"{path}: team_store.{key}: expected text in quotes")
    if hidden_character(value) is not None:
        raise ConfigError(f"{path}: team_store.{key}: contains a control or invisible character")
    return value.strip()


def load_config() -> TeamStoreConfig | None:
    """The team store set up, ``None`` when none is; :class:`ConfigError` for a broken file."""
    path = config_path()
    if not os.path.lexists(path):
        return None
    try:
        doc = read_kept_toml(path, 64 * 1024)  # read at every sync: parsed once
    except TomlError as exc:
        raise ConfigError(str(exc)) from None
    table = doc.get("team_store")
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: expected a [team_store] table")
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise ConfigError(f"{path}: team_store.{unknown[0]}: unknown key; use folder or remote")
    found = TeamStoreConfig(*(_text(table, key, path) for key in ("folder", "remote", "team")))
    if bool(found.folder) == bool(found.remote):
        raise ConfigError(f"{path}: give team_store.folder or team_store.remote (one of the two)")
    return found


def shown_config() -> TeamStoreConfig | None:
    """:func:`load_config` for what only shows it: a broken file counts as none (the sync says
    what is wrong with it)."""
    try:
        return load_config()
    except ConfigError:
        return None


def pulled_team() -> str:
    """The team the team store is set up to pull (``sync --team``, or the app's setup form);
    ``""`` when none is set up, none was given, or the file is broken."""
    config = shown_config()
    return config.team if config is not None else ""


def save_config(config: TeamStoreConfig) -> Path:
    """Write the configuration atomically (folder 0700, file 0600); returns its path."""
    import tomli_w  # deferred: a team store is set up once, and read at every sync

    path = config_path()
    doc = {k: v for k, v in (("folder", config.folder), ("remote", config.remote)) if v}
    if config.team:
        doc["team"] = config.team
    try:
        ensure_private_dir(path.parent, chosen_by_user=True)
        write_atomic(path, tomli_w.dumps({"team_store": doc}).encode(), overwrite=True)
    except StoreError as exc:
        raise ConfigError(str(exc)) from None
    return path
