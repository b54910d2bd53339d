"""Kill -9 at random moments never loses a completed session or an acknowledged answer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HARNESS = Path(__file__).with_name("killharness.py")


def _run(tmp_path: Path, mini_path: Path, kills: int, mode: str, seed: int) -> dict[str, object]:
    out = subprocess.run(
        [
            sys.executable,
            str(HARNESS),
            str(tmp_path / "data"),
            str(mini_path),
            str(kills),
            str(seed),
            mode,
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_store_survives_220_random_kills(tmp_path: Path, mini_path: Path) -> None:
    report = _run(tmp_path, mini_path, 220, "atomic", seed=20261122)
    assert report["kills"] == 220
    assert report["violations"] == []
    # The kills really landed among saves: hundreds of acknowledged saves, many sessions completed.
    assert isinstance(report["acknowledged"], int) and report["acknowledged"] > 600
    assert len(list((tmp_path / "data" / "sessions").glob("*.toml"))) > 50


def test_same_harness_catches_a_naive_open_write_store(tmp_path: Path, mini_path: Path) -> None:
    report = _run(tmp_path, mini_path, 600, "naive", seed=7)
    assert report["violations"], "the harness must detect torn writes of a naive store"
