"""What the app's export screen offers: which sessions, in which format, and the file or folder
a path typed names.

The same formats as ``selfaudit export --format`` (the CSV with decimal commas is
``--decimal-comma``), and the same choices of sessions as its ids, ``--set`` and ``--team``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from selfaudit.core.keys import team_key


class Listed(Protocol):
    """What a choice needs of a session as the store lists it."""

    @property
    def id(self) -> str: ...
    @property
    def set_id(self) -> str: ...
    @property
    def team_key(self) -> str: ...


@dataclass(frozen=True)
class ExportFormat:
    """One way to write the sessions."""

    id: str
    """Its name on the screen (``export.format.<id>``)."""
    fmt: str
    """What ``selfaudit export --format`` calls it."""
    suffix: str
    """How a file of it ends; ``""``: a folder of TOML files to import."""
    decimal_comma: bool = False


FORMATS = (
    ExportFormat("html", "html", ".html"),
    ExportFormat("md", "md", ".md"),
    ExportFormat("csv", "csv", ".csv"),
    ExportFormat("csv-nl", "csv", ".csv", decimal_comma=True),
    ExportFormat("json", "json", ".json"),
    ExportFormat("toml", "toml", ""),
)

#: The format each known file ending asks for.
SUFFIXES = {".html": "html", ".htm": "html", ".md": "md", ".csv": "csv", ".json": "json"}


@dataclass(frozen=True)
class Scope:
    """One choice of sessions: what it is called, and the sessions, oldest first."""

    key: str
    """Stable across readings of the store (``chosen``, ``all``, ``set:<id>``, ``team``)."""
    kind: str
    """``chosen``, ``all``, ``set`` or ``team`` (``export.scope.<kind>``)."""
    name: str
    """The set's title, the team, or the chosen session's set (``""`` for ``all``)."""
    ids: tuple[str, ...]


def export_scopes(
    summaries: Sequence[Listed],
    titles: Mapping[str, str],
    team: str,
    chosen: Sequence[str] = (),
) -> list[Scope]:
    """The choices for ``summaries`` (newest first, as the store lists them): the sessions
    ``chosen`` in History first, when there are any; then every session; then each set's (by
    its title in ``titles``, else its id), and the sessions of ``team`` when it has any."""
    oldest_first = list(reversed(summaries))
    scopes = []
    wanted = set(chosen)
    picked = [s for s in oldest_first if s.id in wanted]
    if picked:
        name = titles.get(picked[0].set_id, picked[0].set_id) if len(picked) == 1 else ""
        scopes.append(Scope("chosen", "chosen", name, tuple(s.id for s in picked)))
    if oldest_first:
        scopes.append(Scope("all", "all", "", tuple(s.id for s in oldest_first)))
    for set_id in sorted({s.set_id for s in oldest_first}, key=lambda i: titles.get(i, i)):
        ids = tuple(s.id for s in oldest_first if s.set_id == set_id)
        scopes.append(Scope(f"set:{set_id}", "set", titles.get(set_id, set_id), ids))
    key = team_key(team)
    mine = tuple(s.id for s in oldest_first if key and s.team_key == key)
    if mine:
        scopes.append(Scope("team", "team", team.strip(), mine))
    return scopes


@dataclass(frozen=True)
class Target:
    """Where a path typed would write, or why it cannot (``problem``: ``export.target.<it>``)."""

    path: Path | None
    problem: str = ""
    detail: str = ""
    """What the problem is about: the ending that does not match the format, the file there
    already, or the folder that is not there."""


def export_target(text: str, form: ExportFormat, today: dt.date) -> Target:
    """The file (or, for TOML, the folder) a path typed names for ``form``.

    A name not from ``/`` or ``~`` is in the folder the app was started in, and the path
    given back is always a whole one. A folder that exists gets a new name in it,
    ``selfaudit-<date>`` with the format's ending (``-2`` and on when taken); a name without a
    known ending gets the format's; a name that ends as another format does is refused, so a
    report is never written under a spreadsheet's name, and so is a file that is there
    already (nothing is written over) or one in a folder that is not there.
    """
    text = text.strip()
    if not text:
        return Target(None, "empty")
    try:
        path = Path(text).expanduser().absolute()  # so the preview says exactly where
        is_folder = path.is_dir()
    except (RuntimeError, ValueError, OSError):  # ~nosuchuser, or a name the system refuses
        return Target(None, "unusable")
    if is_folder:
        return Target(_free_name(path, f"selfaudit-{today.isoformat()}", form.suffix))
    ending = path.suffix.lower()
    asked = SUFFIXES.get(ending)
    if asked is not None and asked != form.fmt:
        return Target(None, "suffix", ending)
    if asked is None:
        path = path.with_name(path.name + form.suffix)
    if not form.suffix:
        return Target(path)  # a folder of files: made when missing, never written over
    if os.path.lexists(path):
        return Target(None, "exists", str(path))
    if not path.parent.is_dir():
        return Target(None, "no-folder", str(path.parent))
    return Target(path)


def _free_name(folder: Path, stem: str, suffix: str) -> Path:
    """``folder/stem+suffix``, or with ``-2``, ``-3``… when that is taken."""
    path, number = folder / f"{stem}{suffix}", 1
    while os.path.lexists(path):
        number += 1
        path = folder / f"{stem}-{number}{suffix}"
    return path
