"""``selfaudit sync``: set up once (saying who can read the store), then sync; one sentence and
the right exit code for every problem."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from selfaudit.store import Store
from selfaudit.store.imports import import_paths
from selfaudit.teamstore.config import config_path, load_config
from tests.conftest import run_cli
from tests.store.exchange import save


def test_setting_up_a_folder_says_who_can_read_it_and_syncs(tmp_path: Path) -> None:
    store = Store.open()
    session = save(store, who=store.pseudonym())
    shared = tmp_path / "share"
    shared.mkdir()
    result = run_cli("sync", "--folder", str(shared), "--team", "Payroll")
    assert result.returncode == 0, result.stderr
    assert "Anyone with access to this folder can read every session in it" in result.stdout
    assert result.stdout.endswith("1 published, 0 imported, 1 already present, 0 refused\n")
    config = load_config()
    assert config is not None and config.folder == str(shared) and config.team == "Payroll"
    assert config_path().stat().st_mode & 0o777 == 0o600
    assert any(p.name == f"{session.id}.toml" for p in shared.rglob("*.toml"))
    again = run_cli("sync")
    assert again.returncode == 0 and "Anyone" not in again.stdout
    assert again.stdout.endswith("0 published, 0 imported, 0 already present, 0 refused\n")


def test_a_git_remote_is_set_up_with_the_same_warning(tmp_path: Path) -> None:
    remote = tmp_path / "remote.git"
    os.system(f"git init --quiet --bare {remote}")
    result = run_cli("sync", "--git", str(remote), "--team", "Payroll")
    assert result.returncode == 0, result.stderr
    assert "Anyone with access to this repository can read" in result.stdout


def test_sync_without_a_team_store_is_bad_usage() -> None:
    result = run_cli("sync")
    assert result.returncode == 2
    assert "no team store is set up; run 'selfaudit sync --folder PATH'" in result.stderr


def test_sync_without_a_team_says_how_to_give_one(tmp_path: Path) -> None:
    result = run_cli("sync", "--folder", str(tmp_path))
    assert result.returncode == 2 and "which team's sessions" in result.stderr


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("[team_store]\n", "give team_store.folder or team_store.remote"),
        ('[team_store]\nfolder = "/x"\nremote = "y"\n', "one of the two"),
        ("[team_store]\nfolder = 3\n", "team_store.folder: expected text"),
        ('[team_store]\nfoldr = "/x"\n', "team_store.foldr: unknown key"),
        ("team_store = [\n", "invalid TOML"),
    ],
)
def test_a_broken_configuration_is_one_sentence(content: str, words: str) -> None:
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text(content)
    result = run_cli("sync", "--team", "Payroll")
    assert result.returncode == 2, result.stderr
    assert words in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_an_unreachable_folder_exits_1_and_says_what_waits(tmp_path: Path) -> None:
    store = Store.open()
    save(store, who=store.pseudonym())
    result = run_cli("sync", "--folder", str(tmp_path / "not-mounted"), "--team", "Payroll")
    assert result.returncode == 1
    assert "cannot be reached" in result.stderr and "1 session waits" in result.stderr


def test_dry_run_shows_what_would_be_published_and_does_nothing(tmp_path: Path) -> None:
    store = Store.open()
    session = save(store, who=store.pseudonym(), name="Ann")
    shared = tmp_path / "share"
    shared.mkdir()
    result = run_cli("sync", "--folder", str(shared), "--team", "Payroll", "--dry-run")
    assert result.returncode == 0, result.stderr
    (line,) = [x for x in result.stdout.splitlines() if session.id in x]
    assert line.startswith("teams/payroll-") and f"/{session.completed_at.year}/" in line
    assert "answers.enps" in line and "answers.choose_what" not in line
    assert "respondent_id" in line and "notes" not in line and "respondent," not in line
    assert result.stdout.endswith("1 session to publish\n")
    assert list(shared.iterdir()) == [] and not (store.root / "sync-state.json").exists()


def test_dry_run_says_how_many_sessions_without_a_team_are_never_published(
    tmp_path: Path,
) -> None:
    store = Store.open()
    save(store, who=store.pseudonym(), team="")
    bea = Store.open(tmp_path / "bea")
    theirs = save(bea, who=bea.pseudonym(), team="")
    assert [r.outcome.value for r in import_paths(store, [bea.path_of(theirs.id)])] == ["imported"]
    shared = tmp_path / "share"
    shared.mkdir()
    result = run_cli("sync", "--folder", str(shared), "--team", "Payroll", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-2:] == [
        "0 sessions to publish",
        "1 of your sessions was saved without a team, so it is never published (a saved "
        "session does not change). Set your team in the settings, and the sessions you save "
        "from then on are published.",
    ]
