"""Checks on the evaluation stories and the built-in example as data: the expectations point at text
that is really there, once, so a harness can find each value without guessing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
STORIES = Path(__file__).resolve().parent
DOMAINS = tuple(sorted(p.parent.name for p in STORIES.glob("*/expected.json")))
EXAMPLE = REPO / "examples" / "story"
EXAMPLE_EXPECTED = REPO / "examples" / "story.expected.json"
KEYS = ("conflicts", "updated", "not_conflicts")

# (story folder, its expected.json) for each domain and the built-in example.
SETS = [(STORIES / d, STORIES / d / "expected.json") for d in DOMAINS] + [(EXAMPLE, EXAMPLE_EXPECTED)]
SET_IDS = list(DOMAINS) + ["example"]

# Strings of the seed story that must never leak into the example or the evaluation stories.
SEED_STRINGS = ("123.86", "Hamilton", "Thu Hang", "Blinken", "Osius", "VGP", "Bien Hoa", "Vietnam")


def _load(expected: Path) -> dict:
    return json.loads(expected.read_text(encoding="utf-8"))


def _lookups(folder: Path, expected: Path) -> list[tuple[str, str, str, str]]:
    """Every (key, about, value, file) the expectations ask a harness to find."""
    out = []
    for key in KEYS:
        for entry in _load(expected).get(key, []):
            for value, files in zip(entry["values"], entry["docs"]):
                out.extend((key, entry["about"], value, f) for f in files)
    return out


@pytest.mark.parametrize(("folder", "expected"), SETS, ids=SET_IDS)
def test_stories_expected_has_the_three_keys(folder, expected):
    assert sorted(_load(expected)) == sorted(KEYS)


@pytest.mark.parametrize(("folder", "expected"), SETS, ids=SET_IDS)
def test_stories_values_and_docs_have_equal_length(folder, expected):
    data = _load(expected)
    bad = [(k, e["about"]) for k in KEYS for e in data[k] if len(e["values"]) != len(e["docs"]) or not e["values"]]
    assert bad == []


@pytest.mark.parametrize(("folder", "expected"), SETS, ids=SET_IDS)
def test_stories_conflicts_have_two_sides(folder, expected):
    bad = [e["about"] for e in _load(expected)["conflicts"] if len(e["values"]) != 2]
    assert bad == []


@pytest.mark.parametrize(("folder", "expected"), SETS, ids=SET_IDS)
def test_stories_each_value_occurs_once_in_each_named_file(folder, expected):
    counts = {
        (key, about, value, name): (folder / name).read_text(encoding="utf-8").count(value)
        for key, about, value, name in _lookups(folder, expected)
    }
    assert {k: n for k, n in counts.items() if n != 1} == {}


@pytest.mark.parametrize(("folder", "expected"), SETS, ids=SET_IDS)
def test_stories_harmless_values_occur_only_in_their_files(folder, expected):
    # tests/test_stories.py looks a harmless value up in every report of the story, not only the named ones
    texts = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.txt")}
    stray = [
        (e["about"], value, name)
        for e in _load(expected)["not_conflicts"]
        for value, files in zip(e["values"], e["docs"])
        for name, text in texts.items()
        if value in text and name not in files
    ]
    assert stray == []


def _planted(folder: Path, data: dict) -> dict[str, list[tuple[int, int]]]:
    """Character ranges, per report, of the values on either side of a planted conflict."""
    out: dict[str, list[tuple[int, int]]] = {}
    for e in data["conflicts"]:
        for value, files in zip(e["values"], e["docs"]):
            for name in files:
                at = (folder / name).read_text(encoding="utf-8").find(value)
                out.setdefault(name, []).append((at, at + len(value)))
    return out


@pytest.mark.parametrize(("folder", "expected"), SETS, ids=SET_IDS)
def test_stories_harmless_set_holds_at_most_one_conflicting_value(folder, expected):
    # tests/test_stories.py flags a conflict fact holding two values of one harmless set; values on a side
    # of a planted conflict sit in such a fact by design, so a set may hold one of them (a trap), not two
    data = _load(expected)
    planted = _planted(folder, data)
    crowded = []
    for e in data["not_conflicts"]:
        inside = 0
        for value, files in zip(e["values"], e["docs"]):
            for name in files:
                at = (folder / name).read_text(encoding="utf-8").find(value)
                inside += any(s < at + len(value) and at < t for s, t in planted.get(name, ()))
        if inside > 1:
            crowded.append(e["about"])
    assert crowded == []


@pytest.mark.parametrize(("folder", "expected"), SETS, ids=SET_IDS)
def test_stories_expected_names_only_reports_of_the_story(folder, expected):
    reports = {p.name for p in folder.glob("*.txt")}
    assert {name for *_, name in _lookups(folder, expected)} <= reports


@pytest.mark.parametrize(("folder", "expected"), SETS, ids=SET_IDS)
def test_stories_conflict_sides_share_no_report(folder, expected):
    bad = [e["about"] for e in _load(expected)["conflicts"] if set(e["docs"][0]) & set(e["docs"][1])]
    assert bad == []


@pytest.mark.parametrize("domain", DOMAINS)
def test_stories_have_three_to_five_reports(domain):
    assert 3 <= len(list((STORIES / domain).glob("*.txt"))) <= 5


@pytest.mark.parametrize("path", sorted(p for d in DOMAINS for p in (STORIES / d).glob("*.txt")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_stories_reports_have_80_to_250_words(path):
    assert 80 <= len(path.read_text(encoding="utf-8").split()) <= 250


@pytest.mark.parametrize("domain", DOMAINS)
def test_stories_have_one_to_three_contradictions(domain):
    assert 1 <= len({e["about"] for e in _load(STORIES / domain / "expected.json")["conflicts"]}) <= 3


@pytest.mark.parametrize("domain", ("disaster", "epidemic", "courts"))
def test_stories_running_figure_stories_have_an_updated_entry(domain):
    assert _load(STORIES / domain / "expected.json")["updated"]


def test_stories_known_miss_is_a_one_line_reason():
    marks = [e["known_miss"] for d in DOMAINS for k in KEYS for e in _load(STORIES / d / "expected.json")[k] if "known_miss" in e]
    assert all(isinstance(m, str) and m.strip() and "\n" not in m for m in marks)


def test_stories_example_has_five_reports():
    assert len(list(EXAMPLE.glob("*.txt"))) == 5


def test_stories_example_has_six_conflicting_facts():
    assert len({e["about"] for e in _load(EXAMPLE_EXPECTED)["conflicts"]}) == 6


def test_stories_example_directory_holds_only_reports():
    # `consilience demo` reads the whole directory: anything else there would become a document.
    assert sorted(p.suffix for p in EXAMPLE.iterdir()) == [".txt"] * 5


@pytest.mark.parametrize("path", sorted([*EXAMPLE.glob("*.txt"), *(p for d in DOMAINS for p in (STORIES / d).glob("*.txt"))]), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_stories_reports_carry_no_seed_strings(path):
    text = path.read_text(encoding="utf-8")
    assert [s for s in SEED_STRINGS if s in text] == []
