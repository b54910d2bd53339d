"""Settings file robustness and permissions; catalogs complete; numbers formatted per language."""

from __future__ import annotations

import datetime as dt
import io
import re
import stat
from functools import partial
from pathlib import Path

from rich.console import Console
from textual.widgets import OptionList, Static

from selfaudit.core.enps import Category
from selfaudit.core.model import Side
from selfaudit.core.turnover import CATEGORIES, WARNINGS
from selfaudit.i18n import fmt_amount, fmt_date, fmt_money, fmt_number, fmt_percent
from selfaudit.i18n.en import MESSAGES as EN
from selfaudit.i18n.nl import MESSAGES as NL
from selfaudit.settings import CADENCES, Settings, load_settings, save_settings, settings_path
from selfaudit.tui.app import create_app
from tests.tui.conftest import home_loaded, make_app, wait_for

SRC = Path(__file__).parents[2] / "src" / "selfaudit" / "tui"


def test_settings_round_trip_with_private_permissions() -> None:
    path = save_settings(Settings(team="Ops [night]", language="nl", cadence="quarterly"))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    settings, warning = load_settings()
    assert warning is None
    assert settings == Settings(team="Ops [night]", language="nl", cadence="quarterly")
    assert settings.cadence_days == 91


def test_broken_settings_fall_back_to_defaults_and_say_so() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("language = \n[[[", encoding="utf-8")
    settings, warning = load_settings()
    assert settings == Settings()
    assert warning and str(path) in warning
    path.write_text('language = "xx"\nteam = "A"\nbogus = 1\n', encoding="utf-8")
    settings, warning = load_settings()
    assert settings == Settings(team="A")
    assert warning and "bogus" in warning and "language" in warning


async def test_broken_settings_file_is_reported_once_in_the_app() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x00\x01 not toml")
    from selfaudit.tui.app import create_app

    app = create_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HomeScreen")
        messages = [n.message for n in app._notifications]
        assert sum(str(path) in m for m in messages) == 1
        assert app.settings == Settings()


def test_catalogs_have_the_same_keys_and_placeholders() -> None:
    assert set(EN) == set(NL)
    for key in EN:
        assert set(re.findall(r"{(\w+)}", EN[key])) == set(re.findall(r"{(\w+)}", NL[key])), key


def test_every_key_used_in_the_tui_exists() -> None:
    prefixes = {key.split(".", 1)[0] for key in EN}
    used: set[str] = set()
    for file in SRC.rglob("*.py"):
        # every string literal shaped like a catalog key, also when picked into a variable first
        for literal in re.findall(r'"([a-z][a-z0-9\-]*\.[a-z0-9.\-]+)"', file.read_text()):
            if literal.split(".", 1)[0] in prefixes and not literal.endswith((".py", ".md")):
                used.add(literal)
    assert "notify.set-changed-dropped" in used, "the scan misses keys chosen in a variable"
    # keys built at run time from the core's names
    used |= {f"enps.{c.value}" for c in Category}
    used |= {f"cost.{c}" for c in CATEGORIES}
    used |= {f"cadence.{c}" for c in CADENCES}
    used |= {f"side.{s.value}" for s in Side}
    used |= {f"warning.{w}" for w in WARNINGS}
    plural = {key.rsplit(".", 1)[0] for key in EN if key.endswith((".one", ".other"))}
    assert used - set(EN) - plural == set()


def test_number_money_and_date_formats() -> None:
    assert fmt_number(1234567.5, "en", 1) == "1,234,567.5"
    assert fmt_number(1234567.5, "nl", 1) == "1.234.567,5"
    assert fmt_amount(1000000, "nl") == "1.000.000"
    assert fmt_amount(2.5, "en") == "2.5"
    assert fmt_money(12345.4, "en", "EUR") == "€12,345"
    assert fmt_money(12345.4, "nl", "EUR") == "€ 12.345"
    assert fmt_money(99, "en", "CHF") == "CHF 99"
    assert fmt_percent(21.5, "nl", 1) == "21,5%"
    assert fmt_date(dt.date(2026, 3, 2), "nl") == "2 mrt 2026"
    assert fmt_date(dt.date(2026, 3, 2), "en") == "2 Mar 2026"


async def test_team_name_with_markup_is_shown_literally() -> None:
    app = make_app(team="R&D [bold]x[/bold]", respondent="[red]Ann")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        who = str(app.screen.query_one("#who", Static).render())
        assert "R&D [bold]x[/bold]" in who and "[red]Ann" in who


def _fixed(now: dt.datetime) -> dt.datetime:
    return now


async def test_cadence_shows_when_the_next_check_in_is_due() -> None:
    from selfaudit.questionnaires import load_catalog
    from selfaudit.store import Store

    session = Store.open().save_session(load_catalog().sets["choose-us"], {"enps": 9})
    due = session.completed_at + dt.timedelta(days=30)
    for now, expected in (
        (due - dt.timedelta(days=1), f"next check-in {fmt_date(due, 'en')}"),
        (due + dt.timedelta(days=1), f"check-in due since {fmt_date(due, 'en')}"),
    ):
        app = create_app(clock=partial(_fixed, now), settings=Settings(cadence="monthly"))
        async with app.run_test(size=(80, 24)) as pilot:
            await home_loaded(pilot)
            option = app.screen.query_one("#home-list", OptionList).get_option("set:choose-us")
            console = Console(width=76, record=True, file=io.StringIO())
            console.print(option.prompt)
            prompt = " ".join(console.export_text().split())
            assert "would recommend us: 9 on a scale of 0–10" in prompt
            assert expected in prompt


async def test_home_shows_each_sets_latest_headline() -> None:
    from selfaudit.questionnaires import load_catalog
    from selfaudit.store import Store

    sets = load_catalog().sets
    store = Store.open()
    service = sets["internal-service"]
    likert = [i.id for i in service.items if i.kind.value == "likert5" and not i.reverse]
    store.save_session(service, {likert[0]: 3, likert[1]: 4})  # 50 and 75 -> mean 62.5
    store.save_session(sets["competency-level"], {})
    app = make_app(language="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        home = app.screen.query_one("#home-list", OptionList)

        def shown(set_id: str) -> str:
            console = Console(width=76, record=True, file=io.StringIO())
            console.print(home.get_option(f"set:{set_id}").prompt)
            return " ".join(console.export_text().split())

        assert "gemiddelde score 63 van 100" in shown("internal-service")  # halves round up
        assert "niveau 0 van 5" in shown("competency-level")


async def test_home_entries_keep_every_line_when_the_list_changes_width() -> None:
    from selfaudit.questionnaires import load_catalog
    from selfaudit.store import Store

    sets = load_catalog().sets
    store = Store.open()
    store.save_session(sets["choose-us"], {"enps": 9})
    store.save_session(sets["competency-level"], {"l1_follow_up": 5})
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        home = app.screen.query_one("#home-list", OptionList)

        def shown() -> str:
            return "\n".join(strip.text for strip in home.render_lines(home.size.region))

        assert shown().count("Last result") == 2
        # A set left half-way adds a draft row: the list grows a scrollbar and gets narrower.
        Store.open().new_draft(sets["competency-level"])
        app.screen.reload()  # type: ignore[attr-defined]
        await home_loaded(pilot)
        assert "Continue where you left off" in shown()
        assert shown().count("Last result") == 2, shown()
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert shown().count("Last result") == 2, shown()
