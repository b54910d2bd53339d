"""One saved response, as the trend, compare and team views read it, and the figures read from it.

The store fills in :class:`Response` from a completed session; nothing here reads a file.

**Sessions of another set version.** A session keeps the figures it was saved with (see
:mod:`selfaudit.core.stored`), so the views take each response's figures from
:attr:`Response.results` and never recompute them with today's set. Figures of one session and
another are compared by what they measure:

* per dimension, by the dimension's id: its saved 0-100 score (a dimension that exists in only
  one of them is not compared);
* per item, only when the item stayed the same: both responses know the set they answered
  (:attr:`Response.answered_with`) and the item has the same id, kind, reversal, options (ids
  and scores) and unit in both (:func:`same_item`). Its wording may change; what an answer means
  may not. The app keeps no old set files, so a session of a version that is no longer installed
  is compared per dimension only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from selfaudit.core.answers import Answer, check_answer
from selfaudit.core.keys import team_key
from selfaudit.core.model import Item, Kind, QuestionSet, Side
from selfaudit.core.results import Results
from selfaudit.core.scoring import item_score


@dataclass(frozen=True)
class Response:
    """One completed session of one person, as the views need it.

    Notes are left out on purpose: no trend, comparison or team view shows them.
    """

    session_id: str
    set_id: str
    set_version: str
    set_hash: str
    """SHA-256 of the set file answered; empty for sessions saved before hashes were kept."""
    respondent_id: str
    """The stable pseudonym of whoever answered (my trend follows it across name changes)."""
    team_key: str
    """The team as matched (case, spaces and Unicode forms folded by the store)."""
    team_label: str
    """The team as typed, for display."""
    completed_at: dt.datetime
    """When it was saved; aware (any zone), so its round is well defined."""
    answers: Mapping[str, Answer]
    results: Results
    """The figures as saved: for another set version, read back with
    :func:`~selfaudit.core.stored.stored_results`; for the installed version they are the same
    as :func:`~selfaudit.core.results.compute_results` of the usable answers."""
    actions: tuple[str, ...] = ()
    """The action items planned for next time."""
    respondent_name: str = ""
    """The display name given, if any (compare shows it; team views never do)."""
    answered_with: QuestionSet | None = None
    """The set exactly as this session answered it (same version and hash), when the app has
    it: normally the installed set when the session is of its version, else ``None``."""
    followups: Mapping[str, int] = field(default_factory=dict)
    """How the action items of the session before went, as reported at the start of this one:
    a count per status (see :func:`~selfaudit.core.followups.followup_counts`)."""

    def __post_init__(self) -> None:
        if self.completed_at.tzinfo is None or self.completed_at.utcoffset() is None:
            raise ValueError(f"session {self.session_id}: completed_at has no time zone")

    @property
    def rated_team_key(self) -> str:
        """The team its customer side rated, as matched (``""`` when none was named)."""
        return team_key(self.results.rated_team)


def same_version(a: Response, b: Response) -> bool:
    """Whether two responses answered the same version of their set (a missing hash is judged
    by the version alone, as :func:`~selfaudit.core.stored.answered_with_another_version`
    does)."""
    if a.set_version != b.set_version:
        return False
    return not (a.set_hash and b.set_hash and a.set_hash != b.set_hash)


class MeasureKind(StrEnum):
    """What a measure is."""

    SCORE = "score"
    """A dimension's 0-100 score."""
    ENPS = "enps"
    """One person's eNPS answer, 0-10 (a team's median answer for a team)."""
    TEAM_ENPS = "team-enps"
    """A team's eNPS, -100..100: only a group has one."""
    LEVEL = "level"
    """The customer-orientation level reached (0 when level 1 is not met)."""
    ANNUAL_COST = "annual-cost"
    """What turnover costs a year."""


@dataclass(frozen=True)
class Measure:
    """One figure followed over time or compared: a dimension's score, or a headline figure."""

    kind: MeasureKind
    dimension: str = ""
    """The dimension, for :attr:`MeasureKind.SCORE`."""

    @property
    def key(self) -> str:
        """Stable and unique: ``score:<dimension>``, ``enps``, ``level`` or ``annual-cost``."""
        return f"score:{self.dimension}" if self.kind is MeasureKind.SCORE else self.kind.value


def score(dimension: str) -> Measure:
    """The measure of one dimension's score."""
    return Measure(MeasureKind.SCORE, dimension)


