"""Errors the store reports: each ``str()`` is one sentence a user can act on."""

from __future__ import annotations

import errno
from pathlib import Path


class StoreError(Exception):
    """Something on disk went wrong; nothing previously saved was changed."""


class DraftBusy(StoreError):
    """A draft is open in another selfaudit window."""


class FormatTooNew(StoreError):
    """A file written by a newer selfaudit; it is left exactly as it is."""


def describe_os_error(action: str, path: Path, exc: OSError) -> StoreError:
    """Turn an ``OSError`` into one clear sentence with what to do."""
    hints = {
        errno.ENOSPC: "the disk is full; free some space and try again",
        errno.EDQUOT: "your disk quota is used up; free some space and try again",
        errno.EROFS: "the file system is read-only; choose another data dir with --data-dir",
        errno.EACCES: "permission denied; check the folder's owner and permissions",
        errno.EPERM: "permission denied; check the folder's owner and permissions",
        errno.EIO: "the disk reported an input/output error; check the disk and try again",
    }
    hint = hints.get(exc.errno or 0, exc.strerror or str(exc))
    return StoreError(f"Could not {action} {path}: {hint}. Your earlier saved files are unchanged.")
