"""Tests of consilience.english: the plural every view and explanation writes counts with."""

from __future__ import annotations

import pytest

from consilience.english import plural


@pytest.mark.parametrize(("noun", "expected"), [
    ("project", "projects"), ("person", "people"), ("country", "countries"), ("day", "days"),
    ("service member", "service members"), ("kilowatt-hour", "kilowatt-hours"), ("box", "boxes"),
    ("church", "churches"), ("remains", "remains"), ("students", "students"), ("US$", "US$"), ("mp3", "mp3s"),
    ("mile per hour", "miles per hour"), ("barrel per day", "barrels per day"), ("vote against", "votes against"),
    ("vote in favour", "votes in favour"), ("remains of soldier", "remains of soldiers"),
])
def test_english_plural_of_counted_nouns(noun: str, expected: str) -> None:
    assert plural(noun) == expected


@pytest.mark.parametrize(("minutes", "hedge", "unit", "shown"), [
    (462, "exact", "time of day", "07:42"),
    (1360, "about", "time of day", "about 22:40"),
    (180, "over", "time of day GMT", "shortly after 03:00 GMT"),
    (1440 + 30, "exact", "time of day", "00:30"),  # past midnight wraps
])
def test_english_human_clock(minutes, hedge, unit, shown):
    from consilience.english import human_clock

    assert human_clock(minutes, hedge, unit) == shown
