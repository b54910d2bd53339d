"""Carried-over action items: a draft and a session keep how each action planned last time
went; the store finds the actions of the respondent's previous session of the set."""

from __future__ import annotations

import pytest

from selfaudit.core.followups import Followup, FollowupStatus, followup_counts, followups_for
from selfaudit.core.model import QuestionSet
from selfaudit.store import Store, StoreError
from tests.store.conftest import ANSWERS

DONE, PARTLY, DROPPED = FollowupStatus.DONE, FollowupStatus.PARTLY, FollowupStatus.DROPPED


def test_previous_actions_are_the_respondents_latest_of_the_set(
    store: Store, mini: QuestionSet
) -> None:
    me = store.pseudonym()
    assert store.previous_actions("mini", me) == []
    store.save_session(mini, ANSWERS, actions=["Call back within a day"])
    store.save_session(mini, ANSWERS, actions=["Ask what they need", "Say thanks"])
    store.save_session(mini, ANSWERS, respondent_id="bob-1", actions=["Bob's own plan"])
    assert store.previous_actions("mini", me) == ["Ask what they need", "Say thanks"]
    assert store.previous_actions("mini", "bob-1") == ["Bob's own plan"]
    assert store.previous_actions("other-set", me) == []
    store.save_session(mini, ANSWERS)  # planned nothing this time
    assert store.previous_actions("mini", me) == []


def test_followups_go_from_the_draft_into_the_session(store: Store, mini: QuestionSet) -> None:
    planned = followups_for(store.previous_actions("mini", store.pseudonym()) or ["A", "B", "A"])
    assert planned == [Followup("A"), Followup("B")]
    draft = store.new_draft(mini, followups=planned)
    draft.followups[0] = Followup("A", DONE)
    draft.answers.update(ANSWERS)
    store.save_draft(draft)
    store.close()
    reopened = Store.open(store.root).open_draft(draft.id)
    assert reopened.followups == [Followup("A", DONE), Followup("B")]
    reopened.followups[1] = Followup("B", DROPPED)
    session = Store.open(store.root).complete(reopened, mini)
    assert store.load(session.id).followups == (Followup("A", DONE), Followup("B", DROPPED))
    text = store.path_of(session.id).read_text()
    assert '{ action = "A", status = "done" },' in text
    (summary,) = store.sessions()
    assert summary.followups == {"done": 1, "dropped": 1}


def test_followup_counts_leave_out_what_is_not_there() -> None:
    assert followup_counts([]) == {}
    got = followup_counts([Followup("a", PARTLY), Followup("b"), Followup("c", PARTLY)])
    assert got == {"partly": 2, "unanswered": 1}


@pytest.mark.parametrize(
    ("table", "reason"),
    [
        ('action = "A", status = "finished"', "followups[0].status: 'finished' is not a status"),
        ('action = "A", status = 3', "followups[0].status: 'int' is not a status"),
        ('status = "done"', "followups[0].action: missing"),
        ("action = 5", "followups[0].action: expected text"),
        ('action = "A", when = "later"', "followups[0]: unknown key 'when'"),
    ],
    ids=["unknown-status", "status-number", "no-action", "action-number", "unknown-key"],
)
def test_a_bad_followup_is_refused_with_its_key_path(
    store: Store, mini: QuestionSet, table: str, reason: str
) -> None:
    session = store.save_session(mini, ANSWERS)
    path = store.path_of(session.id)
    path.write_text(path.read_text().replace("followups = []", f"followups = [{{ {table} }}]"))
    assert store.sessions() == []
    (problem,) = store.doctor()
    assert problem.path == path and reason in problem.reason
    with pytest.raises(StoreError, match=r"followups\[0\]"):
        store.load(session.id)


def test_a_bad_followup_in_a_draft_is_reported_and_the_draft_kept(
    store: Store, mini: QuestionSet
) -> None:
    draft = store.new_draft(mini, followups=[Followup("A")])
    store.close()
    path = store.drafts_dir / f"{draft.id}.toml"
    path.write_text(
        path.read_text().replace('{ action = "A" }', '{ action = "A", status = "maybe" }')
    )
    reopened = Store.open(store.root)
    assert reopened.drafts() == []
    with pytest.raises(StoreError, match=r"followups\[0\]\.status: 'maybe' is not a status"):
        reopened.open_draft(draft.id)
    assert path.exists()


def test_the_trend_shows_how_planned_actions_went_over_time(
    store: Store, mini: QuestionSet
) -> None:
    from selfaudit.core.trend import my_trend
    from selfaudit.views.trend import trend_view

    me = store.pseudonym()
    store.save_session(mini, ANSWERS, actions=["A", "B"])
    store.save_session(
        mini, ANSWERS, actions=["C"], followups=[Followup("A", DONE), Followup("B", PARTLY)]
    )
    store.save_session(mini, ANSWERS, followups=[Followup("C", DROPPED)])
    # Read twice: the second time the answers come from the answer cache, which keeps no
    # follow-ups; the counts come from the index either way.
    for _ in range(2):
        trend = my_trend(store.my_responses(mini, me), set_id="mini", respondent_id=me)
        assert [dict(p.followups) for p in trend.points] == [
            {},
            {"done": 1, "partly": 1},
            {"dropped": 1},
        ]
        assert trend.followed_up() == {"done": 1, "partly": 1, "dropped": 1}
        view = trend_view(trend, mini, "en")
        rows = {r.key: [c.value for c in r.cells[:-1]] for r in view.table.rows}
        assert rows["actions"] == [2, 1, 0]
        assert rows["followups:done"] == [0, 1, 0]
        assert rows["followups:dropped"] == [0, 0, 1]
        assert view.notes[0] == (
            "Of the 3 actions you followed up: 1 done, 1 partly, 0 not yet, 1 dropped."
        )
