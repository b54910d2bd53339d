"""Countable strings have a singular and a plural in both languages, chosen by ``count``."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import selfaudit
from selfaudit.i18n import t
from selfaudit.i18n.en import MESSAGES as EN
from selfaudit.i18n.nl import MESSAGES as NL

SRC = Path(selfaudit.__file__).parent  # the package under test, wherever it is imported from


def _key_strings(node: ast.expr, scope: ast.AST) -> set[str]:
    """The catalog keys a ``t()`` key argument can be: a literal, or the literals assigned to
    the variable it names inside the function (``key = "a" if x else "b"``)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.Name):
        found: set[str] = set()
        for assign in ast.walk(scope):
            if isinstance(assign, ast.Assign) and any(
                isinstance(target, ast.Name) and target.id == node.id for target in assign.targets
            ):
                found |= {
                    c.value
                    for c in ast.walk(assign.value)
                    if isinstance(c, ast.Constant) and isinstance(c.value, str)
                }
        return found
    return set()


def _counted_keys() -> Iterator[tuple[str, str]]:
    """(where, key) for every ``t(..., count=...)`` call in the source: ``t(lang, key)`` and the
    screens' and app's ``self.t(key)``."""
    for file in sorted(SRC.rglob("*.py")):
        tree = ast.parse(file.read_text(encoding="utf-8"))
        for scope in ast.walk(tree):
            if not isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for call in ast.walk(scope):
                if not (isinstance(call, ast.Call) and call.args):
                    continue
                name = getattr(call.func, "id", None) or getattr(call.func, "attr", None)
                if name != "t" or all(k.arg != "count" for k in call.keywords):
                    continue
                where = f"{file.relative_to(SRC)}:{call.lineno}"
                keys = _key_strings(call.args[-1], scope)
                assert keys, f"{where}: the key given with a count is not a literal"
                for key in keys:
                    yield where, key


def test_every_key_used_with_a_count_has_both_forms_in_both_languages() -> None:
    counted = list(_counted_keys())
    # the scan sees the screens, the CLI and keys picked into a variable first
    found = {key for _, key in counted}
    assert {"home.items", "results.skipped", "cli.doctor.problems"} <= found
    assert "notify.set-changed-dropped" in found
    for where, key in counted:
        for catalog in (EN, NL):
            assert f"{key}.one" in catalog and f"{key}.other" in catalog, (where, key)


def test_plural_forms_come_in_pairs_and_only_they_take_a_count() -> None:
    for catalog in (EN, NL):
        bases = {k.rsplit(".", 1)[0] for k in catalog if k.endswith((".one", ".other"))}
        for base in bases:
            assert {f"{base}.one", f"{base}.other"} <= set(catalog), base
        for key, text in catalog.items():
            if "{count}" in text:
                assert key.endswith((".one", ".other")), key
            assert not re.search(r"\(s\)|\(en\)|\w/\w+en\b", text), (key, text)


@pytest.mark.parametrize(
    ("lang", "key", "one", "two"),
    [
        ("en", "home.items", "1 question", "2 questions"),
        ("nl", "home.items", "1 vraag", "2 vragen"),
        ("en", "results.skipped", "1 question skipped", "2 questions skipped"),
        ("nl", "results.skipped", "1 vraag overgeslagen", "2 vragen overgeslagen"),
        ("en", "intro.minutes", "about 1 minute", "about 2 minutes"),
        ("nl", "intro.minutes", "ongeveer 1 minuut", "ongeveer 2 minuten"),
        ("en", "history.title", "History: 1 saved session", "History: 2 saved sessions"),
        (
            "nl",
            "history.title",
            "Geschiedenis: 1 opgeslagen sessie",
            "Geschiedenis: 2 opgeslagen sessies",
        ),
        ("en", "answer.bad-text", "Use at most 1 character.", "Use at most 2 characters."),
        ("nl", "answer.bad-text", "Gebruik hoogstens 1 teken.", "Gebruik hoogstens 2 tekens."),
    ],
)
def test_sentences_at_one_and_at_two(lang: str, key: str, one: str, two: str) -> None:
    assert t(lang, key, count=1) == one
    assert t(lang, key, count=2) == two


def test_zero_takes_the_plural() -> None:
    assert t("en", "results.skipped", count=0) == "0 questions skipped"
    assert t("nl", "results.skipped", count=0) == "0 vragen overgeslagen"


@pytest.mark.parametrize(
    ("lang", "count", "expected"),
    [
        ("en", 1, "; 1 answer it no longer accepts was left out,"),
        ("en", 2, "; 2 answers it no longer accepts were left out,"),
        ("nl", 1, "; 1 antwoord dat niet meer past is weggelaten,"),
        ("nl", 2, "; 2 antwoorden die niet meer passen zijn weggelaten,"),
    ],
)
def test_a_whole_sentence_agrees_with_its_count(lang: str, count: int, expected: str) -> None:
    assert expected in t(lang, "notify.set-changed-dropped", count=count)


def test_one_figure_given_is_singular() -> None:
    defaults = t("en", "results.counts-defaults", count=2)
    assert t("en", "results.counts-calc", count=1, defaults=defaults) == (
        "1 figure given; 2 left empty use their default."
    )
    defaults = t("nl", "results.counts-defaults", count=1)
    assert t("nl", "results.counts-calc", count=1, defaults=defaults) == (
        "1 getal ingevuld; voor 1 leeg gelaten getal is de standaardwaarde gebruikt."
    )
