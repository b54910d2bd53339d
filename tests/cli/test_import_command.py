"""``selfaudit import``: a line per file, a summary, exit 1 when a file was refused, 2 for usage."""

from __future__ import annotations

import json
from pathlib import Path

import tomli_w

from selfaudit.store import Store
from selfaudit.store.shareable import shareable_doc
from tests.conftest import run_cli
from tests.store.exchange import builtin, save


def _shared_file(tmp_path: Path) -> tuple[Path, str]:
    session = save(Store.open(tmp_path / "member"), who="anon-bbbbbb")
    path = tmp_path / "in" / f"{session.id}.toml"
    path.parent.mkdir()
    path.write_bytes(tomli_w.dumps(shareable_doc(session, builtin())).encode())
    return path, session.id


def test_import_prints_each_file_and_the_counts(tmp_path: Path) -> None:
    path, session_id = _shared_file(tmp_path)
    first = run_cli("import", str(path.parent))
    assert first.returncode == 0, first.stderr
    assert f"imported: {path} ({session_id})" in first.stdout
    assert first.stdout.endswith("1 imported, 0 already present, 0 refused\n")
    listed = json.loads(run_cli("list", "--json").stdout)
    assert [s["id"] for s in listed] == [session_id] and listed[0]["imported"] is True
    again = run_cli("import", str(path))
    assert again.returncode == 0
    assert again.stdout.endswith("0 imported, 1 already present, 0 refused\n")


def test_a_refused_file_exits_1_with_its_reason_shown_safely(tmp_path: Path) -> None:
    path, _ = _shared_file(tmp_path)
    bad = path.parent / "bad\x1b[31m.toml"
    bad.write_text("format_version = 99\n")
    result = run_cli("import", str(path.parent))
    assert result.returncode == 1
    assert "\x1b" not in result.stdout
    assert "refused: " in result.stdout and "newer than this build reads" in result.stdout
    assert result.stdout.endswith("1 imported, 0 already present, 1 refused\n")


def test_import_without_a_path_is_bad_usage(tmp_path: Path) -> None:
    result = run_cli("import")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_take_records_the_opt_ins_in_the_session(tmp_path: Path) -> None:
    answers = tmp_path / "answers.toml"
    answers.write_text('enps = 9\nchoose_what = "more time"\n')
    result = run_cli("take", "choose-us", "--answers", str(answers), "--share-notes", "--json")
    assert result.returncode == 0, result.stderr
    session = Store.open().load(json.loads(result.stdout)["id"])
    assert session.share_notes and not session.share_name
    plain = run_cli("take", "choose-us", "--answers", str(answers), "--json")
    assert "share" not in Path(json.loads(plain.stdout)["path"]).read_text()
