"""Before the questions: how the action items planned last time went."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from selfaudit.core.followups import STATUSES, FollowupStatus
from selfaudit.core.model import QuestionSet
from selfaudit.core.text import visible
from selfaudit.store import Draft
from selfaudit.tui.screens.base import BaseScreen
from selfaudit.tui.widgets.ordered_option_list import OrderedOptionList
from selfaudit.tui.widgets.title_header import TitleHeader


class FollowUpScreen(BaseScreen):
    """ "Last time you planned: …" with done / partly / not yet / dropped per item.

    Each answer is saved with the draft at once; Enter goes on to the questions (an item left
    unanswered stays so). Every key is a priority binding, so keys typed ahead act in order.
    """

    HELP_TOPIC = "followup"
    BINDINGS = [
        *[Binding(str(n), f"mark({n})", show=False, priority=True) for n in range(1, 5)],
        Binding("enter", "next", "Next", priority=True),
        Binding("escape", "home", "Home", priority=True),
    ]

    def __init__(self, qset: QuestionSet, draft: Draft) -> None:
        super().__init__()
        self.qset = qset
        self.draft = draft
        self.cursor = 0
        """The item the next answer is for: kept here, not only in the list, so a key typed
        while the list is still being built acts on the right item."""

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        with VerticalScroll(id="followup-box"):
            yield Static(self.t("followup.title"), classes="title", markup=False)
            yield Static(self.t("followup.hint"), classes="muted", markup=False)
            yield OrderedOptionList(*self._options(), id="followups")
        yield Footer(compact=True)

    def _options(self) -> list[Option]:
        return [Option(self._prompt(i), id=f"f{i}") for i in range(len(self.draft.followups))]

    def _prompt(self, index: int, at_cursor: bool = False) -> Text:
        """The item (``›`` at the cursor), then its four answers with the chosen one marked:
        both in text, so they show without colour."""
        followup = self.draft.followups[index]
        text = Text("› " if at_cursor else "  ", style="bold")
        text.append(visible(followup.action), style="bold")
        text.append("\n   ")
        for n, status in enumerate(STATUSES, start=1):
            chosen = followup.status is status
            text.append(f"{'(●)' if chosen else '( )'} {n} ", style="bold" if chosen else "")
            text.append(self.t(f"followup.{status.value}") + "  ", style="bold" if chosen else "")
        return text

    def on_mount(self) -> None:
        super().on_mount()
        choices = next(iter(self.query("#followups").results(OptionList)), None)
        if choices is None:
            return  # left before it was shown (an Escape typed ahead): nothing to show
        choices.highlighted = self.cursor
        self.set_focus(choices)

    def after_recompose(self) -> None:
        self.on_mount()

    def action_mark(self, number: int) -> None:
        """1 done, 2 partly, 3 not yet, 4 dropped, for the item at the cursor; on to the next."""
        index = self.cursor
        status: FollowupStatus = STATUSES[number - 1]
        self.draft.followups[index] = replace(self.draft.followups[index], status=status)
        self.keep_draft()
        self.cursor = min(index + 1, len(self.draft.followups) - 1)
        self._redraw()

    @on(OptionList.OptionHighlighted, "#followups")
    def _moved(self, event: OptionList.OptionHighlighted) -> None:
        self.cursor = event.option_index
        self._redraw()

    def _redraw(self) -> None:
        """Every item's text, with the cursor mark where it is now (once the list is there)."""
        choices = next(iter(self.query("#followups").results(OptionList)), None)
        if choices is None:
            return  # still being built: on_mount shows the cursor and the answers
        if choices.highlighted != self.cursor:
            choices.highlighted = self.cursor
        for i in range(len(self.draft.followups)):
            choices.replace_option_prompt_at_index(i, self._prompt(i, i == self.cursor))

    def action_next(self) -> None:
        """On to the first question."""
        if not self.keep_draft():
            return  # the copy dialog is open; the answers stay in the window
        from selfaudit.tui.screens.question import QuestionScreen

        self.app.switch_screen(QuestionScreen(self.qset, self.draft))

    def keep_draft(self) -> bool:
        """Save the draft with the answers given here; on failure a copy is offered."""
        return self.save_draft(self.draft)

    @property
    def open_draft(self) -> Draft | None:
        """The draft being started."""
        return self.draft

    def leave(self) -> bool:
        """Save the draft and release its lock (it opens here again)."""
        return self.save_and_release(self.draft)

    def action_home(self) -> None:
        """Back home; the draft waits there."""
        if self.leave():
            self.sa.notify(self.t("notify.draft-kept"))
            self.app.pop_screen()
