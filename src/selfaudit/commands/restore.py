"""``selfaudit restore ID``: bring a session back from the trash (never over another file)."""

from __future__ import annotations

import argparse

from selfaudit.cli import EXIT_BAD_INPUT, UserError
from selfaudit.commands.common import open_store
from selfaudit.commands.trash import described
from selfaudit.core.text import visible
from selfaudit.store import BadSessionId


def main(args: argparse.Namespace) -> int:
    """Exit 0 when restored, 2 for an id not in the trash, 1 when a session of that id is saved
    again (both files are then left as they are) or the store refused."""
    store = open_store(args, create=False)
    try:
        session_id = store.resolve_trashed_id(args.session_id)
        summary = next((s for s in store.trashed() if s.id == session_id), None)
        path = store.restore(session_id)
    except BadSessionId as exc:
        raise UserError(str(exc), EXIT_BAD_INPUT) from None
    print(f"Restored session {session_id}")
    if summary is not None:
        print(f"  {described(summary)}")
    print(f"  in {visible(str(path))}")
    return 0
