"""``selfaudit gap --team T [--set SET] [--round R] [--k N] [--json]``: a team's rating of its
own service beside its internal customers' rating of it, under the k rule on each side.

See ``docs/team-view.md`` for who counts on each side.
"""

from __future__ import annotations

import argparse

from selfaudit.cli import UserError
from selfaudit.commands.common import open_store, user_settings
from selfaudit.commands.tables import print_lines, print_table, print_view
from selfaudit.commands.team import (
    check_known_team,
    k_of,
    known_set,
    round_of_args,
    team_cadence,
    team_key_of,
)
from selfaudit.core.gap import team_gap
from selfaudit.views.gap import GapView, gap_view

#: The set a gap is asked of unless ``--set`` names another with mirrored items.
DEFAULT_SET = "internal-service"


def main(args: argparse.Namespace) -> int:
    """The gap view of one round: counts always, medians only from k people on each side."""
    qset = known_set(args.set_id or DEFAULT_SET)
    if not qset.mirrored():
        raise UserError(
            f"the set '{qset.id}' does not ask its questions from both sides, so it has no gap "
            f"view; use --set {DEFAULT_SET}"
        )
    settings = user_settings()
    k = k_of(args, settings)
    cadence = team_cadence(settings)
    chosen = round_of_args(args, cadence)
    key = team_key_of(args.team)
    store = open_store(args, create=False)
    rounds = store.gap_rounds(qset.id, args.team, cadence)
    if not rounds:
        check_known_team(store, args.team, rated=True)
    if chosen is None:
        if not rounds:
            print_lines(f"No session of {qset.id} is from or about the team '{args.team}' yet.")
            return 0
        chosen = max(rounds)
    responses = store.responses(qset, rounds.get(chosen, []))
    found = team_gap(responses, qset, team_key=key, in_round=chosen, k=k)
    view = gap_view(found, qset, settings.language)
    return print_view(view, args.json, print_gap)


def print_gap(view: GapView) -> None:
    """The gap view as text: both counts, why a side is hidden, the rows, the advice."""
    print_lines(view.title)
    print_lines(view.own.text, view.customers.text)
    print_lines(*view.hidden)
    print()
    print_table(view.dimensions)
    print_table(view.items)
    print_lines(*view.advice)
    print()
    print_lines(*view.notes)
