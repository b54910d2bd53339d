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
from selfaudit.core.followups import Followup, followup_counts
from selfaudit.core.keys import team_key
from selfaudit.core.model import QuestionSet
from selfaudit.core.stored import SessionResults, session_results


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
    """The team as typed (matched by :attr:`team_key`)."""
    respondent: str = ""
    """The display name given, if any; ``""`` when the person gave none."""
    lang: str = "en"
    answers: Answers = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    """Items the user chose to skip (an item without an answer is skipped too)."""
    position: int = 0
    """Index of the question to show when the draft is resumed."""
    actions: list[str] = field(default_factory=list)
    respondent_id: str = ""
    """Who answers: the install's pseudonym, or the id a lead gave (``take --respondent-id``).
    ``""`` only in a draft made when the store's pseudonym could not be read, and in drafts of
    format 1 and 2 before the store attributes them (:mod:`selfaudit.store.respondents`)."""
    followups: list[Followup] = field(default_factory=list)
    """How each action item of the respondent's previous session of this set went."""

    @property
    def team_key(self) -> str:
        """The team as matched (:func:`~selfaudit.core.keys.team_key`)."""
        return team_key(self.team)


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
    """The team as typed (matched by :attr:`team_key`)."""
    respondent: str
    """The display name given, if any; ``""`` when the person gave none."""
    lang: str
    answers: Answers
    notes: dict[str, str]
    skipped: tuple[str, ...]
    actions: tuple[str, ...]
    results: dict[str, Any]
    """Computed when saved; always recomputable from ``answers`` with the same set version."""
    respondent_id: str = ""
    """Who answered (see :attr:`Draft.respondent_id`); every session the store returns has one."""
    followups: tuple[Followup, ...] = ()
    """How each action item of the respondent's previous session of this set went."""
    share_notes: bool = False
    """The respondent chose "share my notes": its notes and open answers leave the machine with
    it (:mod:`selfaudit.store.shareable`); otherwise they never do."""
    share_name: bool = False
    """The respondent chose to let their display name leave the machine with this session."""
    imported_at: dt.datetime | None = None
    """When it came in from another install (``selfaudit import`` or ``sync``); ``None`` for a
    session saved here."""

    @property
    def team_key(self) -> str:
        """The team as matched (:func:`~selfaudit.core.keys.team_key`)."""
        return team_key(self.team)

    @property
    def who(self) -> str:
        """How the respondent is shown: their name, else their id."""
        return self.respondent or self.respondent_id

    def read_results(self, qset: QuestionSet) -> SessionResults:
        """Its results as every view reads them, with ``qset`` the installed set of its id
        (:func:`~selfaudit.core.stored.session_results`, the one reader of saved results)."""
        return session_results(
            qset,
            set_version=self.set_version,
            set_hash=self.set_hash,
            saved=self.results,
            answers=self.answers,
        )


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


def _text_field(value: Any) -> str:
    """A string; anything else is ``""``."""
    return value if isinstance(value, str) else ""


#: The summary's texts in the index (:meth:`SessionSummary.from_json` checks each).
_TEXT_KEYS = (
    "id",
    "set",
    "set_version",
    "set_hash",
    "team",
    "team_key",
    "respondent_id",
    "respondent_name",
    "rated_team",
)


def _checked_scores(raw: Any) -> dict[str, float]:
    """Cached scores as floats; ``TypeError`` unless every one is a finite number.

    The index is read on every listing, so this is the quick form of :func:`_number`.
    """
    if type(raw) is not dict:
        raise TypeError("scores")
    out = {}
    for key, value in raw.items():
        kind = type(value)
        if kind is int:
            try:
                value = float(value)
            except OverflowError:
                raise TypeError("scores") from None
        elif kind is not float or not math.isfinite(value):
            raise TypeError("scores")
        out[str(key)] = value
    return out


def _field(table: Any, key: str) -> Any:
    return table.get(key) if isinstance(table, dict) else None


@dataclass(frozen=True)
class Unreadable:
    """A file or folder in the store that views skip and ``selfaudit doctor`` reports."""

    path: Path
    reason: str


