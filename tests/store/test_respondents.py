"""Session format 3: who answered (a stable respondent id beside an optional name), and the
documented rule that attributes sessions saved before it, in memory only."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from selfaudit.core.model import QuestionSet
from selfaudit.settings import Settings, save_settings
from selfaudit.store import Store, StoreError
from selfaudit.store.codec import FORMAT_VERSION
from selfaudit.store.respondents import name_id
from tests.store.conftest import ANSWERS
from tests.store.format2 import (
    BOB,
    DRAFT,
    MINE_EARLY,
    MINE_NAMED,
    NOBODY,
    PSEUDONYM,
    TEAMMATE,
    copy_format2,
    untouched,
)


def _ids(store: Store) -> dict[str, tuple[str, str]]:
    return {s.id: (s.respondent_id, s.respondent_name) for s in store.sessions()}


def test_a_new_session_records_the_pseudonym_as_its_respondent_id(
    store: Store, mini: QuestionSet
) -> None:
    me = store.pseudonym()
    named = store.save_session(mini, ANSWERS, respondent="Ann")
    unnamed = store.save_session(mini, ANSWERS, respondent=me)  # the app passes it as "name"
    for session, name in ((named, "Ann"), (unnamed, "")):
        loaded = store.load(session.id)
        assert (loaded.respondent_id, loaded.respondent) == (me, name)
        text = store.path_of(session.id).read_text()
        assert f"format_version = {FORMAT_VERSION}\n" in text
        assert f'respondent_id = "{me}"\n' in text and f'respondent = "{name}"\n' in text
    assert {s.respondent for s in store.sessions()} == {"Ann", me}  # what list shows


def test_a_draft_records_it_and_its_session_keeps_it(store: Store, mini: QuestionSet) -> None:
    draft = store.new_draft(mini, respondent="Ann")
    assert (draft.respondent_id, draft.respondent) == (store.pseudonym(), "Ann")
    draft.answers.update(ANSWERS)
    store.save_draft(draft)
    store.close()
    reopened = Store.open(store.root).open_draft(draft.id)
    assert reopened.respondent_id == store.pseudonym()
    session = Store.open(store.root).complete(reopened, mini)
    assert (session.respondent_id, session.respondent) == (store.pseudonym(), "Ann")


def test_answers_for_someone_else_keep_their_id(store: Store, mini: QuestionSet) -> None:
    session = store.save_session(mini, ANSWERS, respondent="Bob", respondent_id="bob-1")
    assert (store.load(session.id).respondent_id, store.load(session.id).respondent) == (
        "bob-1",
        "Bob",
    )


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ('""', "respondent_id: empty"),
        ('"a\\u001bb"', "respondent_id: contains the character \\x1b"),
        ('"' + "x" * 201 + '"', "respondent_id: is 201 characters"),
        ("7", "respondent_id: expected str"),
    ],
    ids=["empty", "control-character", "too-long", "a-number"],
)
def test_a_session_without_a_good_respondent_id_is_reported_with_its_key(
    store: Store, mini: QuestionSet, value: str, reason: str
) -> None:
    session = store.save_session(mini, ANSWERS)
    path = store.path_of(session.id)
    text = path.read_text().replace(
        f'respondent_id = "{store.pseudonym()}"', f"respondent_id = {value}"
    )
    path.write_text(text)
    assert store.sessions() == []
    (problem,) = store.doctor()
    assert problem.path == path and reason in problem.reason
    with pytest.raises(StoreError, match="respondent_id"):
        store.load(session.id)


def test_a_session_without_a_respondent_id_is_not_written(store: Store, mini: QuestionSet) -> None:
    import dataclasses

    session = store.save_session(mini, ANSWERS)
    for bad in ("", "a\nb"):
        other = dataclasses.replace(session, id="0" * 8 + session.id[8:], respondent_id=bad)
        with pytest.raises(StoreError, match="respondent_id"):
            store.write_session(other)
        assert not store.path_of(other.id).exists()


# -- the migration rule (docs/session-format.md) ----------------------------------------------


@pytest.fixture
def old_store(tmp_path: Path) -> tuple[Store, dict[Path, tuple[bytes, int]]]:
    root = tmp_path / "data"
    before = copy_format2(root)
    return Store.open(root, create=False, own_name="Ann"), before


def test_format_2_sessions_are_attributed_by_the_rule(
    old_store: tuple[Store, dict[Path, tuple[bytes, int]]],
) -> None:
    store, before = old_store
    assert _ids(store) == {
        MINE_EARLY: (PSEUDONYM, ""),  # saved under the pseudonym
        MINE_NAMED: (PSEUDONYM, "Ann"),  # the name in this install's settings
        TEAMMATE: ("anon-0b0b0b", ""),  # another install's pseudonym
        NOBODY: (PSEUDONYM, ""),  # no respondent at all
        BOB: (name_id("Bob"), "Bob"),  # a name nothing links to an id
    }
    assert store.load(MINE_NAMED).respondent_id == PSEUDONYM
    (draft,) = store.drafts()
    assert (draft.id, draft.respondent_id, draft.respondent) == (DRAFT, PSEUDONYM, "")
    assert untouched(before) == []


def test_names_match_as_typed_and_the_settings_name_is_read_when_not_given(
    tmp_path: Path,
) -> None:
    root = tmp_path / "data"
    copy_format2(root)
    save_settings(Settings(respondent="  ANN "))
    assert _ids(Store.open(root, create=False))[MINE_NAMED] == (PSEUDONYM, "Ann")
    save_settings(Settings(respondent=""))
    assert _ids(Store.open(root, create=False))[MINE_NAMED] == (name_id("Ann"), "Ann")


def test_a_name_changed_after_the_upgrade_keeps_the_old_sessions_mine(
    old_store: tuple[Store, dict[Path, tuple[bytes, int]]], mini: QuestionSet
) -> None:
    store, before = old_store
    store.save_session(mini, ANSWERS, respondent="Ann")  # format 3 pairs Ann with the pseudonym
    renamed = Store.open(store.root, own_name="Ann de Vries")
    assert _ids(renamed)[MINE_NAMED] == (PSEUDONYM, "Ann")
    assert untouched(before) == []


def test_a_format_3_session_links_a_name_to_its_id_unless_two_ids_share_it(
    old_store: tuple[Store, dict[Path, tuple[bytes, int]]], mini: QuestionSet
) -> None:
    store, _ = old_store
    store.save_session(mini, ANSWERS, respondent="Bob", respondent_id="bob-1")
    assert _ids(store)[BOB] == ("bob-1", "Bob")
    store.save_session(mini, ANSWERS, respondent="bob", respondent_id="another-bob")
    assert _ids(store)[BOB] == (name_id("Bob"), "Bob")  # the data cannot tell which Bob


def test_a_store_without_a_pseudonym_yet_keeps_those_sessions_together(tmp_path: Path) -> None:
    root = tmp_path / "data"
    copy_format2(root)
    (root / "identity.toml").unlink()
    store = Store.open(root, create=False, own_name="Ann")
    ids = _ids(store)
    assert ids[MINE_EARLY] == (PSEUDONYM, "")  # the pseudonym is in the file itself
    assert ids[NOBODY] == (name_id(""), "")
    assert ids[MINE_NAMED] == (name_id("Ann"), "Ann")
    assert not (root / "identity.toml").exists(), "reading makes no pseudonym"


def test_completing_a_format_2_draft_saves_a_format_3_session_of_mine(
    old_store: tuple[Store, dict[Path, tuple[bytes, int]]],
) -> None:
    store, before = old_store
    from selfaudit.questionnaires import load_catalog

    qset = load_catalog().sets["choose-us"]
    writable = Store.open(store.root, own_name="Ann")
    session = writable.complete(writable.open_draft(DRAFT), qset)
    assert (session.respondent_id, session.respondent) == (PSEUDONYM, "")
    text = writable.path_of(DRAFT).read_text()
    assert f"format_version = {FORMAT_VERSION}\n" in text
    assert f'respondent_id = "{PSEUDONYM}"\n' in text
    others = {p: v for p, v in before.items() if DRAFT not in p.name}
    assert untouched(others) == []


def test_the_trash_attributes_format_2_sessions_too(
    old_store: tuple[Store, dict[Path, tuple[bytes, int]]],
) -> None:
    store, _ = old_store
    writable = Store.open(store.root, own_name="Ann")
    writable.move_to_trash(MINE_NAMED)
    (trashed,) = writable.trashed()
    assert (trashed.respondent_id, trashed.respondent) == (PSEUDONYM, "Ann")


def test_a_copied_format_2_store_reads_the_same(tmp_path: Path) -> None:
    """Attribution depends on the files and the settings only, never on the cache."""
    root = tmp_path / "data"
    copy_format2(root)
    first = _ids(Store.open(root, create=False, own_name="Ann"))
    shutil.copytree(root, tmp_path / "copy")
    assert _ids(Store.open(tmp_path / "copy", create=False, own_name="Ann")) == first
