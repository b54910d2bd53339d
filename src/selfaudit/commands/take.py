"""``selfaudit take SET --answers FILE``: answer a set from a file, save, print the results."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from selfaudit.cli import EXIT_FAILURE, UserError
from selfaudit.commands.common import open_store, print_json
from selfaudit.commands.report import results_lines
from selfaudit.core.answers import validate_answers
from selfaudit.core.results import compute_results
from selfaudit.questionnaires import load_catalog
from selfaudit.store import StoreError
from selfaudit.tomlio import TomlError, read_toml

MAX_ANSWERS_BYTES = 1 << 20


def main(args: argparse.Namespace) -> int:
    """Validate every answer (all problems at once, exit 2, nothing saved), then save."""
    catalog = load_catalog()
    qset = catalog.get(args.set_id)
    if qset is None:
        known = ", ".join(catalog.sets) or "none"
        raise UserError(f"no question set '{args.set_id}'; available: {known}")
    try:
        raw = read_toml(Path(args.answers), MAX_ANSWERS_BYTES)
    except TomlError as exc:
        raise UserError(f"{exc}") from None
    answers, problems = validate_answers(qset, raw, args.lang)
    if problems:
        for problem in problems:
            print(f"{args.answers}: {problem}", file=sys.stderr)
        raise UserError(f"{len(problems)} problem(s) in {args.answers}; nothing was saved")
    store = open_store(args)
    try:
        respondent = args.respondent if args.respondent is not None else store.pseudonym()
        session = store.save_session(
            qset, answers, team=args.team, respondent=respondent, lang=args.lang
        )
    except StoreError as exc:
        raise UserError(str(exc), EXIT_FAILURE) from None
    path = store.path_of(session.id)
    if args.json:
        print_json(
            {
                "id": session.id,
                "path": str(path),
                "set": qset.id,
                "set_version": qset.version,
                "completed_at": session.completed_at,
                "results": session.results,
            }
        )
    else:
        for line in results_lines(qset, compute_results(qset, answers)):
            print(line)
        print(f"\nSaved session {session.id}\n  in {path}")
    return 0
