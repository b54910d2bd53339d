"""Each built-in set, completed by keyboard only at 80x24, saved through the store."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from selfaudit.core.model import QuestionSet
from selfaudit.store import Store
from tests.tui.conftest import answer_all, make_app, open_set_from_home, wait_for

SETS = ["choose-us", "competency-level", "internal-service", "turnover-cost"]


def screen_text(app: object) -> str:
    """Every Static's text on the current screen."""
    return "\n".join(str(s.render()) for s in app.screen.query(Static))  # type: ignore[attr-defined]


@pytest.mark.parametrize("set_id", SETS)
async def test_complete_by_keyboard(set_id: str, catalog_sets: dict[str, QuestionSet]) -> None:
    qset = catalog_sets[set_id]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_set_from_home(pilot, set_id)
        expected = await answer_all(pilot, qset)
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ResultsScreen")
        shown = screen_text(app)
        # tick the first proposed action item (if any), add one of our own, save with Ctrl+S
        # Tab to the checklist (the what-if field comes first); a set without suggested steps
        # shows no checklist, and Tab reaches the own-item field at once.
        for _ in range(5):
            await pilot.press("tab")
            if getattr(app.focused, "id", "") in ("actions", "own-action"):
                break
        if getattr(app.focused, "id", "") == "actions":
            await pilot.press("enter", "tab")  # tick the first suggestion, on to the own field
        assert getattr(app.focused, "id", "") == "own-action"
        await pilot.press(*"Ask [Finance] for data", "enter")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.session is not None)  # type: ignore[attr-defined]
        session = app.screen.session  # type: ignore[attr-defined]
        after = screen_text(app)

    store = Store.open()
    [summary] = store.sessions(set_id=set_id)
    saved = store.load(summary.id)
    assert saved.answers == expected
    assert saved.id == session.id
    assert "Ask [Finance] for data" in saved.actions
    assert saved.respondent_id.startswith("anon-") and saved.respondent == ""
    assert session.id in after and str(store.path_of(session.id)) in after
    assert store.drafts() == []
    results = saved.results
    if set_id == "choose-us":
        assert results["enps"] == {"item": "enps", "answer": 8, "category": "passive"}
        assert "You answered 8 of 10: passive." in shown
        assert "Mixed" in shown  # the band of a passive eNPS (7 or 8)
    elif set_id == "competency-level":
        assert "Level reached: 5 of 5" in shown  # 4 = "often" on every item scores 75
        assert "Your answers follow the order of the levels" in shown
    elif set_id == "internal-service":
        assert all(d["score"] > 0 for d in results["dimensions"] if "score" in d)
        assert results["rated_team"] == "Finance"
        assert "Scores (0–100) and next steps" in shown
        # One person's two sides are two relationships, each named: never a gap.
        assert "how your team serves others: 75, how Finance serves your team: 75" in shown
    else:
        turnover = results["turnover"]
        assert turnover["annual_cost"] > 0
        assert "on_costs_pct" not in turnover["defaults_used"]
        assert "€" in shown and "21%" in shown
        assert "Turnover costs €" in shown
