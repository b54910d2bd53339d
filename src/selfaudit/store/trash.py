"""The trash: sessions a person removed (saved by mistake), kept until they are brought back.

``trash/<uuid>.toml`` is a session file exactly as it was in ``sessions/``: it is moved there with
one rename that never replaces a file (:func:`~selfaudit.store.atomic.move_no_replace`), and back
the same way, so it keeps its bytes, its name and its 0600. Views read ``sessions/`` only, so a
session in the trash is in none of them. selfaudit never removes anything from the trash.
"""

from __future__ import annotations

import os
import stat
import uuid
from pathlib import Path

from selfaudit.store.atomic import move_no_replace
from selfaudit.store.errors import (
    BadSessionId,
    DocumentError,
    SessionExists,
    StoreError,
    describe_os_error,
)
from selfaudit.store.folders import (
    IS_A_LINK,
    REPLACE_FOLDER,
    ensure_private_dir,
    refuse_link,
    toml_files,
)
from selfaudit.store.index import read_own_session
from selfaudit.store.records import Session, Unreadable
from selfaudit.tomlio import TomlError

FOLDER = "trash"


class Trash:
    """The trash folder of one store, beside its ``sessions/``."""

    def __init__(self, folder: Path, sessions_dir: Path) -> None:
        self.folder = folder
        self.sessions_dir = sessions_dir

    def path(self, session_id: str) -> Path:
        """Where a session in the trash is; :class:`BadSessionId` for what is not an id."""
        try:
            return self.folder / f"{uuid.UUID(session_id)}.toml"
        except ValueError:
            raise BadSessionId(
                f"'{session_id}' is not a session id; 'selfaudit trash' shows them."
            ) from None

    def put(self, session_id: str) -> Path:
        """Move a completed session into the trash; returns its path there.

        Raises :class:`BadSessionId` when there is no such session, :class:`SessionExists` when
        the trash holds another file of its name, :class:`StoreError` for anything else; in every
        case the session file is left where it was.
        """
        source = self.sessions_dir / self.path(session_id).name
        ensure_private_dir(self.sessions_dir)
        ensure_private_dir(self.folder)
        self._check_source(source, f"No session {session_id} in {self.sessions_dir}.")
        return self._move(
            source,
            self.path(session_id),
            f"An earlier copy of session {session_id} is already in the trash "
            f"({self.path(session_id)}); move that file out of the trash first.",
        )

    def take_back(self, session_id: str) -> Path:
        """Move a session out of the trash into ``sessions/``; returns its path there.

        Never replaces a file: :class:`SessionExists` when a session of that id was saved again
        meanwhile (both are then left as they are); :class:`BadSessionId` when it is not in the
        trash.
        """
        source = self.path(session_id)
        ensure_private_dir(self.folder)
        ensure_private_dir(self.sessions_dir)
        self._check_source(source, f"No session {session_id} in the trash ({self.folder}).")
        target = self.sessions_dir / source.name
        return self._move(
            source,
            target,
            f"Not restored: a session {session_id} is saved again ({target}), so both copies "
            "were left as they are.",
        )

    @staticmethod
    def _check_source(source: Path, missing: str) -> None:
        """Only a regular file is moved: never a link, a folder or anything else in its place."""
        try:
            info = source.stat(follow_symlinks=False)
        except FileNotFoundError:
            raise BadSessionId(missing) from None
        except OSError as exc:
            raise describe_os_error("read", source, exc) from None
        if stat.S_ISLNK(info.st_mode):
            raise StoreError(f"{source} {IS_A_LINK}; remove the link.", "symlink", source)
        if not stat.S_ISREG(info.st_mode):
            raise StoreError(f"{source} is not a file; move it out of the store.", path=source)

    @staticmethod
    def _move(source: Path, target: Path, taken: str) -> Path:
        try:
            move_no_replace(source, target)
        except FileExistsError:
            raise SessionExists(taken, target) from None
        except OSError as exc:
            raise describe_os_error("move", source, exc) from None
        return target

    def read(self) -> tuple[list[Session], list[Unreadable]]:
        """The sessions in the trash (unordered) and the files there that cannot be read.

        Raises :class:`StoreError` when the folder exists but cannot be read or is a link.
        """
        refuse_link(self.folder, REPLACE_FOLDER)
        sessions, unreadable = [], []
        for path in toml_files(self.folder):
            try:
                sessions.append(read_own_session(path))
            except TomlError as exc:
                unreadable.append(Unreadable(path, exc.message))
            except DocumentError as exc:
                unreadable.append(Unreadable(path, str(exc)))
        return sessions, unreadable

    def problems(self) -> list[Unreadable]:
        """Files in the trash that cannot be restored as they are: unreadable, or of a session
        that is saved again (restoring it is refused until one of the two is moved away).

        A trash folder that is a link is not read (``doctor`` names the link itself); one that
        cannot be read raises :class:`StoreError`.
        """
        if self.folder.is_symlink():
            return []
        sessions, found = self.read()
        for session in sessions:
            if os.path.lexists(self.sessions_dir / f"{session.id}.toml"):
                found.append(
                    Unreadable(
                        self.path(session.id),
                        "this session is saved again in sessions/, so it cannot be restored; "
                        "keep one of the two files",
                    )
                )
        return found
