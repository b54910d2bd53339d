"""The shareable form: what leaves the machine, and the opt-ins recorded in the session file."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfaudit.store import Store
from selfaudit.store.codec import session_from_doc, session_to_doc
from selfaudit.store.index import read_own_session
from selfaudit.store.shareable import NotShareable, shareable_doc, shared_fields
from tests.store.exchange import builtin, save


def test_without_opt_ins_notes_open_answers_and_the_name_stay_home(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data")
    session = save(store, who="anon-aaaaaa", name="Ann")
    doc = shareable_doc(session, builtin())
    assert "respondent" not in doc and "notes" not in doc
    assert "choose_what" not in doc["answers"]
    assert doc["answers"]["enps"] == 9
    assert doc["respondent_id"] == "anon-aaaaaa"
    assert doc["results"] == session.results  # the scores leave as saved
    assert "a kinder boss" not in repr(doc) and "Ann" not in repr(doc)
    assert "share" not in doc and "imported_at" not in doc


def test_share_my_notes_and_my_name_let_them_leave(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data")
    session = save(store, who="anon-aaaaaa", name="Ann", share_notes=True, share_name=True)
    doc = shareable_doc(session, builtin())
    assert doc["answers"]["choose_what"] == "a kinder boss"
    assert doc["notes"] == {"enps": "my private note"}
    assert doc["respondent"] == "Ann"
    assert doc["share"] == {"notes": True, "name": True}


def test_only_the_name_opt_in_shares_no_notes(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data")
    doc = shareable_doc(save(store, who="anon-aaaaaa", name="Ann", share_name=True), builtin())
    assert doc["respondent"] == "Ann" and "notes" not in doc
    assert "choose_what" not in doc["answers"]


def test_the_opt_ins_are_kept_in_the_session_file_and_read_back(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data")
    session = save(store, who="anon-aaaaaa", share_notes=True)
    text = store.path_of(session.id).read_text()
    assert "[share]\nnotes = true\n" in text and "name" not in text.split("[share]")[1]
    again = read_own_session(store.path_of(session.id))
    assert again.share_notes and not again.share_name


def test_a_session_without_opt_ins_is_written_as_before(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data")
    session = save(store, who="anon-aaaaaa")
    assert "share" not in session_to_doc(session)
    assert "imported_at" not in store.path_of(session.id).read_text()


@pytest.mark.parametrize(
    ("share", "problem"),
    [
        ({"notes": "yes"}, "share.notes: expected true or false"),
        ({"everything": True}, "share: unknown key 'everything'"),
    ],
)
def test_a_wrong_share_table_is_refused_with_its_key(
    tmp_path: Path, share: dict[str, object], problem: str
) -> None:
    from selfaudit.store.errors import DocumentError

    store = Store.open(tmp_path / "data")
    doc = session_to_doc(save(store, who="anon-aaaaaa"))
    doc["share"] = share
    with pytest.raises(DocumentError, match=problem):
        session_from_doc(doc)


def test_a_session_of_a_set_not_installed_is_not_shared(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data")
    session = save(store, who="anon-aaaaaa")
    with pytest.raises(NotShareable, match="not installed"):
        shareable_doc(session, None)
    with pytest.raises(NotShareable):
        shareable_doc(session, builtin("internal-service"))


def test_dry_run_fields_name_each_answer(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data")
    fields = shared_fields(shareable_doc(save(store, who="anon-aaaaaa"), builtin()))
    assert "answers.enps" in fields and "answers.choose_what" not in fields
    assert "respondent_id" in fields and "results" in fields
    assert not any(f.startswith("notes") for f in fields)
