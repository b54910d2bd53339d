"""A TOML syntax error in words a person who never wrote TOML understands, with line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfaudit.tomlio import TomlError, parse_toml


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            'format = 1\nid = "x\n',
            ':2: invalid TOML: a text in quotes is not closed; end it with " on the same line '
            "(column 8)",
        ),
        (
            "format = 1\nid = x\n",
            ':2: invalid TOML: this value is not one TOML knows; put text in quotes ("like this"), '
            "and numbers, true and false without (column 6)",
        ),
        (
            "format = 1\nformat = 2\n",
            ":2: invalid TOML: this key is given twice; keep one of the two",
        ),
        (
            "salary = 42.000.0\n",
            ":1: invalid TOML: there is more on this line after its value; give every key = value "
            "a line of its own (column 16)",
        ),
        ("hello\n", ':1: invalid TOML: a key needs = and a value after it, as in title = "..."'),
        ("a = [1, 2\n", ":1: invalid TOML: a list that opens with [ is not closed with ]"),
    ],
)
def test_a_syntax_error_is_said_plainly_with_its_column(text: str, said: str) -> None:
    with pytest.raises(TomlError) as raised:
        parse_toml(Path("set.toml"), text)
    assert str(raised.value).startswith("set.toml" + said), str(raised.value)
