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
