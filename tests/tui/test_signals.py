"""SIGTERM and SIGHUP (a closed terminal) keep every answer, release the lock, end the process."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

from selfaudit.store import Store
from tests.tui.test_end_to_end_tmux import SELFAUDIT, Terminal, terminal

__all__ = ["terminal"]  # the fixture, re-used


def _start(terminal: Terminal, tmp_path: Path, command: str) -> None:
    env = {
        "SELFAUDIT_DATA_DIR": str(tmp_path / "data"),
        "SELFAUDIT_CONFIG_DIR": str(tmp_path / "config"),
    }
    env_args = [a for k, v in env.items() for a in ("-e", f"{k}={v}")]
    terminal.tmux("new-session", "-d", "-x", "80", "-y", "24", *env_args, command)


def _answer_two(terminal: Terminal) -> None:
    terminal.wait(lambda s: "Would our employees choose us?" in s and "Quit" in s)
    terminal.keys("Enter")
    terminal.wait(lambda s: "Start" in s and "one at a time" in s)
    terminal.keys("Enter")
    terminal.wait(lambda s: "Question 1 of 21" in s)
    terminal.keys("9", "Enter")
    terminal.wait(lambda s: "Question 2 of 21" in s)
    terminal.keys("4", "Enter")
    terminal.wait(lambda s: "Question 3 of 21" in s)


def _app_pid(terminal: Terminal) -> int:
    pane = terminal.tmux("list-panes", "-F", "#{pane_pid}").split()[0]
    children = subprocess.run(["pgrep", "-P", pane], capture_output=True, text=True).stdout.split()
    return int(children[0]) if children else int(pane)


def _gone(pid: int, timeout: float = 60) -> bool:
    """Whether the process ended (a generous bound: only a process that stays is caught)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if not Path(f"/proc/{pid}").exists() or "Z" in _state(pid):
            return True
        time.sleep(0.05)
    return False


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return "Z"


def _draft_kept(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data")
    (draft,) = store.drafts()
    assert draft.answers == {"enps": 9, "choose_again": 4}
    assert draft.position == 2
    assert store.open_draft(draft.id).answers == draft.answers  # the lock was released


def test_sigterm_keeps_the_draft_and_exits_143(terminal: Terminal, tmp_path: Path) -> None:
    _start(terminal, tmp_path, f"{SELFAUDIT}; echo EXIT=$?; sleep 30")
    _answer_two(terminal)
    pid = _app_pid(terminal)
    subprocess.run(["kill", f"-{signal.SIGTERM.value}", str(pid)], check=True)
    screen = terminal.wait(lambda s: "EXIT=" in s)
    assert "EXIT=143" in screen
    assert _gone(pid)
    _draft_kept(tmp_path)


def test_closed_terminal_sighup_keeps_the_draft_and_ends_the_process(
    terminal: Terminal, tmp_path: Path
) -> None:
    _start(terminal, tmp_path, str(SELFAUDIT))
    _answer_two(terminal)
    pid = _app_pid(terminal)
    terminal.tmux("kill-server")  # the terminal goes away: the app gets SIGHUP
    assert _gone(pid), "selfaudit must not outlive its terminal"
    _draft_kept(tmp_path)
