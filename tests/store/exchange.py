"""Sessions for the exchange tests: saved in a store of the test's choosing."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from selfaudit.core.model import QuestionSet
from selfaudit.questionnaires import load_catalog
from selfaudit.store import Session, Store

#: A complete choose-us answer, with an open answer and an eNPS of 9.
CHOOSE_US: dict[str, Any] = {
    "enps": 9,
    "choose_again": 4,
    "stay_year": 3,
    "choose_what": "a kinder boss",
}


def builtin(set_id: str = "choose-us") -> QuestionSet:
    """An installed set."""
    qset = load_catalog().get(set_id)
    assert qset is not None
    return qset


def save(
    store: Store,
    *,
    who: str,
    team: str = "Payroll",
    when: dt.datetime | None = None,
    answers: dict[str, Any] | None = None,
    name: str = "",
    share_notes: bool = False,
    share_name: bool = False,
    set_id: str = "choose-us",
) -> Session:
    """A choose-us session of ``who`` (completed at ``when`` when given), with a note."""
    session = store.save_session(
        builtin(set_id),
        dict(CHOOSE_US if answers is None else answers),
        notes={"enps": "my private note"},
        team=team,
        respondent=name,
        respondent_id=who,
        share_notes=share_notes,
        share_name=share_name,
    )
    if when is None:
        return session
    store.path_of(session.id).unlink()
    dated = dataclasses.replace(session, started_at=when, completed_at=when)
    store.write_session(dated)
    return dated


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (relative path -> bytes), links by their target."""
    found: dict[str, bytes] = {}
    if not root.exists():
        return found
    for path in sorted(root.rglob("*")):
        rel = str(path.relative_to(root))
        if path.is_symlink():
            found[rel] = b"-> " + str(path.readlink()).encode()
        elif path.is_file():
            found[rel] = path.read_bytes()
    return found
