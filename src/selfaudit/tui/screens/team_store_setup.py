"""Set up the team store once: a shared folder or a git repository, and the team to pull.

The same setting ``selfaudit sync --folder PATH`` or ``--git URL`` saves; the screen says plainly,
before anything is saved, that anyone with access to that folder or repository can read every
session in it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Input, Static

from selfaudit.core.text import visible
from selfaudit.settings import MAX_TEXT
from selfaudit.teamstore.config import ConfigError, config_for, save_config
from selfaudit.tui.screens.base import BaseScreen
from selfaudit.tui.settle import drained
from selfaudit.tui.widgets.ordered_input import OrderedInput
from selfaudit.tui.widgets.title_header import TitleHeader


class TeamStoreSetupScreen(BaseScreen):
    """Enter saves the team store and goes back to the sync; Esc goes back without saving."""

    HELP_TOPIC = "home"
    BINDINGS = [
        Binding("escape", "back", "Back", priority=True),
        Binding("enter", "save", "Save", priority=True, key_display="⏎"),
    ]

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        with VerticalScroll(id="setup-box"):
            yield Static(self.t("setup.title"), classes="title", markup=False)
            yield Static(self.t("setup.who-can-read"), classes="warning", markup=False)
            yield Static(self.t("setup.where"), classes="field-label", markup=False)
            yield OrderedInput(
                "", id="where", max_length=4096, placeholder=self.t("setup.where.placeholder")
            )
            yield Static(self.t("setup.team"), classes="field-label", markup=False)
            yield OrderedInput(self.sa.settings.team, id="team", max_length=MAX_TEXT)
            yield Static("", id="setup-error", classes="error", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.set_focus(self.query_one("#where", Input))

    async def action_save(self) -> None:
        """Enter: save the team store (one sentence under the fields when it cannot be)."""
        if not self.is_current:
            return  # saved once already; this key came after it
        if isinstance(self.focused, Input):
            await drained(self.focused)  # the characters typed before Enter
        where = self.query_one("#where", Input).value.strip()
        team = self.query_one("#team", Input).value.strip()
        error = self.query_one("#setup-error", Static)
        if not where:
            error.update(self.t("setup.empty"))
            return
        if not team:
            error.update(self.t("setup.no-team"))
            return
        config = config_for(where, team)
        try:
            save_config(config)
        except ConfigError as exc:
            error.update(visible(str(exc)))
            return
        saved = "setup.saved.git" if config.remote else "setup.saved.folder"
        self.sa.notify(self.t(saved, where=visible(config.where)), markup=False)
        self.app.pop_screen()

    def action_back(self) -> None:
        """Back to the sync screen; nothing is saved."""
        self.app.pop_screen()
