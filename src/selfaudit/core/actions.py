"""Action items a user can carry to the next session, suggested from the set's advice."""

from __future__ import annotations

from selfaudit.core.model import QuestionSet
from selfaudit.core.results import Results


def first_sentence(text: str) -> str:
    """The first sentence of an advice text, ending in a full stop."""
    return text.split(". ")[0].rstrip(".") + "."


def suggested_actions(qset: QuestionSet, results: Results, lang: str) -> list[str]:
    """Per scored dimension, the first step of the advice for its band, in the set's order.

    Each reads "<dimension>: <first sentence of the advice>"; duplicates are left out.
    """
    out: list[str] = []
    for score in results.dimensions:
        dim = qset.dimension(score.dimension)
        if dim is None or score.band is None or score.band not in dim.advice:
            continue
        text = f"{qset.t(dim.title, lang)}: {first_sentence(qset.t(dim.advice[score.band], lang))}"
        if text not in out:
            out.append(text)
    return out
