"""A set's introduction: what it asks, how long it takes, and the button to start."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Footer, Static

from selfaudit.core.followups import followups_for
from selfaudit.core.model import QuestionSet
from selfaudit.store import StoreError
from selfaudit.tui.screens.base import BaseScreen
from selfaudit.tui.screens.question import QuestionScreen
from selfaudit.tui.widgets.title_header import TitleHeader


class IntroScreen(BaseScreen):
    """Enter starts the set (a draft is saved at once); Escape goes back home."""

    HELP_TOPIC = "intro"
    BINDINGS = [
        Binding("escape", "home", "Home", priority=True),
        Binding("left,right", "app.focus_next", show=False, priority=True),
        # Enter acts at once, in key order: an Enter typed ahead is for the first question.
        Binding("enter", "press", show=False, priority=True),
    ]

    def __init__(self, qset: QuestionSet, unfinished: str | None = None) -> None:
        super().__init__()
        self.qset = qset
        self.unfinished = unfinished
        """A draft of this set left half-way, offered before a new start."""

    def compose(self) -> ComposeResult:
        q = self.qset
        yield TitleHeader()
        with VerticalScroll(id="intro-box"):
            yield Static(q.t(q.title, self.lang), classes="title", markup=False)
            yield Static(q.t(q.intro, self.lang), id="intro-text", markup=False)
            facts = self.t("intro.items", count=len(q.items))
            if q.minutes:
                facts += " · " + self.t("intro.minutes", count=q.minutes)
            yield Static(facts, classes="muted", markup=False)
            yield Static(self.t("intro.private"), classes="muted", markup=False)
            if self.unfinished:
                yield Static(self.t("intro.unfinished"), classes="warning", markup=False)
                with Horizontal(id="intro-buttons"):
                    yield Button(self.t("intro.continue"), id="continue", variant="primary")
                    yield Button(self.t("intro.start-new"), id="start")
            else:
                yield Button(self.t("intro.start"), id="start", variant="primary")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#continue" if self.unfinished else "#start", Button).focus()

    def after_recompose(self) -> None:
        self.on_mount()

    def action_press(self) -> None:
        """Enter: what the focused button does."""
        if getattr(self.focused, "id", None) == "continue":
            self._continue()
        else:
            self._start()

    @on(Button.Pressed, "#continue")
    def _continue(self) -> None:
        if self.unfinished and self.is_current:
            self.app.pop_screen()
            self.sa.resume(self.unfinished)

    @on(Button.Pressed, "#start")
    def _start(self) -> None:
        if not self.is_current:  # pressed once already; this press came after it
            return
        store = self.sa.store
        if store is None:
            return
        s = self.sa.settings
        who = (s.team.strip(), self.sa.respondent(), self.lang)  # team, name, language
        followups = followups_for(self._planned_last_time())
        try:
            draft = store.new_draft(self.qset, *who, followups=followups)
        except StoreError as exc:
            # Nothing can be saved here: answer in memory, with a copy offered at once.
            draft = store.draft_in_memory(self.qset, *who, followups=followups)
            self.app.switch_screen(
                QuestionScreen(self.qset, draft, unsaved=self.sa.error_text(exc))
            )
            return
        if draft.followups:
            from selfaudit.tui.screens.follow_up import FollowUpScreen

            self.app.switch_screen(FollowUpScreen(self.qset, draft))
            return
        self.app.switch_screen(QuestionScreen(self.qset, draft))

    def _planned_last_time(self) -> list[str]:
        """The action items of my previous session of this set (none if it cannot be read)."""
        store = self.sa.store
        if store is None:
            return []
        try:
            return store.previous_actions(self.qset.id, store.pseudonym())
        except StoreError:
            return []

    def action_home(self) -> None:
        """Back to the home screen."""
        self.app.pop_screen()
