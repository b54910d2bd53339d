"""Sentences the app and the command line both say, built from core results."""

from __future__ import annotations

from selfaudit.core.model import Item, QuestionSet
from selfaudit.core.results import Results
from selfaudit.core.turnover import TurnoverCost, saving_at
from selfaudit.i18n.catalog import t
from selfaudit.i18n.formatting import fmt_amount, fmt_money, fmt_percent


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


def unit_text(qset: QuestionSet, item: Item, lang: str, currency: str) -> str:
    """A number item's unit: the currency code, ``%``, or the set's own text (``days``)."""
    if item.unit == "currency":
        return currency
    if item.unit == "percent":
        return "%"
    if isinstance(item.unit, str):
        return item.unit
    return qset.t(item.unit, lang)


def amount_text(qset: QuestionSet, item: Item, value: float, lang: str, currency: str) -> str:
    """A number answer with its unit: ``€42,000``, ``30.5 %``, ``220 days``."""
    if item.unit == "currency":
        return fmt_money(value, lang, currency, 0 if float(value).is_integer() else 2)
    return f"{fmt_amount(value, lang)} {unit_text(qset, item, lang, currency)}".rstrip()
