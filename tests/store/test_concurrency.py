"""Several processes saving at once: every session present and valid."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from selfaudit.store import Store

WORKER = """
import sys
from selfaudit.questionnaires import load_file
from selfaudit.store import Store
qset, _ = load_file(sys.argv[2])
store = Store.open(sys.argv[1])
for i in range(50):
    store.save_session(qset, {"fast": 1 + i % 5, "remark": f"worker {sys.argv[3]} #{i}"})
    if i % 10 == 0:
        store.sessions()  # index refreshes race with the other writers
"""


def test_four_processes_fifty_sessions_each(tmp_path: Path, mini_path: Path) -> None:
    data = tmp_path / "data"
    procs = [
        subprocess.Popen([sys.executable, "-c", WORKER, str(data), str(mini_path), str(n)])
        for n in range(4)
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0, 0]
    store = Store.open(data)
    sessions = store.sessions()
    assert len(sessions) == 200
    assert store.doctor() == []
    remarks = {store.load(s.id).answers["remark"] for s in sessions}
    assert remarks == {f"worker {w} #{i}" for w in range(4) for i in range(50)}
