"""A modal dialog to write or change the note on one question."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from selfaudit.i18n import t
from selfaudit.tui.translate import translate_bindings

MAX_NOTE = 2000


class NoteScreen(ModalScreen[str | None]):
    """Dismisses with the note text (empty removes it), or ``None`` when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, question: str, note: str, lang: str) -> None:
        super().__init__()
        self.question = question
        self.note = note
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(t(self.lang, "note.title"), classes="dialog-title")
            yield Static(self.question, id="note-question", markup=False)
            yield Input(
                self.note,
                placeholder=t(self.lang, "note.placeholder"),
                max_length=MAX_NOTE,
                id="note-input",
            )
            with Horizontal(id="dialog-buttons"):
                yield Button(t(self.lang, "note.save"), id="yes", variant="primary")
                yield Button(t(self.lang, "confirm.cancel"), id="no")

    def on_mount(self) -> None:
        translate_bindings(self, self.lang)
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "yes":
            self.dismiss(self.query_one(Input).value.strip())
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        """Close without changing the note."""
        self.dismiss(None)
