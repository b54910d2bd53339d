"""``selfaudit validate FILE...``: check question-set files, reporting every problem."""

from __future__ import annotations

import argparse
import sys

from selfaudit.core.text import visible
from selfaudit.questionnaires import load_file


def main(args: argparse.Namespace) -> int:
    """Print one line per problem on stderr; exit 2 if any file has one."""
    bad = 0
    for name in args.files:
        qset, problems = load_file(name)
        for problem in problems:
            print(visible(str(problem)), file=sys.stderr)
        if qset is None:
            bad += 1
        else:
            print(visible(f"{name}: ok ({qset.id} {qset.version}, {len(qset.items)} items)"))
    if bad:
        print(f"selfaudit: {bad} of {len(args.files)} file(s) have problems", file=sys.stderr)
        return 2
    return 0
