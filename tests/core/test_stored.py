"""One reader of saved results: recomputed for the installed version, as saved for another."""

from __future__ import annotations

from pathlib import Path

from selfaudit.core.model import QuestionSet
from selfaudit.core.results import compute_results
from selfaudit.core.stored import session_results
from selfaudit.questionnaires.loader import load_file

MINI = Path(__file__).parent.parent / "fixtures" / "sets" / "mini.toml"
ANSWERS = {"fast": 4, "ignore": 1, "recommend": 9, "again": True, "people": 12.0}


def _mini() -> QuestionSet:
    qset, problems = load_file(MINI)
    assert qset is not None, problems
    return qset


def test_the_installed_version_is_recomputed_from_its_usable_answers() -> None:
    qset = _mini()
    answers = {**ANSWERS, "gone": 3, "fast": 9}  # an item no longer there, a value out of range
    saved = {"model": "dimensions", "dimensions": [{"id": "serve", "score": 1.0}]}
    read = session_results(
        qset, set_version=qset.version, set_hash=qset.content_hash, saved=saved, answers=answers
    )
    usable = {k: v for k, v in ANSWERS.items() if k != "fast"}
    assert not read.as_saved and read.answers == usable
    assert read.results == compute_results(qset, usable)


def test_another_version_keeps_the_figures_it_was_saved_with() -> None:
    qset = _mini()
    saved = {"model": "dimensions", "dimensions": [{"id": "serve", "score": 12.5}]}
    for version, digest in (("0.9", ""), (qset.version, "0" * 64)):
        read = session_results(
            qset, set_version=version, set_hash=digest, saved=saved, answers=ANSWERS
        )
        serve = read.results.dimension("serve")
        assert read.as_saved and serve is not None and serve.score == 12.5
        assert read.answers == ANSWERS
