"""The question-set model: immutable, validated on load by :mod:`selfaudit.questionnaires`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from selfaudit.core.advice import Advice
from selfaudit.core.text import Text, pick


class Kind(StrEnum):
    """What sort of answer an item takes."""

    LIKERT5 = "likert5"
    SCALE10 = "scale10"
    NUMBER = "number"
    CHOICE = "choice"
    YESNO = "yesno"
    TEXT = "text"
    TEAM = "team"
    """The name of a team or department, such as the one the customer side of a set rates: kept
    with the session's shareable answers (unlike an open ``text`` answer) and matched by its
    key (:func:`~selfaudit.core.keys.team_key`)."""


class Model(StrEnum):
    """How a set is scored."""

    DIMENSIONS = "dimensions"
    LEVELS = "levels"
    TURNOVER_COST = "turnover-cost"


class Side(StrEnum):
    """Which side of the internal-customer relationship an item asks about."""

    PROVIDER = "provider"
    """How we serve the colleagues who depend on us."""
    CUSTOMER = "customer"
    """How we are served by the colleagues we depend on."""


@dataclass(frozen=True)
class Source:
    """A work that items, defaults or advice refer to."""

    id: str
    cite: str | Text
    """Author, year, title: one string in every language, or a text when it needs translating
    (a working assumption); show it with ``cite if isinstance(cite, str) else qset.t(cite, lang)``.
    """
    url: str = ""
    note: Text = field(default_factory=dict)


@dataclass(frozen=True)
class Band:
    """A named range of the 0-100 score, from ``min`` up to the next band's ``min``."""

    id: str
    min: float
    label: Text


@dataclass(frozen=True)
class Dimension:
    """One thing a set measures."""

    id: str
    title: Text
    description: Text = field(default_factory=dict)
    level: int | None = None
    advice: Mapping[str, Advice] = field(default_factory=dict)
    """What a score in each band means and what to do, per band id."""
    gap: Text = field(default_factory=dict)
    """For a set asked from both sides: what to do when a team rates its own service here
    clearly higher than its internal customers rate it (the gap view shows it)."""


@dataclass(frozen=True)
class Option:
    """One answer of a ``choice`` item."""

    id: str
    label: Text
    score: float | None = None


@dataclass(frozen=True)
class Item:
    """One question."""

    id: str
    kind: Kind
    dimension: str
    text: Text
    why: Text
    source: str = ""
    side: Side | None = None
    required: bool = False
    reverse: bool = False
    labels: tuple[Text, ...] = ()
    """``likert5``: the five point labels, lowest first."""
    low: Text = field(default_factory=dict)
    high: Text = field(default_factory=dict)
    options: tuple[Option, ...] = ()
    unit: str | Text = ""
    """``number``: ``"currency"``, ``"percent"`` or a text such as ``{"en": "days"}``."""
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False
    default: float | None = None
    default_source: str = ""
    max_length: int = 2000
    mirror: str = ""
    """A ``customer`` item: the id of the ``provider`` item that asks the same thing from the
    other side (the gap view sets the two against each other)."""

    @property
    def scored(self) -> bool:
        """Whether an answer to this item contributes to its dimension's score."""
        if self.kind in (Kind.LIKERT5, Kind.SCALE10, Kind.YESNO):
            return True
        if self.kind is Kind.CHOICE:
            return bool(self.options) and all(o.score is not None for o in self.options)
        return False

    def option(self, option_id: str) -> Option | None:
        """The ``choice`` option with this id, if any."""
        return next((o for o in self.options if o.id == option_id), None)


@dataclass(frozen=True)
class QuestionSet:
    """A validated question set."""

    id: str
    version: str
    languages: tuple[str, ...]
    title: Text
    summary: Text
    intro: Text
    model: Model
    dimensions: tuple[Dimension, ...]
    items: tuple[Item, ...]
    bands: tuple[Band, ...] = ()
    sources: tuple[Source, ...] = ()
    minutes: int | None = None
    enps_item: str = ""
    enps_bands: Mapping[str, str] = field(default_factory=dict)
    """eNPS category (``promoter``, ``passive``, ``detractor``) -> band of the eNPS dimension."""
    level_threshold: float = 70.0
    content_hash: str = ""
    """SHA-256 of the file's bytes, so a saved session knows exactly which text it answered."""
    origin: str = ""
    """Where the set was loaded from: ``builtin`` or a file path."""

    def t(self, text: Text, lang: str) -> str:
        """A text of this set in ``lang``, falling back to the set's first language."""
        return pick(text, lang, self.languages[0] if self.languages else "en")

    def cite(self, source: Source, lang: str) -> str:
        """How a source is cited in ``lang`` (a plain author-and-year string is not translated)."""
        return source.cite if isinstance(source.cite, str) else self.t(source.cite, lang)

    def item(self, item_id: str) -> Item | None:
        """The item with this id, if any."""
        return self._items_by_id.get(item_id)

    def dimension(self, dimension_id: str) -> Dimension | None:
        """The dimension with this id, if any."""
        return next((d for d in self.dimensions if d.id == dimension_id), None)

    def source(self, source_id: str) -> Source | None:
        """The source with this id, if any."""
        return next((s for s in self.sources if s.id == source_id), None)

    def levels_in_order(self) -> tuple[Dimension, ...]:
        """The dimensions of a ``levels`` set, lowest level first."""
        return tuple(sorted(self.dimensions, key=lambda d: d.level or 0))

    def question_texts(self, item_ids: tuple[str, ...], lang: str) -> str:
        """The questions of ``item_ids`` as one line for a message ("…; …"), without "?"."""
        texts = []
        for item_id in item_ids:
            item = self.item(item_id)
            texts.append(item_id if item is None else self.t(item.text, lang).rstrip("?"))
        return "; ".join(texts)

    @property
    def team_item(self) -> Item | None:
        """The item of kind ``team`` (the team the customer side rates), if the set has one."""
        return next((i for i in self.items if i.kind is Kind.TEAM), None)

    def mirrored(self) -> tuple[tuple[Item, Item], ...]:
        """The (provider, customer) pairs of items that ask the same thing from both sides, in
        the provider items' asking order."""
        pairs = [(self.item(i.mirror), i) for i in self.items if i.mirror]
        found = [(p, c) for p, c in pairs if p is not None]
        order = {item.id: n for n, item in enumerate(self.items)}
        return tuple(sorted(found, key=lambda pair: order[pair[0].id]))

    def items_of(self, dimension_id: str) -> tuple[Item, ...]:
        """The items of one dimension, in asking order."""
        return tuple(i for i in self.items if i.dimension == dimension_id)

    @property
    def _items_by_id(self) -> dict[str, Item]:
        cache = self.__dict__.get("_by_id")
        if cache is None:
            cache = {i.id: i for i in self.items}
            object.__setattr__(self, "_by_id", cache)
        return cache
