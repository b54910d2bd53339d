"""Export in the app: which sessions, as what, and where; the first Enter shows what would
leave, the second writes it; keys sent all at once choose exactly what they say."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

from selfaudit.store import Session, Store
from tests.store.exchange import save
from tests.tui.conftest import home_loaded, make_app, send_at_once, send_read_before, wait_for
from tests.tui.test_control_characters import drawn


def _sessions() -> list[Session]:
    """Three choose-us sessions (two of Payroll) and one internal-service of HR."""
    store = Store.open()
    me = store.pseudonym()
    day = dt.datetime(2026, 5, 4, 9, tzinfo=dt.UTC)
    found = [
        save(store, who=me, team=team, when=day + dt.timedelta(days=n), name="Ann")
        for n, team in enumerate(["Payroll", "Finance", "Payroll"])
    ]
    rated = {"rated_team": "Finance", "resp_p_quick": 4}
    found.append(save(store, who=me, team="HR", set_id="internal-service", answers=rated, when=day))
    return found


def _one_session() -> Session:
    """One choose-us session of this install's own."""
    store = Store.open()
    return save(store, who=store.pseudonym())


async def _export_screen(pilot: Any, keys: list[str]) -> Any:
    """Send ``keys`` at once from home; wait until they have all acted (a preview shown)."""
    app = pilot.app
    send_at_once(app, keys)
    await wait_for(pilot, lambda: type(app.screen).__name__ == "ExportSessionsScreen")
    await wait_for(pilot, lambda: app.screen.lines and not app.screen.busy)
    await pilot.pause()
    return app.screen


async def _enter(pilot: Any) -> None:
    screen = pilot.app.screen
    screen.lines = []
    await pilot.press("enter")
    await wait_for(pilot, lambda: screen.lines and not screen.busy)
    await pilot.pause()


async def test_the_first_enter_shows_what_leaves_the_second_writes_it(tmp_path: Path) -> None:
    store = Store.open()
    session = save(store, who=store.pseudonym(), name="Ann")
    target = tmp_path / "report.html"
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        keys = ["h", "x", "tab", "tab", *str(target), "enter"]
        screen = await _export_screen(pilot, keys)
        preview = " ".join(screen.lines)
        assert f"written to {target}: only" in preview and "of 1 session would leave" in preview
        assert session.id in preview and "answers.enps" in preview
        assert "choose_what" not in preview and not target.exists()
        assert "would leave this machine" in " ".join(drawn(app).split())  # and it is shown
        await _enter(pilot)
        assert screen.written and screen.lines == [f"Written: {target} (1 session)."]
        await pilot.press("enter")  # written once: Enter again changes nothing
        await pilot.pause(0.2)
        assert not screen.busy and screen.lines == [f"Written: {target} (1 session)."]
    page = target.read_text()
    assert page.startswith("<!DOCTYPE html>") and "my private note" not in page


async def test_keys_sent_at_once_choose_the_set_the_format_and_the_place(
    tmp_path: Path,
) -> None:
    sessions = _sessions()
    app: Any = make_app(team="Payroll")
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        # History; x: this session, every session, internal-service, choose-us, the team.
        scope = ["down"] * 3  # choose-us (the sets in the order of their titles)
        form = ["tab", "down", "down", "down"]  # a spreadsheet with decimal commas
        where = ["tab", *str(tmp_path / "scores"), "enter"]
        screen = await _export_screen(pilot, ["h", "x", *scope, *form, *where])
        target = tmp_path / "scores.csv"
        assert f"written to {target}: only" in screen.lines[0]
        assert screen.previewed is not None and not target.exists()
        await _enter(pilot)
    rows = list(csv.reader(target.read_text(encoding="utf-8").splitlines(), delimiter=";"))
    assert [r[rows[0].index("id")] for r in rows[1:]] == [s.id for s in sessions[:3]]


