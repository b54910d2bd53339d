"""``selfaudit trend SET [--team T | --respondent-id ID] [--k N]``: a trend over time.

Without ``--team``: my trend, the sessions of this install's pseudonym (the respondent id, so a
name set or changed later does not split it), or with ``--respondent-id`` those of someone whose
answers were entered here (``take --respondent-id``). With ``--team``: the team's trend by
round, only the rounds with at least k respondents.

``--respondent-id`` shows nothing ``list`` and ``show`` do not already show one session at a
time: the sessions a lead entered or holds are in the store as one person's files either way.
It never combines with ``--team``: a team's views have no filter narrower than the whole team.
"""

from __future__ import annotations

import argparse
import dataclasses

from selfaudit.cli import UserError
from selfaudit.commands.common import open_store, user_settings
from selfaudit.commands.tables import print_lines, print_table, print_view
from selfaudit.commands.team import check_known_team, k_of, known_set, team_cadence, team_key_of
from selfaudit.core.model import QuestionSet
from selfaudit.core.team import team_trend
from selfaudit.core.trend import my_trend
from selfaudit.i18n import t
from selfaudit.store import Store
from selfaudit.views.team_trend import TeamTrendView, team_trend_view
from selfaudit.views.trend import TrendView, trend_view


def main(args: argparse.Namespace) -> int:
    """A person's trend (mine unless ``--respondent-id``) or, with ``--team``, a team's."""
    qset = known_set(args.set_id)
    if args.team is not None:
        if args.respondent_id is not None:
            raise UserError(
                "--respondent-id and --team do not go together: a team's trend is the whole "
                "team's, never one person's"
            )
        return _team(args, qset)
    return _person(args, qset)


def _respondent(store: Store, args: argparse.Namespace) -> str | None:
    """Whose trend: ``--respondent-id`` (exit 2 when no session has it), else this install's
    pseudonym (``None`` when it has none yet: a read writes nothing, and a store without a
    pseudonym has saved nothing of mine)."""
    chosen = args.respondent_id
    if chosen is None:
        return store.known_pseudonym()
    if not any(s.respondent_id == chosen for s in store.summaries()):
        raise UserError(
            f"no session in the store has the respondent id '{chosen}'; "
            "'selfaudit list --json' shows them"
        )
    return str(chosen)


def _person(args: argparse.Namespace, qset: QuestionSet) -> int:
    store = open_store(args, create=False)
    who = _respondent(store, args)
    responses = store.my_responses(qset, who) if who is not None else []
    trend = my_trend(responses, set_id=qset.id, respondent_id=who or "", qset=qset)
    settings = user_settings()
    lang = settings.language
    view = trend_view(trend, qset, lang, settings.currency)
    someone_else = args.respondent_id is not None
    if someone_else:
        # Not "your" trend, and one person's answers: say both.
        title = f"Respondent {args.respondent_id}: {qset.t(qset.title, lang)}"
        view = dataclasses.replace(
            view, title=title, notes=(*view.notes, t(lang, "compare.private"))
        )
    return print_view(view, args.json, print_trend)


def print_trend(view: TrendView) -> None:
    """A person's trend as text: a column per session, the latest change, then every change."""
    print_lines(view.title, view.summary)
    print()
    print_table(view.table)
    if len(view.changes.headers) > 3:  # with two sessions the table's last column says it all
        print_table(view.changes)
    print_lines(*view.notes)


def _team(args: argparse.Namespace, qset: QuestionSet) -> int:
    settings = user_settings()
    k = k_of(args, settings)
    cadence = team_cadence(settings)
    key = team_key_of(args.team)
    store = open_store(args, create=False)
    responses = store.team_responses(qset, args.team, cadence)
    if not responses:
        check_known_team(store, args.team)
    trend = team_trend(responses, qset, team_key=key, cadence=cadence, k=k)
    view = team_trend_view(trend, qset, settings.language)
    return print_view(view, args.json, print_team_trend)


def print_team_trend(view: TeamTrendView) -> None:
    """A team's trend as text: the rounds shown, then how many are left out and why."""
    print_lines(view.title)
    print()
    print_table(view.grid)
    print_lines(view.hidden, *view.notes)
