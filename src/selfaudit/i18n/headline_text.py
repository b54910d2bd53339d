"""A saved session's headline in words (home screen and history)."""

from __future__ import annotations

from selfaudit.core.headline import HeadlineKind, headline
from selfaudit.i18n.catalog import t
from selfaudit.i18n.formatting import fmt_money, fmt_number


def headline_text(
    *,
    levels: int,
    level: int | None,
    annual_cost: float | None,
    enps_answer: int | None,
    scores: dict[str, float],
    lang: str,
    currency: str,
) -> str:
    """ "level 2 of 5", "turnover costs €75,170 a year", ...; ``levels`` is the set's count."""
    found = headline(level=level, annual_cost=annual_cost, enps_answer=enps_answer, scores=scores)
    if found is None:
        return t(lang, "home.headline.none")
    if found.kind is HeadlineKind.LEVEL:
        return t(lang, "home.headline.level", level=int(found.value), total=levels)
    if found.kind is HeadlineKind.COST:
        return t(lang, "home.headline.cost", cost=fmt_money(found.value, lang, currency))
    if found.kind is HeadlineKind.ENPS:
        return t(lang, "home.headline.enps", answer=int(found.value))
    return t(lang, "home.headline.mean", score=fmt_number(found.value, lang))
