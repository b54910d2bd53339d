"""Hostile or broken set files: one line per problem, exit code 2, no traceback, small.

Each case runs the real ``selfaudit validate`` in a subprocess; peak memory of the child is checked
against the 100 MB budget. The quadratic tomllib paths (a 50,000-segment dotted key takes ~40 s
unguarded) are caught by the reason given ("dotted key": refused before tomllib parses it), not
by a clock: the timeout only stops a hung run. How fast each case is belongs to ``make bench``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from selfaudit.core.answers import check_answer
from selfaudit.core.model import Item
from tests.conftest import run_cli


def _valid(mini_path: Path) -> str:
    return mini_path.read_text(encoding="utf-8")


CASES: dict[str, tuple[Callable[[Path, str], object], str]] = {
    "truncated": (
        lambda p, ok: p.write_text(ok[: len(ok) // 2] + "\n[[items]\n", "utf-8"),
        "invalid TOML",
    ),
    "invalid utf-8": (
        lambda p, ok: p.write_bytes(ok.encode()[:200] + b"\xff\xfe\n"),
        "not valid UTF-8",
    ),
    "nul byte": (lambda p, ok: p.write_bytes(b"id = 'x'\n\x00\n"), "NUL byte"),
    "too big": (lambda p, ok: p.write_bytes(b"# " + b"x" * (2 << 20) + b"\n"), "the limit is"),
    "nested arrays": (
        lambda p, ok: p.write_text("x = " + "[" * 20000 + "]" * 20000, "utf-8"),
        "nested too deeply",
    ),
    "nested tables": (
        lambda p, ok: p.write_text("x = " + "{a=" * 20000 + "1" + "}" * 20000, "utf-8"),
        "nested too deeply",
    ),
    "dotted key": (
        lambda p, ok: p.write_text("a" + ".a" * 50000 + " = 1\n", "utf-8"),
        "dotted key",
    ),
    "dotted header": (
        lambda p, ok: p.write_text("[" + ".".join(["b"] * 40000) + "]\n", "utf-8"),
        "dotted key",
    ),
    "digit dotted key": (
        lambda p, ok: p.write_text("1" + ".1" * 50000 + " = 1\n", "utf-8"),
        "dotted key",
    ),
    "huge integer": (
        lambda p, ok: p.write_text("format = " + "9" * 100000 + "\n", "utf-8"),
        "invalid TOML",
    ),
    "nan": (
        lambda p, ok: p.write_text(ok.replace("max = 1000", "max = nan"), "utf-8"),
        'items[5] (id "people").max: must be a finite number',
    ),
    "inf": (
        lambda p, ok: p.write_text(ok.replace("min = 0\n", "min = inf\n", 1), "utf-8"),
        "bands[0].min: must be a finite number",
    ),
    "wrong type": (
        lambda p, ok: p.write_text(ok.replace('version = "1.0"', "version = 1.0"), "utf-8"),
        "version: must be a string",
    ),
    "duplicate item id": (
        lambda p, ok: p.write_text(ok.replace('id = "again"', 'id = "fast"'), "utf-8"),
        "duplicate id 'fast'",
    ),
    "unknown key": (
        lambda p, ok: p.write_text(
            ok.replace("integer = true", "integer = true\nstep = 2"), "utf-8"
        ),
        'items[5] (id "people").step: unknown key',
    ),
    "empty": (lambda p, ok: p.write_bytes(b""), "this is not a question set"),
    "not a table at top": (
        lambda p, ok: p.write_text("items = 3\n", "utf-8"),
        "items: must be an array of tables",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_file_gives_clear_error(case: str, tmp_path: Path, mini_path: Path) -> None:
    make, expected = CASES[case]
    target = tmp_path / "set.toml"
    make(target, _valid(mini_path))
    returncode, stdout, stderr, peak_kib = _validate_measured(target)
    assert returncode == 2, stderr
    assert "Traceback" not in stderr
    assert expected in stderr
    assert str(target) in stderr
    assert stdout == ""
    assert peak_kib < 100 * 1024  # ru_maxrss is in KiB on Linux


#: Runs the real CLI and reports its own peak memory (VmHWM) on exit. ru_maxrss would not do:
#: on Linux it keeps the high-water mark from before exec, i.e. the forking pytest process's.
_MEASURED = """
import atexit, sys
def report():
    with open("/proc/self/status") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    sys.stderr.write(f"\\nPEAK_KIB {peak}\\n")