async def test_the_team_and_the_marked_sessions_are_offered(tmp_path: Path) -> None:
    sessions = _sessions()
    app: Any = make_app(team="payroll")
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        keys = ["h", "space", "down", "down", "space", "x", "enter"]
        screen = await _export_screen(pilot, keys)
        labels = [str(o.prompt) for o in screen.query_one("#export-scope").options]
        assert labels[0] == "The 2 sessions marked in History"
        assert labels[-1] == "Team payroll (2)"
        listed = sorted(sessions, key=lambda s: (s.completed_at, s.id), reverse=True)
        marked = {listed[0].id, listed[2].id}  # as History lists them: newest first
        preview = " ".join(screen.lines)
        assert "of 2 sessions would leave" in preview
        assert {s.id for s in sessions if s.id in preview} == marked


async def test_one_marked_session_is_offered_as_marked_not_as_the_highlighted_one() -> None:
    sessions = _sessions()
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        screen = await _export_screen(pilot, ["h", "down", "space", "up", "x", "enter"])
        labels = [str(o.prompt) for o in screen.query_one("#export-scope").options]
        assert labels[0] == "The 1 session marked in History"
        listed = sorted(sessions, key=lambda s: (s.completed_at, s.id), reverse=True)
        preview = " ".join(screen.lines)
        assert {s.id for s in sessions if s.id in preview} == {listed[1].id}


async def test_an_enter_typed_before_the_preview_was_there_writes_nothing(
    tmp_path: Path,
) -> None:
    _one_session()
    target = tmp_path / "now.md"
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        keys = ["h", "x", "tab", "down", "tab", *str(target), "enter", "enter", "enter"]
        screen = await _export_screen(pilot, keys)
        await pilot.pause(0.3)
        choice = (screen.scopes[0].key, "md", target)
        assert screen.previewed == choice and screen.written is None
        # An Enter read before the preview was ready, handled only now (a busy machine):
        send_read_before(app, "enter", screen.previewed_at)
        await pilot.pause(0.3)
        assert not target.exists() and screen.written is None  # the preview comes first
        await _enter(pilot)  # typed now, after it
        assert screen.written == (screen.scopes[0].key, "md", str(target))
    assert target.read_text(encoding="utf-8").startswith("#")


async def test_the_choices_stay_when_the_language_changes(tmp_path: Path) -> None:
    _one_session()
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        screen = await _export_screen(pilot, ["h", "x", "down", "tab", "down", "down", "enter"])
        await app.set_language("nl")
        await wait_for(pilot, lambda: "Welke sessies" in drawn(app))
        assert screen.query_one("#export-scope").highlighted == 1  # every session
        assert screen.query_one("#export-format").highlighted == 2  # CSV
        screen.query_one("#export-path").value = str(tmp_path)
        await _enter(pilot)
        assert "Dit zou naar" in screen.lines[0] and "Nog eens Enter" in screen.lines[0]


async def test_a_name_of_another_format_is_one_sentence_and_writes_nothing(
    tmp_path: Path,
) -> None:
    _one_session()
    target = tmp_path / "report.md"
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        keys = ["h", "x", "tab", "tab", *str(target), "enter"]  # the format is HTML
        screen = await _export_screen(pilot, keys)
        assert "ends in .md, which is another format" in " ".join(drawn(app).split())
        assert screen.previewed is None
        await _enter(pilot)
        assert not target.exists() and not list(tmp_path.iterdir())


async def test_what_was_written_is_said_in_the_interface_language(tmp_path: Path) -> None:
    _one_session()
    folder = tmp_path / "for-the-lead"
    keys = ["h", "x", "tab", *["down"] * 5, "tab", *str(folder), "enter"]  # a folder of files
    app: Any = make_app(language="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        screen = await _export_screen(pilot, keys)
        await _enter(pilot)
        assert screen.lines == [f"Weggeschreven: 1 sessiebestand in {folder}."]
        send_at_once(app, ["escape", "escape"])
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HomeScreen")
        again = await _export_screen(pilot, keys)
        await _enter(pilot)
        dated = folder / f"selfaudit-{dt.date.today().isoformat()}"  # the folder is there now
        assert again.lines == [f"Weggeschreven: 1 sessiebestand in {dated}."]
    assert len(list(dated.iterdir())) == 1
