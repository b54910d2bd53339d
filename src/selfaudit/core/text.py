"""Texts in several languages, with a fallback."""

from __future__ import annotations

from collections.abc import Mapping

#: Languages the interface speaks; built-in sets provide every text in all of them.
UI_LANGUAGES = ("en", "nl")

Text = Mapping[str, str]
"""A text per language code, e.g. ``{"en": "Yes", "nl": "Ja"}``."""


def pick(text: Text, lang: str, fallback: str = "en") -> str:
    """The text in ``lang``, else in ``fallback``, else in whatever language it has."""
    if lang in text:
        return text[lang]
    if fallback in text:
        return text[fallback]
    return next(iter(text.values()), "")
