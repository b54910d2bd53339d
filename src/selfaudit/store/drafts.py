"""Drafts and their locks: sessions in progress, saved after every answer, open in one window.

A draft's lock (``drafts/<uuid>.lock``) is held by the window that has it open. Lock files are
never removed while a draft is in use (removing a lock file another process is about to lock lets
two windows each hold "the" lock); :meth:`Drafts.tidy` removes those nobody holds at start.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from selfaudit.store.atomic import encode_toml, write_atomic
from selfaudit.store.codec import MAX_DOCUMENT_BYTES, check_version, draft_from_doc, draft_to_doc
from selfaudit.store.errors import (
    DocumentError,
    DraftBusy,
    FormatTooNew,
    StoreError,
    describe_os_error,
)
from selfaudit.store.folders import is_lock_file, refuse_link, toml_files
from selfaudit.store.index import read_own_session
from selfaudit.store.records import Draft, Unreadable
from selfaudit.tomlio import TomlError, read_toml

if TYPE_CHECKING:
    from filelock import BaseFileLock

#: Where an export may go when the data dir cannot be written.
EXPORT_ELSEWHERE = "choose another folder to export to"


def read_draft_file(path: Path) -> Draft:
    """Parse one draft file (in the store or exported); raises ``TomlError`` / ``DocumentError``."""
    return draft_from_doc(read_toml(path, MAX_DOCUMENT_BYTES))


def unreadable_reason(path: Path, exc: TomlError | DocumentError) -> str:
    """One sentence naming the file and why it cannot be read (the path said once)."""
    return str(exc) if isinstance(exc, TomlError) else f"{path}: {exc}"


def _refuse_newer(path: Path) -> None:
    """Raise :class:`StoreError` if ``path`` is from a newer selfaudit (never overwrite it)."""
    try:
        check_version(read_toml(path, MAX_DOCUMENT_BYTES))
    except FormatTooNew as exc:
        raise StoreError(f"{path}: {exc}") from None
    except (TomlError, DocumentError):
        return  # no file yet, or one this window wrote and may replace


class Drafts:
    """The drafts in ``folder``; a draft whose session exists in ``sessions_dir`` is done."""

    def __init__(self, folder: Path, sessions_dir: Path) -> None:
        self.folder = folder
        self.sessions_dir = sessions_dir
        self._locks: dict[str, BaseFileLock] = {}

    def path(self, draft_id: str) -> Path:
        """Where a draft's file is; ``ValueError`` if ``draft_id`` is not a UUID."""
        return self.folder / f"{uuid.UUID(draft_id)}.toml"

    def _lock_path(self, draft_id: str) -> Path:
        return self.folder / f"{uuid.UUID(draft_id)}.lock"

    # -- locks ----------------------------------------------------------------------------------

    def lock(self, draft_id: str) -> None:
        """Hold the draft for this window; :class:`DraftBusy` if another window has it."""
        if draft_id in self._locks:
            return
        refuse_link(self._lock_path(draft_id), "remove the link")
        # filelock is imported where a lock is taken: it costs every command ~25 ms at start,
        # and only the app and a draft's completion take locks.
        from filelock import FileLock, Timeout

        lock = FileLock(self._lock_path(draft_id), timeout=0, mode=0o600)
        try:
            lock.acquire()
        except Timeout:
            raise DraftBusy(
                "This session is open in another selfaudit window; finish or close it there first."
            ) from None
        except OSError as exc:
            raise describe_os_error("lock", self.path(draft_id), exc) from None
        self._locks[draft_id] = lock

    def release(self, draft_id: str) -> None:
        """Let go of this window's lock on a draft (the draft and lock files stay)."""
        lock = self._locks.pop(draft_id, None)
        if lock is not None:
            lock.release()

    def release_all(self) -> None:
        """Let go of every lock this window holds."""
        for draft_id in list(self._locks):
            self.release(draft_id)

    # -- reading and writing --------------------------------------------------------------------

    def read(self, path: Path) -> Draft:
        """A draft file in the store; its id must match its file name."""
        draft = read_draft_file(path)
        if f"{draft.id}.toml" != path.name:
            raise DocumentError(f"its id {draft.id} does not match the file name")
        return draft

    def claim(self, draft_id: str) -> Path:
        """Lock a draft before changing it; refuse one written by a newer selfaudit."""
        self.lock(draft_id)
        path = self.path(draft_id)
        _refuse_newer(path)
        return path

    def save(self, draft: Draft) -> None:
        """Save atomically under the lock; a file from a newer selfaudit is never overwritten."""
        path = self.claim(draft.id)
        try:
            data = encode_toml(draft_to_doc(draft))
        except DocumentError as exc:
            raise StoreError(f"An answer could not be saved: {exc}.") from None
        write_atomic(path, data, overwrite=True)

    def open(self, draft_id: str) -> Draft:
        """Load a draft and lock it for this window; :class:`DraftBusy` if open elsewhere."""
        self.lock(draft_id)
        path = self.path(draft_id)
        try:
            return self.read(path)
        except (TomlError, DocumentError) as exc:
            self.release(draft_id)
            raise StoreError(f"The draft cannot be read: {unreadable_reason(path, exc)}") from None

    def completed(self, name: str) -> bool:
        """Whether the draft file ``name`` has its own session saved: same name, same id, readable.

        Any other file of that name in ``sessions_dir`` (broken, or another session) does not
        count: the draft is then the only good copy of its answers.
        """
        session = self.sessions_dir / name
        if not os.path.lexists(session):
            return False
        try:
            read_own_session(session)
        except (TomlError, DocumentError):
            return False
        return True

    def readable(self) -> list[Draft]:
        """Every readable draft not yet completed (newest first); the rest is for ``doctor``."""
        found = []
        for path in toml_files(self.folder):
            if self.completed(path.name):
                continue  # complete() or the next start removes the draft file
            try:
                found.append(self.read(path))
            except (TomlError, DocumentError):
                continue
        return sorted(found, key=lambda d: d.updated_at, reverse=True)

    def remove(self, draft_id: str) -> None:
        """Delete a draft file under its lock (the lock file stays; see the module docstring)."""
        path = self.claim(draft_id)
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            raise describe_os_error("delete", path, exc) from None
        finally:
            self.release(draft_id)

    def export(self, draft: Draft, where: str | os.PathLike[str]) -> Path:
        """Write a copy of ``draft`` into the folder ``where`` (or to that file name).

        The copy is named by the draft id, so exporting the same draft again replaces its own
        earlier export atomically; any other existing file is never overwritten.
        """
        target = Path(where).expanduser()
        if target.is_dir():
            target = target / f"selfaudit-draft-{draft.id}.toml"
        if os.path.lexists(target):
            try:
                same = read_draft_file(target).id == draft.id
            except (TomlError, DocumentError):
                same = False
            if not same:
                raise StoreError(
                    f"Could not export the draft: {target} already exists and is not an export "
                    "of this draft; choose another file name."
                )
        try:
            data = encode_toml(draft_to_doc(draft))
        except DocumentError as exc:
            raise StoreError(f"Could not export the draft: {exc}.") from None
        write_atomic(target, data, overwrite=True, elsewhere=EXPORT_ELSEWHERE)
        return target

    # -- housekeeping ---------------------------------------------------------------------------

    def tidy(self) -> None:
        """Finish interrupted completions and drop lock files nobody holds (at start; best effort).

        A readable draft whose own session is saved (:meth:`completed`) was completed and then
        interrupted before the draft was removed: it is removed now, under its lock. Only lock
        files named ``<uuid>.lock`` are selfaudit's; any other file is left alone.
        """
        with contextlib.suppress(StoreError):
            for path in toml_files(self.folder):
                if self.completed(path.name) and self._reads(path):
                    with contextlib.suppress(StoreError, ValueError):
                        self.remove(path.stem)
        with contextlib.suppress(OSError):
            for lock_path in self.folder.glob("*.lock"):
                if is_lock_file(lock_path.name):
                    self._drop_unheld_lock(lock_path)

    def _reads(self, path: Path) -> bool:
        """Whether ``path`` is a draft this build reads, with the id its name says."""
        try:
            self.read(path)
        except (TomlError, DocumentError):
            return False
        return True

    def _drop_unheld_lock(self, lock_path: Path) -> None:
        draft_id = lock_path.stem
        if draft_id in self._locks or self.folder.joinpath(f"{draft_id}.toml").exists():
            return
        from filelock import FileLock, Timeout  # imported when used, see lock()

        lock = FileLock(lock_path, timeout=0, mode=0o600)
        try:
            lock.acquire()
        except (Timeout, OSError):
            return  # held: a window is starting this draft right now
        try:
            if not self.folder.joinpath(f"{draft_id}.toml").exists():
                lock_path.unlink(missing_ok=True)
        except OSError:
            pass
        finally:
            lock.release()

    def problems(self) -> list[Unreadable]:
        """Drafts views skip, with the reason: unreadable ones and leftovers of a completion.

        A draft whose session name is taken by a file that is not its session is reported too.
        """
        found = []
        for path in toml_files(self.folder):
            try:
                self.read(path)
            except (TomlError, DocumentError) as exc:
                reason = exc.message if isinstance(exc, TomlError) else str(exc)
                found.append(Unreadable(path, reason))
                continue
            session = self.sessions_dir / path.name
            if not os.path.lexists(session):
                continue
            if self.completed(path.name):
                reason = (
                    f"already saved as {session}; selfaudit removes this copy at its next start "
                    "once no window has it open"
                )
            else:
                reason = (
                    f"{session} is in the way of this draft's session (it cannot be read, or it "
                    "holds another session); keep this draft and move that file aside to finish it"
                )
            found.append(Unreadable(path, reason))
        return found
