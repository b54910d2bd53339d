"""This install's stable pseudonym (``identity.toml``), so "my" trend works without a name.

The pseudonym is the respondent id of every session this install saves for its own user. A lead
who enters answers collected on paper gives the other person's id instead
(``take --respondent-id``); such an id follows the same rules (:func:`id_problem`).
"""

from __future__ import annotations

import re
from pathlib import Path

from selfaudit.store.atomic import encode_toml, write_atomic
from selfaudit.store.errors import NotDurable, StoreError
from selfaudit.tomlio import TomlError, read_toml

FILE_NAME = "identity.toml"
_MAX_BYTES = 4096
_MAX_LENGTH = 200
#: What this build makes: ``anon-`` and six hex digits.
_MADE = re.compile(r"anon-[0-9a-f]{6}")


def id_problem(value: object) -> str | None:
    """Why ``value`` cannot be a respondent id, as a phrase (``None`` when it can).

    The rules of a pseudonym: text of 1 to 200 printable characters (no control, format or
    line-break characters).
    """
    if not isinstance(value, str):
        return "is not text"
    if not value:
        return "is empty"
    if len(value) > _MAX_LENGTH:
        return f"is {len(value):,} characters; at most {_MAX_LENGTH} are allowed"
    hidden = next((ch for ch in value if not ch.isprintable()), None)
    if hidden is not None:
        shown = hidden.encode("unicode_escape", "backslashreplace").decode("ascii")
        return f"contains the character {shown}, which cannot be shown"
    return None


def looks_made(value: str) -> bool:
    """Whether ``value`` has the form of a pseudonym this build makes (``anon-`` + 6 hex)."""
    return _MADE.fullmatch(value) is not None


def _damaged(path: Path) -> StoreError:
    return StoreError(f"{path} is damaged; move it aside and selfaudit will make a new one.")


def read_pseudonym(path: Path) -> str | None:
    """The pseudonym in ``path``; ``None`` when there is no file, :class:`StoreError` if damaged."""
    try:
        doc = read_toml(path, _MAX_BYTES)
    except TomlError:
        if not path.exists() and not path.is_symlink():
            return None
        raise _damaged(path) from None
    value = doc.get("pseudonym")
    if isinstance(value, str) and id_problem(value) is None:
        return value
    raise _damaged(path)


def pseudonym(root: Path) -> str:
    """The pseudonym kept in ``root``, made once (if two windows race, both get the winner's)."""
    path = root / FILE_NAME
    found = read_pseudonym(path)
    if found is not None:
        return found
    import secrets  # deferred: made once per install, and the module costs 4 ms to import

    name = f"anon-{secrets.token_hex(3)}"
    try:
        write_atomic(path, encode_toml({"pseudonym": name}), overwrite=False)
    except FileExistsError:
        found = read_pseudonym(path)  # another window made it first: use theirs
        if found is None:
            raise _damaged(path) from None
        return found
    except NotDurable:
        pass  # the file is in place; at worst a power cut now means a new pseudonym later
    return name
