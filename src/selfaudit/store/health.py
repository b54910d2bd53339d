"""``Store.doctor``: every file views skip and why, plus permission problems. Changes nothing."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from selfaudit.store.atomic import TEMP_PREFIX, temp_writer
from selfaudit.store.errors import StoreError
from selfaudit.store.folders import (
    IS_A_LINK,
    REPLACE_FOLDER,
    is_lock_file,
    is_record_file,
    toml_files,
)
from selfaudit.store.identity import FILE_NAME, read_pseudonym
from selfaudit.store.records import Unreadable

if TYPE_CHECKING:
    from selfaudit.store.store import Store

_CANNOT_READ = "the folder cannot be read; check its owner and permissions"
_FOREIGN = "not a file selfaudit made; it is left as it is (move it out of the store to keep it)"


def _in_record_folder(name: str, *, locks: bool) -> bool:
    """Whether ``name`` in ``sessions/`` (or ``drafts/``, with ``locks``) is selfaudit's to judge.

    Visible ``.toml`` files are read (and reported when they are not sessions or drafts); the
    rest must be selfaudit's own temp or lock files.
    """
    return (
        (name.endswith(".toml") and not name.startswith("."))
        or temp_writer(name, is_record_file) is not None
        or (locks and is_lock_file(name))
    )


def _in_trash(name: str) -> bool:
    """Whether ``name`` in ``trash/`` is selfaudit's to judge: only session files come there."""
    return name.endswith(".toml") and not name.startswith(".")


def _trash(store: Store) -> list[Path]:
    """The trash folder to look into: none when it is a link (named, and never read through)."""
    return [] if store.trash_dir.is_symlink() else [store.trash_dir]


def _in_root(name: str) -> bool:
    """Whether ``name`` in the data dir is not a stray temp file (other files there are yours)."""
    return (
        not name.startswith(TEMP_PREFIX)
        or temp_writer(name, lambda target: target == FILE_NAME) is not None
    )


def _foreign_files(store: Store) -> list[Unreadable]:
    """Files selfaudit did not make among its own: reported, never removed or changed."""
    found = []
    for folder, ours in (
        (store.root, _in_root),
        (store.sessions_dir, lambda name: _in_record_folder(name, locks=False)),
        (store.drafts_dir, lambda name: _in_record_folder(name, locks=True)),
        *((folder, _in_trash) for folder in _trash(store)),
    ):
        try:
            names = os.listdir(folder)
        except OSError:
            continue  # a folder that cannot be read is reported on its own
        found += [Unreadable(folder / name, _FOREIGN) for name in names if not ours(name)]
    return found


def _folder_problems(store: Store) -> list[Unreadable]:
    """Folders inside the store that are symbolic links, and folders open to others.

    The data dir itself may be a link: the user chose it (see ``ensure_private_dir``).
    """
    found = []
    for folder in (store.root, store.sessions_dir, store.drafts_dir, store.trash_dir):
        if folder != store.root and folder.is_symlink():
            found.append(Unreadable(folder, f"{IS_A_LINK}; {REPLACE_FOLDER}"))
            continue
        try:
            info = folder.stat()
        except OSError:
            continue
        if folder.is_dir() and info.st_mode & 0o777 != 0o700:
            mode = info.st_mode & 0o777
            found.append(
                Unreadable(folder, f"folder permissions are {mode:o}; run 'chmod 700 {folder}'")
            )
    return found


def _file_problems(files: list[Path]) -> list[Unreadable]:
    found = []
    for path in files:
        try:
            mode = path.stat(follow_symlinks=False).st_mode & 0o777
        except OSError:
            continue
        if mode & 0o077:
            found.append(Unreadable(path, f"file permissions are {mode:o}; run 'chmod 600 {path}'"))
    return found


def check(store: Store) -> list[Unreadable]:
    """The store's problems, sorted by path; every session file is parsed, the cache ignored."""
    if not store.root.is_dir():
        return [Unreadable(store.root, "is not a folder; give a folder with --data-dir")]
    problems = _folder_problems(store)
    try:
        _, unreadable = store.index.refresh(trust_cache=False)
        problems += unreadable
    except StoreError:
        problems.append(Unreadable(store.sessions_dir, _CANNOT_READ))
    try:
        problems += store.drafts_store.problems()
    except StoreError:
        problems.append(Unreadable(store.drafts_dir, _CANNOT_READ))
    try:
        problems += store.trash.problems()
    except StoreError:
        problems.append(Unreadable(store.trash_dir, _CANNOT_READ))
    identity = store.root / FILE_NAME
    try:
        read_pseudonym(identity)
    except StoreError:
        problems.append(
            Unreadable(identity, "is damaged; move it aside and selfaudit will make a new one")
        )
    files = [identity] if identity.exists() else []
    for folder in (store.sessions_dir, store.drafts_dir, *_trash(store)):
        try:
            files += toml_files(folder)
        except StoreError:
            continue  # already reported above
    problems += _file_problems(files)
    problems += _foreign_files(store)
    return sorted(problems, key=lambda u: str(u.path))
