"""``selfaudit list``: saved sessions, newest first."""

from __future__ import annotations

import argparse

from selfaudit.commands.common import local_time, open_store, print_json


def main(args: argparse.Namespace) -> int:
    """One line per session (or JSON); unreadable files are left to ``selfaudit doctor``."""
    store = open_store(args, create=False)
    sessions = store.sessions(set_id=args.set_id, team=args.team)
    if args.json:
        print_json([s.to_json() for s in sessions])
        return 0
    for s in sessions:
        headline = ""
        if s.level is not None:
            headline = f"level {s.level}"
        elif s.annual_cost is not None:
            headline = f"annual cost {s.annual_cost:,.0f}"
        elif s.scores:
            headline = f"mean score {sum(s.scores.values()) / len(s.scores):.0f}"
        print(f"{s.id}  {local_time(s.completed_at)}  {s.set_id:<18} {s.team[:16]:<16} {headline}")
    return 0
