"""The home screen: drafts to resume, the available sets, their last result and next check-in."""

from __future__ import annotations

import datetime as dt

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from selfaudit.core.model import QuestionSet
from selfaudit.i18n import fmt_date, fmt_money
from selfaudit.store import Draft, DraftBusy, SessionSummary, StoreError
from selfaudit.tui.screens.base import BaseScreen


class HomeScreen(BaseScreen):
    """Lists drafts in progress and every set with what it tells you."""

    HELP_TOPIC = "home"
    BINDINGS = [
        Binding("enter", "open", "Open", show=True, key_display="⏎"),
        Binding("d", "discard", "Discard draft"),
        Binding("s", "settings", "Settings"),
        Binding("h", "history", "History"),
        Binding("l", "language", "Language"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.drafts: list[Draft] = []
        self.last: dict[str, SessionSummary] = {}
        self.highlighted_id: str | None = None
        self._read_store()

    def _read_store(self) -> None:
        self.drafts, self.last = [], {}
        store = self.sa.store if self.is_attached else None
        if store is None:
            return
        try:
            self.drafts = [d for d in store.drafts() if self.sa.catalog.get(d.set_id)]
            for summary in store.sessions():
                self.last.setdefault(summary.set_id, summary)
        except StoreError as exc:
            self.sa.notify(str(exc), severity="error", markup=False)

    @property
    def is_attached(self) -> bool:
        """Whether the app is reachable (screens are built before they are pushed)."""
        try:
            return self.app is not None
        except Exception:
            return False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self._who_line(), id="who", markup=False)
        if self.sa.store_error:
            yield Static(self.sa.store_error, id="store-error", markup=False)
        yield OptionList(*self._options(), id="home-list")
        yield Footer()

    def _who_line(self) -> Text:
        s = self.sa.settings
        who = s.respondent.strip() or self.t("home.pseudonym")
        line = Text(self.t("home.who", name=who))
        line.append("  ·  ")
        line.append(self.t("home.team", team=s.team.strip() or self.t("home.no-team")))
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
        cadence = self.sa.settings.cadence_days
        if summary is None:
            return self.t("home.never") + (f" · {self.t('home.due-now')}" if cadence else "")
        line = self.t(
            "home.last",
            date=fmt_date(summary.completed_at, self.lang),
            headline=self._headline(qset, summary),
        )
        if cadence:
            due = summary.completed_at + dt.timedelta(days=cadence)
            key = "home.overdue" if due <= self.sa.clock() else "home.due"
            line += " · " + self.t(key, date=fmt_date(due, self.lang))
        return line

    def _headline(self, qset: QuestionSet, s: SessionSummary) -> str:
        if s.level is not None:
            return self.t("home.headline.level", level=s.level, total=len(qset.dimensions))
        if s.annual_cost is not None:
            cost = fmt_money(s.annual_cost, self.lang, self.sa.settings.currency)
            return self.t("home.headline.cost", cost=cost)
        if s.enps_answer is not None:
            return self.t("home.headline.enps", answer=s.enps_answer)
        if s.scores:
            mean = sum(s.scores.values()) / len(s.scores)
            return self.t("home.headline.mean", score=round(mean))
        return self.t("home.headline.none")

    # -- behaviour ------------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.query_one("#home-list", OptionList).focus()
        self._highlight_first()

    def _highlight_first(self) -> None:
        option_list = self.query_one("#home-list", OptionList)
        if self.highlighted_id:
            try:
                option_list.highlighted = option_list.get_option_index(self.highlighted_id)
                return
            except Exception:
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
        self.remember_state()
        before = {d.id for d in self.drafts}
        self._read_store()
        fresh = [d for d in self.drafts if d.id not in before]
        if fresh:  # a set was just left half-way: offer to continue it
            self.highlighted_id = f"draft:{fresh[0].id}"
        option_list = self.query_one("#home-list", OptionList)
        option_list.set_options(self._options())
        self.query_one("#who", Static).update(self._who_line())
        self._highlight_first()

    async def on_screen_resume(self) -> None:
        await super().on_screen_resume()
        if self.is_mounted:
            self.reload()

    @on(OptionList.OptionHighlighted, "#home-list")
    def _highlighted(self) -> None:
        self.refresh_bindings()

    @on(OptionList.OptionSelected, "#home-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
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
            self.resume(key)

    def resume(self, draft_id: str) -> None:
        """Open a draft where it was left."""
        store = self.sa.store
        if store is None:
            return
        try:
            draft = store.open_draft(draft_id)
        except DraftBusy as exc:
            self.sa.notify(str(exc), severity="warning", markup=False)
            return
        except StoreError as exc:
            self.sa.notify(str(exc), severity="error", markup=False)
            return
        qset = self.sa.catalog.get(draft.set_id)
        if qset is None:
            store.close_draft(draft_id)
            return
        if draft.set_hash and draft.set_hash != qset.content_hash:
            self.sa.notify(self.t("notify.set-changed"), severity="warning")
        from selfaudit.tui.screens.question import QuestionScreen

        self.app.push_screen(QuestionScreen(qset, draft))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "discard":
            option = self.query_one("#home-list", OptionList).highlighted_option
            return bool(option and (option.id or "").startswith("draft:"))
        return True

    @work
    async def action_discard(self) -> None:
        """Throw away the highlighted draft, after a confirmation."""
        option = self.query_one("#home-list", OptionList).highlighted_option
        if option is None or not (option.id or "").startswith("draft:"):
            return
        from selfaudit.tui.screens.confirm import ConfirmScreen

        draft_id = option.id.partition(":")[2]  # type: ignore[union-attr]
        ok = await self.app.push_screen_wait(
            ConfirmScreen(self.t("confirm.discard"), self.t("confirm.discard.yes"), danger=True)
        )
        store = self.sa.store
        if not ok or store is None:
            return
        try:
            store.discard_draft(draft_id)
        except StoreError as exc:
            self.sa.notify(str(exc), severity="error", markup=False)
            return
        self.sa.notify(self.t("notify.discarded"))
        self.reload()

    def action_settings(self) -> None:
        """Open the settings screen."""
        self.sa.open_settings()

    def action_history(self) -> None:
        """Open the list of saved sessions."""
        self.sa.open_history()

    async def action_language(self) -> None:
        """Switch between English and Dutch."""
        await self.sa.set_language("nl" if self.lang == "en" else "en")
