"""Verdicts on hand-written stories with planted contradictions and harmless rewordings.

Each story folder holds reports and an ``expected.json``: conflicts (a value as written on each side,
with the files of each side), running figures that were ``updated``, and sets of values that must not be
called a conflict. Values are located in the clean text and matched to claims by span (or, for a
qualifier such as a base year, by sentence).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from consilience.pipeline import reconcile
from consilience.render import dossier_to_dict

ROOT = Path(__file__).resolve().parent
EXAMPLE = ROOT.parent / "examples" / "story"
# The example's expectations sit beside its folder, so that every file inside it is a report.
STORIES = {p.parent: p for p in (ROOT / "stories").glob("*/expected.json")}
STORIES[EXAMPLE] = EXAMPLE.parent / "story.expected.json"


@lru_cache(maxsize=None)
def report(story: Path) -> dict:
    return dossier_to_dict(reconcile(sorted(str(p) for p in story.glob("*.txt"))))


def _doc_of(rep: dict, filename: str) -> dict:
    for d in rep["documents"]:
        if d["id"] == filename or d["id"].endswith("/" + filename):
            return d
    raise AssertionError(f"{filename} not among {[d['id'] for d in rep['documents']]}")


def _claims_at(rep: dict, filename: str, written: str, *, fallback: bool = True) -> set[str]:
    """Ids of claims whose value overlaps ``written`` in ``filename`` (else, with ``fallback``, claims of its
    sentence)."""
    doc = _doc_of(rep, filename)
    at = doc["text"].find(written)
    assert at >= 0, f"{written!r} is not in the clean text of {filename}"
    end = at + len(written)
    claims = [c for f in rep["facts"] for c in f["claims"] if c["doc_id"] == doc["id"]]
    hits = {c["id"] for c in claims if c["span"][0] < end and at < c["span"][1]}
    if not hits and fallback:
        hits = {c["id"] for c in claims if c["sentence_span"][0] <= at < c["sentence_span"][1]}
    return hits


def _cases(key: str):
    for story, expected in sorted(STORIES.items()):
        spec = json.loads(expected.read_text(encoding="utf-8"))
        for i, case in enumerate(spec.get(key, [])):
            # A known miss stays visible: it must keep failing until the engine finds it (strict).
            marks = [pytest.mark.xfail(strict=True, reason=case["known_miss"])] if case.get("known_miss") else []
            yield pytest.param(story, case, id=f"{story.name}-{key}-{i}-{case['about'][:30]}", marks=marks)


@pytest.mark.parametrize("story, case", list(_cases("conflicts")))
def test_stories_planted_conflict_is_found(story, case):
    rep = report(story)
    sides = []
    for written, files in zip(case["values"], case["docs"]):
        sides.append(set().union(*(_claims_at(rep, f, written) for f in files)))
    assert all(sides), f"a side of {case['about']!r} was not extracted"
    found = [f for f in rep["facts"] if {c["id"] for c in f["claims"]} & sides[0]
             and {c["id"] for c in f["claims"]} & sides[1]]
    assert found, f"{case['about']!r}: the two sides were not aligned into one fact"
    assert any(f["verdict"] == "conflict" for f in found), [f["explanation"] for f in found]


@pytest.mark.parametrize("story, case", list(_cases("updated")))
def test_stories_running_figure_is_updated_not_conflict(story, case):
    rep = report(story)
    ids = set()
    for written, files in zip(case["values"], case["docs"]):
        ids |= set().union(*(_claims_at(rep, f, written) for f in files))
    facts = [f for f in rep["facts"] if {c["id"] for c in f["claims"]} & ids]
    assert facts and all(f["verdict"] != "conflict" for f in facts), [f["explanation"] for f in facts]
    assert any(f["verdict"] == "updated" for f in facts), [f["explanation"] for f in facts]


@pytest.mark.parametrize("story, case", list(_cases("not_conflicts")))
def test_stories_harmless_rewording_is_not_flagged(story, case):
    rep = report(story)
    ids: set[str] = set()
    files = [d["id"] for d in rep["documents"] if not d["skipped"]]
    for written in case["values"]:
        for f in files:
            if written in _doc_of(rep, f)["text"]:
                ids |= _claims_at(rep, f, written)
    # a value no claim covers stands for its sentence's claims: a planted conflict there is no false alarm
    fallback = any(written in _doc_of(rep, f)["text"] and not _claims_at(rep, f, written, fallback=False)
                   for written in case["values"] for f in files)
    bad = [f for f in rep["facts"] if f["verdict"] == "conflict" and len({c["id"] for c in f["claims"]} & ids) >= 2
           and not (fallback and _planted(rep, story, f))]
    assert not bad, [f["explanation"] for f in bad]


def _planted(rep: dict, story, fact: dict) -> bool:
    """Whether ``fact`` holds both sides of a conflict the story plants (evaluate.py's test of an explained
    conflict)."""
    ids = {c["id"] for c in fact["claims"]}
    spec = json.loads(STORIES[story].read_text(encoding="utf-8"))
    for case in spec.get("conflicts", []):
        sides = [set().union(*(_claims_at(rep, f, w) for f in files)) for w, files in zip(case["values"], case["docs"])]
        if all(side & ids for side in sides):
            return True
    return False
