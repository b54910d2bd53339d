"""Atomic, durable, verified file writes.

A write goes to a temp file in the same directory (0600), is flushed and fsynced, re-read and
re-parsed (tomli-w can write TOML that does not read back), then moved into place: with
``os.replace`` for a file that is meant to be overwritten (a draft), or with ``os.link`` for one
that must never clobber an existing file (a completed session). Finally the directory is fsynced so
the new name survives a power cut. On any failure before the move the temp file is removed and the
target is left byte-identical; if only that last directory fsync fails, the file is in place and
:class:`NotDurable` says so.

A file moves between folders of the store (into the trash and back) with :func:`move_no_replace`:
one rename that never replaces a file at the target, so a kill at any moment leaves the file at
exactly one of its two names.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path

from selfaudit.store.errors import ELSEWHERE, NotDurable, StoreError, describe_os_error

TYPE_CHECKING = False  # typing's, without importing typing (5 ms of every start)
if TYPE_CHECKING:
    from typing import Any


TEMP_PREFIX = ".tmp-"
#: What :func:`_temp_name` makes: ``.tmp-<pid>-<12 hex digits>-<target name>.part``.
_TEMP_NAME = re.compile(r"\.tmp-(?P<pid>[1-9][0-9]*)-[0-9a-f]{12}-(?P<target>.+)\.part")
#: A temp file whose writer is gone is removed at start; one of a live process only after this long.
STALE_TEMP_SECONDS = 24 * 3600


def encode_toml(doc: dict[str, Any]) -> bytes:
    """Serialise and prove the bytes read back to the same document."""
    # Deferred: a sync with nothing new writes no TOML, and the two cost it 5 ms of its start.
    import tomllib

    import tomli_w

    try:
        data = tomli_w.dumps(doc).encode("utf-8")
        again = tomllib.loads(data.decode("utf-8"))
    except (ValueError, TypeError, UnicodeError) as exc:
        raise StoreError(
            f"The answers could not be saved safely ({exc}); nothing was written."
        ) from None
    if again != doc:
        raise StoreError("The answers did not survive a save-and-read check; nothing was written.")
    return data


def _temp_name(target: Path) -> Path:
    # os.urandom, as the secrets module uses, without that module's imports (random, hmac,
    # hashlib: 4 ms of every command's start-up); the name needs to be unique, not secret.
    return target.with_name(f"{TEMP_PREFIX}{os.getpid()}-{os.urandom(6).hex()}-{target.name}.part")


def fsync_dir(directory: Path) -> None:
    """Make a rename or link in ``directory`` durable."""
    fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(
    target: Path,
    data: bytes,
    *,
    overwrite: bool,
    elsewhere: str = ELSEWHERE,
    mode: int = 0o600,
    durable: bool = True,
) -> None:
    """Put ``data`` at ``target`` atomically (see module docstring); raises :class:`StoreError`.

    With ``overwrite=False`` an existing ``target`` is never replaced (``FileExistsError``).
    ``elsewhere`` is the way out a failure message offers when the folder cannot be written.
    ``mode`` is the file's mode, set whatever the umask (0600; a team store's files, meant for
    the team to read, take 0644). ``durable=False`` skips the two fsyncs, for a note whose loss
    in a crash costs nothing (the file is still whole or absent, never half written, once the
    system has written it out).
    Raises :class:`NotDurable` when the file is in place but the folder could not be fsynced.
    """
    temp = _temp_name(target)
    action = "save to"
    try:
        fd = os.open(
            temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600
        )
        try:
            os.fchmod(fd, mode)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        if temp.read_bytes() != data:
            raise StoreError(
                f"Could not save to {target}: the disk returned different bytes. "
                "Your earlier saved files are unchanged."
            )
        action = "move into place"
        if overwrite:
            os.replace(temp, target)
        else:
            os.link(temp, target)
    except FileExistsError:
        _remove_quietly(temp)
        raise
    except OSError as exc:
        _remove_quietly(temp)
        raise describe_os_error(action, target, exc, elsewhere) from None
    except BaseException:
        _remove_quietly(temp)
        raise
    if not overwrite:
        _remove_quietly(temp)  # a leftover link is only a temp file; the next start removes it
    if not durable:
        return
    try:
        fsync_dir(target.parent)
    except OSError:
        raise NotDurable(target) from None


#: ``renameat2``'s flag that makes a rename fail when the target exists (Linux).
_RENAME_NOREPLACE = 1
_AT_FDCWD = -100


def _rename_no_replace(source: Path, target: Path) -> bool:
    """Rename with ``RENAME_NOREPLACE``; ``False`` when the system or file system lacks it.

    Raises ``FileExistsError`` when ``target`` exists, and ``OSError`` for any other failure.
    """
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # deferred: only writes that must not replace a file need it (~4 ms)

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(source), _AT_FDCWD, os.fsencode(target), _RENAME_NOREPLACE):
        code = ctypes.get_errno()
        if code in (errno.ENOSYS, errno.EINVAL):
            return False
        raise OSError(code, os.strerror(code), str(source), None, str(target))
    return True


def _same_file(one: Path, other: Path) -> bool:
    """Whether two names are links to one file (neither followed if it is a symbolic link)."""
    try:
        a, b = one.stat(follow_symlinks=False), other.stat(follow_symlinks=False)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def move_no_replace(source: Path, target: Path) -> None:
    """Move the file ``source`` to ``target`` in the same file system, never replacing a file.

    One ``renameat2(RENAME_NOREPLACE)``: a kill at any moment leaves the file at exactly one of
    the two names. Where the system lacks it, the file is linked at ``target`` and then its old
    name removed; a kill in between leaves two names of one file, and moving again finishes the
    move. Both folders are fsynced. Raises ``FileExistsError`` when another file is at
    ``target``, ``OSError`` when the move failed (the file is then where it was) and
    :class:`StoreError` (``not-durable``) when it moved but the disk could not confirm it.
    """
    if not _rename_no_replace(source, target):
        try:
            os.link(source, target, follow_symlinks=False)
        except FileExistsError:
            if not _same_file(source, target):
                raise
        fsync_dir(target.parent)
        os.unlink(source)
    try:
        fsync_dir(target.parent)
        fsync_dir(source.parent)
    except OSError:
        raise StoreError(
            f"Moved to {target}, but the disk could not confirm it; check the disk.",
            "not-durable",
            target,
        ) from None


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def temp_writer(name: str, is_target: Callable[[str], bool]) -> int | None:
    """The pid that wrote ``name``, if it is a temp file of :func:`write_atomic`; else ``None``.

    Only the exact pattern counts, for a target ``is_target`` accepts: ``.tmp-notes.txt`` or a
    temp file of a name selfaudit never writes in that folder is somebody else's.
    """
    found = _TEMP_NAME.fullmatch(name)
    if found is None or not is_target(found["target"]):
        return None
    return int(found["pid"])


def clean_stale_temps(directory: Path, is_target: Callable[[str], bool]) -> None:
    """Remove temp files that :func:`write_atomic` left for a target ``is_target`` accepts.

    Only regular files of that exact name pattern go (see :func:`temp_writer`), and only when
    their writer is gone or they are over a day old; anything else is left for ``doctor``.
    """
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    now = time.time()
    for entry in entries:
        pid = temp_writer(entry.name, is_target)
        if pid is None or pid == os.getpid():
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode):
                continue
            if now - info.st_mtime > STALE_TEMP_SECONDS or not _pid_alive(pid):
                os.unlink(entry.path)
        except OSError:
            continue
