"""Sync benchmark: a team store of 10,000 sessions in a git repository.

Builds a bare repository holding N published sessions (``teams/<team>/<yyyy>/<id>.toml``, one
commit; made directly, without selfaudit's fsyncs, to keep set-up short), then a lead's store
that syncs with it once (clone, and import of the team's sessions: timed and reported as
``first``), and once more when its configuration has settled (see :mod:`selfaudit.kept_toml`),
as on any later day. Then it times, alternately, ``selfaudit sync`` with nothing new (the
installed command in a fresh process, start-up included, its modules compiled as an install
has them: as a user runs it) and the baseline: a plain ``git fetch`` plus ``git status`` of the
same checkout, also each in fresh processes; and the same sync timed inside a fresh process
once its imports are done (the sync's own work; the command's start-up is the imports every
command shares). It reports the medians and the ratios (the target: at most 2x); only the
ratios compare between machines.

Usage: ``python bench/sync.py [--sessions 10000] [--runs 21]``
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from selfaudit.kept_toml import SETTLE_SECONDS
from selfaudit.questionnaires import load_catalog
from selfaudit.store import Store
from selfaudit.store.atomic import encode_toml
from selfaudit.store.shareable import shareable_doc
from selfaudit.teamstore.layout import session_path

TEAMS = ("Payroll", "Service desk", "Finance", "IT")
START = dt.datetime(2024, 1, 1, 9, tzinfo=dt.UTC)


def _git(*args: str, cwd: Path | None = None) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def build_remote(root: Path, count: int) -> Path:
    """A bare repository with ``count`` published sessions, a quarter of them Payroll's."""
    seed = Store.open(root / "seed")
    qset = load_catalog().get("choose-us")
    assert qset is not None
    template = seed.save_session(qset, {"enps": 8, "choose_again": 4, "stay_year": 3})
    work = root / "work"
    _git("init", "--quiet", "-b", "main", str(work))
    for n in range(count):
        when = START + dt.timedelta(hours=2 * n)
        session = dataclasses.replace(
            template,
            id=str(uuid.UUID(int=n + 1, version=4)),
            team=TEAMS[n % len(TEAMS)],
            respondent_id=f"anon-{n:06x}"[:11],
            started_at=when,
            completed_at=when,
        )
        target = session_path(work, session)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(encode_toml(shareable_doc(session, qset)))
    _git("add", "teams", cwd=work)
    _git(
        "-c", "user.name=bench", "-c", "user.email=bench@invalid", "commit", "-qm", "seed", cwd=work
    )
    remote = root / "remote.git"
    _git("clone", "--quiet", "--bare", str(work), str(remote))
    return remote


def _command() -> str:
    """The ``selfaudit`` command installed beside this Python, as a user runs it."""
    found = Path(sys.executable).with_name("selfaudit")
    if not found.exists():
        raise SystemExit(f"{found} is missing: run 'make .venv/.installed' first")
    return str(found)


def _timed(argv: list[str], env: dict[str, str], cwd: Path | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


#: A no-op sync timed inside a process, after its imports: the sync's own work.
_INSIDE = """
import time
from selfaudit import paths
from selfaudit.commands.sync import run_sync
from selfaudit.teamstore.config import load_config
from selfaudit.teamstore.local import Local
config = load_config()
start = time.perf_counter()
run_sync(Local.open(paths.data_dir()), config, "Payroll")
print(time.perf_counter() - start)
"""


def _inside(env: dict[str, str]) -> float:
    done = subprocess.run(
        [sys.executable, "-c", _INSIDE], env=env, check=True, capture_output=True, text=True
    )
    return float(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="selfaudit-bench-sync-") as tmp:
        root = Path(tmp)
        env = dict(os.environ)
        env.update(
            SELFAUDIT_DATA_DIR=str(root / "lead"),
            SELFAUDIT_CONFIG_DIR=str(root / "config"),
            SELFAUDIT_CACHE_DIR=str(root / "cache"),
            GIT_TERMINAL_PROMPT="0",
            # As installed from a wheel, the modules are compiled once (the first sync here
            # compiles them), not at every start, whatever this shell says.
            PYTHONPYCACHEPREFIX=str(root / "pycache"),
        )
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ.update(env)
        t0 = time.perf_counter()
        remote = build_remote(root, args.sessions)
        print(f"team store of {args.sessions} sessions built in {time.perf_counter() - t0:.1f} s")
        selfaudit = [_command()]
        setup = [*selfaudit, "sync", "--git", str(remote), "--team", "Payroll"]
        first = _timed(setup, env)
        print(f"first sync (clone, import {args.sessions // len(TEAMS)}): {first:.2f} s")
        # As on any day after the set-up: the configuration has settled and is kept parsed.
        time.sleep(SETTLE_SECONDS)
        _timed([*selfaudit, "sync"], env)
        checkout = root / "lead" / "team-store"
        commands, inside, baselines = [], [], []
        for _ in range(args.runs):
            commands.append(_timed([*selfaudit, "sync"], env))
            inside.append(_inside(env))
            baselines.append(
                _timed(["git", "fetch", "--quiet", "origin"], env, checkout)
                + _timed(["git", "status", "--porcelain"], env, checkout)
            )
        base = statistics.median(baselines)
        print(f"git fetch + status          {base * 1000:8.1f} ms (median of {args.runs})")
        for label, runs in (
            ("no-op sync, imports done", inside),
            ("selfaudit sync command", commands),
        ):
            took = statistics.median(runs)
            print(f"{label:<27} {took * 1000:8.1f} ms  {took / base:5.2f}x (target: at most 2x)")


if __name__ == "__main__":
    main()
