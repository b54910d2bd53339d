"""A few screens at 80x24 with the clock frozen (pytest-textual-snapshot)."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from selfaudit.questionnaires import load_catalog
from tests.tui.conftest import (
    home_loaded,
    make_app,
    open_first_draft,
    open_set_from_home,
    prepared_draft,
)


def test_home(snap_compare: Any) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=home_loaded)


def test_likert_question_with_why(snap_compare: Any) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await open_set_from_home(pilot, "internal-service")
        await pilot.press("4", "w")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_number_question_with_error_in_dutch(snap_compare: Any) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await open_set_from_home(pilot, "turnover-cost")
        await pilot.press(*"veel", "enter")
        await pilot.pause()

    assert snap_compare(make_app(language="nl"), terminal_size=(80, 24), run_before=run_before)


def test_results_before_saving(snap_compare: Any) -> None:
    qset = load_catalog().sets["choose-us"]
    every = [item.id for item in qset.items]  # every question skipped: the results come next
    prepared_draft(qset.id, {}, len(every), skipped=every)
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=open_first_draft)
