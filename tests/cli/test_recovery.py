"""``take SET --answers EXPORTED_DRAFT.toml``: the draft becomes its own session, only once."""

from __future__ import annotations

import json
from pathlib import Path

from selfaudit.questionnaires import load_catalog
from selfaudit.store import Store
from tests.conftest import run_cli


def _exported(folder: Path) -> tuple[str, Path]:
    """A choose-us draft with an answer, exported as the app does when it cannot save."""
    store = Store.open()
    draft = store.new_draft(load_catalog().sets["choose-us"], team="Ops")
    draft.answers["enps"] = 9
    path = store.export_draft(draft, folder)
    store.close()
    return draft.id, path


def test_taking_an_export_twice_saves_one_session_with_the_drafts_id(tmp_path: Path) -> None:
    draft_id, exported = _exported(tmp_path)
    first = run_cli("take", "choose-us", "--answers", str(exported), "--json")
    assert first.returncode == 0, first.stderr
    saved = json.loads(first.stdout)
    assert saved["id"] == draft_id and saved["already_saved"] is False
    assert Store.open().drafts() == [], "the draft is no longer on offer on the home screen"
    again = run_cli("take", "choose-us", "--answers", str(exported))
    assert again.returncode == 0, again.stderr
    assert f"Already saved as session {draft_id}\n  in {saved['path']}\n" in again.stdout
    assert "Nothing new was saved" in again.stdout
    as_json = json.loads(run_cli("take", "choose-us", "--answers", str(exported), "--json").stdout)
    assert (as_json["id"], as_json["already_saved"]) == (draft_id, True)
    assert [s["id"] for s in json.loads(run_cli("list", "--json").stdout)] == [draft_id]


def test_an_export_older_than_the_stores_draft_is_refused(tmp_path: Path) -> None:
    draft_id, exported = _exported(tmp_path)
    store = Store.open()
    own = store.open_draft(draft_id)
    own.answers.update({"enps": 9, "stay_year": 4})
    store.save_draft(own)
    store.close()
    result = run_cli("take", "choose-us", "--answers", str(exported))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr == (
        f"selfaudit: {store.drafts_dir / f'{draft_id}.toml'} holds later answers than this "
        "export; finish or discard that draft in selfaudit instead.\n"
    )
    assert json.loads(run_cli("list", "--json").stdout) == []
    assert Store.open().open_draft(draft_id).answers == {"enps": 9, "stay_year": 4}
