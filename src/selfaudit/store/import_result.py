"""What became of one file brought in by ``selfaudit import`` or a sync's pull.

Apart from :mod:`selfaudit.store.imports`, which reads and writes sessions, so a sync can tell
what it read before without importing the records (most of a command's start-up); a plain
class, for the reason :mod:`selfaudit.teamstore.state` gives.
"""

from __future__ import annotations

from enum import StrEnum

TYPE_CHECKING = False  # typing's, without importing typing (5 ms of every start)
if TYPE_CHECKING:
    from pathlib import Path


class Outcome(StrEnum):
    """What became of one file."""

    IMPORTED = "imported"
    PRESENT = "already present"
    REFUSED = "refused"


class FileResult:
    """One file and what became of it."""

    __slots__ = ("outcome", "path", "reason", "session_id")

    def __init__(
        self, path: Path, outcome: Outcome, reason: str = "", session_id: str = ""
    ) -> None:
        self.path = path
        self.outcome = outcome
        self.reason = reason
        """Why it was refused, or where it already is; ``""`` for a file imported."""
        self.session_id = session_id
        """The id the file holds, once it could be read."""
