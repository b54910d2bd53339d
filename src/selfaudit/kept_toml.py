"""A configuration file read at every start, parsed once: its TOML kept as JSON in the cache dir.

Parsing TOML imports ``tomllib``, and with it ``typing`` and the regular expressions it compiles:
on a sync with nothing new that was a seventh of the whole command. A configuration file
changes rarely, so :func:`read_kept_toml` keeps what a file parsed to in the cache dir
(``parsed-<name>.json``), with the file's identity: its device, inode, size, and modification
and change times in nanoseconds (an editor that puts the modification time back cannot put the
change time back). While the file's identity is the same, the kept document is used; otherwise
the file is read exactly as :func:`~selfaudit.tomlio.read_toml` reads it, and kept again.

A file modified or changed less than :data:`SETTLE_SECONDS` before it is read is not kept: file
times tick coarsely (a few milliseconds, seconds on some drives), so a second change in the same
tick could leave the identity as it was (git calls such files "racily clean"). The change time
counts too, as a copy (``cp -p``, ``rsync -t``) brings an old modification time. Only documents
of text, numbers, true/false, lists and tables are kept (a date would come back as text). A kept
file that is missing, unreadable or of another shape is passed over, and losing it costs one
parse: it is written without fsyncs, and a failure to write it is ignored.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from selfaudit import paths
from selfaudit.tomlio import TomlError, read_bytes_safely, read_toml

TYPE_CHECKING = False  # typing's, without importing typing (5 ms of every start)
if TYPE_CHECKING:
    from typing import Any


#: Bumped when the kept file's shape changes: an older one is passed over.
KEPT_VERSION = 1
#: How long ago a file must have been modified for its parsed form to be kept.
SETTLE_SECONDS = 2.0


def kept_path(path: Path) -> Path:
    """Where the parsed form of the configuration file ``path`` is kept."""
    return paths.cache_dir() / f"parsed-{path.name}.json"


def _identity(info: os.stat_result) -> list[int]:
    return [info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns]


def _plain(value: object) -> bool:
    """Whether ``value`` comes back from JSON as it went in."""
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    if isinstance(value, float):
        return value == value and abs(value) != float("inf")  # JSON has no NaN or infinity
    return isinstance(value, str | int)  # bool is an int


def _kept(path: Path, identity: list[int], max_bytes: int) -> dict[str, Any] | None:
    """The document kept for ``path`` with this ``identity``, else ``None``."""
    try:
        kept = json.loads(read_bytes_safely(kept_path(path), 2 * max_bytes + 4096))
    except (TomlError, ValueError, RecursionError):
        return None
    if (
        isinstance(kept, dict)
        and kept.get("version") == KEPT_VERSION
        and kept.get("path") == str(path)
        and kept.get("identity") == identity
        and isinstance(kept.get("doc"), dict)
    ):
        return kept["doc"]
    return None


def _keep(path: Path, identity: list[int], doc: dict[str, Any]) -> None:
    """Keep ``doc`` as what ``path`` parses to, if it is plain; quietly not, if that fails."""
    if not _plain(doc):
        return
    from selfaudit.store.atomic import write_atomic  # deferred: needed only on a change
    from selfaudit.store.errors import StoreError
    from selfaudit.store.folders import ensure_private_dir

    kept = {"version": KEPT_VERSION, "path": str(path), "identity": identity, "doc": doc}
    target = kept_path(path)
    try:
        ensure_private_dir(target.parent, chosen_by_user=True)
        write_atomic(
            target, json.dumps(kept, ensure_ascii=False).encode(), overwrite=True, durable=False
        )
    except StoreError:
        pass  # a cache: the file is parsed again next time


def read_kept_toml(path: Path, max_bytes: int) -> dict[str, Any]:
    """:func:`~selfaudit.tomlio.read_toml` of ``path``, or what it parsed to before while the
    file is as it was then (see the module docstring); raises
    :class:`~selfaudit.tomlio.TomlError` as ``read_toml`` does."""
    try:
        info = os.lstat(path)
    except OSError:
        return read_toml(path, max_bytes)  # it says what is wrong
    identity = _identity(info)
    doc = _kept(path, identity, max_bytes)
    if doc is not None:
        return doc
    doc = read_toml(path, max_bytes)
    changed = max(info.st_mtime_ns, info.st_ctime_ns)  # a copy may carry an old mtime
    if changed < (time.time() - SETTLE_SECONDS) * 1e9:
        _keep(path, identity, doc)
    return doc
