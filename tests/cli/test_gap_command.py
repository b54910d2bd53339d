"""``selfaudit gap``: the Service desk's rating of its own service beside the rating of the
people of other teams who named it, worked out by hand.

Six Service desk members answer internal-service in 2026-Q3, rating their own responsiveness
5, 5, 4, 4, 3, 5 (100, 100, 75, 75, 50, 100: median 87.5). Five people of Finance and HR name
"service desk" as the team they depend on and rate its responsiveness 2, 2, 3, 1, 2 (25, 25,
50, 0, 25: median 25): a gap of -62.5. In Q2 only four people of other teams rated it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

import pytest

from selfaudit import cli
from selfaudit.core.answers import validate_answers
from selfaudit.questionnaires import load_catalog
from selfaudit.store import Store

pytestmark = pytest.mark.usefixtures("no_fsync")

SERVICE = load_catalog().get("internal-service")


@pytest.fixture(autouse=True)
def _line_width(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines as wide as in a pipe, whatever terminal the tests run in."""
    monkeypatch.setenv("COLUMNS", "100")


def _save(store: Store, when: dt.datetime, answers: dict[str, Any], *, who: str, team: str) -> None:
    assert SERVICE is not None
    checked, problems = validate_answers(SERVICE, answers)  # as take does
    assert problems == []
    saved = store.save_session(SERVICE, checked, team=team, respondent_id=who)
    store.path_of(saved.id).unlink()
    store.write_session(dataclasses.replace(saved, started_at=when, completed_at=when))


@pytest.fixture
def scene() -> None:
    store = Store.open()
    for i, value in enumerate([5, 5, 4, 4, 3, 5]):
        own: dict[str, Any] = {"resp_p_quick": value, "resp_p_reach": value, "agree_p_keep": 4}
        _save(
            store,
            dt.datetime(2026, 7, 1 + i, tzinfo=dt.UTC),
            own,
            who=f"m{i}",
            team="Service desk",
        )
    for i, value in enumerate([2, 2, 3, 1, 2]):
        team = "Finance" if i < 3 else "HR"
        rating: dict[str, Any] = {
            "rated_team": " service DESK",
            "resp_c_quick": value,
            "resp_c_reach": value,
        }
        _save(store, dt.datetime(2026, 8, 1 + i, tzinfo=dt.UTC), rating, who=f"c{i}", team=team)
    for i in range(4):
        early: dict[str, Any] = {"rated_team": "Service desk", "resp_c_quick": 5}
        _save(store, dt.datetime(2026, 4, 1 + i, tzinfo=dt.UTC), early, who=f"c{i}", team="Finance")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.usefixtures("scene")
def test_the_gap_of_the_latest_round_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "gap", "--team", "Service Desk", "--json")
    assert code == 0, err
    view = json.loads(out)
    assert (
        view["title"]
        == "Gap view of Service desk: Are our internal customers served well?, 2026-Q3"
    )
    assert (view["own"]["value"], view["customers"]["value"]) == (6, 5)
    first = view["dimensions"]["rows"][0]
    assert first["key"] == "responsiveness"
    assert [c["value"] for c in first["cells"]] == [87.5, 25.0, -62.5]
    assert first["cells"][2]["text"] == "−62.5"
    assert view["advice"][0].startswith("Responsiveness: You think you respond in time")
    agreements = next(r for r in view["dimensions"]["rows"] if r["key"] == "agreements")
    assert agreements["cells"][1]["value"] is None  # no customer rated it
    assert view["hidden"] == []


@pytest.mark.usefixtures("scene")
def test_a_round_with_four_customers_shows_only_their_count(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = _run(capsys, "gap", "--team", "service desk", "--round", "2026-Q2")
    assert code == 0
    assert "4 people of other teams rated the team in this round" in out
    assert "0 members of the team answered in this round" in out
    assert "shown once 5 people of other teams have rated the team" in out
    assert "100" not in out  # the four 5s (100) are nowhere


@pytest.mark.usefixtures("scene")
def test_k_is_per_side_and_never_below_three(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        capsys, "gap", "--team", "service desk", "--round", "2026-Q2", "--k", "4", "--json"
    )
    view = json.loads(out)
    quick = next(r for r in view["dimensions"]["rows"] if r["key"] == "responsiveness")
    assert [c["value"] for c in quick["cells"]] == [None, 100.0, None]
    code, _, err = _run(capsys, "gap", "--team", "service desk", "--k", "2")
    assert code == 2 and "--k must be at least 3" in err


@pytest.mark.usefixtures("scene")
def test_bad_input_is_one_sentence_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "gap", "--team", "Nobody")
    assert code == 2
    assert "no session in the store has the team 'Nobody'" in err
    assert "'Finance'" in err and "'Service desk'" in err
    code, _, err = _run(capsys, "gap", "--team", "Finance", "--set", "choose-us")
    assert code == 2 and "has no gap view; use --set internal-service" in err
    assert "Traceback" not in err
