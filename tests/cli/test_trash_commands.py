"""delete / trash / restore through the real command line: asking, refusing, exit codes."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.test_import_hygiene import _loaded_after

DATA = "SELFAUDIT_DATA_DIR"


def _take(tmp_path: Path, enps: int) -> str:
    answers = tmp_path / f"answers-{enps}.toml"
    answers.write_text(f"enps = {enps}\n")
    result = run_cli("take", "choose-us", "--answers", str(answers), "--json")
    assert result.returncode == 0, result.stderr
    return str(json.loads(result.stdout)["id"])


def _listed(*args: str) -> list[str]:
    result = run_cli(*args, "--json")
    assert result.returncode == 0, result.stderr
    return [s["id"] for s in json.loads(result.stdout)]


def _session(session_id: str) -> Path:
    return Path(os.environ[DATA]) / "sessions" / f"{session_id}.toml"


def _on_a_terminal(*args: str, typed: str) -> tuple[int, str, str]:
    """Run the command with a terminal as its stdin, type ``typed`` into it; exit code, stdout
    and stderr (where the question is asked)."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "selfaudit", *args],
        stdin=terminal,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    os.close(terminal)
    try:
        os.write(controller, typed.encode())
        out, err = process.communicate(timeout=30)
    finally:
        os.close(controller)
    return process.returncode, out, err


def test_delete_moves_the_session_out_of_every_view_and_restore_brings_it_back(
    tmp_path: Path,
) -> None:
    kept, mistake = _take(tmp_path, 8), _take(tmp_path, 3)
    data = _session(mistake).read_bytes()
    result = run_cli("delete", mistake[:6], "--yes")
    assert result.returncode == 0, result.stderr
    trashed = Path(os.environ[DATA]) / "trash" / f"{mistake}.toml"
    assert result.stdout == (
        f"Moved session {mistake} to the trash\n  {trashed}\n"
        f"'selfaudit restore {mistake[:8]}' brings it back.\n"
    )
    assert trashed.read_bytes() == data and not _session(mistake).exists()
    assert _listed("list") == [kept]
    assert _listed("trash") == [mistake]
    assert run_cli("show", mistake[:6]).returncode == 2
    listing = run_cli("trash")
    assert listing.stdout.startswith(f"{mistake}  ") and "choose-us" in listing.stdout
    assert "  anon-" in listing.stdout and "would recommend us: 3" in listing.stdout
    assert run_cli("doctor").returncode == 0

    result = run_cli("restore", mistake[:6])
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        f"Restored session {mistake}\n  Would our employees choose us?, "
    )
    assert result.stdout.endswith(f"\n  in {_session(mistake)}\n")
    assert _session(mistake).read_bytes() == data
    assert sorted(_listed("list")) == sorted([kept, mistake])
    assert _listed("trash") == []
    assert run_cli("trash").stderr == "The trash is empty.\n"


def test_delete_without_a_terminal_needs_yes(tmp_path: Path) -> None:
    session_id = _take(tmp_path, 9)
    result = run_cli("delete", session_id, input_text="y\n")
    assert result.returncode == 2
    assert result.stderr == (
        "selfaudit: delete asks before it moves a session to the trash, and cannot ask here "
        "(no terminal); give --yes to move it without asking\n"
    )
    assert _session(session_id).exists() and _listed("trash") == []


@pytest.mark.parametrize(("typed", "moved"), [("y\n", True), ("n\n", False), ("\n", False)])
def test_delete_on_a_terminal_names_the_session_and_asks(
    tmp_path: Path, typed: str, moved: bool
) -> None:
    session_id = _take(tmp_path, 9)
    code, out, err = _on_a_terminal("delete", session_id[:8], typed=typed)
    assert err.startswith(f"Move session {session_id[:8]} (Would our employees choose us?, 20"), err
    assert err.split("\n")[0].endswith(
        ", would recommend us: 9 on a scale of 0–10) to the trash? [y/N] "
        + ("" if moved else "Nothing was moved.")
    ), err
    assert (code, _session(session_id).exists()) == ((0, False) if moved else (1, True))
    assert out.startswith("Moved session") == moved


def test_restore_refuses_when_the_session_is_saved_again(tmp_path: Path) -> None:
    session_id = _take(tmp_path, 9)
    data = _session(session_id).read_bytes()
    assert run_cli("delete", session_id, "--yes").returncode == 0
    _session(session_id).write_bytes(data + b"# again\n")
    result = run_cli("restore", session_id[:8])
    assert result.returncode == 1
    assert result.stderr == (
        f"selfaudit: Not restored: a session {session_id} is saved again "
        f"({_session(session_id)}), so both copies were left as they are.\n"
    )
    assert _session(session_id).read_bytes() == data + b"# again\n"
    assert _listed("trash") == [session_id]
    doctor = run_cli("doctor")
    assert doctor.returncode == 1 and "this session is saved again in sessions/" in doctor.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["delete", "zzzz", "--yes"], "No session id starts with 'zzzz'; 'selfaudit list'"),
        (["delete", "ab", "--yes"], "Give at least the first 4 characters"),
        (["restore", "zzzz"], "No id in the trash starts with 'zzzz'; 'selfaudit trash'"),
    ],
)
def test_unknown_ids_exit_2_with_one_sentence(
    tmp_path: Path, args: list[str], message: str
) -> None:
    _take(tmp_path, 9)
    result = run_cli(*args)
    assert result.returncode == 2
    assert result.stderr.startswith(f"selfaudit: {message}") and result.stderr.count("\n") == 1


def test_delete_trash_and_restore_do_not_import_textual(tmp_path: Path) -> None:
    session_id = _take(tmp_path, 9)
    loaded = _loaded_after(
        f"""
        import contextlib, io
        from selfaudit import cli
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            assert cli.main(["delete", {session_id!r}, "--yes"]) == 0
            assert cli.main(["trash"]) == 0
            assert cli.main(["restore", {session_id!r}]) == 0
        """
    )
    assert "selfaudit" in loaded and not loaded & {"textual", "rich"}
