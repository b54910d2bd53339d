"""Waiting until a widget has handled what was sent to it: keys stay in the order typed.

Textual hands keys and messages to each widget's own queue and handles them there a moment
later. A key action that reads a field, or that waits for a choice to be acted on, first lets
the queues catch up, so it sees what the keys before it did, and no key after it can act early.
"""

from __future__ import annotations

import asyncio

from textual.dom import DOMNode, NoScreen

#: Seconds to wait for a widget's queue before going on anyway. Only a guard against a widget
#: that was closed meanwhile; a queue catches up in milliseconds.
SETTLE_TIMEOUT = 5.0


async def drained(node: DOMNode) -> None:
    """Wait until ``node`` has handled every key and message sent to it before this call."""
    done = asyncio.Event()
    if node.call_later(done.set):
        try:
            await asyncio.wait_for(done.wait(), SETTLE_TIMEOUT)
        except TimeoutError:
            return


async def until_handled(widget: DOMNode) -> None:
    """Wait until a message ``widget`` just posted has bubbled up to and through its screen.

    A callback queued behind the message in the widget, then in each parent in turn, runs only
    once the message has been handled there and passed on.
    """
    try:
        screen = widget.screen
    except NoScreen:
        return
    node: DOMNode | None = widget
    while node is not None:
        await drained(node)
        if node is screen:
            return
        node = node.parent
