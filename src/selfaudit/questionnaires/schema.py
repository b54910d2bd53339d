"""Strict validation of a parsed question-set document into a :class:`QuestionSet`.

Unknown keys are errors, and every problem is collected (with its key path, e.g.
``items[3].max``) instead of stopping at the first. The format is documented in
``docs/questionnaire-format.md``.
"""

from __future__ import annotations

import math
import re
from typing import Any

from selfaudit.core.model import (
    Band,
    Dimension,
    Item,
    Kind,
    Model,
    Option,
    QuestionSet,
    Side,
    Source,
)
from selfaudit.core.problems import Problem
from selfaudit.core.text import Text
from selfaudit.core.turnover import INPUTS as TURNOVER_INPUTS

#: The highest question-set ``format`` this build reads.
FORMAT_VERSION = 1

SET_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,39}$")
ITEM_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
LANG = re.compile(r"^[a-z]{2,3}$")
MAX_ITEMS = 500
MAX_TEXT = 10_000

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
_ITEM_COMMON = {"id", "kind", "dimension", "text", "why", "source", "side", "required"}
_ITEM_BY_KIND = {
    Kind.LIKERT5: {"scale", "reverse"},
    Kind.SCALE10: {"low", "high", "reverse"},
    Kind.YESNO: {"reverse"},
    Kind.CHOICE: {"options"},
    Kind.NUMBER: {"unit", "min", "max", "integer", "default", "default_source"},
    Kind.TEXT: {"max_length"},
}


