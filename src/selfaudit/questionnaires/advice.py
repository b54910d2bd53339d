"""Reading a dimension's ``advice`` table: per band, structured advice or one flat text.

Structured advice is a table ``{ meaning = TEXT, first = TEXT, further = [TEXT, ...] }``
(``further`` optional); the older flat form, one text per band, is still read. The format is
documented in ``docs/questionnaire-format.md``.
"""

from __future__ import annotations

from typing import Any

from selfaudit.core.advice import Advice
from selfaudit.core.answers import shorten
from selfaudit.questionnaires.reader import StrictReader

#: The keys of structured advice; a table with none of them is a flat text (keys are languages).
PARTS = {"meaning", "first", "further"}


def read_advice(
    r: StrictReader, advice_doc: dict[str, Any], path: str, band_ids: set[str]
) -> dict[str, Advice]:
    """The advice per band id of one dimension (``path`` is the dimension's key path)."""
    out: dict[str, Advice] = {}
    for band_id, value in advice_doc.items():
        where = f"{path}.advice.{band_id}"
        if band_id not in band_ids:
            r.fail(where, f"no band has id '{shorten(band_id)}'")
        elif isinstance(value, dict) and PARTS & value.keys():
            out[band_id] = _structured(r, value, where)
        else:
            out[band_id] = Advice(first=r.text(advice_doc, band_id, f"{path}.advice"), flat=True)
    return out


def _structured(r: StrictReader, value: dict[str, Any], where: str) -> Advice:
    r.keys(value, where, PARTS)
    raw = r.get(value, "further", where, (list,), "an array of texts", False) or []
    further = tuple(
        r.text({f"further[{j}]": step}, f"further[{j}]", where) for j, step in enumerate(raw)
    )
    return Advice(
        first=r.text(value, "first", where),
        meaning=r.text(value, "meaning", where),
        further=further,
    )
