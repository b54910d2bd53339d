"""Load question-set files: hostile input in, a :class:`QuestionSet` or located problems out."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from selfaudit import paths
from selfaudit.core.model import QuestionSet
from selfaudit.core.problems import Problem
from selfaudit.questionnaires.schema import build_question_set
from selfaudit.tomlio import TomlError, decode_text, parse_toml, read_bytes_safely

#: A question set is text; anything bigger than this is not one. The largest built-in set is
#: about 36 KB; 256 KiB keeps the worst case (a file of ``x = [0,0,...]``) well under a second.
MAX_SET_BYTES = 256 << 10
#: Beyond this many problems a file is not worth listing line by line.
MAX_PROBLEMS = 50


def load_file(path: Path | str, origin: str = "") -> tuple[QuestionSet | None, list[Problem]]:
    """Read and validate one set file; every problem names the file and a line or key path."""
    p = Path(path)
    try:
        data = read_bytes_safely(p, MAX_SET_BYTES)
        doc = parse_toml(p, decode_text(p, data))
    except TomlError as exc:
        return None, [Problem(exc.message, "", exc.path, exc.line)]
    qset, problems = build_question_set(doc, origin or str(p), hashlib.sha256(data).hexdigest())
    shown = [problem.in_file(str(p)) for problem in problems[:MAX_PROBLEMS]]
    if len(problems) > MAX_PROBLEMS:
        more = len(problems) - MAX_PROBLEMS
        shown.append(
            Problem(f"... and {more:,} more problems; fix the ones above first", "", str(p))
        )
    return qset, shown


def check_file(path: Path | str) -> tuple[QuestionSet | None, list[Problem]]:
    """:func:`load_file` for a set of one's own, which may not take a built-in set's id: the
    built-in set would win and the file would be left out of every list."""
    qset, problems = load_file(path)
    builtin_dir = paths.builtin_sets_dir().resolve()
    if qset is None or Path(path).resolve().parent == builtin_dir:
        return qset, problems
    taken = {s.id for s in (load_file(f, "builtin")[0] for f in _set_files(builtin_dir)) if s}
    if qset.id not in taken:
        return qset, problems
    problem = Problem(
        f"'{qset.id}' is the id of a built-in set, so selfaudit would ignore this file; "
        "give your set an id of its own ('selfaudit sets' lists the ids in use)",
        "id",
        str(path),
    )
    return None, [problem]


@dataclass
class Catalog:
    """Every available set, built-in first, plus the problems of files that failed to load."""

    sets: dict[str, QuestionSet] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def get(self, set_id: str) -> QuestionSet | None:
        """The set with this id, if available."""
        return self.sets.get(set_id)

    @property
    def broken_files(self) -> list[str]:
        """The files whose problems kept them out, in the order found (each once)."""
        return list(dict.fromkeys(p.file for p in self.problems if p.file))


def _set_files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.suffix == ".toml")
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as exc:
        raise TomlError(folder, f"cannot be listed ({exc.strerror})") from None


def load_catalog(user_dir: Path | None = None) -> Catalog:
    """Load the built-in sets and the user's own; a broken user file never hides the others."""
    catalog = Catalog()
    folders = [(paths.builtin_sets_dir(), "builtin"), (user_dir or paths.user_sets_dir(), "")]
    for folder, origin in folders:
        try:
            files = _set_files(folder)
        except TomlError as exc:
            catalog.problems.append(Problem(exc.message, "", exc.path))
            continue
        for file in files:
            qset, problems = load_file(file, origin)
            catalog.problems.extend(problems)
            if qset is None:
                continue
            if qset.id in catalog.sets:
                catalog.problems.append(
                    Problem(
                        f"set id '{qset.id}' is already used by another set; this file is ignored",
                        "id",
                        str(file),
                    )
                )
                continue
            catalog.sets[qset.id] = qset
    return catalog
