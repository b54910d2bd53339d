"""``selfaudit trash``: the sessions moved to the trash, which ``selfaudit restore`` brings back."""

from __future__ import annotations

import argparse
import sys

from selfaudit.commands.common import local_time, open_store, print_json, user_settings
from selfaudit.core.text import column, visible
from selfaudit.i18n.headline_text import headline_text
from selfaudit.questionnaires import load_catalog
from selfaudit.store import SessionSummary


def _headline(summary: SessionSummary, levels: int, currency: str) -> str:
    return headline_text(
        levels=levels,
        level=summary.level,
        annual_cost=summary.annual_cost,
        enps_answer=summary.enps_answer,
        scores=summary.scores,
        lang="en",
        currency=currency,
    )


def described(summary: SessionSummary) -> str:
    """A session as a person recognises it: ``Why customers choose us, 2026-03-02 09:30, would
    recommend us: 9 on a scale of 0–10`` (the set's title, the local time and the headline)."""
    qset = load_catalog().get(summary.set_id)
    title = qset.t(qset.title, "en") if qset else summary.set_id
    headline = _headline(summary, len(qset.dimensions) if qset else 0, user_settings().currency)
    return visible(f"{title}, {local_time(summary.completed_at)}, {headline}")


def main(args: argparse.Namespace) -> int:
    """One line per session in the trash, newest first, with the columns of ``list`` (or JSON,
    each with its ``path``)."""
    store = open_store(args, create=False)
    sessions = store.trashed()
    if args.json:
        print_json([{**s.to_json(), "path": str(store.trash.path(s.id))} for s in sessions])
        return 0
    if not sessions:
        print("The trash is empty.", file=sys.stderr)
        return 0
    catalog, currency = load_catalog(), user_settings().currency
    for s in sessions:
        qset = catalog.get(s.set_id)
        headline = _headline(s, len(qset.dimensions) if qset else 0, currency)
        set_id, team, respondent = visible(s.set_id), column(s.team, 16), column(s.respondent, 16)
        print(
            f"{s.id}  {local_time(s.completed_at)}  {set_id:<18} {team}  {respondent}  {headline}"
        )
    return 0
