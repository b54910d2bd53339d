"""Sessions as CSV: a row per session, a column per item and per dimension score, UTF-8.

Made from the sessions' shareable form (:mod:`selfaudit.store.shareable`), so an open answer is
in it only when its session shares notes. With ``decimal_comma`` the separator is ``;`` and
numbers are written ``62,5``, which is how a spreadsheet set to Dutch reads a CSV file. A text
that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is written after a
``'``, so a spreadsheet shows it rather than running it as a formula.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from selfaudit.core.model import QuestionSet

#: The columns every row has, before the items and scores.
BASE_COLUMNS = (
    "id",
    "set",
    "set_version",
    "team",
    "respondent_id",
    "respondent",
    "lang",
    "started_at",
    "completed_at",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def cell(value: Any, decimal_comma: bool) -> str:
    """One value as written: numbers with the chosen decimal mark, booleans as true/false,
    times in ISO 8601 UTC, texts guarded against formulas; nothing as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = format(value, ".15g")
        return text.replace(".", ",") if decimal_comma else text
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return _text(str(value))


def columns(qsets: Sequence[QuestionSet]) -> list[tuple[str, str, str]]:
    """(header, set id, item or ``score:<dimension>``) per column after the base ones: each
    set's items in asking order, then its dimensions. With several sets each header starts
    with the set's id."""
    found = []
    for qset in qsets:
        prefix = f"{qset.id}:" if len(qsets) > 1 else ""
        found += [(prefix + item.id, qset.id, item.id) for item in qset.items]
        found += [(f"{prefix}score:{d.id}", qset.id, f"score:{d.id}") for d in qset.dimensions]
    return found


def _scores(doc: dict[str, Any]) -> dict[str, Any]:
    dims = doc.get("results", {}).get("dimensions", [])
    return {f"score:{d['id']}": d.get("score") for d in dims if isinstance(d, dict)}


def sessions_csv(
    docs: Sequence[dict[str, Any]], qsets: Sequence[QuestionSet], decimal_comma: bool = False
) -> str:
    """The CSV text of ``docs`` (shareable documents of sessions of ``qsets``)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if decimal_comma else ",", lineterminator="\r\n")
    extra = columns(qsets)
    writer.writerow([*BASE_COLUMNS, *(header for header, _, _ in extra)])
    for doc in docs:
        base = {**doc, "set": doc["set"]["id"], "set_version": doc["set"]["version"]}
        values = {**doc.get("answers", {}), **_scores(doc)}
        row = [cell(base.get(key), decimal_comma) for key in BASE_COLUMNS]
        row += [
            cell(values.get(key) if set_id == base["set"] else None, decimal_comma)
            for _, set_id, key in extra
        ]
        writer.writerow(row)
    return out.getvalue()
