"""What a sync remembers between runs, in the data dir (0600).

``sync-state.json``, for one team store (a state kept for another is started afresh): the ids
of the sessions the store is known to hold (published from here, or read from it), the ids of
this install's sessions that are never published (imported ones, and those saved without a
team), per folder of the layout its modification time when its entries were last read, and
the files refused (which are read again once they change). With these a sync with nothing new
opens no file and lists no folder whose entries did not change.

``sync-seen.json`` holds, per file read from the store, its size and modification time with
what became of it: only a folder whose entries changed needs it, so it is read only then (it
is the big one: a line for every file of the store). It is written after the state, so a
crash between the two costs only files read again (found "already present"): the files
refused, and the folders, are in the state.

Each file is rewritten only when something in it changed. Losing them costs time only: every
file is then read again, and what is already here is "already present".

``sync-last.json`` holds when the last sync finished (for the home screen), written every sync.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from selfaudit.store.atomic import write_atomic
from selfaudit.tomlio import TomlError, read_bytes_safely

TYPE_CHECKING = False  # typing's, without importing typing (5 ms of every start)
if TYPE_CHECKING:
    from typing import Any


FILE_NAME = "sync-state.json"
SEEN_FILE_NAME = "sync-seen.json"
LAST_FILE_NAME = "sync-last.json"
VERSION = 2
#: Far more than 100,000 files take; a bigger file is not read (and the state starts afresh).
MAX_BYTES = 64 << 20


class SyncState:
    """The state of one team store (see module docstring).

    A plain class, like the sync's other records: a sync with nothing new imports only what it
    needs to find that out, and dataclasses (with inspect) would add a tenth to its start-up, a
    named tuple (with typing) a twelfth.
    """

    def __init__(
        self,
        where: str,
        data_dir: Path,
        last_sync: dt.datetime | None = None,
        published: set[str] | None = None,
        passed: set[str] | None = None,
        folders: dict[str, int] | None = None,
        refused: dict[str, list[int]] | None = None,
        *,
        fresh: bool = False,
    ) -> None:
        self.where = where
        self.data_dir = data_dir
        """The data dir the state is kept in (where :attr:`seen` is read from)."""
        self.last_sync = last_sync
        self.published = published or set()
        """Ids of the sessions the team store holds, as far as this install knows."""
        self.passed = passed or set()
        """Ids of this install's sessions never published (imported, or without a team)."""
        self.folders = folders or {}
        """``<team>/<yyyy>`` -> its modification time when its entries were last read."""
        self.refused = refused or {}
        """Relative path -> ``[size, mtime_ns]`` of each file refused when last read."""
        self.changed = fresh
        """Whether anything above but :attr:`last_sync` changed since it was loaded."""
        self.seen_changed = False
        """Whether :attr:`seen` changed since it was read."""
        self._seen: dict[str, list[Any]] | None = {} if fresh else None

    @property
    def seen(self) -> dict[str, list[Any]]:
        """Relative path -> ``[size, mtime_ns, outcome]`` of each file read from the store;
        read from ``sync-seen.json`` when first asked for."""
        if self._seen is None:
            self._seen = _load_seen(self.data_dir, self.where)
        return self._seen


def state_path(data_dir: Path) -> Path:
    """Where the state of the store at ``data_dir`` is kept."""
    return data_dir / FILE_NAME


def _read_json(path: Path) -> Any:
    """The JSON document at ``path``; ``None`` when it is missing, damaged or too big."""
    try:
        return json.loads(read_bytes_safely(path, MAX_BYTES))
    except (TomlError, ValueError, RecursionError):
        return None


def _ids(value: Any) -> set[str] | None:
    if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        return None
    return set(value)


def _stamps(value: Any, length: int) -> dict[str, list[Any]] | None:
    if not isinstance(value, dict):
        return None
    if not all(isinstance(v, list) and len(v) == length for v in value.values()):
        return None
    return value


def load_state(data_dir: Path, where: str) -> SyncState:
    """The state kept for the team store ``where``; a fresh one when there is none (or it is
    of another store, of another version, or cannot be read)."""
    fresh = SyncState(where, data_dir, fresh=True)
    doc = _read_json(state_path(data_dir))
    if not (isinstance(doc, dict) and doc.get("version") == VERSION and doc.get("where") == where):
        return fresh
    published, passed = _ids(doc.get("published")), _ids(doc.get("passed"))
    refused, folders = _stamps(doc.get("refused"), 2), doc.get("folders")
    if published is None or passed is None or refused is None:
        return fresh
    if not (isinstance(folders, dict) and all(type(v) is int for v in folders.values())):
        return fresh
    return SyncState(where, data_dir, last_sync(data_dir), published, passed, folders, refused)


def _load_seen(data_dir: Path, where: str) -> dict[str, list[Any]]:
    doc = _read_json(data_dir / SEEN_FILE_NAME)
    if not (isinstance(doc, dict) and doc.get("version") == VERSION and doc.get("where") == where):
        return {}
    return _stamps(doc.get("seen"), 3) or {}


def save_state(data_dir: Path, state: SyncState) -> None:
    """Write the state atomically (each big file only when it changed); raises
    :class:`~selfaudit.store.errors.StoreError`."""
    if state.changed:
        doc: dict[str, Any] = {
            "version": VERSION,
            "where": state.where,
            "published": sorted(state.published),
            "passed": sorted(state.passed),
            "folders": state.folders,
            "refused": state.refused,
        }
        write_atomic(state_path(data_dir), json.dumps(doc).encode(), overwrite=True)
        state.changed = False
    if state.seen_changed:
        doc = {"version": VERSION, "where": state.where, "seen": state.seen}
        write_atomic(data_dir / SEEN_FILE_NAME, json.dumps(doc).encode(), overwrite=True)
        state.seen_changed = False
    if state.last_sync is not None:
        stamp = json.dumps({"last_sync": state.last_sync.isoformat()}).encode()
        # Written every sync, and only for the home screen: not worth two fsyncs.
        write_atomic(data_dir / LAST_FILE_NAME, stamp, overwrite=True, durable=False)


def last_sync(data_dir: Path) -> dt.datetime | None:
    """When the last sync finished, whatever store it was with (``None``: never, or unknown)."""
    try:
        doc = json.loads(read_bytes_safely(data_dir / LAST_FILE_NAME, 4096))
        found = dt.datetime.fromisoformat(doc["last_sync"])
    except (TomlError, ValueError, KeyError, TypeError, RecursionError):
        return None
    return found if found.tzinfo is not None else None
