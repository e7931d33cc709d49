"""The time grammar's rules give the same matches tried one by one as compiled into one alternation."""

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
def test_rules_tried_one_by_one_match_as_the_alternation(monkeypatch, anchor):
    sentences = _sentences()

    def scan(hot: int) -> list:
        monkeypatch.setattr(T, "_HOT_TRIES", hot)
        monkeypatch.setattr(T, "_LONG_RUN_CHARS", hot * 10**6)
        monkeypatch.setattr(T, "_STARTERS", {})
        return [[(m.start, m.end, m.value) for m in T._find_times(s, anchor=anchor)] for s in sentences]

    alternation, one_by_one = scan(1), scan(10**9)
    assert any(alternation)  # the texts do hold dates
    assert one_by_one == alternation
