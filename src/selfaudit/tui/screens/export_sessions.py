"""The export screen: every session in the store, written as ``selfaudit export --all`` writes
it, to a path typed. The format follows the name: ``.html`` and ``.md`` a report, ``.csv``,
``.json``, anything else a folder of TOML files to import. The first Enter shows exactly which
sessions and fields would leave this machine; the second Enter, with the same path, writes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Footer, Input, ProgressBar, Static

from selfaudit.core.text import visible
from selfaudit.store import StoreError
from selfaudit.store.shareable import shared_fields
from selfaudit.tui.screens.base import BaseScreen
from selfaudit.tui.settle import drained
from selfaudit.tui.widgets.title_header import TitleHeader

#: The format of each file name ending; any other name is a folder of TOML files.
FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".csv": "csv", ".json": "json"}


def format_of(path: Path) -> str:
    """The export format a path asks for by its name."""
    return FORMATS.get(path.suffix.lower(), "toml")


class ExportSessionsScreen(BaseScreen):
    """A path typed; Enter shows what would leave, Enter again writes; Esc goes back."""

    HELP_TOPIC = "home"
    BINDINGS = [
        Binding("escape", "back", "Back", priority=True),
        Binding("enter", "export", "Export", priority=True, key_display="⏎"),
    ]

    @dataclass
    class Done(Message):
        """What the preview or the export found, and for which path."""

        path: str
        lines: list[str]
        written: bool

    def __init__(self) -> None:
        super().__init__()
        self.path = ""
        self.previewed = ""
        """The path whose preview is shown: Enter with it writes."""
        self.lines: list[str] = []
        self.written = False
        self.busy = False

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        yield Static(self.t("export.prompt"), markup=False)
        yield Input(self.path, id="export-path")
        yield ProgressBar(id="export-progress", show_eta=False, total=1)
        yield Static("\n".join(visible(x) for x in self.lines), id="export-status", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#export-path", Input).focus()

    def remember_state(self) -> None:
        self.path = self.query_one("#export-path", Input).value

    async def action_export(self) -> None:
        """Enter: show what would leave for this path, or, shown already, write it."""
        field = self.query_one("#export-path", Input)
        await drained(field)
        text = field.value.strip()
        if self.busy or not text or self.sa.store is None or self.written:
            return
        self.busy = True
        self.run_export(text, write=text == self.previewed)

    @work(thread=True, exclusive=True, group="export-sessions")
    def run_export(self, text: str, write: bool) -> None:
        """Read (and with ``write``, write) in a thread; the result comes back by message."""
        from selfaudit.cli import UserError
        from selfaudit.commands.export import Request, shareable_sessions, write_export

        store = self.sa.store
        assert store is not None
        target = Path(text).expanduser()
        warnings: list[str] = []
        try:
            summaries = store.query()[::-1]
            shared = shareable_sessions(store, summaries, warnings.append) if summaries else []
            if not shared:
                lines = [self.t("export.nothing")]
            elif write:
                request = Request(format_of(target), target, self.sa.settings.team_k)
                lines, _ = write_export(store, shared, request)
            else:
                lines = [self.t("export.preview", path=str(target))]
                lines += [f"{s.session.id}: {', '.join(shared_fields(s.doc))}" for s in shared]
                lines.append(self.t("export.confirm"))
        except UserError as exc:
            lines, write = [str(exc)], False
        except StoreError as exc:
            lines, write = [self.sa.error_text(exc)], False
        self.post_message(self.Done(text, [*warnings, *lines], write))

    def on_export_sessions_screen_done(self, message: Done) -> None:
        """Show the preview, or what was written."""
        self.busy = False
        self.lines, self.written = message.lines, message.written
        self.previewed = message.path if not message.written else ""
        if message.written:
            self.query_one("#export-progress", ProgressBar).update(progress=1)
        self.query_one("#export-status", Static).update("\n".join(visible(x) for x in self.lines))

    def action_back(self) -> None:
        """Back to where the export was opened."""
        self.app.pop_screen()
