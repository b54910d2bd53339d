"""Comparing sessions from History: space marks, c compares (or c alone: me now against then)."""

from __future__ import annotations

from typing import Any

from selfaudit.questionnaires import load_catalog
from selfaudit.store import Store
from tests.tui.conftest import home_loaded, make_app, send_at_once, wait_for


def save_two() -> None:
    qset = load_catalog().sets["choose-us"]
    store = Store.open()
    store.save_session(qset, {"choose_again": 2, "stay_year": 4})
    store.save_session(qset, {"choose_again": 5, "stay_year": 4})


async def open_compare(pilot: Any, keys: list[str]) -> Any:
    app = pilot.app
    await home_loaded(pilot)
    send_at_once(app, ["h", *keys])
    await wait_for(
        pilot, lambda: type(app.screen).__name__ == "CompareScreen" and app.screen.loaded
    )
    return app.screen.view


async def test_c_compares_my_newest_session_with_the_one_before() -> None:
    save_two()
    app: Any = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        view = await open_compare(pilot, ["c"])
        first = view.dimensions.rows[0]  # the largest difference first
        assert first.label == "Choosing us again"
        assert [c.text for c in first.cells] == ["25", "100", "↑ 75"]


async def test_space_marks_and_c_compares_the_marked_sessions() -> None:
    save_two()
    app: Any = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        view = await open_compare(pilot, ["space", "down", "space", "c"])
        assert len(view.columns) == 2
