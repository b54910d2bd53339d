"""Small helpers shared by the store commands."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from selfaudit.cli import EXIT_FAILURE, UserError
from selfaudit.core.text import visible_json
from selfaudit.i18n.formatting import local_datetime
from selfaudit.settings import Settings, load_settings
from selfaudit.store import Store, StoreError


def open_store(args: argparse.Namespace, create: bool = True) -> Store:
    """The store named by ``--data-dir`` / ``$SELFAUDIT_DATA_DIR``; store errors exit 1."""
    try:
        return Store.open(args.data_dir, create=create)
    except StoreError as exc:
        raise UserError(str(exc), EXIT_FAILURE) from None


def user_settings() -> Settings:
    """The user's settings (language, currency); a broken file gives the defaults."""
    return load_settings()[0]


def _default(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def print_json(doc: Any) -> None:
    """Machine-readable output on stdout; timestamps as ISO 8601, hidden characters escaped."""
    text = json.dumps(doc, ensure_ascii=False, indent=2, default=_default)
    sys.stdout.write(visible_json(text) + "\n")


def local_time(when: dt.datetime) -> str:
    """A UTC timestamp shown in the user's local time, to the minute (``2026-03-01 09:30``)."""
    return local_datetime(when).replace(tzinfo=None).isoformat(" ", "minutes")
