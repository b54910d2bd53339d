"""Sessions on disk: atomic writes, drafts, an index that is never trusted over the files.

Layout under the data dir (0700; every file 0600)::

    sessions/<uuid>.toml   completed sessions, written once, never changed
    drafts/<uuid>.toml     sessions in progress, rewritten atomically after every answer
    drafts/<uuid>.lock     held by the window that has the draft open
    identity.toml          this install's stable pseudonym
    cache/index.json       a cache of session summaries, rebuilt from the files when they change
"""

from selfaudit.store.errors import DraftBusy, StoreError
from selfaudit.store.records import Draft, Session, SessionSummary
from selfaudit.store.store import Store

__all__ = ["Draft", "DraftBusy", "Session", "SessionSummary", "Store", "StoreError"]
