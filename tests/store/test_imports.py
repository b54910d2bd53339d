"""Import: every file checked as the store checks its own; a hostile corpus gets nothing in."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
import tomli_w

from selfaudit.store import Store
from selfaudit.store.imports import FileResult, Outcome, import_paths
from selfaudit.store.shareable import shareable_doc
from tests.store.exchange import builtin, save, tree


def _exported(tmp_path: Path, name: str = "member") -> tuple[Path, str]:
    """A shareable file of a session saved in another install; its path and id."""
    other = Store.open(tmp_path / name)
    session = save(other, who="anon-bbbbbb", name="Bea")
    path = tmp_path / f"{name}-out" / f"{session.id}.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(tomli_w.dumps(shareable_doc(session, builtin())).encode())
    return path, session.id


def test_a_shared_file_is_imported_marked_and_scored_the_same(tmp_path: Path) -> None:
    path, session_id = _exported(tmp_path)
    lead = Store.open(tmp_path / "lead")
    (result,) = import_paths(lead, [path])
    assert result.outcome is Outcome.IMPORTED and result.session_id == session_id
    held = lead.load(session_id)
    assert held.imported_at is not None
    assert held.results == Store.open(tmp_path / "member").load(session_id).results
    assert held.notes == {} and held.respondent == ""
    (summary,) = lead.summaries()
    assert summary.imported


def test_importing_again_changes_nothing(tmp_path: Path) -> None:
    path, _ = _exported(tmp_path)
    lead = Store.open(tmp_path / "lead")
    list(import_paths(lead, [path]))
    before = tree(lead.root)
    (again,) = import_paths(lead, [path.parent])
    assert again.outcome is Outcome.PRESENT
    assert tree(lead.root) == before


def test_an_import_never_overwrites_a_local_session(tmp_path: Path) -> None:
    lead = Store.open(tmp_path / "lead")
    mine = save(lead, who="anon-cccccc")
    path, _ = _exported(tmp_path)
    text = re.sub(r'(?m)^id = ".*"$', f'id = "{mine.id}"', path.read_text())
    path.write_text(text)
    before = tree(lead.root)
    (result,) = import_paths(lead, [path])
    assert result.outcome is Outcome.REFUSED
    assert "held by a different session" in result.reason
    assert tree(lead.root) == before


def test_a_session_in_my_trash_is_not_brought_back(tmp_path: Path) -> None:
    path, session_id = _exported(tmp_path)
    lead = Store.open(tmp_path / "lead")
    list(import_paths(lead, [path]))
    lead.move_to_trash(session_id)
    (result,) = import_paths(lead, [path])
    assert result.outcome is Outcome.PRESENT and "trash" in result.reason
    assert not lead.path_of(session_id).exists()


def _hostile_corpus(folder: Path, good: Path, outside: Path) -> dict[str, str]:
    """Files an attacker could hand over, each with the words its refusal must contain."""
    text = good.read_text()
    expected: dict[str, str] = {}

    def put(name: str, content: str, why: str) -> None:
        (folder / name).write_text(content)
        expected[name] = why

    traversal = f"../../{outside.name}/evil"
    put("traversal.toml", re.sub(r'(?m)^id = ".*"$', f'id = "{traversal}"', text), "id: not")
    put("absolute.toml", re.sub(r'(?m)^id = ".*"$', f'id = "{outside}/x"', text), "id: not")
    put("wrong-type.toml", text.replace("enps = 9", 'enps = ["nine"]'), "answers.enps")
    put("score-text.toml", re.sub(r"score = [\d.]+", 'score = "high"', text, count=1), "score")
    put("newer.toml", text.replace("format_version = 3", "format_version = 99"), "newer")
    put("format2.toml", text.replace("format_version = 3", "format_version = 2"), "format")
    put("draft.toml", text.replace('kind = "session"', 'kind = "draft"'), "kind")
    put("not-toml.toml", "this is = = not toml\n", "invalid TOML")
    put(
        "no-zone.toml",
        re.sub(r"(?m)^started_at = .*$", "started_at = 2026-01-01T00:00:00", text),
        "time zone",
    )
    (folder / "huge.toml").write_bytes(b"# " + b"x" * (5 << 20) + b"\n")
    expected["huge.toml"] = "limit"
    os.mkfifo(folder / "fifo.toml")
    expected["fifo.toml"] = "not a regular file"
    (folder / "link.toml").symlink_to(good)
    expected["link.toml"] = "symbolic link"
    (folder / "dirlink").symlink_to(outside, target_is_directory=True)  # never followed
    return expected


def _naive_import(store: Store, paths: list[Path]) -> list[FileResult]:
    """What a careless import does: names the file by the id inside, follows links, reads any
    size, writes over what is there."""
    results = []
    for given in paths:
        files = sorted(given.iterdir()) if given.is_dir() else [given]
        for path in files:
            if path.name == "fifo.toml" or path.is_dir():
                continue
            found = re.search(r'(?m)^id = "(.*)"$', path.read_text(errors="replace"))
            if found is None:
                results.append(FileResult(path, Outcome.REFUSED, "no id"))
                continue
            target = store.sessions_dir / f"{found.group(1)}.toml"
            try:
                target.write_text(path.read_text())
            except OSError as exc:
                results.append(FileResult(path, Outcome.REFUSED, str(exc)))
                continue
            results.append(FileResult(path, Outcome.IMPORTED))
    return results


def _problems_with(
    tmp_path: Path, importer: Callable[[Store, list[Path]], Iterable[FileResult]]
) -> list[str]:
    """Run ``importer`` over the hostile corpus; every way it let something in or touched a
    file outside the data dir."""
    good, _ = _exported(tmp_path)
    outside = tmp_path / "outside"
    (outside / "evil").mkdir(parents=True)
    (outside / "keep.toml").write_text(good.read_text())
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    expected = _hostile_corpus(corpus, good, outside)
    lead = Store.open(tmp_path / "lead")
    mine = save(lead, who="anon-cccccc")
    clash = re.sub(r'(?m)^id = ".*"$', f'id = "{mine.id}"', good.read_text())
    (corpus / "clash.toml").write_text(clash)
    expected["clash.toml"] = "held by a different session"
    mine_bytes = lead.path_of(mine.id).read_bytes()
    watched = {p: tree(p) for p in (outside, corpus, tmp_path / "member")}
    results = list(importer(lead, [corpus, corpus / "link.toml", corpus / "dirlink"]))
    by_name = {r.path.name: r for r in results}
    problems = [
        f"{r.path.name} was {r.outcome.value}" for r in results if r.outcome is not Outcome.REFUSED
    ]
    for name, words in expected.items():
        if name in by_name and words not in by_name[name].reason:
            problems.append(f"{name}: {by_name[name].reason}")
    for folder, before in watched.items():
        if tree(folder) != before:
            problems.append(f"{folder.name} was changed")
    if sorted(p.name for p in lead.sessions_dir.iterdir()) != [f"{mine.id}.toml"]:
        problems.append("a file was added to sessions/")
    if lead.path_of(mine.id).read_bytes() != mine_bytes:
        problems.append("my own session was overwritten")
    return problems


def test_a_hostile_corpus_is_refused_and_nothing_outside_is_touched(tmp_path: Path) -> None:
    assert _problems_with(tmp_path, import_paths) == []


def test_the_same_harness_catches_a_naive_import(tmp_path: Path) -> None:
    problems = _problems_with(tmp_path, _naive_import)
    assert "outside was changed" in problems
    assert "my own session was overwritten" in problems
    assert any(p.startswith("link.toml was") for p in problems)


@pytest.mark.parametrize("given", ["missing.toml", "folder-link"])
def test_a_path_that_is_missing_or_a_link_is_refused(tmp_path: Path, given: str) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "folder-link").symlink_to(tmp_path / "real")
    lead = Store.open(tmp_path / "lead")
    (result,) = import_paths(lead, [tmp_path / given])
    assert result.outcome is Outcome.REFUSED
