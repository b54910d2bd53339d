"""What the team and gap screens share: one round of the team's cadence at a time, ← and →
to the round before or after."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from selfaudit.core.model import QuestionSet
from selfaudit.core.rounds import Cadence, Round, cadence_of_setting
from selfaudit.core.text import visible
from selfaudit.tui.screens.view_screen import ViewScreen
from selfaudit.tui.widgets.title_header import TitleHeader

ViewT = TypeVar("ViewT")


class RoundViewScreen(ViewScreen, Generic[ViewT]):
    """A view of one set for one team in one round; :meth:`pick_round` chooses the round
    while :meth:`build` reads."""

    NONE_KEY = "team.none"
    """The sentence shown when the store has no session for the view yet."""
    BOX_ID = "team-box"
    """The id of the scrolling box the view is drawn in."""

    BINDINGS = [
        Binding("left", "round(-1)", "Round", key_display="←", priority=True),
        Binding("right", "round(1)", "Round", key_display="→", priority=True),
    ]

    def __init__(self, qset: QuestionSet, team: str) -> None:
        super().__init__()
        self.qset = qset
        self.team = team
        self.view: ViewT | None = None
        """The round's view, once read."""
        self.rounds: list[Round] = []
        """The rounds with sessions, oldest first."""
        self.shown: Round | None = None
        self.wanted: Round | None = None
        """The round to show next (``None``: the latest)."""

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        with VerticalScroll(id=self.BOX_ID):
            if self.view is None:
                text = self.t("history.loading") if not self.loaded else self.no_sessions()
                yield Static(text, classes="muted", markup=False)
            else:
                yield from self.body(self.view)
        yield Footer(compact=True)

    def body(self, view: ViewT) -> ComposeResult:
        """The round's view, drawn (override)."""
        raise NotImplementedError

    def no_sessions(self) -> str:
        """That the store has no session for this view yet, and how they arrive."""
        title = self.qset.t(self.qset.title, self.lang)
        return self.t(self.NONE_KEY, team=visible(self.team), title=title)

    @property
    def cadence(self) -> Cadence:
        """One cadence for every team view of this install: two would let views be
        subtracted (see docs/team-view.md)."""
        return cadence_of_setting(self.sa.settings.cadence)

    def pick_round(self, rounds: Iterable[Round]) -> tuple[list[Round], Round | None]:
        """The rounds there are, oldest first, and the one to show: the wanted one, else the
        latest (``None`` when there are none)."""
        found = sorted(rounds)
        if not found:
            return found, None
        return found, self.wanted if self.wanted in found else found[-1]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "round":
            return len(self.rounds) > 1 or None
        return True

    def action_round(self, step: int) -> None:
        """The round before (-1) or after (1) the one shown, among those with sessions."""
        if self.shown not in self.rounds:
            return
        index = self.rounds.index(self.shown) + step
        if 0 <= index < len(self.rounds):
            self.loaded, self.wanted = False, self.rounds[index]
            self.load()
