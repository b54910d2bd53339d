"""Hypothesis: any session either survives save-and-load exactly (after normalisation) or is
refused before anything is written."""

from __future__ import annotations

import datetime as dt
import tempfile
import uuid
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from selfaudit.store import Store, StoreError
from selfaudit.store.records import Session

# st.text() never yields lone surrogates, whatever the alphabet; a list of characters does. They
# (and NUL, DEL, CR, U+2028, BOM) are exactly what tomli-w mishandles: they must be refused or kept.
ODD = st.sampled_from("\ud800\udfff\x00\x7f\r\u2028\ufeff")
ANY_TEXT = st.lists(st.characters(codec=None) | ODD, max_size=40).map("".join)
TIMEZONES = st.builds(
    dt.timezone,
    st.timedeltas(
        min_value=dt.timedelta(hours=-23, minutes=-59), max_value=dt.timedelta(hours=23, minutes=59)
    ),
)
WHEN = st.datetimes(
    min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30), timezones=TIMEZONES
)
VALUES = st.one_of(st.booleans(), st.integers(), st.floats(), ANY_TEXT)
KEYS = st.text(st.characters(codec="utf-8"), min_size=1, max_size=12)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    answers=st.dictionaries(KEYS, VALUES, max_size=6),
    notes=st.dictionaries(KEYS, ANY_TEXT, max_size=3),
    team=ANY_TEXT,
    respondent=ANY_TEXT,
    started=WHEN,
    completed=WHEN,
    actions=st.lists(ANY_TEXT, max_size=3),
)
def test_session_round_trip(
    answers: dict,
    notes: dict,
    team: str,
    respondent: str,
    started: dt.datetime,
    completed: dt.datetime,
    actions: list[str],
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "data")
        session = Session(
            id=str(uuid.uuid4()),
            format_version=2,
            set_id="mini",
            set_version="1.0",
            set_hash="h",
            started_at=started,
            completed_at=completed,
            team=team,
            respondent=respondent,
            lang="en",
            answers=answers,
            notes=notes,
            skipped=(),
            actions=tuple(actions),
            results={"model": "dimensions", "big": 2**40},
        )
        try:
            store.write_session(session)
        except StoreError as exc:
            event(f"refused: {str(exc).rsplit(': ', 1)[-1]}")
            assert list(store.sessions_dir.iterdir()) == [], "a refused session leaves no file"
            return
        event("saved and loaded")
        loaded = store.load(session.id)
        assert loaded.answers == answers
        assert (loaded.notes, loaded.team, loaded.respondent, loaded.actions) == (
            notes,
            team,
            respondent,
            tuple(actions),
        )
        # Timestamps come back as the same instant, in UTC, to the microsecond.
        assert loaded.started_at == started and loaded.started_at.utcoffset() == dt.timedelta(0)
        assert loaded.completed_at == completed
