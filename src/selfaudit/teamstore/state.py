"""What a sync remembers between runs, in ``sync-state.json`` in the data dir (0600).

For one team store (a state kept for another is started afresh): when the last sync finished,
the ids of the sessions published to it, and per file read from it its size and modification
time with what became of it, so a sync with nothing new opens no file. Losing it costs time
only: every file is then read again, and what is already here is "already present".
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
VERSION = 1
#: Far more than 100,000 files take; a bigger file is not read (and the state starts afresh).
MAX_BYTES = 64 << 20


@dataclass
class SyncState:
    """The state of one team store (see module docstring)."""

    where: str
    last_sync: dt.datetime | None = None
    published: set[str] = field(default_factory=set)
    seen: dict[str, list[Any]] = field(default_factory=dict)
    """Relative path -> ``[size, mtime_ns, outcome]`` of each file read from the store."""


def state_path(data_dir: Path) -> Path:
    """Where the state of the store at ``data_dir`` is kept."""
    return data_dir / FILE_NAME


def load_state(data_dir: Path, where: str) -> SyncState:
    """The state kept for the team store ``where``; a fresh one when there is none (or it is
    of another store, or cannot be read)."""
    try:
        doc = json.loads(read_bytes_safely(state_path(data_dir), MAX_BYTES))
        if not (isinstance(doc, dict) and doc.get("version") == VERSION and doc["where"] == where):
            return SyncState(where)
        last = dt.datetime.fromisoformat(doc["last_sync"]) if doc.get("last_sync") else None
        seen = doc["seen"]
        published = doc["published"]
        if not isinstance(seen, dict) or not isinstance(published, list):
            return SyncState(where)
        return SyncState(where, last, {str(p) for p in published}, seen)
    except (TomlError, ValueError, KeyError, TypeError, RecursionError):
        return SyncState(where)


def save_state(data_dir: Path, state: SyncState) -> None:
    """Write the state atomically; raises :class:`~selfaudit.store.errors.StoreError`."""
    doc = {
        "version": VERSION,
        "where": state.where,
        "last_sync": state.last_sync.isoformat() if state.last_sync else None,
        "published": sorted(state.published),
        "seen": state.seen,
    }
    write_atomic(state_path(data_dir), json.dumps(doc).encode(), overwrite=True)
