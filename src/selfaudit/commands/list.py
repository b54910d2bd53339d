"""``selfaudit list``: saved sessions, newest first."""

from __future__ import annotations

import argparse

from selfaudit.cli import UserError
from selfaudit.commands.common import local_time, open_store, print_json, user_settings
from selfaudit.core.headline import HeadlineKind, headline
from selfaudit.core.text import column, visible
from selfaudit.i18n import fmt_money
from selfaudit.questionnaires import load_catalog


def main(args: argparse.Namespace) -> int:
    """One line per session (or JSON): id, time, set, team, respondent, headline; unreadable
    files are left to ``selfaudit doctor``."""
    if args.set_id is not None:
        known = load_catalog().sets
        if args.set_id not in known:
            raise UserError(f"no question set '{args.set_id}'; available: {', '.join(known)}")
    store = open_store(args, create=False)
    sessions = store.sessions(set_id=args.set_id, team=args.team)
    if args.json:
        print_json([s.to_json() for s in sessions])
        return 0
    currency = user_settings().currency
    for s in sessions:
        found = headline(
            level=s.level, annual_cost=s.annual_cost, enps_answer=s.enps_answer, scores=s.scores
        )
        text = "no scores" if found is None else _HEADLINE[found.kind](found.value, currency)
        set_id, team, respondent = visible(s.set_id), column(s.team, 16), column(s.respondent, 16)
        print(f"{s.id}  {local_time(s.completed_at)}  {set_id:<18} {team}  {respondent}  {text}")
    return 0


#: How ``list`` writes each kind of headline: short English for scripts, and without the
#: question sets ("level 2 of 5" would need them loaded, ~90 ms on every listing). The app
#: words the same headline with :func:`selfaudit.i18n.headline_text.headline_text`.
_HEADLINE = {
    HeadlineKind.LEVEL: lambda v, _: f"level {v:.0f}",
    HeadlineKind.COST: lambda v, cur: f"annual cost {fmt_money(v, 'en', cur)}",
    HeadlineKind.ENPS: lambda v, _: f"eNPS answer {v:.0f}",
    HeadlineKind.MEAN: lambda v, _: f"mean score {v:.0f}",
}
