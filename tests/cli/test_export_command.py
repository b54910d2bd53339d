"""``selfaudit export``: the TOML round trip, and the content of CSV, JSON, Markdown and HTML."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from pathlib import Path

import pytest

from selfaudit.store import Store
from tests.conftest import run_cli
from tests.store.exchange import save, tree

DAY = dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC)


def _two_of_mine() -> tuple[Store, list[str]]:
    store = Store.open()
    me = store.pseudonym()
    first = save(store, who=me, name="Ann", when=DAY)
    second = save(
        store,
        who=me,
        name="Ann",
        when=DAY + dt.timedelta(days=95),
        answers={"enps": 6, "choose_again": 2, "stay_year": 3, "choose_what": "=HYPERLINK()"},
        share_notes=True,
    )
    return store, [first.id, second.id]


def test_export_then_import_into_a_fresh_store_gives_the_same_scores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, ids = _two_of_mine()
    out = tmp_path / "out"
    result = run_cli("export", "--all", "--format", "toml", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{i}.toml" for i in ids)
    monkeypatch.setenv("SELFAUDIT_DATA_DIR", str(tmp_path / "lead"))
    first = run_cli("import", str(out))
    assert first.returncode == 0, first.stdout
    lead = Store.open()
    for session_id in ids:
        assert lead.load(session_id).results == store.load(session_id).results
    assert {s.id: s.scores for s in lead.summaries()} == {s.id: s.scores for s in store.summaries()}
    before = tree(lead.root)
    again = run_cli("import", str(out))
    assert again.stdout.endswith("0 imported, 2 already present, 0 refused\n")
    assert tree(lead.root) == before


def test_exporting_the_same_folder_again_writes_nothing_new(tmp_path: Path) -> None:
    _two_of_mine()
    out = tmp_path / "out"
    run_cli("export", "--all", "--format", "toml", "-o", str(out))
    before = tree(out)
    again = run_cli("export", "--all", "--format", "toml", "-o", str(out))
    assert again.returncode == 0 and "(2 already there)" in again.stdout
    assert tree(out) == before


def test_the_exported_files_hold_no_note_open_answer_or_name_not_shared(tmp_path: Path) -> None:
    _, (private, shared) = _two_of_mine()
    out = tmp_path / "out"
    run_cli("export", "--all", "--format", "toml", "-o", str(out))
    kept = (out / f"{private}.toml").read_text()
    assert "my private note" not in kept and "a kinder boss" not in kept and "Ann" not in kept
    sharing = (out / f"{shared}.toml").read_text()
    assert "my private note" in sharing and "=HYPERLINK()" in sharing and "Ann" not in sharing


def test_dry_run_lists_files_and_fields_and_writes_nothing(tmp_path: Path) -> None:
    _, (private, shared) = _two_of_mine()
    out = tmp_path / "out"
    result = run_cli("export", "--all", "--format", "toml", "-o", str(out), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert not out.exists()
    lines = result.stdout.splitlines()
    assert f"{out / private}.toml:" in lines and f"{out / shared}.toml:" in lines
    private_fields = lines[lines.index(f"{out / private}.toml:") + 1]
    assert "answers.enps" in private_fields and "choose_what" not in private_fields
    assert "notes" not in private_fields and "respondent_id" in private_fields
    shared_fields = lines[lines.index(f"{out / shared}.toml:") + 1]
    assert "answers.choose_what" in shared_fields and "notes.enps" in shared_fields


def test_csv_has_a_row_per_session_and_a_column_per_item_and_score(tmp_path: Path) -> None:
    _, ids = _two_of_mine()
    out = tmp_path / "s.csv"
    assert run_cli("export", *ids, "--format", "csv", "-o", str(out)).returncode == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == ids
    assert [r["enps"] for r in rows] == ["9", "6"]
    assert [r["choose_what"] for r in rows] == ["", "'=HYPERLINK()"]  # private, then guarded
    assert rows[0]["score:choose"] == "75" and rows[1]["score:choose"] == "25"
    assert rows[0]["respondent"] == "" and rows[0]["team"] == "Payroll"


def test_csv_for_a_dutch_spreadsheet(tmp_path: Path) -> None:
    store = Store.open()
    save(store, who=store.pseudonym(), answers={"enps": 9, "stay_year": 2, "stay_leaving": 3})
    out = tmp_path / "s.csv"
    result = run_cli("export", "--all", "--format", "csv", "--decimal-comma", "-o", str(out))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")), delimiter=";"))
    (row,) = rows
    assert row["score:stay"] == "37,5"
    assert "score:stay" in out.read_text().splitlines()[0].split(";")


def test_json_holds_the_shareable_documents(tmp_path: Path) -> None:
    _, ids = _two_of_mine()
    out = tmp_path / "s.json"
    assert run_cli("export", "--all", "--format", "json", "-o", str(out)).returncode == 0
    doc = json.loads(out.read_text())
    assert [s["id"] for s in doc["sessions"]] == ids
    assert "notes" not in doc["sessions"][0] and doc["sessions"][1]["notes"]
    assert doc["sessions"][0]["completed_at"].startswith("2026-03-02T10:00:00")


def test_the_markdown_report_has_results_meaning_trend_and_actions(tmp_path: Path) -> None:
    _two_of_mine()
    out = tmp_path / "r.md"
    assert run_cli("export", "--all", "--format", "md", "-o", str(out)).returncode == 0
    text = out.read_text()
    assert text.startswith("# selfaudit report\n")
    assert "2 sessions, from 2 Mar 2026 to 5 Jun 2026" in text
    assert "| Choosing us again | 25 | " in text  # the latest score, with its band and step
    assert "| Choosing us again | 75 | 25 | ↓ 50 |" in text  # the trend, from the trend view
    assert "### Action items chosen" in text
    assert "my private note" not in text and "HYPERLINK" not in text


def test_export_never_writes_over_a_file(tmp_path: Path) -> None:
    _two_of_mine()
    out = tmp_path / "r.md"
    out.write_text("mine")
    result = run_cli("export", "--all", "--format", "md", "-o", str(out))
    assert result.returncode == 2 and "exists already" in result.stderr
    assert out.read_text() == "mine"
    link = tmp_path / "link.csv"
    link.symlink_to(tmp_path / "elsewhere.csv")
    assert run_cli("export", "--all", "--format", "csv", "-o", str(link)).returncode == 2
    assert not (tmp_path / "elsewhere.csv").exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "--format", "csv", "-o", "x.csv"],
        ["export", "--all", "--format", "pdf", "-o", "x"],
        ["export", "--all", "--format", "md", "--decimal-comma", "-o", "x"],
        ["export", "--all", "--format", "md"],
        ["export", "--all", "--format", "csv", "-o", "x.md"],
        ["export", "--all", "--format", "toml", "-o", "x.csv"],
    ],
)
def test_bad_usage_exits_2_in_one_sentence(argv: list[str], tmp_path: Path) -> None:
    _two_of_mine()
    result = run_cli(*argv)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1
    assert not os.path.exists("x.csv") and not os.path.exists("x.md")


def test_a_folder_that_cannot_be_made_is_one_sentence(tmp_path: Path) -> None:
    store = Store.open()
    save(store, who=store.pseudonym())
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("mine")
    result = run_cli("export", "--all", "--format", "toml", "-o", str(in_the_way / "out"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        f"selfaudit: Could not create the folder {in_the_way / 'out'}: part of that path is a "
        "file, not a folder; choose another place with -o. Your earlier saved files are unchanged."
    ]
    assert in_the_way.read_text() == "mine"
