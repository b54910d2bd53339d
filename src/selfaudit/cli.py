"""The command-line front door.

Only argparse and the standard library are imported at module level: the non-interactive commands
must start fast and never load Textual. Each command imports what it needs when it runs.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from selfaudit import __version__

TYPE_CHECKING = False  # typing's, without importing typing (5 ms of every start)
if TYPE_CHECKING:
    from typing import Any


EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2


class UserError(Exception):
    """A problem to report in one sentence, with the exit code it deserves."""

    def __init__(self, message: str, code: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.code = code


def _shown(message: str) -> str:
    """A message for stderr, with whatever it echoes from a file or the command line shown as
    typed, never obeyed by the terminal."""
    from selfaudit.core.text import visible  # standard library only, like this module

    return f"selfaudit: {visible(message)}"


#: What adds one command to the parser.
_Commands = argparse._SubParsersAction


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout at the terminal's width, read as :func:`shutil.get_terminal_size`
    reads it but without importing shutil (and with it zlib, bz2 and lzma): argparse makes a
    formatter for every argument it adds, so that import was 3 ms of every command's start."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=_columns() - 2)


def _columns() -> int:
    """``$COLUMNS``, else the width of the terminal on stdout, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    stdout = sys.__stdout__
    try:
        return (os.get_terminal_size(stdout.fileno()).columns or 80) if stdout else 80
    except (ValueError, OSError):  # closed, detached, or not a terminal
        return 80


