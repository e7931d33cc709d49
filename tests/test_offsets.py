"""Tests of consilience.offsets: the raw <-> clean map round-trips."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consilience.clean import CleanOptions, clean_document, repair
from consilience.model import RawDocument
from consilience.offsets import OffsetMap, OffsetMapBuilder


def _build(raw: str, pieces) -> tuple[str, OffsetMap]:
    b = OffsetMapBuilder(raw)
    for kind, a, z, text in pieces:
        if kind == "copy":
            b.copy(a, z)
        else:
            b.edit(a, z, text)
    return b.build()


def test_offsets_identity_maps_every_offset_to_itself():
    m = OffsetMap.identity(5)
    assert [m.to_raw(i) for i in range(6)] == [0, 1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    "pieces, clean",
    [
        ([("copy", 0, 3, None), ("copy", 6, 9, None)], "abcghi"),
        ([("copy", 0, 2, None), ("edit", 2, 4, "X"), ("copy", 4, 6, None)], "abXef"),
    ],
)
def test_offsets_builder_assembles_the_clean_text(pieces, clean):
    text, _ = _build("abcdefghi", pieces)
    assert text == clean


def test_offsets_copy_characters_map_to_the_same_raw_character():
    raw = "keep\ndrop\nkeep too"
    text, m = _build(raw, [("copy", 0, 5, None), ("copy", 10, 18, None)])
    assert all(raw[m.to_raw(i)] == text[i] for i in range(len(text)))


def test_offsets_edit_span_covers_the_whole_replaced_raw_range():
    raw = "caf\u00c3\u00a9 ok"
    text, m = _build(raw, [("copy", 0, 3, None), ("edit", 3, 5, "\u00e9"), ("copy", 5, 8, None)])
    assert m.span_to_raw(3, 4) == (3, 5)


def test_offsets_removed_raw_offset_maps_to_next_clean_offset():
    raw = "aaa\nBBB\nccc"
    _, m = _build(raw, [("copy", 0, 4, None), ("copy", 8, 11, None)])
    assert m.to_clean(5) == 4


def test_offsets_empty_span_stays_empty():
    _, m = _build("abcdef", [("copy", 0, 6, None)])
    assert m.span_to_raw(2, 2) == (2, 2)


def test_offsets_rejects_pieces_out_of_order():
    b = OffsetMapBuilder("abcdef")
    b.copy(3, 5)
    with pytest.raises(ValueError):
        b.copy(0, 2)


_lines = st.lists(
    st.one_of(
        st.text(alphabet=st.sampled_from(list("abc XYZ.,\t")), min_size=0, max_size=30),
        st.sampled_from(["Sign In", "Share:", "Cafe\u0301 au lait.", "Vie\u0323\u0302t Nam is here.", "It\u00e2\u0080\u0099s fine.",
                         "The plan was approved on Monday by the council.", "Photo: AFP", "  indented line.  ",
                         "See [the report](http://x.org/a_b) **now**.", "# A heading here"]),
    ),
    min_size=0,
    max_size=12,
)


@settings(max_examples=150, deadline=None)
@given(_lines, st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_offsets_every_clean_character_maps_back_to_the_raw_text(lines, sep):
    raw = sep.join(lines)
    doc = clean_document(RawDocument(id="x", source="x", text=raw))
    m = doc.offsets
    for i, ch in enumerate(doc.text):
        j = m.to_raw(i)
        if m.is_exact(i):
            assert raw[j] == ch
        else:
            a, b = m.span_to_raw(i, i + 1)
            # an edited piece is the repaired (ftfy) and NFC form of the raw line it came from
            line_start = raw.rfind("\n", 0, a) + 1
            line_end = raw.find("\n", b)
            assert ch in repair(raw[line_start : line_end if line_end >= 0 else len(raw)].strip())


@settings(max_examples=150, deadline=None)
@given(_lines)
def test_offsets_clean_to_raw_to_clean_round_trips(lines):
    raw = "\n".join(lines)
    doc = clean_document(RawDocument(id="x", source="x", text=raw))
    m = doc.offsets
    for i in range(len(doc.text)):
        if m.is_exact(i):
            assert m.to_clean(m.to_raw(i)) == i


def _is_subsequence(small: str, big: str) -> bool:
    it = iter(big.replace("\n", " "))
    return all(ch in it for ch in small.replace("\n", " "))


def _same(raw_ch: str, clean_ch: str) -> bool:
    """The same character, or a line break the cleaner joined into a space (both are whitespace)."""
    return raw_ch == clean_ch or (raw_ch.isspace() and clean_ch.isspace())


@settings(max_examples=100, deadline=None)
@given(_lines, st.data())
def test_offsets_span_maps_to_the_raw_range_it_came_from(lines, data):
    raw = "\n".join(lines)
    doc = clean_document(RawDocument(id="x", source="x", text=raw), CleanOptions(normalize=None, repair_mojibake=False))
    n = len(doc.text)
    start = data.draw(st.integers(0, max(0, n - 1)))
    end = data.draw(st.integers(min(start + 1, n), n))
    a, b = doc.offsets.span_to_raw(start, end)
    if end > start:
        # without repairs a clean span starts and ends on the same raw characters (a line break may have become
        # a space) and skips only removed text
        assert _same(raw[a], doc.text[start]) and _same(raw[b - 1], doc.text[end - 1])
        assert _is_subsequence(doc.text[start:end], raw[a:b])


@st.composite
def _pieces(draw):
    """A raw text and a random plan of copies, edits and gaps over it, in raw order."""
    raw = draw(st.text(alphabet=st.sampled_from(list("abcdé \n")), min_size=0, max_size=60))
    cuts = sorted(set(draw(st.lists(st.integers(0, len(raw)), max_size=12))) | {0, len(raw)})
    plan = []
    for a, b in zip(cuts, cuts[1:]):
        kind = draw(st.sampled_from(["copy", "copy", "edit", "gap"]))
        if kind == "edit":
            plan.append(("edit", a, b, draw(st.text(alphabet="XYZ", min_size=0, max_size=3))))
        elif kind == "copy":
            plan.append(("copy", a, b, None))
    return raw, plan


@settings(max_examples=200, deadline=None)
@given(_pieces())
def test_offsets_builder_map_round_trips_on_random_plans(case):
    raw, plan = case
    text, m = _build(raw, plan)
    assert m.clean_length == len(text)
    for i in range(len(text)):
        a, b = m.span_to_raw(i, i + 1)
        assert a <= b and (raw[a] == text[i] if m.is_exact(i) else True)
        if m.is_exact(i):
            assert m.to_clean(a) == i
    # the whole clean text maps to a raw range that holds every copied character in order
    if text:
        a, b = m.span_to_raw(0, len(text))
        copied = "".join(text[i] for i in range(len(text)) if m.is_exact(i))
        it = iter(raw[a:b])
        assert all(ch in it for ch in copied)
