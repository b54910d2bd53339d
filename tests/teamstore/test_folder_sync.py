"""Sync through a plain folder: two members and a lead end with the same sessions, stripped."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfaudit.core.rounds import Cadence, round_of
from selfaudit.core.team import team_round
from selfaudit.teamstore.config import TeamStoreConfig
from selfaudit.teamstore.folder import Unreachable
from selfaudit.teamstore.layout import TEAMS, team_folder
from tests.store.exchange import builtin, tree
from tests.teamstore.scene import member_session, person, rating


def test_two_members_and_a_lead_end_with_the_same_sessions(tmp_path: Path) -> None:
    shared = tmp_path / "share"
    shared.mkdir()
    config = TeamStoreConfig(folder=str(shared))
    ann, bob, lead = (person(tmp_path, n) for n in ("ann", "bob", "lead"))
    fin = person(tmp_path, "fin", team="Finance")
    a = member_session(ann, name="Ann")
    b = member_session(bob, name="Bob", days=1)
    rates_us = rating(fin.store, "Finance", "payroll ")  # matched as a team is
    rating(fin.store, "Finance", "Legal")
    own_finance = member_session(fin, days=2)
    for p in (ann, bob, lead, fin, ann, bob, lead):
        p.sync(config)
    payroll = {a.id, b.id, rates_us.id}
    assert ann.ids() == bob.ids() == lead.ids() == payroll
    assert own_finance.id not in lead.ids()
    for session_id in (a.id, b.id, rates_us.id):
        held = lead.store.load(session_id)
        assert held.imported_at is not None
        assert held.notes == {} and held.respondent == ""
    assert ann.store.load(a.id).respondent == "Ann"  # at home it keeps its name
    assert "Ann" not in str(tree(shared)) and "my private note" not in str(tree(shared))


def test_the_layout_is_by_team_and_year_and_files_are_never_changed(tmp_path: Path) -> None:
    shared = tmp_path / "share"
    shared.mkdir()
    config = TeamStoreConfig(folder=str(shared))
    ann = person(tmp_path, "ann")
    session = member_session(ann)
    report = ann.sync(config)
    expected = shared / TEAMS / team_folder("Payroll") / "2026" / f"{session.id}.toml"
    assert report.written == [expected] and report.published == [session.id]
    assert expected.stat().st_mode & 0o777 == 0o644
    before = tree(shared), tree(ann.store.root / "sessions")
    again = ann.sync(config)
    assert (again.published, again.imported, again.refused) == ([], [], [])
    assert (tree(shared), tree(ann.store.root / "sessions")) == before


@pytest.mark.parametrize("team", ["../../etc", "/", "Ｓｅｒｖｉｃｅ desk", "a" * 300, "", "..."])
def test_any_team_name_gives_one_safe_folder_name(team: str) -> None:
    name = team_folder(team)
    assert "/" not in name and not name.startswith(".") and len(name) <= 57
    assert name == team_folder(team.upper())
    assert team_folder(team) != team_folder(team + "x")


def test_offline_the_sessions_wait_and_are_published_at_the_next_sync(tmp_path: Path) -> None:
    shared = tmp_path / "share"  # the drive is not connected yet
    config = TeamStoreConfig(folder=str(shared))
    ann = person(tmp_path, "ann")
    first = member_session(ann)
    member_session(ann, days=1)
    with pytest.raises(Unreachable, match=r"cannot be reached.*2 sessions wait"):
        ann.sync(config)
    shared.mkdir()
    report = ann.sync(config)
    assert len(report.published) == 2 and first.id in report.published


def test_links_in_the_team_store_are_never_followed(tmp_path: Path) -> None:
    shared = tmp_path / "share"
    (shared / TEAMS).mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    bea = person(tmp_path, "bea")
    theirs = member_session(bea)
    bea.sync(TeamStoreConfig(folder=str(shared)))
    year = shared / TEAMS / team_folder("Payroll") / "2026"
    published = year / f"{theirs.id}.toml"
    (outside / published.name).write_bytes(published.read_bytes())
    published.unlink()
    published.symlink_to(outside / published.name)  # a file that is a link: refused
    (shared / TEAMS / "elsewhere-00000000").symlink_to(outside)  # a folder link: passed over
    lead = person(tmp_path, "lead")
    report = lead.sync(TeamStoreConfig(folder=str(shared)))
    assert [r.path.name for r in report.refused] == [published.name]
    assert "symbolic link" in report.refused[0].reason
    assert lead.ids() == set()


def test_a_hostile_file_in_the_team_store_gets_nothing_in(tmp_path: Path) -> None:
    shared = tmp_path / "share"
    shared.mkdir()
    bea = person(tmp_path, "bea")
    session = member_session(bea)
    bea.sync(TeamStoreConfig(folder=str(shared)))
    published = next((shared / TEAMS).rglob("*.toml"))
    text = published.read_text()
    published.write_text(text.replace(session.id, "../../../outside"))
    lead = person(tmp_path, "lead")
    report = lead.sync(TeamStoreConfig(folder=str(shared)))
    assert len(report.refused) == 1 and "id" in report.refused[0].reason
    assert lead.ids() == set() and not (tmp_path / "outside.toml").exists()
    again = lead.sync(TeamStoreConfig(folder=str(shared)))
    assert again.refused == []  # reported once, until the file changes


def test_the_lead_sees_the_team_view_from_five_members(tmp_path: Path) -> None:
    shared = tmp_path / "share"
    shared.mkdir()
    config = TeamStoreConfig(folder=str(shared))
    members = [person(tmp_path, f"m{n}") for n in range(5)]
    for n, m in enumerate(members):
        member_session(m, days=n)
        m.sync(config)
    lead = person(tmp_path, "lead")
    lead.sync(config)
    qset = builtin()
    responses = lead.store.team_responses(qset, "Payroll", Cadence.QUARTER)
    assert len({r.respondent_id for r in responses}) == 5
    found = team_round(
        responses,
        qset,
        team_key="payroll",
        in_round=round_of(responses[0].completed_at, Cadence.QUARTER),
    )
    assert found.respondents == 5 and found.figures is not None
