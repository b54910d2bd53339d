"""The content of the trend, compare and team views, built once from core results.

Each ``*_view`` function turns a core result into rows of cells (a display string and the raw
number), labels in the user's language, deltas with an arrow and their size, and a sentence on
what is hidden and why. The CLI prints it as text or ``to_json()``; the TUI draws the same
content, and never computes a figure of its own. Nothing here imports Textual or Rich.

* :func:`selfaudit.views.trend.trend_view` -- my trend, with chart series for a ``Sparkline``
* :func:`selfaudit.views.compare.compare_view` -- sessions or teams side by side
* :func:`selfaudit.views.team.team_view` -- one team's round
* :func:`selfaudit.views.team_trend.team_trend_view` -- a team's rounds x dimensions grid
"""
