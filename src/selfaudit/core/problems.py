"""A problem found in a file or an answer, reported together with all the others."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong, located by file and line or by key path (``items[3].max``)."""

    message: str
    path: str = ""
    """Key path inside the document, e.g. ``items[3].max``; empty for the whole file."""
    file: str = ""
    line: int | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where = f"{where}:{self.line}"
        if self.path:
            where = f"{where}: {self.path}" if where else self.path
        return f"{where}: {self.message}" if where else self.message

    def in_file(self, file: str) -> Problem:
        """The same problem, attributed to ``file``."""
        return Problem(self.message, self.path, file, self.line)
