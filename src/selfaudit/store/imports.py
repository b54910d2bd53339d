"""Bringing sessions in from another install: ``selfaudit import`` and the pull of ``sync``.

Every file is read as the store reads its own (:func:`~selfaudit.store.index.read_session_file`:
no links, FIFOs or devices, at most :data:`~selfaudit.store.codec.MAX_DOCUMENT_BYTES`, every
value checked, a newer ``format_version`` refused). What is written is the store's own file,
``sessions/<id>.toml``, named by the session id, which must be a UUID: no name or id in a file
can place anything elsewhere. It is marked ``imported_at`` and written with a link that never
replaces a file, so an import never overwrites a local session; a file that claims the id of a
different session is refused, and one that is already here (the same session, or in the trash)
changes nothing.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from selfaudit.store.errors import DocumentError, StoreError
from selfaudit.store.import_result import FileResult, Outcome
from selfaudit.store.index import read_own_session, read_session_file
from selfaudit.store.records import Session, utc_now
from selfaudit.store.store import Store
from selfaudit.tomlio import TomlError

#: The first session format with a respondent id; older files cannot say who answered.
FIRST_SHAREABLE_FORMAT = 3


def _refused(path: Path, reason: str, session_id: str = "") -> FileResult:
    return FileResult(path, Outcome.REFUSED, reason, session_id)


def candidates(paths: Iterable[Path]) -> Iterator[Path | FileResult]:
    """The files to read: each path given, and the ``*.toml`` files under each folder given.

    Links are never followed: a link given, or found in a folder, is refused (a
    :class:`FileResult`); hidden files and folders and other names in a folder are passed over.
    """
    for path in paths:
        if os.path.islink(path):
            yield _refused(path, "is a symbolic link; give the real file or folder instead")
        elif os.path.isdir(path):
            yield from _walk(path)
        else:
            yield path  # reading it refuses what is not a regular file, or is too big


def _walk(folder: Path) -> Iterator[Path | FileResult]:
    for top, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or not name.endswith(".toml"):
                continue
            path = Path(top, name)
            if os.path.islink(path):
                yield _refused(path, "is a symbolic link; give the real file instead")
            else:
                yield path


def same_session(a: Session, b: Session) -> bool:
    """Whether two files are one session: the same set, team, respondent, dates and results.

    Answers and notes are left out: a shareable copy may lack the private ones."""

    def key(s: Session) -> tuple[object, ...]:
        return (
            s.id,
            s.set_id,
            s.set_version,
            s.set_hash,
            s.team,
            s.respondent_id,
            s.started_at,
            s.completed_at,
            s.results,
        )

    return key(a) == key(b)


def read_shareable(path: Path) -> Session | FileResult:
    """The session in ``path``, or why it is refused (see module docstring)."""
    try:
        session = read_session_file(path)
    except TomlError as exc:
        return _refused(path, exc.message + (f" (line {exc.line})" if exc.line else ""))
    except DocumentError as exc:
        return _refused(path, str(exc))
    if session.format_version < FIRST_SHAREABLE_FORMAT:
        return _refused(
            path,
            f"format_version {session.format_version} does not record who answered; only "
            f"sessions of format {FIRST_SHAREABLE_FORMAT} or later are imported",
            session.id,
        )
    return session


def _already(store: Store, path: Path, session: Session) -> FileResult | None:
    """What to report when the store holds ``session``'s id already (``None`` when not)."""
    local = store.path_of(session.id)
    if os.path.lexists(local):
        try:
            held = read_own_session(local)
        except (TomlError, DocumentError) as exc:
            return _refused(
                path,
                f"{local} holds its id and cannot be read ({exc}); nothing was changed",
                session.id,
            )
        if same_session(held, session):
            return FileResult(path, Outcome.PRESENT, str(local), session.id)
        return _refused(
            path,
            f"its id {session.id} is held by a different session here ({local}); "
            "nothing was changed",
            session.id,
        )
    trashed = store.trash_dir / local.name
    if os.path.lexists(trashed):
        return FileResult(path, Outcome.PRESENT, f"{trashed} (in the trash)", session.id)
    return None


def import_session(store: Store, path: Path, session: Session) -> FileResult:
    """Save ``session`` (read from ``path``) as an imported session, unless it is here."""
    found = _already(store, path, session)
    if found is not None:
        return found
    try:
        store.write_session(dataclasses.replace(session, imported_at=utc_now()))
    except FileExistsError:
        # Saved meanwhile by another window or sync: report what is there now.
        return _already(store, path, session) or _refused(path, "could not be saved", session.id)
    except StoreError as exc:
        return _refused(path, str(exc), session.id)
    return FileResult(path, Outcome.IMPORTED, "", session.id)


def import_file(store: Store, path: Path) -> FileResult:
    """Read one file and import the session in it (see module docstring)."""
    found = read_shareable(path)
    if isinstance(found, FileResult):
        return found
    return import_session(store, path, found)


def import_paths(store: Store, paths: Iterable[Path]) -> Iterator[FileResult]:
    """:func:`import_file` for every candidate file of ``paths`` (see :func:`candidates`)."""
    for candidate in candidates(paths):
        yield candidate if isinstance(candidate, FileResult) else import_file(store, candidate)
