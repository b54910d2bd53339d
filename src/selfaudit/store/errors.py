"""Errors the store reports: each ``str()`` is one sentence a user can act on."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from selfaudit.store.records import Session

#: What to tell a user whose data dir cannot be written.
ELSEWHERE = "choose another folder with --data-dir or SELFAUDIT_DATA_DIR"


class StoreError(Exception):
    """Something on disk went wrong; nothing previously saved was changed."""


class DraftBusy(StoreError):
    """A draft is open in another selfaudit window."""


class BadSessionId(StoreError):
    """A session id or prefix that does not name exactly one session (the user's input)."""


class NotDurable(StoreError):
    """The file is in place, but the disk could not confirm it will survive a power cut."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"Saved as {path}, but the disk could not confirm it; check the disk.")
        self.path = path
        #: The session that was saved, when a session was being saved.
        self.session: Session | None = None


class DocumentError(ValueError):
    """A document that is not a valid session or draft; the message names the key."""


class FormatTooNew(DocumentError):
    """A file written by a newer selfaudit; it is left exactly as it is."""

    def __init__(self, version: int, readable: int) -> None:
        super().__init__(
            f"format_version {version} is newer than this build reads (up to {readable}); "
            "update selfaudit to read it. The file is left as it is."
        )
        self.version = version
        self.readable = readable


def describe_os_error(
    action: str, path: Path, exc: OSError, elsewhere: str = ELSEWHERE
) -> StoreError:
    """Turn an ``OSError`` into one clear sentence with what to do.

    ``elsewhere`` is the way out offered when the place cannot be written at all.
    """
    denied = f"permission denied; check the folder's owner and permissions, or {elsewhere}"
    hints = {
        errno.ENOSPC: "the disk is full; free some space and try again",
        errno.EDQUOT: "your disk quota is used up; free some space and try again",
        errno.EROFS: f"the file system is read-only; {elsewhere}",
        errno.EACCES: denied,
        errno.EPERM: denied,
        errno.EIO: "the disk reported an input/output error; check the disk and try again",
    }
    hint = hints.get(exc.errno or 0, exc.strerror or str(exc))
    return StoreError(f"Could not {action} {path}: {hint}. Your earlier saved files are unchanged.")
