"""The header at the top of every screen, safe on a screen that closes as it opens."""

from __future__ import annotations

import contextlib

from textual.css.query import NoMatches
from textual.dom import NoScreen
from textual.events import Mount
from textual.widget import Widget
from textual.widgets import Header
from textual.widgets._header import HeaderTitle


class TitleHeader(Header):
    """Textual's :class:`Header`, without its crash when the screen goes at once.

    Textual's header fills in its title a moment after it is mounted. When its screen is
    replaced before that (keys typed ahead, such as Enter Enter on the home screen), the title
    is gone and Textual 8.2 raises ``NoMatches``, which ends the app. Here the title is then
    simply not drawn: nobody can see it any more.
    """

    def _on_mount(self, event: Mount) -> None:
        event.prevent_default()  # replaces Header._on_mount
        Widget._on_mount(self, event)

        async def set_title() -> None:
            # Nothing to draw when the screen was closed before its title was.
            with contextlib.suppress(NoScreen, NoMatches):
                self.query_one(HeaderTitle).update(self.format_title())

        self.watch(self.app, "title", set_title)
        self.watch(self.app, "sub_title", set_title)
        self.watch(self.screen, "title", set_title)
        self.watch(self.screen, "sub_title", set_title)
