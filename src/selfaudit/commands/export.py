"""``selfaudit export [ID...|--all] [--set S] [--team T] --format F -o PATH [--dry-run]``.

``toml`` writes one file per session into the folder PATH, each the session's shareable form
(what ``import`` reads); ``json`` one document of them for other tools; ``csv`` a row per session;
``md`` and ``html`` a report made from the views. Nothing is ever written over: a file already at
PATH is refused (``toml``: a file of the same name is left alone, and only reported when it holds
something else). ``--dry-run`` prints which files would be written and which fields of which
sessions each holds, and writes nothing. See ``docs/exchange.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from selfaudit.cli import EXIT_FAILURE, UserError
from selfaudit.commands.common import open_store, user_settings
from selfaudit.commands.team import k_of, team_cadence, team_key_of
from selfaudit.core.model import QuestionSet
from selfaudit.core.text import visible
from selfaudit.exports.csv_table import sessions_csv
from selfaudit.exports.html import report_html
from selfaudit.exports.markdown import report_markdown
from selfaudit.questionnaires import load_catalog
from selfaudit.store import Session, SessionSummary, Store
from selfaudit.store.atomic import encode_toml, write_atomic
from selfaudit.store.errors import describe_os_error
from selfaudit.store.shareable import NotShareable, shareable_doc, shared_fields
from selfaudit.views.export_choice import SUFFIXES
from selfaudit.views.report import ReportOptions, report_view


@dataclass(frozen=True)
class Shared:
    """A session chosen, its installed set, and its shareable document."""

    session: Session
    qset: QuestionSet
    doc: dict[str, Any]


@dataclass(frozen=True)
class Written:
    """What :func:`write_export` wrote, for each interface to say in its language."""

    target: Path
    """The file written, or the folder written into (``toml``)."""
    sessions: int
    """How many sessions the file holds, or how many files were written into the folder."""
    folder: bool = False
    already: int = 0
    """Files in the folder that held the same session already (left as they were)."""
    clashes: tuple[Path, ...] = ()
    """Files in the folder that hold something else (left as they were: exit 1)."""

    def lines(self) -> list[str]:
        """What the command line says: the clashes (for stderr), then what was written."""
        lines = [f"{target} holds something else; it was left as it is" for target in self.clashes]
        if not self.folder:
            count = f"{self.sessions} session{'' if self.sessions == 1 else 's'}"
            return [*lines, f"wrote {self.target} ({count})"]
        already = f" ({self.already} already there)" if self.already else ""
        return [*lines, f"wrote {self.sessions} session files to {self.target}{already}"]


def _chosen(store: Store, args: argparse.Namespace) -> list[SessionSummary]:
    """The sessions named (ids or prefixes) or, with ``--all``, every one; then only those of
    ``--set`` and ``--team``. Oldest first."""
    if args.session_ids and args.all:
        raise UserError("give session ids or --all, not both")
    if not args.session_ids and not (args.all or args.set_id or args.team):
        raise UserError("say which sessions: give their ids, or --all (with --set or --team)")
    if args.team is not None:
        team_key_of(args.team)
    summaries = store.query(args.set_id, team=args.team)
    if args.session_ids:
        wanted = {store.resolve_id(prefix) for prefix in args.session_ids}
        by_id = {s.id: s for s in store.summaries()}
        unreadable = sorted(wanted - set(by_id))
        if unreadable:
            raise UserError(f"session {unreadable[0]} cannot be read; 'selfaudit doctor' says why")
        summaries = [s for s in summaries if s.id in wanted]
    if not summaries:
        raise UserError("no session matches; 'selfaudit list' shows them")
    return summaries[::-1]


def _warn(sentence: str) -> None:
    print(f"selfaudit: warning: {visible(sentence)}", file=sys.stderr)


def shareable_sessions(
    store: Store,
    summaries: list[SessionSummary],
    warn: Callable[[str], None] = _warn,
    progress: Callable[[int, int], None] | None = None,
) -> list[Shared]:
    """Each session with its set and shareable form; one of a set not installed is left out
    with a warning (``warn``). ``progress`` is told (done, total) as the sessions are read."""
    catalog = load_catalog()
    found = []
    for done, summary in enumerate(summaries, 1):
        if progress is not None:
            progress(done, len(summaries))
        session = store.load(summary.id)
        qset = catalog.get(session.set_id)
        try:
            doc = shareable_doc(session, qset)
        except NotShareable as exc:
            warn(str(exc))
            continue
        assert qset is not None
        found.append(Shared(session, qset, doc))
    if not found:
        raise UserError("nothing to export: no chosen session's set is installed")
    return found


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def _sets(shared: list[Shared]) -> list[QuestionSet]:
    seen: dict[str, QuestionSet] = {}
    for s in shared:
        seen.setdefault(s.qset.id, s.qset)
    return list(seen.values())


@dataclass(frozen=True)
class Request:
    """What to write, and where: the command's options, or the app's export screen's."""

    fmt: str
    """``toml``, ``json``, ``csv``, ``md`` or ``html``."""
    target: Path
    k: int
    decimal_comma: bool = False