class _Parser(argparse.ArgumentParser):
    """argparse with exit code 2, a one-line hint for usage errors, and :class:`_Formatter`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_BAD_INPUT, _shown(f"{message} (see '{self.prog} --help')") + "\n")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command-line grammar: every command, or with ``only`` just that one (what
    :func:`main` builds to run it, as each command costs its start-up a fraction of a
    millisecond; its help and its errors read the same)."""
    parser = _Parser(prog="selfaudit", description="Audit your internal customer orientation.")
    parser.add_argument("--version", action="version", version=f"selfaudit {__version__}")
    parser.add_argument(
        "--data-dir", help="where sessions are stored (default: your user data dir)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    for name, add in _COMMANDS:
        if only is None or name == only:
            add(sub)
    return parser


def _add_run(sub: _Commands) -> None:
    p = sub.add_parser("run", help="open the app (the default when no command is given)")
    p.set_defaults(handler=_lazy("run"))


def _add_validate(sub: _Commands) -> None:
    p = sub.add_parser("validate", help="check question-set files")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(handler=_lazy("validate"))


def _add_sets(sub: _Commands) -> None:
    p = sub.add_parser("sets", help="list the available question sets")
    p.add_argument("--json", action="store_true", help="machine-readable, with every item")
    p.set_defaults(handler=_lazy("sets"))


def _add_take(sub: _Commands) -> None:
    p = sub.add_parser("take", help="answer a set from a file and save the session")
    p.add_argument("set_id", metavar="SET")
    p.add_argument(
        "--answers", required=True, metavar="FILE.toml", help="item id = value, one per line"
    )
    p.add_argument(
        "--team", default=None, help="team saved with the session (default: from your settings)"
    )
    p.add_argument(
        "--respondent",
        default=None,
        help="the respondent's name (default: yours, from your settings; none with "
        "--respondent-id)",
    )
    p.add_argument(
        "--respondent-id",
        default=None,
        metavar="ID",
        help="whose answers these are, for answers collected on paper for someone else "
        "(default: you, this install's pseudonym)",
    )
    p.add_argument(
        "--lang", default=None, choices=["en", "nl"], help="the language the session is taken in"
    )
    p.add_argument(
        "--share-notes",
        action="store_true",
        help="let the notes and open answers leave this machine with the session (export, sync)",
    )
    p.add_argument(
        "--share-name",
        action="store_true",
        help="let the respondent's name leave this machine with the session (export, sync)",
    )
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.set_defaults(handler=_lazy("take"))


def _add_list(sub: _Commands) -> None:
    p = sub.add_parser("list", help="list saved sessions, newest first")
    p.add_argument("--set", dest="set_id", metavar="SET", help="only this set")
    p.add_argument("--team", help="only this team")
    p.add_argument("--json", action="store_true", help="machine-readable")
    p.set_defaults(handler=_lazy("list"))


def _add_show(sub: _Commands) -> None:
    p = sub.add_parser("show", help="show one saved session")
    p.add_argument("session_id", metavar="ID", help="a session id or its first characters")
    p.add_argument("--json", action="store_true", help="machine-readable")
    p.set_defaults(handler=_lazy("show"))


def _add_trend(sub: _Commands) -> None:
    p = sub.add_parser("trend", help="a set's figures over time: yours, or a team's by round")
    p.add_argument("set_id", metavar="SET")
    p.add_argument("--team", help="the team's trend by round (rounds of at least k people only)")
    p.add_argument(
        "--respondent-id",
        metavar="ID",
        help="the trend of answers entered for someone else (default: yours)",
    )
    _k_argument(p)
    p.add_argument("--json", action="store_true", help="machine-readable")
    p.set_defaults(handler=_lazy("trend"))


def _add_compare(sub: _Commands) -> None:
    p = sub.add_parser("compare", help="sessions side by side, a session against a team, or teams")
    p.add_argument(
        "session_ids", nargs="*", metavar="ID", help="session ids or their first characters"
    )
    p.add_argument(
        "--team",
        action="append",
        help="with one ID: that session against this team; twice or more: team against team",
    )
    p.add_argument("--set", dest="set_id", metavar="SET", help="the set teams are compared in")
    _round_argument(p)
    _k_argument(p)
    p.add_argument("--json", action="store_true", help="machine-readable")
    p.set_defaults(handler=_lazy("compare"))


def _add_team(sub: _Commands) -> None:
    p = sub.add_parser("team", help="a team's figures in one round (groups of at least k only)")
    p.add_argument("set_id", metavar="SET")
    p.add_argument("--team", required=True, help="the team, as typed or in any case")
    _round_argument(p)
    _k_argument(p)
    p.add_argument("--json", action="store_true", help="machine-readable")
    p.set_defaults(handler=_lazy("team"))


def _add_gap(sub: _Commands) -> None:
    p = sub.add_parser(
        "gap", help="a team's rating of its own service beside its internal customers' rating"
    )
    p.add_argument("--team", required=True, help="the team, as typed or in any case")
    p.add_argument(
        "--set",
        dest="set_id",
        metavar="SET",
        help="a set asked from both sides (default: internal-service)",
    )
    _round_argument(p)
    _k_argument(p)
    p.add_argument("--json", action="store_true", help="machine-readable")
    p.set_defaults(handler=_lazy("gap"))


def _add_delete(sub: _Commands) -> None:
    p = sub.add_parser("delete", help="move a saved session to the trash (asks first)")
    p.add_argument("session_id", metavar="ID", help="a session id or its first characters")
    p.add_argument(
        "-y", "--yes", action="store_true", help="do not ask (needed when stdin is no terminal)"
    )
    p.set_defaults(handler=_lazy("delete"))


def _add_trash(sub: _Commands) -> None:
    p = sub.add_parser("trash", help="list the sessions in the trash, newest first")
    p.add_argument("--json", action="store_true", help="machine-readable")
    p.set_defaults(handler=_lazy("trash"))


def _add_restore(sub: _Commands) -> None:
    p = sub.add_parser("restore", help="bring a session back from the trash")
    p.add_argument("session_id", metavar="ID", help="an id in the trash or its first characters")
    p.set_defaults(handler=_lazy("restore"))


def _add_import(sub: _Commands) -> None:
    p = sub.add_parser("import", help="bring in sessions exported or synced from other installs")
    p.add_argument("paths", nargs="+", metavar="PATH", help="session files, or folders of them")
    p.set_defaults(handler=_lazy("import_sessions"))


def _add_export(sub: _Commands) -> None:
    p = sub.add_parser("export", help="write sessions for others: files to import, CSV, reports")
    p.add_argument(
        "session_ids", nargs="*", metavar="ID", help="session ids or their first characters"
    )
    p.add_argument("--all", action="store_true", help="every session (of --set, --team)")
    p.add_argument("--set", dest="set_id", metavar="SET", help="only this set")
    p.add_argument("--team", help="only this team")
    p.add_argument(
        "--format",
        required=True,
        choices=["toml", "json", "csv", "md", "html"],
        help="toml: files to import (PATH is a folder); json; csv; md or html: a report",
    )
    p.add_argument("-o", "--output", required=True, metavar="PATH", help="where to write")
    p.add_argument(
        "--decimal-comma",
        action="store_true",
        help="csv: semicolons between values and decimal commas (a Dutch spreadsheet)",
    )
    _k_argument(p)
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="show which files and fields would leave; write nothing",
    )
    p.set_defaults(handler=_lazy("export"))


