"""``selfaudit show ID``: one saved session."""

from __future__ import annotations

import argparse

from selfaudit.cli import EXIT_BAD_INPUT, UserError
from selfaudit.commands.common import local_time, open_store, print_json, user_settings
from selfaudit.commands.report import results_lines
from selfaudit.core.answers import usable_answers
from selfaudit.core.results import compute_results
from selfaudit.core.stored import stored_results
from selfaudit.questionnaires import load_catalog
from selfaudit.store import BadSessionId
from selfaudit.store.codec import session_to_doc


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
    settings = user_settings()
    if qset is None:
        print(f"(the set '{session.set_id}' is not installed; the saved results follow as JSON)")
        print_json(session.results)
    else:
        if unchanged:
            answers, _ = usable_answers(qset, session.answers, session.lang)
            results = compute_results(qset, answers)
        else:
            print("(the set has changed since this session; its figures are shown as saved)")
            results = stored_results(qset.id, qset.model, session.results, session.answers)
        for line in results_lines(qset, results, settings.language, settings.currency):
            print(line)
    if session.actions:
        print("\nAction items:")
        for action in session.actions:
            print(f"  - {action}")
    print(f"\nFile: {store.path_of(session.id)}")
    return 0
