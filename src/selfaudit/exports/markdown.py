"""A report as Markdown, plain enough to paste into a retro or wiki page."""

from __future__ import annotations

import re

from selfaudit.core.text import visible
from selfaudit.views.content import Table
from selfaudit.views.report import ReportView, SetReport
from selfaudit.views.team import TeamView
from selfaudit.views.team_trend import TeamTrendView
from selfaudit.views.trend import TrendView

#: Characters that Markdown (or the HTML it may carry) treats as markup anywhere in a line.
_MARKUP = re.compile(r"([\\`*_\[\]<>|~])")
#: What makes a line a heading, a list item or a quote when it starts one.
_LINE_START = re.compile(r"^(#|[-+]\s|\d+[.)]\s|>)")


def escape(text: str) -> str:
    """``text`` as literal Markdown on one line: markup characters escaped, hidden ones shown."""
    return _LINE_START.sub(r"\\\1", _MARKUP.sub(r"\\\1", visible(text)))


def table(found: Table) -> list[str]:
    """A Markdown table: the label column left, the figures right-aligned (no rows: none)."""
    if not found.rows:
        return []
    width = max(len(found.headers), 1 + max(len(r.cells) for r in found.rows))
    headers = [*found.headers, *[""] * width][:width]
    out = [f"**{escape(found.title)}**", ""] if found.title else []
    out.append("| " + " | ".join(escape(h) for h in headers) + " |")
    figures = [*found.figure_columns(), *[False] * width][: width - 1]
    out.append("|" + "|".join([" --- "] + [" ---: " if f else " --- " for f in figures]) + "|")
    for row in found.rows:
        cells = [escape(c.text) for c in row.cells] + [""] * (width - 1 - len(row.cells))
        out.append("| " + " | ".join([escape(row.label), *cells]) + " |")
    return [*out, ""]


def _lines(*texts: str) -> list[str]:
    return [line for text in texts if text for line in (escape(text), "")]


def _trend(view: TrendView) -> list[str]:
    return [
        "### " + escape(view.title),
        "",
        *_lines(view.summary),
        *table(view.table),
        *_lines(*view.notes),
    ]


def _team_trend(view: TeamTrendView) -> list[str]:
    return ["### " + escape(view.title), "", *table(view.grid), *_lines(view.hidden, *view.notes)]


def _team(view: TeamView) -> list[str]:
    out = ["### " + escape(view.title), ""]
    out += _lines(view.respondents.text, view.participation.text if view.participation else "")
    out += _lines(view.hidden)
    out += table(view.scores) + table(view.figures)
    out += _lines(view.enps.text if view.enps else "")
    if view.levels is not None:
        out += table(view.levels) + _lines(view.levels_note)
    for found in view.items:
        out += table(found)
    out += table(view.talking_points)
    return out + _lines(*view.notes)


def part(found: SetReport) -> list[str]:
    """One set's part: its heading, then what it holds."""
    out = ["## " + escape(found.title), "", *_lines(found.summary)]
    if found.meaning is not None:
        out += table(found.meaning)
    if found.trend is not None:
        out += _trend(found.trend)
    if found.actions_heading:
        out += ["### " + escape(found.actions_heading), ""]
        out += [f"- {escape(a)}" for a in found.actions] or [escape(found.no_actions)]
        out.append("")
    if found.team_trend is not None:
        out += _team_trend(found.team_trend)
    if found.team is not None:
        out += _team(found.team)
    return out


def report_markdown(view: ReportView) -> str:
    """The whole report."""
    out = ["# " + escape(view.title), "", escape(view.made), ""]
    for found in view.parts:
        out += part(found)
    return "\n".join(out).rstrip("\n") + "\n"
