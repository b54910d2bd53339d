"""The grammar built for one command parses exactly as the full one, and the full one is built
whenever the command cannot be told (help, no command, an unknown word)."""

from __future__ import annotations

import pytest

from selfaudit import cli

SAMPLES = [
    ["sync"],
    ["sync", "--dry-run", "--team", "Payroll"],
    ["--data-dir", "/tmp/d", "list", "--json", "--team", "IT"],
    ["--data-dir=/tmp/d", "trend", "choose-us", "--k", "5"],
    ["take", "choose-us", "--answers", "a.toml", "--share-notes"],
    ["export", "--all", "--format", "csv", "-o", "out.csv", "--decimal-comma"],
    ["compare", "abc", "--team", "IT", "--round", "2026-Q3"],
    ["gap", "--team", "Service desk"],
    ["import", "a.toml", "folder"],
    ["doctor"],
]


def _parsed(argv: list[str], only: str | None) -> dict[str, object]:
    found = vars(cli.build_parser(only).parse_args(argv))
    handler = found.pop("handler")
    return {**found, "runs": handler.__closure__[0].cell_contents}  # the module it imports


@pytest.mark.parametrize("argv", SAMPLES, ids=" ".join)
def test_one_command_parses_as_the_full_grammar(argv: list[str]) -> None:
    only = cli._command_of(argv)
    assert only is not None
    assert _parsed(argv, only) == _parsed(argv, None)


@pytest.mark.parametrize(
    "argv", [[], ["--help"], ["--version"], ["bogus"], ["--data-dir", "x"], ["-h", "sync"]]
)
def test_without_a_known_command_the_full_grammar_is_built(argv: list[str]) -> None:
    assert cli._command_of(argv) is None


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["--help"])
    assert done.value.code == 0
    listed = capsys.readouterr().out
    assert all(f"    {name} " in listed for name, _ in cli._COMMANDS)


def test_a_commands_own_help_and_errors_read_as_before(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["sync", "--help"])
    assert "usage: selfaudit sync [-h] [--folder PATH]" in capsys.readouterr().out
    with pytest.raises(SystemExit) as done:
        cli.main(["sync", "--bogus"])
    assert done.value.code == 2
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err