@dataclass(frozen=True)
class SessionSummary:
    """What listings, trends and the team view need of one session, kept in the index."""

    id: str
    set_id: str
    set_version: str
    completed_at: dt.datetime
    team: str
    """The team as typed."""
    respondent_name: str
    """The display name given, if any."""
    scores: dict[str, float]
    """Dimension id -> 0-100 score, for the dimensions that were scored."""
    enps_answer: int | None = None
    level: int | None = None
    annual_cost: float | None = None
    actions: int = 0
    respondent_id: str = ""
    """Who answered (``""`` only before the store attributes a session of format 1 or 2)."""
    set_hash: str = ""
    followups: dict[str, int] = field(default_factory=dict)
    """How many carried-over action items had each status (see
    :func:`~selfaudit.core.followups.followup_counts`)."""
    team_key: str = ""
    """The team as matched; filled in from :attr:`team` when not given."""
    imported: bool = False
    """It came in from another install (:attr:`Session.imported_at`); a sync publishes only the
    sessions that did not."""
    rated_team: str = ""
    """The team its customer side rated, as typed (a set with a ``team`` item; ``""`` when
    none was named)."""
    rated_team_key: str = field(default="", init=False)
    """:attr:`rated_team` as matched."""
    source: tuple[int, ...] = field(default=(), compare=False, repr=False)
    """The size, times and inode of the file this summary was made from (set by the index;
    empty for summaries made otherwise)."""

    def __post_init__(self) -> None:
        if not self.team_key and self.team:
            object.__setattr__(self, "team_key", team_key(self.team))
        object.__setattr__(self, "rated_team_key", team_key(self.rated_team))

    @property
    def respondent(self) -> str:
        """How the respondent is shown: their name, else their id (what ``list`` prints)."""
        return self.respondent_name or self.respondent_id

    def to_json(self) -> dict[str, Any]:
        """A JSON-safe dict (timestamps as ISO 8601 UTC)."""
        out: dict[str, Any] = {
            "id": self.id,
            "set": self.set_id,
            "set_version": self.set_version,
            "set_hash": self.set_hash,
            "completed_at": self.completed_at.isoformat(),
            "team": self.team,
            "team_key": self.team_key,
            "respondent": self.respondent,
            "respondent_id": self.respondent_id,
            "respondent_name": self.respondent_name,
            "scores": self.scores,
            "actions": self.actions,
            "followups": self.followups,
            "imported": self.imported,
            "rated_team": self.rated_team,
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
    def from_json(cls, doc: dict[str, Any], source: tuple[int, ...] = ()) -> SessionSummary:
        """Inverse of :meth:`to_json`; raises ``KeyError``/``TypeError``/``ValueError`` on junk.

        ``source``: see :attr:`source`."""
        scores = _checked_scores(doc["scores"])
        for key in _TEXT_KEYS:
            if type(doc[key]) is not str:
                raise TypeError(key)
        followups = doc["followups"]
        if type(doc["imported"]) is not bool:
            raise TypeError("imported")
        if type(followups) is not dict or not all(type(v) is int for v in followups.values()):
            raise TypeError("followups")
        completed_at = dt.datetime.fromisoformat(doc["completed_at"])
        if completed_at.tzinfo is None:
            raise ValueError("completed_at has no time zone")  # it could not be sorted
        return cls(
            id=doc["id"],
            set_id=doc["set"],
            set_version=doc["set_version"],
            completed_at=completed_at,
            team=doc["team"],
            respondent_name=doc["respondent_name"],
            scores=scores,
            enps_answer=_whole(doc.get("enps_answer")),
            level=_whole(doc.get("level")),
            annual_cost=_number(doc.get("annual_cost")),
            actions=int(doc.get("actions", 0)),
            respondent_id=doc["respondent_id"],
            set_hash=doc["set_hash"],
            followups=followups,
            team_key=doc["team_key"],
            imported=doc["imported"],
            rated_team=doc["rated_team"],
            source=source,
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
            respondent_name=session.respondent,
            scores=scores,
            enps_answer=_whole(_field(enps, "answer")),
            level=_whole(_field(levels, "reached")),
            annual_cost=_number(_field(turnover, "annual_cost")),
            actions=len(session.actions),
            respondent_id=session.respondent_id,
            set_hash=session.set_hash,
            followups=followup_counts(session.followups),
            team_key=session.team_key,
            imported=session.imported_at is not None,
            rated_team=_text_field(results.get("rated_team")),
        )
