"""A text field that applies every key in the order it was typed."""

from __future__ import annotations

from textual import events

from selfaudit.tui.widgets.plain_input import PlainInput


class OrderedInput(PlainInput):
    """A :class:`PlainInput` that runs its own editing keys where it inserts typed characters.

    Textual inserts a typed character in the field's own message queue, but runs the field's key
    bindings (Backspace, arrows, Enter ...) later, once the key has bubbled up to the app. Keys
    that arrive faster than that (a paste through tmux, a fast typist) then change order:
    ``5``, Backspace, ``3`` leaves ``5`` instead of ``3``, and Enter may submit a value that is
    not what was typed. Here the field's bindings run as each key arrives, so the value, and
    what is submitted, is always what the keys say.
    """

    async def _on_key(self, event: events.Key) -> None:
        if not event.is_printable:
            for binding in self._bindings.key_to_bindings.get(event.key, ()):
                if await self.app.run_action(binding.action, self):
                    event.stop()
                    event.prevent_default()
                    return
        await super()._on_key(event)
