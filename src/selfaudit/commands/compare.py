"""``selfaudit compare``: sessions side by side, a session against a team, or team against team.

* ``compare ID ID...``: two or more sessions of one set (ids by their first characters, as
  ``show`` takes them), oldest first.
* ``compare ID --team T [--round R]``: that session against the team's medians in a round (by
  default the round the session falls in).
* ``compare --team A --team B... --set S [--round R]``: teams by their aggregates only (by
  default in the latest round any of them has sessions of the set).

A team's column follows the k rule: fewer than k respondents, and it is empty with one
sentence saying why. Largest differences come first.
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
from selfaudit.core.compare import Comparison, compare_sessions, compare_teams, compare_with_team
from selfaudit.core.model import QuestionSet
from selfaudit.core.responses import Response
from selfaudit.core.rounds import Round, round_of
from selfaudit.core.team import TeamRound, team_round
from selfaudit.questionnaires import load_catalog
from selfaudit.store import BadSessionId, SessionSummary, Store
from selfaudit.views.compare import CompareView, compare_view

_WHAT = (
    "compare two or more sessions (compare ID ID...), one session against a team "
    "(compare ID --team T) or teams (compare --team A --team B --set S)"
)


def main(args: argparse.Namespace) -> int:
    """Pick the comparison the arguments ask for; exit 2 when they ask for none."""
    ids, teams = args.session_ids, args.team or []
    if not teams:
        if len(ids) < 2:
            raise UserError(f"give at least two sessions: {_WHAT}")
        if args.set_id is not None or args.round is not None:
            raise UserError(
                "--set and --round go with --team; sessions are compared as they were saved"
            )
        return _show(args, _sessions(args))
    if len(ids) > 1 or (ids and len(teams) > 1):
        raise UserError(f"sessions and teams do not mix that way: {_WHAT}")
    if ids:
        if args.set_id is not None:
            raise UserError("--set goes with comparing teams; a session is compared in its own set")
        return _show(args, _against_team(args))
    if len(teams) < 2:
        raise UserError(f"give a session or a second --team: {_WHAT}")
    if args.set_id is None:
        raise UserError("give the set to compare the teams in with --set")
    return _show(args, _teams(args))


def _show(args: argparse.Namespace, found: tuple[Comparison, QuestionSet] | None) -> int:
    if found is None:
        return 0
    comparison, qset = found
    settings = user_settings()
    view = compare_view(comparison, qset, settings.language, settings.currency)
    return print_view(view, args.json, print_compare)


def print_compare(view: CompareView) -> None:
    """The comparison as text: the tables, largest differences first, then how to read them."""
    print_lines(view.title)
    print()
    if view.hidden:
        print_lines(view.hidden)
        print()
    print_table(view.dimensions)
    print_table(view.figures)
    print_table(view.items)
    print_lines(*view.notes)


def _session_id(store: Store, prefix: str) -> str:
    try:
        return store.resolve_id(prefix)
    except BadSessionId as exc:
        raise UserError(str(exc)) from None


def _set_of(set_id: str, session_id: str) -> QuestionSet:
    qset = load_catalog().get(set_id)
    if qset is None:
        raise UserError(
            f"session {session_id} is of the set '{set_id}', which is not installed, so it "
            "cannot be compared; 'selfaudit show' shows it as saved"
        )
    return qset


def _responses(store: Store, prefixes: list[str]) -> tuple[list[Response], QuestionSet]:
    """The sessions named, as responses of their one set; exit 2 for sessions of two sets."""
    ids = list(dict.fromkeys(_session_id(store, p) for p in prefixes))
    if len(ids) < len(prefixes):
        raise UserError("the same session is named twice; give different sessions")
    sessions = [store.load(i) for i in ids]
    first = sessions[0]
    other = next((s for s in sessions if s.set_id != first.set_id), None)
    if other is not None:
        raise UserError(
            f"only sessions of one set can be compared: {first.id[:8]} is of '{first.set_id}' "
            f"and {other.id[:8]} of '{other.set_id}'"
        )
    qset = _set_of(first.set_id, first.id)
    return [store.response(i, qset) for i in ids], qset


def _sessions(args: argparse.Namespace) -> tuple[Comparison, QuestionSet]:
    store = open_store(args, create=False)
    responses, qset = _responses(store, args.session_ids)
    return compare_sessions(responses, qset), qset


def _round_view(
    store: Store,
    qset: QuestionSet,
    rounds: dict[Round, list[SessionSummary]],
    key: str,
    chosen: Round,
    k: int,
) -> TeamRound:
    """The team's round from ``rounds`` (what :meth:`Store.latest_per_round` gives for it):
    only the sessions it counts are opened."""
    counted = store.responses(qset, rounds.get(chosen, []))
    return team_round(counted, qset, team_key=key, in_round=chosen, k=k)


def _against_team(args: argparse.Namespace) -> tuple[Comparison, QuestionSet]:
    settings = user_settings()
    k = k_of(args, settings)
    cadence = team_cadence(settings)
    chosen = round_of_args(args, cadence)
    store = open_store(args, create=False)
    (mine,), qset = _responses(store, args.session_ids)
    team = args.team[0]
    key = team_key_of(team)
    rounds = store.latest_per_round(qset.id, team=team, cadence=cadence)
    if not rounds:
        check_known_team(store, team)
    in_round = chosen or round_of(mine.completed_at, cadence)
    found = _round_view(store, qset, rounds, key, in_round, k)
    return compare_with_team(mine, found, qset), qset


def _teams(args: argparse.Namespace) -> tuple[Comparison, QuestionSet] | None:
    qset = known_set(args.set_id)
    settings = user_settings()
    k = k_of(args, settings)
    cadence = team_cadence(settings)
    chosen = round_of_args(args, cadence)
    keys = [team_key_of(team) for team in args.team]
    if len(set(keys)) < len(keys):
        raise UserError("the same team is named twice; give different teams")
    store = open_store(args, create=False)
    rounds = [store.latest_per_round(qset.id, team=team, cadence=cadence) for team in args.team]
    for team, of_team in zip(args.team, rounds, strict=True):
        if not of_team:
            check_known_team(store, team)
    if chosen is None:
        # The latest round any of the teams has sessions in; a team without is shown empty.
        seen = {r for of_team in rounds for r in of_team}
        if not seen:
            print_lines(f"None of these teams has sessions of {qset.id} yet.")
            return None
        chosen = max(seen)
    teams = [
        _round_view(store, qset, of_team, key, chosen, k)
        for of_team, key in zip(rounds, keys, strict=True)
    ]
    return compare_teams(teams, qset), qset
