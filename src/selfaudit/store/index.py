"""A cache of session summaries, so listings and trends over 10,000 sessions stay fast.

The TOML files are the source of truth. The cache maps each file name to the ``(size, mtime_ns,
ctime_ns, inode)`` it had when it was summarised; on every read the folder is scanned, any file
whose stat differs (or that is new) is parsed again, vanished ones are dropped, and a cache that is
missing, unreadable, malformed in any way or bigger than the folder's files can explain
(:func:`cache_budget`) is thrown away, unparsed, and rebuilt. ``ctime`` is in the key because a
program can restore a file's ``mtime`` after editing it, but not its ``ctime``.

The cache lives in the user cache dir, one file per store named by a hash of the store's real
path (:func:`cache_file_for`), so a store folder can be copied, shared or checked out without it.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from selfaudit import paths
from selfaudit.store.atomic import write_atomic
from selfaudit.store.codec import MAX_DOCUMENT_BYTES, session_from_doc
from selfaudit.store.errors import DocumentError, StoreError, describe_os_error
from selfaudit.store.folders import ensure_private_dir
from selfaudit.store.records import Session, SessionSummary, Unreadable
from selfaudit.tomlio import TomlError, read_bytes_safely, read_toml

CACHE_VERSION = 5
"""Bumped whenever a summary gains or changes a field: an older cache is rebuilt."""
#: What a cache may take per session file (about 500 bytes each is usual) and in all besides.
CACHE_BYTES_PER_SESSION = 4096
CACHE_BYTES_BASE = 64 << 10


def cache_budget(session_files: int) -> int:
    """The most bytes a cache of ``session_files`` entries may hold; a bigger one is not parsed."""
    return CACHE_BYTES_BASE + CACHE_BYTES_PER_SESSION * session_files


def cache_file_for(root: Path) -> Path:
    """The index cache of the store at ``root``: in the user cache dir, keyed by its real path."""
    key = hashlib.sha256(os.fsencode(os.path.realpath(root))).hexdigest()[:32]
    return paths.cache_dir() / f"index-{key}.json"


def read_session_file(path: Path) -> Session:
    """Parse one session file into a :class:`Session`.

    Raises ``TomlError`` or ``DocumentError`` (``FormatTooNew`` for a newer ``format_version``).
    """
    return session_from_doc(read_toml(path, MAX_DOCUMENT_BYTES))


def read_own_session(path: Path) -> Session:
    """:func:`read_session_file` for a file in the store: the id inside must be its name."""
    session = read_session_file(path)
    if f"{session.id}.toml" != path.name:
        raise DocumentError(f"its id {session.id} does not match the file name")
    return session


def _stat_key(entry: os.DirEntry[str]) -> list[int]:
    st = entry.stat(follow_symlinks=False)
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


def _collect(
    record: dict[str, Any],
    path: str,
    summaries: list[SessionSummary],
    unreadable: list[Unreadable],
) -> None:
    if "summary" in record:
        summaries.append(SessionSummary.from_json(record["summary"], tuple(record["stat"])))
    else:
        unreadable.append(Unreadable(Path(path), str(record["problem"])))


class SessionIndex:
    """Summaries of every readable session in ``sessions_dir``, kept in ``cache_file``."""

    def __init__(self, sessions_dir: Path, cache_file: Path) -> None:
        self.sessions_dir = sessions_dir
        self.cache_file = cache_file
        self.seen: dict[str, tuple[int, ...]] | None = None
        """File name -> size, times and inode of every session file at the last
        :meth:`refresh` (``None`` before one); the answer caches drop entries of others."""

    def _load_cache(self, max_bytes: int) -> dict[str, Any]:
        """The cached entries; any problem (a FIFO, a link, junk, over ``max_bytes``): none."""
        try:
            doc = json.loads(read_bytes_safely(self.cache_file, max_bytes))
            if not isinstance(doc, dict) or doc.get("version") != CACHE_VERSION:
                return {}
            entries = doc.get("entries")
            return entries if isinstance(entries, dict) else {}
        except (TomlError, ValueError, RecursionError):
            return {}

    def refresh(self, trust_cache: bool = True) -> tuple[list[SessionSummary], list[Unreadable]]:
        """Summaries of all readable sessions (unordered) and the files that could not be read.

        With ``trust_cache=False`` every file is parsed again and the cache is left alone.
        """
        try:
            with os.scandir(self.sessions_dir) as scan:
                entries = [
                    e for e in scan if e.name.endswith(".toml") and not e.name.startswith(".")
                ]
        except FileNotFoundError:
            entries = []
        except OSError as exc:
            raise describe_os_error("read the folder", self.sessions_dir, exc) from None
        budget = cache_budget(len(entries))
        cached = self._load_cache(budget) if trust_cache else {}
        fresh: dict[str, Any] = {}
        summaries: list[SessionSummary] = []
        unreadable: list[Unreadable] = []
        changed = False
        for entry in entries:
            name = entry.name
            try:
                key = _stat_key(entry)
            except OSError:
                continue
            record = cached.get(name)
            if not (isinstance(record, dict) and record.get("stat") == key):
                record = self._summarise(Path(entry.path), key)
                changed = True
            try:
                _collect(record, entry.path, summaries, unreadable)
            except (KeyError, TypeError, ValueError):
                # A malformed cache entry: never trust it, read the file itself.
                record = self._summarise(Path(entry.path), key)
                changed = True
                _collect(record, entry.path, summaries, unreadable)
            fresh[name] = record
        if trust_cache and (changed or len(fresh) != len(cached)):
            self._save_cache(fresh, budget)
        self.seen = {name: tuple(record["stat"]) for name, record in fresh.items()}
        return summaries, unreadable

    def _summarise(self, path: Path, key: list[int]) -> dict[str, Any]:
        try:
            session = read_own_session(path)
        except TomlError as exc:
            return {"stat": key, "problem": exc.message}
        except DocumentError as exc:
            return {"stat": key, "problem": str(exc)}
        return {"stat": key, "summary": SessionSummary.of(session).to_json()}

    def _save_cache(self, entries: dict[str, Any], max_bytes: int) -> None:
        """Best effort (see :func:`save_cache_file`)."""
        save_cache_file(self.cache_file, {"version": CACHE_VERSION, "entries": entries}, max_bytes)


def save_cache_file(path: Path, doc: dict[str, Any], max_bytes: int) -> None:
    """Write a cache file, best effort: one that cannot be written only makes the next read
    slower. One over ``max_bytes`` (summaries of huge team names, say) is not written: it would
    not be read."""
    encoded = json.dumps(doc, separators=(",", ":")).encode("utf-8")
    if len(encoded) > max_bytes:
        return
    try:
        ensure_private_dir(path.parent, chosen_by_user=True)
        write_atomic(path, encoded, overwrite=True)
    except (OSError, StoreError):
        pass
