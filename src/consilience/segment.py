"""The segment stage: split a document's clean text into sentences, as spans into that text.

Owns sentence boundaries only. A line break always ends a sentence (scraped text keeps one paragraph or
one block per line). Inside a line a boundary is a ``.``, ``!``, ``?`` or ``…`` (with any closing quote or
bracket) followed by white space and something that can open a sentence, except after abbreviations:
titles ("Mr.", "Gen."), initials ("George W. Bush"), month and company abbreviations, and dotted
acronyms ("U.S.", "U.N."), which end a sentence only before a word that usually opens one ("The", "It").
Spans never include the surrounding white space.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .model import Document, Span

__all__ = ["segment", "split_sentences"]

# Words after which a period does not end the sentence (compared lower case, without the dot).
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen col lt maj capt sgt adm gov sen rep rev fr sr jr st mt ft hon pres supt insp
    cmdr brig messrs mme mlle
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    inc ltd co corp plc llc bros dept est approx vs etc al fig figs no nos vol vols pp ch sec art
    e.g i.e a.m p.m cf viz ca
    """.split()
)
# Words that usually open a sentence: after a dotted acronym ("to the U.S. The talks ..."), one of these
# means the acronym ended the sentence.
_OPENERS = frozenset(
    """
    the this that these those it its he she they we i you our their his her there here in on at for but and
    or so yet however meanwhile also a an as after before since when while if although though despite
    during earlier later today yesterday tomorrow now then still both each all some many most no not one
    two three four five six seven eight nine ten according under with without by from to what who why how
    """.split()
)

_BOUNDARY = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.?$")
_NEXT_WORD = re.compile(r"\s+([\"'\u201c\u2018(\[]?)(\w+)")
_ACRONYM = re.compile(r"(?:[A-Za-z]\.){2,}$")


def _is_boundary(text: str, punct_start: int, end: int) -> bool:
    """Whether the punctuation at ``text[punct_start:end]`` ends a sentence."""
    nxt = _NEXT_WORD.match(text, end)
    if nxt is None:
        return True
    opener, word = nxt.group(1), nxt.group(2)
    if not (word[0].isupper() or word[0].isdigit() or opener):
        return False
    if text[punct_start] != ".":
        return True
    head = text[max(0, punct_start - 40) : punct_start + 1]
    if _ACRONYM.search(head):
        # "U.S." / "U.N." end a sentence only before a typical opener; "U.S. President" goes on.
        return word.lower() in _OPENERS
    m = _WORD_BEFORE.search(head[:-1])
    if m is None:
        return True
    before = m.group(1).rstrip(".").lower()
    if len(before) == 1 and before.isalpha():
        return False  # an initial: "George W. Bush"
    return before not in _ABBREVIATIONS


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence boundaries in ``text[start:end]`` as ``(start, end)`` offsets into ``text``, stripped."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        _split_line(text, pos, line_end, out)
        pos = line_end + 1
    return out


def _split_line(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    sent_start = start
    for m in _BOUNDARY.finditer(text, start, end):
        if _is_boundary(text, m.start(), m.end()):
            _emit(text, sent_start, m.end(), out)
            sent_start = m.end()
    _emit(text, sent_start, end, out)


def _emit(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def segment(doc: Document) -> Document:
    """Return ``doc`` with ``sentences`` filled: spans of its clean text, in order, never overlapping."""
    spans = tuple(Span(doc.id, s, e) for s, e in split_sentences(doc.text))
    return replace(doc, sentences=spans)
