"""Private folders: created 0700 whatever the umask, and listed without surprises."""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from selfaudit.store.errors import StoreError, describe_os_error

#: The data dir's folder of completed sessions.
SESSIONS = "sessions"
#: Why a link inside the store is refused, and what to do about a linked folder.
IS_A_LINK = "is a symbolic link, and selfaudit never writes through a link it did not make"
REPLACE_FOLDER = "replace it with a real folder holding the same files"

_UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_RECORD_FILE = re.compile(_UUID + r"\.toml")
_LOCK_FILE = re.compile(_UUID + r"\.lock")


def is_record_file(name: str) -> bool:
    """Whether ``name`` is one selfaudit gives a session or draft: ``<uuid>.toml``."""
    return _RECORD_FILE.fullmatch(name) is not None


def is_lock_file(name: str) -> bool:
    """Whether ``name`` is one selfaudit gives a draft's lock: ``<uuid>.lock``."""
    return _LOCK_FILE.fullmatch(name) is not None


def make_private_dir(path: Path) -> None:
    """Create ``path`` and every missing parent with mode 0700, set explicitly (umask-proof).

    Parents that already exist are left alone. On an existing ``path`` only group and other access
    is taken away: the owner's own bits stay, so a folder the user made read-only stays read-only.
    An existing ``path`` that is not a folder is left alone. Raises ``OSError``.
    """
    missing = []
    folder = path
    while not os.path.lexists(folder) and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            continue  # made by someone else meanwhile: treat it as existing
        folder.chmod(0o700)
    info = path.stat()
    if not stat.S_ISDIR(info.st_mode):
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path))
    mode = info.st_mode & 0o777
    if mode & 0o077:
        path.chmod(mode & 0o700)


def refuse_link(path: Path, remedy: str) -> None:
    """Raise :class:`StoreError` (``symlink``) if ``path`` is a symbolic link, saying ``remedy``."""
    if path.is_symlink():
        raise StoreError(f"{path} {IS_A_LINK}; {remedy}.", "symlink", path)


def ensure_private_dir(path: Path, *, chosen_by_user: bool = False) -> None:
    """:func:`make_private_dir` for the store: failures become a :class:`StoreError`.

    A folder inside the store must not be a symbolic link (a store copied or checked out from
    elsewhere could point one at any folder); only a folder the user chose, the data or cache
    dir itself, may be one, and then the folder it points to is used.
    """
    if not chosen_by_user:
        refuse_link(path, REPLACE_FOLDER)
    try:
        make_private_dir(path)
    except OSError as exc:
        raise describe_os_error("create the folder", path, exc) from None


def toml_files(folder: Path) -> list[Path]:
    """The ``*.toml`` files in ``folder`` (no hidden or temp files), sorted; none if it is absent.

    A folder that exists but cannot be read raises :class:`StoreError`.
    """
    try:
        with os.scandir(folder) as entries:
            return sorted(
                Path(e.path)
                for e in entries
                if e.name.endswith(".toml") and not e.name.startswith(".")
            )
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise describe_os_error("read the folder", folder, exc) from None
