"""Strict validation of a parsed question-set document into a :class:`QuestionSet`.

Unknown keys are errors, and every problem is collected (with its key path, e.g.
``items[3].max``) instead of stopping at the first. The format is documented in
``docs/questionnaire-format.md``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from selfaudit.core.answers import describe, shorten
from selfaudit.core.enps import Category
from selfaudit.core.model import (
    Band,
    Dimension,
    Item,
    Kind,
    Model,
    QuestionSet,
    Source,
)
from selfaudit.core.problems import Problem
from selfaudit.core.text import Text
from selfaudit.core.turnover import INPUTS as TURNOVER_INPUTS
from selfaudit.questionnaires.advice import read_advice
from selfaudit.questionnaires.items import ITEM_ID, item_path, read_items
from selfaudit.questionnaires.reader import StrictReader, type_name

#: The ``turnover-cost`` inputs the model divides by: the lowest ``min`` each may allow.
_TURNOVER_FLOORS: dict[str, tuple[str, Callable[[float], bool]]] = {
    "headcount": ("at least 1", lambda low: low >= 1),
    "working_days": ("at least 1", lambda low: low >= 1),
    "salary": ("greater than 0", lambda low: low > 0),
}

#: The highest question-set ``format`` this build reads.
FORMAT_VERSION = 1

SET_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,39}$")
LANG = re.compile(r"^[a-z]{2,3}$")

_TOP = {
    "format",
    "id",
    "version",
    "languages",
    "title",
    "summary",
    "intro",
    "minutes",
    "scoring",
    "scales",
    "bands",
    "dimensions",
    "items",
    "sources",
}


def build_question_set(
    doc: dict[str, Any], origin: str = "", content_hash: str = ""
) -> tuple[QuestionSet | None, list[Problem]]:
    """Validate a parsed document: the set (``None`` if anything is wrong) and all problems.

    A document that is plainly something else (a session, a draft, an answers file) gets one
    problem saying what it is, not one for every key a set does not have.
    """
    other = _not_a_set(doc)
    if other is not None:
        return None, [Problem(other)]
    r = StrictReader()
    r.keys(doc, "", _TOP)
    fmt = r.integer(doc, "format", "")
    if fmt is not None and fmt != FORMAT_VERSION:
        newer = (
            "newer than this build reads; update selfaudit" if fmt > FORMAT_VERSION else "unknown"
        )
        r.fail("format", f"is {fmt}: {newer} (this build reads format {FORMAT_VERSION})")
    set_id = r.string(doc, "id", "", pattern=SET_ID)
    version = r.string(doc, "version", "")
    langs = r.get(doc, "languages", "", (list,), "an array of language codes", True) or []
    good_langs = []
    for i, lang in enumerate(langs):
        if not isinstance(lang, str) or not LANG.match(lang):
            r.fail(f"languages[{i}]", f'{describe(lang)} is not a language code such as "en"')
        elif lang in good_langs:
            r.fail(f"languages[{i}]", f"'{lang}' is listed twice")
        else:
            good_langs.append(lang)
    if isinstance(langs, list) and not langs:
        r.fail("languages", "must list at least one language")
    r.languages = tuple(good_langs)

    title = r.text(doc, "title", "")
    summary = r.text(doc, "summary", "")
    intro = r.text(doc, "intro", "")
    minutes = r.integer(doc, "minutes", "", required=False)
    if minutes is not None and not 1 <= minutes <= 240:
        r.fail("minutes", "must be between 1 and 240")

    scoring = r.table(doc, "scoring", "", required=False)
    r.keys(scoring, "scoring", {"model", "enps_item", "enps_bands", "level_threshold"})
    model_name = r.string(scoring, "model", "scoring", required=False) or Model.DIMENSIONS.value
    try:
        model = Model(model_name)
    except ValueError:
        r.fail(
            "scoring.model",
            f"'{shorten(model_name)}' is unknown; use one of {', '.join(m.value for m in Model)}",
        )
        model = Model.DIMENSIONS
    enps_item = r.string(scoring, "enps_item", "scoring", required=False)
    enps_bands = r.table(scoring, "enps_bands", "scoring", required=False)
    r.keys(enps_bands, "scoring.enps_bands", {c.value for c in Category})
    if enps_bands and not enps_item:
        r.fail("scoring.enps_bands", "is only used together with scoring.enps_item")
    threshold = r.number(scoring, "level_threshold", "scoring", required=model is Model.LEVELS)
    if threshold is not None and not 0 <= threshold <= 100:
        r.fail("scoring.level_threshold", "must be between 0 and 100")

    sources = _sources(r, doc)
    scales = _scales(r, doc)
    bands = _bands(r, doc)
    dimensions = _dimensions(r, doc, model, {b.id for b in bands})
    items = read_items(r, doc, scales, {d.id for d in dimensions}, {s.id for s in sources})
    _cross_checks(r, model, dimensions, items, bands, enps_item, _item_paths(doc))
    band_ids = {b.id for b in bands}
    for cat, band_id in enps_bands.items():
        if not isinstance(band_id, str) or band_id not in band_ids:
            r.fail(f"scoring.enps_bands.{cat}", f"{describe(band_id)} is not a band id")
    for cat in Category:
        if enps_bands and cat.value not in enps_bands:
            r.fail(
                f"scoring.enps_bands.{cat.value}",
                "is missing; give a band for each of promoter, passive and detractor",
            )

    if r.problems:
        return None, r.problems
    return QuestionSet(
        id=set_id,
        version=version,
        languages=r.languages,
        title=title,
        summary=summary,
        intro=intro,
        model=model,
        dimensions=tuple(dimensions),
        items=tuple(items),
        bands=tuple(bands),
        sources=tuple(sources),
        minutes=minutes,
        enps_item=enps_item,
        enps_bands=dict(enps_bands),
        level_threshold=threshold if threshold is not None else 70.0,
        content_hash=content_hash,
        origin=origin,
    ), []


def _not_a_set(doc: dict[str, Any]) -> str | None:
    """What a document is instead of a question set, in one sentence; ``None`` if it may be one."""
    if "format_version" in doc and doc.get("kind") == "session":
        return (
            "this is a session saved by selfaudit, not a question set; "
            "'selfaudit show ID' shows a saved session"
        )
    if "format_version" in doc and doc.get("kind") == "draft":
        return (
            "this is a draft of answers exported by selfaudit, not a question set; "
            "'selfaudit take SET --answers FILE' saves it as a session"
        )
    if {"format", "dimensions", "items"} & doc.keys():
        return None
    if doc and not any(isinstance(value, dict | list) for value in doc.values()):
        return (
            "this holds answers or settings (key = value), not a question set; answers go to "
            "'selfaudit take SET --answers FILE', and docs/questionnaire-format.md describes a set"
        )
    return (
        "this is not a question set: it has no format, dimensions or items; "
        "docs/questionnaire-format.md describes one"
    )


def _sources(r: StrictReader, doc: dict[str, Any]) -> list[Source]:
    out = []
    for i, s in r.tables(doc, "sources", "", required=False):
        path = f"sources[{i}]"
        r.keys(s, path, {"id", "cite", "url", "note"})
        out.append(
            Source(
                id=r.string(s, "id", path, pattern=ITEM_ID),
                cite=_cite(r, s, path),
                url=r.string(s, "url", path, required=False),
                note=r.text(s, "note", path, required=False),
            )
        )
    r.unique("sources", [(i, s.id) for i, s in enumerate(out)])
    return out


def _cite(r: StrictReader, source: dict[str, Any], path: str) -> str | Text:
    """A source's ``cite``: a plain string (author, year) or a text table when translated."""
    if isinstance(source.get("cite"), dict):
        return r.text(source, "cite", path)
    return r.string(source, "cite", path)


