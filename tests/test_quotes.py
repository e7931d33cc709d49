"""Quotations: passages, speakers, alignment across sources and word-by-word differences."""

from __future__ import annotations

import pytest

from consilience.model import Document, Published
from consilience.quotes import align_quotes, extract_quotes, word_diff
from consilience.segment import segment


def _doc(text: str, doc_id: str = "a", date: str | None = None) -> Document:
    return segment(Document(id=doc_id, source=doc_id, text=text,
                            published=Published(date, "declared" if date else "unknown")))


@pytest.mark.parametrize(("text", "quoted"), [
    ('She said: "We will build three new plants."', "We will build three new plants."),
    ("She said: “We will build three new plants.”", "We will build three new plants."),
    ("“We will build three new plants,\" she said.", "We will build three new plants"),
    ("He backed an “independent, self-reliant and prosperous” nation.", "independent, self-reliant and prosperous"),
])
def test_quotes_span_is_the_quoted_words(text: str, quoted: str) -> None:
    doc = _doc(text)
    (claim,) = extract_quotes(doc)
    assert doc.text[claim.span.start:claim.span.end] == quoted
    assert claim.value.text == quoted


@pytest.mark.parametrize("text", [
    'The deal, called "Comprehensive Partnership", was signed.',
    'He called it "The White House of the South".',
    'He said "no".',
    'An unclosed "quotation that never ends\nand a new line.',
])
def test_quotes_short_or_unclosed_passages_are_not_quotes(text: str) -> None:
    assert extract_quotes(_doc(text)) == []


@pytest.mark.parametrize(("text", "speaker"), [
    ('"Ties have deepened a lot," foreign ministry spokesperson Pham Thu Hang told the press.', "Pham Thu Hang"),
    ('President Joe Biden spoke. "We are partners for good," Biden said.', "Joe Biden"),
    ('"We are partners for good," said Mayor Anne Hidalgo.', "Anne Hidalgo"),
    ('Secretary of State Antony Blinken said: "I look forward to the visit."', "Antony Blinken"),
    ('Mayor Anne Hidalgo spoke first. "We are partners for good," she said.', "Anne Hidalgo"),
    ('According to the Ministry of Foreign Affairs, ties reached a "new level of relations when conditions are right."',
     "Ministry of Foreign Affairs"),
    ('President Joe Biden spoke. Biden stated that the U.S. supports an "independent, strong and prosperous" nation.',
     "Joe Biden"),
])
def test_quotes_speaker_is_attributed(text: str, speaker: str) -> None:
    claims = extract_quotes(_doc(text))
    assert [c.value.speaker for c in claims] == [speaker]


def test_quotes_without_speech_verb_have_no_speaker() -> None:
    (claim,) = extract_quotes(_doc('The banner read "buy local goods today".'))
    assert claim.value.speaker is None


@pytest.mark.parametrize(("a", "b", "shown"), [
    ("independent, self-sufficient and prosperous", "independent, self-reliant and prosperous",
     "independent, [self-sufficient → self-reliant] and prosperous"),
    ("we will not raise taxes", "we will raise taxes", "we will [-not] raise taxes"),
    ("we will raise taxes", "we will sharply raise taxes", "we will [+sharply] raise taxes"),
    ("Việt Nam is ready.", "Viet Nam is ready", "Viet Nam is ready"),
])
def test_quotes_word_diff(a: str, b: str, shown: str) -> None:
    assert word_diff(a, b) == shown


def _judge(*texts: str):
    docs = [_doc(t, f"d{i}") for i, t in enumerate(texts)]
    return align_quotes([c for d in docs for c in extract_quotes(d)], docs)


@pytest.mark.parametrize(("one", "other", "verdict"), [
    ("independent, self-sufficient and prosperous", "independent, self-sufficient, and prosperous", "agree"),
    ("we will defend the harbour and the coast", "we will defend the harbor and the coast", "compatible"),
    ("we will defend the harbour and the coast", "we will defend harbour and the coast", "compatible"),
    ("we will defend the harbour and the coast", "we will defend the harbour", "compatible"),
    ("independent, self-sufficient and prosperous", "independent, self-reliant and prosperous", "divergent"),
    ("we will not raise taxes on working families", "we will raise taxes on working families", "divergent"),
    ("further details will be set out in due course", "further details would be set out in due course",
     "compatible"),
    ("we do not always agree on the E.U. rules", "we don't always agree on the EU rules", "agree"),
    ("your visit, Mr. President, comes at a critical time for our alliance",
     "your visit comes at a critical time for alliance", "compatible"),
    ("we will send two thousand troops to the border", "we will send troops to the border", "divergent"),
])
def test_quotes_verdict_by_wording(one: str, other: str, verdict: str) -> None:
    (fact,) = _judge(f'Mayor Anne Hidalgo said: "{one}".', f'Mayor Anne Hidalgo said: "{other}".')
    assert fact.verdict == verdict
    assert fact.id.startswith("quote-")


