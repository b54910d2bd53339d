"""Build :class:`~selfaudit.core.responses.Response` objects for tests, as the store would."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from selfaudit.core.answers import usable_answers
from selfaudit.core.model import QuestionSet
from selfaudit.core.responses import Response
from selfaudit.core.results import compute_results
from selfaudit.core.stored import stored_results
from selfaudit.questionnaires import load_catalog
from selfaudit.questionnaires.loader import load_file

MINI = Path(__file__).parent.parent / "fixtures" / "sets" / "mini.toml"
_ids = itertools.count(1)


def mini_set() -> QuestionSet:
    """The small fixture set that uses every item kind."""
    qset, problems = load_file(MINI)
    assert qset is not None, problems
    return qset


def builtin(set_id: str) -> QuestionSet:
    """A built-in set."""
    qset = load_catalog().get(set_id)
    assert qset is not None
    return qset


def when(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    """A UTC moment."""
    return dt.datetime(year, month, day, hour, minute, tzinfo=dt.UTC)


def response(
    qset: QuestionSet,
    answers: Mapping[str, Any],
    *,
    respondent: str = "anon-000001",
    team: str = "Service desk",
    at: dt.datetime | None = None,
    session: str | None = None,
    name: str = "",
    actions: Sequence[str] = (),
) -> Response:
    """A session of the installed version of ``qset``, with results computed from ``answers``."""
    checked, dropped = usable_answers(qset, answers)
    assert not dropped, dropped
    return Response(
        session_id=session or f"s{next(_ids):05d}",
        set_id=qset.id,
        set_version=qset.version,
        set_hash=qset.content_hash,
        respondent_id=respondent,
        team_key=team.casefold(),
        team_label=team,
        completed_at=at or when(2026, 8, 1),
        answers=checked,
        results=compute_results(qset, checked),
        actions=tuple(actions),
        respondent_name=name,
        answered_with=qset,
    )


def older_response(
    qset: QuestionSet,
    saved: Mapping[str, Any],
    answers: Mapping[str, Any] | None = None,
    *,
    version: str = "0.9",
    respondent: str = "anon-000001",
    team: str = "Service desk",
    at: dt.datetime | None = None,
    session: str | None = None,
) -> Response:
    """A session of an older version of ``qset`` that is no longer installed: its figures are
    the ``saved`` results table, read back as the store reads it."""
    raw = dict(answers or {})
    return Response(
        session_id=session or f"s{next(_ids):05d}",
        set_id=qset.id,
        set_version=version,
        set_hash="0" * 64,
        respondent_id=respondent,
        team_key=team.casefold(),
        team_label=team,
        completed_at=at or when(2026, 8, 1),
        answers=raw,
        results=stored_results(qset.id, qset.model, saved, raw),
    )


#: Five people's answers to the mini set; test_team works out what they add up to by hand.
FIVE: dict[str, dict[str, Any]] = {
    "r1": {"fast": 5, "ignore": 1, "recommend": 10, "again": True, "mood": "good"},
    "r2": {"fast": 4, "ignore": 2, "recommend": 9, "again": True, "mood": "bad"},
    "r3": {"fast": 3, "ignore": 3, "recommend": 9, "again": False, "mood": "good"},
    "r4": {"fast": 2, "ignore": 4, "recommend": 7, "again": False, "mood": "bad"},
    "r5": {"fast": 4, "ignore": 3, "recommend": 3, "again": True, "mood": "good"},
}


def five(qset: QuestionSet, people: Sequence[str] = tuple(FIVE)) -> list[Response]:
    """:data:`FIVE` (or some of them) answering in July 2026, one a day from the 10th."""
    return [
        response(qset, FIVE[p], respondent=p, at=when(2026, 7, 10 + i, 12))
        for i, p in enumerate(people)
    ]


def level_answers(qset: QuestionSet, profile: Sequence[bool | None]) -> dict[str, int]:
    """competency-level answers that meet (all 5s), fail (all 1s) or skip each level."""
    answers = {}
    for level, met in zip(qset.levels_in_order(), profile, strict=True):
        if met is None:
            continue
        for item in qset.items_of(level.id):
            answers[item.id] = 5 if met else 1
    return answers
