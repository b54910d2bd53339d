"""Results: per dimension a bar, band and advice; the set's own figures; action items; saving."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Footer, Input, Static
from textual.worker import get_current_worker

from selfaudit.core.actions import suggested_actions
from selfaudit.core.answers import usable_answers, written_texts
from selfaudit.core.model import Model, QuestionSet
from selfaudit.core.results import Results, compute_results
from selfaudit.core.stored import answered_with_another_version
from selfaudit.core.text import visible
from selfaudit.core.turnover import TARGET_ITEM
from selfaudit.i18n import fmt_date
from selfaudit.i18n.sentences import advice_lines, counts_sentence
from selfaudit.store import Draft, InvalidAnswers, NotDurable, Session, StoreError
from selfaudit.tui.screens.base import BaseScreen
from selfaudit.tui.settle import drained
from selfaudit.tui.translate import translate_bindings
from selfaudit.tui.widgets.checklist import Checklist
from selfaudit.tui.widgets.cost_breakdown import CostBreakdown
from selfaudit.tui.widgets.level_profile import LevelProfile
from selfaudit.tui.widgets.ordered_input import OrderedInput
from selfaudit.tui.widgets.score_bar import ScoreBar
from selfaudit.tui.widgets.title_header import TitleHeader
from selfaudit.tui.widgets.what_if import WhatIf
from selfaudit.views.sides import sides_line
from selfaudit.views.since import SinceBefore, since_before


class ResultsScreen(BaseScreen):
    """Shows a finished draft (to save, with action items) or a saved session (read-only)."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "home", "Home", priority=True),
        # A saved session opened from History goes back there (and says so in the footer).
        Binding("escape", "back", "Back", priority=True),
    ]

    def __init__(
        self, qset: QuestionSet, *, draft: Draft | None = None, session: Session | None = None
    ) -> None:
        super().__init__()
        self.qset = qset
        self.draft = draft
        self.session = session
        self.opened_saved = session is not None
        """Opened to look at a saved session (from History): Esc goes back there."""
        self.HELP_TOPIC = "saved" if self.opened_saved else "results"
        self.as_saved = session is not None and answered_with_another_version(
            session.set_version, session.set_hash, qset
        )
        """A session answered with another version of the set: shown with its saved figures."""
        self.results: Results = self._results()
        """Computed (or read back) by the core; never by this screen."""
        self.custom: list[str] = [
            a for a in (draft.actions if draft else []) if a not in self._candidate_actions()
        ]
        """Action items the user typed (kept across a language switch)."""
        self.candidates = self._candidate_actions() + self.custom
        self.checked: set[int] = {
            i for i, c in enumerate(self.candidates) if draft and c in draft.actions
        }
        self.typed_action = ""
        self.since = SinceBefore({})
        """The change of each figure since my session before this one (read in a thread)."""
        self.what_if_target: float | None = None
        """The target rate typed in the what-if (kept across a language switch)."""

    @property
    def saved(self) -> bool:
        """Whether the session is stored."""
        return self.session is not None

    # -- content --------------------------------------------------------------------------------

    def _results(self) -> Results:
        if self.session is not None:
            return self.session.read_results(self.qset).results
        answers, _ = usable_answers(self.qset, self.draft.answers if self.draft else {})
        return compute_results(self.qset, answers)

    def _candidate_actions(self) -> list[str]:
        return suggested_actions(self.qset, self.results, self.lang_or_en)

    @property
    def lang_or_en(self) -> str:
        """The language, also before the screen is attached."""
        try:
            return self.lang
        except Exception:
            return "en"

    def compose(self) -> ComposeResult:
        q, lang = self.qset, self.lang
        yield TitleHeader()
        with VerticalScroll(id="results-box"):
            yield Static(
                self.t("results.title", title=q.t(q.title, lang)), classes="title", markup=False
            )
            with Horizontal(id="saved-row"):
                yield Static(self._saved_line(), id="saved-line", markup=False)
                if not self.saved:
                    yield Button(self.t("results.save"), id="save-top", variant="primary")
            if self.as_saved:
                yield Static(self.t("results.as-saved"), classes="warning", markup=False)
            r = self.results
            yield Static(counts_sentence(r, lang), classes="muted", markup=False)
            if r.enps is not None:
                yield from self._enps()
            if r.levels is not None:
                yield LevelProfile(q, r, lang)
                yield self._since("level")
            if q.model is Model.TURNOVER_COST:
                yield CostBreakdown(q, r, lang, self.sa.settings.currency, self.what_if_target)
                yield self._since("annual-cost")
            else:
                yield from self._dimensions()
            yield from self._written()
            yield from self._actions()
        yield Footer(compact=True)

    def _saved_line(self) -> str:
        if self.session is None:
            return self.t("results.unsaved")
        store = self.sa.store
        path = visible(str(store.path_of(self.session.id))) if store else ""
        return self.t(
            "results.saved",
            id=self.session.id,
            path=path,
            date=fmt_date(self.session.completed_at, self.lang),
        )

    def _enps(self) -> ComposeResult:
        e = self.results.enps
        assert e is not None
        yield Static(self.t("results.enps.head"), classes="section", markup=False)
        yield Static(
            self.t("results.enps", answer=e.answer, category=self.t(f"enps.{e.category.value}")),
            markup=False,
        )
        yield self._since("enps")
        yield Static(self.t("results.enps.team"), classes="muted", markup=False)

    def _dimensions(self) -> ComposeResult:
        q, lang = self.qset, self.lang
        bands = {b.id: b for b in q.bands}
        yield Static(self.t("results.dims.head"), classes="section", markup=False)
        for score in self.results.dimensions:
            dim = q.dimension(score.dimension)
            if dim is None:
                continue
            yield Static(q.t(dim.title, lang), classes="dim-title", markup=False)
            band = bands.get(score.band or "")
            label = q.t(band.label, lang) if band else self.t("results.no-score")
            if score.score is None and band is not None:
                # Banded without a 0-100 score (the eNPS answer): a bar would read as zero.
                yield Static(f"  {label}", classes="bar-band", markup=False)
            else:
                with Horizontal(classes="bar-row"):
                    yield ScoreBar(score.score)
                    yield Static(f"  {label}", classes="bar-band", markup=False)
                yield self._since(f"score:{score.dimension}")
            if score.by_side:
                sides = sides_line(score, self.results.rated_team, lang)
                yield Static(sides, classes="muted", markup=False)
            if score.skipped:
                yield Static(
                    self.t("results.skipped", count=score.skipped), classes="muted", markup=False
                )
            if band is not None and band.id in dim.advice:
                lines = advice_lines(q, dim.advice[band.id], lang)
                yield Static("\n".join(lines), classes="advice", markup=False)

    def _written(self) -> ComposeResult:
        """The open answers and notes, so nothing typed is out of sight."""
        record = self.session or self.draft
        if record is None:
            return
        written = written_texts(self.qset, record.answers, record.notes)
        if not written:
            return
        yield Static(self.t("results.written.head"), classes="section", markup=False)
        for item, text in written:
            yield Static(self.qset.t(item.text, self.lang), classes="muted", markup=False)
            yield Static(visible(text, line_breaks=True), classes="advice", markup=False)

    def _actions(self) -> ComposeResult:
        yield Static(self.t("results.actions.head"), classes="section", markup=False)
        if self.saved:
            assert self.session is not None
            chosen = self.session.actions
            listed = "\n".join(f"• {visible(a)}" for a in chosen)
            text = listed or self.t("results.actions.none")
            yield Static(text, id="chosen-actions", markup=False)
            yield Static(self.t("results.back-home"), classes="muted", markup=False)
            return
        self.candidates = self._candidate_actions() + self.custom
        hint = "results.actions.hint" if self.candidates else "results.actions.hint-own"
        yield Static(self.t(hint), classes="muted", markup=False)
        checklist = Checklist(self.candidates, self.checked, id="actions")
        checklist.display = bool(self.candidates)  # no empty box: it shows with the first item
        yield checklist
        yield OrderedInput(
            self.typed_action,
            placeholder=self.t("results.actions.own"),
            id="own-action",
            max_length=300,
        )
        yield Button(self.t("results.save"), id="save", variant="primary")

    # -- behaviour ------------------------------------------------------------------------------

    def _since(self, key: str) -> Static:
        """Where the change since my session before goes (filled in once it is read)."""
        text = self.since.lines.get(key, "")
        line = Static(text, classes="muted since", markup=False)
        line.since_key = key  # type: ignore[attr-defined]
        line.display = bool(text)
        return line

    def on_mount(self) -> None:
        self._focus_first()
        self.load_since()

    def after_recompose(self) -> None:
        self._focus_first()

    @work(thread=True, exclusive=True, group="results-since")
    def load_since(self) -> None:
        """Read my session of this set before this one, in a thread, for the changes."""
        store = self.sa.store
        if store is None:
            return
        this = self.session.id if self.session else (self.draft.id if self.draft else "")
        until = self.session.completed_at if self.session else None
        try:
            mine = store.my_responses(self.qset, store.pseudonym())
        except StoreError:
            return  # the changes are a help, not a must: the results stand without them
        before = [
            r for r in mine if r.session_id != this and (until is None or r.completed_at < until)
        ]
        if before and not get_current_worker().is_cancelled:
            self.post_message(self.SinceRead(before[-1].results, before[-1].completed_at))

    @dataclass
    class SinceRead(Message):
        """My session before this one, read off the UI thread."""

        results: Results
        completed_at: dt.datetime

    def on_results_screen_since_read(self, message: SinceRead) -> None:
        """Write the change since then beside each figure that both sessions have."""
        self.since = since_before(
            message.results,
            message.completed_at,
            self.results,
            self.lang,
            self.sa.settings.currency,
        )
        for line in self.query(".since").results(Static):
            text = self.since.lines.get(getattr(line, "since_key", ""), "")
            line.update(text)
            line.display = bool(text)

    def _focus_first(self) -> None:
        # The results get the focus, not the checklist: a stray Enter from the last question
        # must not tick an action item. Tab reaches the checklist.
        # Focus at once: Widget.focus waits its turn behind keys already typed for this screen.
        self.set_focus(self.query_one("#results-box"))
        if not self.saved:
            translate_bindings(self.query_one("#actions", Checklist), self.lang)
        self.refresh_bindings()

    def remember_state(self) -> None:
        if not self.saved:
            checklist = self.query_one("#actions", Checklist)
            base = len(self._candidate_actions())
            self.custom = checklist.entries[base:]
            self.checked = set(checklist.checked)
            self.typed_action = self.query_one("#own-action", Input).value
        for what_if in self.query(WhatIf).results(WhatIf):
            self.what_if_target = what_if.target_pct

    @on(Input.Submitted, "#own-action")
    def _own_action(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if text and not self.saved:  # after saving, the typed item is already in the session
            checklist = self.query_one("#actions", Checklist)
            checklist.add_entry(text)
            checklist.display = True
            event.input.value = ""

    @on(Button.Pressed, "#save, #save-top")
    async def _save_pressed(self) -> None:
        await self.action_save()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save":
            return not self.saved
        if action in ("home", "back"):
            return (action == "back") == self.opened_saved
        return True

    def action_back(self) -> None:
        """Back to History, where this saved session was opened."""
        self.app.pop_screen()

    async def action_save(self) -> None:
        """Store the session with the ticked action items (and the one being typed)."""
        if self.saved or self.draft is None or self.sa.store is None:
            return
        await drained(self.query_one("#own-action", Input))  # what was typed before Ctrl+S
        if self.saved:
            return  # saved meanwhile (a click and Ctrl+S at once)
        self._take_from_screen(self.draft)
        try:
            self.session = self.sa.store.complete(self.draft, self.qset)
        except InvalidAnswers as exc:
            # The set no longer accepts an answer (it changed, or a question became required):
            # take the user to that question rather than pretend the disk failed.
            # Imported here: the question screen imports this one to show the results.
            from selfaudit.tui.screens.question import QuestionScreen

            self.sa.notify(self.t("notify.answer-needed"), severity="warning", timeout=10)
            ids = [item.id for item in self.qset.items]
            self.draft.position = ids.index(exc.items[0]) if exc.items else 0
            self.app.switch_screen(QuestionScreen(self.qset, self.draft))
            return
        except NotDurable as exc:
            # The session file is in place; only the disk's confirmation failed. Show it as
            # saved, and say so; the draft stays until a later start finds the session sound.
            self.session = self.sa.store.load(self.draft.id)
            self.sa.notify(self.sa.error_text(exc), severity="warning", markup=False, timeout=20)
        except StoreError as exc:
            self.offer_export(self.draft, self.sa.error_text(exc))
            return
        else:
            self.sa.notify(self.t("notify.saved"))
        # Shown before the next key is read (Ctrl+S Ctrl+Q typed at once quits after it).
        await self._show_saved()

    async def _show_saved(self) -> None:
        self.results = self._results()  # the saved answers, the what-if target included
        await self.recompose()
        self._focus_first()
        self.query_one("#results-box", VerticalScroll).scroll_home(animate=False)

    def _chosen_actions(self) -> list[str]:
        """The ticked action items, the user's own included, and one typed but not yet added."""
        chosen = self.query_one("#actions", Checklist).ticked
        own = self.query_one("#own-action", Input).value.strip()
        if own and own not in chosen:
            chosen.append(own)
        return chosen

    def _take_from_screen(self, draft: Draft) -> None:
        """Put what the user chose here into the draft: the action items, and a what-if target
        they changed (it becomes the set's target answer)."""
        self.remember_state()
        draft.actions = self._chosen_actions()
        turnover = self.results.turnover
        if turnover is not None and self.what_if_target not in (None, turnover.target_rate_pct):
            draft.answers[TARGET_ITEM] = self.what_if_target

    def keep_draft(self) -> bool:
        """Save the ticked actions and the what-if target with the draft (on Esc and on quit)."""
        if self.saved or self.draft is None or self.sa.store is None:
            return True
        self._take_from_screen(self.draft)
        try:
            self.sa.store.save_draft(self.draft)
        except StoreError as exc:
            self.offer_export(self.draft, self.sa.error_text(exc))
            return False
        return True

    @property
    def open_draft(self) -> Draft | None:
        """The draft whose results are shown, until it is saved."""
        return None if self.saved else self.draft

    def leave(self) -> bool:
        """Keep the unsaved result as a draft and release its lock."""
        if not self.keep_draft():
            return False  # stay: leaving would drop the only copy of the chosen actions
        if not self.saved and self.draft is not None and self.sa.store is not None:
            self.sa.store.close_draft(self.draft.id)
        return True

    def action_home(self) -> None:
        """Back home; an unsaved result stays a draft that opens here again."""
        if not self.leave():
            return
        if not self.saved:
            self.sa.notify(self.t("notify.draft-kept"))
        self.app.pop_screen()
