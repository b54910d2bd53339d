"""The interface's words in every language it speaks, and how numbers and dates are written.

Textual has no i18n of its own: every string the app shows comes from a catalog here, including
the labels Textual would otherwise show in English (footer keys, the command palette placeholder).
Question texts come from the question-set files, not from here.
"""

from selfaudit.i18n.catalog import LANGUAGES, language_name, t, theme_name
from selfaudit.i18n.formatting import (
    bar_cells,
    fmt_amount,
    fmt_date,
    fmt_date_time,
    fmt_money,
    fmt_number,
    fmt_percent,
    fmt_plain,
)

__all__ = [
    "LANGUAGES",
    "bar_cells",
    "fmt_amount",
    "fmt_date",
    "fmt_date_time",
    "fmt_money",
    "fmt_number",
    "fmt_percent",
    "fmt_plain",
    "language_name",
    "t",
    "theme_name",
]
