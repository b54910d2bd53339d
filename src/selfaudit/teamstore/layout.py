"""Where a session lives in the team store: ``teams/<team>/<yyyy>/<id>.toml``.

The team folder's name is made from the team's key (see :func:`team_folder`), so any team name
gives one safe name of at most 60 characters, and two different teams never share a folder. The
year is that of ``completed_at`` in UTC, so no folder grows to tens of thousands of files.
Every file is named by the session's id and never changed once written, so members publishing
at the same moment never write the same file.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

from selfaudit.core.keys import team_key

TYPE_CHECKING = False  # typing's, without importing typing (5 ms of every start)

if TYPE_CHECKING:
    from selfaudit.store.records import Session

TEAMS = "teams"
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")


def team_folder(team: str) -> str:
    """The folder name of ``team``: its key in ASCII letters, digits and ``-`` (at most 48),
    then ``-`` and 8 hex digits of the key's SHA-256: ``service-desk-3f1c0b2a``."""
    import hashlib  # deferred: only publishing names a folder, and the import costs 2 ms

    key = team_key(team)
    ascii_only = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()
    slug = _SLUG_JUNK.sub("-", ascii_only).strip("-")[:48].strip("-") or "team"
    return f"{slug}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:8]}"


def session_path(root: Path, session: Session) -> Path:
    """Where ``session`` is published under the store's ``root``."""
    year = f"{session.completed_at.astimezone(dt.UTC).year:04d}"
    return root / TEAMS / team_folder(session.team) / year / f"{session.id}.toml"
