"""Hypothesis: a session or draft survives save-and-load exactly (timestamps normalised to UTC),
unless the input holds something TOML cannot carry; that, and only that, is refused before anything
is written. Which inputs must be refused is decided from the input, not from what the store did."""

from __future__ import annotations

import copy
import datetime as dt
import math
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st

from selfaudit.core.followups import Followup, FollowupStatus
from selfaudit.store import Store, StoreError
from selfaudit.store.records import Draft, Session

# st.text() never yields lone surrogates, whatever the alphabet; a list of characters does. They
# (and NUL, DEL, CR, U+2028, BOM) are exactly what tomli-w mishandles: they must be refused or kept.
ODD = st.sampled_from("\ud800\udfff\x00\x7f\r\u2028\ufeff")
ANY_TEXT = st.lists(st.characters(codec=None) | ODD, max_size=40).map("".join)
CLEAN_TEXT = st.text(st.characters(codec="utf-8"), max_size=40)
TIMEZONES = st.builds(
    dt.timezone,
    st.timedeltas(
        min_value=dt.timedelta(hours=-23, minutes=-59), max_value=dt.timedelta(hours=23, minutes=59)
    ),
)
ANY_WHEN = st.datetimes(timezones=TIMEZONES)  # year 1 to 9999: some fall outside UTC's range
CLEAN_WHEN = st.datetimes(
    min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30), timezones=TIMEZONES
)
ANY_VALUE = st.one_of(st.booleans(), st.integers(), st.floats(), ANY_TEXT)
CLEAN_VALUE = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    CLEAN_TEXT,
)
KEYS = st.text(st.characters(codec="utf-8"), min_size=1, max_size=12)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
#: For the teeth: the same number of examples, stopping at the first failure (no shrinking, which
#: is what took the time), and no example database (a planted failure must not be replayed later).
TEETH = settings(SETTINGS, phases=[Phase.generate], database=None)

# The property is about what is encoded and read back, not durability: fsync is stubbed.
pytestmark = pytest.mark.usefixtures("no_fsync")


def _bad_text(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def _bad_number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return not -(2**63) <= value <= 2**63 - 1
    return isinstance(value, float) and not math.isfinite(value)


def _bad_time(when: dt.datetime) -> bool:
    try:
        when.astimezone(dt.UTC)
    except OverflowError:
        return True
    return False


def must_refuse(record: Session | Draft, times: list[dt.datetime]) -> bool:
    """Whether the record holds a value TOML cannot carry faithfully."""
    texts = [record.team, record.respondent, *record.notes.values(), *record.actions]
    texts += [f.action for f in record.followups]
    texts += [v for v in record.answers.values() if isinstance(v, str)]
    return (
        any(_bad_text(t) for t in texts)
        or any(_bad_number(v) for v in record.answers.values())
        or any(_bad_time(t) for t in times)
    )


@contextmanager
def fresh_store() -> Iterator[Store]:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "data")
        try:
            yield store
        finally:
            store.close()


def sessions(
    text: st.SearchStrategy[str], value: st.SearchStrategy[Any], when: st.SearchStrategy[Any]
) -> st.SearchStrategy[Session]:
    """Sessions whose texts, answer values and timestamps come from the given strategies."""
    return st.builds(
        Session,
        id=st.uuids().map(str),
        format_version=st.just(2),
        set_id=st.just("mini"),
        set_version=st.just("1.0"),
        set_hash=st.just("h"),
        started_at=when,
        completed_at=when,
        team=text,
        respondent=text,
        lang=st.just("en"),
        answers=st.dictionaries(KEYS, value, max_size=6),
        notes=st.dictionaries(KEYS, text, max_size=3),
        skipped=st.just(()),
        actions=st.lists(text, max_size=3).map(tuple),
        results=st.just({"model": "dimensions", "big": 2**40}),
        respondent_id=st.just("anon-0a1b2c"),
        followups=st.lists(
            st.builds(Followup, text, st.none() | st.sampled_from(FollowupStatus)), max_size=2
        ).map(tuple),
    )


