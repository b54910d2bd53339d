"""``selfaudit team SET --team T [--round R] [--k N]``: one team's round, under the k rule.

Also the arguments the team's views share with ``trend --team`` and ``compare --team``: the
set, the team (matched as typed), k, the team's cadence and a round of it. See
``docs/team-view.md`` for the rules and the statistics.
"""

from __future__ import annotations

import argparse
import datetime as dt

from selfaudit.cli import UserError
from selfaudit.commands.common import open_store, user_settings
from selfaudit.commands.tables import print_lines, print_table, print_view
from selfaudit.core.keys import team_key
from selfaudit.core.model import QuestionSet
from selfaudit.core.rounds import Cadence, Round, cadence_of_setting, parse_round, round_of
from selfaudit.core.team import MIN_K, check_k, team_round
from selfaudit.questionnaires import load_catalog
from selfaudit.settings import Settings
from selfaudit.store import Store
from selfaudit.views.team import TeamView, team_view

#: How many team names an unknown team's message lists at most.
_LISTED = 8


def known_set(set_id: str) -> QuestionSet:
    """The installed set ``set_id``; exit 2 naming the available ones otherwise."""
    catalog = load_catalog()
    qset = catalog.get(set_id)
    if qset is None:
        raise UserError(f"no question set '{set_id}'; available: {', '.join(catalog.sets)}")
    return qset


def team_key_of(team: str) -> str:
    """The key ``team`` is matched by; exit 2 for a team of only spaces."""
    key = team_key(team)
    if not key:
        raise UserError("give the team's name with --team")
    return key


def check_known_team(store: Store, team: str, *, rated: bool = False) -> None:
    """Exit 2 when no session in the store has ``team`` (or, with ``rated``, rates it), naming
    the teams that have sessions.

    Called only when a team's query found nothing, so a team with sessions reads the index once.
    """
    key = team_key_of(team)
    teams: dict[str, str] = {}
    summaries = store.summaries()
    for s in summaries:
        if s.team_key:
            teams.setdefault(s.team_key, s.team)
    for s in summaries if rated else ():
        if s.rated_team_key:
            teams.setdefault(s.rated_team_key, s.rated_team)  # as its members type it, if any
    if key not in teams:
        names = sorted(teams.values(), key=team_key)
        listed = ", ".join(f"'{n}'" for n in names[:_LISTED]) + (
            ", …" if len(names) > _LISTED else ""
        )
        known = f"teams with sessions: {listed}" if names else "no session has a team yet"
        raise UserError(f"no session in the store has the team '{team}'; {known}")


def k_of(args: argparse.Namespace, settings: Settings) -> int:
    """``--k``, else the k of the settings; exit 2 below :data:`~selfaudit.core.team.MIN_K`,
    never quietly raised."""
    if args.k is None:
        return settings.team_k  # the settings file never holds a k below MIN_K
    try:
        return check_k(args.k)
    except ValueError:
        raise UserError(
            f"--k must be at least {MIN_K}: the figures of a smaller group could point to one "
            "person"
        ) from None


def team_size_of(team: str, settings: Settings) -> int | None:
    """The team size of the settings when ``team`` is the settings' team (participation is
    shown for it), else ``None``."""
    if settings.team_size and team_key(settings.team) == team_key(team):
        return settings.team_size
    return None


def team_cadence(settings: Settings) -> Cadence:
    """The rounds of a team's views: the check-in cadence of the settings (one cadence for
    every view this install offers, never one per command: two would leak)."""
    return cadence_of_setting(settings.cadence)


def round_of_args(args: argparse.Namespace, cadence: Cadence) -> Round | None:
    """``--round`` (``None`` when not given); exit 2 when it is no round, or a round of
    another cadence than the team's."""
    if args.round is None:
        return None
    try:
        chosen = parse_round(args.round)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    if chosen.cadence is not cadence:
        example = round_of(dt.datetime.now(dt.UTC), cadence).label
        raise UserError(
            f"'{args.round}' is a {chosen.cadence.value}, but rounds here are each a "
            f"{cadence.value} (the check-in cadence in your settings); write one as {example}"
        )
    return chosen


def main(args: argparse.Namespace) -> int:
    """The team view of one round: the count always, the figures only from k respondents."""
    qset = known_set(args.set_id)
    settings = user_settings()
    k = k_of(args, settings)
    cadence = team_cadence(settings)
    chosen = round_of_args(args, cadence)
    key = team_key_of(args.team)
    store = open_store(args, create=False)
    rounds = store.latest_per_round(qset.id, team=args.team, cadence=cadence)
    if not rounds:
        check_known_team(store, args.team)
    if chosen is None:
        if not rounds:
            print_lines(f"Team '{args.team}' has no sessions of {qset.id} yet.")
            return 0
        chosen = max(rounds)
    responses = store.responses(qset, rounds.get(chosen, []))
    size = team_size_of(args.team, settings)
    found = team_round(responses, qset, team_key=key, in_round=chosen, k=k, team_size=size)
    view = team_view(found, qset, settings.language, settings.currency)
    return print_view(view, args.json, print_team)


def print_team(view: TeamView) -> None:
    """The team view as text: the count, why figures are hidden, or the figures."""
    print_lines(view.title)
    print_lines(view.respondents.text, view.participation.text if view.participation else "")
    print_lines(view.hidden)
    print()
    print_table(view.scores)
    print_table(view.figures)
    if view.enps is not None:
        print_lines(view.enps.text)
        print()
    if view.levels is not None:
        print_table(view.levels)
        print_lines(view.levels_note)
        print()
    for table in view.items:
        print_table(table)
    print_table(view.talking_points)
    print_lines(*view.notes)
