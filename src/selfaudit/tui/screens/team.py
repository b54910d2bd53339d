"""The team view of one set and one round: for a conversation, never a ranking."""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from selfaudit.core.keys import team_key
from selfaudit.core.model import QuestionSet
from selfaudit.core.rounds import Round, cadence_of_setting
from selfaudit.core.team import DEFAULT_K, team_round
from selfaudit.core.text import visible
from selfaudit.store import StoreError
from selfaudit.tui.screens.base import BaseScreen
from selfaudit.tui.widgets.title_header import TitleHeader
from selfaudit.tui.widgets.view_table import ViewTable
from selfaudit.views.team import TeamView, team_view


class TeamScreen(BaseScreen):
    """The view layer's :class:`TeamView` of the settings' team, drawn; ← and → go to the
    round before or after. Nothing is computed here, and no person's answers are shown."""

    HELP_TOPIC = "team"
    BINDINGS = [
        Binding("left", "round(-1)", "Round", key_display="←", priority=True),
        Binding("right", "round(1)", "Round", key_display="→", priority=True),
        Binding("escape", "back", "Back", priority=True),
    ]

    @dataclass
    class Loaded(Message):
        """The team's round, read and built off the UI thread."""

        view: TeamView | None
        rounds: list[Round]
        shown: Round | None
        error: str

    def __init__(self, qset: QuestionSet, team: str) -> None:
        super().__init__()
        self.qset = qset
        self.team = team
        self.view: TeamView | None = None
        self.rounds: list[Round] = []
        """The rounds of the team's cadence with sessions of this set, oldest first."""
        self.shown: Round | None = None
        self.loaded = False

    @property
    def ready_for_keys(self) -> bool:
        """Keys wait until the view is shown (see :mod:`selfaudit.tui.key_order`)."""
        return self.loaded

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        with VerticalScroll(id="team-box"):
            view = self.view
            if view is None:
                text = self.t("history.loading") if not self.loaded else self._no_sessions()
                yield Static(text, classes="muted", markup=False)
            else:
                yield Static(view.title, classes="title", markup=False)
                yield Static(view.respondents.text, classes="headline", markup=False)
                if view.participation is not None:
                    yield Static(view.participation.text, markup=False)
                if view.hidden:
                    yield Static(view.hidden, classes="warning", markup=False)
                yield from self._tables(view)
                for note in view.notes:
                    yield Static(note, classes="muted", markup=False)
        yield Footer(compact=True)

    def _no_sessions(self) -> str:
        title = self.qset.t(self.qset.title, self.lang)
        return self.t("team.none", team=visible(self.team), title=title)

    def _tables(self, view: TeamView) -> ComposeResult:
        for table in (view.scores, view.figures):
            if table.rows:
                yield Static(table.title, classes="section", markup=False)
                yield ViewTable(table)
        if view.enps is not None:
            yield Static(view.enps.text, markup=False)
        if view.levels is not None and view.levels.rows:
            yield Static(view.levels.title, classes="section", markup=False)
            yield ViewTable(view.levels)
            yield Static(view.levels_note, classes="muted", markup=False)
        if view.talking_points.rows:
            yield Static(view.talking_points.title, classes="section", markup=False)
            yield ViewTable(view.talking_points)
        for table in view.items:
            if table.rows:
                yield Static(table.title, classes="section", markup=False)
                yield ViewTable(table)

    def on_mount(self) -> None:
        super().on_mount()
        self.load(None)

    async def on_team_screen_loaded(self, message: Loaded) -> None:
        """Show what was read; the keys typed meanwhile then act on it."""
        if message.error:
            self.sa.notify(message.error, severity="error", markup=False)
        self.view, self.rounds, self.shown = message.view, message.rounds, message.shown
        self.loaded = True
        await self.recompose()
        self.sa.keys_may_flow(self)

    @work(thread=True, exclusive=True, group="team-load")
    def load(self, chosen: Round | None) -> None:
        """Read the team's sessions of this set (one per person per round) and build the view
        of ``chosen``, or of the latest round, in a thread."""
        store, qset, settings = self.sa.store, self.qset, self.sa.settings
        view, rounds, shown, error = None, [], None, ""
        if store is not None:
            try:
                # One cadence for every team view of this install: two would let views be
                # subtracted (see docs/team-view.md).
                cadence = cadence_of_setting(settings.cadence)
                by_round = store.latest_per_round(qset.id, team=self.team, cadence=cadence)
                rounds = sorted(by_round)
                if rounds:
                    shown = chosen if chosen in by_round else rounds[-1]
                    responses = store.responses(qset, by_round[shown])
                    found = team_round(
                        responses, qset, team_key=team_key(self.team), in_round=shown, k=DEFAULT_K
                    )
                    view = team_view(found, qset, self.lang, settings.currency)
            except StoreError as exc:
                error = self.sa.error_text(exc)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(view, rounds, shown, error))

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
            self.loaded = False
            self.load(self.rounds[index])

    def action_back(self) -> None:
        """Back to where the team view was opened."""
        self.app.pop_screen()