ENPS = Measure(MeasureKind.ENPS)
TEAM_ENPS = Measure(MeasureKind.TEAM_ENPS)
LEVEL = Measure(MeasureKind.LEVEL)
ANNUAL_COST = Measure(MeasureKind.ANNUAL_COST)
#: The measures that are not a dimension's score, in the order views list them.
HEADLINE_MEASURES = (ENPS, TEAM_ENPS, LEVEL, ANNUAL_COST)


def measures_of(results: Results) -> dict[Measure, float]:
    """The measures one session has a figure for: every scored dimension, the eNPS answer, the
    level reached (when any level was answered) and the annual turnover cost."""
    out: dict[Measure, float] = {
        score(d.dimension): d.score for d in results.dimensions if d.score is not None
    }
    if results.enps is not None:
        out[ENPS] = float(results.enps.answer)
    if results.levels is not None and results.levels.answered:
        out[LEVEL] = float(results.levels.reached)
    if results.turnover is not None:
        out[ANNUAL_COST] = results.turnover.annual_cost
    return out


def team_measures_of(qset: QuestionSet, results: Results) -> dict[Measure, float]:
    """The measures a team view counts of one session: :func:`measures_of`, except that for a
    set with mirrored items a dimension's score is its provider side (how the team serves
    others). The customer side rates another team, so it belongs to that team's gap view
    (:mod:`selfaudit.core.gap`), not to this one."""
    out = measures_of(results)
    if not qset.mirrored():
        return out
    for d in results.dimensions:
        out.pop(score(d.dimension), None)
        provider = d.by_side.get("provider")
        if provider is not None:
            out[score(d.dimension)] = provider
    return out


def ordered_measures(qset: QuestionSet | None, found: Iterable[Measure]) -> tuple[Measure, ...]:
    """``found`` in the order views list them: the set's dimensions in its order, then
    dimensions only older versions had (as first found), then the headline measures."""
    seen = list(dict.fromkeys(found))
    order = [score(d.id) for d in qset.dimensions] if qset else []
    scores = [m for m in order if m in seen]
    scores += [m for m in seen if m.kind is MeasureKind.SCORE and m not in scores]
    return (*scores, *(m for m in HEADLINE_MEASURES if m in seen))


def compared_items(qset: QuestionSet) -> tuple[Item, ...]:
    """The items compared one by one, in asking order: scored items and figures (``number``).
    Open answers (``text``) never are."""
    return tuple(i for i in qset.items if i.scored or i.kind is Kind.NUMBER)


def team_items(qset: QuestionSet) -> tuple[Item, ...]:
    """The items a team view compares: :func:`compared_items`, without the customer side of a
    set with mirrored items (see :func:`team_measures_of`)."""
    items = compared_items(qset)
    if not qset.mirrored():
        return items
    return tuple(i for i in items if i.side is not Side.CUSTOMER)


def same_item(a: Item | None, b: Item | None) -> bool:
    """Whether an answer to ``a`` means what the same answer to ``b`` means (see the module
    docstring): same id, kind, reversal, options and unit; the wording may differ."""
    if a is None or b is None:
        return False

    def meaning(item: Item) -> tuple[object, ...]:
        options = tuple((o.id, o.score) for o in item.options)
        unit = item.unit if isinstance(item.unit, str) else tuple(sorted(item.unit.items()))
        return (item.id, item.kind, item.reverse, options, unit)

    return meaning(a) == meaning(b)


def item_value(item: Item, answer: object) -> float | None:
    """An answer as a comparable figure: the 0-100 item score (reverse-worded items turned
    around) for a scored item, the figure itself for a ``number`` item, else ``None``. An
    answer the item does not accept is ``None`` too."""
    try:
        checked = check_answer(item, answer)
    except ValueError:
        return None
    if item.kind is Kind.NUMBER:
        return float(checked)
    return item_score(item, checked)


def item_answer(response: Response, item: Item) -> float | None:
    """``response``'s figure for ``item`` (see :func:`item_value`), when it answered that same
    item (:func:`same_item`); ``None`` when it skipped it or answered another version of it."""
    known = response.answered_with
    if known is None or item.id not in response.answers:
        return None
    answered = known.item(item.id)
    if answered is not item and not same_item(answered, item):
        return None
    return item_value(item, response.answers[item.id])