def _report(store: Store, request: Request, shared: list[Shared]) -> str:
    """The Markdown or HTML report of the chosen sessions, from the views."""
    settings = user_settings()
    options = ReportOptions(settings.language, settings.currency, team_cadence(settings), request.k)
    ids = {s.session.id for s in shared}
    summaries = [s for s in store.summaries() if s.id in ids]
    groups = [(qset, store.responses(qset, summaries)) for qset in _sets(shared)]
    view = report_view(groups, options, dt.datetime.now(dt.UTC))
    return report_markdown(view) if request.fmt == "md" else report_html(view)


def _single_file(store: Store, request: Request, shared: list[Shared]) -> str:
    if request.fmt == "json":
        doc = {"format_version": 3, "sessions": [s.doc for s in shared]}
        return json.dumps(doc, ensure_ascii=False, indent=2, default=_json_default) + "\n"
    if request.fmt == "csv":
        return sessions_csv([s.doc for s in shared], _sets(shared), request.decimal_comma)
    return _report(store, request, shared)


def _dry_run(target: Path, shared: list[Shared], per_file: bool) -> int:
    print("Nothing is written (--dry-run). What would leave this machine:")
    if not per_file:
        print(visible(f"{target}:"))
    for s in shared:
        if per_file:
            print(visible(f"{target / (s.session.id + '.toml')}:"))
        print(
            visible(
                f"  session {s.session.id} ({s.session.set_id}): " + ", ".join(shared_fields(s.doc))
            )
        )
    return 0


#: The way out a failure to write offers.
_ELSEWHERE = "choose another place with -o"


def _write_new(target: Path, data: bytes) -> None:
    """Write a file that must not exist yet (never over one); exit 2 when it does."""
    if os.path.lexists(target):
        raise UserError(f"{target} exists already; choose another name, or move that file away")
    if not target.parent.is_dir():
        raise UserError(f"{target.parent} is not a folder; create it first")
    try:
        write_atomic(target, data, overwrite=False, elsewhere=_ELSEWHERE)
    except FileExistsError:
        raise UserError(f"{target} exists already; choose another name") from None


def _write_folder(folder: Path, shared: list[Shared]) -> Written:
    """One ``<id>.toml`` per session in ``folder`` (made when missing); a file of that name
    that already holds something else is left as it is (and reported)."""
    if os.path.islink(folder) or (os.path.lexists(folder) and not folder.is_dir()):
        raise UserError(f"{folder} is not a folder; give a folder for the TOML files")
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise describe_os_error("create the folder", folder, exc, _ELSEWHERE) from None
    written = same = 0
    clashes = []
    for s in shared:
        target = folder / f"{s.session.id}.toml"
        data = encode_toml(s.doc)
        if os.path.lexists(target):
            if target.is_file() and not target.is_symlink() and _holds(target, data):
                same += 1
            else:
                clashes.append(target)
            continue
        write_atomic(target, data, overwrite=False)
        written += 1
    return Written(folder, written, folder=True, already=same, clashes=tuple(clashes))


def _holds(target: Path, data: bytes) -> bool:
    """Whether the file ``target`` holds exactly ``data``."""
    try:
        return target.read_bytes() == data
    except OSError as exc:
        raise describe_os_error("read", target, exc) from None


def write_export(store: Store, shared: list[Shared], request: Request) -> Written:
    """Write ``shared`` as ``request`` asks, never over a file. Raises :class:`UserError` for a
    target that cannot be used, and :class:`StoreError` when the disk fails."""
    if request.fmt == "toml":
        return _write_folder(request.target, shared)
    _write_new(request.target, _single_file(store, request, shared).encode("utf-8"))
    return Written(request.target, len(shared))


def main(args: argparse.Namespace) -> int:
    """Export the chosen sessions in the chosen format."""
    if args.decimal_comma and args.format != "csv":
        raise UserError("--decimal-comma goes with --format csv")
    target = Path(args.output)
    named = SUFFIXES.get(target.suffix.lower())
    if named is not None and named != args.format:
        raise UserError(
            f"{target.name} ends in {target.suffix}, which is --format {named}, not "
            f"--format {args.format}; change the name or the format"
        )
    store = open_store(args, create=False)
    shared = shareable_sessions(store, _chosen(store, args))
    if args.dry_run:
        return _dry_run(target, shared, per_file=args.format == "toml")
    request = Request(args.format, target, k_of(args, user_settings()), args.decimal_comma)
    written = write_export(store, shared, request)
    *clashes, done = written.lines()
    for line in clashes:
        print(f"selfaudit: {visible(line)}", file=sys.stderr)
    print(visible(done))
    return EXIT_FAILURE if written.clashes else 0
