"""The gap view of the settings' team in one round: how it rates its own service beside how
its internal customers rate it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from selfaudit.core.gap import team_gap
from selfaudit.core.keys import team_key
from selfaudit.core.rounds import Round
from selfaudit.store import Store
from selfaudit.tui.screens.round_view import RoundViewScreen
from selfaudit.tui.widgets.view_table import ViewTable
from selfaudit.views.gap import GapView, gap_view


class GapScreen(RoundViewScreen[GapView]):
    """The view layer's :class:`GapView`, drawn; ← and → go to the round before or after.
    Nothing is computed here, and no person's answers are shown."""

    HELP_TOPIC = "gap"
    NONE_KEY = "gap.none"
    BOX_ID = "gap-box"

    def body(self, view: GapView) -> ComposeResult:
        """The round's counts, then its figures (or why they are hidden)."""
        yield Static(view.title, classes="title", markup=False)
        yield Static(view.own.text, classes="headline", markup=False)
        yield Static(view.customers.text, classes="headline", markup=False)
        for line in view.hidden:
            yield Static(line, classes="warning", markup=False)
        for table in (view.dimensions, view.items):
            if table.rows:
                yield Static(table.title, classes="section", markup=False)
                yield ViewTable(table)
            if table is view.dimensions:
                for line in view.advice:
                    yield Static(line, classes="advice", markup=False)
        for note in view.notes:
            yield Static(note, classes="muted", markup=False)

    def build(self, store: Store) -> tuple[GapView | None, list[Round], Round | None]:
        """Read the sessions of the team and of those who rate it (one per person per round
        and side) and build the view of the wanted round, or of the latest."""
        by_round = store.gap_rounds(self.qset.id, self.team, self.cadence)
        rounds, shown = self.pick_round(by_round)
        if shown is None:
            return None, rounds, None
        responses = store.responses(self.qset, by_round[shown])
        found = team_gap(
            responses,
            self.qset,
            team_key=team_key(self.team),
            in_round=shown,
            k=self.sa.settings.team_k,
        )
        return gap_view(found, self.qset, self.lang), rounds, shown

    def show(self, built: tuple[GapView | None, list[Round], Round | None]) -> None:
        """Keep the round's view, the rounds there are and which one is shown."""
        self.view, self.rounds, self.shown = built
