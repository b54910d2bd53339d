"""The HTML report opened in a real headless browser (Chromium from the OS packages, driven by
its command line): the page is drawn (the screenshot is not blank, charts included) and its text
is there. Chromium is required: ``.ci/run`` installs it, and this test fails, never skips, when
it is missing."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.exports.png import ink, pixels
from tests.exports.reports import team_report

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        where = "under CI" if os.environ.get("CI") else "here"
        pytest.fail(
            f"chromium is not installed {where}: the HTML report must be checked in a real "
            "browser; install it (apt-get install -y chromium) or run .ci/run"
        )
    return found


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    return subprocess.run(
        [_chromium(), *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_report_is_drawn_and_its_text_is_there(tmp_path: Path) -> None:
    page, _ = team_report()
    report = tmp_path / "report.html"
    report.write_text(page, encoding="utf-8")
    shot = tmp_path / "shot.png"
    drawn = _run(tmp_path, f"--screenshot={shot}", "--window-size=1000,1600", report.as_uri())
    assert shot.exists(), drawn.stderr[-2000:]
    width, height, _ = pixels(shot.read_bytes())
    assert (width, height) == (1000, 1600)
    assert ink(shot.read_bytes()) > 0.01  # text, tables and charts: not a blank page
    dom = _run(tmp_path, "--dump-dom", report.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "selfaudit report" in dom.stdout
    assert "6 people answered in this round" in dom.stdout
    assert "<svg" in dom.stdout and "<polyline" in dom.stdout


def test_a_blank_page_would_be_caught(tmp_path: Path) -> None:
    """The harness has teeth: an empty page's screenshot has no ink."""
    blank = tmp_path / "blank.html"
    blank.write_text("<!DOCTYPE html><html><body></body></html>")
    shot = tmp_path / "blank.png"
    _run(tmp_path, f"--screenshot={shot}", "--window-size=400,300", blank.as_uri())
    assert ink(shot.read_bytes()) == 0
