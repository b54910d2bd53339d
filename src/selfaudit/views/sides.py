"""One line per dimension of a set asked from both sides: each side's score, as two
relationships of one person (never as a gap: the gap is a team view, see
:mod:`selfaudit.views.gap`)."""

from __future__ import annotations

from selfaudit.core.scoring import DimensionScore
from selfaudit.core.text import visible
from selfaudit.i18n import fmt_number, t


def sides_line(score: DimensionScore, rated_team: str, lang: str) -> str:
    """ "how your team serves others: 75, how Finance serves your team: 50" (the customer side
    names the team it rated, when it was named); empty for a dimension asked from one side."""
    parts = []
    for side, value in score.by_side.items():
        if side == "customer" and rated_team:
            label = t(lang, "side.customer-named", team=visible(rated_team))
        else:
            label = t(lang, "side." + side)
        parts.append(f"{label} {fmt_number(value, lang)}")
    return ", ".join(parts)
