"""The team view of one set and one round: for a conversation, never a ranking."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from selfaudit.core.keys import team_key
from selfaudit.core.rounds import Round
from selfaudit.core.team import team_round
from selfaudit.store import Store
from selfaudit.tui.screens.round_view import RoundViewScreen
from selfaudit.tui.widgets.view_table import ViewTable
from selfaudit.views.team import TeamView, team_view


class TeamScreen(RoundViewScreen[TeamView]):
    """The view layer's :class:`TeamView` of the settings' team, drawn; ← and → go to the
    round before or after. Nothing is computed here, and no person's answers are shown."""

    HELP_TOPIC = "team"

    def body(self, view: TeamView) -> ComposeResult:
        """The round's counts, then its figures (or why they are hidden)."""
        yield Static(view.title, classes="title", markup=False)
        yield Static(view.respondents.text, classes="headline", markup=False)
        if view.participation is not None:
            yield Static(view.participation.text, markup=False)
        if view.hidden:
            yield Static(view.hidden, classes="warning", markup=False)
        yield from self._tables(view)
        for note in view.notes:
            yield Static(note, classes="muted", markup=False)

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

    def build(self, store: Store) -> tuple[TeamView | None, list[Round], Round | None]:
        """Read the team's sessions of this set (one per person per round) and build the view
        of the wanted round, or of the latest; with the rounds there are and the one shown."""
        qset, settings = self.qset, self.sa.settings
        by_round = store.latest_per_round(qset.id, team=self.team, cadence=self.cadence)
        rounds, shown = self.pick_round(by_round)
        if shown is None:
            return None, rounds, None
        responses = store.responses(qset, by_round[shown])
        size = settings.team_size if team_key(settings.team) == team_key(self.team) else 0
        found = team_round(
            responses,
            qset,
            team_key=team_key(self.team),
            in_round=shown,
            k=settings.team_k,
            team_size=size or None,
        )
        return team_view(found, qset, self.lang, settings.currency), rounds, shown

    def show(self, built: tuple[TeamView | None, list[Round], Round | None]) -> None:
        """Keep the round's view, the rounds there are and which one is shown."""
        self.view, self.rounds, self.shown = built
