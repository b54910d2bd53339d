"""The user's settings: set once on the settings screen, remembered in a TOML file.

The file lives at ``selfaudit.paths.config_dir() / "settings.toml"`` (folder 0700, file 0600) and
is written atomically. A broken or half-valid file never stops the app: what cannot be read falls
back to its default and :func:`load_settings` returns one sentence to show the user once.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from selfaudit import paths
from selfaudit.core.k_rule import DEFAULT_K, MIN_K
from selfaudit.core.text import UI_LANGUAGES, hidden_character, visible
from selfaudit.tomlio import TomlError, read_toml

#: How often the user wants to check in again, in days (``none``: no reminder).
CADENCES: dict[str, int] = {
    "none": 0,
    "monthly": 30,
    "quarterly": 91,
    "half-yearly": 182,
    "yearly": 365,
}
#: Currencies offered on the settings screen (ISO 4217 codes).
CURRENCIES = ("EUR", "USD", "GBP", "CHF", "SEK", "NOK", "DKK", "PLN")
#: Themes offered in the settings screen and the command palette, dark ones first: Textual's
#: ids, as the settings file keeps them. People see their names (``theme.<id>`` in the catalog).
THEMES = (
    "textual-dark",
    "nord",
    "tokyo-night",
    "gruvbox",
    "ansi-dark",
    "textual-light",
    "solarized-light",
    "catppuccin-latte",
    "ansi-light",
)
MAX_TEXT = 200
#: The largest team size and k the settings take (beyond it the number is a typing slip).
MAX_TEAM_NUMBER = 100_000
_MAX_FILE_BYTES = 64 * 1024
_ELSEWHERE = "choose another folder with SELFAUDIT_CONFIG_DIR"


class SettingsError(Exception):
    """The settings could not be saved; ``str()`` is one sentence."""


@dataclass
class Settings:
    """What the user chose once and expects to be remembered."""

    team: str = ""
    """Team name saved with every session (free text, may contain any character)."""
    respondent: str = ""
    """The user's name; empty means "use this install's pseudonym"."""
    language: str = "en"
    """Interface language: ``en`` or ``nl``."""
    theme: str = "textual-dark"
    """A Textual theme name."""
    cadence: str = "none"
    """How often to check in again: a key of :data:`CADENCES`."""
    currency: str = "EUR"
    """ISO code used to show money amounts."""
    team_size: int = 0
    """How many people :attr:`team` has (0: not given); the team view of that team shows
    participation."""
    team_k: int = DEFAULT_K
    """k: the fewest distinct people a team figure is shown for (never below
    :data:`MIN_K`)."""

    @property
    def cadence_days(self) -> int:
        """The cadence in days; 0 when the user wants no reminder."""
        return CADENCES.get(self.cadence, 0)


def settings_path() -> Path:
    """Where the settings file is (read at call time, so tests can redirect it)."""
    return paths.config_dir() / "settings.toml"


def name_problem(value: object) -> str | None:
    """Why ``value`` cannot be a team or a name, as a phrase (``None`` when it can).

    Wherever a team or name is set (this file, ``--team``, ``--respondent``, the settings
    screen) it is refused with this phrase: it is shown in lists and on every session.
    """
    if not isinstance(value, str):
        return "is not text"
    if len(value) > MAX_TEXT:
        return f"is {len(value):,} characters; at most {MAX_TEXT} are allowed"
    hidden = hidden_character(value)
    if hidden is not None:
        return f"contains the control character {visible(hidden)}"
    return None


def _valid(key: str, value: object) -> bool:
    if key in ("team", "respondent"):
        return name_problem(value) is None
    if key == "language":
        return value in UI_LANGUAGES
    if key == "theme":  # a plain name: anything else could be markup when it is shown
        return isinstance(value, str) and re.fullmatch(r"[a-z0-9-]{1,60}", value) is not None
    if key == "cadence":
        return value in CADENCES
    if key == "currency":
        return isinstance(value, str) and value.isalpha() and len(value) == 3
    if key in ("team_size", "team_k"):
        low = 0 if key == "team_size" else MIN_K
        if isinstance(value, bool) or not isinstance(value, int):
            return False
        return low <= value <= MAX_TEAM_NUMBER
    return False


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """The saved settings and, when something was wrong with the file, one sentence about it.

    A missing file is not a problem (first start). Unknown keys and bad values are dropped,
    everything else is kept.
    """
    path = path or settings_path()
    if not path.exists() and not path.is_symlink():
        return Settings(), None
    try:
        doc = read_toml(path, _MAX_FILE_BYTES)
    except TomlError as exc:
        return Settings(), f"{exc}; using the default settings until you save new ones."
    known = {f.name for f in fields(Settings)}
    good = {k: v for k, v in doc.items() if k in known and _valid(k, v)}
    bad = sorted(set(doc) - set(good))
    settings = Settings(**good)
    if bad:
        why = ", ".join(f"{visible(key)} ({_why_ignored(key, doc[key])})" for key in bad)
        return settings, (f"{visible(str(path))}: ignored {why}; the defaults are used instead.")
    return settings, None


def _why_ignored(key: str, value: object) -> str:
    """Why a key of the settings file was ignored, as a phrase for the warning."""
    problem = name_problem(value) if key in ("team", "respondent") else None
    if key == "team_k":
        problem = f"must be a whole number of at least {MIN_K}"
    return problem or "unknown or invalid"


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write the settings once, atomically (folders 0700, file 0600); raises :class:`SettingsError`.

    Missing parent folders are made 0700 too, whatever the umask.
    """
    # The store's writer fsyncs, re-reads and verifies; reuse it rather than write a second one.
    from selfaudit.store import atomic
    from selfaudit.store.errors import StoreError
    from selfaudit.store.folders import make_private_dir

    path = path or settings_path()
    doc = {k: v for k, v in asdict(settings).items() if _valid(k, v)}
    try:
        make_private_dir(path.parent)
        data = atomic.encode_toml(doc)
        atomic.write_atomic(path, data, overwrite=True, elsewhere=_ELSEWHERE)
    except OSError as exc:
        raise SettingsError(
            f"Could not save the settings in {path.parent}: {exc.strerror}."
        ) from None
    except StoreError as exc:
        raise SettingsError(str(exc)) from None
    return path
