"""My trend of a set: charts and a table drawn from the view layer, opened from home with t."""

from __future__ import annotations

from typing import Any

from textual.widgets import DataTable

from selfaudit.questionnaires import load_catalog
from selfaudit.store import Store
from tests.tui.conftest import home_loaded, make_app, send_at_once, wait_for

ANSWERS = [
    {"enps": 5, "choose_again": 2, "stay_year": 3},
    {"enps": 7, "choose_again": 4, "stay_year": 3},
    {"enps": 9, "choose_again": 5, "stay_year": 4},
]


def save_three(name_after_first: str = "") -> None:
    """Three sessions of choose-us by this install; a name is set after the first if given."""
    qset = load_catalog().sets["choose-us"]
    store = Store.open()
    for i, answers in enumerate(ANSWERS):
        store.save_session(qset, answers, respondent=name_after_first if i else "")


def table_rows(app: Any) -> dict[str, list[str]]:
    table = app.screen.query_one("#trend-table", DataTable)
    rows = (table.get_row_at(i) for i in range(table.row_count))
    return {str(row[0]): [str(c) for c in row[1:]] for row in rows}


async def open_trend(pilot: Any) -> None:
    app = pilot.app
    await home_loaded(pilot)
    send_at_once(app, ["t"])  # choose-us is highlighted first
    await wait_for(pilot, lambda: type(app.screen).__name__ == "TrendScreen" and app.screen.loaded)
    await pilot.pause()


async def test_the_table_holds_every_figure_and_the_change_since_the_session_before() -> None:
    save_three()
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_trend(pilot)
        rows = table_rows(app)
        # choose_again 2, 4, 5 on a 1-5 scale: 25, 75, 100; the last change +25.
        assert rows["Choosing us again"] == ["25", "75", "100", "↑ 25"]
        assert rows["Would recommend us (0–10)"] == ["5", "7", "9", "↑ 2"]
        charts = app.screen.query("TrendChart")
        assert len(charts) == 3


async def test_a_name_set_later_does_not_split_my_trend() -> None:
    save_three(name_after_first="Sam")
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_trend(pilot)
        assert table_rows(app)["Choosing us again"][:3] == ["25", "75", "100"]


async def test_a_teammates_sessions_in_the_same_store_are_not_in_my_trend() -> None:
    save_three()
    qset = load_catalog().sets["choose-us"]
    Store.open().save_session(qset, {"choose_again": 1}, respondent_id="anon-other1")
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_trend(pilot)
        assert len(table_rows(app)["Choosing us again"]) == 4  # three sessions and the change


async def test_in_dutch_and_back_with_escape() -> None:
    save_three()
    app: Any = make_app(language="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_trend(pilot)
        title = str(app.screen.query_one(".title").render())
        assert title == "Je trend: Zouden onze medewerkers voor ons kiezen?"
        assert (
            "Onderdeel" in app.screen.query_one("#trend-table", DataTable).ordered_columns[0].label
        )
        send_at_once(app, ["escape"])
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HomeScreen")


async def test_new_results_show_the_change_since_my_session_before() -> None:
    save_three()
    qset = load_catalog().sets["choose-us"]
    store = Store.open()
    draft = store.new_draft(qset)
    draft.answers = {"enps": 6, "choose_again": 3, "stay_year": 4}
    draft.position = len(qset.items)
    store.save_draft(draft)
    store.close()
    app: Any = make_app()
    async with app.run_test(size=(100, 60)) as pilot:
        await home_loaded(pilot)
        send_at_once(app, ["enter"])  # the draft, at its results
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ResultsScreen")
        lines = lambda: [str(w.render()) for w in app.screen.query(".since") if w.display]  # noqa: E731
        await wait_for(pilot, lines)
        # choose_again 5 → 3 is 100 → 50; stay_year 4 → 4 stays 75; eNPS 9 → 6.
        shown = lines()
        assert any(s.startswith("↓ 50 since") for s in shown), shown
        assert any(s.startswith("→ 0 since") for s in shown), shown
        assert any(s.startswith("↓ 3 since") for s in shown), shown
