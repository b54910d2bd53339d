"""Plain-text results for the terminal, in the user's language (no Rich: the CLI stays light).

The sentences are the app's own catalog strings, so ``take`` and ``show`` say what the results
screen says.
"""

from __future__ import annotations

from selfaudit.core.model import QuestionSet
from selfaudit.core.results import Results
from selfaudit.core.text import visible
from selfaudit.core.turnover import CATEGORIES
from selfaudit.i18n import bar_cells, fmt_money, fmt_number, fmt_percent, t
from selfaudit.i18n.sentences import (
    advice_lines,
    counts_sentence,
    defaults_sentence,
    level_order_sentence,
    salary_share_lines,
    what_if_sentence,
)
from selfaudit.views.sides import sides_line


def _bar(score: float, width: int = 20) -> str:
    filled = bar_cells(score, width)
    return "#" * filled + "." * (width - filled)


def _levels(qset: QuestionSet, results: Results, lang: str) -> list[str]:
    lv = results.levels
    assert lv is not None
    levels = qset.levels_in_order()
    lines = ["", t(lang, "results.level", level=lv.reached, total=len(levels))]
    for dim, met in zip(levels, lv.met, strict=False):
        state = {None: "results.level-unanswered", True: "results.met", False: "results.not-met"}
        lines.append(f"  {dim.level}. {qset.t(dim.title, lang):<44} {t(lang, state[met])}")
    if lv.stopped_unanswered:
        lines.append(t(lang, "results.level-stopped", level=lv.next_level))
    if lv.answered:
        lines.append(level_order_sentence(lv, lang))
    nxt = next((d for d in levels if d.level == lv.next_level), None)
    if nxt is None:
        lines.append(t(lang, "results.top"))
        return lines
    lines += ["", t(lang, "results.next", level=lv.next_level, title=qset.t(nxt.title, lang))]
    lines += [f"  - {qset.t(i.text, lang)}" for i in qset.items_of(nxt.id)]
    return lines


def _turnover(qset: QuestionSet, results: Results, lang: str, currency: str) -> list[str]:
    lines = ["", t(lang, "results.cost.head")]
    tc = results.turnover
    if tc is None:
        items = qset.question_texts(results.missing_inputs, lang)
        return [*lines, t(lang, "results.cost.missing", items=items)]

    def money(value: float) -> str:
        return fmt_money(value, lang, currency)

    lines += [t(lang, f"warning.{code}") for code in tc.warnings]

    for key in CATEGORIES:
        lines.append(f"  {t(lang, 'cost.' + key):<40} {money(tc.per_leaver[key]):>16}")
    lines.append(f"  {t(lang, 'cost.per-leaver'):<40} {money(tc.cost_per_leaver):>16}")
    rate = fmt_percent(tc.turnover_rate_pct, lang, 1)
    lines.append(t(lang, "results.cost.annual", cost=money(tc.annual_cost), rate=rate))
    lines += salary_share_lines(qset, tc, lang)
    lines.append(what_if_sentence(tc, tc.target_rate_pct, lang, currency))
    if tc.defaults_used:
        lines.append(defaults_sentence(tc, lang))
    return lines


def _dimensions(qset: QuestionSet, results: Results, lang: str) -> list[str]:
    lines = ["", t(lang, "results.dims.head")]
    for dim in results.dimensions:
        dimension = qset.dimension(dim.dimension)
        title = qset.t(dimension.title, lang) if dimension else dim.dimension
        band = next((b for b in qset.bands if b.id == dim.band), None)
        label = qset.t(band.label, lang) if band else t(lang, "results.no-score")
        score = (
            f"{fmt_number(dim.score, lang):>3}  [{_bar(dim.score)}]"
            if dim.score is not None
            else ""
        )
        lines.append(f"  {title:<40} {score:<28} {label}")
        if dim.by_side:
            lines.append(f"      {sides_line(dim, results.rated_team, lang)}")
        if dimension is not None and dim.band in dimension.advice:
            advice = dimension.advice[dim.band or ""]
            lines += [f"      {line}" for line in advice_lines(qset, advice, lang)]
    return lines


def results_lines(
    qset: QuestionSet, results: Results, lang: str = "en", currency: str = "EUR"
) -> list[str]:
    """The results of one session as lines of plain text, safe to print (:func:`visible`)."""
    lines = [t(lang, "results.title", title=qset.t(qset.title, lang))]
    lines.append(counts_sentence(results, lang))
    if results.enps is not None:
        category = t(lang, f"enps.{results.enps.category.value}")
        lines += ["", t(lang, "results.enps", answer=results.enps.answer, category=category)]
        lines.append(t(lang, "results.enps.team"))
    if results.levels is not None:
        lines += _levels(qset, results, lang)
    if results.model.value == "turnover-cost":
        lines += _turnover(qset, results, lang, currency)
    else:
        lines += _dimensions(qset, results, lang)
    return [visible(line, line_breaks=True) for line in lines]
