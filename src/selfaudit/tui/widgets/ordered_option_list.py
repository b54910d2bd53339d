"""An option list whose keys act in the order typed, on the screen they were typed for."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import OptionList

from selfaudit.tui.settle import until_handled


class OrderedOptionList(OptionList):
    """An :class:`OptionList` whose Enter is acted on before the next key is looked at.

    Textual runs a list's keys once they have travelled through the list's message queue, and
    tells the screen about a choice in a message of its own. Keys typed faster than that
    (Enter Enter, or Down Enter sent at once) then act out of order: the second Enter picks
    again on a screen that is already being left. Here the list's keys are priority bindings,
    run by the app one after the other as they arrive, and Enter waits until the screen has
    handled the choice (and opened what it opens) before the app reads the next key.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(b.key, b.action, b.description, show=False, priority=True)
        for b in OptionList.BINDINGS
        if isinstance(b, Binding)
    ]

    async def action_select(self) -> None:  # type: ignore[override]  # Textual awaits either
        """Select the highlighted option and wait until the screen has handled it."""
        super().action_select()
        await until_handled(self)
