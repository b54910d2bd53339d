"""Numbers as people type them."""

from __future__ import annotations

import pytest

from selfaudit.core.numbers import AmbiguousNumber, NumberError, parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,5", 1.5),
        ("1.5", 1.5),
        ("2,25", 2.25),
        ("0,500", 0.5),
        ("1.2345", 1.2345),
        ("1.234.567,89", 1234567.89),
        ("1,234,567.89", 1234567.89),
        ("1.500.000", 1500000.0),
        ("45.000,50", 45000.5),
        ("€ 1 200", 1200.0),
        ("21 %", 21.0),
        ("-3", -3.0),
        ("  42  ", 42.0),
    ],
)
def test_parse_number(text: str, expected: float) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "thousands", "decimal"),
    [
        ("42.000", 42000.0, 42.0),
        ("42,000", 42000.0, 42.0),
        ("1,500", 1500.0, 1.5),
        ("€ 1.250", 1250.0, 1.25),
        ("-7,125", -7125.0, -7.125),
    ],
)
def test_one_separator_before_three_digits_is_never_guessed(
    text: str, thousands: float, decimal: float
) -> None:
    with pytest.raises(AmbiguousNumber) as raised:
        parse_number(text)
    assert (raised.value.thousands, raised.value.decimal) == (thousands, decimal)


def test_an_ambiguous_number_says_both_readings_and_how_to_type_them() -> None:
    with pytest.raises(
        AmbiguousNumber, match=r"^'42\.000' could be 42,000 or 42\.0; write 42000 or 42 "
    ):
        parse_number("42.000")
    with pytest.raises(AmbiguousNumber, match=r"could be 1,500 or 1\.5; write 1500 or 1\.5 "):
        parse_number("1,500")


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
