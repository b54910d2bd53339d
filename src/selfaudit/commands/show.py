"""``selfaudit show ID``: one saved session."""

from __future__ import annotations

import argparse

from selfaudit.cli import EXIT_BAD_INPUT, UserError
from selfaudit.commands.common import local_time, open_store, print_json
from selfaudit.commands.report import results_lines
from selfaudit.core.answers import validate_answers
from selfaudit.core.results import compute_results
from selfaudit.questionnaires import load_catalog
from selfaudit.store import BadSessionId, Session
from selfaudit.store.codec import session_to_doc


def _stored_results(session: Session) -> list[str]:
    """The results as saved, for a set that changed since (or is gone)."""
    lines = ["(the set has changed since this session or is not installed; stored results follow)"]
    for dim in session.results.get("dimensions", []):
        if isinstance(dim, dict):
            lines.append(f"  {dim.get('id')}: {dim.get('score', 'not scored')}")
    return lines


def main(args: argparse.Namespace) -> int:
    """The session's answers and results; results are recomputed when the set is unchanged.

    An id that is too short, ambiguous or unknown is bad input (exit 2); a session file that
    cannot be read is a failure (exit 1, through ``cli.main``).
    """
    store = open_store(args, create=False)
    try:
        session = store.load(store.resolve_id(args.session_id))
    except BadSessionId as exc:
        raise UserError(str(exc), EXIT_BAD_INPUT) from None
    if args.json:
        print_json({**session_to_doc(session), "path": str(store.path_of(session.id))})
        return 0
    print(f"Session {session.id}  ({session.set_id} {session.set_version})")
    print(
        f"Completed {local_time(session.completed_at)}  team: {session.team or '-'}  "
        f"respondent: {session.respondent or '-'}"
    )
    qset = load_catalog().get(session.set_id)
    unchanged = qset is not None and (qset.version, qset.content_hash) == (
        session.set_version,
        session.set_hash,
    )
    if qset is not None and unchanged:
        answers, _ = validate_answers(qset, session.answers)
        lines = results_lines(qset, compute_results(qset, answers), session.lang)
    else:
        lines = _stored_results(session)
    for line in lines:
        print(line)
    if session.actions:
        print("\nAction items:")
        for action in session.actions:
            print(f"  - {action}")
    print(f"\nFile: {store.path_of(session.id)}")
    return 0
