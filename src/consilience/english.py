"""Small English helpers shared by extraction, judging and the views."""

from __future__ import annotations

__all__ = ["plural"]

_IRREGULAR = {"person": "people", "man": "men", "woman": "women", "child": "children", "foot": "feet",
              "mouse": "mice", "tooth": "teeth", "remains": "remains", "police": "police", "staff": "staff",
              "aircraft": "aircraft", "spacecraft": "spacecraft", "sheep": "sheep", "deer": "deer", "fish": "fish",
              "cattle": "cattle", "personnel": "personnel", "livestock": "livestock"}


def plural(noun: str) -> str:
    """The plural of a counted noun stored singular: "project" -> "projects", "person" -> "people",
    "country" -> "countries", "service member" -> "service members", "kilowatt-hour" -> "kilowatt-hours",
    "mile per hour" -> "miles per hour".
    A word that already ends in "s", or holds signs other than letters, digits and hyphens ("US$"), is left
    as it is."""
    first, per, rest = noun.partition(" per ")
    if per:
        return f"{plural(first)} per {rest}"  # "miles per hour", "barrels per day"
    head, _, last = noun.rpartition(" ")
    if head:
        return f"{head} {plural(last)}"
    if noun in _IRREGULAR:
        return _IRREGULAR[noun]
    if not noun.replace("-", "").isalnum() or noun.endswith("s"):
        return noun
    if noun.endswith(("x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"
