"""How views write figures: arrows, sizes, decimals, money; and that views load no screen."""

from __future__ import annotations

import subprocess
import sys

import pytest

from selfaudit.core.responses import ANNUAL_COST, ENPS, score
from selfaudit.core.stats import Delta
from selfaudit.views.content import NO_FIGURE, Cell
from selfaudit.views.figures import Writer, measure_label
from tests.core.responses_factory import mini_set


@pytest.mark.parametrize(
    ("change", "text"),
    [
        (Delta(33.33), "↑ 33.3"),
        (Delta(37.5), "↑ 37.5"),
        (Delta(-3.0), "↓ 3"),
        (Delta(0.0), "→ 0"),
        (Delta(0.3), "↑ 0.3"),
        (Delta(0.04), "↑ 0.04"),  # never "↑ 0"
        (None, NO_FIGURE),
    ],
)
def test_a_change_is_an_arrow_and_its_size(change: Delta | None, text: str) -> None:
    cell = Writer("en").change(change)
    assert cell == Cell(text, None if change is None else change.change)


def test_money_changes_and_dutch_decimals() -> None:
    assert Writer("en").change(Delta(-41761.36), money=True).text == "↓ €41,761"
    assert Writer("nl").change(Delta(1234.5), money=True).text == "↑ € 1.235"
    assert Writer("nl").change(Delta(12.5)).text == "↑ 12,5"


def test_one_persons_figures_are_whole_and_a_groups_keep_the_decimals_they_need() -> None:
    write = Writer("en")
    assert write.measure(score("serve"), 87.5) == Cell("88", 87.5)
    assert write.measure(score("serve"), 87.5, group=True) == Cell("87.5", 87.5)
    assert write.measure(score("serve"), 40.0, group=True) == Cell("40", 40.0)
    assert write.measure(ANNUAL_COST, 83522.73) == Cell("€83,523", 83522.73)
    assert write.measure(ENPS, None) == Cell(NO_FIGURE)


def test_measure_labels_in_both_languages() -> None:
    mini = mini_set()
    assert measure_label(score("serve"), mini, "nl") == "Bedienen"
    assert measure_label(score("gone"), mini, "en") == "gone"  # only an older version had it
    assert measure_label(ENPS, None, "en") == "Would recommend us (0–10)"
    assert measure_label(ANNUAL_COST, None, "nl") == "Verloopkosten per jaar"


def test_the_views_import_neither_textual_nor_rich() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import selfaudit.views as views\n"
        "for m in pkgutil.walk_packages(views.__path__, views.__name__ + '.'):\n"
        "    importlib.import_module(m.name)\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    assert "selfaudit" in loaded
    assert not loaded & {"textual", "rich"}
