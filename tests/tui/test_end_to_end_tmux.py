"""The installed selfaudit in tmux at 80x24: answer a whole set, check the saved file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import tomllib
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from selfaudit.questionnaires import load_catalog
from tests.tui.test_type_ahead import typed_walk

TMUX = shutil.which("tmux")
EXE = Path(sys.executable).with_name("selfaudit")
SELFAUDIT = str(EXE) if EXE.exists() else shutil.which("selfaudit")


#: tmux's names for the keys the Pilot tests call otherwise.
TMUX_KEYS = {"enter": "Enter", "backspace": "BSpace", "down": "Down", " ": "Space"}


class Terminal:
    """One tmux session on its own socket."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        assert TMUX is not None
        done = subprocess.run(
            [TMUX, "-L", self.socket, *args], capture_output=True, text=True, timeout=10
        )
        return done.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", *keys)

    def wait(self, check: Callable[[str], bool], timeout: float = 15) -> str:
        end = time.monotonic() + timeout
        while True:
            text = self.screen()
            if check(text):
                return text
            if time.monotonic() > end:
                raise AssertionError(f"screen never matched; last screen:\n{text}")
            time.sleep(0.05)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    if TMUX is None or SELFAUDIT is None:
        pytest.fail("tmux and the installed selfaudit are needed for this test")
    term = Terminal(f"selfaudit-test-{uuid.uuid4().hex[:8]}")
    yield term
    term.tmux("kill-server")


def test_answer_choose_us_in_a_real_terminal(terminal: Terminal, tmp_path: Path) -> None:
    data, config = tmp_path / "data", tmp_path / "config"
    env = {"SELFAUDIT_DATA_DIR": str(data), "SELFAUDIT_CONFIG_DIR": str(config)}
    env_args = [a for k, v in env.items() for a in ("-e", f"{k}={v}")]
    terminal.tmux(
        "new-session",
        "-d",
        "-x",
        "80",
        "-y",
        "24",
        *env_args,
        f"TERM=xterm-256color HOME={tmp_path} {SELFAUDIT}; sleep 30",
    )
    terminal.wait(lambda s: "Would our employees choose us?" in s and "Quit" in s)
    # Every key of the set in one send-keys, as a paste or a fast typist gives them: home's
    # Enter, the introduction's Enter, then each answer with a Backspace-corrected slip.
    qset = load_catalog().sets["choose-us"]
    keys, expected = typed_walk(qset)
    terminal.keys("Enter", "Enter", *(TMUX_KEYS.get(k, k) for k in keys))
    screen = terminal.wait(lambda s: "Results: Would our employees choose us?" in s)
    assert "You answered 0 of 10" in screen
    terminal.keys("C-s")
    screen = terminal.wait(lambda s: "File:" in str(s))
    [file] = list((data / "sessions").glob("*.toml"))
    doc = tomllib.loads(file.read_text(encoding="utf-8"))
    assert file.stem[:8] in screen
    assert "[Goed] zo" in file.read_text(encoding="utf-8")
    assert doc["answers"] == expected  # every answer on its own question, as typed
    assert stat_mode(file) == 0o600
    terminal.keys("C-q")
    terminal.wait(lambda s: "Results:" not in s)
    assert not list((data / "drafts").glob("*.toml"))


def stat_mode(path: Path) -> int:
    return os.stat(path).st_mode & 0o777
