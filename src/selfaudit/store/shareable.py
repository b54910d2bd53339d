"""The shareable form of a session: the part of it that may leave the member's machine.

What leaves (``docs/exchange.md``): the set (id, version, hash), the team, the respondent id, the
language, the dates, the answers, the skipped items, the action items and follow-ups, and the
saved results. Notes and the answers to open (``text``) questions leave only when the session
says ``share = { notes = true }``; the display name only with ``share = { name = true }``. A
session brought in from elsewhere loses its ``imported_at`` (that is the receiver's own fact).

Which answers are open is known only from the set, so a session whose set is not installed
cannot be put in shareable form (:class:`NotShareable`): guessing could let an open answer out.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from selfaudit.core.model import Kind, QuestionSet
from selfaudit.store.codec import session_to_doc
from selfaudit.store.records import Session


class NotShareable(Exception):
    """A session that cannot be put in shareable form; ``str()`` is one sentence."""


def open_item_ids(qset: QuestionSet) -> frozenset[str]:
    """The ids of ``qset``'s open questions (kind ``text``), whose answers are private."""
    return frozenset(item.id for item in qset.items if item.kind is Kind.TEXT)


def shareable(session: Session, qset: QuestionSet | None) -> Session:
    """``session`` as it may leave the machine (see module docstring).

    ``qset`` is the installed set of the session's id (``None`` when it is not installed);
    raises :class:`NotShareable` when the set is missing or is another one.
    """
    if qset is None or qset.id != session.set_id:
        raise NotShareable(
            f"session {session.id}: its set '{session.set_id}' is not installed, so which of "
            "its answers are private cannot be told; it is not shared"
        )
    answers = dict(session.answers)
    notes = dict(session.notes)
    if not session.share_notes:
        private = open_item_ids(qset)
        answers = {k: v for k, v in answers.items() if k not in private}
        notes = {}
    return dataclasses.replace(
        session,
        answers=answers,
        notes=notes,
        respondent=session.respondent if session.share_name else "",
        imported_at=None,
    )


def shareable_doc(session: Session, qset: QuestionSet | None) -> dict[str, Any]:
    """The TOML document of :func:`shareable` (what ``export --format toml`` and ``sync``
    write, and ``import`` reads)."""
    doc: dict[str, Any] = session_to_doc(shareable(session, qset))
    if not doc.get("respondent"):
        doc.pop("respondent", None)
    if not doc.get("notes"):
        doc.pop("notes", None)
    return doc


def shared_fields(doc: dict[str, Any]) -> list[str]:
    """The fields of a shareable document as ``--dry-run`` lists them: each top-level key, and
    each answer and note by item id (``answers.fast``, ``notes.fast``)."""
    fields: list[str] = []
    for key in doc:
        value = doc[key]
        if key in ("answers", "notes") and isinstance(value, dict) and value:
            fields.extend(f"{key}.{item}" for item in value)
        else:
            fields.append(key)
    return fields
