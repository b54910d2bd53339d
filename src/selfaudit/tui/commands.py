"""Our own commands in the command palette (Ctrl+P): start a set, history, language, theme."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from selfaudit.i18n import LANGUAGES, language_name
from selfaudit.settings import THEMES

if TYPE_CHECKING:
    from selfaudit.tui.app import SelfAuditApp


class SelfAuditCommands(Provider):
    """Every command a user can reach from the palette, in the interface language."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app = cast("SelfAuditApp", self.app)
        out: list[tuple[str, str, Callable[[], object]]] = []
        for qset in app.catalog.sets.values():
            title = qset.t(qset.title, app.lang)
            out.append(
                (
                    app.t("cmd.start", title=title),
                    app.t("cmd.start.help"),
                    partial(app.start_set, qset.id),
                )
            )
        out.append((app.t("cmd.home"), app.t("cmd.home.help"), app.go_home))
        out.append((app.t("cmd.history"), app.t("cmd.history.help"), app.open_history))
        out.append((app.t("cmd.settings"), app.t("cmd.settings.help"), app.open_settings))
        for lang in LANGUAGES:
            out.append(
                (
                    app.t("cmd.language", name=language_name(lang)),
                    app.t("cmd.language.help"),
                    partial(app.call_later, app.set_language, lang),
                )
            )
        for theme in THEMES:
            out.append(
                (
                    app.t("cmd.theme", name=theme),
                    app.t("cmd.theme.help"),
                    partial(app.set_theme, theme),
                )
            )
        out.append((app.t("cmd.help"), app.t("cmd.help.help"), app.action_help))
        out.append(
            (app.t("cmd.quit"), app.t("cmd.quit.help"), partial(app.call_later, app.action_quit))
        )
        return out

    async def discover(self) -> Hits:
        """All commands, when nothing is typed yet."""
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(Content(name), callback, help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands that fuzzily match what is typed."""
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, _highlight(matcher, name), callback, help=help_text)


def _highlight(matcher: Matcher, name: str) -> Content:
    """``name`` with the matched letters styled, taken as plain text.

    ``Matcher.highlight`` parses its argument as markup, and a set title comes from a user's
    TOML file: "[b]x" or "[/]" must show as typed, not style the palette or break it.
    """
    content = Content(name)
    _, offsets = matcher.fuzzy_search.match(matcher.query, name)
    for offset in offsets:
        if not name[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
