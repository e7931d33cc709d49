"""Reuse relations on planted copies: verbatim, lightly edited, paraphrased, reordered, truncated."""

from __future__ import annotations

from dataclasses import replace

import pytest

from consilience.model import Document, Published, ReuseRelation
from consilience.reuse import ReuseOptions, find_reuse, independent_voices
from consilience.segment import segment

ORIGINAL = """\
The city council of Marlow approved a new tram line on Tuesday after a debate that lasted nine hours.
The line will run 14.2 kilometres from the central station to the university campus in the north.
Construction is expected to cost 612 million euros, of which the national government will pay 40%.
Mayor Ingrid Tallis said the vote was the most important decision the council had taken in a decade.
Opponents argued that the money would be better spent on repairing the existing bus fleet.
The first trams are due to carry passengers in 2029, two years later than planned in the 2019 study.
Engineers from the firm Halberd Rail will start surveying the route in March.
About 38,000 people are expected to use the line every day once it is fully open.
The council also agreed to plant 1,200 trees along the route to replace those removed for the tracks.
Shopkeepers on Bridge Street have asked for compensation for the months of roadworks ahead.
A second line to the southern suburbs remains under study and will be voted on next year.
The regional transport authority will hold public meetings on the timetable in the autumn."""

# Written for this test: every sentence of ORIGINAL said again in other words, in the same order.
PARAPHRASE = """\
After nine hours of debate on Tuesday, Marlow's city council gave its approval to a new tram line.
Running from the central station to the university campus in the north, the line will be 14.2 kilometres long.
The works should cost 612 million euros, and the national government will cover 40% of the bill.
According to Mayor Ingrid Tallis, the vote was the council's most important decision in ten years.
Critics said the funds should rather go to fixing the buses the city already runs.
Passengers will board the first trams in 2029, two years behind the schedule of the 2019 study.
Surveying of the route by engineers of Halberd Rail begins in March.
Once fully open, the line should carry about 38,000 people a day.
To replace trees cut down for the tracks, the council will also plant 1,200 new ones along the route.
Bridge Street shopkeepers want compensation for the coming months of roadworks.
A decision on a second line to the southern suburbs, still under study, is expected next year.
Public meetings on the timetable will be held by the regional transport authority in the autumn."""

UNRELATED = """\
Heavy rain flooded the lower town of Cresby on Sunday night, forcing 300 residents from their homes.
The river rose by 2.4 metres in six hours, the highest level recorded since 1987.
Firefighters used boats to reach an elderly couple trapped on the first floor of their house.
The regional weather office had issued an orange warning on Saturday afternoon.
Schools in the district will stay closed on Monday while the water recedes.
Farmers upstream said their fields had been under water for the third time this year.
The local football club offered its stadium as a shelter for families with nowhere to go.
Insurers estimate the damage at several million pounds, though the count has only begun.
Volunteers filled sandbags through the night at the fire station on Mill Lane.
The national government promised emergency funds but gave no figure."""

# A different article about the same tram vote that copies two consecutive sentences of ORIGINAL.
SHARES = """\
Residents of Marlow's northern districts gave a mixed welcome to the tram plan on Wednesday.
Several said they had waited for a fast link to the centre for more than twenty years.
The line will run 14.2 kilometres from the central station to the university campus in the north.
Construction is expected to cost 612 million euros, of which the national government will pay 40%.
Students at the campus were the most enthusiastic, a survey by the student union found.
Older residents worried about noise from trams running late at night.
Local cafes expect more customers once the stations open.
Cyclists asked that the tracks be built so that bicycle wheels cannot get stuck in them."""


def _doc(doc_id: str, text: str, date: str | None = None) -> Document:
    published = Published(date=date, how="declared") if date else Published()
    return segment(Document(id=doc_id, source=doc_id, text=text, published=published))


def _light_edit(text: str) -> str:
    return (
        text.replace("Tuesday", "Tuesday evening")
        .replace("nine hours", "almost nine hours")
        .replace("in March", "early in March")
    )


def _reorder(text: str) -> str:
    lines = text.split("\n")
    return "\n".join(lines[6:] + lines[:6])


def _truncate(text: str) -> str:
    lines = text.split("\n")
    return "\n".join(lines[:8])


def _excerpt(text: str) -> str:
    return "\n".join(text.split("\n")[2:5])


def _pair(rels: list[ReuseRelation], a: str, b: str) -> ReuseRelation:
    return next(r for r in rels if {r.source, r.target} == {a, b})


@pytest.mark.parametrize(
    ("copy_text", "expected"),
    [
        (ORIGINAL, "duplicate"),
        (_light_edit(ORIGINAL), "duplicate"),
        (_reorder(ORIGINAL), "duplicate"),
        (_truncate(ORIGINAL), "duplicate"),
        (PARAPHRASE, "paraphrase"),
        (_reorder(PARAPHRASE), "paraphrase"),
        (SHARES, "shares-passages"),
        (_excerpt(ORIGINAL), "shares-passages"),
        (UNRELATED, "independent"),
    ],
    ids=["verbatim", "lightly-edited", "reordered", "truncated", "paraphrased", "paraphrased-reordered",
         "shared-passage", "excerpt", "unrelated"],
)
def test_relations_planted_copy_labelled(copy_text: str, expected: str) -> None:
    rels = find_reuse([_doc("a", ORIGINAL), _doc("b", copy_text)])
    assert [r.relation for r in rels] == [expected]


