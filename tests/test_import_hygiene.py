"""The core knows no screen, and the non-interactive CLI never loads Textual."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).parent.parent


def _loaded_after(code: str) -> set[str]:
    script = (
        textwrap.dedent(code)
        + "\nimport sys\nprint(' '.join(sorted(m.split('.')[0] for m in sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=REPO
    )
    return set(out.stdout.split())


def test_core_imports_neither_textual_nor_rich() -> None:
    loaded = _loaded_after(
        """
        import importlib, pkgutil
        import selfaudit.core as core
        for m in pkgutil.walk_packages(core.__path__, core.__name__ + "."):
            importlib.import_module(m.name)
        """
    )
    assert "selfaudit" in loaded  # the probe really imported something
    assert not loaded & {"textual", "rich"}


def test_non_interactive_commands_do_not_import_textual(tmp_path: Path) -> None:
    answers = tmp_path / "answers.toml"
    answers.write_text("enps = 9\n", encoding="utf-8")
    loaded = _loaded_after(
        f"""
        import contextlib, io
        from selfaudit import cli
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            cli.main(["sets", "--json"])
            cli.main(["validate", "questionnaires/choose-us.toml"])
            assert cli.main(["take", "choose-us", "--answers", {str(answers)!r}]) == 0
            cli.main(["list", "--json"])
            cli.main(["show", "0000"])
            cli.main(["doctor"])
        """
    )
    assert "selfaudit" in loaded
    assert "textual" not in loaded
    assert "rich" not in loaded


def test_the_tui_command_does_import_textual() -> None:
    """Teeth for the test above: the same probe sees Textual when the TUI module is loaded."""
    loaded = _loaded_after("import selfaudit.tui.app")
    assert "textual" in loaded
