"""Story grouping (consilience.reuse.group_stories): copies, shared passages, topic within a window."""

from __future__ import annotations

from pathlib import Path

import pytest

from consilience.model import Document, Published
from consilience.reuse import ReuseOptions, group_stories
from consilience.reuse.stories import story_links

TRAM = """\
The city council of Marlow approved a new tram line on Tuesday after a debate that lasted nine hours.
The line will run 14.2 kilometres from the central station to the university campus in the north.
Construction is expected to cost 612 million euros, of which the national government will pay 40%.
Mayor Ingrid Tallis said the tram vote was the most important decision the council had taken in a decade.
Opponents argued that the tram money would be better spent on repairing the existing bus fleet."""

TRAM_2 = """\
Marlow's tram line won the council's approval after nine hours of debate.
Mayor Ingrid Tallis called the tram vote the council's most important decision in ten years.
The tram will link the central station with the university campus, a route of 14.2 kilometres.
Critics of the tram wanted the money spent on the bus fleet instead."""

FLOOD = """\
Heavy rain flooded the lower town of Cresby on Sunday night, forcing 300 residents from their homes.
The river rose by 2.4 metres in six hours, the highest flood level recorded since 1987.
Firefighters used boats to reach an elderly couple trapped by the flood water in their house.
Schools in Cresby will stay closed on Monday while the flood water recedes."""

FLOOD_2 = """\
Flood water forced 300 Cresby residents from their homes after the river rose 2.4 metres overnight.
Firefighters in boats rescued an elderly couple, and Cresby schools will stay closed on Monday.
It was the worst flood in the town since 1987, officials said."""

NEWSWCL = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "newswcl50"


def _doc(doc_id: str, text: str, date: str | None = None) -> Document:
    return Document(id=doc_id, source=doc_id, text=text,
                    published=Published(date=date, how="declared") if date else Published())


def test_stories_two_topics_two_groups() -> None:
    docs = [_doc("f1", FLOOD), _doc("t1", TRAM), _doc("f2", FLOOD_2), _doc("t2", TRAM_2)]
    assert group_stories(docs) == [["f1", "f2"], ["t1", "t2"]]


def test_stories_copies_linked_without_topic_similarity() -> None:
    docs = [_doc("a", TRAM), _doc("b", TRAM), _doc("c", FLOOD)]
    only_copies = ReuseOptions(story_topic_threshold=1.0)
    assert story_links(docs, only_copies) == [("a", "b", "near-duplicate")]


def test_stories_topic_links_respect_the_time_window() -> None:
    docs = [_doc("f1", FLOOD, "2024-01-02"), _doc("f2", FLOOD_2, "2024-06-30"), _doc("t1", TRAM, "2024-01-02")]
    assert group_stories(docs) == [["f1"], ["f2"], ["t1"]]


def test_stories_undated_documents_may_join_any_story() -> None:
    docs = [_doc("f1", FLOOD, "2024-01-02"), _doc("f2", FLOOD_2), _doc("t1", TRAM, "2024-01-02")]
    assert group_stories(docs) == [["f1", "f2"], ["t1"]]


def test_stories_skipped_documents_left_out() -> None:
    from dataclasses import replace

    docs = [_doc("a", TRAM), replace(_doc("b", TRAM), skipped="empty: the input is empty")]
    assert group_stories(docs) == [["a"]]


def test_stories_newswcl50_groups_never_mix_events() -> None:
    if not NEWSWCL.is_dir():
        pytest.skip("../shared/corpora/newswcl50 is not beside this checkout")
    docs = [_doc(str(p.relative_to(NEWSWCL)), p.read_text(encoding="utf-8")) for p in sorted(NEWSWCL.glob("event*/*.txt"))]
    groups = group_stories(docs)
    assert all(len({d.split("/")[0] for d in g}) == 1 for g in groups)
    assert len(groups) <= 16  # 10 events; single-link merging finds most of each
