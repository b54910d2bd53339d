"""``selfaudit sets [--json]``: the available question sets."""

from __future__ import annotations

import argparse
import sys

from selfaudit import paths
from selfaudit.commands.common import print_json
from selfaudit.core.text import pick, visible
from selfaudit.i18n import t
from selfaudit.questionnaires import load_catalog
from selfaudit.questionnaires.describe import describe_set


def main(args: argparse.Namespace) -> int:
    """List sets on stdout; problems with custom set files go to stderr and do not fail."""
    catalog = load_catalog()
    for problem in catalog.problems:
        print(f"warning: {visible(str(problem))}", file=sys.stderr)
    if args.json:
        doc = {
            "user_sets_dir": str(paths.user_sets_dir()),
            "sets": [describe_set(s) for s in catalog.sets.values()],
        }
        print_json(doc)
        return 0
    for qset in catalog.sets.values():
        origin = "built-in" if qset.origin == "builtin" else visible(qset.origin)
        title = visible(pick(qset.title, "en"))
        items = t("en", "cli.sets.items", count=len(qset.items))
        print(f"{qset.id:<20} {title:<48} {items:>9}  {origin}")
    print(f"\nYour own sets go in: {visible(str(paths.user_sets_dir()))}", file=sys.stderr)
    return 0
