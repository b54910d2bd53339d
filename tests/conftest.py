"""Shared fixtures. Every test runs with data and config dirs in a temp dir, never the real home.

Tests run in parallel (pytest-xdist, ``-n auto``): each one has its own temp dirs and environment,
so nothing here may be shared between tests except read-only fixture files.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto`` (see addopts): two workers per core. A Pilot test spends about half its time
    waiting for the app to go idle; a second worker per core runs meanwhile. Measured on a 2-core
    machine, 4 workers took 40-60% of the time 2 took. PYTEST_XDIST_AUTO_NUM_WORKERS wins."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS", "").isdigit():
        return int(os.environ["PYTEST_XDIST_AUTO_NUM_WORKERS"])
    return 2 * len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 2


@pytest.fixture(autouse=True)
def isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Point SELFAUDIT_DATA_DIR, _CONFIG_DIR, _CACHE_DIR and the XDG dirs at a fresh temp dir."""
    root = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SELFAUDIT_DATA_DIR", str(root / "data"))
    monkeypatch.setenv("SELFAUDIT_CONFIG_DIR", str(root / "config"))
    monkeypatch.setenv("SELFAUDIT_CACHE_DIR", str(root / "cache"))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(root / var.lower()))
    monkeypatch.setenv("HOME", str(root))
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield root


@pytest.fixture
def no_fsync(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``os.fsync`` a no-op where durability is not what the test tests (it costs up to 10 ms
    a call on a slow disk). A test marked ``real_fsync`` keeps the real one. The store's own tests,
    the fault-injection and kill tests and every subprocess keep real fsyncs regardless."""
    if request.node.get_closest_marker("real_fsync") is None:
        monkeypatch.setattr(os, "fsync", lambda fd: None)


@pytest.fixture
def mini_path() -> Path:
    """The small fixture set that uses every item kind."""
    return FIXTURES / "sets" / "mini.toml"


def run_cli(
    *args: str, timeout: float = 30, input_text: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m selfaudit`` in a subprocess with the test's environment."""
    return subprocess.run(
        [sys.executable, "-m", "selfaudit", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=os.environ.copy(),
        input=input_text,
        check=False,
    )