def _add_sync(sub: _Commands) -> None:
    p = sub.add_parser("sync", help="publish your sessions to the team store and pull the team's")
    p.add_argument("--folder", metavar="PATH", help="set up a shared folder as the team store")
    p.add_argument("--git", metavar="URL", help="set up a git remote as the team store")
    p.add_argument(
        "--team", help="the team whose sessions are pulled (default: your settings' team)"
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="show which files and fields the sync would publish; do nothing",
    )
    p.set_defaults(handler=_lazy("sync"))


def _add_doctor(sub: _Commands) -> None:
    p = sub.add_parser("doctor", help="check the store and report files that cannot be read")
    p.set_defaults(handler=_lazy("doctor"))


#: Every command, in the order ``--help`` lists them, with what adds its arguments.
_COMMANDS: tuple[tuple[str, Callable[[_Commands], None]], ...] = (
    ("run", _add_run),
    ("validate", _add_validate),
    ("sets", _add_sets),
    ("take", _add_take),
    ("list", _add_list),
    ("show", _add_show),
    ("trend", _add_trend),
    ("compare", _add_compare),
    ("team", _add_team),
    ("gap", _add_gap),
    ("delete", _add_delete),
    ("trash", _add_trash),
    ("restore", _add_restore),
    ("import", _add_import),
    ("export", _add_export),
    ("sync", _add_sync),
    ("doctor", _add_doctor),
)


def _round_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--round",
        metavar="R",
        help="a round of the cadence in your settings: 2026-Q3, 2026-07, 2026-H2 or 2026",
    )


def _k_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--k",
        type=int,
        default=None,
        metavar="N",
        help="the fewest people a team figure is shown for (default: your settings, 5 unless "
        "set; never below 3)",
    )


def _lazy(name: str) -> Callable[[argparse.Namespace], int]:
    """A handler that imports ``selfaudit.commands.<name>`` only when the command runs."""

    def handler(args: argparse.Namespace) -> int:
        import importlib

        module = importlib.import_module(f"selfaudit.commands.{name}")
        return int(module.main(args))

    return handler


def _command_of(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names, when it names one (``None``: no command, or an unknown
    word, which the full grammar then explains)."""
    words = iter(argv)
    for word in words:
        if word == "--data-dir":
            next(words, None)
        elif not word.startswith("-"):
            return word if word in dict(_COMMANDS) else None
        elif word == "--" or not word.startswith("--data-dir="):
            return None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 failure, 2 bad input)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(_command_of(argv)).parse_args(argv)
    if args.command is None:
        args.handler = _lazy("run")
    try:
        return args.handler(args)
    except UserError as exc:
        print(_shown(str(exc)), file=sys.stderr)
        return exc.code
    except BrokenPipeError:
        # The reader went away (``selfaudit list | head``): not an error. Point stdout at
        # devnull so the interpreter's last flush does not fail again (Python's signal docs).
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        # Any store failure a command did not handle: one line, exit 1. The store module is only
        # loaded by commands that use it, so when it is not loaded this cannot be a store error.
        errors = sys.modules.get("selfaudit.store.errors")
        if errors is None or not isinstance(exc, errors.StoreError):
            raise
        print(_shown(str(exc)), file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("selfaudit: interrupted", file=sys.stderr)
        return 130
