"""Checking answers against a question set.

Answers are a mapping of item id to value: ``int`` for ``likert5`` (1-5) and ``scale10`` (0-10),
``float`` for ``number``, an option id for ``choice``, ``bool`` for ``yesno``, ``str`` for
``text``. An item without an answer is *skipped*; skipping is explicit and never scores zero.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from selfaudit.core.model import Item, Kind, QuestionSet
from selfaudit.core.numbers import NumberError, parse_number
from selfaudit.core.problems import Problem

Answer = int | float | str | bool
Answers = dict[str, Answer]


def describe(value: Any) -> str:
    """A value as a user wrote it in TOML, for messages (never a Python repr)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f'"{shown}"'
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return f"a {type(value).__name__}"


def check_answer(item: Item, value: Any, lang: str = "en") -> Answer:
    """Return the normalised answer to ``item`` or raise ``ValueError`` saying what is allowed."""
    kind = item.kind
    if kind in (Kind.LIKERT5, Kind.SCALE10):
        low, high = (1, 5) if kind is Kind.LIKERT5 else (0, 10)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value.strip())
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValueError(f"must be a whole number from {low} to {high}, got {describe(value)}")
        return value
    if kind is Kind.NUMBER:
        return _check_number(item, value, lang)
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
    if len(value) > item.max_length:
        raise ValueError(f"is {len(value):,} characters; at most {item.max_length:,} are allowed")
    if "\x00" in value:
        raise ValueError("contains a NUL character")
    return value


def _check_number(item: Item, value: Any, lang: str) -> float:
    if isinstance(value, str):
        try:
            value = parse_number(value, lang)
        except NumberError as exc:
            raise ValueError(str(exc)) from None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"must be a number, got {describe(value)}")
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


def validate_answers(
    qset: QuestionSet, raw: Mapping[str, Any], lang: str = "en"
) -> tuple[Answers, list[Problem]]:
    """Check every answer at once: the normalised answers and all problems found."""
    answers: Answers = {}
    problems: list[Problem] = []
    for key, value in raw.items():
        item = qset.item(key)
        if item is None:
            problems.append(Problem(f"'{qset.id}' has no item '{key}'", key))
            continue
        try:
            answers[key] = check_answer(item, value, lang)
        except ValueError as exc:
            problems.append(Problem(f"{item.kind.value} answer {exc}", key))
    for item in qset.items:
        if item.required and item.id not in raw:
            problems.append(Problem("is required and has no answer", item.id))
    return answers, problems


def usable_answers(
    qset: QuestionSet, raw: Mapping[str, Any], lang: str = "en"
) -> tuple[Answers, list[str]]:
    """The answers that are still valid for ``qset`` and the ids of those that were dropped.

    For answers that were saved earlier (a draft, an old session) against a set that may have
    changed since: an answer the set no longer accepts is dropped, never scored; a missing
    required answer is not a problem here.
    """
    answers, problems = validate_answers(qset, raw, lang)
    dropped = [p.path for p in problems if p.path in raw]
    return answers, dropped


def skipped_items(qset: QuestionSet, answers: Mapping[str, Any]) -> list[str]:
    """Ids of the items without an answer, in asking order."""
    return [i.id for i in qset.items if i.id not in answers]
