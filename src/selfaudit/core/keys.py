"""Matching keys: a team (or a name) as people type it, so "Service desk " is "service desk".

A key is the text NFKC-normalised, case-folded (then normalised again, as case folding can undo
it), with every run of white space made one space and none at either end. The text itself is
kept as typed for display; only comparisons use the key.
"""

from __future__ import annotations

import unicodedata


def match_key(text: str) -> str:
    """The key ``text`` is matched by: case, surrounding and repeated spaces, and Unicode forms
    (full-width letters, ligatures, composed or decomposed accents) make no difference."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return " ".join(folded.split())


def team_key(team: str) -> str:
    """The key a team is matched by (see :func:`match_key`); ``""`` for no team."""
    return match_key(team)
