"""Sentences the app and the command line both say, built from core results."""

from __future__ import annotations

from selfaudit.core.results import Results
from selfaudit.core.turnover import TurnoverCost, saving_at
from selfaudit.i18n.catalog import t
from selfaudit.i18n.formatting import fmt_money, fmt_percent


def what_if_sentence(cost: TurnoverCost, target_pct: float, lang: str, currency: str) -> str:
    """What turnover at ``target_pct`` would save a year, or that the rate is already there."""
    rate = fmt_percent(target_pct, lang, 1 if target_pct % 1 else 0)
    if cost.turnover_rate_pct <= target_pct:
        now = fmt_percent(cost.turnover_rate_pct, lang, 1)
        return t(lang, "whatif.reached", rate=rate, now=now)
    saving = fmt_money(saving_at(cost, target_pct), lang, currency)
    return t(lang, "whatif.result", rate=rate, saving=saving)


def counts_sentence(results: Results, lang: str) -> str:
    """How many questions were answered and skipped; for a calculator, how many figures were
    given and how many left empty use their default ("1 figure given; 2 left empty use ...")."""
    if results.turnover is not None:
        defaults = t(lang, "results.counts-defaults", count=len(results.turnover.defaults_used))
        return t(lang, "results.counts-calc", count=results.answered, defaults=defaults)
    return t(lang, "results.counts", answered=results.answered, skipped=len(results.skipped))


def defaults_sentence(cost: TurnoverCost, lang: str) -> str:
    """The figures that were left empty and computed with their default, each by its name
    ("... used: employer's on-costs, working days a year"); empty when every figure was given."""
    if not cost.defaults_used:
        return ""
    names = ", ".join(t(lang, f"figure.{key}") for key in cost.defaults_used)
    return t(lang, "results.cost.defaults", items=names)
