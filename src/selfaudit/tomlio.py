"""Reading untrusted TOML safely.

``tomllib`` alone is not enough for files a user (or an attacker) hands us: it follows symlinks,
blocks on a FIFO, reads any size, raises ``UnicodeDecodeError``, ``RecursionError`` and
``ValueError`` besides ``TOMLDecodeError``, and takes quadratic time on a dotted key with tens of
thousands of segments (20,000 segments: 7 s). :func:`read_toml` guards against all of that and
turns every failure into a :class:`TomlError` with one clear sentence.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

TYPE_CHECKING = False  # typing's, without importing typing (5 ms of every start)
if TYPE_CHECKING:
    from typing import Any


#: Dotted keys deeper than this are refused before tomllib sees them (its cost is quadratic).
MAX_KEY_SEGMENTS = 64

_LINE_COL = re.compile(r"\(at line (\d+), column (\d+)\)")
#: A standalone number with one dot (75.0, 1.5e3, the seconds of 11:04:45.468): never a key dot.
_LONE_NUMBER = re.compile(r"(?<![\w.])[+-]?\d[\d_]*\.\d[\d_]*(?:[eE][+-]?\d+)?(?![\w.])")


#: What tomllib's messages mean, in words for someone who never wrote TOML (by message start).
_PLAIN = (
    ("Illegal character '\\n'", 'a text in quotes is not closed; end it with " on the same line'),
    ("Illegal character", "a text holds a control character; remove it"),
    ("Unterminated string", "a text in quotes is not closed; end it with the quote it starts with"),
    (
        "Invalid value",
        'this value is not one TOML knows; put text in quotes ("like this"), and numbers, '
        "true and false without",
    ),
    (
        "Expected newline or end of document after a statement",
        "there is more on this line after its value; give every key = value a line of its own",
    ),
    ("Cannot overwrite a value", "this key is given twice; keep one of the two"),
    ("Cannot declare", "this [heading] is given twice; keep one of the two"),
    ("Duplicate inline table key", "a key inside { } is given twice; keep one of the two"),
    ("Expected '=' after a key", 'a key needs = and a value after it, as in title = "..."'),
    (
        "Invalid initial character for a key part",
        "a key can hold only letters, digits, - and _; put any other key in quotes",
    ),
    ("Invalid statement", "this line is neither key = value nor a [heading]"),
    ("Expected ']'", "a [heading] is not closed with ]"),
    ("Unclosed array", "a list that opens with [ is not closed with ]"),
    ("Unclosed inline table", "a table that opens with { is not closed with } on the same line"),
    (
        "Unescaped '\\' in a string",
        "a \\ in a text must be written \\\\, or the text put in single quotes",
    ),
)


def plain_toml_error(message: str, column: str | None) -> str:
    """tomllib's ``message`` in plain words, with the column it points at when known."""
    plain = next((words for start, words in _PLAIN if message.startswith(start)), message)
    return f"invalid TOML: {plain}" + (f" (column {column})" if column else "")


class TomlError(Exception):
    """A file that cannot be read as TOML; ``str()`` is one sentence naming file and line."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.message = message
        self.line = line
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


def read_bytes_safely(path: Path, max_bytes: int) -> bytes:
    """Read a regular file of at most ``max_bytes``; refuse symlinks, FIFOs and devices."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise TomlError(path, "no such file") from None
    except IsADirectoryError:
        raise TomlError(path, "is a directory, not a file") from None
    except PermissionError:
        raise TomlError(path, "permission denied; check the file's permissions") from None
    except OSError as exc:
        if os.path.islink(path):
            raise TomlError(path, "is a symbolic link; give the real file instead") from None
        raise TomlError(path, f"cannot be opened ({exc.strerror})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise TomlError(path, "is a directory, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise TomlError(path, "is not a regular file (a pipe, device or socket?)")
        if info.st_size > max_bytes:
            raise TomlError(path, f"is {info.st_size:,} bytes; the limit is {max_bytes:,}")
        chunks = []
        remaining = max_bytes + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 16))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        data = b"".join(chunks)
        if len(data) > max_bytes:
            raise TomlError(path, f"grew past the limit of {max_bytes:,} bytes while being read")
        return data
    except OSError as exc:
        raise TomlError(path, f"cannot be read ({exc.strerror})") from None
    finally:
        os.close(fd)


def decode_text(path: Path | str, data: bytes) -> str:
    """Decode UTF-8 strictly, refusing NUL bytes; errors name the line. A leading BOM is dropped."""
    nul = data.find(b"\x00")
    if nul >= 0:
        raise TomlError(
            path, "contains a NUL byte; is it a binary file?", data.count(b"\n", 0, nul) + 1
        )
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise TomlError(path, "is not valid UTF-8; save it as UTF-8", line) from None


def deepest_dotted_key(text: str) -> tuple[int, int]:
    """Return (segments, line) of the longest run of dot-joined keys outside strings.

    Linear scan: strings and comments are skipped, any structural character ends a run. A float
    or a time has at most one dot, so only dotted keys make long runs.
    """
    worst, worst_line = 0, 1
    run, line, i, n = 0, 1, 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            line += 1
            run = 0
        elif ch == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        elif ch in "\"'":
            triple = text.startswith(ch * 3, i)
            quote = ch * 3 if triple else ch
            j = i + len(quote)
            while j < n:
                if ch == '"' and text[j] == "\\":
                    j += 2
                    continue
                if text.startswith(quote, j):
                    break
                if text[j] == "\n":
                    if not triple:
                        break
                    line += 1
                j += 1
            i = j + len(quote)
            continue
        elif ch == ".":
            run += 1
            if run + 1 > worst:
                worst, worst_line = run + 1, line
        elif ch in "=[]{},":
            run = 0
        i += 1
    return worst, worst_line


def parse_toml(path: Path | str, text: str) -> dict[str, Any]:
    """Parse TOML text, turning every failure into a :class:`TomlError`."""
    # The exact scan is pure Python; skip it when there are too few key dots to matter.
    few = text.count(".") - len(_LONE_NUMBER.findall(text)) < MAX_KEY_SEGMENTS
    segments, line = (0, 0) if few else deepest_dotted_key(text)
    if segments > MAX_KEY_SEGMENTS:
        raise TomlError(
            path,
            f"has a dotted key of {segments:,} parts; at most {MAX_KEY_SEGMENTS} are allowed",
            line,
        )
    import tomllib  # deferred: reading JSON state, a sync with nothing new parses no TOML

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _LINE_COL.search(str(exc))
        message = _LINE_COL.sub("", str(exc)).replace("(at end of document)", "").strip()
        # "(at end of document)" has no line: the problem is on the last line.
        line = int(found.group(1)) if found else len(text.splitlines()) or 1
        column = found.group(2) if found else None
        raise TomlError(path, plain_toml_error(message.rstrip("."), column), line) from None
    except RecursionError:
        raise TomlError(path, "is nested too deeply to be a real file") from None
    except (ValueError, MemoryError) as exc:
        raise TomlError(path, f"invalid TOML: {exc}") from None


def read_toml(path: Path | str, max_bytes: int) -> dict[str, Any]:
    """Read and parse one untrusted TOML file (see module docstring)."""
    p = Path(path)
    return parse_toml(p, decode_text(p, read_bytes_safely(p, max_bytes)))
