"""The turnover what-if: type a target turnover rate, see the yearly saving at once."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Static

from selfaudit.core.answers import check_answer
from selfaudit.core.model import Item
from selfaudit.core.turnover import TurnoverCost
from selfaudit.i18n import fmt_amount, fmt_percent, fmt_plain, t
from selfaudit.i18n.sentences import what_if_sentence


class WhatIf(Vertical):
    """Recomputes :func:`selfaudit.core.turnover.yearly_saving` on every keystroke."""

    DEFAULT_CSS = """
    WhatIf { height: auto; }
    WhatIf > Horizontal { height: auto; }
    WhatIf Input { width: 12; }
    WhatIf .unit { width: auto; padding: 1 1; }
    WhatIf #what-if-result { padding: 0 0 0 1; text-style: bold; }
    """
    """The field with its % sign, and the saving under it."""

    def __init__(
        self, cost: TurnoverCost, target_item: Item, lang: str, currency: str, target: float
    ) -> None:
        super().__init__()
        self.cost = cost
        """The computed cost the what-if starts from."""
        self.target_item = target_item
        """The set's target-rate question, whose rules a typed rate must meet."""
        self.target_pct = target
        """The rate now in the field (the last valid one)."""
        self.low = fmt_amount(target_item.minimum or 0, lang)
        self.high = fmt_amount(target_item.maximum or 100, lang)
        self.lang = lang
        self.currency = currency

    def compose(self) -> ComposeResult:
        rate = fmt_percent(self.cost.turnover_rate_pct, self.lang, 1)
        yield Static(t(self.lang, "whatif.now", rate=rate), markup=False)
        with Horizontal():
            yield Static(t(self.lang, "whatif.label"), classes="unit", markup=False)
            yield Input(fmt_plain(self.target_pct, self.lang), id="what-if-input")
            yield Static("%", classes="unit")
        yield Static(self.result_text(), id="what-if-result", markup=False)

    def result_text(self) -> str:
        """One sentence with the saving at the current target."""
        return what_if_sentence(self.cost, self.target_pct, self.lang, self.currency)

    @on(Input.Changed, "#what-if-input")
    def _changed(self, event: Input.Changed) -> None:
        result = self.query_one("#what-if-result", Static)
        try:
            # The target becomes the set's target answer when saved: accept what it accepts.
            value = float(check_answer(self.target_item, event.value))
        except ValueError:
            result.update(t(self.lang, "whatif.bad", low=self.low, high=self.high))
            return
        self.target_pct = value
        result.update(self.result_text())
