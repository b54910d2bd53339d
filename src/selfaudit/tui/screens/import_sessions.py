"""The import screen: bring in session files or a folder of them, with a progress bar and a
summary, exactly as ``selfaudit import`` does (:mod:`selfaudit.store.imports`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Footer, Input, ProgressBar, Static

from selfaudit.commands.import_sessions import describe, summary
from selfaudit.store.imports import FileResult, Outcome, candidates, import_file
from selfaudit.tui.screens.base import BaseScreen
from selfaudit.tui.settle import drained
from selfaudit.tui.widgets.ordered_input import OrderedInput
from selfaudit.tui.widgets.title_header import TitleHeader


class ImportScreen(BaseScreen):
    """A path typed, Enter imports it; Esc goes back."""

    HELP_TOPIC = "home"
    BINDINGS = [
        Binding("escape", "back", "Back", priority=True),
        Binding("enter", "import", "Import", priority=True, key_display="⏎"),
    ]

    @dataclass
    class Progressed(Message):
        """``done`` of ``total`` files read."""

        done: int
        total: int

    @dataclass
    class Finished(Message):
        """A line per file and the counts."""

        lines: list[str]

    def __init__(self) -> None:
        super().__init__()
        self.path = ""
        self.started = False
        self.lines: list[str] = []
        """What became of each file, then the counts, once done."""

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        yield Static(self.t("import.prompt"), markup=False)
        yield OrderedInput(self.path, id="import-path")
        yield ProgressBar(id="import-progress", show_eta=False)
        yield Static("\n".join(self.lines), id="import-status", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#import-path", Input).focus()

    def remember_state(self) -> None:
        self.path = self.query_one("#import-path", Input).value

    async def action_import(self) -> None:
        """Enter: import what the path names (once)."""
        field = self.query_one("#import-path", Input)
        await drained(field)
        text = field.value.strip()
        if self.started or not text or self.sa.store is None:
            return
        self.started = True
        self.query_one("#import-status", Static).update(self.t("import.running"))
        self.run_import(Path(text).expanduser())

    @work(thread=True, exclusive=True, group="import")
    def run_import(self, path: Path) -> None:
        """Import in a thread; progress and the end come back by message."""
        store = self.sa.store
        assert store is not None
        found = list(candidates([path]))
        counts: Counter[Outcome] = Counter()
        lines = []
        for done, candidate in enumerate(found, 1):
            result = (
                candidate if isinstance(candidate, FileResult) else import_file(store, candidate)
            )
            counts[result.outcome] += 1
            lines.append(describe(result))
            self.post_message(self.Progressed(done, len(found)))
        self.post_message(self.Finished([*lines, summary(counts)]))

    def on_import_screen_progressed(self, message: Progressed) -> None:
        """Move the bar."""
        self.query_one("#import-progress", ProgressBar).update(
            total=message.total, progress=message.done
        )

    def on_import_screen_finished(self, message: Finished) -> None:
        """Show what became of each file and the counts."""
        self.lines = message.lines
        bar = self.query_one("#import-progress", ProgressBar)
        bar.update(total=bar.total or 1, progress=bar.total or 1)
        self.query_one("#import-status", Static).update("\n".join(self.lines))

    def action_back(self) -> None:
        """Back to where the import was opened."""
        self.app.pop_screen()
