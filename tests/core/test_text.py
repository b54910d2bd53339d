"""Text from files and users is shown on a terminal as it is, never obeyed, and cut cleanly."""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfaudit.core.answers import shorten
from selfaudit.core.text import cell_width, clip, column, hidden_character, visible, visible_json

#: Characters a terminal obeys, or that hide or reorder what is shown, and how they show.
HIDDEN = {
    "\x1b": "\\x1b",  # starts every escape sequence (title, clear screen, colours)
    "\x07": "\\x07",  # bell; also ends a title sequence
    "\x9b": "\\x9b",  # C1 CSI: an escape sequence in one character
    "\x7f": "\\x7f",
    "\r": "\\r",
    "\t": "\\t",
    "\u202e": "\\u202e",  # right-to-left override
    "\u2066": "\\u2066",  # left-to-right isolate
    "\u200d": "\\u200d",  # zero-width joiner
    "\u200b": "\\u200b",  # zero-width space
    "\ufeff": "\\ufeff",
    "\u2028": "\\u2028",  # line separator
    "\U000e0041": "\\U000e0041",  # a tag character: invisible
    "\udcff": "\\udcff",  # a lone surrogate, as an undecodable command-line byte arrives
}

#: Any text at all, with lone surrogates, control, format and combining characters often.
ANY_TEXT = st.text(
    st.characters(exclude_categories=()) | st.characters(categories=["Cs", "Cc", "Cf", "Mn"]),
    max_size=40,
)


def is_clean(text: str, allowed: str = "") -> bool:
    """Whether every character of ``text`` is one a terminal shows as it is."""
    return all(ch in allowed or ch.isprintable() or unicodedata.category(ch) == "Zs" for ch in text)


@pytest.mark.parametrize(("char", "shown"), HIDDEN.items())
def test_a_hidden_character_is_shown_as_its_escape(char: str, shown: str) -> None:
    assert visible(f"a{char}b") == f"a{shown}b"
    assert hidden_character(f"a{char}b") == char


def test_the_title_and_clear_screen_attack_is_shown_as_typed() -> None:
    assert visible("\x1b]0;pwned\x07x\x1b[2J") == "\\x1b]0;pwned\\x07x\\x1b[2J"


def test_printable_text_and_spaces_are_shown_unchanged() -> None:
    text = "Zoë's 日本 team [b]x[/b] \\x1b 👍 a\u00a0b\u3000c e\u0301"
    assert visible(text) == text
    assert hidden_character(text) is None


def test_line_breaks_stay_only_when_asked_for() -> None:
    assert visible("one\ntwo\r\n\tthree", line_breaks=True) == "one\ntwo\\r\n\\tthree"
    assert visible("one\ntwo") == "one\\ntwo"
    assert hidden_character("one\ntwo\tx", allowed="\n\t") is None


@given(ANY_TEXT, st.booleans())
def test_nothing_hidden_survives(text: str, line_breaks: bool) -> None:
    assert is_clean(visible(text, line_breaks=line_breaks), "\n" if line_breaks else "")


@given(ANY_TEXT, st.integers(min_value=1, max_value=30))
def test_a_cut_fits_and_falls_between_whole_characters_and_escapes(text: str, width: int) -> None:
    cut = clip(text, width)
    shown = visible(text)
    assert cell_width(cut) <= width or cut == "…"
    if cut == shown:
        return
    assert cut.endswith("…")
    kept = cut[: -len("…")]
    # what is kept is exactly the visible form of a prefix of the text, ending where a new
    # character starts (never between a character and its combining mark, never inside \x1b)
    starts = [
        i for i in range(len(text) + 1) if i == len(text) or unicodedata.category(text[i]) != "Mn"
    ]
    assert any(visible(text[:i]) == kept for i in starts), (text, cut)


@pytest.mark.parametrize(
    "team",
    [
        "日本語チームの名前です",  # wide: two cells each
        "e\u0301" * 30,  # combining marks take no cell
        "\x1b]0;pwned\x07x" * 3,  # escapes are cut whole
        "短a短a短a短a短a短a",  # a wide character that does not fit leaves a space
        "Finance",
    ],
)
def test_a_column_is_exactly_as_wide_as_asked(team: str) -> None:
    cell = column(team, 16)
    assert cell_width(cell) == 16
    assert is_clean(cell)


def test_a_cut_keeps_an_escape_whole() -> None:
    assert clip("abc\x1b[2J", 8) == "abc\\x1b…"
    assert clip("日本語チーム", 6) == "日本…"


def test_shorten_keeps_a_combining_mark_with_its_letter() -> None:
    assert shorten("e\u0301" * 40, 10) == "e\u0301" * 10 + "..."
    assert shorten("\x1b" * 40, 10) == "\\x1b\\x1b..."


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | ANY_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ANY_TEXT, inner, max_size=4),
    max_leaves=10,
)


@given(JSON_VALUES)
def test_json_keeps_its_data_and_shows_nothing_hidden(doc: object) -> None:
    text = json.dumps(doc, ensure_ascii=False, indent=2)
    shown = visible_json(text)
    assert is_clean(shown, "\n")
    assert json.loads(shown) == doc


def test_json_escapes_what_json_dumps_leaves_raw() -> None:
    text = json.dumps({"team": "\x9b2J\x7f\u202e\U000e0041"}, ensure_ascii=False)
    assert "\x9b" in text  # json.dumps escapes C0 controls only
    assert visible_json(text) == '{"team": "\\u009b2J\\u007f\\u202e\\udb40\\udc41"}'
