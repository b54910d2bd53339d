"""Errors the store reports: each ``str()`` is one sentence a user can act on."""

from __future__ import annotations

import errno
from pathlib import Path

TYPE_CHECKING = False  # typing's, without importing typing (5 ms of every start)

if TYPE_CHECKING:
    from selfaudit.store.records import Session

#: What to tell a user whose data dir cannot be written.
ELSEWHERE = "choose another folder with --data-dir or SELFAUDIT_DATA_DIR"


class StoreError(Exception):
    """Something on disk went wrong; nothing previously saved was changed.

    ``str()`` is the English sentence. ``code`` names the common cases (``disk-full``,
    ``permission``, ...) so an interface can say them in its own language, with ``path``.
    """

    def __init__(self, message: str, code: str = "", path: Path | None = None) -> None:
        super().__init__(message)
        self.code = code
        """A stable name for the kind of problem; empty when it has none."""
        self.path = path
        """The file or folder concerned, when there is one."""


class DraftBusy(StoreError):
    """A draft is open in another selfaudit window."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "draft-busy")


class InvalidAnswers(StoreError):
    """A draft whose answers the set does not accept (e.g. the set changed since)."""

    def __init__(self, message: str, items: list[str]) -> None:
        super().__init__(message, "invalid-answers")
        self.items = items
        """The ids of the items whose answers are missing or not accepted, in asking order."""


class BadSessionId(StoreError):
    """A session id or prefix that does not name exactly one session (the user's input)."""


class SessionExists(StoreError):
    """A move into or out of the trash that would replace another file of the session's name."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message, "exists", path)


class NotDurable(StoreError):
    """The file is in place, but the disk could not confirm it will survive a power cut."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"Saved as {path}, but the disk could not confirm it; check the disk.",
            "not-durable",
            path,
        )
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
        errno.ENOSPC: ("disk-full", "the disk is full; free some space and try again"),
        errno.EDQUOT: ("disk-full", "your disk quota is used up; free some space and try again"),
        errno.EROFS: ("read-only", f"the file system is read-only; {elsewhere}"),
        errno.EACCES: ("permission", denied),
        errno.EPERM: ("permission", denied),
        errno.EIO: ("io", "the disk reported an input/output error; check the disk and try again"),
        errno.ENOTDIR: ("not-a-folder", f"part of that path is a file, not a folder; {elsewhere}"),
    }
    code, hint = hints.get(exc.errno or 0, ("", exc.strerror or str(exc)))
    return StoreError(
        f"Could not {action} {path}: {hint}. Your earlier saved files are unchanged.", code, path
    )
