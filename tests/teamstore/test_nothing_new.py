"""A sync with nothing new reads no session and no file of the team store, and still sees
everything new: a session saved since, a file published since, a refused file put right."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from selfaudit.kept_toml import SETTLE_SECONDS
from selfaudit.store import Store, StoreError
from selfaudit.store.imports import import_paths
from selfaudit.teamstore import state as state_module
from selfaudit.teamstore.config import TeamStoreConfig
from selfaudit.teamstore.folder import FolderSync
from selfaudit.teamstore.layout import TEAMS, team_folder
from tests.store.exchange import save
from tests.teamstore.scene import Person, member_session, person


def _share(tmp_path: Path) -> TeamStoreConfig:
    shared = tmp_path / "share"
    shared.mkdir()
    return TeamStoreConfig(folder=str(shared))


def _no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, reading a session or the list of files read fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a sync with nothing new read a session or the files read")

    monkeypatch.setattr(Store, "load", refuse)
    monkeypatch.setattr(state_module, "_load_seen", refuse)
    monkeypatch.setattr("selfaudit.store.imports.read_shareable", refuse)


def test_nothing_new_reads_no_session_even_those_never_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _share(tmp_path)
    bea, ann = person(tmp_path, "bea", "Finance"), person(tmp_path, "ann")
    exported = member_session(bea)
    member_session(ann)
    save(ann.store, who=ann.store.pseudonym(), team="")  # no team: never published
    # An import from a file (not from the team store): never published either.
    imported = import_paths(ann.store, [bea.store.path_of(exported.id)])
    assert [r.outcome.value for r in imported] == ["imported"]
    first = ann.sync(config)
    assert len(first.published) == 1
    _no_reading(monkeypatch)
    again = ann.sync(config)
    assert (again.published, again.imported, again.present, again.refused) == ([], [], 0, [])


def _ann_published_and_lead_pulled(tmp_path: Path) -> tuple[TeamStoreConfig, Person, Person]:
    config = _share(tmp_path)
    ann, lead = person(tmp_path, "ann"), person(tmp_path, "lead")
    member_session(ann)
    ann.sync(config)
    lead.sync(config)
    return config, ann, lead


def test_what_is_new_after_a_quiet_sync_is_still_seen(tmp_path: Path) -> None:
    config, ann, lead = _ann_published_and_lead_pulled(tmp_path)
    assert lead.sync(config).imported == []  # quiet
    later = member_session(ann, days=2)  # a session saved since
    assert ann.sync(config).published == [later.id]
    pulled = lead.sync(config)  # a file published since, in a folder read before
    assert [r.session_id for r in pulled.imported] == [later.id]
    assert lead.ids() == ann.ids()


def test_a_refused_file_put_right_is_read_again_and_one_gone_is_forgotten(
    tmp_path: Path,
) -> None:
    config = _share(tmp_path)
    ann, lead = person(tmp_path, "ann"), person(tmp_path, "lead")
    session = member_session(ann)
    ann.sync(config)
    published = Path(config.folder, TEAMS, team_folder("Payroll"), "2026", f"{session.id}.toml")
    good = published.read_bytes()
    published.write_bytes(good[:40])  # half copied by a sync client
    assert len(lead.sync(config).refused) == 1
    assert lead.sync(config).refused == []  # reported once
    published.write_bytes(good)
    assert [r.session_id for r in lead.sync(config).imported] == [session.id]
    stray = published.with_name("00000000-0000-4000-8000-000000000000.toml")
    stray.write_text("not = [toml")
    assert len(lead.sync(config).refused) == 1
    stray.unlink()
    lead.sync(config)
    kept = state_module.load_state(lead.store.root, config.where)
    assert kept.refused == {}


def test_a_lost_list_of_files_read_costs_only_a_second_reading(tmp_path: Path) -> None:
    config, ann, lead = _ann_published_and_lead_pulled(tmp_path)
    (lead.store.root / state_module.SEEN_FILE_NAME).write_text("{broken")
    member_session(ann, days=1)
    ann.sync(config)
    report = lead.sync(config)  # the folder changed: it is read again, without the list
    assert (len(report.imported), report.present, report.refused) == (1, 1, [])


_QUIET_SYNC = """
import contextlib, io, sys
from selfaudit import cli
with contextlib.redirect_stdout(io.StringIO()):
    assert cli.main(["sync"]) == 0
