"""Sentences the app and the command line both say, built from core results."""

from __future__ import annotations

from selfaudit.core.advice import Advice, advice_text
from selfaudit.core.levels import LevelOutcome
from selfaudit.core.model import Item, QuestionSet
from selfaudit.core.results import Results
from selfaudit.core.turnover import BENCHMARK_PCT_OF_SALARY, TurnoverCost, saving_at
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


def salary_share_lines(qset: QuestionSet, cost: TurnoverCost, lang: str) -> list[str]:
    """The cost per leaver as a share of salary; how much of it rests on defaults (and, when
    that is most of it, that it cannot be compared yet); the figures left at 0; then the
    benchmarks by pay level, from the United States."""
    lines = [t(lang, "results.cost.pct", pct=fmt_percent(cost.pct_of_salary, lang, 1))]
    share = cost.pct_on_defaults
    if share is not None and cost.defaults_used:
        key = "results.cost.on-defaults-most" if share >= 50 else "results.cost.on-defaults"
        lines.append(t(lang, key, share=fmt_percent(share, lang, 0)))
    zero = [
        key
        for key in cost.defaults_used
        if (item := qset.item(key)) is not None and item.default == 0
    ]
    if zero:
        names = ", ".join(t(lang, f"figure.{key}") for key in zero)
        lines.append(t(lang, "results.cost.zero", items=names))
    pcts = {k: fmt_percent(v, lang, 0) for k, v in BENCHMARK_PCT_OF_SALARY.items()}
    lines.append(t(lang, "results.cost.benchmark", **pcts))
    return lines


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


def advice_lines(qset: QuestionSet, advice: Advice, lang: str) -> list[str]:
    """Advice in the order it is read: what the band means, the first step, then each further
    step ("First step: ...", "• ..."); flat advice has no line of its own for the meaning."""
    text = advice_text(advice, lambda x: qset.t(x, lang))
    lines = [text.meaning] if text.meaning else []
    lines.append(t(lang, "advice.first", step=text.first))
    lines += [f"• {step}" for step in text.further]
    return lines


def level_order_sentence(outcome: LevelOutcome, lang: str) -> str:
    """In plain words, whether every level met rests on the levels below it, or which higher
    level is met while a lower one is not and what that means; empty when nothing is answered."""
    if not outcome.answered:
        return ""
    found = outcome.out_of_order
    if found is None:
        return t(lang, "results.consistent")
    gap, above = found
    names = [str(level) for level in above]
    levels = names[-1]
    if len(names) > 1:
        levels = f"{', '.join(names[:-1])} {t(lang, 'word.and')} {levels}"
    return t(lang, "results.out-of-order", count=len(above), levels=levels, gap=gap)
