"""The query over the store: by set, team (as typed), respondent, period and round, and each
respondent's latest session per round, from the index; only the sessions chosen are opened."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import uuid
from typing import Any

import pytest

from selfaudit.core.keys import team_key
from selfaudit.core.model import QuestionSet
from selfaudit.core.rounds import Cadence, parse_round
from selfaudit.core.team import team_round, team_trend
from selfaudit.core.trend import my_trend
from selfaudit.store import Session, Store
from selfaudit.store.index import CACHE_VERSION
from tests.store.conftest import ANSWERS

_n = iter(range(1, 10**6))


def _at(
    store: Store,
    qset: QuestionSet,
    when: dt.datetime,
    who: str = "anon-000001",
    team: str = "Service desk",
    **changes: Any,
) -> Session:
    """A saved session of ``who`` at ``when`` (ids in the order made, for ties)."""
    answers = {**ANSWERS, **changes.pop("answers", {})}
    session = store.save_session(qset, answers, team=team, respondent_id=who)
    store.path_of(session.id).unlink()
    made = dataclasses.replace(
        session,
        id=str(uuid.UUID(int=next(_n), version=4)),
        started_at=when,
        completed_at=when,
        **changes,
    )
    store.write_session(made)
    return made


def _day(month: int, day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, tzinfo=dt.UTC)


def test_select_by_set_team_respondent_and_period(store: Store, mini: QuestionSet) -> None:
    a = _at(store, mini, _day(1, 5), "anon-000001", "Service desk ")
    b = _at(store, mini, _day(2, 5), "anon-000002", "ＳＥＲＶＩＣＥ  desk")
    c = _at(store, mini, _day(4, 5), "anon-000001", "Payroll")

    def ids(**where: Any) -> list[str]:
        return [s.id for s in store.query(**where)]

    assert ids() == [c.id, b.id, a.id]
    assert ids(team="service desk") == [b.id, a.id]
    assert [s.id for s in store.sessions(team="  Service Desk")] == [b.id, a.id]
    assert ids(respondent_id="anon-000001") == [c.id, a.id]
    assert ids(set_id="mini", since=_day(2, 5), until=_day(4, 5)) == [b.id]
    assert ids(in_round=parse_round("2026-Q1")) == [b.id, a.id]
    assert ids(set_id="choose-us") == []
    assert ids(team="") == []
    with pytest.raises(ValueError, match="time zone"):
        store.query(since=dt.datetime(2026, 1, 1))


def test_latest_per_respondent_per_round(store: Store, mini: QuestionSet) -> None:
    early = _at(store, mini, _day(1, 5), "anon-000001")
    late = _at(store, mini, _day(3, 30), "anon-000001")  # same person, same quarter: counts once
    other = _at(store, mini, _day(2, 1), "anon-000002")
    tie_a = _at(store, mini, _day(4, 2), "anon-000002")
    tie_b = _at(store, mini, _day(4, 2), "anon-000002")  # same moment: the later id counts
    _at(store, mini, _day(4, 3), "anon-000003", "Payroll")
    rounds = store.latest_per_round("mini", team="service desk")
    assert {r.label: [s.id for s in chosen] for r, chosen in rounds.items()} == {
        "2026-Q1": [other.id, late.id],
        "2026-Q2": [max(tie_a.id, tie_b.id)],
    }
    assert early.id not in {s.id for chosen in rounds.values() for s in chosen}
    monthly = store.latest_per_round("mini", team="Service desk", cadence=Cadence.MONTH)
    assert [r.label for r in monthly] == ["2026-01", "2026-02", "2026-03", "2026-04"]


def test_latest_by_set_is_my_own(store: Store, mini: QuestionSet) -> None:
    mine = _at(store, mini, _day(1, 5), store.pseudonym())
    _at(store, mini, _day(2, 5), "anon-0b0b0b")  # a teammate's, later, in the same store
    assert {k: v.id for k, v in store.latest_by_set(store.pseudonym()).items()} == {"mini": mine.id}


def test_responses_carry_answers_results_and_the_set_answered(
    store: Store, mini: QuestionSet
) -> None:
    now = _at(store, mini, _day(1, 5), actions=("Say thanks",))
    saved = {"model": "dimensions", "dimensions": [{"id": "serve", "score": 12.5}]}
    older = _at(store, mini, _day(2, 5), set_version="0.9", results=saved)
    one, two = store.my_responses(mini, "anon-000001")
    assert (one.session_id, two.session_id) == (now.id, older.id)
    assert one.answered_with is mini and one.answers == ANSWERS
    assert one.results.dimension("serve") is not None and one.actions == ("Say thanks",)
    assert (one.team_key, one.team_label) == ("service desk", "Service desk")
    assert two.answered_with is None  # another version: compared per dimension only
    serve = two.results.dimension("serve")
    assert serve is not None and serve.score == 12.5
    trend = my_trend([one, two], set_id="mini", respondent_id="anon-000001", qset=mini)
    assert [p.session_id for p in trend.points] == [now.id, older.id]
    assert store.response(older.id, mini) == two


def test_the_team_query_loads_only_what_a_team_view_counts(
    store: Store, mini: QuestionSet, opened: list[str]
) -> None:
    for person in range(6):
        for month in (1, 2, 4, 5, 8):
            _at(
                store,
                mini,
                _day(month, 3 + person),
                f"anon-{person:06x}",
                answers={"fast": 1 + (person + month) % 5},
            )
    _at(store, mini, _day(2, 9), "anon-000009", "Payroll")
    everyone = store.responses(mini, store.query("mini", team="Service desk"))
    store.sessions()  # the index is current
    opened.clear()
    counted = store.team_responses(mini, "service desk")
    assert len(opened) == len(counted) == 6 * 3  # latest per person in Q1, Q2 and Q3 only
    key = team_key("Service desk")
    assert team_trend(counted, mini, team_key=key, k=3) == team_trend(
        everyone, mini, team_key=key, k=3
    )
    q2 = parse_round("2026-Q2")
    assert team_round(counted, mini, team_key=key, in_round=q2, k=3) == team_round(
        everyone, mini, team_key=key, in_round=q2, k=3
    )


def test_a_session_gone_since_the_index_was_read_is_left_out(
    store: Store, mini: QuestionSet
) -> None:
    kept = _at(store, mini, _day(1, 5))
    gone = _at(store, mini, _day(2, 5))
    chosen = store.query("mini")
    store.path_of(gone.id).unlink()
    assert [r.session_id for r in store.responses(mini, chosen)] == [kept.id]


def test_the_index_holds_what_the_queries_need(store: Store, mini: QuestionSet) -> None:
    session = _at(store, mini, _day(1, 5), "bob-1", " Service  Desk")
    (summary,) = store.sessions()
    assert (summary.respondent_id, summary.team_key, summary.set_hash) == (
        "bob-1",
        "service desk",
        mini.content_hash,
    )
    assert summary.scores and summary.enps_answer == 9 and summary.followups == {}
    cache = json.loads(store.index.cache_file.read_text())
    assert cache["version"] == CACHE_VERSION
    entry = cache["entries"][f"{session.id}.toml"]["summary"]
    assert {"respondent_id", "team_key", "set_hash", "scores", "followups"} <= set(entry)


def test_a_cache_of_an_earlier_version_is_rebuilt(store: Store, mini: QuestionSet) -> None:
    session = _at(store, mini, _day(1, 5), "bob-1")
    store.sessions()
    cache = store.index.cache_file
    doc = json.loads(cache.read_text())
    entry = doc["entries"][f"{session.id}.toml"]["summary"]
    entry["respondent_id"] = "someone-else"
    doc["version"] = CACHE_VERSION - 1
    cache.write_text(json.dumps(doc))
    assert [s.respondent_id for s in store.sessions()] == ["bob-1"]
    assert json.loads(cache.read_text())["version"] == CACHE_VERSION


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("scores", {"serve": 10**400}),
        ("scores", {"serve": True}),
        ("scores", {"serve": "high"}),
        ("followups", {"done": 1.5}),
        ("followups", []),
        ("respondent_id", None),
        ("team_key", 3),
    ],
    ids=["huge-score", "bool-score", "text-score", "float-count", "list", "no-id", "number-key"],
)
def test_a_forged_cache_entry_is_read_again_from_the_file(
    store: Store, mini: QuestionSet, key: str, value: object
) -> None:
    session = _at(store, mini, _day(1, 5), "bob-1")
    store.sessions()
    cache = store.index.cache_file
    doc = json.loads(cache.read_text())
    doc["entries"][f"{session.id}.toml"]["summary"][key] = value
    cache.write_text(json.dumps(doc))
    (listed,) = store.sessions()
    assert (listed.respondent_id, listed.team_key, listed.followups) == (
        "bob-1",
        "service desk",
        {},
    )
    assert listed.scores == store.trend("mini")[0].scores and listed.scores