print(" ".join(sorted(sys.modules)))
"""

#: What a sync with nothing new never needs: the records, the store and the domain, and the
#: standard modules that cost its start the most (the configuration it reads is kept parsed).
_HEAVY = {
    "selfaudit.store.records",
    "selfaudit.store.store",
    "selfaudit.store.imports",
    "selfaudit.core.model",
    "selfaudit.questionnaires",
    "selfaudit.settings",
    "tomllib",
    "typing",
    "dataclasses",
}


def _loaded_by_a_sync(tmp_path: Path) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_QUIET_SYNC)],
        capture_output=True,
        text=True,
        check=True,
        env=_env(tmp_path),
    )
    return set(done.stdout.split())


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        SELFAUDIT_DATA_DIR=str(tmp_path / "data"),
        SELFAUDIT_CONFIG_DIR=str(tmp_path / "config"),
        SELFAUDIT_CACHE_DIR=str(tmp_path / "cache"),
    )
    return env


@pytest.mark.parametrize("kind", ["folder", "git"])
def test_a_quiet_sync_command_imports_no_records_nor_domain(tmp_path: Path, kind: str) -> None:
    env = _env(tmp_path)
    if kind == "git":
        where = tmp_path / "remote.git"
        subprocess.run(["git", "init", "--quiet", "--bare", str(where)], check=True)
    else:
        where = tmp_path / "share"
        where.mkdir()
    answers = tmp_path / "answers.toml"
    answers.write_text("enps = 9\n", encoding="utf-8")
    run = [sys.executable, "-m", "selfaudit"]
    take = [*run, "take", "choose-us", "--answers", str(answers), "--team", "Payroll"]
    subprocess.run(take, check=True, env=env, capture_output=True)
    setup = [*run, "sync", f"--{kind}", str(where), "--team", "Payroll"]
    subprocess.run(setup, check=True, env=env, capture_output=True)
    changed = (tmp_path / "config" / "team-store.toml").stat().st_ctime
    time.sleep(max(0.0, changed + SETTLE_SECONDS - time.time()) + 0.1)  # as a day later
    assert "tomllib" in _loaded_by_a_sync(tmp_path)  # read once, then kept parsed
    assert not _loaded_by_a_sync(tmp_path) & _HEAVY
    # Teeth: the same probe sees them once there is a session to publish.
    subprocess.run(take, check=True, env=env, capture_output=True)
    assert _loaded_by_a_sync(tmp_path) >= {
        "selfaudit.store.records",
        "selfaudit.store.store",
        "tomllib",
        "typing",
    }


def test_a_sync_stopped_halfway_reads_the_rest_next_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _share(tmp_path)
    ann, lead = person(tmp_path, "ann"), person(tmp_path, "lead")
    made = {member_session(ann, days=n).id for n in range(3)}
    ann.sync(config)
    real, calls = FolderSync._pull_one, []

    def stops_at_the_second(self: FolderSync, path: Path) -> str:
        calls.append(path)
        if len(calls) == 2:
            raise KeyboardInterrupt  # or a store that cannot be opened, a drive gone
        return real(self, path)

    monkeypatch.setattr(FolderSync, "_pull_one", stops_at_the_second)
    with pytest.raises(KeyboardInterrupt):
        lead.sync(config)
    monkeypatch.undo()
    assert len(lead.ids()) == 1
    lead.sync(config)
    assert lead.ids() == made


def test_a_crash_between_the_two_state_files_loses_no_refused_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config, ann, lead = _ann_published_and_lead_pulled(tmp_path)
    session = member_session(ann, days=1)
    ann.sync(config)
    published = Path(config.folder, TEAMS, team_folder("Payroll"), "2026", f"{session.id}.toml")
    good = published.read_bytes()
    published.write_bytes(good[:40])  # half copied
    real, writes = state_module.write_atomic, []

    def second_write_dies(target: Path, data: bytes, **kwargs: object) -> None:
        writes.append(target)
        if len(writes) == 2:
            raise StoreError("the machine went down")
        real(target, data, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(state_module, "write_atomic", second_write_dies)
    with pytest.raises(StoreError):
        lead.sync(config)
    monkeypatch.undo()
    lead.sync(config)  # lists the folder again, finds the file as it was
    published.write_bytes(good)  # the copy completed, in place: the folder does not change
    assert [r.session_id for r in lead.sync(config).imported] == [session.id]
