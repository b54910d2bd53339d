"""When saving fails: say why in one sentence and offer a copy of the answers in a chosen folder."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from selfaudit.i18n import t
from selfaudit.tui.settle import drained
from selfaudit.tui.translate import translate_bindings
from selfaudit.tui.widgets.ordered_input import OrderedInput


class ExportScreen(ModalScreen[Path | None]):
    """Dismisses with the folder to write a copy to, or ``None`` when the user declines."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", priority=True),
        # Enter acts at once, in key order, on the folder typed before it.
        Binding("enter", "enter", show=False, priority=True),
    ]

    def __init__(self, problem: str, folder: Path, lang: str) -> None:
        super().__init__()
        self.problem = problem
        """The store's sentence about what went wrong."""
        self.folder = folder
        """The folder offered first."""
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.problem, id="dialog-text", markup=False)
            yield Static(t(self.lang, "save.failed"), markup=False)
            yield OrderedInput(str(self.folder), id="export-folder")
            yield Static("", id="export-error", classes="error", markup=False)
            with Horizontal(id="dialog-buttons"):
                yield Button(t(self.lang, "save.export"), id="yes", variant="primary")
                yield Button(t(self.lang, "confirm.cancel"), id="no")

    def on_mount(self) -> None:
        translate_bindings(self, self.lang)
        self.query_one("#export-folder", Input).focus()

    def _choose(self) -> None:
        if not self.is_current:  # chosen once; a click or key after that is not for this dialog
            return
        text = self.query_one("#export-folder", Input).value.strip()
        folder = Path(text).expanduser() if text else None
        if folder is None or not folder.is_dir():
            self.query_one("#export-error", Static).update(t(self.lang, "save.no-folder"))
            return
        self.dismiss(folder)

    async def action_enter(self) -> None:
        """Enter: write the copy, or decline when the Cancel button has focus."""
        await drained(self.query_one("#export-folder", Input))
        if getattr(self.focused, "id", None) == "no":
            self.action_cancel()
        else:
            self._choose()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "yes":
            self._choose()
        else:
            self.action_cancel()

    def action_cancel(self) -> None:
        """Keep the answers in memory only."""
        if self.is_current:
            self.dismiss(None)
