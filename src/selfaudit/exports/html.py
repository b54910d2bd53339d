"""A report as one self-contained HTML file: inline styles and SVG charts, no script, and a
Content-Security-Policy that forbids fetching anything, so it opens offline and cannot call out.
"""

from __future__ import annotations

from html import escape

from selfaudit.core.text import visible
from selfaudit.exports.svg import line_chart
from selfaudit.views.content import Series, Table
from selfaudit.views.report import ReportView, SetReport
from selfaudit.views.team import TeamView
from selfaudit.views.team_trend import TeamTrendView
from selfaudit.views.trend import TrendView

#: Nothing may be loaded: no script, no font, no image from anywhere; styles only inline.
POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; color: #111; margin: 2rem auto; max-width: 60rem;
       padding: 0 1rem; }
h1 { font-size: 1.7rem; } h2 { margin-top: 2.2rem; border-bottom: 2px solid #2a6fdb; }
table { border-collapse: collapse; margin: .6rem 0 1.2rem; }
h4 { margin: 1rem 0 0; }
th, td { border: 1px solid #c9d1dc; padding: .25rem .6rem; }
td.figure, th.figure { text-align: right; } th { background: #eef2f7; text-align: left; }
th[scope=row] { font-weight: normal; }
figure { margin: .8rem 0; } figcaption { font-weight: 600; }
.note { color: #444; }
"""


def _t(text: str) -> str:
    return escape(visible(text, line_breaks=False), quote=True)


def table(found: Table) -> str:
    """An HTML table: a caption, the headers, a row per row (no rows: nothing)."""
    if not found.rows:
        return ""
    width = max(len(found.headers), 1 + max(len(r.cells) for r in found.rows))
    headers = [*found.headers, *[""] * width][:width]
    out = [f"<h4>{_t(found.title)}</h4>"] if found.title else []
    out.append("<table>")
    out.append(
        "<tr>"
        + "".join(
            f"<th{'' if i == 0 else ' class=figure'}>{_t(h)}</th>" for i, h in enumerate(headers)
        )
        + "</tr>"
    )
    figures = [*found.figure_columns(), *[False] * width][: width - 1]
    for row in found.rows:
        cells = [c.text for c in row.cells] + [""] * (width - 1 - len(row.cells))
        out.append(
            f"<tr><th scope=row>{_t(row.label)}</th>"
            + "".join(
                f"<td{' class=figure' if f else ''}>{_t(c)}</td>"
                for c, f in zip(cells, figures, strict=True)
            )
            + "</tr>"
        )
    out.append("</table>")
    return "\n".join(out)


def _notes(*texts: str) -> str:
    return "".join(f"<p class=note>{_t(text)}</p>" for text in texts if text)


def _charts(view: ReportView, series: tuple[Series, ...]) -> str:
    out = []
    for s in series:
        if not s.values:
            continue
        shown = tuple(view.figure(s.key, v) for v in s.values)
        out.append(f"<figure><figcaption>{_t(s.label)}</figcaption>{line_chart(s, shown)}</figure>")
    return "\n".join(out)


def _trend(view: ReportView, trend: TrendView) -> str:
    return (
        f"<h3>{_t(trend.title)}</h3>{_notes(trend.summary)}{_charts(view, trend.series)}"
        f"{table(trend.table)}{_notes(*trend.notes)}"
    )


def _team_trend(view: ReportView, trend: TeamTrendView) -> str:
    return (
        f"<h3>{_t(trend.title)}</h3>{_charts(view, trend.series)}{table(trend.grid)}"
        f"{_notes(trend.hidden, *trend.notes)}"
    )


def _team(team: TeamView) -> str:
    out = [f"<h3>{_t(team.title)}</h3>"]
    out.append(_notes(team.respondents.text, team.participation.text if team.participation else ""))
    out.append(_notes(team.hidden))
    out += [table(team.scores), table(team.figures)]
    out.append(_notes(team.enps.text if team.enps else ""))
    if team.levels is not None:
        out += [table(team.levels), _notes(team.levels_note)]
    out += [table(found) for found in team.items]
    out += [table(team.talking_points), _notes(*team.notes)]
    return "\n".join(out)


def part(view: ReportView, found: SetReport) -> str:
    """One set's part."""
    out = [f"<section><h2>{_t(found.title)}</h2>{_notes(found.summary)}"]
    if found.meaning is not None:
        out.append(table(found.meaning))
    if found.trend is not None:
        out.append(_trend(view, found.trend))
    if found.actions_heading:
        out.append(f"<h3>{_t(found.actions_heading)}</h3>")
        items = "".join(f"<li>{_t(a)}</li>" for a in found.actions)
        out.append(f"<ul>{items}</ul>" if items else _notes(found.no_actions))
    if found.team_trend is not None:
        out.append(_team_trend(view, found.team_trend))
    if found.team is not None:
        out.append(_team(found.team))
    out.append("</section>")
    return "\n".join(out)


def report_html(view: ReportView) -> str:
    """The whole report as one HTML document."""
    body = "\n".join(part(view, found) for found in view.parts)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_t(view.lang)}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_t(view.title)}</title><style>{STYLE}</style></head>\n"
        f"<body><h1>{_t(view.title)}</h1><p class=note>{_t(view.made)}</p>\n{body}\n"
        "</body></html>\n"
    )
