"""The app's words: counts in singular and plural, in English and in Dutch."""

from __future__ import annotations

import pytest

from selfaudit.questionnaires import load_catalog
from tests.tui.conftest import draft_at_results, make_app, open_first_draft
from tests.tui.test_complete_sets import screen_text


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [
        ("en", "1 question skipped", "2 questions skipped"),
        ("nl", "1 vraag overgeslagen", "2 vragen overgeslagen"),
    ],
)
async def test_results_count_skipped_questions_in_words(lang: str, one: str, two: str) -> None:
    qset = load_catalog().sets["choose-us"]
    skipped = {"choose_again", "stay_year", "stay_leaving"}  # one of "choose", two of "stay"
    answers = {i.id: 4 for i in qset.items if i.kind.value == "likert5" and i.id not in skipped}
    draft_at_results(answers)
    app = make_app(language=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot)
        shown = screen_text(app)
    assert one in shown and two in shown
    assert "(s)" not in shown and "/vragen" not in shown
