"""Settings: team, name or pseudonym, language, theme, cadence and currency, saved at once."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Button, Footer, Header, Input, Select, Static

from selfaudit.i18n import LANGUAGES, language_name
from selfaudit.settings import CADENCES, CURRENCIES, MAX_TEXT, THEMES
from selfaudit.tui.screens.base import BaseScreen


class SettingsScreen(BaseScreen):
    """Every change is saved to the settings file when the user presses Save (or Enter)."""

    HELP_TOPIC = "settings"
    BINDINGS = [
        Binding("escape", "home", "Home"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def compose(self) -> ComposeResult:
        s = self.sa.settings
        pseudonym = ""
        if self.sa.store is not None:
            try:
                pseudonym = self.sa.store.pseudonym()
            except Exception:
                pseudonym = ""
        yield Header()
        with VerticalScroll(id="settings-box"):
            yield Static(self.t("settings.title"), classes="title", markup=False)
            yield Static(self.t("settings.team"), classes="field-label", markup=False)
            yield Input(
                s.team,
                id="team",
                max_length=MAX_TEXT,
                placeholder=self.t("settings.team.placeholder"),
            )
            yield Static(self.t("settings.respondent"), classes="field-label", markup=False)
            yield Input(
                s.respondent,
                id="respondent",
                max_length=MAX_TEXT,
                placeholder=self.t("settings.respondent.placeholder", pseudonym=pseudonym),
            )
            yield Static(self.t("settings.language"), classes="field-label", markup=False)
            yield Select(
                [(language_name(x), x) for x in LANGUAGES],
                value=s.language,
                allow_blank=False,
                id="language",
            )
            yield Static(self.t("settings.theme"), classes="field-label", markup=False)
            themes = list(THEMES) if s.theme in THEMES else [s.theme, *THEMES]
            yield Select([(x, x) for x in themes], value=s.theme, allow_blank=False, id="theme")
            yield Static(self.t("settings.cadence"), classes="field-label", markup=False)
            yield Select(
                [(self.t(f"cadence.{c}"), c) for c in CADENCES],
                value=s.cadence,
                allow_blank=False,
                id="cadence",
            )
            yield Static(self.t("settings.currency"), classes="field-label", markup=False)
            currencies = list(CURRENCIES) if s.currency in CURRENCIES else [s.currency, *CURRENCIES]
            yield Select(
                [(c, c) for c in currencies], value=s.currency, allow_blank=False, id="currency"
            )
            yield Button(self.t("settings.save"), id="save", variant="primary")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#team", Input).focus()

    def after_recompose(self) -> None:
        self.query_one("#language", Select).focus()

    @on(Select.Changed, "#theme")
    def _theme(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self.app.theme = event.value  # preview; saved with the rest

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    async def _save(self) -> None:
        await self.action_save()

    async def action_save(self) -> None:
        """Save every field and go back."""
        s = self.sa.settings
        s.team = self.query_one("#team", Input).value.strip()
        s.respondent = self.query_one("#respondent", Input).value.strip()
        for field in ("theme", "cadence", "currency"):
            value = self.query_one(f"#{field}", Select).value
            if isinstance(value, str):
                setattr(s, field, value)
        self.sa.set_theme(s.theme)
        language = self.query_one("#language", Select).value
        if self.sa.save_settings():
            self.sa.notify(self.t("notify.settings-saved"))
        self.app.pop_screen()
        if isinstance(language, str) and language != s.language:
            await self.sa.set_language(language)

    def action_home(self) -> None:
        """Leave without saving."""
        self.app.theme = self.sa.settings.theme
        self.app.pop_screen()
