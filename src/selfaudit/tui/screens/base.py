"""What every selfaudit screen shares: its language and its translated footer."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual.screen import Screen

from selfaudit.core.model import QuestionSet
from selfaudit.i18n.headline_text import headline_text
from selfaudit.store import Draft, SessionSummary, StoreError
from selfaudit.tui.screens.export import ExportScreen
from selfaudit.tui.translate import translate_bindings

if TYPE_CHECKING:
    from selfaudit.tui.app import SelfAuditApp


class BaseScreen(Screen[None]):
    """A screen that speaks the app's language and can switch it while shown.

    Screens keep their state in attributes, never only in widgets, so a language switch simply
    recomposes them.
    """

    HELP_TOPIC = "home"
    """Which section of the help file this screen's help shows."""

    def __init__(self) -> None:
        super().__init__()
        self.shown_lang = ""
        """The language the widgets were composed in."""

    @property
    def sa(self) -> SelfAuditApp:
        """The app, typed."""
        return cast("SelfAuditApp", self.app)

    def t(self, key: str, /, **values: object) -> str:
        """An interface string in the current language."""
        return self.sa.t(key, **values)

    @property
    def lang(self) -> str:
        """The interface language."""
        return self.sa.lang

    def on_mount(self) -> None:
        self.shown_lang = self.lang
        translate_bindings(self, self.lang)
        self.refresh_bindings()

    async def on_screen_resume(self) -> None:
        if self.shown_lang and self.shown_lang != self.lang:
            await self.apply_language()

    def save_draft(self, draft: Draft) -> bool:
        """Save ``draft``; on failure keep the answers in memory and offer a copy (False).

        Saved on the UI thread on purpose: a draft is a few hundred bytes, and an answer must be
        on disk before the next screen shows, so a crash can never lose one.
        """
        store = self.sa.store
        if store is None:
            return False
        try:
            store.save_draft(draft)
        except StoreError as exc:
            self.offer_export(draft, self.sa.error_text(exc))
            return False
        return True

    def save_and_release(self, draft: Draft) -> bool:
        """Save ``draft`` and release this window's lock on it, before its screen closes;
        ``False`` (and a copy offered) when saving failed."""
        if not self.save_draft(draft):
            return False
        store = self.sa.store
        if store is not None:
            store.close_draft(draft.id)
        return True

    def offer_export(self, draft: Draft, problem: str) -> None:
        """A save failed: say why and offer a copy of the answers in a folder the user picks.

        The answers stay in memory either way; ``selfaudit take SET --answers COPY`` reads the
        copy back later. The dialog runs in an app-level worker, so it stays when this screen
        is closed, and one dialog at a time is enough: it copies the draft as it is then.
        """
        if self._refresh_copy(draft):
            return
        if not any(isinstance(s, ExportScreen) for s in self.app.screen_stack):
            self.app.run_worker(self._export(draft, problem), group="export")

    def _refresh_copy(self, draft: Draft) -> bool:
        """Bring the copy up to date in the folder chosen earlier; whether that worked.

        Once a person has picked a folder, every later answer goes into the same copy without
        asking again (answering a whole set on a full disk must not mean one dialog per answer).
        """
        folder = self.sa.copy_folders.get(draft.id)
        store = self.sa.store
        if folder is None or store is None:
            return False
        try:
            store.export_draft(draft, folder)
        except StoreError:
            del self.sa.copy_folders[draft.id]
            return False
        return True

    async def _export(self, draft: Draft, problem: str) -> None:
        folder = await self.app.push_screen_wait(ExportScreen(problem, Path.home(), self.lang))
        self.sa.quit_warned = False
        store = self.sa.store
        if folder is None or store is None:
            return
        try:
            path = store.export_draft(draft, folder)
        except StoreError as exc:
            self.sa.notify(self.sa.error_text(exc), severity="error", markup=False, timeout=15)
            return
        self.sa.copy_folders[draft.id] = folder
        self.sa.notify(self.t("save.exported", path=str(path)), markup=False, timeout=20)

    @property
    def open_draft(self) -> Draft | None:
        """The unfinished draft this screen is showing, if any (override)."""
        return None

    def headline(self, qset: QuestionSet | None, s: SessionSummary) -> str:
        """A saved session's headline in the interface language."""
        return headline_text(
            levels=len(qset.dimensions) if qset else 0,
            level=s.level,
            annual_cost=s.annual_cost,
            enps_answer=s.enps_answer,
            scores=s.scores,
            lang=self.lang,
            currency=self.sa.settings.currency,
        )

    def keep_draft(self) -> bool:
        """Save what is on screen but not yet saved, before the app quits (override).

        Returns whether it is safe to leave.
        """
        return True

    def leave(self) -> bool:
        """Save what this screen holds and release its draft, before it is closed (override).

        Returns whether it is safe to close the screen.
        """
        return self.keep_draft()

    def remember_state(self) -> None:
        """Copy what is typed into widgets into attributes before a recompose (override)."""

    async def apply_language(self) -> None:
        """Show this screen in the app's current language."""
        if self.shown_lang == self.lang:
            return
        self.remember_state()
        self.shown_lang = self.lang
        translate_bindings(self, self.lang)
        await self.recompose()
        self.after_recompose()
        self.refresh_bindings()

    def after_recompose(self) -> None:
        """Restore focus and the like after a language switch (override)."""
