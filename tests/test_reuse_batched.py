"""The batched reuse paths give exactly what the pair-by-pair ones give (consilience.reuse).

find_reuse scores one document against all its partners at once, counts shared shingles once per
document and hashes shingles by batch; these tests pin each shortcut to its plain definition.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from consilience.model import Document
from consilience.reuse import ReuseOptions, find_reuse
from consilience.reuse import relations as rel
from consilience.reuse import sentences
from consilience.reuse.minhash import shingle_hashes, shingle_sets
from consilience.reuse.sentences import SentenceTable, _round4, sentence_details
from consilience.segment import segment

# Written for these tests: a short report, a rewrite of it, an unrelated one, and mixtures.
HARBOUR = [
    "The port of Vellmar will add a third container terminal by 2031, its board said on Monday.",
    "The extension will cost 2.3 billion kroner and double the port's yearly capacity.",
    "Dockworkers' union leader Aino Sarkka said the plan would create 850 permanent jobs.",
    "Environmental groups warned that dredging the channel could harm the seal colony nearby.",
    "Work on the breakwater is due to start next spring if the permits arrive in time.",
    "\u201cWe cannot wait for the ships to go elsewhere,\u201d the board chairman told reporters.",
]
REWRITE = [
    "On Monday the board of Vellmar's port announced a third container terminal, to open by 2031.",
    "Yearly capacity will double, at a cost of 2.3 billion kroner.",
    "Some 850 permanent jobs will follow, according to Aino Sarkka, who leads the dockworkers' union.",
    "Dredging the channel might hurt the nearby seal colony, environmental groups cautioned.",
    "If permits come through in time, building the breakwater starts next spring.",
]
FAIR = [
    "The autumn fair in Oskdal drew a record 41,000 visitors over three days.",
    "Organisers credited the dry weather and a new bus shuttle from the station.",
    "A pumpkin weighing 612 kilograms won the growers' contest for the second year running.",
    "Stallholders said sales of wool and honey were the best in a decade.",
]


def _doc(doc_id: str, sentences: list[str]) -> Document:
    return segment(Document(id=doc_id, source=doc_id, text="\n".join(sentences)))


def _story() -> list[Document]:
    return [
        _doc("a", HARBOUR),
        _doc("b", REWRITE),
        _doc("c", FAIR),
        _doc("d", HARBOUR[:3] + FAIR[:2]),
        _doc("e", REWRITE[2:] + HARBOUR[:2]),
        _doc("f", HARBOUR[1:5] + HARBOUR[:1]),
        _doc("g", FAIR[2:3]),
        _doc("h", ["..."]),
    ]


def _pairwise(docs: list[Document], options: ReuseOptions, pairs: list[tuple[int, int]]) -> list:
    """find_reuse's definition, one pair at a time: align, intersect the shingle sets, label."""
    usable = sorted(docs, key=lambda d: d.id)
    prepared = rel._prepare(usable, options)
    table = SentenceTable(usable)
    out = []
    for i, j in pairs:
        matches = table.matches(usable[i].id, usable[j].id, threshold=options.align_threshold)
        inter = np.intersect1d(prepared[i].shingles, prepared[j].shingles).size
        out.append(rel._relation(prepared[i], prepared[j], table, options, matches, inter))
    return sorted(out, key=lambda r: (r.source, r.target))


@pytest.mark.parametrize("threshold", [0.0, 0.2, 0.35, 0.6])
def test_sentences_matches_many_equals_pair_by_pair(threshold: float) -> None:
    docs = _story()
    table = SentenceTable(docs)
    ids = [d.id for d in docs]
    for k, a in enumerate(ids):
        others = ids[k + 1 :][::-1]  # any order of partners
        assert table.matches_many(a, others, threshold=threshold) == [
            table.matches(a, b, threshold=threshold) for b in others
        ]


def test_sentences_details_of_equals_sentence_details_with_known_names() -> None:
    docs = _story()
    table = SentenceTable(docs)
    for d in docs:
        for i, span in enumerate(d.sentences):
            numbers, names = sentence_details(d.text[span.start : span.end], table.names)
            assert table.details_of(d.id, [i]) == numbers | names


@pytest.mark.parametrize(
    "texts",
    [
        ["\n".join(HARBOUR), "\n".join(REWRITE), "\n".join(FAIR)],
        ["", "one", "two words", "\n".join(FAIR)],
        ["the same text here and again"] * 3,
        [],
    ],
    ids=["articles", "empty-and-short", "identical", "none"],
)
def test_minhash_shingle_sets_equal_unique_shingle_hashes(texts: list[str]) -> None:
    got = shingle_sets(texts, size=5)
    assert len(got) == len(texts)
    for text, sh in zip(texts, got):
        assert np.array_equal(sh, np.unique(shingle_hashes(text, size=5)))
        assert sh.dtype == np.uint32


def test_relations_shared_shingle_counts_equal_intersections() -> None:
    prepared = rel._prepare(_story(), ReuseOptions())
    shared = rel._SharedShingles(prepared)
    for p in prepared:
        expected = [np.intersect1d(p.shingles, q.shingles).size for q in prepared]
        assert shared.counts(p.shingles).tolist() == expected


def test_relations_find_reuse_equals_pair_by_pair_when_listing_all() -> None:
    docs = _story()
    options = ReuseOptions()
    n = len(docs)
    expected = _pairwise(docs, options, [(i, j) for i in range(n) for j in range(i + 1, n)])
    assert find_reuse(docs, options) == expected


def test_relations_find_reuse_equals_pair_by_pair_above_listing_limit() -> None:
    docs = _story()
    options = ReuseOptions(list_independent_up_to=1)
    prepared = rel._prepare(sorted(docs, key=lambda d: d.id), options)
    expected = [r for r in _pairwise(docs, options, rel._candidate_pairs(prepared, options))
                if r.relation != "independent"]
    assert expected  # the story has reuse to find
    assert find_reuse(docs, options) == expected


@pytest.mark.parametrize(
    "values",
    [[0.0, 1.0, 0.5], [0.12345, 0.00005, 0.99995, 0.35, 0.70005], [k / 20000 for k in range(0, 20001, 7)]],
    ids=["ends", "halves", "grid"],
)
def test_sentences_bulk_rounding_equals_python_round(values: list[float]) -> None:
    assert _round4(np.array(values, dtype=np.float64)) == [round(x, 4) for x in values]


@given(st.lists(st.floats(min_value=0.0, max_value=1.0), max_size=50))
def test_sentences_bulk_rounding_equals_python_round_on_any_score(values: list[float]) -> None:
    assert _round4(np.array(values, dtype=np.float64)) == [round(x, 4) for x in values]


@pytest.mark.parametrize("columns", [1, 4, 9])
def test_sentences_matches_many_in_blocks_equals_pair_by_pair(monkeypatch: pytest.MonkeyPatch, columns: int) -> None:
    monkeypatch.setattr(sentences, "_MAX_COLUMNS", columns)
    docs = _story()
    table = SentenceTable(docs)
    others = [d.id for d in docs[1:]]
    assert table.matches_many("a", others, threshold=0.35) == [
        table.matches("a", b, threshold=0.35) for b in others
    ]


def test_sentences_matches_many_partner_named_twice() -> None:
    table = SentenceTable(_story())
    assert table.matches_many("a", ["b", "f", "b"], threshold=0.35) == [
        table.matches("a", b, threshold=0.35) for b in ("b", "f", "b")
    ]
