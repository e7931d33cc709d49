"""Narrowing the time grammar's rules by how a start begins changes no match; the narrowing reads patterns soundly."""

from __future__ import annotations

from pathlib import Path

import pytest

from consilience.extract import times as T

STORIES = Path(__file__).parent / "stories"


def _sentences() -> list[str]:
    out = [
        "On July 25, 2013, the two countries agreed to upgrade ties; last year trade rose 11% from 2021.",
        "The ceasefire began at dawn on Friday 14th and held until the end of the year.",
        "Results for the third quarter of fiscal 2024, released on 2024-10-30, beat the year-earlier period.",
        "In the 1990s and the early 2000s, exports tripled; three years later they doubled again.",
        "The summit, held on 4-5 October, follows a visit in mid-March and talks next week.",
    ]
    for path in sorted(STORIES.rglob("*.txt")):
        out += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


@pytest.mark.parametrize("anchor", [None, "2023-09-10"])
def test_rules_narrowed_by_the_start_match_as_all_rules(monkeypatch, anchor):
    sentences = _sentences()

    def scan(narrowed: bool) -> list:
        if not narrowed:
            monkeypatch.setattr(T, "can_begin_with", lambda pattern, prefix: True)
        monkeypatch.setattr(T, "_RULES_AT", {})
        T._rules_beginning.cache_clear()
        return [[(m.start, m.end, m.value) for m in T._find_times(s, anchor=anchor)] for s in sentences]

    narrowed = scan(True)
    tried_narrowed = sum(len(rules) for rules in T._RULES_AT.values())
    try:
        every_rule = scan(False)
    finally:
        T._rules_beginning.cache_clear()  # the next tests narrow again
    assert any(narrowed)  # the texts do hold dates
    assert every_rule == narrowed
    assert sum(len(rules) for rules in T._RULES_AT.values()) > 2 * tried_narrowed  # and narrowing did narrow


@pytest.mark.parametrize(("pattern", "prefix", "possible"), [
    (r"(?:the\s+)?(?:first|second)\s+quarter", "the second", True),
    (r"(?:the\s+)?(?:first|second)\s+quarter", "the third", False),
    (r"(?:the\s+)?(?:first|second)\s+quarter", "Second", True),  # case does not matter
    (r"(?:the\s+)?(?:first|second)\s+quarter", "the", True),  # a prefix shorter than any match
    (r"\d{1,2}\s+days?", "12", True),
    (r"\d{1,2}\s+days?", "123", False),
    (r"[^a-z]x", "ax", False),
    (r"[^a-z]x", "1x", True),
    (r"a(?=b)c?", "ad", True),  # a match may stop inside the prefix ("a"); look-aheads are taken to hold
    (r"(a)\1b", "ac", True),  # a back-reference is not followed: "possible"
    (r"(?:ab)*c", "ababc", True),
    (r"(?:ab)*c", "abad", False),
])
def test_can_begin_with_reads_a_pattern_without_running_it(pattern, prefix, possible):
    from consilience.extract._scan import can_begin_with

    assert can_begin_with(pattern, prefix) is possible
