"""Small English helpers shared by extraction, judging and the views."""

from __future__ import annotations

__all__ = ["MONTHS", "TIME_WORDS", "human_clock", "human_date", "plural"]

_IRREGULAR = {"person": "people", "man": "men", "woman": "women", "child": "children", "foot": "feet",
              "mouse": "mice", "tooth": "teeth", "remains": "remains", "police": "police", "staff": "staff",
              "aircraft": "aircraft", "spacecraft": "spacecraft", "sheep": "sheep", "deer": "deer", "fish": "fish",
              "cattle": "cattle", "personnel": "personnel", "livestock": "livestock"}


_PREPOSITIONS = frozenset("per in against".split())


def plural(noun: str) -> str:
    """The plural of a counted noun stored singular: "project" -> "projects", "person" -> "people",
    "country" -> "countries", "service member" -> "service members", "kilowatt-hour" -> "kilowatt-hours",
    "mile per hour" -> "miles per hour".
    A word that already ends in "s", or holds signs other than letters, digits and hyphens ("US$"), is left
    as it is."""
    words = noun.split(" ")
    for k in range(1, len(words)):
        if words[k] in _PREPOSITIONS:
            # the head comes before its preposition: "miles per hour", "votes against", "votes in favour"
            return " ".join([*words[:k - 1], plural(words[k - 1]), *words[k:]])
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


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
#: Lower-case words that say when, not what: month names and their abbreviations, weekdays, days relative to
#: today and parts of a day, week and month. A time scope compares them; alignment and date facts leave them out
#: of what a figure or a date is about.
TIME_WORDS = frozenset(
    [m.lower() for m in MONTHS]
    + "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday "
      "today yesterday tomorrow tonight morning afternoon evening night week weekend month".split()
)


def human_date(point: str | None) -> str:
    """An ISO date at any granularity written for readers: "2013" / "July 2013" / "25 July 2013"."""
    if not point:
        return "undated"
    parts = point.split("-")
    try:
        if len(parts) == 2 and len(parts[0]) == 4 and parts[1].isdigit():
            return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 3 and len(parts[0]) == 4 and parts[1].isdigit() and parts[2].isdigit():
            return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (IndexError, ValueError):
        pass
    # Other granularities ("2023-Q1", "2020s") are already readable as written.
    return point


_CLOCK_HEDGES = {"about": "about ", "over": "shortly after ", "under": "shortly before "}


def human_clock(minutes: float, hedge: str = "exact", unit: str = "time of day") -> str:
    """A time of day stored as minutes after midnight written for readers: "07:42", "about 22:40",
    "shortly after 03:00 GMT" (the zone is what the unit names after "time of day")."""
    m = int(round(minutes)) % 1440
    zone = unit.removeprefix("time of day").strip()
    return f"{_CLOCK_HEDGES.get(hedge, '')}{m // 60:02d}:{m % 60:02d}" + (f" {zone}" if zone else "")
