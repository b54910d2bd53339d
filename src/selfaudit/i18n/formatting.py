"""Numbers, money, percentages and dates the way each interface language writes them."""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Context, Decimal

from selfaudit.core.numbers import plain

_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£"}
_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
}


#: Enough digits for any float (1e308 has 309), so rounding never runs out of precision.
_CONTEXT = Context(prec=400, rounding=ROUND_HALF_UP)


def round_half_up(value: float, decimals: int = 0) -> Decimal:
    """``value`` rounded as people do on paper (62.5 -> 63), not to even as ``round`` does.

    A result of zero has no sign: -0.4 rounds to 0, not -0.
    """
    exact = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), context=_CONTEXT)
    return abs(exact) if exact.is_zero() else exact


def fmt_number(value: float, lang: str, decimals: int = 0) -> str:
    """``1,234.5`` in English, ``1.234,5`` in Dutch; trailing zero decimals are kept.

    Halves round up (see :func:`round_half_up`); infinity and NaN are written as they are.
    """
    if not math.isfinite(value):
        return str(value)
    text = f"{round_half_up(value, decimals):,.{decimals}f}"
    if lang == "nl":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def fmt_plain(value: float, lang: str) -> str:
    """A number as a person would type it back (no grouping, shortest decimals)."""
    text = plain(value)
    return text.replace(".", ",") if lang == "nl" else text


def fmt_amount(value: float, lang: str) -> str:
    """Grouped, with only the decimals it needs: ``1,000,000`` / ``2,5``."""
    decimals = (
        0 if float(value).is_integer() else min(6, len(f"{value:.6f}".rstrip("0").split(".")[1]))
    )
    return fmt_number(value, lang, decimals)


def fmt_money(value: float, lang: str, currency: str = "EUR", decimals: int = 0) -> str:
    """``€12,345`` in English, ``€ 12.345`` in Dutch; other codes written out: ``CHF 12,345``."""
    number = fmt_number(abs(value), lang, decimals)
    sign = "-" if math.isfinite(value) and round_half_up(value, decimals) < 0 else ""
    symbol = _SYMBOLS.get(currency)
    if symbol is None:
        return f"{sign}{currency} {number}"
    return f"{sign}{symbol} {number}" if lang == "nl" else f"{sign}{symbol}{number}"


def fmt_percent(value: float, lang: str, decimals: int = 0) -> str:
    """``21%`` / ``21,5%``."""
    return f"{fmt_number(value, lang, decimals)}%"


def local_datetime(when: dt.datetime) -> dt.datetime:
    """An aware ``when`` in the local time zone, or as it is when local time cannot hold it.

    At the very ends of the calendar (year 1, year 9999) the local time can fall outside what a
    datetime holds, say 9999-12-31 23:00 UTC in Tokyo; such a time is shown in its own zone.
    """
    return _in_local_zone(when) or when


def _in_local_zone(when: dt.datetime) -> dt.datetime | None:
    """An aware ``when`` in the local time zone; ``None`` when local time cannot hold it."""
    try:
        return when.astimezone()
    except (OverflowError, OSError, ValueError):
        return None


def fmt_date(when: dt.date | dt.datetime, lang: str) -> str:
    """``3 Mar 2026`` / ``3 mrt 2026``; an aware datetime is shown in local time."""
    if isinstance(when, dt.datetime):
        when = (local_datetime(when) if when.tzinfo else when).date()
    months = _MONTHS.get(lang, _MONTHS["en"])
    return f"{when.day} {months[when.month - 1]} {when.year}"


def fmt_date_time(when: dt.datetime, lang: str) -> str:
    """``3 Mar 2026 09:30`` / ``3 mrt 2026 09:30`` in local time, to the minute.

    A time that local time cannot hold (see :func:`local_datetime`) is shown in its own zone,
    and says which: ``31 Dec 9999 23:00 UTC``.
    """
    local = _in_local_zone(when) if when.tzinfo else when
    zone = "" if local is not None else f" {when.tzname() or 'UTC'}"
    shown = (local or when).replace(tzinfo=None)
    return f"{fmt_date(shown, lang)} {shown:%H:%M}{zone}"


def bar_cells(score: float, width: int) -> int:
    """How many of ``width`` cells a 0-100 score fills (halves round up)."""
    return int(round_half_up(max(0.0, min(100.0, score)) / 100 * width))
