"""The HTML report: one self-contained file, its charts inline SVG, nothing fetched or run."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

from selfaudit.core.rounds import Cadence
from selfaudit.exports.html import report_html
from selfaudit.store import Store
from selfaudit.views.report import ReportOptions, report_view
from tests.exports.reports import DAY, team_report
from tests.store.exchange import builtin, save


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_the_html_report_loads_nothing_and_runs_nothing() -> None:
    page, _ = team_report()
    parsed = _Tags()
    parsed.feed(page)
    names = {tag for tag, _ in parsed.tags}
    assert "script" not in names and "link" not in names and "img" not in names
    assert "iframe" not in names and "object" not in names
    for _, attrs in parsed.tags:
        assert not any(k.startswith("on") for k in attrs), attrs
        assert not any(
            (v or "").startswith(("http:", "https:", "//"))
            for k, v in attrs.items()
            if k in ("src", "href")
        )
    assert "default-src 'none'" in page
    assert "<b>Pay</b>" not in page and "&lt;b&gt;Pay&lt;/b&gt;roll" in page


def test_the_team_report_draws_the_trend_as_svg_from_the_team_trend_view() -> None:
    page, markdown = team_report()
    charts = re.findall(r"<svg .*?</svg>", page, re.S)
    assert charts, "no chart"
    assert all("<polyline" in c for c in charts)  # two rounds: a line each
    assert "2026-Q1" in page and "2026-Q2" in page
    assert "6 people answered in this round" in page and "6 people answered" in markdown
    assert "Median" in markdown and "\\<b\\>Pay\\</b\\>roll" in markdown
    assert "anon-00000" not in page and "anon-00000" not in markdown  # never a person


def test_a_team_below_k_shows_only_the_count() -> None:
    store = Store.open()
    for n in range(3):
        save(store, who=f"anon-10000{n}", when=DAY + dt.timedelta(hours=n))
    qset = builtin()
    responses = store.responses(qset, store.query(qset.id))
    view = report_view([(qset, responses)], ReportOptions("en", "EUR", Cadence.QUARTER, 5), DAY)
    page = report_html(view)
    assert "3 people answered in this round" in page
    assert "fewer than 5 answered" in page
    assert "Median" not in page


def test_the_report_in_dutch() -> None:
    page, markdown = team_report("nl")
    assert '<html lang="nl">' in page
    assert markdown.startswith("# selfaudit-rapport\n")
