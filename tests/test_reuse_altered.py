"""Facts altered between aligned sentences (consilience.reuse.mark_altered), with hand-built facts."""

from __future__ import annotations

import pytest

from consilience.model import (
    AlignedPair,
    Claim,
    Fact,
    EventValue,
    NameValue,
    Qualifiers,
    Quantity,
    Rank,
    ReuseRelation,
    Span,
    TimeValue,
)
from consilience.reuse import mark_altered
from consilience.reuse.altered import altered_facts

SRC = "Exports rose 11% from 2021. The port is the eighth largest. Mayor Ann Lee spoke."
TGT = "Exports rose 11% from 2020. The port is the seventh largest. Mayor Ann Lee spoke."
SENTS = [(0, 27), (28, 59), (60, 82)]


def _span(doc: str, text: str, needle: str, after: int = 0) -> Span:
    start = text.index(needle, after)
    return Span(doc, start, start + len(needle))


def _claim(cid: str, doc: str, needle: str, value, qualifiers=Qualifiers()) -> Claim:
    text = SRC if doc == "s" else TGT
    span = _span(doc, text, needle)
    sentence = next(Span(doc, a, b) for a, b in SENTS if a <= span.start < b)
    return Claim(id=cid, kind=value.type, span=span, sentence=sentence, value=value, qualifiers=qualifiers)


def _year(y: int) -> TimeValue:
    return TimeValue(point=str(y), low=f"{y}-01-01", high=f"{y + 1}-01-01", granularity="year")


def _relation(sentences=SENTS) -> ReuseRelation:
    pairs = tuple(AlignedPair(Span("s", a, b), Span("t", a, b), 0.9) for a, b in sentences)
    return ReuseRelation("s", "t", "paraphrase", True, 0.9, {"s": 1.0, "t": 1.0}, pairs)


def _fact(fid: str, *claims: Claim) -> Fact:
    return Fact(id=fid, label=fid, kind=claims[0].kind, verdict="conflict", explanation="", claims=claims)


PCT = Quantity(kind="percent", unit="%", point=11, low=10.5, high=11.5)

FACTS = {
    "base-year": _fact(
        "f-base",
        _claim("c1", "s", "11%", PCT, Qualifiers(base=_year(2021), change="increase")),
        _claim("c2", "t", "11%", PCT, Qualifiers(base=_year(2020), change="increase")),
    ),
    "rank": _fact(
        "f-rank",
        _claim("c3", "s", "eighth largest", Rank(point=8, low=8, high=8)),
        _claim("c4", "t", "seventh largest", Rank(point=7, low=7, high=7)),
    ),
    "same-name": _fact(
        "f-name",
        _claim("c5", "s", "Ann Lee", NameValue(name="Ann Lee", key="ann lee", role="mayor")),
        _claim("c6", "t", "Ann Lee", NameValue(name="Ann Lee", key="ann lee", role="mayor")),
    ),
    "event-date-dropped": _fact(
        "f-event",
        _claim("c9", "s", "spoke", EventValue(action="statement", actor="ann lee", when=_year(2024))),
        _claim("c10", "t", "spoke", EventValue(action="statement", actor="ann lee")),
    ),
    "event-date-changed": _fact(
        "f-event2",
        _claim("c11", "s", "spoke", EventValue(action="statement", actor="ann lee", when=_year(2024))),
        _claim("c12", "t", "spoke", EventValue(action="statement", actor="ann lee", when=_year(2023))),
    ),
    "base-only-one-side": _fact(
        "f-one",
        _claim("c7", "s", "11%", PCT, Qualifiers(base=_year(2021))),
        _claim("c8", "t", "11%", PCT),
    ),
}


@pytest.mark.parametrize(
    ("fact", "altered"),
    [("base-year", ("f-base",)), ("rank", ("f-rank",)), ("same-name", ()), ("base-only-one-side", ()),
     ("event-date-dropped", ()), ("event-date-changed", ("f-event2",))],
)
def test_altered_marks_changed_values_only(fact: str, altered: tuple[str, ...]) -> None:
    (rel,) = mark_altered([_relation()], [FACTS[fact]])
    assert rel.altered == altered


def test_altered_needs_the_claims_in_aligned_sentences() -> None:
    # Only the last sentences are aligned: the changed rank sits outside every pair.
    (rel,) = mark_altered([_relation(SENTS[2:])], [FACTS["rank"]])
    assert rel.altered == ()


def test_altered_sorted_and_merged_with_existing() -> None:
    start = _relation()
    from dataclasses import replace

    (rel,) = mark_altered([replace(start, altered=("f-zzz",))], list(FACTS.values()))
    assert rel.altered == ("f-base", "f-event2", "f-rank", "f-zzz")


def test_altered_claims_of_different_facts_never_compared() -> None:
    # The source's rank and the target's rank sit in aligned sentences but belong to different facts.
    left, right = _fact("f-left", FACTS["rank"].claims[0]), _fact("f-right", FACTS["rank"].claims[1])
    (rel,) = mark_altered([_relation()], [left, right])
    assert rel.altered == ()


def test_altered_facts_maps_fact_to_relations() -> None:
    rels = mark_altered([_relation()], list(FACTS.values()))
    assert altered_facts(rels) == {"f-base": [("s", "t")], "f-event2": [("s", "t")], "f-rank": [("s", "t")]}


OTHER = "Exports rose 11% from 2021. The port is the eighth largest. Mayor Ann Lee spoke."


def _other_claim(cid: str, needle: str, value) -> Claim:
    start = OTHER.index(needle)
    span = Span("o", start, start + len(needle))
    return Claim(id=cid, kind=value.type, span=span, sentence=span, value=value)


def _undirected() -> ReuseRelation:
    from dataclasses import replace

    return replace(_relation(), relation="shares-passages", directed=False, why="1 shared passage; no evidence of direction")


@pytest.mark.parametrize(
    ("other_rank", "expected"),
    [(8, ("s", "t", True)), (7, ("t", "s", True))],
    ids=["target-departs", "source-departs"],
)
def test_altered_orients_from_the_side_other_voices_agree_with(other_rank: int, expected) -> None:
    fact = _fact("f-rank", *FACTS["rank"].claims,
                 _other_claim("c9", "eighth largest", Rank(point=other_rank, low=other_rank, high=other_rank)))
    (rel,) = mark_altered([_undirected()], [fact])
    assert (rel.source, rel.target, rel.directed) == expected
    assert "no evidence" not in (rel.why or "")


def test_altered_compatible_change_gives_no_direction() -> None:
    over = Quantity(kind="count", unit="soldier", point=730, low=730, high=float("inf"), hedge="over")
    exact = Quantity(kind="count", unit="soldier", point=733, low=733, high=733)
    fact = _fact("f-hedge", _claim("c1", "s", "eighth", over), _claim("c2", "t", "seventh", exact),
                 _other_claim("c3", "eighth", exact))
    (rel,) = mark_altered([_undirected()], [fact])
    assert (rel.altered, rel.directed) == (("f-hedge",), False)


def test_altered_never_on_independent_relations() -> None:
    from dataclasses import replace

    (rel,) = mark_altered([replace(_relation(), relation="independent", directed=False)], [FACTS["rank"]])
    assert rel.altered == ()