class _Reader:
    """Typed access to a document that records a problem for everything wrong."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.languages: tuple[str, ...] = ()

    def fail(self, path: str, message: str) -> None:
        self.problems.append(Problem(message, path))

    def keys(self, obj: dict[str, Any], path: str, allowed: set[str]) -> None:
        for key in obj:
            if key not in allowed:
                where = f"{path}.{key}" if path else key
                self.fail(where, f"unknown key; allowed here: {', '.join(sorted(allowed))}")

    def get(
        self,
        obj: dict[str, Any],
        key: str,
        path: str,
        types: tuple[type, ...],
        what: str,
        required: bool,
    ) -> Any:
        where = f"{path}.{key}" if path else key
        if key not in obj:
            if required:
                self.fail(where, f"is missing; it must be {what}")
            return None
        value = obj[key]
        bad_bool = isinstance(value, bool) and bool not in types
        if bad_bool or not isinstance(value, types):
            self.fail(where, f"must be {what}, not {_type_name(value)}")
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.fail(where, "must be a finite number, not nan or inf")
            return None
        return value

    def string(
        self,
        obj: dict[str, Any],
        key: str,
        path: str,
        required: bool = True,
        pattern: re.Pattern[str] | None = None,
    ) -> str:
        value = self.get(obj, key, path, (str,), "a string", required)
        if value is None:
            return ""
        if pattern is not None and not pattern.match(value):
            self.fail(f"{path}.{key}" if path else key, f"'{value}' is not a valid identifier")
        return str(value)

    def number(
        self, obj: dict[str, Any], key: str, path: str, required: bool = True
    ) -> float | None:
        value = self.get(obj, key, path, (int, float), "a number", required)
        return None if value is None else float(value)

    def integer(
        self, obj: dict[str, Any], key: str, path: str, required: bool = True
    ) -> int | None:
        value = self.get(obj, key, path, (int,), "a whole number", required)
        return None if value is None else int(value)

    def boolean(self, obj: dict[str, Any], key: str, path: str) -> bool:
        return bool(self.get(obj, key, path, (bool,), "true or false", False))

    def table(
        self, obj: dict[str, Any], key: str, path: str, required: bool = True
    ) -> dict[str, Any]:
        value = self.get(obj, key, path, (dict,), "a table", required)
        return value if isinstance(value, dict) else {}

    def tables(self, obj: dict[str, Any], key: str, path: str, required: bool = True) -> list[Any]:
        where = f"{path}.{key}" if path else key
        value = self.get(obj, key, path, (list,), "an array of tables", required)
        if not isinstance(value, list):
            return []
        if len(value) > MAX_ITEMS:
            self.fail(where, f"has {len(value):,} entries; at most {MAX_ITEMS} are allowed")
            return []
        good = []
        for i, entry in enumerate(value):
            if isinstance(entry, dict):
                good.append((i, entry))
            else:
                self.fail(f"{where}[{i}]", f"must be a table, not {_type_name(entry)}")
        return good

    def text(self, obj: dict[str, Any], key: str, path: str, required: bool = True) -> Text:
        where = f"{path}.{key}" if path else key
        value = self.get(obj, key, path, (dict,), 'a text table such as { en = "..." }', required)
        if not isinstance(value, dict):
            return {}
        result: dict[str, str] = {}
        for lang, string in value.items():
            if lang not in self.languages:
                self.fail(
                    f"{where}.{lang}",
                    f"language '{lang}' is not in languages ({', '.join(self.languages)})",
                )
            elif not isinstance(string, str) or not string.strip():
                self.fail(f"{where}.{lang}", "must be a non-empty string")
            elif len(string) > MAX_TEXT:
                self.fail(f"{where}.{lang}", f"is longer than {MAX_TEXT:,} characters")
            else:
                result[lang] = string
        for lang in self.languages:
            if lang not in value:
                self.fail(f"{where}.{lang}", f"translation missing; every text needs '{lang}'")
        return result


def _type_name(value: Any) -> str:
    return {
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        str: "a string",
        list: "an array",
        dict: "a table",
    }.get(type(value), type(value).__name__)


def build_question_set(
    doc: dict[str, Any], origin: str = "", content_hash: str = ""
) -> tuple[QuestionSet | None, list[Problem]]:
    """Validate a parsed document: the set (``None`` if anything is wrong) and all problems."""
    r = _Reader()
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
            r.fail(f"languages[{i}]", f'{lang!r} is not a language code such as "en"')
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
            f"'{model_name}' is unknown; use one of {', '.join(m.value for m in Model)}",
        )
        model = Model.DIMENSIONS
    enps_item = r.string(scoring, "enps_item", "scoring", required=False)
    enps_bands = r.table(scoring, "enps_bands", "scoring", required=False)
    r.keys(enps_bands, "scoring.enps_bands", {"promoter", "passive", "detractor"})
    if enps_bands and not enps_item:
        r.fail("scoring.enps_bands", "is only used together with scoring.enps_item")
    threshold = r.number(scoring, "level_threshold", "scoring", required=model is Model.LEVELS)
    if threshold is not None and not 0 <= threshold <= 100:
        r.fail("scoring.level_threshold", "must be between 0 and 100")

    sources = _sources(r, doc)
    scales = _scales(r, doc)
    bands = _bands(r, doc)
    dimensions = _dimensions(r, doc, model, {b.id for b in bands})
    items = _items(r, doc, scales, {d.id for d in dimensions}, {s.id for s in sources})
    _cross_checks(r, model, dimensions, items, bands, enps_item)
    band_ids = {b.id for b in bands}
    for cat, band_id in enps_bands.items():
        if not isinstance(band_id, str) or band_id not in band_ids:
            r.fail(f"scoring.enps_bands.{cat}", f"{band_id!r} is not a band id")

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


def _unique(r: _Reader, key: str, entries: list[tuple[int, str]]) -> None:
    seen: dict[str, int] = {}
    for i, ident in entries:
        if ident and ident in seen:
            r.fail(f"{key}[{i}].id", f"duplicate id '{ident}' (first used at {key}[{seen[ident]}])")
        seen.setdefault(ident, i)


def _sources(r: _Reader, doc: dict[str, Any]) -> list[Source]:
    out = []
    for i, s in r.tables(doc, "sources", "", required=False):
        path = f"sources[{i}]"
        r.keys(s, path, {"id", "cite", "url", "note"})
        out.append(
            Source(
                id=r.string(s, "id", path, pattern=ITEM_ID),
                cite=r.string(s, "cite", path),
                url=r.string(s, "url", path, required=False),
                note=r.text(s, "note", path, required=False),
            )
        )
    _unique(r, "sources", [(i, s.id) for i, s in enumerate(out)])
    return out


def _scales(r: _Reader, doc: dict[str, Any]) -> dict[str, tuple[Text, ...]]:
    out = {}
    for name, scale in r.table(doc, "scales", "", required=False).items():
        path = f"scales.{name}"
        if not isinstance(scale, dict):
            r.fail(path, f"must be a table, not {_type_name(scale)}")
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


def _bands(r: _Reader, doc: dict[str, Any]) -> list[Band]:
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
    _unique(r, "bands", [(i, b.id) for i, b in enumerate(out)])
    return out


def _dimensions(
    r: _Reader, doc: dict[str, Any], model: Model, band_ids: set[str]
) -> list[Dimension]:
    out = []
    for i, d in r.tables(doc, "dimensions", ""):
        path = f"dimensions[{i}]"
        r.keys(d, path, {"id", "title", "description", "level", "advice"})
        level = r.integer(d, "level", path, required=model is Model.LEVELS)
        if level is not None and model is not Model.LEVELS:
            r.fail(f"{path}.level", 'is only used with scoring.model = "levels"')
        advice_doc = r.table(d, "advice", path, required=False)
        advice = {}
        for band_id in advice_doc:
            if band_id not in band_ids:
                r.fail(f"{path}.advice.{band_id}", f"no band has id '{band_id}'")
            else:
                advice[band_id] = r.text(advice_doc, band_id, f"{path}.advice")
        out.append(
            Dimension(
                id=r.string(d, "id", path, pattern=ITEM_ID),
                title=r.text(d, "title", path),
                description=r.text(d, "description", path, required=False),
                level=level,
                advice=advice,
            )
        )
    _unique(r, "dimensions", [(i, d.id) for i, d in enumerate(out)])
    if not out:
        r.fail("dimensions", "must list at least one dimension")
    if model is Model.LEVELS and out:
        levels = sorted(d.level for d in out if d.level is not None)
        if levels != list(range(1, len(out) + 1)):
            r.fail("dimensions", f"levels must be 1..{len(out)}, each exactly once; found {levels}")
    return out


def _items(
    r: _Reader,
    doc: dict[str, Any],
    scales: dict[str, tuple[Text, ...]],
    dim_ids: set[str],
    source_ids: set[str],
) -> list[Item]:
    out = []
    for i, it in r.tables(doc, "items", ""):
        path = f"items[{i}]"
        kind_name = r.string(it, "kind", path)
        try:
            kind = Kind(kind_name)
        except ValueError:
            if kind_name:
                r.fail(
                    f"{path}.kind",
                    f"'{kind_name}' is unknown; use one of {', '.join(k.value for k in Kind)}",
                )
            continue
        r.keys(it, path, _ITEM_COMMON | _ITEM_BY_KIND[kind])
        item_id = r.string(it, "id", path, pattern=ITEM_ID)
        dimension = r.string(it, "dimension", path)
        if dimension and dimension not in dim_ids:
            r.fail(f"{path}.dimension", f"no dimension has id '{dimension}'")
        source = r.string(it, "source", path, required=False)
        if source and source not in source_ids:
            r.fail(f"{path}.source", f"no source has id '{source}'")
        side_name = r.string(it, "side", path, required=False)
        side = None
        if side_name:
            try:
                side = Side(side_name)
            except ValueError:
                r.fail(f"{path}.side", 'must be "provider" or "customer"')
        extra = _kind_fields(r, it, path, kind, scales, source_ids)
        out.append(
            Item(
                id=item_id,
                kind=kind,
                dimension=dimension,
                text=r.text(it, "text", path),
                why=r.text(it, "why", path),
                source=source,
                side=side,
                required=r.boolean(it, "required", path),
                **extra,
            )
        )
    _unique(r, "items", [(i, item.id) for i, item in enumerate(out)])
    if not out:
        r.fail("items", "must list at least one item")
    return out


def _kind_fields(
    r: _Reader,
    it: dict[str, Any],
    path: str,
    kind: Kind,
    scales: dict[str, tuple[Text, ...]],
    source_ids: set[str],
) -> dict[str, Any]:
    extra: dict[str, Any] = {}
    if "reverse" in _ITEM_BY_KIND[kind]:
        extra["reverse"] = r.boolean(it, "reverse", path)
    if kind is Kind.LIKERT5:
        scale = r.string(it, "scale", path)
        if scale and scale not in scales:
            r.fail(f"{path}.scale", f"no scale named '{scale}' under [scales]")
        extra["labels"] = scales.get(scale, ())
    elif kind is Kind.SCALE10:
        extra["low"] = r.text(it, "low", path, required=False)
        extra["high"] = r.text(it, "high", path, required=False)
    elif kind is Kind.CHOICE:
        options = []
        for j, o in r.tables(it, "options", path):
            opath = f"{path}.options[{j}]"
            r.keys(o, opath, {"id", "label", "score"})
            score = r.number(o, "score", opath, required=False)
            if score is not None and not 0 <= score <= 100:
                r.fail(f"{opath}.score", "must be between 0 and 100")
            options.append(
                Option(r.string(o, "id", opath, pattern=ITEM_ID), r.text(o, "label", opath), score)
            )
        if len(options) < 2:
            r.fail(f"{path}.options", "must offer at least two options")
        _unique(r, f"{path}.options", [(j, o.id) for j, o in enumerate(options)])
        extra["options"] = tuple(options)
    elif kind is Kind.NUMBER:
        extra.update(_number_fields(r, it, path, source_ids))
    elif kind is Kind.TEXT:
        max_length = r.integer(it, "max_length", path, required=False)
        if max_length is not None and not 1 <= max_length <= MAX_TEXT:
            r.fail(f"{path}.max_length", f"must be between 1 and {MAX_TEXT:,}")
        extra["max_length"] = max_length or 2000
    return extra


def _number_fields(
    r: _Reader, it: dict[str, Any], path: str, source_ids: set[str]
) -> dict[str, Any]:
    unit: str | Text = ""
    raw_unit = it.get("unit")
    if isinstance(raw_unit, str):
        if raw_unit not in ("currency", "percent"):
            r.fail(f"{path}.unit", 'must be "currency", "percent" or a text table')
        unit = raw_unit
    elif raw_unit is not None:
        unit = r.text(it, "unit", path)
    low = r.number(it, "min", path)
    high = r.number(it, "max", path)
    if low is not None and high is not None and low >= high:
        r.fail(f"{path}.max", f"must be greater than min ({low:g})")
    integer = r.boolean(it, "integer", path)
    default = r.number(it, "default", path, required=False)
    default_source = r.string(it, "default_source", path, required=False)
    if default is not None:
        if low is not None and high is not None and not low <= default <= high:
            r.fail(f"{path}.default", f"{default:g} is outside min..max ({low:g}..{high:g})")
        if integer and not default.is_integer():
            r.fail(f"{path}.default", "must be a whole number because integer = true")
        if not default_source:
            r.fail(f"{path}.default_source", "is missing; every default must cite its source")
    if default_source and default_source not in source_ids:
        r.fail(f"{path}.default_source", f"no source has id '{default_source}'")
    if default_source and default is None:
        r.fail(f"{path}.default_source", "is given without a default")
    return {
        "unit": unit,
        "minimum": low,
        "maximum": high,
        "integer": integer,
        "default": default,
        "default_source": default_source,
    }


def _cross_checks(
    r: _Reader,
    model: Model,
    dimensions: list[Dimension],
    items: list[Item],
    bands: list[Band],
    enps_item: str,
) -> None:
    by_id = {i.id: i for i in items}
    if enps_item:
        target = by_id.get(enps_item)
        if target is None:
            r.fail("scoring.enps_item", f"no item has id '{enps_item}'")
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
            r.fail(f"dimensions[{i}]", f"dimension '{dim.id}' has no items")
    if model is Model.TURNOVER_COST:
        for key in TURNOVER_INPUTS:
            item = by_id.get(key)
            if item is None:
                r.fail("items", f"the turnover-cost model needs a number item '{key}'")
            elif item.kind is not Kind.NUMBER:
                r.fail("items", f"item '{key}' must be a number item for the turnover-cost model")
