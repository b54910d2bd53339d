"""This install's side of a sync: its data dir, with the store opened only when needed.

A sync with nothing new lists the sessions folder and reads its own state, and never reads a
session; opening the :class:`~selfaudit.store.store.Store` imports the records and the domain,
which are most of a command's start-up, so :class:`Local` opens it when a session is first read
or written.
"""

from __future__ import annotations

from pathlib import Path

from selfaudit.store.folders import SESSIONS, ensure_private_dir

TYPE_CHECKING = False  # typing's, without importing typing (5 ms of every start)

if TYPE_CHECKING:
    from selfaudit.store.store import Store


class Local:
    """The data dir ``data_dir``; ``store``: the store of it, when it is open already."""

    def __init__(self, data_dir: Path, store: Store | None = None) -> None:
        self.data_dir = data_dir
        self.sessions_dir = data_dir / SESSIONS
        self._store = store

    @classmethod
    def of(cls, store: Store) -> Local:
        """The side of a store that is open (the app's)."""
        return cls(store.root, store)

    @classmethod
    def open(cls, data_dir: Path) -> Local:
        """The side of ``data_dir``, made (0700) when missing; raises
        :class:`~selfaudit.store.errors.StoreError`."""
        ensure_private_dir(data_dir, chosen_by_user=True)
        return cls(data_dir)

    @property
    def store(self) -> Store:
        """The store, opened when first asked for; raises
        :class:`~selfaudit.store.errors.StoreError`."""
        if self._store is None:
            from selfaudit.store.store import Store  # deferred: see the module docstring

            self._store = Store.open(self.data_dir)
        return self._store
