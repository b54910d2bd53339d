"""Plain-text results for the terminal (no Rich: the CLI must stay light)."""

from __future__ import annotations

from selfaudit.core.model import QuestionSet
from selfaudit.core.results import Results
from selfaudit.core.turnover import CATEGORIES


def _bar(score: float, width: int = 20) -> str:
    filled = round(score / 100 * width)
    return "#" * filled + "." * (width - filled)


def results_lines(qset: QuestionSet, results: Results, lang: str = "en") -> list[str]:
    """The results of one session as lines of plain text."""
    lines = [qset.t(qset.title, lang), ""]
    for dim in results.dimensions:
        dimension = qset.dimension(dim.dimension)
        title = qset.t(dimension.title, lang) if dimension else dim.dimension
        band = next((b for b in qset.bands if b.id == dim.band), None)
        label = qset.t(band.label, lang) if band else ""
        if dim.score is not None:
            lines.append(f"  {title:<40} {dim.score:5.1f}  [{_bar(dim.score)}]  {label}")
        elif band is not None:
            lines.append(f"  {title:<40} {'':5}  {'':22}  {label}")  # banded by eNPS category
        else:
            lines.append(f"  {title:<40} not scored (all {dim.skipped} items skipped)")
    if results.enps is not None:
        lines.append(f"\n  eNPS answer: {results.enps.answer} ({results.enps.category.value})")
    if results.levels is not None:
        lv = results.levels
        lines.append(
            f"\n  Level reached: {lv.reached} of {len(lv.met)}; "
            f"consistency {lv.reproducibility:.2f}"
        )
        if not lv.consistent:
            profile = "  ".join(
                f"L{i + 1}:{'met' if m else 'not met'}" for i, m in enumerate(lv.met)
            )
            lines.append(f"  Profile: {profile}")
    if results.turnover is not None:
        t = results.turnover
        for key in CATEGORIES:
            lines.append(f"  {key:<40} {t.per_leaver[key]:>14,.2f}")
        lines.append(
            f"  {'cost per leaver':<40} {t.cost_per_leaver:>14,.2f}  "
            f"({t.pct_of_salary:.1f} % of salary; Boushey & Glynn 2012 median: 21 %)"
        )
        lines.append(
            f"  {'annual cost':<40} {t.annual_cost:>14,.2f}  (turnover {t.turnover_rate_pct:.1f} %)"
        )
        lines.append(
            f"  {f'saving at {t.target_rate_pct:g} % turnover':<40} {t.yearly_saving:>14,.2f}"
        )
    if results.missing_inputs:
        lines.append(f"\n  Not computed: no value for {', '.join(results.missing_inputs)}")
    if results.turnover is not None and results.turnover.defaults_used:
        lines.append(f"\n  Defaults used: {', '.join(results.turnover.defaults_used)}")
    elif results.skipped:
        lines.append(f"\n  Skipped: {', '.join(results.skipped)}")
    return lines
