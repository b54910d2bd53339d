"""A machine-readable description of a set: enough for a script to answer any item."""

from __future__ import annotations

from typing import Any

from selfaudit.core.answers import TEAM_LENGTH
from selfaudit.core.model import Item, Kind, QuestionSet


def describe_item(item: Item) -> dict[str, Any]:
    """Id, kind, dimension and the allowed values or range of one item."""
    out: dict[str, Any] = {
        "id": item.id,
        "kind": item.kind.value,
        "dimension": item.dimension,
        "required": item.required,
        "text": dict(item.text),
    }
    if item.side is not None:
        out["side"] = item.side.value
    if item.kind is Kind.LIKERT5:
        out["allowed"] = {"min": 1, "max": 5, "integer": True}
        out["reverse"] = item.reverse
    elif item.kind is Kind.SCALE10:
        out["allowed"] = {"min": 0, "max": 10, "integer": True}
        out["reverse"] = item.reverse
    elif item.kind is Kind.YESNO:
        out["allowed"] = [True, False]
    elif item.kind is Kind.CHOICE:
        out["allowed"] = [o.id for o in item.options]
    elif item.kind is Kind.NUMBER:
        out["allowed"] = {"min": item.minimum, "max": item.maximum, "integer": item.integer}
        out["unit"] = item.unit if isinstance(item.unit, str) else dict(item.unit)
        if item.default is not None:
            out["default"] = item.default
            out["default_source"] = item.default_source
    elif item.kind is Kind.TEAM:
        out["allowed"] = {"max_length": TEAM_LENGTH}
    else:
        out["allowed"] = {"max_length": item.max_length}
    return out


def describe_set(qset: QuestionSet) -> dict[str, Any]:
    """Everything ``selfaudit sets --json`` says about one set."""
    return {
        "id": qset.id,
        "version": qset.version,
        "origin": qset.origin,
        "languages": list(qset.languages),
        "title": dict(qset.title),
        "summary": dict(qset.summary),
        "model": qset.model.value,
        "content_hash": qset.content_hash,
        "dimensions": [
            {"id": d.id, "title": dict(d.title), **({"level": d.level} if d.level else {})}
            for d in qset.dimensions
        ],
        "items": [describe_item(i) for i in qset.items],
    }
