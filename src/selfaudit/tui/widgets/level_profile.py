"""The competency-level outcome: the level reached, each level's bar and state, whether the
answers follow the order of the levels, and what the next level asks."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from selfaudit.core.model import QuestionSet
from selfaudit.core.results import Results
from selfaudit.i18n import t
from selfaudit.i18n.sentences import level_order_sentence
from selfaudit.tui.widgets.score_bar import ScoreBar

#: The mark and catalog key shown for a level that is met, not met or not answered.
_STATE = {True: (" ✓ ", "results.met"), False: (" ✗ ", "results.not-met")}
_UNANSWERED = (" – ", "results.level-unanswered")


class LevelProfile(Vertical):
    """Shows a ``levels`` set's :class:`~selfaudit.core.levels.LevelOutcome`."""

    DEFAULT_CSS = "LevelProfile { height: auto; }"
    """As tall as its lines."""

    def __init__(self, qset: QuestionSet, results: Results, lang: str) -> None:
        super().__init__()
        self.qset = qset
        self.results = results
        self.lang = lang

    def compose(self) -> ComposeResult:
        lv, q, lang = self.results.levels, self.qset, self.lang
        assert lv is not None
        levels = q.levels_in_order()
        yield Static(t(lang, "results.levels.head"), classes="section", markup=False)
        yield Static(
            t(lang, "results.level", level=lv.reached, total=len(levels)),
            classes="headline",
            markup=False,
        )
        for dim, met in zip(levels, lv.met, strict=False):
            score = self.results.dimension(dim.id)
            mark, key = _UNANSWERED if met is None else _STATE[met]
            # The title on a line of its own: level titles are too long to share the bar's row.
            yield Static(q.t(dim.title, lang), classes="dim-title", markup=False)
            with Horizontal(classes="bar-row"):
                yield ScoreBar(score.score if score else None)
                yield Static(mark + t(lang, key), classes="bar-band", markup=False)
        if lv.stopped_unanswered:
            stopped = t(lang, "results.level-stopped", level=lv.next_level)
            yield Static(stopped, classes="warning", markup=False)
        if lv.answered:
            style = "muted" if lv.out_of_order is None else "warning"
            yield Static(level_order_sentence(lv, lang), classes=style, markup=False)
        nxt = next((d for d in levels if d.level == lv.next_level), None)
        if nxt is None:
            yield Static(t(lang, "results.top"), markup=False)
            return
        yield Static(
            t(lang, "results.next", level=lv.next_level, title=q.t(nxt.title, lang)),
            classes="section",
            markup=False,
        )
        if nxt.description:
            yield Static(q.t(nxt.description, lang), markup=False)
        asks = "\n".join(f"• {q.t(i.text, lang)}" for i in q.items_of(nxt.id))
        yield Static(asks, classes="muted", markup=False)
