"""``selfaudit import PATH...``: bring in sessions exported or published by other installs.

Prints a line per file (imported, already present, refused with the reason) and a count of each;
exits 1 when any file was refused. See :mod:`selfaudit.store.imports` for the checks.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from selfaudit.cli import EXIT_FAILURE, EXIT_OK
from selfaudit.commands.common import open_store
from selfaudit.core.text import visible
from selfaudit.store.imports import FileResult, Outcome, import_paths


def describe(result: FileResult) -> str:
    """One line for a file, safe to print."""
    where = visible(str(result.path))
    if result.outcome is Outcome.IMPORTED:
        return f"imported: {where} ({result.session_id})"
    return f"{result.outcome.value}: {where}: {visible(result.reason)}"


def summary(counts: Counter[Outcome]) -> str:
    """``2 imported, 1 already present, 0 refused``."""
    return ", ".join(f"{counts[o]} {o.value}" for o in Outcome)


def main(args: argparse.Namespace) -> int:
    """Import every file and folder given; exit 1 if any file was refused."""
    store = open_store(args)
    counts: Counter[Outcome] = Counter()
    for result in import_paths(store, [Path(p) for p in args.paths]):
        counts[result.outcome] += 1
        print(describe(result))
    print(summary(counts))
    return EXIT_FAILURE if counts[Outcome.REFUSED] else EXIT_OK
