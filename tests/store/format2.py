"""The golden format-2 store (``tests/fixtures/store/format2``) and its byte-for-byte check."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

FORMAT2 = Path(__file__).parent.parent / "fixtures" / "store" / "format2"
PSEUDONYM = "anon-977f75"
MINE_EARLY = "11111111-1111-4111-8111-111111111111"
"""choose-us under the pseudonym, before a name was set."""
MINE_NAMED = "22222222-2222-4222-8222-222222222222"
"""choose-us under the name "Ann", the install's user."""
TEAMMATE = "33333333-3333-4333-8333-333333333333"
"""choose-us by another install (anon-0b0b0b), later than :data:`MINE_NAMED`."""
NOBODY = "44444444-4444-4444-8444-444444444444"
"""internal-service saved with no respondent."""
BOB = "55555555-5555-4555-8555-555555555555"
"""competency-level under the name "Bob"."""
DRAFT = "66666666-6666-4666-8666-666666666666"

Snapshot = dict[Path, tuple[bytes, int]]


def copy_format2(root: Path) -> Snapshot:
    """Put the golden store at ``root`` (folders 0700, files 0600, as selfaudit keeps them);
    returns every file's bytes and mtime."""
    shutil.copytree(FORMAT2, root, dirs_exist_ok=True)
    (root / "README.txt").unlink()
    for folder, _, files in os.walk(root):
        os.chmod(folder, 0o700)
        for name in files:
            os.chmod(Path(folder) / name, 0o600)
    return snapshot(root)


def snapshot(root: Path) -> Snapshot:
    """Every file under ``root`` but lock files (bytes, mtime in ns)."""
    return {
        path: (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.suffix == ".toml"
    }


def untouched(before: Snapshot) -> list[str]:
    """The files of ``before`` that are gone, changed or rewritten (an empty list: none)."""
    problems = []
    for path, (data, mtime) in before.items():
        if not path.exists():
            problems.append(f"{path.name} is gone")
        elif path.read_bytes() != data:
            problems.append(f"{path.name} changed")
        elif path.stat().st_mtime_ns != mtime:
            problems.append(f"{path.name} was rewritten")
    return problems
