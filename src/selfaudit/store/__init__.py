"""Sessions on disk: atomic writes, drafts, an index that is never trusted over the files.

Layout under the data dir (0700; every file 0600)::

    sessions/<uuid>.toml   completed sessions, written once, never changed
    drafts/<uuid>.toml     sessions in progress, rewritten atomically after every answer
    drafts/<uuid>.lock     held by the window that has the draft open
    trash/<uuid>.toml      completed sessions a person removed, moved here until restored
    identity.toml          this install's stable pseudonym

The index cache of session summaries, rebuilt from the files when they change, is kept apart in
the user cache dir (:func:`selfaudit.paths.cache_dir`), one file per store.

One module per job: :mod:`~selfaudit.store.store` (the :class:`Store` facade and completed
sessions), :mod:`~selfaudit.store.drafts` (drafts and locks), :mod:`~selfaudit.store.identity`
(the pseudonym, and what a respondent id may be), :mod:`~selfaudit.store.respondents` (who
answered a session saved before format 3), :mod:`~selfaudit.store.query` (selecting sessions
from the index and loading them as the views' responses), :mod:`~selfaudit.store.trash`
(sessions removed and restored), :mod:`~selfaudit.store.health` (``doctor``),
:mod:`~selfaudit.store.index` (the cache), :mod:`~selfaudit.store.codec` (records <-> TOML),
:mod:`~selfaudit.store.atomic` (safe writes).
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing's, without importing typing (5 ms of every start)

if TYPE_CHECKING:
    from typing import Any

    from selfaudit.store.errors import (
        BadSessionId,
        DraftBusy,
        FormatTooNew,
        InvalidAnswers,
        NotDurable,
        SessionExists,
        StoreError,
    )
    from selfaudit.store.records import Draft, Session, SessionSummary, Unreadable
    from selfaudit.store.store import Store

#: Where each name of the package lives. They are imported when first used, not with the
#: package: the records and the store are most of a command's start-up, and a command that
#: needs only a small part of the package (the settings writing a file atomically, a sync with
#: nothing new) should not pay for them.
_HOMES = {
    "BadSessionId": "errors",
    "DraftBusy": "errors",
    "FormatTooNew": "errors",
    "InvalidAnswers": "errors",
    "NotDurable": "errors",
    "SessionExists": "errors",
    "StoreError": "errors",
    "Draft": "records",
    "Session": "records",
    "SessionSummary": "records",
    "Unreadable": "records",
    "Store": "store",
}


if not TYPE_CHECKING:  # type checkers see the imports above, and so a misspelt name

    def __getattr__(name: str) -> Any:
        """The package's names, each imported from its module when first asked for."""
        home = _HOMES.get(name)
        if home is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
        globals()[name] = value
        return value


__all__ = [
    "BadSessionId",
    "Draft",
    "DraftBusy",
    "FormatTooNew",
    "InvalidAnswers",
    "NotDurable",
    "Session",
    "SessionExists",
    "SessionSummary",
    "Store",
    "StoreError",
    "Unreadable",
]
