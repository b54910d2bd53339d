"""The team view of one round: the count always, figures only from k on, in both languages."""

from __future__ import annotations

import json

from selfaudit.core.rounds import parse_round
from selfaudit.core.team import team_round
from selfaudit.views.content import Cell
from selfaudit.views.team import TeamView, team_view
from tests.core.responses_factory import builtin, five, level_answers, mini_set, response, when

MINI = mini_set()
Q3 = parse_round("2026-Q3")


def _view(people: int = 5, lang: str = "en", team_size: int | None = 8) -> TeamView:
    sessions = five(MINI, ["r1", "r2", "r3", "r4", "r5"][:people])
    team = team_round(sessions, MINI, team_key="service desk", in_round=Q3, team_size=team_size)
    return team_view(team, MINI, lang)


def test_a_round_of_five_by_hand() -> None:
    view = _view()
    assert view.title == "Team Service desk: Mini, 2026-Q3"
    assert view.respondents == Cell("5 people answered in this round", 5)
    assert view.participation == Cell("5 of 8 took part (63%)", 5 / 8)
    assert view.hidden == ""
    assert view.scores.headers == ("", "Median", "Middle half", "Lowest–highest", "Answered")
    serve, other = view.scores.rows
    assert (serve.label, [c.text for c in serve.cells]) == (
        "Serving",
        ["62.5", "50–75", "25–100", "5"],
    )
    assert [c.value for c in serve.cells] == [62.5, 25.0, 75.0, 5]
    assert [c.text for c in other.cells] == ["50", "50–100", "0–100", "5"]
    enps_answer, people = view.figures.rows
    assert [c.text for c in enps_answer.cells] == ["9", "7–9", "3–10", "5"]
    assert (people.label, [c.text for c in people.cells]) == (
        "How many? (fewer than 5 answered)",
        ["–", "–", "–", "0"],
    )
    assert view.enps == Cell(
        "Team eNPS 40 (promoters: 3, passives: 1, detractors: 1; 5 answered).", 40.0
    )


def test_the_distribution_of_every_question() -> None:
    view = _view()
    fast = next(t for t in view.items if t.title == "I answer fast.")
    assert fast.headers == ("Answer", "People")
    assert [(r.label, r.cells[0].value) for r in fast.rows] == [
        ("1 Strongly disagree", 0),
        ("2 Disagree", 1),
        ("3 Neutral", 1),
        ("4 Agree", 2),
        ("5 Strongly agree", 1),
    ]
    again = next(t for t in view.items if t.title == "Join again?")
    assert [(r.label, r.cells[0].text) for r in again.rows] == [("Yes", "3"), ("No", "2")]
    mood = next(t for t in view.items if t.title == "Mood?")
    assert [r.label for r in mood.rows] == ["Bad", "Good"]
    assert "Anything else?" not in [t.title for t in view.items]  # no open answers


def test_talking_points_are_the_widest_spread_questions() -> None:
    view = _view()
    assert view.talking_points.title == (
        "Worth talking about: the questions the team answered most differently"
    )
    assert [(r.label, r.cells[0].text) for r in view.talking_points.rows] == [
        ("Join again?", "0–100"),
        ("Mood?", "0–100"),
        ("I answer fast.", "50–75"),
    ]


def test_below_k_only_the_count_and_one_sentence_why() -> None:
    view = _view(people=4, team_size=None)
    assert view.respondents == Cell("4 people answered in this round", 4)
    assert view.participation is None
    assert view.hidden == (
        "Only the number of people is shown: fewer than 5 answered in this round, and the "
        "figures of a smaller group could point to one person."
    )
    assert (view.scores.rows, view.figures.rows, view.items, view.enps, view.levels) == (
        (),
        (),
        (),
        None,
        None,
    )
    assert view.talking_points.rows == ()
    values = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "value" in node:
                values.append(node["value"])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(json.loads(json.dumps(view.to_json())))
    assert values == [4]  # the count, and no other figure at all


def test_dutch() -> None:
    view = _view(lang="nl")
    assert view.respondents.text == "5 mensen hebben in deze ronde geantwoord"
    assert view.participation is not None
    assert view.participation.text == "5 van de 8 deden mee (63%)"
    assert [c.text for c in view.scores.rows[0].cells][:2] == ["62,5", "50–75"]
    assert view.enps is not None
    assert (
        view.enps.text
        == "Team-eNPS 40 (promotors: 3, passieven: 1, criticasters: 1; 5 antwoorden)."
    )
    one = team_view(
        team_round(five(MINI, ["r1"]), MINI, team_key="service desk", in_round=Q3, team_size=6),
        MINI,
        "nl",
    )
    assert one.respondents.text == "1 persoon heeft in deze ronde geantwoord"
    assert one.participation is not None
    assert one.participation.text == "1 van de 6 deed mee (17%)"


def test_levels_of_a_team() -> None:
    levels = builtin("competency-level")
    profiles = [
        [True, True, True, True, True],
        [True, True, True, False, False],
        [True, False, True, True, True],
        [True, True, False, False, False],
        [False, True, False, False, False],
    ]
    sessions = [
        response(levels, level_answers(levels, p), respondent=f"r{i}", at=when(2026, 8, 1))
        for i, p in enumerate(profiles)
    ]
    team = team_round(sessions, levels, team_key="service desk", in_round=Q3)
    view = team_view(team, levels, "en")
    assert view.levels is not None
    assert [(r.label, r.cells[0].value) for r in view.levels.rows] == [
        ("Below level 1", 1),
        ("Level 1", 1),
        ("Level 2", 1),
        ("Level 3", 1),
        ("Level 4", 0),
        ("Level 5", 1),
    ]
    assert view.levels_note.startswith(
        "The team's answers do not follow the order of the levels well (coefficient of "
        "reproducibility 0.84, under 0.90)"
    )
    assert "0,84" in team_view(team, levels, "nl").levels_note
    assert view.enps is None  # competency-level has no eNPS question


def test_no_names_or_ids_reach_the_view() -> None:
    sessions = [
        response(
            MINI,
            {"fast": 3, "remark": "SECRET-REMARK"},
            respondent=f"SECRET-ID-{i}",
            name=f"SECRET-NAME-{i}",
            session=f"SECRET-SESSION-{i}",
        )
        for i in range(6)
    ]
    team = team_round(sessions, MINI, team_key="service desk", in_round=Q3)
    for lang in ("en", "nl"):
        assert "SECRET" not in json.dumps(team_view(team, MINI, lang).to_json())
