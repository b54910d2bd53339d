"""Queries over the store's sessions: the one place that turns saved sessions into what the
trend, compare and team views read.

Two steps, so no query opens every file:

1. **Select** from the index (:class:`~selfaudit.store.records.SessionSummary`, cached per
   store): by set, team (its key, so "service desk" finds "Service desk "), respondent id and
   period (:class:`SessionFilter`), and, for a team view, each respondent's latest session per
   round (:func:`latest_per_round`). Summaries carry the figures a listing or a trend line needs
   (scores, eNPS answer, level, annual cost, action and follow-up counts).
2. **Load** only the sessions chosen, as :class:`~selfaudit.core.responses.Response` objects
   with their answers and results (:func:`response_of`), for the views that need per-item
   answers.

Nothing here reads a file itself: :func:`load_responses` is given the function that reads one
session (:class:`~selfaudit.store.store.Store` has the methods that put it together).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from selfaudit.core.followups import followup_counts
from selfaudit.core.keys import team_key as key_of_team
from selfaudit.core.model import QuestionSet
from selfaudit.core.responses import Response
from selfaudit.core.rounds import DEFAULT_CADENCE, Cadence, Round, round_of
from selfaudit.store.records import Session, SessionSummary


def _order(s: SessionSummary) -> tuple[dt.datetime, str]:
    return (s.completed_at, s.id)


@dataclass(frozen=True)
class SessionFilter:
    """Which sessions a query selects; every field left ``None`` selects all."""

    set_id: str | None = None
    team: str | None = None
    """Matched by its key (:func:`~selfaudit.core.keys.team_key`); ``""`` selects sessions
    saved without a team."""
    respondent_id: str | None = None
    since: dt.datetime | None = None
    """Completed at or after this moment (aware)."""
    until: dt.datetime | None = None
    """Completed before this moment (aware)."""
    in_round: Round | None = None
    """Completed in this round (by its UTC date, as :func:`~selfaudit.core.rounds.round_of`
    puts it)."""
    team_key: str | None = field(init=False, repr=False, compare=False)
    """The key :attr:`team` is matched by."""

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            when = getattr(self, name)
            if when is not None and (when.tzinfo is None or when.utcoffset() is None):
                raise ValueError(f"{name} needs a time zone")
        key = None if self.team is None else key_of_team(self.team)
        object.__setattr__(self, "team_key", key)

    def matches(self, s: SessionSummary) -> bool:
        """Whether the filter selects ``s``."""
        key = self.team_key
        return (
            (self.set_id is None or s.set_id == self.set_id)
            and (key is None or s.team_key == key)
            and (self.respondent_id is None or s.respondent_id == self.respondent_id)
            and (self.since is None or s.completed_at >= self.since)
            and (self.until is None or s.completed_at < self.until)
            and (
                self.in_round is None
                or round_of(s.completed_at, self.in_round.cadence) == self.in_round
            )
        )


def select(summaries: Iterable[SessionSummary], where: SessionFilter) -> list[SessionSummary]:
    """The summaries ``where`` selects, newest first (the later id first on a tie)."""
    return sorted((s for s in summaries if where.matches(s)), key=_order, reverse=True)


def latest_by_set(
    summaries: Iterable[SessionSummary], respondent_id: str
) -> dict[str, SessionSummary]:
    """Per set, ``respondent_id``'s latest session (what Home shows as "Last result")."""
    latest: dict[str, SessionSummary] = {}
    for s in summaries:
        if s.respondent_id != respondent_id:
            continue
        held = latest.get(s.set_id)
        if held is None or _order(s) > _order(held):
            latest[s.set_id] = s
    return latest


def latest_per_round(
    summaries: Iterable[SessionSummary], cadence: Cadence = DEFAULT_CADENCE
) -> dict[Round, list[SessionSummary]]:
    """Per round of ``cadence`` (in order), each respondent's latest session in it (the later
    session id on a tie), oldest first: the sessions a team view counts (as
    :func:`~selfaudit.core.team.counted_responses` picks them). Filter by set and team first."""
    latest: dict[tuple[Round, str], SessionSummary] = {}
    for s in summaries:
        key = (round_of(s.completed_at, cadence), s.respondent_id)
        held = latest.get(key)
        if held is None or _order(s) > _order(held):
            latest[key] = s
    by_round: dict[Round, list[SessionSummary]] = {}
    for (rnd, _), s in sorted(latest.items(), key=lambda kv: (kv[0][0], _order(kv[1]))):
        by_round.setdefault(rnd, []).append(s)
    return by_round


def rating(summaries: Iterable[SessionSummary], set_id: str, team: str) -> list[SessionSummary]:
    """The sessions of ``set_id`` whose customer side rates ``team`` (matched by its key), from
    respondents of other teams: the customer side of a gap view (see
    :func:`~selfaudit.core.gap.internal_customers`)."""
    key = key_of_team(team)
    return [
        s
        for s in summaries
        if s.set_id == set_id and s.rated_team_key == key and key and s.team_key != key
    ]


def response_of(
    session: Session, qset: QuestionSet, summary: SessionSummary | None = None
) -> Response:
    """One session of ``qset`` (the installed set of its id) as the views read it.

    Its results come from the one reader of saved results
    (:func:`~selfaudit.core.stored.session_results`): recomputed for the installed version,
    as saved for another. ``summary`` (the index's, already attributed) gives who answered
    when the session was saved before format 3.
    """
    if session.set_id != qset.id:
        raise ValueError(f"session {session.id} is of the set '{session.set_id}', not '{qset.id}'")
    read = session.read_results(qset)
    respondent_id, name = session.respondent_id, session.respondent
    if not respondent_id and summary is not None:
        respondent_id, name = summary.respondent_id, summary.respondent_name
    return Response(
        session_id=session.id,
        set_id=session.set_id,
        set_version=session.set_version,
        set_hash=session.set_hash,
        respondent_id=respondent_id,
        team_key=session.team_key,
        team_label=session.team,
        completed_at=session.completed_at,
        answers=dict(session.answers) if read.as_saved else read.answers,
        results=read.results,
        actions=session.actions,
        respondent_name=name,
        answered_with=None if read.as_saved else qset,
        # The index's counts: a session read from the answer cache carries no follow-ups.
        followups=summary.followups if summary is not None else followup_counts(session.followups),
    )


def load_responses(
    summaries: Sequence[SessionSummary],
    qset: QuestionSet,
    read: Callable[[str], Session | None],
) -> list[Response]:
    """The sessions of ``summaries`` (of ``qset``'s set) loaded as responses, oldest first.

    ``read`` loads one session by id, or gives ``None`` for one that can no longer be read (it
    changed or went since the index was read): that one is left out, as every view skips an
    unreadable file.
    """
    out = []
    for s in sorted(summaries, key=_order):
        if s.set_id != qset.id:
            continue
        session = read(s.id)
        if session is not None and session.set_id == qset.id:
            out.append(response_of(session, qset, s))
    return out
