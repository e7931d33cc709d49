"""Narrowing the time grammar's rules by the first character of a start changes no match."""

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
def test_rules_narrowed_by_first_character_match_as_all_rules(monkeypatch, anchor):
    sentences = _sentences()

    def scan(narrowed: bool) -> list:
        if not narrowed:
            monkeypatch.setattr(T, "_RULE_FIRSTS", dict.fromkeys(T._RULE_FIRSTS))
        monkeypatch.setattr(T, "_RULES_AT", {})
        return [[(m.start, m.end, m.value) for m in T._find_times(s, anchor=anchor)] for s in sentences]

    narrowed, every_rule = scan(True), scan(False)
    assert any(narrowed)  # the texts do hold dates
    assert every_rule == narrowed
    assert all(f is None for f in T._RULE_FIRSTS.values())  # the second scan did try every rule
