"""Where selfaudit keeps things: the single seam tests patch.

Functions, not constants, so an environment override set by a test or a user is read at call
time. Nothing here creates a directory; the store does that with the right permissions.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "selfaudit"
DATA_DIR_ENV = "SELFAUDIT_DATA_DIR"
CONFIG_DIR_ENV = "SELFAUDIT_CONFIG_DIR"
CACHE_DIR_ENV = "SELFAUDIT_CACHE_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The session store: ``--data-dir``, else ``$SELFAUDIT_DATA_DIR``, else the platform's."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    # platformdirs costs a few ms to import; only the path functions need it.
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """Settings and custom question sets: ``$SELFAUDIT_CONFIG_DIR``, else the platform's."""
    env = os.environ.get(CONFIG_DIR_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """What can always be rebuilt (the index of each store): ``$SELFAUDIT_CACHE_DIR``, else the
    platform's user cache dir (Linux: ``~/.cache/selfaudit``)."""
    env = os.environ.get(CACHE_DIR_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def user_sets_dir() -> Path:
    """The folder where a user or team drops their own question-set files."""
    return config_dir() / "questionnaires"


def builtin_sets_dir() -> Path:
    """The four built-in question sets.

    In a wheel they are packaged at ``selfaudit/questionnaires/builtin``; in a source checkout
    (editable install) they are the top-level ``questionnaires/`` folder.
    """
    packaged = Path(__file__).parent / "questionnaires" / "builtin"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "questionnaires"
