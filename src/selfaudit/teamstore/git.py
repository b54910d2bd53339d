"""A sync with a team store that is a git remote, through the git command line.

The git command line brings the user's own SSH agent, credential helpers and proxy. It runs with
``GIT_TERMINAL_PROMPT=0`` (and SSH in batch mode unless the user chose their own SSH command), so
it never waits for a password that nobody types. selfaudit keeps its own checkout of the remote
in ``team-store/`` in the data dir and:

1. fetches, then fast-forwards to the remote's branch, or rebases its own commits not yet pushed
   onto it (the files are new and named by id, so a rebase never conflicts);
2. syncs with the checkout as with a folder (:mod:`selfaudit.teamstore.folder`);
3. commits exactly the files it wrote, as the install's pseudonym (never the user's git name;
   a rebase, which makes commits too, runs as the pseudonym as well);
4. pushes; a push that is rejected (someone pushed meanwhile) is followed by one fetch, rebase
   and push again, and then by a sentence saying what to do. It never force-pushes.

Offline, the commits wait in the checkout and are pushed at the next sync that reaches the
remote. Git missing, the remote unreachable, and access refused each get one sentence.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path

from selfaudit.store import identity
from selfaudit.teamstore.folder import FolderSync, Progress, SyncReport, Unreachable
from selfaudit.teamstore.local import Local
from selfaudit.teamstore.state import SyncState

TYPE_CHECKING = False  # typing's, without importing typing (5 ms of every start)

if TYPE_CHECKING:
    from selfaudit.questionnaires.loader import Catalog

CHECKOUT = "team-store"
#: How long one git command may take before the sync gives up on it.
TIMEOUT = 300
_NO_RIGHTS = (
    "permission denied",
    "authentication failed",
    "could not read username",
    "could not read password",
    "terminal prompts disabled",
    "access denied",
    "403",
    "not authorized",
)
#: The git commands of a sync that record who ran them: in commits (a rebase makes new ones of
#: those it moves), or in the checkout's reflog (a checkout of the branch, a fast-forward).
_RECORDS_WHO = frozenset({"commit", "rebase", "checkout", "merge"})
_REJECTED = ("[rejected]", "fetch first", "non-fast-forward", "failed to push some refs")
#: A fetch without git's automatic upkeep, which a sync runs itself when it changed the checkout
#: (a fetch that brings nothing leaves it nothing to do, and it costs a fifth of the fetch), and
#: without looking for submodules, which a team store of session files never has (over 10,000
#: files that look took two fifths of a fetch).
_FETCH = (
    *("-c", "maintenance.auto=false", "-c", "gc.auto=0"),
    *("fetch", "--quiet", "--no-recurse-submodules", "origin"),
)


class GitError(Unreachable):
    """Git could not do what the sync needs; ``str()`` is one sentence."""


def git_env() -> dict[str, str]:
    """The environment git runs in: never a prompt on the terminal."""
    env = dict(os.environ)
    env["GIT_TERMINAL_PROMPT"] = "0"
    env.setdefault("GIT_SSH_COMMAND", "ssh -o BatchMode=yes")
    env["LC_ALL"] = "C"  # messages in English, which :func:`explain` reads
    return env


def explain(remote: str, stderr: str) -> GitError:
    """The error, in one sentence, of a failed git command talking to ``remote``."""
    low = stderr.lower()
    if any(words in low for words in _NO_RIGHTS):
        return GitError(
            f"You have no access to the team store {remote}: git was refused. Ask whoever "
            "manages the repository for access, or check your SSH key or credentials.",
            "no-access",
            remote=remote,
        )
    last = next((line for line in reversed(stderr.strip().splitlines()) if line.strip()), "")
    said = last.strip() or "git failed"
    return GitError(
        f"The team store {remote} cannot be reached ({said}); check the network and the "
        "address. Your sessions wait and are published at the next sync.",
        "unreachable",
        remote=remote,
        detail=said,
    )


class GitSync:
    """One sync of this install's side ``local`` with the git remote ``remote`` for the team
    ``team``."""

    def __init__(
        self,
        local: Local,
        remote: str,
        team: str,
        state: SyncState,
        sets: Callable[[], Catalog],
        progress: Progress | None = None,
    ) -> None:
        self.local = local
        self.remote = remote
        self.checkout = local.data_dir / CHECKOUT
        self.folder = FolderSync(local, self.checkout, team, state, sets, progress)
        self.branch = ""
        self.who = ""
        """The install's pseudonym, which git commits as (read at the first commit)."""
        self.changed = False
        """Whether this sync moved the checkout on (merged, rebased or committed)."""

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run git in the checkout; :class:`GitError` when it is missing or (with ``check``)
        fails."""
        done = self._run(self._in_checkout(args))
        if check and done.returncode != 0:
            raise explain(self.remote, done.stderr)
        return done

    def _in_checkout(self, args: Sequence[str]) -> list[str]:
        """The command line of git ``args`` in the checkout; one that records who ran it runs
        as the install's pseudonym (read only then: a sync with nothing new records nothing)."""
        if args[0] not in _RECORDS_WHO:
            return ["git", "-C", str(self.checkout), *args]
        if not self.who:
            self.who = identity.pseudonym(self.local.data_dir)
        as_who = ("-c", f"user.name={self.who}", "-c", f"user.email={self.who}@selfaudit.invalid")
        return ["git", "-C", str(self.checkout), *as_who, *args]

    def _run(self, argv: list[str]) -> subprocess.CompletedProcess[str]:
        """Run one git command without a terminal to ask on; :class:`GitError` when git is
        missing or takes too long."""
        return self._finish(self._start(argv))

    def _start(self, argv: list[str]) -> subprocess.Popen[str]:
        """Start one git command (see :meth:`_run`); :meth:`_finish` waits for it."""
        try:
            return subprocess.Popen(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=git_env(),
            )
        except FileNotFoundError:
            raise GitError(
                "git is not installed (or not on your PATH): install git to sync with a git "
                "remote, or set up a shared folder with 'selfaudit sync --folder PATH' instead.",
                "no-git",
            ) from None

    def _finish(self, running: subprocess.Popen[str]) -> subprocess.CompletedProcess[str]:
        """Wait for a git command :meth:`_start` started, killing it after :data:`TIMEOUT`."""
        try:
            out, err = running.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            running.kill()
            running.communicate()
            raise GitError(
                f"git took over {TIMEOUT} seconds talking to {self.remote}; check the network "
                "and try again. Your sessions wait for the next sync.",
                "timeout",
                remote=self.remote,
                seconds=TIMEOUT,
            ) from None
        return subprocess.CompletedProcess(running.args, running.returncode, out, err)

    def _clone(self) -> bool:
        """Clone the remote when there is no checkout yet (``True``); else make sure what is
        there is a git checkout (``False``; :meth:`_check_origin` checks its remote)."""
        if os.path.lexists(self.checkout):
            if os.path.islink(self.checkout) or not (self.checkout / ".git").is_dir():
                raise GitError(
                    f"{self.checkout} is in the way and is not selfaudit's checkout of the "
                    "team store; move it away and sync again.",
                    "in-the-way",
                    path=self.checkout,
                )
            return False
        self.checkout.parent.mkdir(parents=True, exist_ok=True)
        clone = ["git", "-c", "init.defaultBranch=main", "clone", "--quiet", self.remote]
        done = self._run([*clone, str(self.checkout)])
        if done.returncode != 0:
            raise explain(self.remote, done.stderr)
        return True

    def _check_origin(self) -> None:
        """The checkout must be one of this remote (the team store set up anew elsewhere
        leaves the old one in the way). The address as cloned: ``git remote get-url`` would
        say it as the user's ``url.<base>.insteadOf`` rewrites it."""
        url = self.git("config", "--get", "remote.origin.url", check=False).stdout.strip()
        if url != self.remote:
            raise GitError(
                f"{self.checkout} is a checkout of {url or 'another remote'}, not of "
                f"{self.remote}; move it away and sync again.",
                "other-remote",
                path=self.checkout,
                remote=self.remote,
            )

    def _branch(self) -> str:
        """The branch the checkout is on: the remote's default one, as cloned (for an empty
        remote, ``main``: the first push makes it)."""
        return self.git("symbolic-ref", "--short", "HEAD").stdout.strip()

    def _has(self, ref: str) -> bool:
        return self.git("rev-parse", "--verify", "--quiet", ref, check=False).returncode == 0

    def _counts(self) -> tuple[int, int] | None:
        """How many commits the checkout has that the remote's branch has not, and the other
        way round; ``None`` while either has none."""
        upstream = f"origin/{self.branch}"
        done = self.git("rev-list", "--left-right", "--count", f"HEAD...{upstream}", check=False)
        if done.returncode != 0:
            return None
        ahead, behind = (int(n) for n in done.stdout.split())
        return ahead, behind

    def _integrate(self) -> int:
        """Fast-forward to the remote's branch, or rebase what is not pushed yet onto it;
        returns how many commits are then not pushed yet."""
        upstream = f"origin/{self.branch}"
        counts = self._counts()
        if counts is None:
            if not self._has(upstream):
                return 1 if self._has("HEAD") else 0  # an empty remote: push what is here
            self.git("checkout", "--quiet", "-B", self.branch, upstream)
            self.changed = True
            return 0
        ahead, behind = counts
        if not behind:
            return ahead
        self.changed = True
        if not ahead:
            self.git("merge", "--quiet", "--ff-only", upstream)
            return 0
        done = self.git("rebase", "--quiet", upstream, check=False)
        if done.returncode != 0:
            self.git("rebase", "--abort", check=False)
            raise GitError(
                f"Your commits in {self.checkout} could not be put on top of the team store's; "
                "nothing was pushed. Ask whoever manages the repository to check it.",
                "rebase",
                path=self.checkout,
            )
        return ahead

    def _commit(self, written: Sequence[Path]) -> None:
        """Commit exactly the files this sync wrote, as the install's pseudonym."""
        if not written:
            return
        paths = [str(p.relative_to(self.checkout)) for p in written]
        self.git("add", "--", *paths)
        self.changed = True
        count = len(paths)
        self.git(
            "commit",
            "--quiet",
            "--no-verify",
            "-m",
            f"selfaudit: {count} session{'' if count == 1 else 's'}",
            "--",
            *paths,
        )

    def _push(self) -> subprocess.CompletedProcess[str]:
        return self.git("push", "--quiet", "origin", f"HEAD:refs/heads/{self.branch}", check=False)

    def push(self) -> None:
        """Push; once rejected, fetch, rebase, import what came in, and push again; never
        force."""
        done = self._push()
        if done.returncode == 0:
            return
        if not any(words in done.stderr for words in _REJECTED):
            raise explain(self.remote, done.stderr)
        self.git(*_FETCH)
        self._integrate()
        self.folder.pull()  # what came in meanwhile is imported now, not at the next sync
        again = self._push()
        if again.returncode != 0:
            raise GitError(
                f"The team store {self.remote} took others' sessions while this sync pushed, "
                "twice; your sessions are committed here and go with the next sync: run "
                "'selfaudit sync' again in a minute.",
                "rejected",
                remote=self.remote,
            )

    def run(self) -> SyncReport:
        """Fetch, integrate, sync the checkout as a folder, commit, push.

        Offline (the fetch fails) the sessions are still committed in the checkout, then
        :class:`GitError` says they wait for the next sync."""
        cloned = self._clone()
        fetch = self._start(self._in_checkout(_FETCH))
        # While the fetch runs: the checkout's remote is checked (a fetch in the checkout of
        # another remote only brings that checkout its own remote's news; nothing else is
        # done with it), and this side is read.
        try:
            if not cloned:
                self._check_origin()
            waiting = self.folder.waiting()
            self.branch = self._branch()
        except BaseException:
            fetch.kill()  # the sync stops here: no waiting for the remote
            fetch.communicate()
            raise
        fetched = self._finish(fetch)
        unpushed = self._integrate() if fetched.returncode == 0 else 0
        report = self.folder.run(waiting)
        self._commit(report.written)
        if fetched.returncode != 0:
            raise explain(self.remote, fetched.stderr)
        if unpushed or report.written:
            self.push()
        if self.changed:
            with contextlib.suppress(GitError):  # upkeep only: the sync itself is done
                self.git("gc", "--auto", "--quiet", check=False)  # git's own upkeep, when due
        return report
