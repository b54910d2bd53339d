"""Footer and help labels in the user's language.

Textual's bindings carry one fixed description. Every binding in this app names its action, and
the label shown is the catalog string ``key.<action>``; :func:`translate_bindings` swaps the
descriptions in a node's binding map whenever the language changes.
"""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode

from selfaudit.i18n.catalog import CATALOGS


def label_for(action: str, lang: str) -> str | None:
    """The footer label of an action, or ``None`` when the catalog has none."""
    name = action.split("(", 1)[0].removeprefix("app.").removeprefix("screen.")
    catalog = CATALOGS.get(lang, CATALOGS["en"])
    return catalog.get(f"key.{name}") or CATALOGS["en"].get(f"key.{name}")


def translate_bindings(node: DOMNode, lang: str) -> None:
    """Relabel every binding of ``node`` that has a catalog label."""
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [
            replace(b, description=label) if (label := label_for(b.action, lang)) else b
            for b in bindings
        ]
