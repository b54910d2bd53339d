"""Reading numbers the way people type them: ``1,5``, ``45.000,50``, ``1,234,567``, ``€ 1 200``.

One separator followed by exactly three digits (``42.000``, ``1,500``) is read two ways, forty-two
thousand or forty-two, depending on who typed it. Such a number is never guessed: it is refused
with both readings (:class:`AmbiguousNumber`), so the person can say which one was meant.
"""

from __future__ import annotations

import math
import re

_GROUPED = re.compile(r"^\d{1,3}([.,]\d{3})+$")
#: One separator and three digits after a head that a thousands separator could follow.
_AMBIGUOUS = re.compile(r"^([1-9]\d{0,2})[.,](\d{3})$")
_STRIP = re.compile(r"[\s_'\u00a0\u202f€$£%]")


class NumberError(ValueError):
    """Text that is not a number; ``str()`` says what to type instead."""


class AmbiguousNumber(NumberError):
    """Text such as ``42.000`` that is a whole number in thousands or a number with decimals."""

    def __init__(self, text: str, thousands: float, decimal: float) -> None:
        self.thousands = thousands
        """The reading with a thousands separator: ``42.000`` -> 42000."""
        self.decimal = decimal
        """The reading with a decimal separator: ``42.000`` -> 42."""
        super().__init__(
            f"'{text}' could be {thousands:,.0f} or {_decimals(decimal)}; "
            f"write {plain(thousands)} or {plain(decimal)} to say which"
        )


def plain(value: float) -> str:
    """A number as it can be typed back without any doubt: ``42000``, ``42``, ``1.5``."""
    if float(value).is_integer():
        return f"{value:.0f}"
    return f"{value:.6f}".rstrip("0").rstrip(".")


def _decimals(value: float) -> str:
    """A number written with at least one decimal, so it reads as one: ``42.0``, ``1.25``."""
    return plain(value) if not float(value).is_integer() else f"{value:.1f}"


def parse_number(text: str) -> float:
    """Parse a number typed by a person.

    A separator followed by one, two or more than three digits is a decimal one (``1,5``,
    ``2.25``); separators that repeat group thousands (``1.234.567``); with both, the last one
    is the decimal one (``1.234,5``, ``1,234.5``). One separator followed by exactly three digits
    raises :class:`AmbiguousNumber` (``0.500`` is not in doubt: it is a half).
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
        doubtful = _AMBIGUOUS.match(raw)
        if doubtful:
            head, tail = doubtful.groups()
            raise AmbiguousNumber(text, float(sign + head + tail), float(f"{sign}{head}.{tail}"))
        if raw.count(sep) == 1:
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
