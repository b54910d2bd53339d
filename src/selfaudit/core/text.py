"""Texts in several languages, with a fallback, and any text made safe to show on a terminal."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping

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


def _shown(ch: str) -> str:
    """One character as a terminal should get it: itself, or its Python escape."""
    if ch.isprintable() or unicodedata.category(ch) == "Zs":
        return ch
    return ch.encode("unicode_escape", "backslashreplace").decode("ascii")


def hidden_character(text: str, allowed: str = "") -> str | None:
    """The first character of ``text`` that :func:`visible` escapes, other than ``allowed``.

    These are the characters a terminal could obey or that show as nothing: control characters
    (C0, DEL, C1), format characters (bidi overrides, zero-width joiners), line and paragraph
    separators, surrogates, private-use and unassigned code points. Spaces are shown as spaces.
    """
    return next((ch for ch in text if ch not in allowed and _shown(ch) != ch), None)


def visible(text: str, *, line_breaks: bool = False) -> str:
    """``text`` safe to write to a terminal: shown as it is, never obeyed.

    Every character :func:`hidden_character` finds is shown as its escape: an escape sequence
    starts with ``\\x1b``, a bell is ``\\x07``, a right-to-left override ``\\u202e``. With
    ``line_breaks``, a newline stays a line break (multi-line notes and answers); otherwise it
    shows as ``\\n``.
    """
    if text.isprintable():  # the usual case, checked in one step
        return text
    return "".join(unit for unit, _ in _units(text, line_breaks))


def cell_width(text: str) -> int:
    """How many terminal cells ``text`` (already :func:`visible`) takes on one line.

    Wide East Asian characters and emoji take two cells, combining marks none.
    """
    return sum(_char_cells(ch) for ch in text)


def _char_cells(ch: str) -> int:
    """The cells one printable character takes."""
    if unicodedata.category(ch) in ("Mn", "Me"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _units(text: str, line_breaks: bool) -> Iterator[tuple[str, int]]:
    """``text`` shown as whole units with their width: a character with the combining marks
    that follow it, or one escape such as ``\\x1b``. A cut between units splits nothing."""
    unit, width = "", 0
    for ch in text:
        shown = "\n" if line_breaks and ch == "\n" else _shown(ch)
        cells = cell_width(shown)
        if unit and shown == ch and cells == 0:  # a combining mark stays with its character
            unit += ch
            continue
        if unit:
            yield unit, width
        unit, width = shown, cells
    if unit:
        yield unit, width


def clip(text: str, width: int, ellipsis: str = "…") -> str:
    """``text`` made :func:`visible` and cut to at most ``width`` cells, ending in ``ellipsis``
    when it was cut. The cut falls between whole characters and whole escapes."""
    room = width - cell_width(ellipsis)
    if text.isascii() and text.isprintable():  # the usual case: one cell per character
        return text if len(text) <= width else text[: max(room, 0)] + ellipsis
    units = list(_units(text, line_breaks=False))
    if sum(cells for _, cells in units) <= width:
        return "".join(unit for unit, _ in units)
    kept: list[str] = []
    for unit, cells in units:
        if cells > room:
            break
        kept.append(unit)
        room -= cells
    return "".join(kept) + ellipsis


def column(text: str, width: int) -> str:
    """``text`` as a table cell of exactly ``width`` cells: :func:`clip`-ped, then padded."""
    shown = clip(text, width)
    return shown + " " * (width - cell_width(shown))


def visible_json(document: str) -> str:
    """A JSON document with every character :func:`visible` escapes written as ``\\uXXXX``.

    ``json.dumps`` escapes only the C0 controls; DEL, C1 controls and bidi overrides would
    reach the terminal raw. Outside its strings JSON holds only ASCII and its layout's line
    breaks, so the document still reads back as exactly the same data.
    """
    return "".join(ch if ch == "\n" or _shown(ch) == ch else _json_escape(ch) for ch in document)


def _json_escape(ch: str) -> str:
    """``ch`` as a JSON escape (a surrogate pair beyond the Basic Multilingual Plane)."""
    data = ch.encode("utf-16-be", "surrogatepass")
    return "".join(f"\\u{int.from_bytes(data[i : i + 2]):04x}" for i in range(0, len(data), 2))
