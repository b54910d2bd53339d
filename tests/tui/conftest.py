"""Helpers for the TUI tests: a frozen clock, the app factory, and keyboard-only answering."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from selfaudit.core.model import Kind, QuestionSet
from selfaudit.questionnaires import load_catalog
from selfaudit.settings import Settings
from selfaudit.store import Store
from selfaudit.tui.app import SelfAuditApp, create_app

FROZEN = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)

#: Typed answers for the number questions of turnover-cost (decimal comma on purpose).
NUMBER_ANSWERS = {"headcount": "50", "leavers": "10", "salary": "45000", "on_costs_pct": "30,5"}


@pytest.fixture(autouse=True)
def _no_fsync_in_tui_tests(no_fsync: None) -> None:
    """TUI tests test what is shown and kept, not durability: fsync is stubbed (see no_fsync)."""


@pytest.fixture(autouse=True)
def fixed_pseudonym(isolated_dirs: Any) -> None:
    """Every TUI test's install has the same pseudonym, so screens and snapshots are stable."""
    store = Store.open()
    (store.root / "identity.toml").write_text('pseudonym = "anon-5a1f0e"\n')
    (store.root / "identity.toml").chmod(0o600)


def frozen_clock() -> dt.datetime:
    """The date every snapshot shows."""
    return FROZEN


def make_app(**settings: str) -> SelfAuditApp:
    """The app as the CLI builds it, with a frozen clock."""
    return create_app(clock=frozen_clock, settings=Settings(**settings) if settings else None)


@pytest.fixture
def catalog_sets() -> dict[str, QuestionSet]:
    """The built-in sets."""
    return load_catalog().sets


async def wait_for(pilot: Pilot[Any], condition: object, tries: int = 200) -> None:
    """Wait on app state rather than sleeping a fixed time."""
    for _ in range(tries):
        if callable(condition) and condition():
            return
        await pilot.pause()
    raise AssertionError("condition not reached")


def draft_at_results(answers: dict[str, Any], set_hash: str | None = None) -> str:
    """A choose-us draft left on its results screen (not saved yet); returns its id."""
    qset = load_catalog().sets["choose-us"]
    store = Store.open()
    draft = store.new_draft(qset)
    draft.answers = answers
    draft.position = len(qset.items)  # every question passed: the results were on screen
    if set_hash is not None:
        draft.set_hash = set_hash
    store.save_draft(draft)
    store.close()
    return draft.id


async def open_first_draft(pilot: Pilot[Any]) -> None:
    """From home, open the draft listed first (it opens at its results)."""
    await home_loaded(pilot)
    await pilot.press("enter")
    await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "ResultsScreen")


async def home_loaded(pilot: Pilot[Any]) -> None:
    """Wait until the home screen has read the store (it does so in a thread)."""
    app: Any = pilot.app
    await wait_for(pilot, lambda: type(app.screen).__name__ == "HomeScreen" and app.screen.loaded)
    await app.workers.wait_for_complete()
    await pilot.pause()


async def open_set_from_home(pilot: Pilot[Any], set_id: str) -> None:
    """Move the home list's cursor to a set with the arrow keys and press Enter twice."""
    app: Any = pilot.app
    await home_loaded(pilot)
    option_list = app.screen.query_one("#home-list", OptionList)
    for _ in range(option_list.option_count):
        option = option_list.highlighted_option
        if option is not None and option.id == f"set:{set_id}":
            break
        await pilot.press("down")
    assert option_list.highlighted_option.id == f"set:{set_id}"
    await pilot.press("enter")
    await wait_for(pilot, lambda: type(app.screen).__name__ == "IntroScreen")
    await pilot.press("enter")
    await wait_for(pilot, lambda: type(app.screen).__name__ == "QuestionScreen")


async def answer_current(pilot: Pilot[Any], qset: QuestionSet) -> object:
    expected: object
    """Answer the question on screen by keyboard only; returns the value expected to be saved."""
    screen: Any = pilot.app.screen
    item = screen.item
    position = screen.draft.position
    if item.kind is Kind.LIKERT5:
        keys, expected = ["4", "enter"], 4
    elif item.kind is Kind.SCALE10:
        # arrows only: digits are never required; nothing is highlighted before the first ↓
        keys, expected = ["down"] * 9 + ["enter"], 8
    elif item.kind is Kind.YESNO:
        keys, expected = ["1", "enter"], True
    elif item.kind is Kind.CHOICE:
        keys, expected = ["down", "enter"], item.options[0].id
    elif item.kind is Kind.TEXT:
        keys, expected = [*"Team [ok]", "enter"], "Team [ok]"
    else:
        typed = NUMBER_ANSWERS.get(item.id, "")
        keys = [*typed, "enter"]
        expected = float(typed.replace(",", ".")) if typed else None
    await pilot.press(*keys)
    app: Any = pilot.app
    await wait_for(
        pilot,
        lambda: (
            type(app.screen).__name__ == "ResultsScreen"
            or app.screen.draft.position == position + 1
        ),
    )
    return expected


async def answer_all(pilot: Pilot[Any], qset: QuestionSet) -> dict[str, object]:
    """Answer every remaining question; returns item id -> expected saved value."""
    expected: dict[str, object] = {}
    while type(pilot.app.screen).__name__ == "QuestionScreen":
        item = pilot.app.screen.item  # type: ignore[attr-defined]
        value = await answer_current(pilot, qset)
        if value is not None:
            expected[item.id] = value
    return expected
