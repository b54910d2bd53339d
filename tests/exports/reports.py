"""Reports for the export tests: a team of six over two quarters, saved in the test's store."""

from __future__ import annotations

import datetime as dt

from selfaudit.core.rounds import Cadence
from selfaudit.exports.html import report_html
from selfaudit.exports.markdown import report_markdown
from selfaudit.store import Store
from selfaudit.views.report import ReportOptions, report_view
from tests.store.exchange import builtin, save

DAY = dt.datetime(2026, 1, 10, 9, tzinfo=dt.UTC)


def team_report(lang: str = "en") -> tuple[str, str]:
    """The HTML and Markdown report of a team of six in two quarters, its name with markup."""
    store = Store.open()
    for n in range(6):
        for quarter in range(2):
            save(
                store,
                who=f"anon-00000{n}",
                team="<b>Pay</b>roll",
                when=DAY + dt.timedelta(days=91 * quarter, hours=n),
                answers={"enps": 5 + n, "choose_again": 1 + (n + quarter) % 5, "stay_year": 3},
            )
    qset = builtin()
    responses = store.responses(qset, store.query(qset.id))
    options = ReportOptions(lang, "EUR", Cadence.QUARTER, 5)
    view = report_view([(qset, responses)], options, DAY + dt.timedelta(days=200))
    return report_html(view), report_markdown(view)
