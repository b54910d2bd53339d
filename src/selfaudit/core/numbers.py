"""Reading numbers the way people type them: ``1,5``, ``45.000``, ``45,000``, ``€ 1 200``."""

from __future__ import annotations

import math
import re

_GROUPED = re.compile(r"^\d{1,3}([.,]\d{3})+$")
_STRIP = re.compile(r"[\s_'\u00a0\u202f€$£%]")


class NumberError(ValueError):
    """Text that is not a number; ``str()`` says what to type instead."""


def parse_number(text: str, lang: str = "en") -> float:
    """Parse a number typed by a person.

    A decimal comma is always accepted. When only one kind of separator appears and every group
    after it has exactly three digits (``45.000``, ``45,000``), the language decides: in Dutch the
    dot groups thousands, in English the comma does. Otherwise the last separator is the decimal
    one and the others group thousands.
    """
    raw = _STRIP.sub("", text)
    sign = ""
    if raw and raw[0] in "+-":
        sign, raw = raw[0], raw[1:]
    if not raw or not re.fullmatch(r"[\d.,]+", raw) or not any(c.isdigit() for c in raw):
        raise NumberError(f"'{text}' is not a number; type digits, e.g. 1500 or 2,5")
    has_dot, has_comma = "." in raw, "," in raw
    if has_dot and has_comma:
        decimal = "." if raw.rfind(".") > raw.rfind(",") else ","
        group = "," if decimal == "." else "."
        head, _, tail = raw.rpartition(decimal)
        if (not _GROUPED.match(head) and group in head) or not tail.isdigit():
            raise NumberError(
                f"'{text}' mixes separators in a way that is unclear; type e.g. 1500.5"
            )
        raw = head.replace(group, "") + "." + tail
    elif has_dot or has_comma:
        sep = "." if has_dot else ","
        grouping_sep = "." if lang == "nl" else ","
        if _GROUPED.match(raw) and sep == grouping_sep:
            raw = raw.replace(sep, "")
        elif raw.count(sep) == 1:
            raw = raw.replace(sep, ".")
        elif _GROUPED.match(raw):
            raw = raw.replace(sep, "")
        else:
            raise NumberError(f"'{text}' has more than one decimal separator")
    try:
        value = float(sign + raw)
    except ValueError:
        raise NumberError(f"'{text}' is not a number; type digits, e.g. 1500 or 2,5") from None
    if not math.isfinite(value):
        raise NumberError(f"'{text}' is too large")
    return value
