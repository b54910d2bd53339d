"""``selfaudit show ID``: one saved session."""

from __future__ import annotations

import argparse

from selfaudit.cli import EXIT_BAD_INPUT, UserError
from selfaudit.commands.common import local_time, open_store, print_json, user_settings
from selfaudit.commands.report import results_lines
from selfaudit.core.answers import Answers, number_answers, written_texts
from selfaudit.core.model import QuestionSet
from selfaudit.core.stored import results_json
from selfaudit.core.text import visible
from selfaudit.i18n import t
from selfaudit.i18n.sentences import amount_text
from selfaudit.questionnaires import load_catalog
from selfaudit.store import BadSessionId, Session
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
        doc = session_to_doc(session)
        doc["results"] = results_json(doc["results"])
        print_json({**doc, "path": str(store.path_of(session.id))})
        return 0
    settings = user_settings()
    lang = settings.language

    def say(key: str, **values: object) -> None:
        print(t(lang, key, **{name: visible(str(value)) for name, value in values.items()}))

    say("show.session", id=session.id, set=session.set_id, version=session.set_version)
    say(
        "show.completed",
        date=local_time(session.completed_at),
        team=session.team or "-",
        respondent=session.who or "-",
    )
    qset = load_catalog().get(session.set_id)
    if qset is None:
        say("show.no-set", set=session.set_id)
        print_json(session.results)
    else:
        read = session.read_results(qset)
        if read.as_saved:
            say("results.as-saved")
        for line in results_lines(qset, read.results, lang, settings.currency):
            print(line)
        _print_own_answers(qset, session, read.answers, lang, settings.currency)
    if session.actions:
        print()
        say("results.actions.head")
        for action in session.actions:
            print(f"  - {visible(action)}")
    print()
    say("show.file", path=store.path_of(session.id))
    return 0


def _print_own_answers(
    qset: QuestionSet, session: Session, answers: Answers, lang: str, currency: str
) -> None:
    """The figures the person gave, then what they wrote in their own words (if any)."""
    figures = number_answers(qset, answers)
    if figures:
        print()
        print(t(lang, "results.figures.head"))
        for item, value in figures:
            amount = amount_text(qset, item, value, lang, currency)
            print(f"  - {qset.t(item.text, lang)}\n    {amount}")
    written = written_texts(qset, session.answers, session.notes)
    if written:
        print()
        print(t(lang, "results.written.head"))
        for item, text in written:
            lines = visible(text, line_breaks=True).replace("\n", "\n    ")
            print(f"  - {qset.t(item.text, lang)}\n    {lines}")
