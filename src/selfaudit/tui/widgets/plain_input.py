"""A text field that never holds a character the terminal would obey or hide."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message
from textual.widgets import Input

from selfaudit.core.text import hidden_character


class PlainInput(Input):
    """An :class:`Input` that refuses typed or pasted text with a control character in it.

    Textual draws a field's value to the terminal as it is, so a pasted escape sequence would be
    obeyed (the window title set, the screen cleared). Such text is refused whole: the field
    rings the bell and posts :class:`Refused`, so the screen can say why.
    """

    @dataclass
    class Refused(Message):
        """Text was refused because of ``character``."""

        input: PlainInput
        character: str

    def replace(self, text: str, start: int, end: int) -> None:
        """Put ``text`` in place of ``start``..``end``, unless it holds a control character."""
        hidden = hidden_character(text)
        if hidden is None:
            super().replace(text, start, end)
            return
        self.restricted()
        self.post_message(self.Refused(self, hidden))
