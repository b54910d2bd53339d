"""The selfaudit Textual application and the one factory that builds it."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
from collections.abc import Sequence
from pathlib import Path

from textual.binding import Binding
from textual.command import CommandPalette
from textual.notifications import SeverityLevel

from selfaudit.core.answers import usable_answers
from selfaudit.core.text import visible
from selfaudit.i18n import t
from selfaudit.i18n.catalog import CATALOGS
from selfaudit.questionnaires import Catalog, load_catalog
from selfaudit.settings import Settings, SettingsError, load_settings, save_settings
from selfaudit.store import DraftBusy, Store, StoreError
from selfaudit.tui.clock import Clock, system_clock
from selfaudit.tui.commands import SelfAuditCommands
from selfaudit.tui.key_order import OrderedKeysApp
from selfaudit.tui.palette import TranslatedCommandPalette
from selfaudit.tui.screens.base import BaseScreen
from selfaudit.tui.screens.export import ExportScreen
from selfaudit.tui.screens.export_sessions import ExportSessionsScreen
from selfaudit.tui.screens.help import HelpScreen
from selfaudit.tui.screens.history import HistoryScreen
from selfaudit.tui.screens.home import HomeScreen
from selfaudit.tui.screens.import_sessions import ImportScreen
from selfaudit.tui.screens.intro import IntroScreen
from selfaudit.tui.screens.question import QuestionScreen
from selfaudit.tui.screens.results import ResultsScreen
from selfaudit.tui.screens.settings import SettingsScreen
from selfaudit.tui.screens.sync import SyncScreen
from selfaudit.tui.translate import translate_bindings

#: Seconds an orderly exit after SIGTERM/SIGHUP may take before the process is ended anyway.
SIGNAL_EXIT_GRACE = 3.0


class SelfAuditApp(OrderedKeysApp[int]):
    """Home screen, the guided self-audit and its results."""

    CSS_PATH = "app.tcss"
    TITLE = "selfaudit"
    COMMANDS = {SelfAuditCommands}
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("f1", "help", "Help"),
        Binding("question_mark", "help", "Help", show=False),
        Binding("ctrl+p", "command_palette", "Commands", show=False, priority=True),
        # Focus moves in key order with the priority keys of the screens (see key_order).
        Binding("tab", "focus_next", show=False, priority=True),
        Binding("shift+tab", "focus_previous", show=False, priority=True),
    ]

    def __init__(
        self,
        catalog: Catalog,
        *,
        data_dir: Path | None = None,
        settings: Settings | None = None,
        settings_warning: str | None = None,
        clock: Clock = system_clock,
        handle_signals: bool = False,
    ) -> None:
        super().__init__()
        self.catalog = catalog
        """Every question set available to this run."""
        self.data_dir = data_dir
        """The store's folder when given on the command line."""
        self.settings = settings or Settings()
        """The user's settings, saved whenever they change."""
        self.settings_warning = settings_warning
        """One sentence about a broken settings file, shown once at start."""
        self.clock = clock
        """Where "now" comes from (frozen in snapshot tests)."""
        self.handle_signals = handle_signals
        """Install SIGTERM/SIGHUP handlers (only the real program; tests run in-process)."""
        self.store: Store | None = None
        """The session store (set on mount; when it could not be made, see :attr:`store_error`)."""
        self.store_error = ""
        self.quit_warned = False
        self.copy_folders: dict[str, Path] = {}
        """Per draft id, the folder its copy went to after a failed save (kept up to date)."""
        """Whether Ctrl+Q already warned that the answers of a failed save are not on disk."""
        self.theme = (
            self.settings.theme
            if self.settings.theme in self.available_themes
            else ("textual-dark")
        )
        translate_bindings(self, self.lang)

    # -- language -------------------------------------------------------------------------------

    @property
    def lang(self) -> str:
        """The interface language."""
        return self.settings.language

    def t(self, key: str, /, **values: object) -> str:
        """An interface string in the current language."""
        return t(self.lang, key, **values)

    async def set_language(self, lang: str) -> None:
        """Switch every screen to ``lang`` and remember the choice."""
        if lang == self.lang:
            return
        self.settings.language = lang
        self.save_settings()
        await self.apply_language()

    async def apply_language(self) -> None:
        """Show every screen, the footer and the palette in the settings' language."""
        translate_bindings(self, self.lang)
        self.refresh_bindings()
        for screen in self.screen_stack:
            if isinstance(screen, BaseScreen):
                await screen.apply_language()
        self.notify(self.t("notify.language"))

    def error_text(self, exc: StoreError) -> str:
        """A store error in the interface language (the store's English sentence otherwise)."""
        return self.in_language(f"error.{exc.code}", str(exc), path=str(exc.path or ""))

    def in_language(self, key: str, english: str, **values: object) -> str:
        """``key`` in the interface language when the catalogs have it (in either count form),
        else ``english``: a problem's sentence, by its code when it has a known one."""
        if not {key, f"{key}.one"} & CATALOGS["en"].keys():
            return english
        return self.t(key, **values)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """A notification; a file name or a team in it is shown as typed, never obeyed."""
        super().notify(
            visible(message, line_breaks=True),
            title=visible(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    def set_theme(self, name: str) -> None:
        """Use a theme and remember it."""
        if name not in self.available_themes:
            return
        self.theme = name
        self.settings.theme = name
        self.save_settings()

    def save_settings(self) -> bool:
        """Persist the settings; a failure is shown, never raised."""
        try:
            save_settings(self.settings)
        except SettingsError as exc:
            self.notify(str(exc), severity="error", timeout=10, markup=False)
            return False
        return True

    # -- lifecycle ------------------------------------------------------------------------------

    def on_mount(self) -> None:
        try:
            self.store = Store.open(self.data_dir)
        except StoreError as exc:
            self.store_error = self.error_text(exc)
            # Reading what is there may still work; writing fails with a reason, and answers
            # are then kept in memory with a copy offered (see BaseScreen.offer_export).
            self.store = Store.open(self.data_dir, create=False)
        if self.handle_signals:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGTERM, signal.SIGHUP):
                with contextlib.suppress(NotImplementedError, RuntimeError):
                    loop.add_signal_handler(sig, self._exit_on_signal, sig)
        self.push_screen(HomeScreen())
        if self.settings_warning:
            self.notify(self.settings_warning, severity="warning", timeout=15, markup=False)
        broken = self.catalog.broken_files
        if broken:
            # Long enough to read a path; Settings keeps the list for later.
            files = ", ".join(broken)
            self.notify(
                self.t("notify.broken-sets", count=len(broken), files=files),
                severity="warning",
                timeout=30,
                markup=False,
            )

    def respondent(self) -> str:
        """The name saved with a session: the user's own, else this install's pseudonym."""
        if self.settings.respondent.strip():
            return self.settings.respondent.strip()
        if self.store is not None:
            with contextlib.suppress(StoreError):
                return self.store.pseudonym()
        return ""

    def release(self) -> None:
        """Release every draft lock this window holds (drafts stay on disk)."""
        if self.store is not None:
            with contextlib.suppress(Exception):
                self.store.close()

    def _exit_on_signal(self, sig: int) -> None:
        """SIGTERM or SIGHUP: release the locks and leave; every answer is already saved.

        After a hangup the terminal is gone, and Textual's shutdown can then block for ever on
        its output thread; a watchdog ends the process if the orderly exit has not within 3 s.
        """
        code = 128 + int(sig)
        screen = self._working_screen()
        if screen is not None:
            with contextlib.suppress(Exception):  # leaving anyway; answers are already saved
                screen.keep_draft()
        self.release()
        watchdog = threading.Timer(SIGNAL_EXIT_GRACE, os._exit, args=(code,))
        watchdog.daemon = True
        watchdog.start()
        self.exit(return_code=code)

    def _working_screen(self) -> BaseScreen | None:
        """The topmost of our screens, also when a dialog (help, a note, ...) is over it."""
        return next((s for s in reversed(self.screen_stack) if isinstance(s, BaseScreen)), None)

    async def action_quit(self) -> None:
        """Quit: every answer is already saved; what a screen holds unsaved is saved first.

        When saving fails, the answers exist only in this window: the export dialog is offered,
        and a second Ctrl+Q while it is open quits without a copy.
        """
        if any(isinstance(s, ExportScreen) for s in self.screen_stack):
            if self.quit_warned:
                self.exit_cleanly()
                return
            self.quit_warned = True
            self.notify(self.t("notify.quit-unsaved"), severity="warning", timeout=15)
            return
        screen = self._working_screen()
        if screen is not None and not screen.keep_draft():
            return  # the save failed: the export dialog opens, the answers are in memory
        self.exit_cleanly()

    def exit_cleanly(self) -> None:
        """Release the draft locks and leave with exit code 0."""
        self.release()
        self.exit(0)

    def on_unmount(self) -> None:
        self.release()

    # -- actions shared by all screens -------------------------------------------------------------

    def action_help(self) -> None:
        """Show the help for the current screen."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_command_palette(self) -> None:
        """Open the command palette with a translated placeholder."""
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(TranslatedCommandPalette(self.lang))

    def go_home(self) -> bool:
        """Back to the home screen, refreshed; each screen left saves what it holds first.

        Returns ``False`` when a screen could not save (its export dialog is then open).
        """

        while len(self.screen_stack) > 2 and not isinstance(self.screen, HomeScreen):
            screen = self.screen
            if isinstance(screen, BaseScreen) and not screen.leave():
                return False
            self.pop_screen()
        if isinstance(self.screen, HomeScreen):
            self.screen.reload()
        return True

    def start_set(self, set_id: str) -> None:
        """Show a set's introduction (from anywhere), offering an unfinished draft of it first."""
        qset = self.catalog.get(set_id)
        if qset is None:
            return
        # A draft of this set open right now is the one to continue (the home list may not
        # have caught up with a set started a moment ago).
        shown = [s.open_draft for s in self.screen_stack if isinstance(s, BaseScreen)]
        unfinished = next((d.id for d in shown if d is not None and d.set_id == set_id), None)
        if not self.go_home():
            return
        home = self.screen
        drafts = home.drafts if isinstance(home, HomeScreen) else []
        unfinished = unfinished or next((d.id for d in drafts if d.set_id == set_id), None)
        self.push_screen(IntroScreen(qset, unfinished))

    def resume(self, draft_id: str) -> None:
        """Open a draft where it was left: at its question, or at its unsaved results."""
        store = self.store
        if store is None:
            return
        try:
            draft = store.open_draft(draft_id)
        except DraftBusy as exc:
            self.notify(self.error_text(exc), severity="warning", markup=False)
            return
        except StoreError as exc:
            self.notify(self.error_text(exc), severity="error", markup=False)
            return
        qset = self.catalog.get(draft.set_id)
        if qset is None:
            store.close_draft(draft_id)
            return
        if draft.set_hash and draft.set_hash != qset.content_hash:
            answers, dropped = usable_answers(qset, draft.answers)
            draft.answers = answers
            # From now on the draft belongs to this version: the warning is given once.
            draft.set_version, draft.set_hash = qset.version, qset.content_hash
            if dropped:
                warning = self.t("notify.set-changed-dropped", count=len(dropped))
            else:
                warning = self.t("notify.set-changed")
            self.notify(warning, severity="warning")
        if draft.position >= len(qset.items):
            self.push_screen(ResultsScreen(qset, draft=draft))
        elif draft.followups and not draft.answers and draft.position == 0:
            # Left while saying how last time's actions went: back to that.
            from selfaudit.tui.screens.follow_up import FollowUpScreen

            self.push_screen(FollowUpScreen(qset, draft))
        else:
            self.push_screen(QuestionScreen(qset, draft))

    def open_settings(self) -> None:
        """Show the settings screen."""
        if not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen())

    def open_history(self) -> None:
        """Show the saved sessions."""
        if not isinstance(self.screen, HistoryScreen):
            self.push_screen(HistoryScreen())

    def open_export(self, chosen: Sequence[str] = (), marked: bool = False) -> None:
        """Export sessions (``chosen``: those ``marked`` in History, or the one highlighted
        there, offered first): first what would leave, then the file or files."""
        if not isinstance(self.screen, ExportSessionsScreen):
            self.push_screen(ExportSessionsScreen(chosen, marked))

    def open_import(self) -> None:
        """Import sessions from files or a folder, showing progress and what became of each."""
        if not isinstance(self.screen, ImportScreen):
            self.push_screen(ImportScreen())

    def open_sync(self) -> None:
        """Sync with the team store, showing its progress and what it did."""
        if not isinstance(self.screen, SyncScreen):
            self.push_screen(SyncScreen())

    def open_team(self, set_id: str) -> None:
        """Show the team view of one set for my team (see :meth:`_my_team`)."""
        qset, team = self.catalog.get(set_id), self._my_team()
        if qset is None or team is None:
            return
        # Imported when opened, like the trend.
        from selfaudit.tui.screens.team import TeamScreen

        self.push_screen(TeamScreen(qset, team))

    def open_gap(self, set_id: str) -> None:
        """Show the gap view of a set asked from both sides for my team."""
        qset, team = self.catalog.get(set_id), self._my_team()
        if qset is None or team is None or not qset.mirrored():
            return
        # Imported when opened, like the trend.
        from selfaudit.tui.screens.gap import GapScreen

        self.push_screen(GapScreen(qset, team))

    def _my_team(self) -> str | None:
        """The team of the settings, else the one the team store pulls (a lead may have set
        only that, with ``selfaudit sync --team``); ``None``, saying where to set it, when
        there is neither."""
        from selfaudit.teamstore.config import pulled_team  # a file read only for these views

        team = self.settings.team.strip() or pulled_team().strip()
        if not team:
            self.notify(self.t("notify.no-team"), severity="warning")
            return None
        return team

    def open_trend(self, set_id: str) -> None:
        """Show my trend of one set."""
        qset = self.catalog.get(set_id)
        if qset is None:
            return
        # Imported when opened: the home screen starts without the trend's code and views.
        from selfaudit.tui.screens.trend import TrendScreen

        if not (isinstance(self.screen, TrendScreen) and self.screen.qset.id == set_id):
            self.push_screen(TrendScreen(qset))


def create_app(
    data_dir: str | Path | None = None,
    *,
    catalog: Catalog | None = None,
    clock: Clock | None = None,
    settings: Settings | None = None,
    handle_signals: bool = False,
) -> SelfAuditApp:
    """The one factory used by the CLI and the tests.

    ``clock`` freezes the dates shown on screen; ``settings`` skips reading the settings file.
    """
    warning = None
    if settings is None:
        settings, warning = load_settings()
    return SelfAuditApp(
        catalog if catalog is not None else load_catalog(),
        data_dir=Path(data_dir) if data_dir else None,
        settings=settings,
        settings_warning=warning,
        clock=clock or system_clock,
        handle_signals=handle_signals,
    )
