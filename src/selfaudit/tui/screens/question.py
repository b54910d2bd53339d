"""Answering: one question at a time, every answer saved through the store at once."""

from __future__ import annotations

import asyncio
import functools
import time

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Input, OptionList, ProgressBar, Static

from selfaudit.core.answers import TEAM_LENGTH, Answer, check_answer
from selfaudit.core.model import Item, Kind, QuestionSet
from selfaudit.core.text import visible
from selfaudit.i18n import fmt_plain
from selfaudit.store import Draft
from selfaudit.tui.key_order import one_at_a_time
from selfaudit.tui.screens.base import BaseScreen
from selfaudit.tui.screens.note import NoteScreen
from selfaudit.tui.screens.results import ResultsScreen
from selfaudit.tui.settle import drained
from selfaudit.tui.widgets.choice_list import ChoiceList, choices_for
from selfaudit.tui.widgets.number_field import NumberField
from selfaudit.tui.widgets.ordered_input import OrderedInput
from selfaudit.tui.widgets.title_header import TitleHeader

#: Seconds within which "1" then "0" picks 10 on a 0-10 question (generous: a hesitant 10
#: must not become a 0; typing "0" for zero right after a "1" is rare).
TEN_WINDOW = 3.0
#: The kinds answered by typing into a field rather than by picking an option.
TYPED = (Kind.NUMBER, Kind.TEXT, Kind.TEAM)


