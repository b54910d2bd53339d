"""What the store keeps: drafts, completed sessions, and the summaries the index holds.

The on-disk layout is documented in ``docs/session-format.md``; :mod:`selfaudit.store.codec`
turns these records into TOML documents and back.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from selfaudit.core.answers import Answers


def utc_now() -> dt.datetime:
    """Now, in UTC, to the microsecond (what TOML can hold)."""
    return dt.datetime.now(dt.UTC)


@dataclass
class Draft:
    """A session in progress: saved after every answer so nothing typed is ever lost."""

    id: str
    set_id: str
    set_version: str
    set_hash: str
    started_at: dt.datetime
    updated_at: dt.datetime
    team: str = ""
    respondent: str = ""
    lang: str = "en"
    answers: Answers = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    """Items the user chose to skip (an item without an answer is skipped too)."""
    position: int = 0
    """Index of the question to show when the draft is resumed."""
    actions: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Session:
    """A completed session: written once and never changed."""

    id: str
    format_version: int
    set_id: str
    set_version: str
    set_hash: str
    started_at: dt.datetime
    completed_at: dt.datetime
    team: str
    respondent: str
    lang: str
    answers: Answers
    notes: dict[str, str]
    skipped: tuple[str, ...]
    actions: tuple[str, ...]
    results: dict[str, Any]
    """Computed when saved; always recomputable from ``answers`` with the same set version."""


def _number(value: Any) -> float | None:
    """A finite int or float (never a bool) as a float; anything else is ``None``."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def _whole(value: Any) -> int | None:
    """An int (never a bool); anything else is ``None``."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _field(table: Any, key: str) -> Any:
    return table.get(key) if isinstance(table, dict) else None


@dataclass(frozen=True)
class Unreadable:
    """A file or folder in the store that views skip and ``selfaudit doctor`` reports."""

    path: Path
    reason: str


@dataclass(frozen=True)
class SessionSummary:
    """What listings and trends need of one session, kept in the index."""

    id: str
    set_id: str
    set_version: str
    completed_at: dt.datetime
    team: str
    respondent: str
    scores: dict[str, float]
    """Dimension id -> 0-100 score, for the dimensions that were scored."""
    enps_answer: int | None = None
    level: int | None = None
    annual_cost: float | None = None
    actions: int = 0

    def to_json(self) -> dict[str, Any]:
        """A JSON-safe dict (timestamps as ISO 8601 UTC)."""
        out: dict[str, Any] = {
            "id": self.id,
            "set": self.set_id,
            "set_version": self.set_version,
            "completed_at": self.completed_at.isoformat(),
            "team": self.team,
            "respondent": self.respondent,
            "scores": self.scores,
            "actions": self.actions,
        }
        for key, value in (
            ("enps_answer", self.enps_answer),
            ("level", self.level),
            ("annual_cost", self.annual_cost),
        ):
            if value is not None:
                out[key] = value
        return out

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> SessionSummary:
        """Inverse of :meth:`to_json`; raises ``KeyError``/``TypeError``/``ValueError`` on junk."""
        scores = doc["scores"]
        if not isinstance(scores, dict) or not all(_number(v) is not None for v in scores.values()):
            raise TypeError("scores")
        for key in ("id", "set", "set_version", "team", "respondent"):
            if not isinstance(doc[key], str):
                raise TypeError(key)
        completed_at = dt.datetime.fromisoformat(doc["completed_at"])
        if completed_at.tzinfo is None:
            raise ValueError("completed_at has no time zone")  # it could not be sorted
        return cls(
            id=doc["id"],
            set_id=doc["set"],
            set_version=doc["set_version"],
            completed_at=completed_at,
            team=doc["team"],
            respondent=doc["respondent"],
            scores={str(k): float(v) for k, v in scores.items()},
            enps_answer=_whole(doc.get("enps_answer")),
            level=_whole(doc.get("level")),
            annual_cost=_number(doc.get("annual_cost")),
            actions=int(doc.get("actions", 0)),
        )

    @classmethod
    def of(cls, session: Session) -> SessionSummary:
        """Summarise a loaded session; stored values that are not numbers are left out."""
        results = session.results
        dimensions = results.get("dimensions", [])
        scores = {
            str(d["id"]): score
            for d in (dimensions if isinstance(dimensions, list) else [])
            if isinstance(d, dict) and "id" in d and (score := _number(d.get("score"))) is not None
        }
        enps = results.get("enps")
        levels = results.get("levels")
        turnover = results.get("turnover")
        return cls(
            id=session.id,
            set_id=session.set_id,
            set_version=session.set_version,
            completed_at=session.completed_at,
            team=session.team,
            respondent=session.respondent,
            scores=scores,
            enps_answer=_whole(_field(enps, "answer")),
            level=_whole(_field(levels, "reached")),
            annual_cost=_number(_field(turnover, "annual_cost")),
            actions=len(session.actions),
        )
