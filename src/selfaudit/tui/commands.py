"""Our own commands in the command palette (Ctrl+P): start a set, history, language, theme."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, NamedTuple, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from selfaudit.i18n import LANGUAGES, language_name, theme_name
from selfaudit.settings import THEMES

if TYPE_CHECKING:
    from selfaudit.tui.app import SelfAuditApp


class Command(NamedTuple):
    """One palette entry: what it is called, what it does, and more words it is found by."""

    name: str
    help: str
    callback: Callable[[], object]
    keywords: str = ""


class SelfAuditCommands(Provider):
    """Every command a user can reach from the palette, in the interface language."""

    def _commands(self) -> list[Command]:
        app = cast("SelfAuditApp", self.app)
        out: list[Command] = []
        for qset in app.catalog.sets.values():
            title = qset.t(qset.title, app.lang)
            out.append(
                Command(
                    app.t("cmd.start", title=title),
                    app.t("cmd.start.help"),
                    partial(app.start_set, qset.id),
                )
            )
        for qset in app.catalog.sets.values():
            out.append(
                Command(
                    app.t("cmd.trend", title=qset.t(qset.title, app.lang)),
                    app.t("cmd.trend.help"),
                    partial(app.open_trend, qset.id),
                )
            )
            out.append(
                Command(
                    app.t("cmd.team", title=qset.t(qset.title, app.lang)),
                    app.t("cmd.team.help"),
                    partial(app.open_team, qset.id),
                )
            )
            if qset.mirrored():
                out.append(
                    Command(
                        app.t("cmd.gap", title=qset.t(qset.title, app.lang)),
                        app.t("cmd.gap.help"),
                        partial(app.open_gap, qset.id),
                        app.t("cmd.gap.keywords"),
                    )
                )
        out.append(Command(app.t("cmd.home"), app.t("cmd.home.help"), app.go_home))
        out.append(
            Command(
                app.t("cmd.history"),
                app.t("cmd.history.help"),
                app.open_history,
                app.t("cmd.history.keywords"),
            )
        )
        out.append(
            Command(
                app.t("cmd.sync"), app.t("cmd.sync.help"), app.open_sync, app.t("cmd.sync.keywords")
            )
        )
        out.append(
            Command(
                app.t("cmd.export"),
                app.t("cmd.export.help"),
                app.open_export,
                app.t("cmd.export.keywords"),
            )
        )
        out.append(
            Command(
                app.t("cmd.import"),
                app.t("cmd.import.help"),
                app.open_import,
                app.t("cmd.import.keywords"),
            )
        )
        out.append(
            Command(
                app.t("cmd.settings"),
                app.t("cmd.settings.help"),
                app.open_settings,
                app.t("cmd.settings.keywords"),
            )
        )
        for lang in LANGUAGES:
            out.append(
                Command(
                    app.t("cmd.language", name=language_name(lang)),
                    app.t("cmd.language.help"),
                    partial(app.call_later, app.set_language, lang),
                )
            )
        for theme in THEMES:
            out.append(
                Command(
                    app.t("cmd.theme", name=theme_name(theme, app.lang)),
                    app.t("cmd.theme.help"),
                    partial(app.set_theme, theme),
                )
            )
        out.append(Command(app.t("cmd.help"), app.t("cmd.help.help"), app.action_help))
        out.append(
            Command(
                app.t("cmd.quit"),
                app.t("cmd.quit.help"),
                partial(app.call_later, app.action_quit),
                app.t("cmd.quit.keywords"),
            )
        )
        return out

    async def discover(self) -> Hits:
        """All commands, when nothing is typed yet."""
        for command in self._commands():
            yield DiscoveryHit(Content(command.name), command.callback, help=command.help)

    async def search(self, query: str) -> Hits:
        """Commands whose name fuzzily matches what is typed, or whose help text or keywords
        hold a word that starts with it (typing "team" finds Settings, where it is set)."""
        matcher = self.matcher(query)
        # A word that starts with what is typed scores as if the name began with it, above
        # names that merely hold the typed letters in order.
        word_score = matcher.match(query)
        for command in self._commands():
            score = matcher.match(command.name)
            if _mentions(f"{command.name} {command.help} {command.keywords}", query):
                score = max(score, word_score)
            if score > 0:
                name = _highlight(matcher, command.name)
                yield Hit(score, name, command.callback, help=command.help)


def _mentions(text: str, query: str) -> bool:
    """Whether a word of ``text`` starts with what is typed (case and accents aside)."""
    wanted = _folded(query).split()
    words = _folded(text).split()
    return bool(wanted) and all(any(w.startswith(part) for w in words) for part in wanted)


def _folded(text: str) -> str:
    """``text`` in lower case without accents, with punctuation turned into spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = (ch for ch in decomposed if not unicodedata.combining(ch))
    return "".join(ch if ch.isalnum() else " " for ch in kept)


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
