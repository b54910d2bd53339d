"""This install's stable pseudonym (``identity.toml``), so "my" trend works without a name."""

from __future__ import annotations

import secrets
from pathlib import Path

from selfaudit.store.atomic import encode_toml, write_atomic
from selfaudit.store.errors import NotDurable, StoreError
from selfaudit.tomlio import TomlError, read_toml

FILE_NAME = "identity.toml"
_MAX_BYTES = 4096
_MAX_LENGTH = 200


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
    if isinstance(value, str) and 0 < len(value) <= _MAX_LENGTH and value.isprintable():
        return value
    raise _damaged(path)


def pseudonym(root: Path) -> str:
    """The pseudonym kept in ``root``, made once (if two windows race, both get the winner's)."""
    path = root / FILE_NAME
    found = read_pseudonym(path)
    if found is not None:
        return found
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
