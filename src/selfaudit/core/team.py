"""The team view: a whole team's sessions of one set in one round, for a conversation, never a
ranking. ``docs/team-view.md`` gives the rules and the statistics in full.

* **Who counts.** For a set, a team (its key) and a round: each distinct respondent's latest
  session in that round (:func:`counted_responses`). Someone who answered twice counts once.
* **Always shown:** the number of distinct respondents, and participation when a team size is
  given.
* **Only from k respondents on** (k is 5 unless configured, never below 3): the figures
  (:class:`TeamFigures`). Below k, only the count and :attr:`Hidden.FEWER_THAN_K`. Inside the
  figures every statistic rests on at least k people too: a dimension, item, eNPS or level
  spread that fewer than k of them answered is left out and says so.
* **Nothing individual.** The aggregate types hold counts and statistics only: no session id,
  respondent id, name, note or open answer can be put in them.
* **No filter below a whole team and a whole round.** The functions take a set, a team key and
  a round (or a cadence, for the trend) and nothing narrower, and a team's trend shows only the
  rounds with at least k respondents.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from selfaudit.core.answers import check_answer
from selfaudit.core.enps import Enps, enps
from selfaudit.core.k_rule import DEFAULT_K, MIN_K
from selfaudit.core.levels import reproducibility
from selfaudit.core.model import Item, Kind, Model, QuestionSet
from selfaudit.core.responses import (
    Measure,
    MeasureKind,
    Response,
    item_answer,
    ordered_measures,
    team_items,
    team_measures_of,
)
from selfaudit.core.rounds import DEFAULT_CADENCE, Cadence, Round, round_of
from selfaudit.core.stats import Spread, spread

#: How many items with the widest spread are offered as questions to talk about.
TALKING_POINTS = 3
#: A team's level profiles are consistent enough to read as a cumulative scale from this
#: coefficient of reproducibility on (Guttman's 0.90 rule).
CONSISTENT_FROM = 0.90


def check_k(k: int) -> int:
    """``k`` when it is allowed; ``ValueError`` below :data:`MIN_K`. A k of 1 or 2 would show
    one person's answers, so it is refused rather than quietly raised: the setting is wrong."""
    if isinstance(k, bool) or not isinstance(k, int) or k < MIN_K:
        raise ValueError(f"k must be a whole number of at least {MIN_K}, got {k!r}")
    return k


class Hidden(StrEnum):
    """Why a team figure is not shown."""

    FEWER_THAN_K = "fewer-than-k"
    """Fewer than k distinct respondents (in the round, or who answered this)."""


def latest_of_each(responses: Iterable[Response]) -> tuple[Response, ...]:
    """Each respondent's latest of ``responses`` (the later session id on a tie), oldest
    first."""
    latest: dict[str, Response] = {}
    for r in responses:
        held = latest.get(r.respondent_id)
        if held is None or (r.completed_at, r.session_id) > (held.completed_at, held.session_id):
            latest[r.respondent_id] = r
    return tuple(sorted(latest.values(), key=lambda r: (r.completed_at, r.session_id)))


def counted_responses(
    responses: Iterable[Response], *, set_id: str, team_key: str, in_round: Round
) -> tuple[Response, ...]:
    """The sessions a team view of ``in_round`` counts: of ``set_id`` and ``team_key``, completed
    in the round (by their UTC date), each respondent's latest (:func:`latest_of_each`)."""
    return latest_of_each(
        r
        for r in responses
        if r.set_id == set_id
        and r.team_key == team_key
        and round_of(r.completed_at, in_round.cadence) == in_round
    )


@dataclass(frozen=True)
class MeasureAggregate:
    """One measure over a team: a dimension's score, the eNPS answer, the level reached or the
    annual turnover cost."""

    measure: Measure
    answered: int
    """How many respondents have a figure for it."""
    spread: Spread | None
    """Median, quartiles and min-max; ``None`` when fewer than k have a figure."""


@dataclass(frozen=True)
class OptionCount:
    """How many respondents gave one answer."""

    option: str
    """``1``..``5`` (likert5), ``0``..``10`` (scale10), ``yes``/``no``, or a choice's id."""
    count: int


@dataclass(frozen=True)
class ItemAggregate:
    """The answers to one item over a team."""

    item: str
    answered: int
    """How many respondents answered this same item (see :func:`item_answer`)."""
    counts: tuple[OptionCount, ...]
    """Per option, every option listed (zeros too), in the item's order; empty for a ``number``
    item and when fewer than k answered."""
    spread: Spread | None
    """Of the 0-100 item scores (the figures, for a ``number`` item); ``None`` when fewer than
    k answered."""


