"""Session and draft documents: records <-> TOML-ready dicts, with checks and migrations.

tomli-w can write TOML that does not read back (a timezone offset with seconds, a lone surrogate,
integers beyond 64 bits), so :func:`normalise` refuses or fixes such values first, and
:mod:`selfaudit.store.atomic` re-parses every file before it is committed. Reading applies the same
checks to every value of a file (:func:`checked_document`), so a file that is read holds nothing a
view could trip over, such as a timestamp that UTC cannot hold or a date without a time.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from typing import Any

from selfaudit.core.followups import Followup, FollowupStatus
from selfaudit.store.errors import DocumentError, FormatTooNew
from selfaudit.store.identity import id_problem, looks_made
from selfaudit.store.records import Draft, Session

#: The session format this build writes; it reads this and every older one.
FORMAT_VERSION = 3
#: The keys of one ``[[followups]]`` table.
_FOLLOWUP_KEYS = frozenset({"action", "status"})
#: The keys of ``share``: what a respondent lets leave the machine with a session.
_SHARE_KEYS = frozenset({"notes", "name"})
_STATUSES = ", ".join(s.value for s in FollowupStatus)
MAX_INT = 2**63 - 1
#: No real session or draft comes near this; a bigger file in the store is reported, not parsed.
MAX_DOCUMENT_BYTES = 4 << 20


def normalise(value: Any, where: str = "") -> Any:
    """Return a TOML-safe copy: UTC datetimes to the microsecond, checked strings and numbers."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        if not -MAX_INT - 1 <= value <= MAX_INT:
            raise DocumentError(f"{where}: the number {value} is too large to store")
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise DocumentError(f"{where}: {value} is not a finite number")
        return value
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise DocumentError(f"{where}: the text contains an invalid character") from None
        return value
    if isinstance(value, dt.datetime):
        return _utc(value, where)
    if isinstance(value, dt.date | dt.time):
        raise DocumentError(
            f"{where}: a {type(value).__name__} alone; give a date and time with a time zone, "
            "such as 2026-03-01T09:30:00Z"
        )
    if isinstance(value, dict):
        return {str(k): normalise(v, f"{where}.{k}" if where else str(k)) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [normalise(v, f"{where}[{i}]") for i, v in enumerate(value)]
    raise DocumentError(f"{where}: cannot store a {type(value).__name__}")


def _utc(value: dt.datetime, where: str) -> dt.datetime:
    """``value`` in UTC; refused without a time zone or when UTC cannot hold it (years 1-9999)."""
    if value.tzinfo is None:
        raise DocumentError(f"{where}: a timestamp without a time zone; add one, such as Z for UTC")
    try:
        return value.astimezone(dt.UTC)
    except OverflowError:
        raise DocumentError(
            f"{where}: {value.isoformat()} falls outside the years 1 to 9999 in UTC"
        ) from None


def _followup_table(followup: Followup) -> dict[str, str]:
    table = {"action": followup.action}
    if followup.status is not None:
        table["status"] = FollowupStatus(followup.status).value
    return table


def _common(record: Draft | Session) -> dict[str, Any]:
    problem = id_problem(record.respondent_id) if record.respondent_id else None
    if problem is not None:
        raise DocumentError(f"respondent_id: {problem}")
    return {
        "id": record.id,
        "set": {"id": record.set_id, "version": record.set_version, "hash": record.set_hash},
        "team": record.team,
        "respondent_id": record.respondent_id,
        "respondent": record.respondent,
        "lang": record.lang,
        "started_at": record.started_at,
        "answers": dict(record.answers),
        "notes": dict(record.notes),
        "skipped": list(record.skipped),
        "actions": list(record.actions),
        "followups": [_followup_table(f) for f in record.followups],
    }


def session_to_doc(session: Session) -> dict[str, Any]:
    """The TOML document of a completed session; a session without a respondent id is
    refused (:class:`DocumentError`)."""
    if not session.respondent_id:
        raise DocumentError("respondent_id: missing; a session records who answered")
    doc = {"format_version": FORMAT_VERSION, "kind": "session", **_common(session)}
    doc["completed_at"] = session.completed_at
    doc["results"] = session.results
    share = {
        k: True
        for k, chosen in (("notes", session.share_notes), ("name", session.share_name))
        if chosen
    }
    if share:
        doc["share"] = share
    if session.imported_at is not None:
        doc["imported_at"] = session.imported_at
    return normalise(doc)


def draft_to_doc(draft: Draft) -> dict[str, Any]:
    """The TOML document of a draft."""
    doc = {"format_version": FORMAT_VERSION, "kind": "draft", **_common(draft)}
    doc["updated_at"] = draft.updated_at
    doc["position"] = draft.position
    return normalise(doc)


class _Doc:
    """Typed reads from a parsed document, failing with the key path."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc

    def get(self, path: str, types: type | tuple[type, ...], default: Any = ...) -> Any:
        node: Any = self.doc
        for part in path.split("."):
            if not isinstance(node, dict) or part not in node:
                if default is not ...:
                    return default
                raise DocumentError(f"{path}: missing")
            node = node[part]
        if isinstance(node, bool) and bool not in (types if isinstance(types, tuple) else (types,)):
            raise DocumentError(f"{path}: wrong type")
        if not isinstance(node, types):
            raise DocumentError(
                f"{path}: expected {getattr(types, '__name__', types)}, found {type(node).__name__}"
            )
        return node

    def when(self, path: str) -> dt.datetime:
        """A timestamp, already in UTC (see :func:`checked_document`)."""
        value: dt.datetime = self.get(path, dt.datetime)
        return value

    def answers(self) -> dict[str, int | float | str | bool]:
        answers = self.get("answers", dict)
        for key, value in answers.items():
            if not isinstance(value, int | float | str | bool):
                raise DocumentError(f"answers.{key}: not an answer value")
        return answers

    def strings(self, path: str) -> list[str]:
        values = self.get(path, list, [])
        if not all(isinstance(v, str) for v in values):
            raise DocumentError(f"{path}: expected a list of strings")
        return values

    def string_map(self, path: str) -> dict[str, str]:
        values = self.get(path, dict, {})
        if not all(isinstance(v, str) for v in values.values()):
            raise DocumentError(f"{path}: expected texts")
        return values


def check_version(doc: dict[str, Any]) -> int:
    """The document's ``format_version``, the one check sessions and drafts share.

    Raises :class:`FormatTooNew` for a version above :data:`FORMAT_VERSION` and
    :class:`DocumentError` for one that is missing or junk.
    """
    version = doc.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise DocumentError("format_version: missing or not a positive whole number")
    if version > FORMAT_VERSION:
        raise FormatTooNew(version, FORMAT_VERSION)
    return version


def migrate(doc: dict[str, Any]) -> dict[str, Any]:
    """Bring an older document up to :data:`FORMAT_VERSION`, in memory only.

    Version 1 (development builds of 0.1) kept the set as top-level ``set_id`` / ``set_version``,
    one ``timestamp`` for when the session was saved, ``scores`` for the results, and no
    ``skipped``, ``actions`` or ``lang``.

    Version 2 kept one ``respondent``: a name, the install's pseudonym, or ``""``. A pseudonym
    (``anon-`` and six hex digits) becomes the ``respondent_id`` and leaves no name; anything
    else stays the name, with ``respondent_id = ""`` for the store to attribute
    (:mod:`selfaudit.store.respondents`, which has the whole rule). There were no follow-ups.
    """
    version = check_version(doc)
    if version == 1:
        doc = dict(doc)
        doc["set"] = {
            "id": doc.pop("set_id", None),
            "version": doc.pop("set_version", None),
            "hash": doc.pop("set_hash", ""),
        }
        stamp = doc.pop("timestamp", None)
        doc.setdefault("started_at", stamp)
        doc.setdefault("completed_at", stamp)
        doc["results"] = doc.pop("scores", {})
        doc.setdefault("kind", "session")
        doc.setdefault("lang", "en")
        doc["format_version"] = version = 2
    if version == 2:
        doc = dict(doc)
        given = doc.get("respondent", "")
        made = isinstance(given, str) and looks_made(given)
        doc["respondent_id"] = given if made else ""
        doc["respondent"] = "" if made else given
        doc["followups"] = []
        doc["format_version"] = 3
    return doc


def checked_document(raw: dict[str, Any]) -> dict[str, Any]:
    """A parsed file as this build reads it: version, every value, then migrated to the latest.

    The version is checked first, so a file from a newer selfaudit is reported as such whatever
    it holds. Then every value anywhere must be one this build could write back
    (:func:`normalise`): a local date or time, a timestamp without a time zone or one outside what
    UTC can hold is refused with its key path, and every timestamp is turned into UTC.
    """
    check_version(raw)
    return migrate(normalise(raw))


def _check_id(value: str) -> str:
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise DocumentError("id: not a session id") from None


def _respondent_id(d: _Doc, required: bool) -> str:
    """The respondent id: a session of format 3 must have one; a draft, and a document
    migrated from format 1 or 2 (see :func:`migrate`), may leave it empty."""
    value: str = d.get("respondent_id", str)
    if not value and required:
        raise DocumentError("respondent_id: empty; a session records who answered")
    problem = id_problem(value) if value else None
    if problem is not None:
        raise DocumentError(f"respondent_id: {problem}")
    return value


def _followups(d: _Doc) -> list[Followup]:
    """``[[followups]]``: each a table with an ``action`` and, once answered, a ``status``."""
    found = []
    for i, table in enumerate(d.get("followups", list, [])):
        where = f"followups[{i}]"
        if not isinstance(table, dict):
            raise DocumentError(f"{where}: expected a table with an action")
        unknown = sorted(set(table) - _FOLLOWUP_KEYS)
        if unknown:
            raise DocumentError(
                f"{where}: unknown key '{unknown[0]}'; a follow-up has an action and a status"
            )
        action = table.get("action")
        if not isinstance(action, str):
            raise DocumentError(
                f"{where}.action: {'missing' if action is None else 'expected text'}"
            )
        status = table.get("status")
        if status is not None and status not in {s.value for s in FollowupStatus}:
            shown = status if isinstance(status, str) else type(status).__name__
            raise DocumentError(
                f"{where}.status: '{shown}' is not a status; use one of {_STATUSES}, or leave it "
                "out while the action is not answered"
            )
        found.append(Followup(action, FollowupStatus(status) if status is not None else None))
    return found


def _common_fields(d: _Doc, migrated: bool, kind: str) -> dict[str, Any]:
    """The fields drafts and sessions share (the inverse of :func:`_common`)."""
    return {
        "id": _check_id(d.get("id", str)),
        "set_id": d.get("set.id", str),
        "set_version": d.get("set.version", str),
        "set_hash": d.get("set.hash", str, ""),
        "started_at": d.when("started_at"),
        "team": d.get("team", str, ""),
        "respondent": d.get("respondent", str, ""),
        "respondent_id": _respondent_id(d, required=kind == "session" and not migrated),
        "lang": d.get("lang", str, "en"),
        "answers": d.answers(),
        "notes": d.string_map("notes"),
    }


def session_from_doc(raw: dict[str, Any]) -> Session:
    """Read a completed session (after migration); raises :class:`DocumentError`."""
    version = check_version(raw)
    d = _Doc(checked_document(raw))
    if d.get("kind", str, "session") != "session":
        raise DocumentError("kind: this is not a completed session")
    return Session(
        **_common_fields(d, version < FORMAT_VERSION, "session"),
        format_version=version,
        completed_at=d.when("completed_at"),
        skipped=tuple(d.strings("skipped")),
        actions=tuple(d.strings("actions")),
        results=check_results(d.get("results", dict, {})),
        followups=tuple(_followups(d)),
        share_notes=_shared(d, "notes"),
        share_name=_shared(d, "name"),
        imported_at=d.when("imported_at") if "imported_at" in d.doc else None,
    )


def _shared(d: _Doc, key: str) -> bool:
    """``share = { notes = true, name = true }``: whether the respondent chose to let ``key``
    leave the machine besides the shareable part (absent: not)."""
    table = d.get("share", dict, {})
    unknown = sorted(set(table) - _SHARE_KEYS)
    if unknown:
        raise DocumentError(f"share: unknown key '{unknown[0]}'; it takes notes and name")
    chosen = table.get(key, False)
    if not isinstance(chosen, bool):
        raise DocumentError(f"share.{key}: expected true or false")
    return chosen


def _number(value: Any, where: str, whole: bool = False) -> None:
    """Refuse a value that is not a number (finiteness is :func:`normalise`'s check)."""
    kinds = int if whole else (int, float)
    if isinstance(value, bool) or not isinstance(value, kinds):
        raise DocumentError(f"{where}: expected {'a whole number' if whole else 'a number'}")


def check_results(results: dict[str, Any]) -> dict[str, Any]:
    """Check the stored results that views read (scores, eNPS, level, annual cost) are numbers.

    The rest of ``[results]`` is read back by :func:`selfaudit.core.stored.stored_results`,
    which checks every value itself and leaves out what does not fit.
    """
    dimensions = results.get("dimensions", [])
    if not isinstance(dimensions, list):
        raise DocumentError("results.dimensions: expected a list of tables")
    for i, dim in enumerate(dimensions):
        where = f"results.dimensions[{i}]"
        if not isinstance(dim, dict) or not isinstance(dim.get("id"), str):
            raise DocumentError(f"{where}: expected a table with an id")
        if "score" in dim:
            _number(dim["score"], f"{where}.score")
    for table, key, whole in (
        ("enps", "answer", True),
        ("levels", "reached", True),
        ("turnover", "annual_cost", False),
    ):
        if table not in results:
            continue
        if not isinstance(results[table], dict):
            raise DocumentError(f"results.{table}: expected a table")
        if key in results[table]:
            _number(results[table][key], f"results.{table}.{key}", whole)
    return results


def draft_from_doc(raw: dict[str, Any]) -> Draft:
    """Read a draft; raises :class:`DocumentError`."""
    version = check_version(raw)
    d = _Doc(checked_document(raw))
    if d.get("kind", str) != "draft":
        raise DocumentError("kind: this is not a draft")
    return Draft(
        **_common_fields(d, version < FORMAT_VERSION, "draft"),
        updated_at=d.when("updated_at"),
        skipped=d.strings("skipped"),
        position=max(0, d.get("position", int, 0)),
        actions=d.strings("actions"),
        followups=_followups(d),
    )