def check_session_round_trip(session: Session) -> None:
    """Saved and read back equal, or refused with nothing written, as the input decides."""
    with fresh_store() as store:
        if must_refuse(session, [session.started_at, session.completed_at]):
            event("refused")
            with pytest.raises(StoreError):
                store.write_session(session)
            assert list(store.sessions_dir.iterdir()) == [], "a refused session leaves no file"
            return
        event("saved and loaded")
        store.write_session(session)
        loaded = store.load(session.id)
        assert loaded.answers == session.answers
        assert (loaded.notes, loaded.team, loaded.actions, loaded.followups) == (
            session.notes,
            session.team,
            session.actions,
            session.followups,
        )
        # The pseudonym given as a name is no name (see Store._who); any other name is kept.
        assert (loaded.respondent_id, loaded.respondent) == (
            session.respondent_id,
            session.respondent,
        )
        # Timestamps come back as the same instant, in UTC, to the microsecond.
        for before, after in (
            (session.started_at, loaded.started_at),
            (session.completed_at, loaded.completed_at),
        ):
            assert after == before and after.utcoffset() == dt.timedelta(0)


ANY_SESSIONS = sessions(ANY_TEXT, ANY_VALUE, ANY_WHEN)
CLEAN_SESSIONS = sessions(CLEAN_TEXT, CLEAN_VALUE, CLEAN_WHEN)
DRAFT_FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "answers": st.dictionaries(KEYS, ANY_VALUE, max_size=6),
    "notes": st.dictionaries(KEYS, ANY_TEXT, max_size=3),
    "team": ANY_TEXT,
    "started": ANY_WHEN,
    "skipped": st.lists(KEYS, max_size=3),
    "position": st.integers(min_value=0, max_value=50),
    "followups": st.lists(
        st.builds(Followup, ANY_TEXT, st.none() | st.sampled_from(FollowupStatus)), max_size=2
    ),
}


def check_clean_session_saves(session: Session) -> None:
    assert not must_refuse(session, [session.started_at, session.completed_at])
    check_session_round_trip(session)


@SETTINGS
@given(session=ANY_SESSIONS)
def test_session_round_trip(session: Session) -> None:
    check_session_round_trip(session)


@SETTINGS
@given(session=CLEAN_SESSIONS)
def test_clean_sessions_always_save(session: Session) -> None:
    check_clean_session_saves(session)


def drafts() -> st.SearchStrategy[Draft]:
    """Drafts whose texts, answer values and timestamps may hold what TOML cannot carry."""

    def draft(started: dt.datetime, **fields: Any) -> Draft:
        return Draft(
            id=str(uuid.uuid4()),
            set_id="mini",
            set_version="1.0",
            set_hash="h",
            started_at=started,
            updated_at=started,
            **fields,
        )

    return st.builds(draft, **DRAFT_FIELDS)


ANY_DRAFTS = drafts()


@SETTINGS
@given(draft=ANY_DRAFTS)
def test_draft_round_trip(draft: Draft) -> None:
    check_draft_round_trip(draft)


def check_draft_round_trip(draft: Draft) -> None:
    """Saved, reopened and equal, or refused with no file left, as the input decides."""
    started = draft.started_at
    answers, notes, team, skipped, position, followups = copy.deepcopy(
        (draft.answers, draft.notes, draft.team, draft.skipped, draft.position, draft.followups)
    )
    with fresh_store() as store:
        if must_refuse(draft, [started]):
            event("refused")
            with pytest.raises(StoreError):
                store.save_draft(draft)
            assert list(store.drafts_dir.glob("*.toml")) == [], "a refused draft leaves no file"
            return
        event("saved and loaded")
        store.save_draft(draft)
        store.close()
        loaded = Store.open(store.root).open_draft(draft.id)
        assert (loaded.answers, loaded.notes, loaded.team) == (answers, notes, team)
        assert (loaded.skipped, loaded.position, loaded.followups) == (skipped, position, followups)
        assert loaded.started_at == started and loaded.started_at.utcoffset() == dt.timedelta(0)
        assert loaded.updated_at == draft.updated_at


def test_the_round_trip_property_has_teeth(monkeypatch: pytest.MonkeyPatch) -> None:
    """A store that refuses everything fails each property (the refusal branch cannot hide it).

    Same properties and strategies as the tests above, run with TEETH (no shrinking)."""

    def refuse(self: Store, record: object) -> None:
        raise StoreError("refused")

    monkeypatch.setattr(Store, "write_session", refuse)
    monkeypatch.setattr(Store, "save_draft", refuse)
    for strategy, check in (
        (ANY_SESSIONS, check_session_round_trip),
        (CLEAN_SESSIONS, check_clean_session_saves),
    ):
        with pytest.raises(StoreError, match="refused"):
            TEETH(given(strategy)(check))()
    with pytest.raises(StoreError, match="refused"):
        TEETH(given(ANY_DRAFTS)(check_draft_round_trip))()
