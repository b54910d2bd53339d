"""Keys typed ahead wait for the screen they were typed for.

Keys can arrive faster than screens change: typed quickly, pasted, or sent all at once by tmux.
Textual hands each key to whatever screen is on top when the key is read, even a screen that
is still being built, or one whose successor is already on its way. Here a key that arrives
while a new screen is being shown waits until that screen is mounted and has handled what was
sent to it before (and, for a screen that reads a list in a thread, until the list is there);
then the waiting keys are handled one after the other, in the order typed.
"""

from __future__ import annotations

import functools
import inspect
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from textual import events
from textual.app import App, ScreenStackError
from textual.screen import Screen

ReturnType = TypeVar("ReturnType")


class OrderedKeysApp(App[ReturnType]):
    """An app in which a key only ever reaches a screen that is shown and settled."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held_keys: deque[events.Key] = deque()
        self._settled_screen: Screen[Any] | None = None
        self._awaited_screen: Screen[Any] | None = None
        self.key_read_at = 0.0
        """When the key being handled now was read from the terminal (Textual's clock, that
        of :attr:`textual.message.Message.time`): a confirmation typed before what it confirms
        was shown can be told from one typed after."""

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._must_wait():
                self._held_keys.append(event)
                self._await_screen()
                return
            self.key_read_at = event.time
        await super().on_event(event)

    def keys_may_flow(self, screen: Screen[Any]) -> None:
        """``screen`` has read what it shows: the keys held for it may go on (see module)."""
        self.call_later(self._screen_settled, screen)

    def _must_wait(self) -> bool:
        """Whether a key arriving now has to wait (for keys before it, or for a new screen)."""
        if self._held_keys:
            return True
        try:
            return self.screen is not self._settled_screen
        except ScreenStackError:
            return False  # no screen at all yet: Textual itself drops the key

    def _await_screen(self) -> None:
        """Release the held keys once the screen on top has handled everything sent to it."""
        try:
            screen = self.screen
        except ScreenStackError:
            return  # the app is closing: no screen is left to take the keys
        if self._awaited_screen is screen:
            return
        self._awaited_screen = screen
        # A callback queued behind the screen's own compose, mount and resume messages runs
        # when the screen is ready; it then hands over to the app's queue, behind the keys.
        if not screen.call_later(self.call_later, self._screen_settled, screen):
            self.call_later(self._screen_settled, screen)

    async def _screen_settled(self, screen: Screen[Any]) -> None:
        if self._awaited_screen is screen:
            self._awaited_screen = None
        if screen is not self.screen:
            self._await_screen()  # another screen came meanwhile: wait for that one
            return
        if not screen.is_mounted:
            # Switched to, but its mount (which sets the cursor its keys act on) has not run
            # yet: the callback ran on the app's queue before the screen's own was started.
            self.call_after_refresh(self._await_screen)
            return
        if not ready_for_keys(screen):
            return  # it is still reading what it shows; it calls keys_may_flow when done
        self._settled_screen = screen
        while self._held_keys:
            if self.screen is not self._settled_screen:
                self._await_screen()  # the last key changed the screen
                return
            key = self._held_keys.popleft()
            self.key_read_at = key.time
            await super().on_event(key)


def ready_for_keys(screen: Screen[Any]) -> bool:
    """Whether ``screen`` shows what keys act on. A screen that reads its list in a thread
    says ``False`` in its ``ready_for_keys`` attribute until the list is there (an Enter
    typed before would open whatever happened to be first)."""
    return bool(getattr(screen, "ready_for_keys", True))


def one_at_a_time(
    method: Callable[..., Awaitable[None] | None],
) -> Callable[..., Awaitable[None]]:
    """Run a screen's key action or click handler only when no other one is under way.

    Keys already run one after the other; a mouse click is handled beside them, and must not
    act while a key is moving the screen on (or the other way round). The screen holds an
    ``asyncio.Lock`` in its ``turn`` attribute. One that had to wait does nothing if its screen
    was left meanwhile.
    """

    @functools.wraps(method)
    async def run(self: Any, *args: Any) -> None:
        async with self.turn:
            if not self.is_current:
                return
            result = method(self, *args)
            if inspect.isawaitable(result):
                await result

    return run
