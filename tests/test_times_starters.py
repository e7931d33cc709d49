"""Narrowing the time and number grammars by how a start begins changes no match; the narrowing reads patterns
soundly; the starter scan finds figures in any script."""

from __future__ import annotations

from pathlib import Path

import pytest

from consilience.extract import numbers as N
from consilience.extract import times as T
from consilience.extract._scan import hits

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


def test_number_core_narrowed_by_the_starter_matches_as_all_alternatives(monkeypatch):
    sentences = _sentences() + [
        "The most populous province lost a hundred and twenty jobs, the second-largest cut in two decades.",
        "Exports doubled, then rose fourfold; one hundred twenty-fifth on the list, it is the top seller of the two.",
    ]

    def scan(narrowed: bool) -> list:
        if not narrowed:
            monkeypatch.setattr(N, "can_begin_with", lambda pattern, prefix: True)
        monkeypatch.setattr(N, "_CORE_AT", {})
        return [[(m.start, m.end, m.value, m.noun) for m in N.find_quantities(s, times=T.find_times(s))] for s in sentences]

    narrowed = scan(True)
    # each left-out alternative is a group that never matches, "(?!)", as are the two of figures
    left_out = {prefix: rx.pattern.count("(?!)") - 2 for prefix, rx in N._CORE_AT.items()}
    every_alternative = scan(False)
    assert any(narrowed)
    assert every_alternative == narrowed
    # "most" and "top" try the superlatives alone, "second" the ordinals alone; "two" keeps the number words
    assert left_out["most"] == left_out["top"] == left_out["second"] == len(N._CORE_WORD_ALTS) - 1
    assert left_out["two"] == 1  # "two" may open an ordinal, a number and a multiplier ("twofold")


@pytest.mark.parametrize(("text", "expected"), [
    ("Some 30 people, then 4,500 more.", ((5, "30"), (21, "4,500"))),  # ASCII text
    ("Some 30 \u201cpeople\u201d, then 4,500 more.", ((5, "30"), (23, "4,500"))),  # other characters, ASCII digits
    ("Some \u0663\u0660 people, then \uff14\uff15 more.", ((5, "\u0663\u0660"), (21, "\uff14\uff15"))),  # digits of other scripts
])
def test_the_starter_scan_finds_figures_in_any_script(text, expected):
    assert tuple(h for h in hits(text) if h[1][0].isdigit()) == expected