def test_relations_paraphrase_aligns_every_sentence() -> None:
    (rel,) = find_reuse([_doc("a", ORIGINAL), _doc("b", PARAPHRASE)])
    assert len(rel.pairs) == 12
    assert rel.coverage["a"] > 0.9 and rel.coverage["b"] > 0.9


def test_relations_pair_spans_point_into_their_documents() -> None:
    a, b = _doc("a", ORIGINAL), _doc("b", PARAPHRASE)
    (rel,) = find_reuse([a, b])
    docs = {"a": a, "b": b}
    for pair in rel.pairs:
        assert pair.source_span in docs[rel.source].sentences
        assert pair.target_span in docs[rel.target].sentences
        assert 0.0 < pair.score <= 1.0


def test_relations_truncated_copy_is_directed_from_the_full_text() -> None:
    (rel,) = find_reuse([_doc("a", _truncate(ORIGINAL)), _doc("b", ORIGINAL)])
    assert (rel.source, rel.target, rel.directed) == ("b", "a", True)


@pytest.mark.parametrize(
    ("date_a", "date_b", "expected"),
    [("2024-03-02", "2024-03-01", ("b", "a")), ("2024-03-01", "2024-03-05", ("a", "b")), ("2023", "2024-01", ("a", "b"))],
)
def test_relations_direction_follows_publication_dates(date_a: str, date_b: str, expected: tuple[str, str]) -> None:
    (rel,) = find_reuse([_doc("a", ORIGINAL, date_a), _doc("b", PARAPHRASE, date_b)])
    assert ((rel.source, rel.target), rel.directed) == (expected, True)


def test_relations_copy_that_lost_details_is_the_target() -> None:
    # The rewrite drops a month, a firm and a street, and adds nothing of its own.
    lossy = (PARAPHRASE.replace(" by engineers of Halberd Rail", "").replace(" in March", "")
             .replace("Bridge Street shopkeepers", "Shopkeepers"))
    (rel,) = find_reuse([_doc("a", lossy), _doc("b", ORIGINAL)])
    assert (rel.source, rel.target, rel.directed) == ("b", "a", True)


def test_relations_independent_pair_never_directed() -> None:
    (rel,) = find_reuse([_doc("a", ORIGINAL, "2024-03-02"), _doc("b", UNRELATED, "2024-03-01")])
    assert (rel.source, rel.target, rel.directed) == ("a", "b", False)


@pytest.mark.parametrize("copy_text", [_reorder(ORIGINAL), _excerpt(ORIGINAL), SHARES], ids=["reordered", "excerpt", "shared"])
def test_relations_undirected_without_evidence(copy_text: str) -> None:
    (rel,) = find_reuse([_doc("b", ORIGINAL), _doc("a", copy_text)])
    assert (rel.source, rel.target, rel.directed) == ("a", "b", False)


def test_relations_sorted_by_source_then_target() -> None:
    docs = [_doc(k, t) for k, t in (("c", UNRELATED), ("a", ORIGINAL), ("b", PARAPHRASE), ("d", SHARES))]
    rels = find_reuse(docs)
    assert [(r.source, r.target) for r in rels] == sorted((r.source, r.target) for r in rels)
    assert len(rels) == 6


def test_relations_large_input_lists_only_reuse() -> None:
    docs = [_doc("a", ORIGINAL), _doc("b", PARAPHRASE), _doc("c", UNRELATED)]
    rels = find_reuse(docs, ReuseOptions(list_independent_up_to=2))
    assert [(r.source, r.target, r.relation) for r in rels] == [("a", "b", "paraphrase")]


def test_relations_skipped_documents_left_out() -> None:
    skipped = replace(_doc("z", ORIGINAL), skipped="empty: the input is empty")
    rels = find_reuse([_doc("a", ORIGINAL), skipped])
    assert rels == []


def test_relations_same_input_same_output() -> None:
    docs = [_doc("a", ORIGINAL), _doc("b", PARAPHRASE), _doc("c", SHARES)]
    assert find_reuse(docs) == find_reuse(list(reversed(docs)))


def test_relations_unsegmented_documents_are_split_here() -> None:
    a = Document(id="a", source="a", text=ORIGINAL)
    b = Document(id="b", source="b", text=PARAPHRASE)
    (rel,) = find_reuse([a, b])
    assert rel.relation == "paraphrase"


@pytest.mark.parametrize(
    ("relations", "expected"),
    [
        ([("a", "b", "paraphrase", True)], {"a": "a", "b": "a", "c": "c"}),
        ([("b", "a", "duplicate", True)], {"a": "b", "b": "b", "c": "c"}),
        ([("a", "b", "duplicate", False), ("b", "c", "paraphrase", True)], {"a": "a", "b": "a", "c": "a"}),
        ([("a", "b", "shares-passages", False)], {"a": "a", "b": "b", "c": "c"}),
        ([("a", "c", "independent", False)], {"a": "a", "b": "b", "c": "c"}),
    ],
)
def test_relations_independent_voices(relations, expected: dict[str, str]) -> None:
    rels = [ReuseRelation(s, t, rel, directed, 0.5, {s: 1.0, t: 1.0}) for s, t, rel, directed in relations]
    assert independent_voices(rels, ["c", "b", "a"]) == expected


@pytest.mark.parametrize("text", ["", "   ", "Short."])
def test_relations_empty_or_tiny_document_is_independent(text: str) -> None:
    (rel,) = find_reuse([_doc("a", ORIGINAL), _doc("b", text)])
    assert (rel.relation, rel.pairs) == ("independent", ())
