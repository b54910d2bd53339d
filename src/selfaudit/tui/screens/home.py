"""The home screen: drafts to resume, the available sets, their last result and next check-in."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist
from textual.worker import get_current_worker

from selfaudit.core.checkin import next_check_in
from selfaudit.core.model import QuestionSet
from selfaudit.core.text import visible
from selfaudit.i18n import fmt_date
from selfaudit.i18n.formatting import fmt_date_time
from selfaudit.store import Draft, SessionSummary, StoreError
from selfaudit.teamstore.config import shown_config
from selfaudit.teamstore.state import last_sync
from selfaudit.tui.screens.base import BaseScreen
from selfaudit.tui.screens.confirm import ConfirmScreen
from selfaudit.tui.widgets.ordered_option_list import OrderedOptionList
from selfaudit.tui.widgets.title_header import TitleHeader


class HomeScreen(BaseScreen):
    """Lists drafts in progress and every set with what it tells you."""

    HELP_TOPIC = "home"
    BINDINGS = [
        Binding("enter", "open", "Open", show=True, key_display="⏎"),
        Binding("d", "discard", "Discard draft", priority=True),
        Binding("s", "settings", "Settings", priority=True),
        Binding("h", "history", "History", priority=True),
        Binding("t", "trend", "Trend", priority=True),
        Binding("l", "language", "Language", priority=True),
    ]

    @dataclass
    class Loaded(Message):
        """Drafts and each set's latest session, read from the store off the UI thread."""

        drafts: list[Draft]
        last: dict[str, SessionSummary]
        pseudonym: str
        error: str
        syncs: bool = False
        """Whether a team store is set up."""
        synced_at: dt.datetime | None = None
        """When the last sync with it finished (``None``: not yet)."""

    def __init__(self) -> None:
        super().__init__()
        self.drafts: list[Draft] = []
        self.last: dict[str, SessionSummary] = {}
        self.loaded = False
        """Whether the store has been read at least once."""
        self.pseudonym = ""
        """This install's pseudonym, saved with sessions when the user gives no name."""
        self.highlighted_id: str | None = None
        self.syncs = False
        """Whether a team store is set up."""
        self.synced_at: dt.datetime | None = None
        """When the last sync finished, if ever (shown in the language of the moment)."""

    @work(thread=True, exclusive=True, group="home-load")
    def load(self) -> None:
        """Read drafts and sessions in a thread: over a long history this takes a moment."""
        store = self.sa.store
        drafts: list[Draft] = []
        last: dict[str, SessionSummary] = {}
        error = pseudonym = ""
        syncs, synced_at = False, None
        if store is not None:
            try:
                drafts = [d for d in store.drafts() if self.sa.catalog.get(d.set_id)]
                pseudonym = store.pseudonym()
                last = store.latest_by_set(pseudonym)  # my own: not a teammate's in this store
            except StoreError as exc:
                error = self.sa.error_text(exc)
            syncs = shown_config() is not None
            synced_at = last_sync(store.root) if syncs else None
        if not get_current_worker().is_cancelled:  # a newer read replaced this one
            self.post_message(self.Loaded(drafts, last, pseudonym, error, syncs, synced_at))

    def on_home_screen_loaded(self, message: Loaded) -> None:
        """Show what was read; a draft that just appeared (a set left half-way) is offered."""
        if message.error:
            self.sa.notify(message.error, severity="error", markup=False)
        shown = self.query("#home-list").results(OptionList)
        option_list = next(iter(shown), None)  # absent while a language switch recomposes
        if option_list is not None and self.loaded:
            self.remember_state()  # before the first load the cursor only sat on a placeholder
        fresh = [d for d in message.drafts if d.id not in {x.id for x in self.drafts}]
        if fresh and self.loaded:
            self.highlighted_id = f"draft:{fresh[0].id}"
        first_read = not self.loaded
        self.drafts, self.last, self.loaded = message.drafts, message.last, True
        self.pseudonym = message.pseudonym
        self.syncs, self.synced_at = message.syncs, message.synced_at
        for who in self.query("#who").results(Static):
            who.update(self._who_line())
        if option_list is not None:
            option_list.set_options(self._options())
            self._highlight_first()
        if first_read:
            self.sa.keys_may_flow(self)  # keys typed before the list was read act on it now

    @property
    def ready_for_keys(self) -> bool:
        """Keys wait until the drafts are read: they come first in the list, and an Enter typed
        before would open whatever happened to be first (see :mod:`selfaudit.tui.key_order`)."""
        return self.loaded

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        yield Static(self._who_line(), id="who", markup=False)
        if self.sa.store_error:
            yield Static(visible(self.sa.store_error), id="store-error", markup=False)
        yield OrderedOptionList(*self._options(), id="home-list")
        yield Footer(compact=True)

    def _who_line(self) -> Text:
        s = self.sa.settings
        who = s.respondent.strip() or self.t("home.pseudonym", pseudonym=self.pseudonym or "…")
        line = Text(self.t("home.who", name=visible(who)))
        line.append("  ·  ")
        team = visible(s.team.strip()) or self.t("home.no-team")
        line.append(self.t("home.team", team=team))
        if self.syncs:
            line.append("  ·  ")
            when = self.synced_at
            line.append(
                self.t("home.last-sync", when=fmt_date_time(when, self.lang))
                if when is not None
                else self.t("home.never-synced")
            )
        line.append("  ·  ")
        line.append(self.t("home.settings-hint"), style="dim")
        return line

    def _options(self) -> list[Option | None]:
        options: list[Option | None] = []
        if self.drafts:
            options.append(
                Option(Text(self.t("home.drafts"), style="bold underline"), disabled=True)
            )
            for draft in self.drafts:
                options.append(Option(self._draft_prompt(draft), id=f"draft:{draft.id}"))
            options.append(None)
        options.append(Option(Text(self.t("home.sets"), style="bold underline"), disabled=True))
        for qset in self.sa.catalog.sets.values():
            options.append(Option(self._set_prompt(qset), id=f"set:{qset.id}"))
        return options

    def _draft_prompt(self, draft: Draft) -> Text:
        qset = self.sa.catalog.get(draft.set_id)
        assert qset is not None
        total = len(qset.items)
        text = Text("↻ ", style="bold")
        text.append(qset.t(qset.title, self.lang), style="bold")
        text.append("\n  ")
        text.append(
            self.t(
                "home.draft-line",
                position=min(draft.position + 1, total),
                total=total,
                answered=len(draft.answers),
                date=fmt_date(draft.updated_at, self.lang),
            ),
            style="dim",
        )
        return text

    def _set_prompt(self, qset: QuestionSet) -> Group:
        title = Text("▸ ", style="bold")
        title.append(qset.t(qset.title, self.lang), style="bold")
        details = [self.t("home.items", count=len(qset.items))]
        if qset.minutes:
            details.append(self.t("home.minutes", minutes=qset.minutes))
        title.append(f"  ({', '.join(details)})", style="dim")
        body = Text(qset.t(qset.summary, self.lang))
        body.append("\n")
        body.append(self._last_line(qset), style="italic")
        # Padding keeps the indent on every wrapped line of the summary, not just the first.
        return Group(title, Padding(body, (0, 0, 0, 2)))

    def _last_line(self, qset: QuestionSet) -> str:
        summary = self.last.get(qset.id)
        check_in = next_check_in(
            summary.completed_at if summary else None,
            self.sa.settings.cadence_days,
            self.sa.clock(),
        )
        if summary is None:
            line = self.t("home.never")
        else:
            line = self.t(
                "home.last",
                date=fmt_date(summary.completed_at, self.lang),
                headline=self.headline(qset, summary),
            )
        if check_in is not None and check_in.due is None:
            line += f" · {self.t('home.due-now')}"
        elif check_in is not None and check_in.due is not None:
            key = "home.overdue" if check_in.overdue else "home.due"
            line += " · " + self.t(key, date=fmt_date(check_in.due, self.lang))
        return line

    # -- behaviour ------------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.query_one("#home-list", OptionList).focus()
        self._highlight_first()
        self.load()

    def _highlight_first(self) -> None:
        option_list = self.query_one("#home-list", OptionList)
        if self.highlighted_id:
            try:
                option_list.highlighted = option_list.get_option_index(self.highlighted_id)
                return
            except OptionDoesNotExist:
                pass
        for index, option in enumerate(option_list.options):
            if not option.disabled:
                option_list.highlighted = index
                break

    def remember_state(self) -> None:
        option = self.query_one("#home-list", OptionList).highlighted_option
        self.highlighted_id = option.id if option else None

    def after_recompose(self) -> None:
        self.query_one("#home-list", OptionList).focus()
        self._highlight_first()

    def reload(self) -> None:
        """Re-read drafts and sessions (after a set was finished or a draft discarded)."""
        self.query_one("#who", Static).update(self._who_line())
        self.load()

    async def on_screen_resume(self) -> None:
        # Textual also runs BaseScreen's handler (it dispatches along the class hierarchy).
        if self.is_mounted:
            self.reload()

    @on(OptionList.OptionHighlighted, "#home-list")
    def _highlighted(self) -> None:
        self.refresh_bindings()

    @on(OptionList.OptionSelected, "#home-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if self.is_current:  # a click or key meant for this screen, not for one over it
            self._open(event.option.id or "")

    def action_open(self) -> None:
        """Open the highlighted draft or set."""
        option = self.query_one("#home-list", OptionList).highlighted_option
        if option is not None and option.id:
            self._open(option.id)

    def _open(self, option_id: str) -> None:
        kind, _, key = option_id.partition(":")
        if kind == "set":
            self.sa.start_set(key)
        elif kind == "draft":
            self.sa.resume(key)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "discard":
            option = self.query_one("#home-list", OptionList).highlighted_option
            return bool(option and (option.id or "").startswith("draft:"))
        if action == "trend":  # offered once the set has a session of mine
            return self._highlighted_set() in self.last
        return True

    def action_discard(self) -> None:
        """Throw away the highlighted draft, after a confirmation.

        The question is pushed at once, so a key typed right after ``d`` answers it.
        """
        option = self.query_one("#home-list", OptionList).highlighted_option
        if option is None or not (option.id or "").startswith("draft:"):
            return
        draft_id = option.id.partition(":")[2]  # type: ignore[union-attr]
        draft = next((d for d in self.drafts if d.id == draft_id), None)
        qset = self.sa.catalog.get(draft.set_id) if draft else None
        if draft is None or qset is None:
            return
        question = self.t(
            "confirm.discard",
            title=qset.t(qset.title, self.lang),
            answered=len(draft.answers),
            date=fmt_date(draft.updated_at, self.lang),
        )
        self.app.push_screen(
            ConfirmScreen(question, self.t("confirm.discard.yes"), danger=True),
            callback=functools.partial(self._discard, draft_id),
        )

    def _discard(self, draft_id: str, ok: bool | None) -> None:
        store = self.sa.store
        if not ok or store is None:
            return
        try:
            store.discard_draft(draft_id)
        except StoreError as exc:
            self.sa.notify(self.sa.error_text(exc), severity="error", markup=False)
            return
        self.sa.notify(self.t("notify.discarded"))
        self.reload()

    def action_settings(self) -> None:
        """Open the settings screen."""
        self.sa.open_settings()

    def action_trend(self) -> None:
        """Open my trend of the highlighted set (or of the highlighted draft's set)."""
        set_id = self._highlighted_set()
        if set_id:
            self.sa.open_trend(set_id)

    def _highlighted_set(self) -> str:
        """The set of the highlighted entry, if it is a set or a draft."""
        option = self.query_one("#home-list", OptionList).highlighted_option
        kind, _, key = (option.id or "").partition(":") if option else ("", "", "")
        if kind == "set":
            return key
        draft = next((d for d in self.drafts if d.id == key), None) if kind == "draft" else None
        return draft.set_id if draft else ""

    def action_history(self) -> None:
        """Open the list of saved sessions."""
        self.sa.open_history()

    async def action_language(self) -> None:
        """Switch between English and Dutch."""
        await self.sa.set_language("nl" if self.lang == "en" else "en")
