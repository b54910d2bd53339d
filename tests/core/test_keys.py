"""A team is matched as people type it: case, spaces and Unicode forms make no difference."""

from __future__ import annotations

import pytest

from selfaudit.core.keys import match_key, team_key


@pytest.mark.parametrize(
    "typed",
    [
        "Service desk",
        "service desk",
        "Service desk ",
        "  SERVICE   DESK  ",
        "Service\tdesk",
        "Service\u00a0desk",  # a no-break space
        "Ｓｅｒｖｉｃｅ ｄｅｓｋ",  # full-width letters
    ],
)
def test_one_team_however_it_is_typed(typed: str) -> None:
    assert team_key(typed) == "service desk"


def test_accents_match_composed_or_not_and_folding_is_full() -> None:
    assert match_key("Caf\u00e9") == match_key("Cafe\u0301") == "caf\u00e9"
    assert match_key("STRASSE") == match_key("Straße") == "strasse"
    assert match_key("ﬁnance") == "finance"  # a ligature


def test_different_teams_stay_different() -> None:
    assert team_key("Service desk") != team_key("Servicedesk")
    assert team_key("") == "" and team_key("   ") == ""
