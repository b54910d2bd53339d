"""The turnover calculator's outcome: warnings, cost per category, the yearly cost, the
share of salary, how much of it rests on defaults, the published benchmarks by pay level, the
defaults used, and the live what-if."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from selfaudit.core.model import QuestionSet
from selfaudit.core.results import Results
from selfaudit.core.turnover import CATEGORIES, TARGET_ITEM
from selfaudit.i18n import fmt_money, fmt_percent, t
from selfaudit.i18n.sentences import defaults_sentence, salary_share_lines
from selfaudit.tui.widgets.what_if import WhatIf


class CostBreakdown(Vertical):
    """Shows a ``turnover-cost`` set's :class:`~selfaudit.core.turnover.TurnoverCost`."""

    DEFAULT_CSS = "CostBreakdown { height: auto; }"
    """As tall as its lines."""

    def __init__(
        self, qset: QuestionSet, results: Results, lang: str, currency: str, target: float | None
    ) -> None:
        super().__init__()
        self.qset = qset
        self.results = results
        self.lang = lang
        self.currency = currency
        self.target = target
        """The what-if target last typed on this screen (``None``: the set's own answer)."""

    def _money(self, value: float) -> str:
        return fmt_money(value, self.lang, self.currency)

    def compose(self) -> ComposeResult:
        r, q, lang = self.results, self.qset, self.lang
        yield Static(t(lang, "results.cost.head"), classes="section", markup=False)
        tc = r.turnover
        if tc is None:
            missing = q.question_texts(r.missing_inputs, lang)
            yield Static(
                t(lang, "results.cost.missing", items=missing), classes="warning", markup=False
            )
            return
        for code in tc.warnings:
            yield Static(t(lang, f"warning.{code}"), classes="warning", markup=False)
        rows = [
            f"{t(lang, 'cost.' + c):<34}{self._money(tc.per_leaver[c]):>16}" for c in CATEGORIES
        ]
        rows.append("─" * 50)
        rows.append(f"{t(lang, 'cost.per-leaver'):<34}{self._money(tc.cost_per_leaver):>16}")
        yield Static("\n".join(rows), id="cost-table", markup=False)
        rate = fmt_percent(tc.turnover_rate_pct, lang, 1)
        yield Static(
            t(lang, "results.cost.annual", cost=self._money(tc.annual_cost), rate=rate),
            classes="headline",
            markup=False,
        )
        for line in salary_share_lines(q, tc, lang):
            yield Static(line, classes="cost-share", markup=False)
        if tc.defaults_used:
            yield Static(
                defaults_sentence(tc, lang), id="cost-defaults", classes="muted", markup=False
            )
        target_item = q.item(TARGET_ITEM)
        if target_item is None:
            return
        yield Static(t(lang, "results.whatif.head"), classes="section", markup=False)
        target = tc.target_rate_pct if self.target is None else self.target
        yield WhatIf(tc, target_item, lang, self.currency, target)
