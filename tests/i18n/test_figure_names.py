"""Every figure of the turnover calculator has a short name in every language, so the results
can say which figures used their default."""

from __future__ import annotations

import pytest

from selfaudit.core.turnover import INPUTS
from selfaudit.i18n.catalog import CATALOGS, LANGUAGES


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_figure_of_the_calculator_has_a_name(lang: str) -> None:
    assert [key for key in INPUTS if f"figure.{key}" not in CATALOGS[lang]] == []
