"""What became of one file brought in by ``selfaudit import`` or a sync's pull.

Apart from :mod:`selfaudit.store.imports`, which reads and writes sessions, so a sync can tell
what it read before without importing the records (most of a command's start-up); a named
tuple, not a dataclass, for the reason :mod:`selfaudit.teamstore.state` gives.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import NamedTuple


class Outcome(StrEnum):
    """What became of one file."""

    IMPORTED = "imported"
    PRESENT = "already present"
    REFUSED = "refused"


class FileResult(NamedTuple):
    """One file and what became of it."""

    path: Path
    outcome: Outcome
    reason: str = ""
    """Why it was refused, or where it already is; ``""`` for a file imported."""
    session_id: str = ""
    """The id the file holds, once it could be read."""