@dataclass(frozen=True)
class LevelAggregate:
    """The levels a team reached, and how consistently its profiles follow the levels' order."""

    answered: int
    """Respondents who answered any level."""
    reached: tuple[int, ...]
    """How many reached each level, from level 0 (level 1 not met) up; empty below k."""
    profiles: int
    """Respondents who answered every level: the profiles the coefficient counts."""
    reproducibility: float | None
    """Guttman's coefficient of reproducibility over those profiles (ideal-pattern count, see
    :func:`~selfaudit.core.levels.guttman_errors`); ``None`` when fewer than k."""

    @property
    def consistent(self) -> bool | None:
        """Whether the team's profiles form a cumulative scale (the 0.90 rule)."""
        return None if self.reproducibility is None else self.reproducibility >= CONSISTENT_FROM


@dataclass(frozen=True)
class TeamFigures:
    """What a team view shows once at least k respondents answered."""

    measures: tuple[MeasureAggregate, ...]
    """The dimensions' scores in set order, then the eNPS answer, the level reached and the
    annual cost where the set has them."""
    items: tuple[ItemAggregate, ...]
    """Per compared item (scored and ``number`` items, never open answers), in asking order."""
    enps: Enps | None
    """Team eNPS with its three counts; ``None`` when the set has no eNPS item or fewer than k
    answered it."""
    enps_answered: int
    levels: LevelAggregate | None
    """For a ``levels`` set."""
    talking_points: tuple[str, ...]
    """Ids of the scored items with the widest spread (interquartile range, then min-max),
    at most :data:`TALKING_POINTS`, leaving out items everyone answered alike."""

    def measure(self, measure: Measure) -> MeasureAggregate | None:
        """The aggregate of one measure, if the team has it."""
        return next((m for m in self.measures if m.measure == measure), None)

    def item(self, item_id: str) -> ItemAggregate | None:
        """The aggregate of one item, if it is compared."""
        return next((i for i in self.items if i.item == item_id), None)


@dataclass(frozen=True)
class TeamRound:
    """The team view of one set, team and round."""

    set_id: str
    team_label: str
    round: Round
    k: int
    respondents: int
    """Distinct respondents counted: always shown."""
    team_size: int | None
    figures: TeamFigures | None
    """``None`` when hidden."""
    hidden: Hidden | None
    """Why the figures are not shown; ``None`` when they are."""

    @property
    def participation(self) -> float | None:
        """Respondents as a share of the team size (0..1; above 1 when more answered than the
        size given), when a size is given."""
        return None if self.team_size is None else self.respondents / self.team_size


def _option_key(item: Item, answer: object) -> str:
    value = check_answer(item, answer)
    if item.kind is Kind.YESNO:
        return "yes" if value else "no"
    return str(value)


def _options(item: Item) -> tuple[str, ...]:
    if item.kind is Kind.LIKERT5:
        return tuple(str(v) for v in range(1, 6))
    if item.kind is Kind.SCALE10:
        return tuple(str(v) for v in range(11))
    if item.kind is Kind.YESNO:
        return ("yes", "no")
    return tuple(o.id for o in item.options)


def _item_aggregate(item: Item, counted: Sequence[Response], k: int) -> ItemAggregate:
    answering = [(r, v) for r in counted if (v := item_answer(r, item)) is not None]
    if len(answering) < k:
        return ItemAggregate(item.id, len(answering), (), None)
    counts: tuple[OptionCount, ...] = ()
    if item.kind is not Kind.NUMBER:
        tally = Counter(_option_key(item, r.answers[item.id]) for r, _ in answering)
        counts = tuple(OptionCount(o, tally[o]) for o in _options(item))
    return ItemAggregate(item.id, len(answering), counts, spread(v for _, v in answering))


def _level_aggregate(qset: QuestionSet, counted: Sequence[Response], k: int) -> LevelAggregate:
    outcomes = [o for r in counted if (o := r.results.levels) is not None and o.answered]
    levels = len(qset.levels_in_order())
    complete = [o.met for o in outcomes if len(o.met) == levels and None not in o.met]
    reached: tuple[int, ...] = ()
    if len(outcomes) >= k:
        tally = Counter(o.reached for o in outcomes)
        top = max(levels, *tally)
        reached = tuple(tally[level] for level in range(top + 1))
    cr = None
    if len(complete) >= k:
        cr = reproducibility([[m is True for m in met] for met in complete])
    return LevelAggregate(len(outcomes), reached, len(complete), cr)


def _talking_points(qset: QuestionSet, items: Sequence[ItemAggregate]) -> tuple[str, ...]:
    spread_items = [
        (a.spread.iqr, a.spread.range, i, a.item)
        for i, a in enumerate(items)
        if a.spread is not None and a.spread.range > 0 and (q := qset.item(a.item)) and q.scored
    ]
    spread_items.sort(key=lambda s: (-s[0], -s[1], s[2]))
    return tuple(s[3] for s in spread_items[:TALKING_POINTS])


