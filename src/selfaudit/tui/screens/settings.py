"""Settings: team, name or pseudonym, language, theme, cadence and currency, saved at once."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Button, Footer, Input, Select, Static

from selfaudit.core.text import visible
from selfaudit.i18n import LANGUAGES, language_name, theme_name
from selfaudit.paths import user_sets_dir
from selfaudit.settings import CADENCES, CURRENCIES, MAX_TEAM_NUMBER, MAX_TEXT, MIN_K, THEMES
from selfaudit.store import StoreError
from selfaudit.tui.screens.base import BaseScreen
from selfaudit.tui.screens.confirm import ConfirmScreen
from selfaudit.tui.settle import drained
from selfaudit.tui.widgets.ordered_input import OrderedInput
from selfaudit.tui.widgets.plain_input import PlainInput
from selfaudit.tui.widgets.title_header import TitleHeader


class SettingsScreen(BaseScreen):
    """Every change is saved to the settings file when the user presses Save (or Enter)."""

    HELP_TOPIC = "settings"
    BINDINGS = [
        Binding("escape", "home", "Home", priority=True),
        Binding("ctrl+s", "save", "Save", priority=True),
        # Enter in a field saves, in key order, with what was typed before it.
        Binding("enter", "submit", show=False, priority=True),
    ]

    def compose(self) -> ComposeResult:
        s = self.sa.settings
        pseudonym = ""
        if self.sa.store is not None:
            try:
                pseudonym = self.sa.store.pseudonym()
            except StoreError:
                pseudonym = "anon"
        yield TitleHeader()
        with VerticalScroll(id="settings-box"):
            yield Static(self.t("settings.title"), classes="title", markup=False)
            yield Static(self.t("settings.team"), classes="field-label", markup=False)
            yield OrderedInput(
                s.team,
                id="team",
                max_length=MAX_TEXT,
                placeholder=self.t("settings.team.placeholder"),
            )
            yield self._error_line("team")
            yield Static(self.t("settings.respondent"), classes="field-label", markup=False)
            yield OrderedInput(
                s.respondent,
                id="respondent",
                max_length=MAX_TEXT,
                placeholder=self.t("settings.respondent.placeholder", pseudonym=pseudonym),
            )
            yield self._error_line("respondent")
            for field, value in (("team-size", s.team_size or ""), ("team-k", s.team_k)):
                yield Static(self.t(f"settings.{field}"), classes="field-label", markup=False)
                yield OrderedInput(str(value), id=field, type="integer", max_length=6)
                yield self._error_line(field)
            yield Static(self.t("settings.language"), classes="field-label", markup=False)
            yield Select(
                [(language_name(x), x) for x in LANGUAGES],
                value=s.language,
                allow_blank=False,
                id="language",
            )
            yield Static(self.t("settings.theme"), classes="field-label", markup=False)
            themes = list(THEMES) if s.theme in THEMES else [s.theme, *THEMES]
            yield Select(
                [(theme_name(x, self.lang), x) for x in themes],
                value=s.theme,
                allow_blank=False,
                id="theme",
            )
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
            yield from self._own_sets()
        yield Footer(compact=True)

    def _own_sets(self) -> ComposeResult:
        """Where your own set files go, and those that could not be read, with the command
        that says why (the start-up notice about them is gone after a while)."""
        yield Static(self.t("settings.sets"), classes="field-label", markup=False)
        folder = visible(str(user_sets_dir()))
        yield Static(self.t("settings.sets-folder", folder=folder), classes="muted", markup=False)
        broken = self.sa.catalog.broken_files
        if not broken:
            return
        yield Static(self.t("settings.broken-sets", count=len(broken)), markup=False)
        for file in broken:
            shown = visible(file)
            yield Static(f"{shown}\n  selfaudit validate {shown}", classes="warning", markup=False)

    @staticmethod
    def _error_line(field: str) -> Static:
        """Where the field's problem is said; hidden while there is none."""
        line = Static("", id=f"{field}-error", classes="error", markup=False)
        line.display = False
        return line

    def on_mount(self) -> None:
        self.query_one("#team", Input).focus()

    def after_recompose(self) -> None:
        self.query_one("#language", Select).focus()

    @on(Select.Changed, "#theme")
    def _theme(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self.app.theme = event.value  # preview; saved with the rest

    @on(PlainInput.Refused)
    def _refused(self, event: PlainInput.Refused) -> None:
        """Say under the field why the text typed or pasted into it was not taken."""
        line = self.query_one(f"#{event.input.id}-error", Static)
        line.update(self.t("settings.control-char", char=visible(event.character)))
        line.display = True

    @on(Input.Changed, "#team, #respondent, #team-size, #team-k")
    def _name_changed(self, event: Input.Changed) -> None:
        self.query_one(f"#{event.input.id}-error", Static).display = False

    @on(Button.Pressed, "#save")
    async def _save(self) -> None:
        await self.action_save()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "submit":  # Enter on a list or a button does what it does there
            return isinstance(self.focused, Input)
        return True

    async def action_submit(self) -> None:
        """Enter in a field: save, as the Save button does."""
        await self.action_save()

    def _form(self) -> dict[str, str | int]:
        """What the fields hold now, by settings name (a number field that holds no allowed
        number keeps the saved value; :meth:`_bad_numbers` says so)."""
        s = self.sa.settings
        form: dict[str, str | int] = {
            "team": self.query_one("#team", Input).value.strip(),
            "respondent": self.query_one("#respondent", Input).value.strip(),
            "team_size": _or(_whole(self.query_one("#team-size", Input).value, 0), s.team_size),
            "team_k": _or(_whole(self.query_one("#team-k", Input).value, MIN_K), s.team_k),
        }
        for field in ("language", "theme", "cadence", "currency"):
            value = self.query_one(f"#{field}", Select).value
            if isinstance(value, str):
                form[field] = value
        return form

    def _bad_numbers(self) -> list[str]:
        """The number fields that hold no allowed number (an empty team size is allowed)."""
        bad = []
        for field, low in (("team-size", 0), ("team-k", MIN_K)):
            if _whole(self.query_one(f"#{field}", Input).value, low) is None:
                bad.append(field)
        return bad

    def _changed(self) -> bool:
        s = self.sa.settings
        return bool(self._bad_numbers()) or any(
            getattr(s, key) != value for key, value in self._form().items()
        )

    async def action_save(self) -> None:
        """Save every field (one write) and go back."""
        if not self.is_current:
            return  # saved once already; a key after that is not for this screen
        if isinstance(self.focused, Input):
            await drained(self.focused)  # the characters typed before Enter or Ctrl+S
        bad = self._bad_numbers()
        for field in bad:  # said under the field; nothing is saved until it is put right
            line = self.query_one(f"#{field}-error", Static)
            line.update(self.t(f"settings.{field}.bad"))
            line.display = True
        if bad:
            return
        s = self.sa.settings
        switch = self._form().get("language", s.language) != s.language
        for key, value in self._form().items():
            setattr(s, key, value)
        if s.theme in self.app.available_themes:
            self.app.theme = s.theme
        if self.sa.save_settings():
            self.sa.notify(self.t("notify.settings-saved"))
        self.app.pop_screen()
        if switch:
            await self.sa.apply_language()

    def keep_draft(self) -> bool:
        """Before the app quits or another screen takes over: ask about unsaved changes."""
        if self._changed():
            self.action_home()
            return False
        return True

    @work(exclusive=True, group="settings-leave")
    async def action_home(self) -> None:
        """Leave; changes that were not saved are thrown away only after a confirmation."""
        if self._changed():
            leave = await self.app.push_screen_wait(
                ConfirmScreen(self.t("confirm.unsaved"), self.t("confirm.unsaved.yes"), danger=True)
            )
            if not leave:
                return
        self.app.theme = self.sa.settings.theme
        self.app.pop_screen()


def _whole(text: str, low: int) -> int | None:
    """``text`` as a whole number from ``low`` to the largest the settings take, else ``None``;
    an empty team size is 0 (not given)."""
    text = text.strip()
    if not text and low == 0:
        return 0
    if not text.isdecimal() or len(text) > 6:
        return None
    value = int(text)
    return value if low <= value <= MAX_TEAM_NUMBER else None


def _or(value: int | None, saved: int) -> int:
    """``value``, or the saved one when the field holds no allowed number."""
    return saved if value is None else value
