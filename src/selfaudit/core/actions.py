"""Action items a user can carry to the next session, suggested from the set's advice."""

from __future__ import annotations

from selfaudit.core.advice import advice_text
from selfaudit.core.model import QuestionSet
from selfaudit.core.results import Results


def suggested_actions(qset: QuestionSet, results: Results, lang: str) -> list[str]:
    """Per scored dimension, the first step of the advice for its band, in the set's order.

    Each reads "<dimension>: <first step>" (of flat advice, its first sentence); duplicates are
    left out.
    """
    out: list[str] = []
    for score in results.dimensions:
        dim = qset.dimension(score.dimension)
        if dim is None or score.band is None or score.band not in dim.advice:
            continue
        step = advice_text(dim.advice[score.band], lambda x: qset.t(x, lang)).first
        text = f"{qset.t(dim.title, lang)}: {step}"
        if text not in out:
            out.append(text)
    return out
