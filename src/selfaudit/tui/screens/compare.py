"""Two or more saved sessions of one set side by side, largest differences first."""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from selfaudit.core.compare import compare_sessions
from selfaudit.core.model import QuestionSet
from selfaudit.store import StoreError
from selfaudit.tui.screens.base import BaseScreen
from selfaudit.tui.widgets.title_header import TitleHeader
from selfaudit.tui.widgets.view_table import ViewTable
from selfaudit.views.compare import CompareView, compare_view


class CompareScreen(BaseScreen):
    """The view layer's :class:`CompareView` of some sessions, drawn; nothing computed here."""

    HELP_TOPIC = "compare"
    BINDINGS = [Binding("escape", "back", "Back", priority=True)]

    @dataclass
    class Loaded(Message):
        """The comparison, read and built off the UI thread."""

        view: CompareView | None
        error: str

    def __init__(self, qset: QuestionSet, session_ids: list[str]) -> None:
        super().__init__()
        self.qset = qset
        self.session_ids = session_ids
        self.view: CompareView | None = None
        self.loaded = False

    @property
    def ready_for_keys(self) -> bool:
        """Keys wait until the comparison is shown (see :mod:`selfaudit.tui.key_order`)."""
        return self.loaded

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        with VerticalScroll(id="compare-box"):
            view = self.view
            if view is None:
                yield Static(self.t("history.loading"), classes="muted", markup=False)
            else:
                yield Static(view.title, classes="title", markup=False)
                if view.hidden:
                    yield Static(view.hidden, classes="warning", markup=False)
                for table in (view.dimensions, view.figures, view.items):
                    if table.rows:
                        yield Static(table.title, classes="section", markup=False)
                        yield ViewTable(table)
                for note in view.notes:
                    yield Static(note, classes="muted", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.load()

    async def on_compare_screen_loaded(self, message: Loaded) -> None:
        """Show what was read; the keys typed meanwhile then act on it."""
        if message.error:
            self.sa.notify(message.error, severity="error", markup=False)
        self.view, self.loaded = message.view, True
        await self.recompose()
        self.sa.keys_may_flow(self)

    @work(thread=True, exclusive=True, group="compare-load")
    def load(self) -> None:
        """Read the sessions and build the comparison, in a thread."""
        store, qset = self.sa.store, self.qset
        view, error = None, ""
        if store is not None:
            try:
                responses = [store.response(i, qset) for i in self.session_ids]
                comparison = compare_sessions(responses, qset)
                view = compare_view(comparison, qset, self.lang, self.sa.settings.currency)
            except StoreError as exc:
                error = self.sa.error_text(exc)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(view, error))

    def action_back(self) -> None:
        """Back to History."""
        self.app.pop_screen()
