"""Look up an interface string by key in the user's language."""

from __future__ import annotations

from collections.abc import Mapping

from selfaudit.i18n.en import MESSAGES as EN
from selfaudit.i18n.nl import MESSAGES as NL

CATALOGS: Mapping[str, Mapping[str, str]] = {"en": EN, "nl": NL}
#: Interface languages, in the order the settings screen offers them.
LANGUAGES = tuple(CATALOGS)


def plural_key(key: str, count: object) -> str:
    """The key of ``key``'s form for ``count``: ``key.one`` for exactly 1, else ``key.other``.

    English and Dutch both say "1 question" and "0 questions", "2 questions" (vraag, vragen).
    """
    return f"{key}.one" if count == 1 else f"{key}.other"


def t(lang: str, key: str, /, **values: object) -> str:
    """The string ``key`` in ``lang`` (English when missing), with ``{placeholders}`` filled in.

    Given a ``count``, the string is the form of ``key`` for that count (see :func:`plural_key`):
    every countable string has a ``.one`` and an ``.other`` key in each catalog.
    """
    if "count" in values:
        key = plural_key(key, values["count"])
    text = CATALOGS.get(lang, EN).get(key)
    if text is None:
        text = EN.get(key, key)
    return text.format(**values) if values else text


def theme_name(theme: str, lang: str) -> str:
    """A theme's name in ``lang`` ("Dark", "Donker"); a Textual id the catalog does not name
    (put in the settings file by hand) is shown as it is."""
    return CATALOGS.get(lang, EN).get(f"theme.{theme}") or EN.get(f"theme.{theme}") or theme


def language_name(lang: str) -> str:
    """A language's own name: ``English``, ``Nederlands``."""
    return CATALOGS.get(lang, EN)["language.name"]
