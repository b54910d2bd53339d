"""Checking answers against a question set.

Answers are a mapping of item id to value: ``int`` for ``likert5`` (1-5) and ``scale10`` (0-10),
``float`` for ``number``, an option id for ``choice``, ``bool`` for ``yesno``, ``str`` for
``text`` and ``team``. An item without an answer is *skipped*; skipping is explicit and never
scores zero.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from selfaudit.core.model import Item, Kind, QuestionSet
from selfaudit.core.numbers import parse_number
from selfaudit.core.problems import Problem
from selfaudit.core.text import clip, hidden_character, visible

Answer = int | float | str | bool
Answers = dict[str, Answer]

#: The largest whole number a file may hold (a signed 64-bit integer); beyond it ``float()``
#: overflows or the number is not a real answer anyway.
MAX_INT = 2**63 - 1
#: How many terminal cells of a value or key from a file a message echoes.
ECHO_LIMIT = 60

#: The longest team name an answer may hold (as long as a team in the settings).
TEAM_LENGTH = 200

_SCALE_ANSWER = re.compile(r"[0-9]{1,3}")


def shorten(text: str, limit: int = ECHO_LIMIT) -> str:
    """``text`` made safe to echo in a message: shown :func:`~selfaudit.core.text.visible`, and
    when longer, cut to ``limit`` cells followed by ``...``.

    A terminal escape sequence, a newline or a right-to-left override shows as ``\\x1b``,
    ``\\n``, ``\\u202e``; a cut never splits a character or an escape.
    """
    return clip(text, limit + len("..."), "...")


def describe(value: Any) -> str:
    """A value as a user wrote it in TOML, for messages (never a Python repr), cut and escaped."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{shorten(value)}"'
    if isinstance(value, int) and abs(value) > MAX_INT:
        return "a number that is too large"
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return f"a {type(value).__name__}"


def check_answer(item: Item, value: Any) -> Answer:
    """Return the normalised answer to ``item`` or raise ``ValueError`` saying what is allowed."""
    kind = item.kind
    if kind in (Kind.LIKERT5, Kind.SCALE10):
        low, high = (1, 5) if kind is Kind.LIKERT5 else (0, 10)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, str) and _SCALE_ANSWER.fullmatch(value.strip()):
            value = int(value.strip())
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValueError(f"must be a whole number from {low} to {high}, got {describe(value)}")
        return value
    if kind is Kind.NUMBER:
        return _check_number(item, value)
    if kind is Kind.CHOICE:
        ids = [o.id for o in item.options]
        if not isinstance(value, str) or value not in ids:
            raise ValueError(f"must be one of {', '.join(ids)}, got {describe(value)}")
        return value
    if kind is Kind.YESNO:
        if not isinstance(value, bool):
            raise ValueError(f"must be true or false, got {describe(value)}")
        return value
    if not isinstance(value, str):
        raise ValueError(f"must be text, got {describe(value)}")
    if kind is Kind.TEAM:
        return _check_team(value)
    if len(value) > item.max_length:
        raise ValueError(f"is {len(value):,} characters; the limit is {item.max_length:,}")
    if "\x00" in value:
        raise ValueError("contains a NUL character")
    return value


def _check_team(value: str) -> str:
    """A team's name: as typed, without surrounding spaces; refused when empty, longer than
    :data:`TEAM_LENGTH` or holding a control character (it is shown in lists and shared)."""
    name = value.strip()
    if not name:
        raise ValueError("must name a team or department")
    if len(name) > TEAM_LENGTH:
        raise ValueError(f"is {len(name):,} characters; at most {TEAM_LENGTH} are allowed")
    hidden = hidden_character(name)
    if hidden is not None:
        raise ValueError(f"contains the control character {visible(hidden)}")
    return name


def _check_number(item: Item, value: Any) -> float:
    """A number answer. Text is read by :func:`~selfaudit.core.numbers.parse_number`, whose
    ``NumberError`` (``AmbiguousNumber`` too) echoes the short, printable text as typed."""
    if isinstance(value, str):
        if len(value) > ECHO_LIMIT or not value.isprintable():
            raise ValueError(f"must be a number, got {describe(value)}")
        value = parse_number(value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"must be a number, got {describe(value)}")
    if isinstance(value, int) and abs(value) > MAX_INT:
        raise ValueError(f"is too large; at most {MAX_INT:,} is possible")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError("must be a finite number")
    if item.integer and not number.is_integer():
        raise ValueError(f"must be a whole number, got {number:g}")
    if item.minimum is not None and number < item.minimum:
        raise ValueError(f"must be at least {item.minimum:g}, got {number:g}")
    if item.maximum is not None and number > item.maximum:
        raise ValueError(f"must be at most {item.maximum:g}, got {number:g}")
    return number


def validate_answers(qset: QuestionSet, raw: Mapping[str, Any]) -> tuple[Answers, list[Problem]]:
    """Check every answer at once: the normalised answers and all problems found."""
    answers: Answers = {}
    problems: list[Problem] = []
    for key, value in raw.items():
        item = qset.item(key)
        if item is None:
            problems.append(Problem(f"'{qset.id}' has no item '{shorten(key)}'", shorten(key)))
            continue
        try:
            answers[key] = check_answer(item, value)
        except ValueError as exc:
            problems.append(Problem(f"{item.kind.value} answer {exc}", key))
    for item in qset.items:
        if item.required and item.id not in raw:
            problems.append(Problem("is required and has no answer", item.id))
    return answers, problems


def usable_answers(qset: QuestionSet, raw: Mapping[str, Any]) -> tuple[Answers, list[str]]:
    """The answers that are still valid for ``qset`` and the ids of those that were dropped.

    For answers that were saved earlier (a draft, an old session) against a set that may have
    changed since: an answer the set no longer accepts is dropped, never scored; a missing
    required answer is not a problem here.
    """
    answers, _ = validate_answers(qset, raw)
    return answers, [key for key in raw if key not in answers]


def skipped_items(qset: QuestionSet, answers: Mapping[str, Any]) -> list[str]:
    """Ids of the items without an answer, in asking order."""
    return [i.id for i in qset.items if i.id not in answers]


def written_texts(
    qset: QuestionSet, answers: Mapping[str, Any], notes: Mapping[str, str]
) -> list[tuple[Item, str]]:
    """What the person wrote in their own words, in asking order: open answers, then notes."""
    out: list[tuple[Item, str]] = []
    for item in qset.items:
        answer = answers.get(item.id)
        if item.kind is Kind.TEXT and isinstance(answer, str) and answer.strip():
            out.append((item, answer))
        if notes.get(item.id, "").strip():
            out.append((item, notes[item.id]))
    return out


def number_answers(qset: QuestionSet, answers: Mapping[str, Any]) -> list[tuple[Item, float]]:
    """The figures the person gave, in asking order: every answered ``number`` item."""
    return [
        (item, float(answers[item.id]))
        for item in qset.items
        if item.kind is Kind.NUMBER and item.id in answers
    ]
