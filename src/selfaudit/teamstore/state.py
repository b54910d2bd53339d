"""What a sync remembers between runs, in the data dir (0600).

``sync-state.json``, for one team store (a state kept for another is started afresh): the ids
of the sessions the store is known to hold (published from here, or read from it), per folder
of the layout its modification time when it was last read, and per file read its size and
modification time with what became of it, so a sync with nothing new opens no file and lists
no folder whose entries did not change. It is rewritten only when something changed. Losing it
costs time only: every file is then read again, and what is already here is "already present".

``sync-last.json`` holds when the last sync finished (for the home screen), written every sync.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from selfaudit.store.atomic import write_atomic
from selfaudit.tomlio import TomlError, read_bytes_safely

FILE_NAME = "sync-state.json"
LAST_FILE_NAME = "sync-last.json"
VERSION = 1
#: Far more than 100,000 files take; a bigger file is not read (and the state starts afresh).
MAX_BYTES = 64 << 20


@dataclass
class SyncState:
    """The state of one team store (see module docstring)."""

    where: str
    last_sync: dt.datetime | None = None
    published: set[str] = field(default_factory=set)
    """Ids of the sessions the team store holds, as far as this install knows."""
    seen: dict[str, list[Any]] = field(default_factory=dict)
    """Relative path -> ``[size, mtime_ns, outcome]`` of each file read from the store."""
    folders: dict[str, int] = field(default_factory=dict)
    """``<team>/<yyyy>`` -> its modification time when its entries were last read."""
    changed: bool = False
    """Whether anything above but :attr:`last_sync` changed since it was loaded."""


def state_path(data_dir: Path) -> Path:
    """Where the state of the store at ``data_dir`` is kept."""
    return data_dir / FILE_NAME


def load_state(data_dir: Path, where: str) -> SyncState:
    """The state kept for the team store ``where``; a fresh one when there is none (or it is
    of another store, or cannot be read)."""
    try:
        doc = json.loads(read_bytes_safely(state_path(data_dir), MAX_BYTES))
        if not (isinstance(doc, dict) and doc.get("version") == VERSION and doc["where"] == where):
            return SyncState(where, changed=True)
        seen, published, folders = doc["seen"], doc["published"], doc["folders"]
        if not (isinstance(seen, dict) and isinstance(published, list)):
            return SyncState(where, changed=True)
        if not all(isinstance(v, list) and len(v) == 3 for v in seen.values()):
            return SyncState(where, changed=True)
        if not (isinstance(folders, dict) and all(type(v) is int for v in folders.values())):
            return SyncState(where, changed=True)
        return SyncState(where, last_sync(data_dir), {str(p) for p in published}, seen, folders)
    except (TomlError, ValueError, KeyError, TypeError, RecursionError):
        return SyncState(where, changed=True)


def save_state(data_dir: Path, state: SyncState) -> None:
    """Write the state atomically (the big file only when it changed); raises
    :class:`~selfaudit.store.errors.StoreError`."""
    if state.changed:
        doc = {
            "version": VERSION,
            "where": state.where,
            "published": sorted(state.published),
            "seen": state.seen,
            "folders": state.folders,
        }
        write_atomic(state_path(data_dir), json.dumps(doc).encode(), overwrite=True)
        state.changed = False
    if state.last_sync is not None:
        stamp = json.dumps({"last_sync": state.last_sync.isoformat()}).encode()
        write_atomic(data_dir / LAST_FILE_NAME, stamp, overwrite=True)


def last_sync(data_dir: Path) -> dt.datetime | None:
    """When the last sync finished, whatever store it was with (``None``: never, or unknown)."""
    try:
        doc = json.loads(read_bytes_safely(data_dir / LAST_FILE_NAME, 4096))
        found = dt.datetime.fromisoformat(doc["last_sync"])
    except (TomlError, ValueError, KeyError, TypeError, RecursionError):
        return None
    return found if found.tzinfo is not None else None
