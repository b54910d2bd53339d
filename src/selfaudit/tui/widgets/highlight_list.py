"""A list whose highlighted option is the choice: moving is choosing, Enter is the screen's."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from selfaudit.tui.widgets.ordered_option_list import OrderedOptionList


class HighlightList(OrderedOptionList, inherit_bindings=False):
    """An :class:`OrderedOptionList` (its keys act in the order typed) without an Enter of its
    own: the option highlighted is what is chosen, and Enter goes to the screen, whose Enter
    (shown in the footer) acts on every choice on it at once. Only the list's own keys are
    kept (the arrows, Home, End, Page Up and Down); a short list needs no sideways scrolling."""

    BINDINGS: ClassVar[list[BindingType]] = [
        b for b in OrderedOptionList.BINDINGS if isinstance(b, Binding) and b.key != "enter"
    ]
