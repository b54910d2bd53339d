"""``selfaudit doctor``: report files in the store that views skip, and why. Changes nothing."""

from __future__ import annotations

import argparse
import contextlib

from selfaudit.commands.common import open_store
from selfaudit.core.text import visible
from selfaudit.i18n import t
from selfaudit.store import StoreError


def main(args: argparse.Namespace) -> int:
    """Exit 0 when the store is healthy, 1 when anything needs attention."""
    store = open_store(args, create=False)
    root = visible(str(store.root))
    if not store.root.exists():
        print(f"No store yet at {root}; it is made when you save your first session.")
        return 0
    problems = store.doctor()
    print(f"Store: {root}")
    with contextlib.suppress(StoreError):  # a folder that cannot be read is among the problems
        drafts = t("en", "cli.doctor.drafts", count=len(store.drafts()))
        print("  " + t("en", "cli.doctor.sessions", count=len(store.sessions()), drafts=drafts))
    for problem in problems:
        print(f"  {visible(str(problem.path))}: {visible(problem.reason)}")
    if problems:
        print(t("en", "cli.doctor.problems", count=len(problems)))
        return 1
    print("  no problems found")
    return 0
