"""The rules for ``[[items]]``: common keys, and the keys and checks of each kind."""

from __future__ import annotations

import re
from typing import Any

from selfaudit.core.answers import shorten
from selfaudit.core.model import Item, Kind, Option, Side
from selfaudit.core.text import Text
from selfaudit.questionnaires.reader import MAX_TEXT, StrictReader

ITEM_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")

_ITEM_COMMON = {"id", "kind", "dimension", "text", "why", "source", "side", "required", "mirror"}
_ITEM_BY_KIND = {
    Kind.LIKERT5: {"scale", "reverse"},
    Kind.SCALE10: {"low", "high", "reverse"},
    Kind.YESNO: {"reverse"},
    Kind.CHOICE: {"options"},
    Kind.NUMBER: {"unit", "min", "max", "integer", "default", "default_source"},
    Kind.TEXT: {"max_length"},
    Kind.TEAM: set(),
}


#: The item keys that only some kinds take, and those kinds, in the order of :class:`Kind`.
_KINDS_OF_KEY = {
    key: [kind.value for kind in Kind if key in _ITEM_BY_KIND[kind]]
    for key in set().union(*_ITEM_BY_KIND.values())
}


def item_path(index: int, item: dict[str, Any]) -> str:
    """The key path of ``items[index]``, naming the item by its id when it has one:
    ``items[2] (id "contact")``."""
    item_id = item.get("id")
    if isinstance(item_id, str) and item_id:
        return f'items[{index}] (id "{shorten(item_id, 40)}")'
    return f"items[{index}]"


def _check_keys(r: StrictReader, it: dict[str, Any], path: str, kind: Kind) -> None:
    """Unknown keys are problems; a key of another kind says which kinds take it."""
    allowed = _ITEM_COMMON | _ITEM_BY_KIND[kind]
    other_kinds = [key for key in it if key in _KINDS_OF_KEY and key not in allowed]
    r.keys({key: it[key] for key in it if key not in other_kinds}, path, allowed)
    for key in other_kinds:
        kinds = _KINDS_OF_KEY[key]
        listed = ", ".join(kinds[:-1]) + " and " + kinds[-1] if len(kinds) > 1 else kinds[0]
        r.fail(f"{path}.{key}", f"a {kind.value} item has no {key}; only {listed} items do")


def read_items(
    r: StrictReader,
    doc: dict[str, Any],
    scales: dict[str, tuple[Text, ...]],
    dim_ids: set[str],
    source_ids: set[str],
) -> list[Item]:
    out = []
    paths: dict[str, str] = {}
    for i, it in r.tables(doc, "items", ""):
        path = item_path(i, it)
        kind_name = r.string(it, "kind", path)
        try:
            kind = Kind(kind_name)
        except ValueError:
            if kind_name:
                r.fail(
                    f"{path}.kind",
                    f"'{shorten(kind_name)}' is unknown; "
                    f"use one of {', '.join(k.value for k in Kind)}",
                )
            continue
        _check_keys(r, it, path, kind)
        item_id = r.string(it, "id", path, pattern=ITEM_ID)
        dimension = r.string(it, "dimension", path, required=kind is not Kind.TEAM)
        if dimension and kind is Kind.TEAM:
            r.fail(f"{path}.dimension", "a team item belongs to no dimension; leave it out")
        elif dimension and dimension not in dim_ids:
            r.fail(f"{path}.dimension", f"no dimension has id '{shorten(dimension)}'")
        source = r.string(it, "source", path, required=False)
        if source and source not in source_ids:
            r.fail(f"{path}.source", f"no source has id '{shorten(source)}'")
        side_name = r.string(it, "side", path, required=False)
        side = None
        if side_name:
            try:
                side = Side(side_name)
            except ValueError:
                r.fail(f"{path}.side", 'must be "provider" or "customer"')
        extra = _kind_fields(r, it, path, kind, scales, source_ids)
        paths.setdefault(item_id, path)
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
                mirror=r.string(it, "mirror", path, required=False),
                **extra,
            )
        )
    r.unique("items", [(i, item.id) for i, item in enumerate(out)])
    if not out:
        r.fail("items", "must list at least one item")
    _check_team_item(r, paths, out)
    _check_mirrors(r, paths, out)
    return out


def _check_team_item(r: StrictReader, paths: dict[str, str], items: list[Item]) -> None:
    """At most one ``team`` item, on the customer side: it names the team that side rates."""
    teams = [i for i in items if i.kind is Kind.TEAM]
    for extra in teams[1:]:
        r.fail(paths.get(extra.id, "items"), "a set has at most one team item")
    for item in teams[:1]:
        if item.side is not Side.CUSTOMER:
            r.fail(f"{paths.get(item.id, 'items')}.side", 'a team item needs side = "customer"')


def _check_mirrors(r: StrictReader, paths: dict[str, str], items: list[Item]) -> None:
    """``mirror`` pairs a customer item with the provider item asking the same thing: same
    dimension and kind, one partner each. Once a set pairs any item, every scored item with a
    side must be in a pair, so the gap view compares the whole set."""
    by_id = {i.id: i for i in items}
    partners: dict[str, str] = {}
    for item in items:
        if not item.mirror:
            continue
        where = f"{paths.get(item.id, 'items')}.mirror"
        other = by_id.get(item.mirror)
        if item.side is not Side.CUSTOMER:
            r.fail(where, 'only a customer item names its mirror (side = "customer")')
        elif other is None:
            r.fail(where, f"no item has id '{shorten(item.mirror)}'")
        elif other.side is not Side.PROVIDER:
            r.fail(where, f"'{shorten(other.id)}' is not a provider item")
        elif (other.dimension, other.kind) != (item.dimension, item.kind):
            r.fail(where, f"'{shorten(other.id)}' has another dimension or kind")
        elif other.id in partners:
            taken = shorten(partners[other.id])
            r.fail(where, f"'{shorten(other.id)}' is already the mirror of '{taken}'")
        else:
            partners[other.id] = item.id
    if not any(i.mirror for i in items):
        return
    for item in items:
        paired = item.mirror or item.id in partners
        if item.side is not None and item.scored and not paired:
            r.fail(paths.get(item.id, "items"), "has no mirror on the other side")


def _kind_fields(
    r: StrictReader,
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
            r.fail(f"{path}.scale", f"no scale named '{shorten(scale)}' under [scales]")
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
        r.unique(f"{path}.options", [(j, o.id) for j, o in enumerate(options)])
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
    r: StrictReader, it: dict[str, Any], path: str, source_ids: set[str]
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
        r.fail(f"{path}.default_source", f"no source has id '{shorten(default_source)}'")
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
