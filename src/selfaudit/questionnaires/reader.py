"""A strict, typed reader over a parsed TOML document that records every problem it meets.

Each accessor returns a usable value (or an empty one) and records a :class:`Problem` with the key
path when the document is wrong, so validation never stops at the first mistake.
"""

from __future__ import annotations

import math
import re
from typing import Any

from selfaudit.core.answers import MAX_INT, shorten
from selfaudit.core.problems import Problem
from selfaudit.core.text import Text, hidden_character

#: Arrays of tables longer than this are refused (no real set comes near it).
MAX_ENTRIES = 500
#: The longest text a set may hold.
MAX_TEXT = 10_000
#: The longest key path a problem shows (a path holds keys from the file, which may be huge).
MAX_PATH = 160


class StrictReader:
    """Typed access to a document that records a problem for everything wrong."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.languages: tuple[str, ...] = ()

    def fail(self, path: str, message: str) -> None:
        """Record a problem at ``path``; keys from the file in it are escaped and cut."""
        self.problems.append(Problem(message, shorten(path, MAX_PATH)))

    def keys(self, obj: dict[str, Any], path: str, allowed: set[str]) -> None:
        for key in obj:
            if key not in allowed:
                where = f"{path}.{key}" if path else key
                self.fail(where, f"unknown key; allowed here: {', '.join(sorted(allowed))}")

    def get(
        self,
        obj: dict[str, Any],
        key: str,
        path: str,
        types: tuple[type, ...],
        what: str,
        required: bool,
    ) -> Any:
        where = f"{path}.{key}" if path else key
        if key not in obj:
            if required:
                self.fail(where, f"is missing; it must be {what}")
            return None
        value = obj[key]
        bad_bool = isinstance(value, bool) and bool not in types
        if bad_bool or not isinstance(value, types):
            self.fail(where, f"must be {what}, not {type_name(value)}")
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.fail(where, "must be a finite number, not nan or inf")
            return None
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INT:
            self.fail(where, f"is too large; a whole number here is at most {MAX_INT:,}")
            return None
        if isinstance(value, str) and not self.printable(where, value):
            return None
        return value

    def printable(self, where: str, value: str) -> bool:
        """Whether ``value`` is free of control characters; records a problem when it is not.

        Control characters are the ones :func:`~selfaudit.core.text.visible` escapes (a
        terminal would obey them, or they hide or reorder text: bidi overrides, zero-width
        joiners), other than line breaks and tabs.
        """
        control = hidden_character(value, allowed="\n\t")
        if control is None:
            return True
        self.fail(
            where,
            f"contains the control character {shorten(control)}; "
            "only line breaks and tabs are allowed",
        )
        return False

    def string(
        self,
        obj: dict[str, Any],
        key: str,
        path: str,
        required: bool = True,
        pattern: re.Pattern[str] | None = None,
    ) -> str:
        value = self.get(obj, key, path, (str,), "a string", required)
        if value is None:
            return ""
        if len(value) > MAX_TEXT:
            self.fail(f"{path}.{key}" if path else key, f"is longer than {MAX_TEXT:,} characters")
            return ""
        if pattern is not None and not pattern.match(value):
            where = f"{path}.{key}" if path else key
            self.fail(where, f"'{shorten(value)}' is not a valid identifier")
        return str(value)

    def number(
        self, obj: dict[str, Any], key: str, path: str, required: bool = True
    ) -> float | None:
        value = self.get(obj, key, path, (int, float), "a number", required)
        return None if value is None else float(value)

    def integer(
        self, obj: dict[str, Any], key: str, path: str, required: bool = True
    ) -> int | None:
        value = self.get(obj, key, path, (int,), "a whole number", required)
        return None if value is None else int(value)

    def boolean(self, obj: dict[str, Any], key: str, path: str) -> bool:
        return bool(self.get(obj, key, path, (bool,), "true or false", False))

    def table(
        self, obj: dict[str, Any], key: str, path: str, required: bool = True
    ) -> dict[str, Any]:
        value = self.get(obj, key, path, (dict,), "a table", required)
        return value if isinstance(value, dict) else {}

    def tables(self, obj: dict[str, Any], key: str, path: str, required: bool = True) -> list[Any]:
        where = f"{path}.{key}" if path else key
        value = self.get(obj, key, path, (list,), "an array of tables", required)
        if not isinstance(value, list):
            return []
        if len(value) > MAX_ENTRIES:
            self.fail(where, f"has {len(value):,} entries; at most {MAX_ENTRIES} are allowed")
            return []
        good = []
        for i, entry in enumerate(value):
            if isinstance(entry, dict):
                good.append((i, entry))
            else:
                self.fail(f"{where}[{i}]", f"must be a table, not {type_name(entry)}")
        return good

    def unique(self, key: str, entries: list[tuple[int, str]]) -> None:
        """Record a problem for every id used before in ``key`` (an array of tables)."""
        seen: dict[str, int] = {}
        for i, ident in entries:
            if ident and ident in seen:
                self.fail(
                    f"{key}[{i}].id",
                    f"duplicate id '{shorten(ident)}' (first used at {key}[{seen[ident]}])",
                )
            seen.setdefault(ident, i)

    def text(self, obj: dict[str, Any], key: str, path: str, required: bool = True) -> Text:
        where = f"{path}.{key}" if path else key
        value = self.get(obj, key, path, (dict,), 'a text table such as { en = "..." }', required)
        if not isinstance(value, dict):
            return {}
        result: dict[str, str] = {}
        for lang, string in value.items():
            if lang not in self.languages:
                self.fail(
                    f"{where}.{lang}",
                    f"language '{shorten(lang)}' is not in languages ({', '.join(self.languages)})",
                )
            elif not isinstance(string, str) or not string.strip():
                self.fail(f"{where}.{lang}", "must be a non-empty string")
            elif len(string) > MAX_TEXT:
                self.fail(f"{where}.{lang}", f"is longer than {MAX_TEXT:,} characters")
            elif self.printable(f"{where}.{lang}", string):
                result[lang] = string
        for lang in self.languages:
            if lang not in value:
                self.fail(f"{where}.{lang}", f"translation missing; every text needs '{lang}'")
        return result


def type_name(value: Any) -> str:
    """A reader-friendly name of a TOML value's type."""
    return {
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        str: "a string",
        list: "an array",
        dict: "a table",
    }.get(type(value), type(value).__name__)
