"""Who answered a session saved before format 3: the rule that attributes it, in memory.

Format 3 records a ``respondent_id`` (the install's pseudonym, or the id a lead gave) beside an
optional name. Format 1 and 2 kept one ``respondent``: a name, the install's pseudonym, or
``""``. The codec already turns a pseudonym (``anon-`` and six hex digits) into the id; what is
left, a name or nothing, is attributed here, by the data the store holds:

1. ``""``, or the store's own pseudonym -> the store's pseudonym (the app saved ``""`` only when
   it could not read the pseudonym).
2. A name -> the one respondent id it belongs to, when exactly one is known: the store's
   pseudonym if it is the name in this install's settings, and every id a format-3 session in
   the store was saved with under that name. Names are matched as teams are
   (:func:`~selfaudit.core.keys.match_key`).
3. Otherwise (a name no format-3 session and no setting links to an id, or one that several
   ids use) -> ``name-`` and 12 hex digits of the SHA-256 of the name's key: that name's
   sessions stay together, apart from every pseudonym.

Nothing is written: the files stay as they are, and the rule is applied again on every read,
so a session saved later (or a name set later) can attribute older sessions then. What the
data cannot tell is in ``docs/session-format.md``.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from selfaudit.core.keys import match_key
from selfaudit.store.records import SessionSummary

#: What a respondent id derived from a name starts with.
NAME_ID_PREFIX = "name-"


def name_id(name: str) -> str:
    """The respondent id of the sessions saved under ``name`` that no pseudonym claims."""
    digest = hashlib.sha256(match_key(name).encode("utf-8")).hexdigest()
    return f"{NAME_ID_PREFIX}{digest[:12]}"


@dataclass
class Attribution:
    """What the store knows to attribute sessions of format 1 and 2 (see the module)."""

    pseudonym: str | None
    """The store's pseudonym; ``None`` when it has none yet."""
    own_name: str = ""
    """The name in this install's settings (``""`` when none)."""
    paired: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    """Name key -> the respondent ids format-3 sessions were saved with under that name."""
    _known: dict[str, str] = field(default_factory=dict, repr=False)
    """Name -> the id found for it (a store holds many sessions under few names)."""

    def learn(self, summaries: Iterable[SessionSummary]) -> None:
        """Note which names the format-3 sessions among ``summaries`` pair with which ids."""
        keys: dict[str, str] = {}
        for s in summaries:
            if s.respondent_id and s.respondent_name:
                name = s.respondent_name
                key = keys.get(name) or keys.setdefault(name, match_key(name))
                self.paired[key].add(s.respondent_id)
        self._known.clear()

    def respondent_id(self, name: str) -> str:
        """The respondent id of a session saved before format 3 under ``name``."""
        found = self._known.get(name)
        if found is None:
            found = self._known[name] = self._find(name)
        return found

    def _find(self, name: str) -> str:
        if self.pseudonym is not None and name in ("", self.pseudonym):
            return self.pseudonym
        key = match_key(name)
        if key:
            ids = set(self.paired.get(key, ()))
            if self.pseudonym is not None and key == match_key(self.own_name):
                ids.add(self.pseudonym)
            if len(ids) == 1:
                return ids.pop()
        return name_id(name)

    def name(self, name: str) -> str:
        """The display name kept for a session saved before format 3 under ``name``."""
        return "" if name == self.pseudonym else name
