"""``selfaudit delete ID [--yes]``: move a saved session to the trash, after asking."""

from __future__ import annotations

import argparse
import sys

from selfaudit.cli import EXIT_BAD_INPUT, EXIT_FAILURE, UserError
from selfaudit.commands.common import open_store
from selfaudit.commands.trash import described
from selfaudit.core.text import visible
from selfaudit.store import BadSessionId, SessionSummary, Store, StoreError

#: What counts as yes to "[y/N]" (``j``/``ja`` for Dutch speakers); anything else is no.
YES = {"y", "yes", "j", "ja"}


def main(args: argparse.Namespace) -> int:
    """Exit 0 when moved, 1 when not (declined, or the store refused), 2 for a bad id or when
    nobody can be asked (stdin is not a terminal and ``--yes`` was not given)."""
    store = open_store(args, create=False)
    try:
        session_id = store.resolve_id(args.session_id)
    except BadSessionId as exc:
        raise UserError(str(exc), EXIT_BAD_INPUT) from None
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserError(
                "delete asks before it moves a session to the trash, and cannot ask here "
                "(no terminal); give --yes to move it without asking"
            )
        if not _confirmed(f"Move session {_what(store, session_id)} to the trash? [y/N] "):
            print("Nothing was moved.", file=sys.stderr)
            return EXIT_FAILURE
    try:
        path = store.move_to_trash(session_id)
    except BadSessionId as exc:  # moved or removed meanwhile
        raise UserError(str(exc), EXIT_BAD_INPUT) from None
    print(f"Moved session {session_id} to the trash\n  {visible(str(path))}")
    print(f"'selfaudit restore {session_id[:8]}' brings it back.")
    return 0


def _what(store: Store, session_id: str) -> str:
    """The session's short id with its set, time and headline, or why its file cannot be read."""
    try:
        summary = SessionSummary.of(store.load(session_id))
    except StoreError:
        return f"{session_id[:8]} (its file cannot be read; 'selfaudit doctor' says why)"
    return f"{session_id[:8]} ({described(summary)})"


def _confirmed(question: str) -> bool:
    """Ask on the terminal; only an answer in :data:`YES` is yes (end of input is no)."""
    sys.stderr.write(question)
    sys.stderr.flush()
    return sys.stdin.readline().strip().lower() in YES