def _scales(r: StrictReader, doc: dict[str, Any]) -> dict[str, tuple[Text, ...]]:
    out = {}
    for name, scale in r.table(doc, "scales", "", required=False).items():
        path = f"scales.{name}"
        if not isinstance(scale, dict):
            r.fail(path, f"must be a table, not {type_name(scale)}")
            continue
        r.keys(scale, path, {"labels"})
        labels = r.get(scale, "labels", path, (list,), "an array of 5 texts", True) or []
        if len(labels) != 5:
            r.fail(f"{path}.labels", f"must have exactly 5 labels, has {len(labels)}")
        texts = tuple(
            r.text({"label": lab}, "label", f"{path}.labels[{j}]") for j, lab in enumerate(labels)
        )
        out[name] = texts
    return out


def _bands(r: StrictReader, doc: dict[str, Any]) -> list[Band]:
    out = []
    for i, b in r.tables(doc, "bands", "", required=False):
        path = f"bands[{i}]"
        r.keys(b, path, {"id", "min", "label"})
        low = r.number(b, "min", path)
        out.append(
            Band(
                r.string(b, "id", path, pattern=ITEM_ID),
                low if low is not None else 0.0,
                r.text(b, "label", path),
            )
        )
        if low is not None and not 0 <= low <= 100:
            r.fail(f"{path}.min", "must be between 0 and 100")
    if out and out[0].min != 0:
        r.fail("bands[0].min", "the first band must start at 0")
    for i in range(1, len(out)):
        if out[i].min <= out[i - 1].min:
            r.fail(f"bands[{i}].min", "must be higher than the previous band's min")
    r.unique("bands", [(i, b.id) for i, b in enumerate(out)])
    return out


