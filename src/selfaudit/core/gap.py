"""The gap view: one relationship seen from both sides, for a set with mirrored items.

For team X in one round it sets X's rating of its own service (the provider side of X's
sessions) against its internal customers' rating of X (the customer side of the sessions that
named X as the team they rate), per dimension and per mirrored pair of items, largest gap first.
``docs/team-view.md`` gives the rules in full.

* **Who counts, own side:** exactly the sessions the team view of X counts
  (:func:`~selfaudit.core.team.counted_responses`): each member's latest session in the round.
* **Who counts, customer side:** for each respondent of another team, their latest session in
  the round that rates X. A member rating their own team is not an internal customer of it and
  is left out.
* **k applies to each side on its own:** a side with fewer than k distinct respondents shows its
  count only, and so does a row that fewer than k of a side answered. A gap needs both.
* **Nothing individual:** as in the team view, only counts and statistics; the customer side's
  answers appear in no other view (the team view of a mirrored set counts the provider side
  only, :func:`~selfaudit.core.responses.team_measures_of`), so no two views can be subtracted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from selfaudit.core.model import QuestionSet
from selfaudit.core.responses import Response, item_answer
from selfaudit.core.rounds import Round, round_of
from selfaudit.core.stats import Spread, spread
from selfaudit.core.team import (
    DEFAULT_K,
    Hidden,
    check_k,
    counted_responses,
    latest_of_each,
    most_typed,
)

#: From this many points on (0-100) a gap is worth talking about and gets its advice.
NOTABLE = 10.0
#: Whether the team's own side and its customers' side have at least k people.
Sides = tuple[bool, bool]


def internal_customers(
    responses: Iterable[Response], *, set_id: str, team_key: str, in_round: Round
) -> tuple[Response, ...]:
    """The customer sessions of a gap view: per respondent of another team, their latest session
    of ``set_id`` in ``in_round`` that rates ``team_key`` (the later session id on a tie),
    oldest first."""
    return latest_of_each(
        r
        for r in responses
        if r.set_id == set_id
        and r.rated_team_key == team_key
        and r.team_key != team_key
        and round_of(r.completed_at, in_round.cadence) == in_round
    )


@dataclass(frozen=True)
class GapRow:
    """One dimension, or one mirrored pair of items, from both sides."""

    key: str
    """The dimension's id, or the provider item's id for a pair."""
    mirror: str
    """For a pair, the customer item's id; ``""`` for a dimension."""
    own_answered: int
    customers_answered: int
    own: Spread | None
    """The team's own rating (0-100); ``None`` below k (or when that side is hidden)."""
    customers: Spread | None
    """Its internal customers' rating (0-100); ``None`` below k."""

    @property
    def gap(self) -> float | None:
        """Customers' median minus the team's own median: below zero when the team rates its
        service higher than the people it serves do."""
        if self.own is None or self.customers is None:
            return None
        return self.customers.median - self.own.median


@dataclass(frozen=True)
class TeamGap:
    """The gap view of one team in one round."""

    set_id: str
    team_label: str
    round: Round
    k: int
    own_respondents: int
    """Distinct members counted: always shown."""
    customer_respondents: int
    """Distinct internal customers counted: always shown."""
    own_hidden: Hidden | None
    customers_hidden: Hidden | None
    dimensions: tuple[GapRow, ...]
    """Largest gap first, then the rows without a gap in set order; empty when both sides
    are hidden."""
    items: tuple[GapRow, ...]
    """Per mirrored pair, ordered as :attr:`dimensions`."""


def _side_spread(values: Sequence[float], k: int, shown: bool) -> Spread | None:
    return spread(values) if shown and len(values) >= k else None


def _ordered(rows: list[GapRow]) -> tuple[GapRow, ...]:
    order = {id(row): n for n, row in enumerate(rows)}
    return tuple(
        sorted(
            rows,
            key=lambda r: (r.gap is None, -abs(r.gap) if r.gap is not None else 0, order[id(r)]),
        )
    )


def _row(
    key: str, mirror: str, mine: Sequence[float], theirs: Sequence[float], k: int, sides: Sides
) -> GapRow:
    """One row from the figures of each side (each side's spread only when it is shown)."""
    own = _side_spread(mine, k, sides[0])
    customers = _side_spread(theirs, k, sides[1])
    return GapRow(key, mirror, len(mine), len(theirs), own, customers)


def _side_scores(responses: Sequence[Response], dimension: str, side: str) -> list[float]:
    """The dimension's score on ``side`` of each response that has one."""
    found = (r.results.dimension(dimension) for r in responses)
    return [v for d in found if d is not None and (v := d.by_side.get(side)) is not None]


def _rows(
    qset: QuestionSet, own: Sequence[Response], customers: Sequence[Response], k: int, sides: Sides
) -> tuple[list[GapRow], list[GapRow]]:
    """The dimension rows and the mirrored pairs' rows that anyone on either side answered."""
    dimensions = []
    for dim in qset.dimensions:
        mine, theirs = (
            _side_scores(own, dim.id, "provider"),
            _side_scores(customers, dim.id, "customer"),
        )
        if mine or theirs:
            dimensions.append(_row(dim.id, "", mine, theirs, k, sides))
    items = []
    for provider, customer in qset.mirrored():
        mine = [v for r in own if (v := item_answer(r, provider)) is not None]
        theirs = [v for r in customers if (v := item_answer(r, customer)) is not None]
        if mine or theirs:  # a pair nobody on either side answered is left out
            items.append(_row(provider.id, customer.id, mine, theirs, k, sides))
    return dimensions, items


def team_gap(
    responses: Iterable[Response],
    qset: QuestionSet,
    *,
    team_key: str,
    in_round: Round,
    k: int = DEFAULT_K,
) -> TeamGap:
    """The gap view of ``team_key`` in ``in_round`` from all ``responses`` the store holds of
    ``qset`` (it picks who counts on each side itself). ``ValueError`` for a set without
    mirrored items: it has no gap."""
    check_k(k)
    if not qset.mirrored():
        raise ValueError(f"the set '{qset.id}' has no mirrored items, so it has no gap view")
    pool = list(responses)
    own = counted_responses(pool, set_id=qset.id, team_key=team_key, in_round=in_round)
    customers = internal_customers(pool, set_id=qset.id, team_key=team_key, in_round=in_round)
    sides = (len(own) >= k, len(customers) >= k)
    dimensions, items = _rows(qset, own, customers, k, sides) if any(sides) else ([], [])
    return TeamGap(
        set_id=qset.id,
        team_label=most_typed(
            (r.team_label for r in own) if own else (r.results.rated_team for r in customers),
            team_key,
        ),
        round=in_round,
        k=k,
        own_respondents=len(own),
        customer_respondents=len(customers),
        own_hidden=None if sides[0] else Hidden.FEWER_THAN_K,
        customers_hidden=None if sides[1] else Hidden.FEWER_THAN_K,
        dimensions=_ordered(dimensions),
        items=_ordered(items),
    )
