"""A cache of what the views read of each session (answers, saved results, action items), one
file per set and team, so a team's trend over many rounds opens no session file once it is warm.

Beside the index cache in the user cache dir: ``index-<key>-answers-<digest>.json``, where the
digest names the set and the team key. Like the index, it is only a cache: an entry is used only
while its session file still has the size, times and inode it had when the entry was made (the
ones the index summary was made from), and any entry that is missing, malformed or stale means
reading the file. Entries of sessions no longer in ``sessions/`` (moved to the trash) or changed
since are dropped the next time the file is written.

What it never holds: notes, and open answers. A session with an open answer (a ``text`` item,
or a text answer to an item today's set does not have) is read from its file every time, so
those words stay in the store only.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from selfaudit.core.model import Kind, QuestionSet
from selfaudit.store.codec import check_results, normalise
from selfaudit.store.errors import DocumentError
from selfaudit.store.index import save_cache_file
from selfaudit.store.records import Session, SessionSummary
from selfaudit.tomlio import TomlError, read_bytes_safely

VERSION = 1
#: What a file may take per session of its set and team, and in all besides (an entry takes
#: about 1 KB; a bigger file is neither written nor read).
BYTES_PER_SESSION = 8192
BYTES_BASE = 64 << 10
_INFIX = "-answers-"


def cache_file(index_file: Path, set_id: str, team_key: str) -> Path:
    """The answer cache of one set and team of the store whose index cache is ``index_file``."""
    digest = hashlib.sha256(f"{set_id}\0{team_key}".encode()).hexdigest()[:24]
    return index_file.with_name(f"{index_file.stem}{_INFIX}{digest}.json")


def is_cache_file(index_file: Path, name: str) -> bool:
    """Whether ``name`` is one of the answer caches of that store (for tidying its temps)."""
    return name.startswith(index_file.stem + _INFIX) and name.endswith(".json")


def cacheable(session: Session, qset: QuestionSet) -> bool:
    """Whether ``session`` may be cached: it holds no open answer."""
    for item_id, value in session.answers.items():
        item = qset.item(item_id)
        if (item is None and isinstance(value, str)) or (item and item.kind is Kind.TEXT):
            return False
    return True


def _entry(session: Session) -> dict[str, Any]:
    return {
        "answers": dict(session.answers),
        "results": session.results,
        "actions": list(session.actions),
    }


def _session(summary: SessionSummary, entry: Any) -> Session | None:
    """The session an entry describes (with the summary's own fields), or ``None`` for junk."""
    try:
        answers, results, actions = entry["answers"], entry["results"], entry["actions"]
        if not (isinstance(answers, dict) and isinstance(results, dict)):
            return None
        if not all(isinstance(v, int | float | str | bool) for v in answers.values()):
            return None
        if not (isinstance(actions, list) and all(isinstance(a, str) for a in actions)):
            return None
        answers, results = normalise(answers), check_results(normalise(results))
    except (KeyError, TypeError, DocumentError, RecursionError):
        return None
    return Session(
        id=summary.id,
        format_version=0,
        set_id=summary.set_id,
        set_version=summary.set_version,
        set_hash=summary.set_hash,
        started_at=summary.completed_at,
        completed_at=summary.completed_at,
        team=summary.team,
        respondent=summary.respondent_name,
        lang="",
        answers=answers,
        notes={},
        skipped=(),
        actions=tuple(actions),
        results=results,
        respondent_id=summary.respondent_id,
    )


class AnswerCache:
    """The cached entries of one set and team, read once, written back when they changed."""

    def __init__(self, path: Path, present: dict[str, tuple[int, ...]] | None) -> None:
        self.path = path
        self.present = present
        """The session files in the store now, with their size, times and inode (the index's
        last reading): entries of other files, or of other versions of them, are dropped when
        the cache is written. ``None``: not known, nothing is dropped."""
        self.budget = BYTES_BASE + BYTES_PER_SESSION * len(present or ())
        self.entries = self._load()
        self.changed = False

    def _load(self) -> dict[str, Any]:
        try:
            doc = json.loads(read_bytes_safely(self.path, self.budget))
        except (TomlError, ValueError, RecursionError):
            return {}
        if not isinstance(doc, dict) or doc.get("version") != VERSION:
            return {}
        entries = doc.get("entries")
        return entries if isinstance(entries, dict) else {}

    def get(self, summary: SessionSummary) -> Session | None:
        """The cached session of ``summary``, if its entry is of the same file version."""
        name = f"{summary.id}.toml"
        entry = self.entries.get(name)
        if not summary.source or not isinstance(entry, dict):
            return None
        if entry.get("stat") != list(summary.source):
            return None
        return _session(summary, entry)

    def put(self, summary: SessionSummary, session: Session, qset: QuestionSet) -> None:
        """Remember ``session`` (read from the file ``summary`` describes), if it may be."""
        if summary.source and cacheable(session, qset):
            self.entries[f"{summary.id}.toml"] = {"stat": list(summary.source), **_entry(session)}
            self.changed = True

    def save(self) -> None:
        """Write the entries back when they changed or some are of sessions no longer there.

        Best effort, as the index cache: a file that cannot be written, or would be over its
        budget, is not written.
        """
        present = self.present
        kept = {
            name: entry
            for name, entry in self.entries.items()
            if present is None
            or (isinstance(entry, dict) and present.get(name) == tuple(entry.get("stat") or ()))
        }
        if not self.changed and len(kept) == len(self.entries):
            return
        save_cache_file(self.path, {"version": VERSION, "entries": kept}, self.budget)