def _dimensions(
    r: StrictReader, doc: dict[str, Any], model: Model, band_ids: set[str]
) -> list[Dimension]:
    out = []
    for i, d in r.tables(doc, "dimensions", ""):
        path = f"dimensions[{i}]"
        r.keys(d, path, {"id", "title", "description", "level", "advice", "gap"})
        level = r.integer(d, "level", path, required=model is Model.LEVELS)
        if level is not None and model is not Model.LEVELS:
            r.fail(f"{path}.level", 'is only used with scoring.model = "levels"')
        advice = read_advice(r, r.table(d, "advice", path, required=False), path, band_ids)
        out.append(
            Dimension(
                id=r.string(d, "id", path, pattern=ITEM_ID),
                title=r.text(d, "title", path),
                description=r.text(d, "description", path, required=False),
                level=level,
                advice=advice,
                gap=r.text(d, "gap", path, required=False),
            )
        )
    r.unique("dimensions", [(i, d.id) for i, d in enumerate(out)])
    if not out:
        r.fail("dimensions", "must list at least one dimension")
    if model is Model.LEVELS and out:
        levels = sorted(d.level for d in out if d.level is not None)
        if levels != list(range(1, len(out) + 1)):
            r.fail("dimensions", f"levels must be 1..{len(out)}, each exactly once; found {levels}")
    return out


def _item_paths(doc: dict[str, Any]) -> dict[str, str]:
    """The key path (``items[3]``) of each item id, for problems found after reading."""
    raw = doc.get("items")
    paths: dict[str, str] = {}
    for i, entry in enumerate(raw if isinstance(raw, list) else []):
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            paths.setdefault(entry["id"], item_path(i, entry))
    return paths


def _cross_checks(
    r: StrictReader,
    model: Model,
    dimensions: list[Dimension],
    items: list[Item],
    bands: list[Band],
    enps_item: str,
    item_paths: dict[str, str],
) -> None:
    by_id = {i.id: i for i in items}
    if enps_item:
        target = by_id.get(enps_item)
        if target is None:
            r.fail("scoring.enps_item", f"no item has id '{shorten(enps_item)}'")
        elif target.kind is not Kind.SCALE10:
            r.fail("scoring.enps_item", f"item '{enps_item}' must be a scale10 item")
    scored_dims = {i.dimension for i in items if i.scored}  # the eNPS item's dimension included
    if scored_dims and not bands:
        r.fail("bands", "is missing; sets with scored items need interpretation bands")
    for i, dim in enumerate(dimensions):
        if dim.id in scored_dims:
            for band in bands:
                if band.id and band.id not in dim.advice:
                    r.fail(f"dimensions[{i}].advice.{band.id}", "advice missing for this band")
        if not any(item.dimension == dim.id for item in items):
            r.fail(f"dimensions[{i}]", f"dimension '{shorten(dim.id)}' has no items")
    if model is Model.TURNOVER_COST:
        for key in TURNOVER_INPUTS:
            item = by_id.get(key)
            if item is None:
                r.fail("items", f"the turnover-cost model needs a number item '{key}'")
            elif item.kind is not Kind.NUMBER:
                r.fail("items", f"item '{key}' must be a number item for the turnover-cost model")
            elif key in _TURNOVER_FLOORS and item.minimum is not None:
                rule, allowed = _TURNOVER_FLOORS[key]
                if not allowed(item.minimum):
                    r.fail(
                        f"{item_paths.get(key, 'items')}.min",
                        f"must be {rule} for the turnover-cost model, which divides by {key}",
                    )