atexit.register(report)
from selfaudit.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _validate_measured(target: Path) -> tuple[int, str, str, int]:
    """Run ``selfaudit validate``: exit code, stdout, stderr, peak KiB (a hang is stopped)."""
    result = subprocess.run(
        [sys.executable, "-c", _MEASURED, "validate", str(target)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    stderr, _, peak = result.stderr.rpartition("\nPEAK_KIB ")
    return result.returncode, result.stdout, stderr, int(peak)


def test_symlink_is_refused(tmp_path: Path, mini_path: Path) -> None:
    link = tmp_path / "link.toml"
    link.symlink_to(mini_path)
    result = run_cli("validate", str(link))
    assert result.returncode == 2
    assert "symbolic link" in result.stderr and "Traceback" not in result.stderr


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    result = run_cli("validate", str(fifo))  # a blocking open would hang until the timeout
    assert result.returncode == 2
    assert "not a regular file" in result.stderr


def test_missing_file_and_directory(tmp_path: Path) -> None:
    result = run_cli("validate", str(tmp_path / "nope.toml"), str(tmp_path))
    assert result.returncode == 2
    assert "no such file" in result.stderr and "is a directory" in result.stderr


@pytest.mark.parametrize(
    ("last_line", "expected"),
    [
        ("title = {en = \n", "invalid TOML"),
        # tomllib says "(at end of document)" without a line: the last line is named.
        ('title = "unterminated', "invalid TOML: a text in quotes is not closed; end it with the"),
    ],
)
def test_syntax_error_names_the_line(tmp_path: Path, last_line: str, expected: str) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('format = 1\nid = "x"\n' + last_line, "utf-8")
    result = run_cli("validate", str(bad))
    assert result.returncode == 2
    assert f"{bad}:3: {expected}" in result.stderr


def test_valid_file_passes(mini_path: Path) -> None:
    result = run_cli("validate", str(mini_path))
    assert result.returncode == 0, result.stderr
    assert "ok (mini 1.0, 7 items)" in result.stdout


def test_a_flood_of_problems_is_capped(tmp_path: Path) -> None:
    flood = tmp_path / "flood.toml"
    flood.write_text("format = 1\n" + "".join(f"k{i} = {i}\n" for i in range(5000)), "utf-8")
    result = run_cli("validate", str(flood))
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2
    assert len(lines) == 52  # 50 problems, the count of the rest, the summary
    # 5,000 unknown keys + 11 about missing required keys - 50 shown
    assert lines[50] == f"{flood}: ... and 4,961 more problems; fix the ones above first"


def _mini_with(mini_path: Path, old: str, new: str) -> str:
    text = _valid(mini_path)
    assert old in text
    return text.replace(old, new, 1)


def test_a_400_digit_integer_is_a_problem_not_a_traceback(tmp_path: Path, mini_path: Path) -> None:
    target = tmp_path / "set.toml"
    target.write_text(_mini_with(mini_path, "max = 1000", "max = 1" + "0" * 400), "utf-8")
    result = run_cli("validate", str(target))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f'{target}: items[5] (id "people").max: is too large' in result.stderr
    assert len(result.stderr.splitlines()[0]) < 200


def test_a_set_with_a_400_digit_integer_does_not_break_the_other_sets(mini_path: Path) -> None:
    from selfaudit import paths

    folder = paths.user_sets_dir()
    folder.mkdir(parents=True)
    (folder / "mini.toml").write_text(
        _mini_with(mini_path, "max = 1000", "max = 1" + "0" * 400), "utf-8"
    )
    result = run_cli("sets")
    assert "Traceback" not in result.stderr
    assert 'items[5] (id "people").max: is too large' in result.stderr
    assert "turnover-cost" in result.stdout


def test_a_400_digit_answer_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    answers = tmp_path / "answers.toml"
    answers.write_text("headcount = 1" + "0" * 400 + "\nleavers = 3\nsalary = 40000\n", "utf-8")
    result = run_cli("take", "turnover-cost", "--answers", str(answers))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "headcount: number answer is too large" in result.stderr


def test_a_utf8_bom_is_accepted(tmp_path: Path, mini_path: Path) -> None:
    target = tmp_path / "bom.toml"
    target.write_bytes(b"\xef\xbb\xbf" + mini_path.read_bytes())
    result = run_cli("validate", str(target))
    assert result.returncode == 0, result.stderr
    assert "ok (mini 1.0, 7 items)" in result.stdout


def test_a_huge_value_is_echoed_cut_short(tmp_path: Path, mini_path: Path) -> None:
    target = tmp_path / "set.toml"
    target.write_text(_mini_with(mini_path, 'id = "mini"', f'id = "{"a" * 9_000}"'), "utf-8")
    result = run_cli("validate", str(target))
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert f"{target}: id: '{'a' * 60}...' is not a valid identifier" in lines
    assert max(len(line) for line in lines) < 300


def test_escape_sequences_in_keys_are_shown_escaped(tmp_path: Path, mini_path: Path) -> None:
    target = tmp_path / "set.toml"
    target.write_text(
        _mini_with(mini_path, "format = 1", 'format = 1\n"\\u001b[2Jkey" = 1'), "utf-8"
    )
    result = run_cli("validate", str(target))
    assert result.returncode == 2
    assert "\x1b" not in result.stderr
    assert f"{target}: \\x1b[2Jkey: unknown key" in result.stderr


def test_control_characters_in_texts_are_refused(tmp_path: Path, mini_path: Path) -> None:
    target = tmp_path / "set.toml"
    title = 'title = { en = "Mini\\u001b]0;owned\\u0007", nl = "Mini" }'
    target.write_text(_mini_with(mini_path, 'title = { en = "Mini", nl = "Mini" }', title), "utf-8")
    result = run_cli("validate", str(target))
    assert result.returncode == 2
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert f"{target}: title.en: contains the control character \\x1b" in result.stderr


@pytest.mark.parametrize("code", ["202e", "2066", "200b", "200d", "2028", "e000"])
def test_characters_that_reorder_or_hide_text_are_refused(
    tmp_path: Path, mini_path: Path, code: str
) -> None:
    target = tmp_path / "set.toml"
    title = f'title = {{ en = "Mini", nl = "Mini\\u{code}x" }}'
    target.write_text(_mini_with(mini_path, 'title = { en = "Mini", nl = "Mini" }', title), "utf-8")
    result = run_cli("validate", str(target))
    assert result.returncode == 2
    assert chr(int(code, 16)) not in result.stderr
    assert f"{target}: title.nl: contains the control character \\u{code}" in result.stderr


def test_an_escape_sequence_in_an_answers_key_is_shown_escaped(tmp_path: Path) -> None:
    answers = tmp_path / "answers.toml"
    answers.write_text('"\\u001b[2Jkey" = 1\nheadcount = 5\nleavers = 1\nsalary = 1\n', "utf-8")
    result = run_cli("take", "turnover-cost", "--answers", str(answers))
    assert result.returncode == 2
    assert "\x1b" not in result.stderr
    assert "no item '\\x1b[2Jkey'" in result.stderr


def _mini_item(mini_path: Path, item_id: str) -> Item:
    from selfaudit.questionnaires import load_file

    qset, problems = load_file(mini_path)
    assert qset is not None, problems
    item = qset.item(item_id)
    assert item is not None
    return item


@pytest.mark.parametrize("value", [10**400, -(10**400), 2**63])
def test_check_answer_refuses_a_huge_integer(mini_path: Path, value: int) -> None:
    with pytest.raises(ValueError, match=r"^is too large; at most 9,223,372,036,854,775,807"):
        check_answer(_mini_item(mini_path, "people"), value)


@pytest.mark.parametrize("value", ["²", "٣", "5" * 5000, 10**400, "1" + "0" * 400])
def test_check_answer_on_a_scale_says_what_is_allowed(mini_path: Path, value: object) -> None:
    for item_id, allowed in (("fast", "from 1 to 5"), ("recommend", "from 0 to 10")):
        with pytest.raises(ValueError) as raised:
            check_answer(_mini_item(mini_path, item_id), value)
        message = str(raised.value)
        assert message.startswith(f"must be a whole number {allowed}, got ")
        assert len(message) < 120


@pytest.mark.parametrize("value", ["9" * 5000, "1\x1b[2J"])
def test_check_answer_on_a_number_echoes_text_cut_and_escaped(mini_path: Path, value: str) -> None:
    with pytest.raises(ValueError) as raised:
        check_answer(_mini_item(mini_path, "people"), value)
    message = str(raised.value)
    assert len(message) < 120 and "\x1b" not in message


def test_a_set_file_over_256_kib_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "set.toml"
    target.write_bytes(b"x = [" + b"0," * (130 << 10) + b"]\n")
    result = run_cli("validate", str(target))
    assert result.returncode == 2
    assert "the limit is 262,144" in result.stderr
