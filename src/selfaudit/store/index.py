"""A cache of session summaries, so listings and trends over 10,000 sessions stay fast.

The TOML files are the source of truth. The cache maps each file name to the ``(size, mtime_ns,
inode)`` it had when it was summarised; on every read the folder is scanned, any file whose stat
differs (or that is new) is parsed again, vanished ones are dropped, and a cache that is missing,
unreadable or malformed in any way is thrown away and rebuilt.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from selfaudit.store.atomic import TEMP_PREFIX, write_atomic
from selfaudit.store.codec import FORMAT_VERSION, DocumentError, check_version, session_from_doc
from selfaudit.store.errors import StoreError
from selfaudit.store.records import Session, SessionSummary
from selfaudit.tomlio import TomlError, read_toml

CACHE_VERSION = 1
#: No real session comes near this; a bigger file in the store is reported, not parsed.
MAX_SESSION_BYTES = 4 << 20


@dataclass(frozen=True)
class Unreadable:
    """A file in the store that views skip and ``selfaudit doctor`` reports."""

    path: Path
    reason: str
    too_new: bool = False


def read_session_file(path: Path) -> Session:
    """Parse one session file into a :class:`Session`; raises ``DocumentError`` / ``TomlError``.

    A file with a newer ``format_version`` raises :class:`DocumentError` with ``too_new`` set.
    """
    doc = read_toml(path, MAX_SESSION_BYTES)
    version = check_version(doc)
    if version > FORMAT_VERSION:
        error = DocumentError(
            f"format_version {version} is newer than this build reads (up to {FORMAT_VERSION}); "
            "update selfaudit to read it. The file is left as it is."
        )
        error.too_new = True  # type: ignore[attr-defined]
        raise error
    return session_from_doc(doc)


def _stat_key(entry: os.DirEntry[str]) -> list[int]:
    st = entry.stat(follow_symlinks=False)
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def _collect(
    record: dict[str, Any],
    path: Path,
    summaries: list[SessionSummary],
    unreadable: list[Unreadable],
) -> None:
    if "summary" in record:
        summaries.append(SessionSummary.from_json(record["summary"]))
    else:
        unreadable.append(Unreadable(path, str(record["problem"]), bool(record.get("too_new"))))


class SessionIndex:
    """Summaries of every readable session in ``sessions_dir``, kept in ``cache_file``."""

    def __init__(self, sessions_dir: Path, cache_file: Path) -> None:
        self.sessions_dir = sessions_dir
        self.cache_file = cache_file

    def _load_cache(self) -> dict[str, Any]:
        try:
            doc = json.loads(self.cache_file.read_bytes())
            if not isinstance(doc, dict) or doc.get("version") != CACHE_VERSION:
                return {}
            entries = doc.get("entries")
            return entries if isinstance(entries, dict) else {}
        except (OSError, ValueError):
            return {}

    def refresh(self) -> tuple[list[SessionSummary], list[Unreadable]]:
        """Summaries of all readable sessions (unordered) and the files that could not be read."""
        cached = self._load_cache()
        fresh: dict[str, Any] = {}
        summaries: list[SessionSummary] = []
        unreadable: list[Unreadable] = []
        changed = False
        try:
            entries = list(os.scandir(self.sessions_dir))
        except FileNotFoundError:
            entries = []
        except OSError as exc:
            raise StoreError(
                f"Could not read the folder {self.sessions_dir}: {exc.strerror}."
            ) from None
        for entry in entries:
            name = entry.name
            if name.startswith(TEMP_PREFIX) or not name.endswith(".toml"):
                continue
            try:
                key = _stat_key(entry)
            except OSError:
                continue
            record = cached.get(name)
            if not (isinstance(record, dict) and record.get("stat") == key):
                record = self._summarise(Path(entry.path), key)
                changed = True
            try:
                _collect(record, Path(entry.path), summaries, unreadable)
            except (KeyError, TypeError, ValueError):
                # A malformed cache entry: never trust it, read the file itself.
                record = self._summarise(Path(entry.path), key)
                changed = True
                _collect(record, Path(entry.path), summaries, unreadable)
            fresh[name] = record
        if changed or len(fresh) != len(cached):
            self._save_cache(fresh)
        return summaries, unreadable

    def _summarise(self, path: Path, key: list[int]) -> dict[str, Any]:
        try:
            session = read_session_file(path)
        except TomlError as exc:
            return {"stat": key, "problem": exc.message}
        except DocumentError as exc:
            return {"stat": key, "problem": str(exc), "too_new": getattr(exc, "too_new", False)}
        if f"{session.id}.toml" != path.name:
            return {"stat": key, "problem": f"its id {session.id} does not match the file name"}
        return {"stat": key, "summary": SessionSummary.of(session).to_json()}

    def _save_cache(self, entries: dict[str, Any]) -> None:
        """Best effort: a cache that cannot be written only makes the next start slower."""
        data = json.dumps({"version": CACHE_VERSION, "entries": entries}, separators=(",", ":"))
        try:
            self.cache_file.parent.mkdir(mode=0o700, exist_ok=True)
            write_atomic(self.cache_file, data.encode("utf-8"), overwrite=True)
        except (OSError, StoreError):
            pass
