"""The wheel carries the built-in question sets, and an installed copy finds and loads them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).parent.parent


def test_wheel_ships_the_question_sets_and_they_load(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(out),
            str(REPO),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = out.glob("selfaudit-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    shipped = sorted(n for n in names if n.startswith("selfaudit/questionnaires/builtin/"))
    assert shipped == [
        f"selfaudit/questionnaires/builtin/{s}.toml"
        for s in ("choose-us", "competency-level", "internal-service", "turnover-cost")
    ]
    assert not any(n.startswith("tests/") for n in names)

    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--quiet",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run(
        [sys.executable, "-m", "selfaudit", "sets", "--json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    doc = json.loads(result.stdout)
    assert {s["id"] for s in doc["sets"]} >= {
        "choose-us",
        "turnover-cost",
        "internal-service",
        "competency-level",
    }
    where = subprocess.run(
        [sys.executable, "-c", "import selfaudit.paths as p; print(p.builtin_sets_dir())"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.strip().startswith(str(target))
