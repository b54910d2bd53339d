"""A session of choose-us 1 beside one of choose-us 2: compared as saved, per dimension only,
and the compare view says so on screen."""

from __future__ import annotations

from selfaudit.core.compare import compare_sessions
from selfaudit.i18n import t
from selfaudit.views.compare import compare_view
from tests.core.responses_factory import builtin, older_response, response, when


def test_choose_us_across_its_two_versions_compares_scores_as_saved() -> None:
    qset = builtin("choose-us")
    saved = {
        "model": "dimensions",
        "answered": 3,
        "skipped": [],
        "dimensions": [
            {"id": "choose", "answered": 1, "skipped": 0, "score": 25.0, "band": "attention"},
            {"id": "valued", "answered": 2, "skipped": 0, "score": 50.0, "band": "developing"},
        ],
    }
    old = older_response(
        qset,
        saved,
        {"choose_again": 2, "valued_heard": 2, "valued_noticed": 4},
        version="1.0.1",
        at=when(2026, 3, 1),
    )
    new = response(
        qset, {"choose_again": 4, "choose_first": 4, "valued_serious": 5}, at=when(2026, 9, 1)
    )
    comparison = compare_sessions([old, new], qset)
    assert comparison.across_versions
    rows = {r.measure.key: r.values for r in comparison.dimensions}
    # choose: 25 as saved, then 75 and 75 -> 75; valued: 50 as saved, then 100 alone.
    assert rows["score:choose"] == (25.0, 75.0)
    assert rows["score:valued"] == (50.0, 100.0)
    # Version 1 is not installed, so no question is compared, not even choose_again: the old
    # session's side of every question row is empty.
    assert comparison.items and all(row.values[0] is None for row in comparison.items)
    view = compare_view(comparison, qset, "nl")
    assert t("nl", "compare.across-versions") in view.notes
