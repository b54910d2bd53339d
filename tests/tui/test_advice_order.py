"""The results screen shows each band's advice as it is meant to be read: what the band means,
then the first step, then the further steps."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import Static

from selfaudit.questionnaires import load_catalog
from tests.tui.conftest import make_app, open_first_draft, prepared_draft


@pytest.mark.parametrize(
    ("lang", "meaning", "first", "further"),
    [
        (
            "en",
            "On average your answers lean towards leaving",
            "First step: List the two or three things that push you towards leaving.",
            "• Sort them by who can change them",
        ),
        (
            "nl",
            "Gemiddeld neigen je antwoorden naar vertrekken",
            "Eerste stap: Schrijf de twee of drie dingen op die je richting de uitgang duwen.",
            "• Deel ze in naar wie er iets aan kan doen",
        ),
    ],
)
async def test_advice_reads_meaning_first_step_further(
    lang: str, meaning: str, first: str, further: str
) -> None:
    qset = load_catalog().sets["choose-us"]
    prepared_draft(qset.id, {"stay_year": 1, "stay_leaving": 5}, len(qset.items))
    app: Any = make_app(language=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot)
        texts = [str(s.render()) for s in app.screen.query(".advice").results(Static)]
    [advice] = [text for text in texts if meaning in text]
    lines = advice.split("\n")
    assert lines[0].startswith(meaning)
    assert lines[1] == first
    assert lines[2].startswith(further)