def _team_figures(qset: QuestionSet, counted: Sequence[Response], k: int) -> TeamFigures:
    """The figures of the counted responses of a round with at least ``k`` of them. Private:
    given any other group of responses it would be the filter the team view must not have."""
    figures = [team_measures_of(qset, r.results) for r in counted]
    measures = []
    for measure in ordered_measures(qset, (m for f in figures for m in f)):
        values = [f[measure] for f in figures if measure in f]
        shown = spread(values) if len(values) >= k else None
        measures.append(MeasureAggregate(measure, len(values), shown))
    items = tuple(_item_aggregate(item, counted, k) for item in team_items(qset))
    answers = [r.results.enps.answer for r in counted if r.results.enps is not None]
    return TeamFigures(
        measures=tuple(measures),
        items=items,
        enps=enps(answers) if len(answers) >= k else None,
        enps_answered=len(answers),
        levels=_level_aggregate(qset, counted, k) if qset.model is Model.LEVELS else None,
        talking_points=_talking_points(qset, items),
    )


def team_label(responses: Iterable[Response], fallback: str) -> str:
    """The team as most of its sessions typed it (the first in sort order on a tie);
    ``fallback`` when there are none."""
    return most_typed((r.team_label for r in responses), fallback)


def most_typed(labels: Iterable[str], fallback: str) -> str:
    """The label typed most often (the first in sort order on a tie); ``fallback`` for none."""
    tally = Counter(labels)
    if not tally:
        return fallback
    most = max(tally.values())
    return min(label for label, n in tally.items() if n == most)


def team_round(
    responses: Iterable[Response],
    qset: QuestionSet,
    *,
    team_key: str,
    in_round: Round,
    k: int = DEFAULT_K,
    team_size: int | None = None,
) -> TeamRound:
    """The team view of ``qset`` for ``team_key`` in ``in_round``, from all ``responses`` the
    store holds (it picks who counts itself, see :func:`counted_responses`)."""
    check_k(k)
    if team_size is not None and (isinstance(team_size, bool) or team_size < 1):
        raise ValueError(f"a team size is a whole number of at least 1, got {team_size!r}")
    counted = counted_responses(responses, set_id=qset.id, team_key=team_key, in_round=in_round)
    shown = len(counted) >= k
    return TeamRound(
        set_id=qset.id,
        team_label=team_label(counted, team_key),
        round=in_round,
        k=k,
        respondents=len(counted),
        team_size=team_size,
        figures=_team_figures(qset, counted, k) if shown else None,
        hidden=None if shown else Hidden.FEWER_THAN_K,
    )


@dataclass(frozen=True)
class TeamTrend:
    """A team's rounds of one set, oldest first: only the rounds with at least k respondents."""

    set_id: str
    team_label: str
    cadence: Cadence
    k: int
    rounds: tuple[TeamRound, ...]
    """The rounds shown (each with its figures)."""
    hidden_rounds: int
    """How many rounds had fewer than k respondents and are left out."""

    @property
    def dimensions(self) -> tuple[Measure, ...]:
        """The columns of :meth:`grid`: every dimension score any shown round has."""
        found = (
            m.measure
            for r in self.rounds
            if r.figures
            for m in r.figures.measures
            if m.measure.kind is MeasureKind.SCORE
        )
        return tuple(dict.fromkeys(found))

    def grid(self) -> tuple[tuple[float | None, ...], ...]:
        """Rounds x dimensions: per shown round, the median score of each of :attr:`dimensions`
        (``None`` where fewer than k answered it)."""
        rows = []
        for r in self.rounds:
            medians: Mapping[Measure, float] = {
                m.measure: m.spread.median
                for m in (r.figures.measures if r.figures else ())
                if m.spread is not None
            }
            rows.append(tuple(medians.get(d) for d in self.dimensions))
        return tuple(rows)


def team_trend(
    responses: Iterable[Response],
    qset: QuestionSet,
    *,
    team_key: str,
    cadence: Cadence = DEFAULT_CADENCE,
    k: int = DEFAULT_K,
    team_size: int | None = None,
) -> TeamTrend:
    """The team's trend of ``qset``: the team view of every round of ``cadence`` in which
    ``team_key`` has sessions, keeping those with at least ``k`` respondents."""
    check_k(k)
    mine = [r for r in responses if r.set_id == qset.id and r.team_key == team_key]
    by_round: dict[Round, list[Response]] = {}
    for r in mine:
        by_round.setdefault(round_of(r.completed_at, cadence), []).append(r)
    views = [
        team_round(by_round[rnd], qset, team_key=team_key, in_round=rnd, k=k, team_size=team_size)
        for rnd in sorted(by_round)
    ]
    shown = tuple(v for v in views if v.figures is not None)
    return TeamTrend(
        set_id=qset.id,
        team_label=team_label(mine, team_key),
        cadence=cadence,
        k=k,
        rounds=shown,
        hidden_rounds=len(views) - len(shown),
    )
