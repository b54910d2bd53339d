"""Help: what the current screen is for and every key it offers, in the user's language."""

from __future__ import annotations

from importlib import resources

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Markdown

from selfaudit.i18n import t
from selfaudit.tui.translate import label_for, translate_bindings


def help_text(lang: str, topic: str) -> str:
    """The help section for ``topic`` from ``help_<lang>.md`` (sections start with ``## topic``)."""
    name = f"help_{lang}.md"
    files = resources.files("selfaudit.tui")
    source = files / name if (files / name).is_file() else files / "help_en.md"
    text = source.read_text(encoding="utf-8")
    sections = text.split("\n## ")
    intro = sections[0]
    for section in sections[1:]:
        head, _, body = section.partition("\n")
        if head.strip().lower() == topic:
            return f"{intro}\n{body}"
    return intro


def keys_table(screen: Screen[object], lang: str) -> str:
    """A markdown table of the keys that work on ``screen`` and everywhere."""
    rows: list[str] = []
    seen: set[tuple[str, str]] = set()
    for node in (screen, screen.app):
        for key, bindings in node._bindings.key_to_bindings.items():
            for binding in bindings:
                label = label_for(binding.action, lang)
                if not label or (key, label) in seen:
                    continue
                seen.add((key, label))
                shown = binding.key_display or screen.app.get_key_display(binding)
                rows.append(f"| `{shown}` | {label} |")
    head = f"| {t(lang, 'help.key')} | {t(lang, 'help.does')} |\n|---|---|"
    return head + "\n" + "\n".join(rows)


class HelpScreen(ModalScreen[None]):
    """Shown on F1 or ``?``; Escape, F1 or ``q`` closes it."""

    BINDINGS = [Binding("escape,f1,q,question_mark", "close", "Close")]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        lang = getattr(self.app, "lang", "en")
        topic = getattr(self.under, "HELP_TOPIC", "home")
        text = f"*{t(lang, 'help.close')}*\n\n" + help_text(lang, topic)
        text += f"\n\n### {t(lang, 'help.keys')}\n\n{keys_table(self.under, lang)}\n"
        with VerticalScroll(id="help-box"):
            yield Markdown(text, id="help-text")

    def on_mount(self) -> None:
        translate_bindings(self, getattr(self.app, "lang", "en"))
        self.query_one("#help-box").focus()

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
