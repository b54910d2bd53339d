"""``selfaudit validate FILE...``: check question-set files, reporting every problem."""

from __future__ import annotations

import argparse
import sys

from selfaudit.core.text import visible
from selfaudit.i18n import t
from selfaudit.questionnaires import check_file


def main(args: argparse.Namespace) -> int:
    """Print one line per problem on stderr; exit 2 if any file has one."""
    bad = 0
    for name in args.files:
        qset, problems = check_file(name)
        for problem in problems:
            print(visible(str(problem)), file=sys.stderr)
        if qset is None:
            bad += 1
        else:
            ok = t(
                "en",
                "cli.validate.ok",
                file=name,
                set=qset.id,
                version=qset.version,
                count=len(qset.items),
            )
            print(visible(ok))
    if bad:
        print(t("en", "cli.validate.bad", bad=bad, count=len(args.files)), file=sys.stderr)
        return 2
    return 0