def test_quotes_divergent_explanation_shows_the_changed_word() -> None:
    (fact,) = _judge('She backed an "independent, self-sufficient and prosperous" nation.',
                     'She backed an "independent, self-reliant and prosperous" nation.')
    assert "[self-sufficient → self-reliant]" in fact.explanation
    assert "d0" in fact.explanation and "d1" in fact.explanation


def test_quotes_unquoted_repeat_joins_the_quotation() -> None:
    (fact,) = _judge('President Joe Biden said he backs an "independent, self-sufficient and prosperous" nation.',
                     "President Joe Biden affirmed his support for an independent, self-reliant and prosperous nation.")
    assert fact.verdict == "divergent"
    assert sorted(c.doc_id for c in fact.claims) == ["d0", "d1"]
    assert [c.measure for c in fact.claims] == ["quoted", "unquoted"]
    assert "without quotation marks" in fact.explanation


def test_quotes_name_like_quotation_has_no_unquoted_repeats() -> None:
    facts = _judge('He spoke at what he calls "the southern White House" in Florida.',
                   "Officials at the White House said nothing.")
    assert [sorted(c.doc_id for c in f.claims) for f in facts] == [["d0"]]


def test_quotes_long_difference_keeps_only_context_around_changes() -> None:
    one = "we will now counter for the server that they refused to give to the bureau and the documents"
    (fact,) = _judge(f'He wrote: "{one}".', f'He wrote: "{one.replace("bureau", "agency")}".')
    assert "… to give to the [bureau → agency] and the documents" in fact.explanation


def test_quotes_unrelated_quotations_stay_apart() -> None:
    facts = _judge('She said: "We will build three new plants next year."',
                   'He said: "Prices of rice rose sharply in the north."')
    assert sorted(f.verdict for f in facts) == ["single-source", "single-source"]


@pytest.mark.seeds
def test_quotes_seeds_biden_quote_is_divergent(seed_documents) -> None:
    docs = seed_documents
    facts = align_quotes([c for d in docs for c in extract_quotes(d)], docs)
    biden = [f for f in facts if any("prosperous" in c.value.text for c in f.claims)]
    assert len(biden) == 1
    (fact,) = biden
    assert fact.verdict == "divergent"
    assert {c.doc_id[:3] for c in fact.claims} >= {"000", "001", "003"}
    assert "self-sufficient → self-reliant" in fact.explanation


def test_quotes_misquote_close_to_one_version_joins_the_quotation() -> None:
    # c is close to b, far from the longer a that opens the quotation: all three are one quotation
    a = _doc('"Anyone with watery diarrhoea should come to us at once. Cholera kills quickly, but it is easy '
             'to treat if you arrive early," Dr Mwale said.', "a")
    b = _doc('"Cholera kills quickly, but it is easy to treat when people arrive early," Dr Mwale said.', "b")
    c = _doc('She said: "Cholera kills fast, but it is easy to treat if people come early."', "c")
    claims = [q for d in (a, b, c) for q in extract_quotes(d)]
    (fact,) = align_quotes(claims, [a, b, c])
    assert {q.doc_id for q in fact.claims} == {"a", "b", "c"} and fact.verdict == "divergent"


def test_quotes_shared_excerpt_does_not_join_two_quotations() -> None:
    a = _doc('"During the campaign, Russia found a willing and active partner in the candidate," Perez said.', "a")
    b = _doc('The suit says Russia found a "willing and active partner" in the campaign.', "b")
    c = _doc('Ruiz said the unions had been "a willing and active partner throughout the long and bitter dispute '
             'over wages".', "c")
    claims = [q for d in (a, b, c) for q in extract_quotes(d)]
    facts = align_quotes(claims, [a, b, c])
    assert not any({"a", "c"} <= {q.doc_id for q in f.claims} for f in facts)
