"""What the trend, compare and team screens share: read the store in a thread, then draw."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import work
from textual.binding import Binding
from textual.message import Message
from textual.worker import get_current_worker

from selfaudit.store import Store, StoreError
from selfaudit.tui.screens.base import BaseScreen


class ViewScreen(BaseScreen):
    """A screen that shows a view of the view layer, built off the UI thread by :meth:`build`.

    Keys typed before it is shown wait for it (see :mod:`selfaudit.tui.key_order`); Esc goes
    back to where it was opened.
    """

    BINDINGS = [Binding("escape", "back", "Back", priority=True)]

    @dataclass
    class Loaded(Message):
        """What :meth:`build` made, or why it could not."""

        built: Any
        error: str

    def __init__(self) -> None:
        super().__init__()
        self.loaded = False
        """Whether the store has been read for what is shown."""

    @property
    def ready_for_keys(self) -> bool:
        """Keys wait until the view is shown."""
        return self.loaded

    def build(self, store: Store) -> Any:
        """Read the store and build what the screen shows (in a thread; override)."""
        raise NotImplementedError

    def show(self, built: Any) -> None:
        """Keep what :meth:`build` made for :meth:`compose` (override)."""
        raise NotImplementedError

    def on_mount(self) -> None:
        super().on_mount()
        self.load()

    @work(thread=True, exclusive=True, group="view-load")
    def load(self) -> None:
        """Run :meth:`build` in a thread; the result comes back as :class:`Loaded`."""
        built, error = None, ""
        if self.sa.store is not None:
            try:
                built = self.build(self.sa.store)
            except StoreError as exc:
                error = self.sa.error_text(exc)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(built, error))

    async def on_view_screen_loaded(self, message: Loaded) -> None:
        """Show what was read; the keys typed meanwhile then act on it."""
        if message.error:
            self.sa.notify(message.error, severity="error", markup=False)
        if message.built is not None:
            self.show(message.built)
        self.loaded = True
        await self.recompose()
        self.after_recompose()
        self.sa.keys_may_flow(self)

    def action_back(self) -> None:
        """Back to where this screen was opened."""
        self.app.pop_screen()
