"""A yes/no question as a modal dialog that returns the answer."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from selfaudit.tui.translate import translate_bindings


class ConfirmScreen(ModalScreen[bool]):
    """Ask before something that cannot be undone; dismisses with ``True`` to go ahead."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", priority=True),
        Binding("left,right", "app.focus_next", show=False, priority=True),
        # Enter answers at once, in key order: a second Enter typed ahead never answers twice.
        Binding("enter", "press", show=False, priority=True),
    ]

    def __init__(self, question: str, yes: str, *, danger: bool = False) -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.danger = danger

    def compose(self) -> ComposeResult:
        lang = getattr(self.app, "lang", "en")
        from selfaudit.i18n import t

        with Vertical(id="dialog"):
            yield Static(self.question, id="dialog-text", markup=False)
            with Horizontal(id="dialog-buttons"):
                yield Button(self.yes, id="yes", variant="error" if self.danger else "primary")
                yield Button(t(lang, "confirm.cancel"), id="no")

    def on_mount(self) -> None:
        translate_bindings(self, getattr(self.app, "lang", "en"))
        self.query_one("#no" if self.danger else "#yes", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self._answer(event.button.id == "yes")

    def action_press(self) -> None:
        """Enter: the focused button's answer."""
        self._answer(getattr(self.focused, "id", None) == "yes")

    def action_cancel(self) -> None:
        """Answer no."""
        self._answer(False)

    def _answer(self, yes: bool) -> None:
        if self.is_current:  # answered once; a click or key after that is not for this dialog
            self.dismiss(yes)
