"""The selfaudit Textual application and its factory."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from selfaudit.questionnaires import Catalog, load_catalog
from selfaudit.tui.screens.home import HomeScreen


class SelfAuditApp(App[int]):
    """Home screen and the guided self-audit."""

    CSS_PATH = "app.tcss"
    TITLE = "selfaudit"
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", priority=True, show=True)]

    def __init__(self, catalog: Catalog, data_dir: Path | None = None) -> None:
        super().__init__()
        self.catalog = catalog
        """Every question set available to this run."""
        self.data_dir = data_dir

    def on_mount(self) -> None:
        self.push_screen(HomeScreen(self.catalog))


def create_app(data_dir: str | Path | None = None) -> SelfAuditApp:
    """The one factory used by the CLI and the tests."""
    return SelfAuditApp(load_catalog(), Path(data_dir) if data_dir else None)