class QuestionScreen(BaseScreen):
    """Shows the question at ``draft.position``; the draft is saved after every change."""

    HELP_TOPIC = "question"
    # Every key of this screen is a priority binding: it runs in the app's key loop, one key
    # after the other, and a key that moves on has finished building the next question before
    # the next key is looked at. Left to the widgets, Enter would be handled a moment later in
    # a message, and keys typed in between would land on the question that was being left.
    BINDINGS = [
        Binding("b", "back", "Back", priority=True),
        Binding("pageup", "page_back", "Back", show=False, priority=True),
        Binding("s", "skip", "Skip", priority=True),
        Binding("pagedown", "page_skip", "Skip", show=False, priority=True),
        # F2 and F3 work on every question, also while typing in a field, so the footer
        # teaches keys that always work; "w" and "n" are shortcuts where no field has focus.
        Binding("f2", "why", "Why?", priority=True),
        Binding("f3", "note", "Note", priority=True),
        Binding("w", "why_letter", show=False, priority=True),
        Binding("n", "note_letter", show=False, priority=True),
        Binding("escape", "home", "Home", priority=True),
        Binding("enter", "confirm", show=False, priority=True),
        Binding("up", "move(-1)", show=False, priority=True),
        Binding("down", "move(1)", show=False, priority=True),
        Binding("home", "move(-99)", show=False, priority=True),
        Binding("end", "move(99)", show=False, priority=True),
        *[Binding(str(d), f"digit({d})", show=False, priority=True) for d in range(10)],
    ]

    def __init__(self, qset: QuestionSet, draft: Draft, *, unsaved: str = "") -> None:
        super().__init__()
        self.unsaved = unsaved
        """Why the draft could not be saved when it began (a copy is offered at once)."""
        self.qset = qset
        self.draft = draft
        self.draft.position = max(0, min(draft.position, len(qset.items) - 1))
        self.why_open = False
        """Whether the "why we ask" text is shown."""
        self.typed: str | None = None
        """Text typed in a field but not yet confirmed (kept across a language switch)."""
        self._last_digit: tuple[int, float] | None = None
        self.turn = asyncio.Lock()
        """Held while a key or a click is being handled (see :func:`one_at_a_time`)."""

    @property
    def item(self) -> Item:
        """The question on screen."""
        return self.qset.items[self.draft.position]

    # -- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        q, item, lang = self.qset, self.item, self.lang
        total = len(q.items)
        yield TitleHeader()
        with Horizontal(id="progress-row"):
            dimension = q.dimension(item.dimension)
            where = self.t("question.of", n=self.draft.position + 1, total=total)
            if item.id in self.draft.skipped:
                where += f" · {self.t('question.skipped-before')}"
            if dimension is not None:
                where += f" · {q.t(dimension.title, lang)}"
            elif item.side is not None:
                where += f" · {self.t('question.side.' + item.side.value)}"
            yield Static(where, id="where", markup=False)
            yield ProgressBar(total=total, show_eta=False, id="progress")
        with VerticalScroll(id="question-box"):
            yield Static(q.t(item.text, lang), id="question-text", markup=False)
            yield Static(self._why_text(), id="why", markup=False, classes="why")
            yield from self._answer_widget()
            yield Static(self._hint(), id="hint", markup=False, classes="muted")
            yield Static(self._note_line(), id="note-line", markup=False, classes="muted")
        yield Footer(compact=True)

    def _why_text(self) -> str:
        item, q = self.item, self.qset
        text = self.t("question.why") + " " + q.t(item.why, self.lang)
        source = q.source(item.source) if item.source else None
        if source is not None:
            text += f"\n({q.cite(source, self.lang)})"
        return text

    def _answer_widget(self) -> ComposeResult:
        item = self.item
        current = self.draft.answers.get(item.id)
        if item.kind in TYPED:
            if self.typed is not None:
                value = self.typed
            elif current is None:
                value = ""
            elif isinstance(current, float | int) and not isinstance(current, bool):
                value = fmt_plain(float(current), self.lang)
            else:
                value = visible(str(current))  # a text from a file, shown as typed
            if item.kind is Kind.NUMBER:
                yield NumberField(self.qset, item, value, self.lang, self.sa.settings.currency)
            else:
                team = item.kind is Kind.TEAM
                yield OrderedInput(
                    value,
                    placeholder=self.t(
                        "answer.team-placeholder" if team else "answer.text-placeholder"
                    ),
                    max_length=TEAM_LENGTH if team else item.max_length,
                    id="answer-input",
                )
                yield Static("", id="answer-error", classes="error", markup=False)
            return
        yield ChoiceList(choices_for(self.qset, item, self.lang), current, id="choices")

    def _hint(self) -> str:
        kind = self.item.kind
        key = {
            Kind.LIKERT5: "hint.likert",
            Kind.SCALE10: "hint.scale10",
            Kind.YESNO: "hint.yesno",
            Kind.CHOICE: "hint.choice",
            Kind.NUMBER: "hint.number-whole" if self.item.integer else "hint.number",
            Kind.TEXT: "hint.text",
            Kind.TEAM: "hint.team",
        }[kind]
        hint = self.t(key)
        if self.item.required:
            hint += " " + self.t("hint.required")
        elif self.item.default is not None:
            hint += " " + self.t("hint.empty-default")
        elif kind in TYPED:
            hint += " " + self.t("hint.empty")
        if kind in TYPED:
            return hint + " " + self.t("hint.input-nav")
        return hint + " " + self.t("hint.skip")

    def _note_line(self) -> str:
        note = self.draft.notes.get(self.item.id, "")
        return self.t("question.note", note=visible(note, line_breaks=True)) if note else ""

    def on_mount(self) -> None:
        self._after_show()
        if self.unsaved:
            self.offer_export(self.draft, self.unsaved)

    def after_recompose(self) -> None:
        self._after_show()

    def _after_show(self) -> None:
        self.typed = None
        self.query_one("#progress", ProgressBar).update(progress=self._answered_count())
        self.query_one("#why").display = self.why_open
        if self.item.kind in TYPED:
            # Focus at once (Widget.focus waits its turn in the app's queue, behind keys that
            # were typed for this question and must reach its field).
            self.set_focus(self.query_one("#answer-input", Input))
        else:
            choices = self.query_one("#choices", ChoiceList)
            # Nothing is highlighted until the user moves or types a digit: a stray Enter
            # must never answer a question.
            choices.highlighted = choices.index_of(self.draft.answers.get(self.item.id))
            self.set_focus(choices)
        self.refresh_bindings()

    def _answered_count(self) -> int:
        done = set(self.draft.answers) | set(self.draft.skipped)
        return sum(1 for i in self.qset.items if i.id in done)

    def remember_state(self) -> None:
        if self.item.kind in TYPED:
            self.typed = self.query_one("#answer-input", Input).value

    async def show_position(self, position: int) -> None:
        """Move to another question (saved), or to the results after the last one."""
        if position >= len(self.qset.items):
            previous, self.draft.position = self.draft.position, len(self.qset.items)
            if not self.save():
                self.draft.position = previous  # stay here with the answers; export is offered
                return
            await self.app.switch_screen(ResultsScreen(self.qset, draft=self.draft))
            return
        self.draft.position = max(0, position)
        self.save()
        self.typed = None
        await self.recompose()
        # Not when the app closed meanwhile: nothing is left to show.
        if self.is_attached and self.query("#progress"):
            self._after_show()

    # -- saving ---------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save the draft (see :meth:`BaseScreen.save_draft`)."""
        return self.save_draft(self.draft)

    def record(self, value: Answer, *, save: bool = True) -> None:
        """Keep one answer; saved at once unless the caller saves right after (moving on)."""
        item = self.item
        self.draft.answers[item.id] = value
        if item.id in self.draft.skipped:
            self.draft.skipped.remove(item.id)
        if save:
            self.save()
        self.query_one("#progress", ProgressBar).update(progress=self._answered_count())

    # -- answering ------------------------------------------------------------------------------

    @one_at_a_time
    async def action_confirm(self) -> None:
        """Enter: confirm the typed value, or the highlighted option, and go on."""
        if self._typing():
            field = self.query_one("#answer-input", Input)
            # Characters typed before this Enter may still be in the field's queue: let it
            # take them first, so what is confirmed is what was typed.
            await drained(field)
            await self._confirm_typed(field)
            return
        choices = self._choices()
        if choices is None or choices.highlighted is None:
            return  # nothing highlighted yet: a stray Enter never answers a question
        await self._choose(choices.choices[choices.highlighted].value)

    @on(OptionList.OptionSelected, "#choices")
    @one_at_a_time
    async def _clicked(self, event: OptionList.OptionSelected) -> None:
        """A click on an option (keys are handled by :meth:`action_confirm`)."""
        event.stop()
        choices = self._choices()
        # A click made on the previous question's list never answers this one.
        if choices is None or event.option_list is not choices or not self.is_current:
            return
        await self._choose(choices.choices[event.option_index].value)

    async def _choose(self, value: Answer) -> None:
        self.record(value, save=False)  # show_position saves answer and position at once
        choices = self._choices()
        if choices is not None:
            choices.set_chosen(value)
        await self.show_position(self.draft.position + 1)

    async def _confirm_typed(self, field: Input) -> None:
        item = self.item
        error = self.query_one("#answer-error", Static)
        text = field.value
        result = field.validate(text)
        if result is not None and not result.is_valid:
            error.update(" ".join(result.failure_descriptions))
            return
        if not text.strip():
            if item.required:
                error.update(self.t("answer.required"))
                return
            # An emptied field clears the answer (a number then uses its default); PgDn and
            # "s" go on without touching it.
            self.draft.answers.pop(item.id, None)
            if item.id not in self.draft.skipped:
                self.draft.skipped.append(item.id)
            await self.show_position(self.draft.position + 1)
            return
        try:
            value = check_answer(item, text if item.kind is Kind.TEXT else text.strip())
        except ValueError:
            limit = TEAM_LENGTH if item.kind is Kind.TEAM else item.max_length
            error.update(self.t("answer.bad-text", count=limit))
            return
        error.update("")
        self.record(value, save=False)  # show_position saves answer and position at once
        await self.show_position(self.draft.position + 1)

    def _choices(self) -> ChoiceList | None:
        """The option list of the question on screen (none on a text or number question)."""
        return next(iter(self.query("#choices").results(ChoiceList)), None)

    @one_at_a_time
    def action_move(self, step: int) -> None:
        """Move the highlight by ``step`` options (clamped to the first and the last)."""
        choices = self._choices()
        if choices is None or not choices.choices:
            return
        if choices.highlighted is None:
            target = 0 if step > 0 else len(choices.choices) - 1
        else:
            target = max(0, min(len(choices.choices) - 1, choices.highlighted + step))
        choices.highlighted = target

    @one_at_a_time
    def action_digit(self, digit: int) -> None:
        """Pick an option by its number (1 then 0 quickly gives 10 on a 0-10 question)."""
        choices = self._choices()
        if choices is None:
            return
        now = time.monotonic()
        value: Answer | None = None
        if self.item.kind is Kind.SCALE10:
            last = self._last_digit
            ten = digit == 0 and last is not None and last[0] == 1 and now - last[1] < TEN_WINDOW
            value = 10 if ten else digit
        else:
            keyed = [c for c in choices.choices if c.key == str(digit)]
            value = keyed[0].value if keyed else None
        self._last_digit = (digit, now)
        if value is None:
            self.app.bell()
            return
        self.record(value)
        choices.set_chosen(value)

    # -- navigation -----------------------------------------------------------------------------

    def _typing(self) -> bool:
        return isinstance(self.focused, Input)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Letter keys belong to the text field while it has focus; PgUp/PgDn still work.
        letters = ("back", "skip", "note_letter", "why_letter", "digit", "move")
        if action in letters and self._typing():
            return False
        if action == "back" and self.draft.position == 0:
            return None
        if action == "skip" and self.item.required:
            return None if self.item.id not in self.draft.answers else True
        return True  # PgDn on a required question without an answer says it needs one

    @one_at_a_time
    async def action_page_back(self) -> None:
        """Page Up: back, also while typing in a field."""
        await self._back()

    @one_at_a_time
    async def action_page_skip(self) -> None:
        """Page Down: skip, also while typing in a field."""
        await self._skip()

    @one_at_a_time
    async def action_back(self) -> None:
        """The previous question."""
        await self._back()

    @one_at_a_time
    async def action_skip(self) -> None:
        """Go on; an unanswered question is skipped (never counted as zero)."""
        await self._skip()

    async def _back(self) -> None:
        if self.draft.position > 0:
            await self.show_position(self.draft.position - 1)

    async def _skip(self) -> None:
        """Go on; an answer given earlier is kept.

        Paging forward through answered questions to review them must not erase them.
        """
        item = self.item
        if item.id not in self.draft.answers:
            if item.required:
                self.sa.notify(self.t("answer.required"), severity="warning")
                return
            if item.id not in self.draft.skipped:
                self.draft.skipped.append(item.id)
        await self.show_position(self.draft.position + 1)

    async def action_why_letter(self) -> None:
        """``w``: why we ask (F2 does the same, also while typing)."""
        await self.action_why()

    def action_note_letter(self) -> None:
        """``n``: a note (F3 does the same, also while typing)."""
        self.action_note()

    @one_at_a_time
    def action_why(self) -> None:
        """Show or hide why we ask this question."""
        self.why_open = not self.why_open
        self.query_one("#why").display = self.why_open

    def action_note(self) -> None:
        """Write a note on this question (saved with the answers).

        The dialog is pushed at once, so the keys typed right after ``n`` go into it.
        """
        item = self.item
        dialog = NoteScreen(
            self.qset.t(item.text, self.lang), self.draft.notes.get(item.id, ""), self.lang
        )
        self.app.push_screen(dialog, callback=functools.partial(self._noted, item))

    def _noted(self, item: Item, note: str | None) -> None:
        if note is None:
            return
        if note:
            self.draft.notes[item.id] = note
        else:
            self.draft.notes.pop(item.id, None)
        self.save()
        if item is self.item:
            self.query_one("#note-line", Static).update(self._note_line())

    @property
    def open_draft(self) -> Draft | None:
        """The draft being answered."""
        return self.draft

    def keep_draft(self) -> bool:
        """Every answer is saved as it is given; after a failed save, try once more."""
        return self.save()

    def leave(self) -> bool:
        """Save the draft and release its lock; ``False`` (and an export offer) if saving failed."""
        self.remember_state()
        return self.save_and_release(self.draft)

    @one_at_a_time
    def action_home(self) -> None:
        """Back to the home screen; the draft stays saved and can be resumed."""
        if not self.leave():
            return  # stay with the answers in memory; the export dialog is open
        self.sa.notify(self.t("notify.draft-kept"))
        self.app.pop_screen()
