"""``selfaudit show ID``: one saved session."""

from __future__ import annotations

import argparse

from selfaudit.cli import EXIT_FAILURE, UserError
from selfaudit.commands.common import local_time, open_store, print_json
from selfaudit.commands.report import results_lines
from selfaudit.core.answers import validate_answers
from selfaudit.core.results import compute_results
from selfaudit.questionnaires import load_catalog
from selfaudit.store import StoreError
from selfaudit.store.codec import session_to_doc


def main(args: argparse.Namespace) -> int:
    """The session's answers and results; results are recomputed when the set is unchanged."""
    store = open_store(args, create=False)
    try:
        session = store.load(store.resolve_id(args.session_id))
    except StoreError as exc:
        raise UserError(str(exc), EXIT_FAILURE) from None
    if args.json:
        print_json({**session_to_doc(session), "path": str(store.path_of(session.id))})
        return 0
    print(f"Session {session.id}  ({session.set_id} {session.set_version})")
    print(
        f"Completed {local_time(session.completed_at)}  team: {session.team or '-'}  "
        f"respondent: {session.respondent or '-'}"
    )
    qset = load_catalog().get(session.set_id)
    if qset is not None and qset.version == session.set_version:
        answers, _ = validate_answers(qset, session.answers)
        for line in results_lines(qset, compute_results(qset, answers), session.lang):
            print(line)
    else:
        print("(the set's current version differs; stored results follow)")
        for dim in session.results.get("dimensions", []):
            print(f"  {dim.get('id')}: {dim.get('score', 'not scored')}")
    if session.actions:
        print("\nAction items:")
        for action in session.actions:
            print(f"  - {action}")
    print(f"\nFile: {store.path_of(session.id)}")
    return 0
