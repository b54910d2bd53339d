"""``selfaudit sets [--json]``: the available question sets."""

from __future__ import annotations

import argparse
import json
import sys

from selfaudit import paths
from selfaudit.core.text import pick
from selfaudit.questionnaires import load_catalog
from selfaudit.questionnaires.describe import describe_set


def main(args: argparse.Namespace) -> int:
    """List sets on stdout; problems with custom set files go to stderr and do not fail."""
    catalog = load_catalog()
    for problem in catalog.problems:
        print(f"warning: {problem}", file=sys.stderr)
    if args.json:
        doc = {
            "user_sets_dir": str(paths.user_sets_dir()),
            "sets": [describe_set(s) for s in catalog.sets.values()],
        }
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for qset in catalog.sets.values():
        origin = "built-in" if qset.origin == "builtin" else qset.origin
        print(f"{qset.id:<20} {pick(qset.title, 'en'):<48} {len(qset.items):>3} items  {origin}")
    print(f"\nYour own sets go in: {paths.user_sets_dir()}", file=sys.stderr)
    return 0
