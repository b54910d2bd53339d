"""Numbers as people type them."""

from __future__ import annotations

import pytest

from selfaudit.core.numbers import NumberError, parse_number


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("1,5", "en", 1.5),
        ("1,5", "nl", 1.5),
        ("1.5", "nl", 1.5),
        ("45.000", "nl", 45000.0),
        ("45,000", "en", 45000.0),
        ("45.000", "en", 45.0),
        ("45,000", "nl", 45.0),
        ("1.234.567,89", "nl", 1234567.89),
        ("1,234,567.89", "en", 1234567.89),
        ("€ 1 200", "nl", 1200.0),
        ("21 %", "en", 21.0),
        ("-3", "en", -3.0),
        ("  42  ", "en", 42.0),
    ],
)
def test_parse_number(text: str, lang: str, expected: float) -> None:
    assert parse_number(text, lang) == expected


@pytest.mark.parametrize(
    "text", ["", "abc", "1,2,3,4", "1..2", "1e400", "--1", ",", "nan", "1.2,3.4"]
)
def test_parse_number_refuses(text: str) -> None:
    with pytest.raises(NumberError):
        parse_number(text)


def test_formatting_rounds_halves_up_and_survives_any_float() -> None:
    from selfaudit.i18n import bar_cells, fmt_money, fmt_number

    assert (fmt_number(62.5, "en"), fmt_number(37.5, "en"), fmt_number(0.125, "nl", 2)) == (
        "63",
        "38",
        "0,13",
    )
    assert fmt_number(1e300, "en", 2).endswith(".00") and len(fmt_number(1e300, "en")) > 300
    assert fmt_number(9e18 * 9e18, "nl").startswith("81.000.000")
    assert fmt_number(float("inf"), "en") == "inf"
    assert fmt_money(-0.4, "en", "EUR") == "€0"
    assert fmt_money(-2.5, "nl", "EUR") == "-€ 3"
    assert bar_cells(100, 2000) == 2000 and bar_cells(50, 20) == 10
