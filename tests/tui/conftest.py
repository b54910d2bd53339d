"""Helpers for the TUI tests: a frozen clock, the app factory, and keyboard-only answering."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Any

import pytest
from textual import events
from textual.css.query import NoMatches
from textual.pilot import Pilot
from textual.widgets import OptionList

from selfaudit.core.model import Item, Kind, QuestionSet
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


def make_app(**settings: Any) -> SelfAuditApp:
    """The app as the CLI builds it, with a frozen clock."""
    return create_app(clock=frozen_clock, settings=Settings(**settings) if settings else None)


@pytest.fixture
def catalog_sets() -> dict[str, QuestionSet]:
    """The built-in sets."""
    return load_catalog().sets


#: Seconds after which a condition that never comes fails the test. A guard against a hang,
#: not a speed: a loaded 2-core machine may need a hundred times what a fast one does.
WAIT_LIMIT = 60.0


async def wait_for(pilot: Pilot[Any], condition: Callable[..., object]) -> None:
    """Wait on app state rather than sleeping a fixed time (or counting turns of the loop,
    which threads such as the store's reader do not keep pace with on a busy machine).

    A widget the condition looks up that is not there yet (the screen is being rebuilt) counts
    as not reached yet."""
    deadline = time.monotonic() + WAIT_LIMIT
    missing: list[NoMatches] = []
    while not _holds(condition, missing):
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached" + (f" ({missing[-1]})" if missing else ""))
        await pilot.pause(0.01)


def _holds(condition: Callable[..., object], missing: list[NoMatches]) -> object:
    try:
        return condition()
    except NoMatches as exc:
        missing.append(exc)  # said when the wait gives up: a widget that never came
        return False


def prepared_draft(
    set_id: str,
    answers: dict[str, Any] | None = None,
    position: int | None = None,
    **fields: Any,
) -> str:
    """A draft of a built-in set saved through the store, as if left at ``position`` (default:
    the question after its answers; the set's length is its results screen); returns its id.

    For tests about what happens from there: the whole walk by keyboard is tested once per set
    (test_complete_sets.py). ``fields`` set other draft fields (``skipped``, ``set_hash``...)."""
    qset = load_catalog().sets[set_id]
    store = Store.open()
    draft = store.new_draft(qset)
    draft.answers = dict(answers or {})
    draft.position = len(draft.answers) if position is None else position
    for name, value in fields.items():
        setattr(draft, name, value)
    store.save_draft(draft)
    store.close()
    return draft.id


def draft_at_results(answers: dict[str, Any], set_hash: str | None = None) -> str:
    """A choose-us draft left on its results screen (not saved yet); returns its id."""
    every = len(load_catalog().sets["choose-us"].items)  # every question passed
    if set_hash is None:
        return prepared_draft("choose-us", answers, every)
    return prepared_draft("choose-us", answers, every, set_hash=set_hash)


async def open_first_draft(pilot: Pilot[Any], screen: str = "ResultsScreen") -> None:
    """From home, open the draft listed first (a draft left at its results opens there)."""
    await home_loaded(pilot)
    await pilot.press("enter")
    await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == screen)


def palette_text(app: Any, highlighted: bool = False) -> str:
    """The command palette's options (or only the highlighted one), as text."""
    commands = app.screen.query_one("CommandList")
    if highlighted:
        option = commands.highlighted_option
        return "" if option is None else str(option.prompt)
    return "\n".join(str(o.prompt) for o in commands.options)


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


def keyboard_answer(item: Item) -> tuple[list[str], object]:
    """The keys answer_current types for an item, and the value they save (None: nothing)."""
    if item.kind is Kind.LIKERT5:
        return ["4", "enter"], 4
    if item.kind is Kind.SCALE10:
        # arrows only: digits are never required; nothing is highlighted before the first ↓
        return ["down"] * 9 + ["enter"], 8
    if item.kind is Kind.YESNO:
        return ["1", "enter"], True
    if item.kind is Kind.CHOICE:
        return ["down", "enter"], item.options[0].id
    if item.kind is Kind.TEXT:
        return [*"Team [ok]", "enter"], "Team [ok]"
    if item.kind is Kind.TEAM:
        return [*" Finance ", "enter"], "Finance"  # kept as typed, without the spaces
    typed = NUMBER_ANSWERS.get(item.id, "")
    return [*typed, "enter"], float(typed.replace(",", ".")) if typed else None


def keyboard_answers(qset: QuestionSet, count: int | None = None) -> dict[str, Any]:
    """What answering the first ``count`` questions (default: all) by keyboard saves."""
    answers = {}
    for item in qset.items[:count]:
        _, value = keyboard_answer(item)
        if value is not None:
            answers[item.id] = value
    return answers


async def answer_current(pilot: Pilot[Any], qset: QuestionSet) -> object:
    """Answer the question on screen by keyboard only; returns the value expected to be saved."""
    screen: Any = pilot.app.screen
    position = screen.draft.position
    keys, expected = keyboard_answer(screen.item)
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
    """Answer every remaining question by keyboard, every key sent at once (as a paste or a fast
    typist gives them), then wait for the results; returns item id -> expected saved value."""
    screen: Any = pilot.app.screen
    keys: list[str] = []
    expected: dict[str, object] = {}
    for item in qset.items[screen.draft.position :]:
        item_keys, value = keyboard_answer(item)
        keys += item_keys
        if value is not None:
            expected[item.id] = value
    send_at_once(pilot.app, keys)
    await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "ResultsScreen")
    return expected


def send_read_before(app: Any, key: str, moment: float) -> None:
    """Give the driver ``key`` as read from the terminal just before ``moment`` (Textual's
    clock): a key typed earlier that a busy machine hands over only now."""
    event = events.Key(key, None)
    event.time = moment - 0.001
    event.set_sender(app)
    app._driver.send_message(event)


def send_at_once(app: Any, keys: list[str]) -> None:
    """Give every key to the driver at once, as a paste or tmux does (no waiting in between)."""
    for key in keys:
        char = " " if key == "space" else (key if len(key) == 1 else None)
        event = events.Key("space" if key == " " else key, char)
        event.set_sender(app)
        app._driver.send_message(event)
