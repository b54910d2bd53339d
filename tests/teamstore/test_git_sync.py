"""Sync through a git remote (a local bare repository): fetch, rebase or fast-forward, commit
only selfaudit's files, push, retry once when rejected, never force; one sentence per failure."""

from __future__ import annotations

import os
import subprocess
import threading
from pathlib import Path
from typing import Any

import pytest

from selfaudit.store import StoreError
from selfaudit.teamstore import git as git_module
from selfaudit.teamstore.config import TeamStoreConfig
from selfaudit.teamstore.folder import FolderSync
from selfaudit.teamstore.git import GitError, GitSync, explain
from selfaudit.teamstore.layout import TEAMS
from tests.teamstore.scene import Person, member_session, person


def _bare(tmp_path: Path) -> TeamStoreConfig:
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "--quiet", "--bare", str(remote)], check=True)
    return TeamStoreConfig(remote=str(remote))


def _remote_files(config: TeamStoreConfig) -> list[str]:
    listed = subprocess.run(
        ["git", "-C", config.remote, "ls-tree", "-r", "--name-only", "HEAD"],
        capture_output=True,
        text=True,
        check=True,
    )
    return sorted(listed.stdout.split())


def test_two_members_and_a_lead_exchange_through_a_bare_repository(tmp_path: Path) -> None:
    config = _bare(tmp_path)
    ann, bob, lead = (person(tmp_path, n) for n in ("ann", "bob", "lead"))
    a = member_session(ann, name="Ann")
    b = member_session(bob, name="Bob", days=1)
    for p in (ann, bob, lead, ann):
        p.sync(config)
    assert ann.ids() == bob.ids() == lead.ids() == {a.id, b.id}
    held = lead.store.load(a.id)
    assert held.respondent == "" and held.notes == {} and held.imported_at is not None
    files = _remote_files(config)
    assert len(files) == 2 and all(f.startswith(f"{TEAMS}/") for f in files)
    authors = subprocess.run(
        ["git", "-C", config.remote, "log", "--format=%an <%ae>"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Ann" not in authors and ann.store.pseudonym() in authors


def test_a_sync_with_nothing_new_changes_nothing(tmp_path: Path) -> None:
    config = _bare(tmp_path)
    ann = person(tmp_path, "ann")
    member_session(ann)
    ann.sync(config)
    head = subprocess.run(
        ["git", "-C", config.remote, "rev-parse", "HEAD"], capture_output=True, text=True
    ).stdout
    report = ann.sync(config)
    assert (report.published, report.imported, report.refused) == ([], [], [])
    again = subprocess.run(
        ["git", "-C", config.remote, "rev-parse", "HEAD"], capture_output=True, text=True
    ).stdout
    assert again == head


def _calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    """Every git command the syncs run from here on."""
    seen: list[tuple[str, ...]] = []
    real = GitSync.git

    def spy(self: GitSync, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        seen.append(args)
        return real(self, *args, check=check)

    monkeypatch.setattr(GitSync, "git", spy)
    return seen


def test_a_rejected_push_is_fetched_rebased_and_pushed_again_never_forced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _bare(tmp_path)
    ann, bob = person(tmp_path, "ann"), person(tmp_path, "bob")
    member_session(ann)
    ann.sync(config)
    bob.sync(config)
    a2, b2 = member_session(ann, days=3), member_session(bob, days=4)
    real = GitSync._integrate

    def then_bob_pushes(self: GitSync) -> None:
        real(self)
        if self.local.data_dir == ann.store.root and not getattr(then_bob_pushes, "done", False):
            then_bob_pushes.done = True  # type: ignore[attr-defined]
            bob.sync(config)  # between Ann's fetch and her push

    monkeypatch.setattr(GitSync, "_integrate", then_bob_pushes)
    calls = _calls(monkeypatch)
    ann.sync(config)
    pushes = [c for c in calls if c[0] == "push"]
    assert len(pushes) >= 3  # Bob's, Ann's rejected one, Ann's again
    assert not any("--force" in c or "-f" in c or any(a.startswith("+") for a in c) for c in pushes)
    monkeypatch.setattr(GitSync, "_integrate", real)
    bob.sync(config)
    assert {a2.id, b2.id} <= ann.ids() and {a2.id, b2.id} <= bob.ids()
    assert len(_remote_files(config)) == 3


def test_two_members_pushing_at_the_same_moment_both_get_in(tmp_path: Path) -> None:
    config = _bare(tmp_path)
    people = [person(tmp_path, n) for n in ("ann", "bob")]
    for p in people:
        p.sync(config)  # both have a checkout
    sessions = [member_session(p) for p in people]
    start = threading.Barrier(len(people))
    errors: list[BaseException] = []

    def go(p: Person) -> None:
        start.wait()
        try:
            p.sync(config)
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=go, args=(p,)) for p in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    assert len(_remote_files(config)) == 2
    for p in people:
        p.sync(config)
        assert p.ids() == {s.id for s in sessions}


def test_the_same_race_fails_without_the_retry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The harness has teeth: a sync that gives up at the first rejected push is caught."""
    config = _bare(tmp_path)
    ann, bob = person(tmp_path, "ann"), person(tmp_path, "bob")
    ann.sync(config)
    bob.sync(config)
    member_session(ann)
    member_session(bob)
    real = GitSync._integrate

    def then_bob_pushes(self: GitSync) -> None:
        real(self)
        if self.local.data_dir == ann.store.root:
            monkeypatch.setattr(GitSync, "_integrate", real)
            bob.sync(config)

    monkeypatch.setattr(GitSync, "_integrate", then_bob_pushes)

    def give_up(self: GitSync) -> None:
        if self._push().returncode != 0:
            raise GitError("rejected")

    monkeypatch.setattr(GitSync, "push", give_up)
    with pytest.raises(GitError):
        ann.sync(config)


def test_git_missing_is_one_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = _bare(tmp_path)
    ann = person(tmp_path, "ann")
    monkeypatch.setenv("PATH", str(tmp_path / "no-bin"))
    with pytest.raises(GitError, match="git is not installed"):
        ann.sync(config)


def test_an_unreachable_remote_is_one_sentence_and_the_sessions_wait(tmp_path: Path) -> None:
    config = _bare(tmp_path)
    ann = person(tmp_path, "ann")
    ann.sync(config)
    session = member_session(ann)
    moved = tmp_path / "moved.git"
    Path(config.remote).rename(moved)
    with pytest.raises(GitError, match=r"cannot be reached.*published at the next sync"):
        ann.sync(config)
    Path(moved).rename(config.remote)
    ann.sync(config)
    assert any(session.id in f for f in _remote_files(config))


def test_refused_access_is_one_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A git that is refused (as a server says it) gets the no-access sentence."""
    fake = tmp_path / "bin"
    fake.mkdir()
    script = fake / "git"
    script.write_text(
        "#!/bin/sh\necho 'remote: Permission to hr/selfaudit.git denied.' >&2\n"
        "echo 'fatal: Authentication failed for https://example.org/hr/selfaudit.git/' >&2\n"
        "exit 128\n"
    )
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake}{os.pathsep}{os.environ['PATH']}")
    ann = person(tmp_path, "ann")
    with pytest.raises(GitError, match="You have no access to the team store"):
        ann.sync(TeamStoreConfig(remote="https://example.org/hr/selfaudit.git"))


def test_git_never_prompts() -> None:
    env = git_module.git_env()
    assert env["GIT_TERMINAL_PROMPT"] == "0"
    assert "BatchMode=yes" in env["GIT_SSH_COMMAND"]
    assert "cannot be reached" in str(explain("r", "fatal: Could not resolve host: example.org"))


def test_git_upkeep_runs_after_a_sync_that_changed_the_checkout_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _bare(tmp_path)
    ann = person(tmp_path, "ann")
    started: list[list[str]] = []
    real = GitSync._start

    def spy(self: GitSync, argv: list[str]) -> subprocess.Popen[str]:
        started.append(argv)
        return real(self, argv)

    monkeypatch.setattr(GitSync, "_start", spy)
    member_session(ann)
    ann.sync(config)
    assert any("gc" in argv and "--auto" in argv for argv in started)
    fetches = [argv for argv in started if "fetch" in argv]
    assert fetches and all("maintenance.auto=false" in argv for argv in fetches)
    started.clear()
    ann.sync(config)
    assert [argv for argv in started if "fetch" in argv]
    assert not any("gc" in argv for argv in started)


def test_a_sync_that_fails_on_this_side_stops_the_fetch_it_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _bare(tmp_path)
    ann = person(tmp_path, "ann")
    ann.sync(config)  # the checkout is there
    started: list[subprocess.Popen[str]] = []
    real = GitSync._start

    def slow_fetch(self: GitSync, argv: list[str]) -> subprocess.Popen[str]:
        if "fetch" not in argv:
            return real(self, argv)
        started.append(real(self, ["sleep", "60"]))
        return started[-1]

    def broken(self: object) -> list[str]:
        raise StoreError("the store cannot be opened")

    monkeypatch.setattr(GitSync, "_start", slow_fetch)
    monkeypatch.setattr(FolderSync, "waiting", broken)
    with pytest.raises(StoreError, match="cannot be opened"):
        ann.sync(config)
    assert started and started[0].returncode is not None
    assert started[0].returncode < 0  # stopped by a signal, not waited for until it ended


def test_git_upkeep_failing_does_not_undo_a_finished_sync(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _bare(tmp_path)
    ann = person(tmp_path, "ann")
    session = member_session(ann)
    real = GitSync.git

    def gc_times_out(self: GitSync, *args: str, check: bool = True) -> Any:
        if args[:1] == ("gc",):
            raise GitError("git took over 300 seconds")
        return real(self, *args, check=check)

    monkeypatch.setattr(GitSync, "git", gc_times_out)
    assert ann.sync(config).published == [session.id]
    assert len(_remote_files(config)) == 1


def test_a_checkout_of_another_remote_is_one_sentence_and_left_as_it_is(tmp_path: Path) -> None:
    first = _bare(tmp_path)
    ann = person(tmp_path, "ann")
    member_session(ann)
    ann.sync(first)
    second = tmp_path / "second.git"
    subprocess.run(["git", "init", "--quiet", "--bare", str(second)], check=True)
    member_session(ann, days=1)
    with pytest.raises(GitError, match=r"is a checkout of .*remote\.git, not of .*second\.git"):
        ann.sync(TeamStoreConfig(remote=str(second)))
    assert len(_remote_files(first)) == 1  # nothing more went to the old remote
    empty = subprocess.run(["git", "-C", str(second), "rev-parse", "--verify", "-q", "HEAD"])
    assert empty.returncode != 0  # and nothing to the new one


def test_a_remote_the_users_git_rewrites_is_still_its_own_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With ``url.<real>.insteadOf`` in the user's git config, git says the rewritten address
    for the checkout's remote; the checkout is still of the remote as set up."""
    real = _bare(tmp_path)
    given = "https://example.invalid/hr/selfaudit.git"
    gitconfig = tmp_path / "gitconfig"
    gitconfig.write_text(f'[url "{real.remote}"]\n\tinsteadOf = {given}\n', encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(gitconfig))
    config = TeamStoreConfig(remote=given)
    ann = person(tmp_path, "ann")
    first, second = member_session(ann), member_session(ann, days=1)
    assert set(ann.sync(config).published) == {first.id, second.id}
    third = member_session(ann, days=2)
    assert ann.sync(config).published == [third.id]  # the second sync checks the checkout
    assert len(_remote_files(real)) == 3
