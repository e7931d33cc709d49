"""Sentence alignment (consilience.reuse.sentences): paraphrase, reordering, spans and scores."""

from __future__ import annotations

import pytest

from consilience.model import Document
from consilience.reuse import align_sentences
from consilience.reuse.sentences import SentenceTable, sentence_details, sentence_spans
from consilience.segment import segment

A = """\
The dam on the Orlo river will be raised by 12 metres, the water board announced on Friday.
The project will cost 84 million dollars and take four years.
Farmers downstream fear that less water will reach their fields in summer.
The board's chairman, Paolo Renzi, said the higher dam would protect 9,000 homes from floods."""

# Written for this test: A's sentences reworded and put in another order.
B = """\
Chairman Paolo Renzi told reporters that 9,000 homes would be safer from floods behind a higher dam.
On Friday the water board said it would raise the Orlo river dam by 12 metres.
Downstream, farmers worry their fields will get less water during the summer.
Four years of works are planned, at a cost of 84 million dollars."""

C = """\
A new bakery opened on the main square, selling bread made with flour from local mills.
The owner, a former teacher, said she had dreamed of it for years.
Queues formed before dawn on the first morning."""


def _doc(doc_id: str, text: str) -> Document:
    return segment(Document(id=doc_id, source=doc_id, text=text))


def test_sentences_reordered_paraphrase_fully_aligned() -> None:
    pairs = align_sentences(_doc("a", A), _doc("b", B))
    got = [(p.source_span.start, p.target_span.start) for p in pairs]
    a, b = _doc("a", A), _doc("b", B)
    expected = [(a.sentences[i].start, b.sentences[j].start) for i, j in ((0, 1), (1, 3), (2, 2), (3, 0))]
    assert got == expected


def test_sentences_unrelated_documents_do_not_align() -> None:
    assert align_sentences(_doc("a", A), _doc("c", C)) == []


def test_sentences_identical_sentences_score_one() -> None:
    pairs = align_sentences(_doc("a", A), _doc("b", A))
    assert [p.score for p in pairs] == [1.0] * 4


def test_sentences_pairs_sorted_by_source_position() -> None:
    pairs = align_sentences(_doc("b", B), _doc("a", A))
    starts = [p.source_span.start for p in pairs]
    assert starts == sorted(starts)


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.7])
def test_sentences_scores_respect_threshold(threshold: float) -> None:
    pairs = align_sentences(_doc("a", A), _doc("b", B), threshold=threshold)
    assert all(p.score >= threshold for p in pairs)


def test_sentences_unsegmented_document_is_split() -> None:
    doc = Document(id="a", source="a", text=A)
    assert [s.start for s in sentence_spans(doc)] == [s.start for s in _doc("a", A).sentences]


@pytest.mark.parametrize(
    ("text", "numbers", "names"),
    [
        ("Trade hit US$123.86 billion, up 11% from 2021.", {"#123.86", "#11", "#2021"}, set()),
        ("About 25,000 students came.", {"#25000"}, set()),
        ("Spokesperson Phạm Thu Hằng met Antony Blinken.", set(), {"pham", "thu", "hang", "antony", "blinken"}),
    ],
)
def test_sentences_details_numbers_and_names(text: str, numbers: set[str], names: set[str]) -> None:
    assert sentence_details(text) == (frozenset(numbers), frozenset(names))


def test_sentences_idf_discounts_words_every_sentence_uses() -> None:
    table = SentenceTable([_doc("a", A), _doc("b", B)])
    weights = {t: table.weights[k] for t, k in table.vocab.items()}
    assert weights["board"] < weights["#84"]
