"""Carried-over action items: how each action planned last time went.

When a person starts a set again, each action item of their previous session of that set comes
back as a :class:`Followup`; the answer (done, partly, not yet, dropped) is saved with the new
session, so a trend can show how planned actions went over time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class FollowupStatus(StrEnum):
    """How an action item planned last time went."""

    DONE = "done"
    PARTLY = "partly"
    NOT_YET = "not-yet"
    DROPPED = "dropped"


#: The statuses in the order they are offered and counted.
STATUSES = tuple(FollowupStatus)
#: The count of follow-ups not answered (yet) in :func:`followup_counts`.
UNANSWERED = "unanswered"


@dataclass(frozen=True)
class Followup:
    """One action item of the previous session and, once answered, how it went."""

    action: str
    """The action item as it was planned."""
    status: FollowupStatus | None = None
    """``None`` until the person answers."""


def followups_for(actions: Iterable[str]) -> list[Followup]:
    """Unanswered follow-ups for the action items of a previous session (each once, in order)."""
    return [Followup(action) for action in dict.fromkeys(actions)]


def followup_counts(followups: Iterable[Followup]) -> dict[str, int]:
    """How many follow-ups have each status (and :data:`UNANSWERED`); statuses with none left
    out, so a session without follow-ups has ``{}``."""
    tally = Counter(f.status.value if f.status else UNANSWERED for f in followups)
    order = [*(s.value for s in STATUSES), UNANSWERED]
    return {key: tally[key] for key in order if tally[key]}
