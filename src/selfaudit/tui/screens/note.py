"""A modal dialog to write or change the note on one question."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from selfaudit.core.text import visible
from selfaudit.i18n import t
from selfaudit.tui.settle import drained
from selfaudit.tui.translate import translate_bindings
from selfaudit.tui.widgets.ordered_input import OrderedInput

MAX_NOTE = 2000


class NoteScreen(ModalScreen[str | None]):
    """Dismisses with the note text (empty removes it), or ``None`` when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", priority=True),
        # Enter closes at once, in key order, with what was typed before it (not after it).
        Binding("enter", "enter", show=False, priority=True),
    ]

    def __init__(self, question: str, note: str, lang: str) -> None:
        super().__init__()
        self.question = question
        self.note = note
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(t(self.lang, "note.title"), classes="dialog-title")
            yield Static(self.question, id="note-question", markup=False)
            yield OrderedInput(
                visible(self.note),  # a note from a file is shown as typed, never obeyed
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

    async def action_enter(self) -> None:
        """Enter: save the note, or cancel when the Cancel button has focus."""
        field = self.query_one(Input)
        await drained(field)  # the characters typed before this Enter are in the note
        self._close(getattr(self.focused, "id", None) != "no")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self._close(event.button.id == "yes")

    def action_cancel(self) -> None:
        """Close without changing the note."""
        self._close(False)

    def _close(self, save: bool) -> None:
        if self.is_current:  # closed once; a click or key after that is not for this dialog
            self.dismiss(self.query_one(Input).value.strip() if save else None)
