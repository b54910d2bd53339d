"""``selfaudit take SET --answers FILE``: answer a set from a file, save, print the results.

``FILE`` maps item ids to values, or is a draft exported from the app (recovery): then its
answers are used and its notes, team, respondent, language, action items and follow-ups kept,
unless the command line gives them, and it is saved as that draft's own session (same id), once.

``--respondent-id ID`` records answers collected on paper for someone else (a lead enters
them): the session is that person's, under ``ID``, with ``--respondent`` as their name (none
when it is not given: the lead's own name is never put on it).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from selfaudit.cli import EXIT_FAILURE, UserError
from selfaudit.commands.common import open_store, print_json, user_settings
from selfaudit.commands.report import results_lines
from selfaudit.core.answers import validate_answers
from selfaudit.core.model import QuestionSet
from selfaudit.core.results import compute_results
from selfaudit.core.stored import results_json
from selfaudit.core.text import visible
from selfaudit.i18n import t
from selfaudit.questionnaires import load_catalog
from selfaudit.settings import name_problem
from selfaudit.store import Draft, NotDurable, Session, StoreError
from selfaudit.store.codec import draft_from_doc
from selfaudit.store.errors import DocumentError
from selfaudit.store.identity import id_problem
from selfaudit.tomlio import TomlError, read_toml

MAX_ANSWERS_BYTES = 1 << 20


@dataclass
class _Input:
    """What the answers file provides besides the answers (a draft brings more)."""

    answers: dict[str, Any]
    notes: dict[str, str] = field(default_factory=dict)
    team: str = ""
    respondent: str | None = None
    respondent_id: str = ""
    lang: str | None = None
    actions: list[str] = field(default_factory=list)
    draft: Draft | None = None
    """The exported draft the file holds, if it is one: it becomes that draft's session."""


def check_text_option(flag: str, value: str | None) -> str | None:
    """A ``--team`` / ``--respondent`` value, or :class:`UserError` (exit 2) naming the flag."""
    if value is None:
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise UserError(f"{flag} is not valid UTF-8 text; give plain text") from None
    problem = name_problem(value)
    if problem is not None:
        raise UserError(f"{flag} {problem}; give plain text")
    return value


def check_respondent_id(value: str | None) -> str | None:
    """A ``--respondent-id`` value (the rules of a pseudonym), or :class:`UserError` (exit 2)."""
    if value is None:
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise UserError("--respondent-id is not valid UTF-8 text; give plain text") from None
    problem = id_problem(value)
    if problem is None and value != value.strip():
        problem = "begins or ends with a space"
    if problem is not None:
        raise UserError(
            f"--respondent-id {problem}; give the person's id as plain text of at most 200 "
            "characters, such as the pseudonym their selfaudit shows (anon-4a76ff)"
        )
    return value


def _read_input(name: str, qset: QuestionSet) -> _Input:
    try:
        raw = read_toml(Path(name), MAX_ANSWERS_BYTES)
    except TomlError as exc:
        raise UserError(f"{exc}") from None
    if not ("format_version" in raw and raw.get("kind") == "draft"):
        return _Input(raw)
    try:
        draft = draft_from_doc(raw)
    except DocumentError as exc:
        raise UserError(f"{name}: {exc}") from None
    if draft.set_id != qset.id:
        raise UserError(
            f"{name} is a draft of the set '{draft.set_id}', not '{qset.id}'; "
            f"run 'selfaudit take {draft.set_id} --answers {name}'"
        )
    return _Input(
        dict(draft.answers),
        draft.notes,
        draft.team,
        draft.respondent,
        draft.respondent_id,
        draft.lang,
        draft.actions,
        draft,
    )


def _print_saved(
    args: argparse.Namespace, qset: QuestionSet, session: Session, path: Path, saved_now: bool
) -> None:
    """The results and where the session is; ``saved_now`` is false when it was saved before."""
    if args.json:
        print_json(
            {
                "id": session.id,
                "path": str(path),
                "set": qset.id,
                "set_version": qset.version,
                "completed_at": session.completed_at,
                "respondent_id": session.respondent_id,
                "already_saved": not saved_now,
                "results": results_json(session.results),
            }
        )
        return
    answers, _ = validate_answers(qset, session.answers)
    settings = user_settings()
    results = compute_results(qset, answers)
    for line in results_lines(qset, results, settings.language, settings.currency):
        print(line)
    if saved_now:
        print(f"\nSaved session {session.id}\n  in {visible(str(path))}")
    else:
        print(f"\nAlready saved as session {session.id}\n  in {visible(str(path))}")
        print("Nothing new was saved: this draft became that session before.")


def main(args: argparse.Namespace) -> int:
    """Validate every answer (all problems at once, exit 2, nothing saved), then save."""
    team = check_text_option("--team", args.team)
    respondent = check_text_option("--respondent", args.respondent)
    respondent_id = check_respondent_id(args.respondent_id)
    catalog = load_catalog()
    qset = catalog.get(args.set_id)
    if qset is None:
        known = ", ".join(catalog.sets) or "none"
        raise UserError(f"no question set '{args.set_id}'; available: {known}")
    given = _read_input(args.answers, qset)
    answers, problems = validate_answers(qset, given.answers)
    if problems:
        for problem in problems:
            print(visible(f"{args.answers}: {problem}"), file=sys.stderr)
        raise UserError(t("en", "cli.take.problems", count=len(problems), file=args.answers))
    settings = user_settings()
    lang = args.lang or given.lang or settings.language  # the language the session was taken in
    store = open_store(args)
    try:
        # The command line first, then what a recovered draft carries, then the settings. Answers
        # of someone else (--respondent-id) get no name but the one given (or their draft's).
        draft_id = given.draft.respondent_id if given.draft is not None else ""
        if respondent is None:
            if respondent_id is not None and respondent_id != draft_id:
                respondent = ""
            elif given.draft is not None:
                respondent = given.respondent or ""
            else:
                respondent = settings.respondent.strip()
        if team is None:
            team = given.team or settings.team.strip()
        if given.draft is not None and (args.share_notes or args.share_name):
            raise UserError(
                "--share-notes and --share-name go with an answers file, not a draft exported "
                "from the app; save the draft first"
            )
        if given.draft is None:
            session = store.save_session(
                qset,
                answers,
                notes=given.notes,
                team=team,
                respondent=respondent,
                lang=lang,
                actions=given.actions,
                respondent_id=respondent_id,
                share_notes=args.share_notes,
                share_name=args.share_name,
            )
            saved_now = True
        else:
            # A draft saved without an id (before format 3, or when the app could not read
            # the pseudonym) is attributed by the store when it is completed.
            recovered = dataclasses.replace(
                given.draft,
                team=team,
                respondent=respondent,
                respondent_id=draft_id if respondent_id is None else respondent_id,
                lang=lang,
            )
            session, saved_now = store.recover(recovered, qset)
    except NotDurable as exc:
        if exc.session is None:
            raise
        _print_saved(args, qset, exc.session, store.path_of(exc.session.id), True)
        print(f"selfaudit: warning: {visible(str(exc))}", file=sys.stderr)
        return EXIT_FAILURE
    except StoreError as exc:
        raise UserError(str(exc), EXIT_FAILURE) from None
    _print_saved(args, qset, session, store.path_of(session.id), saved_now)
    return 0
