"""The gap view, worked out by hand: a team's rating of its own service against its internal
customers' rating of it, k on each side, and no customer answer in any other view."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from selfaudit.core.gap import NOTABLE, internal_customers, team_gap
from selfaudit.core.responses import Response, score
from selfaudit.core.rounds import Cadence, parse_round, round_of
from selfaudit.core.team import Hidden, counted_responses, team_round
from tests.core.responses_factory import builtin, mini_set, response, when

SERVICE = builtin("internal-service")
Q3 = parse_round("2026-Q3")


def _provider(value: int) -> dict[str, object]:
    """A member who answers the two responsiveness items of their own team with ``value``."""
    return {"resp_p_quick": value, "resp_p_reach": value}


def _customer(value: int, rated: str = "Service desk") -> dict[str, object]:
    """Someone who rates ``rated`` with ``value`` on its two responsiveness items."""
    return {"rated_team": rated, "resp_c_quick": value, "resp_c_reach": value}


def _scene() -> list[Response]:
    """Five Service desk members rate themselves 5, 5, 4, 4, 3 (100, 100, 75, 75, 50: median 75).
    Five people of Finance rate the Service desk 2, 2, 3, 1, 2 (25, 25, 50, 0, 25: median 25),
    one of them after an earlier 5 in the same round; a member rates their own team (not an
    internal customer), and one Finance rating falls in the next round."""
    own = [
        response(SERVICE, _provider(v), respondent=f"m{i}", at=when(2026, 7, 1 + i))
        for i, v in enumerate([5, 5, 4, 4, 3])
    ]
    customers = [
        response(
            SERVICE,
            _customer(v, " service DESK"),
            respondent=f"f{i}",
            team="Finance",
            at=when(2026, 8, 1 + i),
        )
        for i, v in enumerate([2, 2, 3, 1, 2])
    ]
    earlier = response(SERVICE, _customer(5), respondent="f0", team="Finance", at=when(2026, 7, 2))
    self_rating = response(
        SERVICE, {**_provider(5), **_customer(5)}, respondent="m9", at=when(2026, 9, 1)
    )
    next_round = response(
        SERVICE, _customer(5), respondent="f7", team="Finance", at=when(2026, 10, 2)
    )
    return [*own, *customers, earlier, self_rating, next_round]


def test_the_gap_by_hand() -> None:
    gap = team_gap(_scene(), SERVICE, team_key="service desk", in_round=Q3, k=5)
    # m9 rated their own team: a member (counted on the own side), not a customer.
    assert (gap.own_respondents, gap.customer_respondents) == (6, 5)
    assert gap.own_hidden is None and gap.customers_hidden is None
    [responsiveness] = [r for r in gap.dimensions if r.key == "responsiveness"]
    assert responsiveness.own is not None and responsiveness.customers is not None
    # Own side 100, 100, 100 (m9), 75, 75, 50: median 87.5.
    assert (responsiveness.own.median, responsiveness.own.minimum) == (87.5, 50.0)
    assert (responsiveness.customers.median, responsiveness.customers.maximum) == (25.0, 50.0)
    assert responsiveness.gap == -62.5
    assert gap.dimensions[0] is responsiveness  # the only dimension both sides answered
    quick = next(r for r in gap.items if r.key == "resp_p_quick")
    assert (quick.mirror, quick.gap) == ("resp_c_quick", -62.5)
    # Only the pairs someone answered: the two responsiveness pairs.
    assert [r.key for r in gap.items] == ["resp_p_quick", "resp_p_reach"]
    assert gap.team_label == "Service desk"


def test_k_applies_to_each_side_on_its_own() -> None:
    scene = [r for r in _scene() if r.respondent_id != "f4"]  # four customers left
    gap = team_gap(scene, SERVICE, team_key="service desk", in_round=Q3, k=5)
    assert (gap.own_respondents, gap.customer_respondents) == (6, 4)
    assert gap.customers_hidden is Hidden.FEWER_THAN_K and gap.own_hidden is None
    [responsiveness] = [r for r in gap.dimensions if r.key == "responsiveness"]
    assert responsiveness.customers is None and responsiveness.gap is None
    assert responsiveness.own is not None and responsiveness.customers_answered == 4
    both_short = team_gap(scene[:4], SERVICE, team_key="service desk", in_round=Q3, k=5)
    assert both_short.dimensions == () and both_short.items == ()


def test_one_person_twice_in_a_round_counts_once_with_their_latest() -> None:
    customers = internal_customers(
        _scene(), set_id=SERVICE.id, team_key="service desk", in_round=Q3
    )
    f0 = [r for r in customers if r.respondent_id == "f0"]
    assert len(f0) == 1 and f0[0].completed_at == when(2026, 8, 1)


def test_the_largest_gap_comes_first_and_the_notable_mark() -> None:
    scene = _scene()
    # The same people also rate agreements: members 4 (75), customers 4 (75): no gap.
    scene = [
        response(
            SERVICE,
            {**r.answers, "agree_p_keep": 4, "agree_c_keep": 4},
            respondent=r.respondent_id,
            team=r.team_label,
            at=r.completed_at,
        )
        for r in scene
    ]
    gap = team_gap(scene, SERVICE, team_key="service desk", in_round=Q3, k=5)
    keys = [r.key for r in gap.dimensions]
    assert keys[:2] == ["responsiveness", "agreements"]
    assert gap.dimensions[1].gap == 0.0 and abs(gap.dimensions[0].gap or 0) >= NOTABLE


def test_a_set_without_mirrors_has_no_gap() -> None:
    with pytest.raises(ValueError, match="no mirrored items"):
        team_gap([], mini_set(), team_key="x", in_round=Q3)


def test_the_team_view_of_a_mirrored_set_counts_the_provider_side_only() -> None:
    view = team_round(_scene(), SERVICE, team_key="service desk", in_round=Q3, k=5)
    assert view.figures is not None
    responsiveness = view.figures.measure(score("responsiveness"))
    assert responsiveness is not None and responsiveness.spread is not None
    # m9 answered both sides with 5: the provider side (100) counts, as in the gap's own side.
    assert responsiveness.spread.median == 87.5
    assert {i.item for i in view.figures.items}.isdisjoint({c.id for _, c in SERVICE.mirrored()})


sessions_strategy = st.lists(
    st.tuples(
        st.sampled_from(["Service desk", "Finance", "HR"]),  # own team
        st.sampled_from(["Service desk", "Finance", "HR", ""]),  # team rated
        st.sampled_from([f"p{i}" for i in range(8)]),
        st.integers(0, 365 * 24),
    ),
    min_size=5,
    max_size=60,
)


@settings(max_examples=100, deadline=None)
@given(sessions_strategy, st.sampled_from(list(Cadence)))
def test_gap_views_cannot_be_subtracted(
    raw: list[tuple[str, str, str, int]], cadence: Cadence
) -> None:
    """The own side of a gap view is exactly the team view's population, so the two show one
    group. The customer side shows answers no other view shows (the team view leaves a mirrored
    set's customer side out, tested above), and its populations, for every team and round, never
    share a session: a session rates one team and lies in one round. So no two views the tool
    offers differ by a smaller group than each shows."""
    sessions = []
    for i, (team, rated, person, hours) in enumerate(raw):
        answers = {"resp_p_quick": 3, **({"rated_team": rated, "resp_c_quick": 2} if rated else {})}
        sessions.append(
            response(
                SERVICE,
                answers,
                team=team,
                respondent=f"{team}/{person}",
                at=when(2026, 1, 1) + dt.timedelta(hours=hours),
                session=f"s{i:03d}",
            )
        )
    customer_views = []
    for team in ("service desk", "finance", "hr"):
        for rnd in sorted({round_of(s.completed_at, cadence) for s in sessions}):
            own = counted_responses(sessions, set_id=SERVICE.id, team_key=team, in_round=rnd)
            gap = team_gap(sessions, SERVICE, team_key=team, in_round=rnd, k=3)
            view = team_round(sessions, SERVICE, team_key=team, in_round=rnd, k=3)
            assert gap.own_respondents == view.respondents == len(own)
            customers = internal_customers(sessions, set_id=SERVICE.id, team_key=team, in_round=rnd)
            assert gap.customer_respondents == len({c.respondent_id for c in customers})
            assert all(c.team_key != team and c.rated_team_key == team for c in customers)
            customer_views.append({c.session_id for c in customers})
    for a, b in itertools.combinations(customer_views, 2):
        assert not a & b
