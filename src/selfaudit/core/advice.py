"""Advice for one band of a dimension: what the band means, the first step, further steps.

A set states advice in that structure, or (the older form, still read) as one flat text that
starts with the step. Both are read in the same order, so every screen shows what a result
means before what to do about it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from selfaudit.core.text import Text


def first_sentence(text: str) -> str:
    """The first sentence of a text, ending in a full stop."""
    return text.split(". ")[0].rstrip(".") + "."


@dataclass(frozen=True)
class Advice:
    """What to do with a score in one band."""

    first: Text
    """The first step, one sentence (it becomes a suggested action item); for flat advice,
    the whole text."""
    meaning: Text = field(default_factory=dict)
    """What a score in this band means, at its lower edge as well as its upper one."""
    further: tuple[Text, ...] = ()
    """Further steps, in the order to take them."""
    flat: bool = False
    """Advice of the older form: one text in :attr:`first` that starts with the step."""


@dataclass(frozen=True)
class AdviceText:
    """Advice in one language, in the order it is shown: meaning, first step, further steps."""

    meaning: str
    """Empty for flat advice, which has no separate meaning."""
    first: str
    further: tuple[str, ...]


def advice_text(advice: Advice, pick: Callable[[Text], str]) -> AdviceText:
    """``advice`` in the language ``pick`` chooses (e.g. ``lambda x: qset.t(x, lang)``).

    Flat advice is split at its first sentence: that is the first step, the rest one further
    paragraph.
    """
    if advice.flat:
        whole = pick(advice.first)
        step = first_sentence(whole)
        parts = whole.split(". ", 1)
        rest = parts[1].strip() if len(parts) == 2 else ""
        return AdviceText("", step, (rest,) if rest else ())
    return AdviceText(pick(advice.meaning), pick(advice.first), tuple(map(pick, advice.further)))
