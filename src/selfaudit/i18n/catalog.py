"""Look up an interface string by key in the user's language."""

from __future__ import annotations

from collections.abc import Mapping

from selfaudit.i18n.en import MESSAGES as EN
from selfaudit.i18n.nl import MESSAGES as NL

CATALOGS: Mapping[str, Mapping[str, str]] = {"en": EN, "nl": NL}
#: Interface languages, in the order the settings screen offers them.
LANGUAGES = tuple(CATALOGS)


def t(lang: str, key: str, /, **values: object) -> str:
    """The string ``key`` in ``lang`` (English when missing), with ``{placeholders}`` filled in."""
    text = CATALOGS.get(lang, EN).get(key)
    if text is None:
        text = EN.get(key, key)
    return text.format(**values) if values else text


def language_name(lang: str) -> str:
    """A language's own name: ``English``, ``Nederlands``."""
    return CATALOGS.get(lang, EN)["language.name"]
