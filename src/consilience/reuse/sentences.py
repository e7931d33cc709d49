"""Sentence alignment between documents: which sentence of one says what a sentence of the other says.

Owns sentence features (folded word stems, numbers, names), the IDF weights of a run and the
alignment of two documents into scored :class:`~consilience.model.AlignedPair` records. It reads
``Document.sentences`` (or splits the text itself when a document was not segmented) and never
changes a document.

A pair of sentences is scored from two views that fail in different ways, averaged:
- *content*: cosine of IDF-weighted stem sets, numbers weighted double and names one and a half
  (a shared figure or name is strong evidence that two sentences report the same thing);
- *wording*: the longest common subsequence of the two token sequences (function words included),
  over the shorter sentence's length, so a rewrite that keeps the sentence's skeleton scores high
  even when its content words were swapped for synonyms, and a merged sentence still matches each
  of its parts. Short sentences are measured against at least :data:`_MIN_LEN` tokens so that a
  five-word headline is not "contained" in every sentence that repeats its words.
The cosine is a sparse join of the two documents' (term, sentence) entries; the subsequence is
computed by rapidfuzz in C for the candidate pairs only, with each token mapped to one character.
:meth:`SentenceTable.matches_many` aligns one document with many at once (one join against all of
them, the subsequence only for cells above the content floor, one sort of the candidate cells) and
gives exactly what :meth:`SentenceTable.matches` gives pair by pair: find_reuse uses it.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Sequence
from collections import Counter
from itertools import chain, filterfalse
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from ..model import AlignedPair, Document, Span

__all__ = ["SentenceTable", "align_sentences", "sentence_spans", "sentence_details"]

# Function words: they carry the wording view (subsequence) but not the content view (cosine).
_STOP = frozenset(
    """
    a an the and or but nor of to in on at for with by from as into onto over under about after before
    between both each more most other some any all can will would should could may might must shall is
    are was were be been being am has have had having do does did this that these those it its it's
    their theirs his her hers him they them he she we us our i you your which who whom whose what when
    where while than then so such not no also very just only own same too there here up out off s t
    """.split()
)
_TOKEN = re.compile(r"[a-z]+|\d+(?:[.,]\d+)*")
_DIGIT = re.compile(r"\d")
_NAME = re.compile(r"\b[A-Z][a-zA-Z]+")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ied", "ies", "ed", "es", "s", "ly")
_STEM_LEN = 6
#: Sentences shorter than this many tokens are measured as if they had this many (wording view).
_MIN_LEN = 10
_NUMBER_WEIGHT = 2.0
_NAME_WEIGHT = 1.5
# Below this content cosine two sentences share nothing worth the name: they are never aligned on
# their own score (function words in common prove nothing) and their subsequence is not computed.
# 0.1 still admits a rewrite that kept one rare word or figure of its original.
_COS_FLOOR = 0.1
# matches_many scores a document against at most this many partner sentences in one pass (a dense
# block of cosines of this width per sentence of the document).
_MAX_COLUMNS = 8192


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def ascii_text(text: str) -> str:
    """``text`` with every non-ASCII run transliterated ("Phạm" -> "Pham", "’" -> "'"), case kept."""
    if text.isascii():
        return text
    # unidecode walks its input one character at a time in Python: give it only what needs it, and
    # remember the runs (typographic quotes and dashes recur in every sentence).
    return _NON_ASCII.sub(lambda m: _transliterate(m.group()), text)


@functools.lru_cache(maxsize=1 << 14)
def _transliterate(run: str) -> str:
    from unidecode import unidecode

    return unidecode(run)


def _fold(text: str) -> str:
    return ascii_text(text).lower()


def _stem(token: str) -> str:
    """A crude stem: numbers keep their digits (marked ``#``), words lose a common suffix and are cut."""
    return _STEMS[token]


def _stem_of(token: str) -> str:
    if token[0].isdigit():
        return "#" + token.replace(",", "")
    for suffix in _SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            token = token[: -len(suffix)]
            break
    return token[:_STEM_LEN]


class _StemMemo(dict):
    """Stems already computed: a plain dict, so that ``map(_STEMS.__getitem__, tokens)`` stems a whole
    sentence at C speed (an ``lru_cache`` hit costs several times a dict lookup); emptied when full."""

    def __missing__(self, token: str) -> str:
        if len(self) >= 1 << 16:
            self.clear()
        stem = self[token] = _stem_of(token)
        return stem


_STEMS = _StemMemo()


@dataclass(frozen=True, slots=True)
class SentenceFeatures:
    """What alignment needs of one sentence: its span, token stems in order, content stems, details."""

    span: Span
    tokens: tuple[str, ...]  # every token, stemmed, in order (the wording view)
    content: frozenset[str]  # stems of content words and numbers (the content view)
    numbers: frozenset[str]  # "#47.35"
    names: frozenset[str]  # folded capitalised words not opening the sentence


def sentence_spans(doc: Document) -> tuple[Span, ...]:
    """The document's sentences: ``doc.sentences`` when segmented, else split here the same way."""
    if doc.sentences:
        return doc.sentences
    from ..segment import split_sentences

    return tuple(Span(doc.id, s, e) for s, e in split_sentences(doc.text))


def sentence_details(text: str, known_names: frozenset[str] = frozenset()) -> tuple[frozenset[str], frozenset[str]]:
    """Numbers (``#``-marked, commas dropped) and names (folded) stated in one sentence.

    A capitalised word counts as a name when it does not open the sentence (where every word is
    capitalised), or when it is in ``known_names`` (names seen elsewhere in the run).
    """
    plain = ascii_text(text)  # keeps case, so "Phạm" is found as the name "pham"
    numbers = frozenset("#" + t.replace(",", "") for t in _TOKEN.findall(plain.lower()) if t[0].isdigit())
    names, opener = _names(plain)
    if opener and opener in known_names:
        names = names | {opener}
    return numbers, names


def _names(plain: str) -> tuple[frozenset[str], str]:
    """Names of an ASCII sentence not counting its opening word, and that opening word when it could
    be a name ("" otherwise): a name only if seen elsewhere in the run."""
    text = plain.lstrip(" \"'(`")
    words = list(map(str.lower, _NAME.findall(text)))
    # The first capitalised word opens the sentence only when it sits at its very start.
    opener = words.pop(0) if words and _NAME.match(text) else ""
    return frozenset(words).difference(_STOP), "" if opener in _STOP else opener


def _features(doc: Document) -> tuple[list[SentenceFeatures], list[str]]:
    """The features of each sentence, and each sentence's possible name opening it (see :func:`_names`)."""
    out = []
    openers = []
    for span in sentence_spans(doc):
        plain = ascii_text(doc.text[span.start : span.end])
        lower = plain.lower()
        raw_tokens = _TOKEN.findall(lower)
        # map and filterfalse run the stem lookups and the stop-word test without a Python-level loop
        stem = _STEMS.__getitem__
        toks = tuple(map(stem, raw_tokens))
        content = frozenset(map(stem, filterfalse(_STOP.__contains__, raw_tokens)))
        # The same tokens sentence_details reads its numbers from, so they are not found twice (and
        # none to look for in the many sentences without a digit).
        numbers = frozenset("#" + t.replace(",", "") for t in raw_tokens if t[0].isdigit()) \
            if _DIGIT.search(lower) else frozenset()
        names, opener = _names(plain)
        out.append(SentenceFeatures(span, toks, content, numbers, names))
        openers.append(opener)
    return out, openers


def _round4(values: np.ndarray) -> list[float]:
    """``[round(x, 4) for x in values]`` for non-negative values, with Python's rounding, in bulk.

    Both ways end in the double nearest to k / 10**4; they can only choose a different k when
    ``x * 10**4`` lies within rounding error of a half, so those few are left to Python's round.
    """
    scaled = values * 1e4
    k = np.rint(scaled)
    out = (k / 1e4).tolist()
    for at in np.flatnonzero(np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6).tolist():
        out[at] = round(float(values[at]), 4)
    return out


class _Characters(dict):
    """One distinct character per token, handed out on first lookup (only equality matters to the
    subsequence, so which character a token gets does not)."""

    def __missing__(self, token: str) -> str:
        code = 0x100 + len(self)
        if code >= 0xD800:  # skip the surrogate block, which is not a valid character
            code += 0x800
        c = self[token] = chr(code)
        return c


class SentenceTable:
    """Sentence features and IDF weights of a set of documents, ready to align any two of them.

    IDF is taken over the sentences of all the documents given (a story's own vocabulary), so a
    word every report of the story uses ("trade", the country names) weighs little.
    """

    def __init__(self, docs: Sequence[Document]) -> None:
        self.ids = [d.id for d in docs]
        self.sentences: dict[str, list[SentenceFeatures]] = {}
        self._openers: dict[str, list[str]] = {}
        for d in docs:
            self.sentences[d.id], self._openers[d.id] = _features(d)
        # in how many sentences each term occurs (counted in C; the vocabulary below is sorted, so the
        # counter's order does not matter)
        df = Counter(chain.from_iterable(f.content for feats in self.sentences.values() for f in feats))
        names: set[str] = set()
        n = 0
        for feats in self.sentences.values():
            n += len(feats)
            for f in feats:
                names.update(f.names)
        #: Folded names seen inside a sentence anywhere in the run (so also recognised opening one).
        self.names = frozenset(names)
        name_stems = {_stem(x) for x in names}
        self.vocab = {t: k for k, t in enumerate(sorted(df))}
        weights = np.empty(len(self.vocab), dtype=np.float64)
        for t, k in self.vocab.items():
            boost = _NUMBER_WEIGHT if t.startswith("#") else _NAME_WEIGHT if t in name_stems else 1.0
            weights[k] = boost * math.log(1.0 + n / df[t])
        self.weights = weights
        # Every distinct token (content or not) gets one character, for rapidfuzz's subsequence.
        self._chars = _Characters()
        self._rows: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]] = {}
        for doc_id, feats in self.sentences.items():
            self._rows[doc_id] = self._matrix(feats)
        self._all: tuple | None = None  # built by _run
        self._details: dict[str, list[frozenset[str]]] = {}  # built by details_of

    def details_of(self, doc_id: str, indices: Iterable[int]) -> set[str]:
        """Numbers and names stated in the given sentences of a document, as :func:`sentence_details`
        finds them with :attr:`names` as the known names."""
        per = self._details.get(doc_id)
        if per is None:
            # Once per document: its opening words are names only if the run names them elsewhere.
            names = self.names
            per = self._details[doc_id] = [
                f.numbers | f.names | ({w} if w and w in names else frozenset())
                for f, w in zip(self.sentences[doc_id], self._openers[doc_id])
            ]
        out: set[str] = set()
        for i in indices:
            out |= per[i]
        return out

    def _matrix(self, feats: list[SentenceFeatures]):
        """The document's (term, sentence) entries sorted by term, sentence norms and token strings."""
        vocab = self.vocab.__getitem__
        terms = np.fromiter(chain.from_iterable(map(vocab, f.content) for f in feats), dtype=np.int64)
        rows = np.repeat(np.arange(len(feats), dtype=np.int64), [len(f.content) for f in feats])
        # sorted by (term, sentence), as a sort of the pairs would give (no pair occurs twice)
        order = np.lexsort((rows, terms))
        terms, rows = terms[order], rows[order]
        norms = np.zeros(len(feats), dtype=np.float64)
        np.add.at(norms, rows, self.weights[terms] ** 2)
        char = self._chars.__getitem__
        strings = ["".join(map(char, f.tokens)) for f in feats]
        return terms, rows, np.sqrt(norms), strings

    def scores(self, a: str, b: str) -> np.ndarray:
        """Score matrix in [0, 1], rows the sentences of ``a``, columns those of ``b`` (ids)."""
        blend, cos = self._parts(a, b)
        # No shared content word worth the name means two sentences about different things, whatever
        # function words they have in common.
        blend[cos < _COS_FLOOR] = 0.0
        return blend

    def _parts(self, a: str, b: str) -> tuple[np.ndarray, np.ndarray]:
        """The blended score before the content floor, and the content cosine alone."""
        from rapidfuzz.distance import LCSseq
        from rapidfuzz.process import cdist

        ta, ra, na, sa = self._rows[a]
        tb, rb, nb, sb = self._rows[b]
        # Sparse dot products without a matrix library: join the two documents' (term, sentence)
        # entries on the term, then sum each joined entry's squared weight into its sentence pair.
        # The work is the number of (sentence, sentence, shared term) triples, which stays small;
        # dense products would be mostly zeros and call a multi-threaded BLAS for tiny matrices.
        lo = np.searchsorted(tb, ta, side="left")
        counts = np.searchsorted(tb, ta, side="right") - lo
        total = int(counts.sum())
        if total:
            ea = np.repeat(np.arange(ta.size), counts)
            eb = lo[ea] + np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
            flat = ra[ea] * len(sb) + rb[eb]
            dots = np.bincount(flat, weights=self.weights[ta[ea]] ** 2, minlength=len(sa) * len(sb))
            denom = np.outer(na, nb)
            cos = np.divide(dots.reshape(len(sa), len(sb)), denom, out=np.zeros_like(denom), where=denom > 0)
        else:
            cos = np.zeros((len(sa), len(sb)), dtype=np.float64)
        blend = 0.5 * cos
        # The subsequence is computed only between sentences that have a content match somewhere
        # (in most pairs of documents a small corner of the matrix, often nothing); cells outside
        # it hold half the cosine, and :meth:`_cell` gives the full score of one cell on demand.
        live = cos >= _COS_FLOOR
        rows = np.flatnonzero(live.any(axis=1))
        cols = np.flatnonzero(live.any(axis=0))
        if rows.size and cols.size:
            lcs = cdist([sa[r] for r in rows], [sb[c] for c in cols], scorer=LCSseq.similarity, dtype=np.int32)
            la = np.array([len(sa[r]) for r in rows], dtype=np.float64)
            lb = np.array([len(sb[c]) for c in cols], dtype=np.float64)
            shorter = np.maximum(np.minimum.outer(la, lb), _MIN_LEN)
            blend[np.ix_(rows, cols)] += 0.5 * (lcs / shorter)
        return blend, cos

    def _cell(self, a: str, b: str, i: int, j: int, cos: float) -> float:
        """The blended score of one sentence pair (for cells the matrix left at half the cosine)."""
        from rapidfuzz.distance import LCSseq

        sa, sb = self._rows[a][3][i], self._rows[b][3][j]
        return 0.5 * cos + 0.5 * LCSseq.similarity(sa, sb) / max(min(len(sa), len(sb)), _MIN_LEN)

    def align(self, a: str, b: str, *, threshold: float) -> list[AlignedPair]:
        """Aligned sentence pairs of documents ``a`` and ``b``, sorted by source then target offset.

        Pairs are taken best first, each sentence once; then a sentence left over may join a neighbour
        of its partner's match (a sentence split in two, or two merged into one).
        """
        return [AlignedPair(p.span_a, p.span_b, p.score) for p in self.matches(a, b, threshold=threshold)]

    def matches(self, a: str, b: str, *, threshold: float) -> list[Match]:
        """Like :meth:`align`, with sentence indices kept (for coverage, order and details)."""
        fa, fb = self.sentences[a], self.sentences[b]
        if not fa or not fb:
            return []
        raw, cos = self._parts(a, b)
        s = np.where(cos < _COS_FLOOR, 0.0, raw)
        rows, cols = np.nonzero(s >= threshold)
        vals = s[rows, cols]
        order = np.lexsort((cols, rows, -vals))  # best first; ties by position
        return self._choose(a, b, rows[order].tolist(), cols[order].tolist(), _round4(vals[order]), cos, 0,
                            threshold)

    def matches_many(self, a: str, others: Sequence[str], *, threshold: float) -> list[list[Match]]:
        """:meth:`matches` of ``a`` with each of ``others``, in that order, with the same results.

        The content cosines of ``a`` against all of ``others`` come from one join, and the
        subsequence is computed for the cells above the content floor only (the only cells whose
        blended score is ever used), so the cost per pair of documents is a few array slices.
        """
        fa = self.sentences[a]
        if threshold <= 0.0 or not fa or len(set(others)) != len(others):
            # A threshold of zero admits cells below the content floor, and a partner named twice
            # would share columns: the pair-by-pair path handles both.
            return [self.matches(a, b, threshold=threshold) for b in others]
        # Partners are taken a block of columns at a time, which bounds the memory of one pass.
        chunk: list[str] = []
        width = 0
        out: list[list[Match]] = []
        for b in others:
            if chunk and width + len(self.sentences[b]) > _MAX_COLUMNS:
                out.extend(self._matches_block(a, chunk, threshold))
                chunk, width = [], 0
            chunk.append(b)
            width += len(self.sentences[b])
        if chunk:
            out.extend(self._matches_block(a, chunk, threshold))
        return out

    def _matches_block(self, a: str, others: Sequence[str], threshold: float) -> list[list[Match]]:
        """:meth:`matches_many` for one block of distinct partners."""
        from rapidfuzz.distance import LCSseq
        from rapidfuzz.process import cpdist

        ta, ra, na, sa = self._rows[a]
        terms, gcols, starts, norms, lengths, strings, position = self._run()
        g = np.array([position[b] for b in others], dtype=np.int64)
        widths = starts[g + 1] - starts[g]
        offsets = np.zeros(len(others) + 1, dtype=np.int64)
        np.cumsum(widths, out=offsets[1:])
        width = int(offsets[-1])
        # Column k of the result is sentence ``glob[k]`` of the run; ``local`` is the way back.
        glob = np.repeat(starts[g] - offsets[:-1], widths) + np.arange(width)
        local = np.full(int(starts[-1]), -1, dtype=np.int64)
        local[glob] = np.arange(width)
        mapped = local[gcols]
        keep = mapped >= 0
        # Filtering keeps the entries sorted by term (within a term the order of columns is irrelevant:
        # each joined entry feeds a different cell).
        tb, rb, nb = terms[keep], mapped[keep], norms[glob]
        # The same join as :meth:`_parts`, against every other document at once: contributions to a
        # cell still arrive in the order of ``a``'s terms, so every sum is bit for bit the same.
        lo = np.searchsorted(tb, ta, side="left")
        counts = np.searchsorted(tb, ta, side="right") - lo
        total = int(counts.sum())
        if total:
            ea = np.repeat(np.arange(ta.size), counts)
            eb = lo[ea] + np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
            flat = ra[ea] * width + rb[eb]
            dots = np.bincount(flat, weights=self.weights[ta[ea]] ** 2, minlength=len(sa) * width)
            denom = np.outer(na, nb)
            cos = np.divide(dots.reshape(len(sa), width), denom, out=np.zeros_like(denom), where=denom > 0)
        else:
            cos = np.zeros((len(sa), width), dtype=np.float64)
        # Only cells at or above the content floor can be aligned on their own score: the blend is
        # computed for those alone (the same operations as :meth:`_parts`, so the same values).
        rows, cols = np.nonzero(cos >= _COS_FLOOR)
        if rows.size:
            gj = glob[cols]
            lcs = cpdist([sa[i] for i in rows.tolist()], [strings[j] for j in gj.tolist()],
                         scorer=LCSseq.similarity, dtype=np.int32)
            la = np.array([len(x) for x in sa], dtype=np.float64)
            shorter = np.maximum(np.minimum(la[rows], lengths[gj]), _MIN_LEN)
            vals = 0.5 * cos[rows, cols]
            vals += 0.5 * (lcs / shorter)
            passing = vals >= threshold
            rows, cols, vals = rows[passing], cols[passing], vals[passing]
        else:
            vals = np.zeros(0, dtype=np.float64)
        # Candidate cells of every pair in one sort: by pair, then as :meth:`matches` orders them
        # (best first, ties by position; a pair's columns keep their order under the offset).
        pair = np.searchsorted(offsets, cols, side="right") - 1
        order = np.lexsort((cols, rows, -vals, pair))
        rows, cols, pair = rows[order], cols[order], pair[order]
        bounds = np.searchsorted(pair, np.arange(len(others) + 1)).tolist()
        rows_l, cols_l, vals_l = rows.tolist(), (cols - offsets[pair]).tolist(), _round4(vals[order])
        out: list[list[Match]] = []
        for k, b in enumerate(others):
            lo_k, hi_k = bounds[k], bounds[k + 1]
            if hi_k == lo_k:  # nothing reaches the threshold: nothing to align or fill
                out.append([])
                continue
            out.append(self._choose(a, b, rows_l[lo_k:hi_k], cols_l[lo_k:hi_k], vals_l[lo_k:hi_k], cos,
                                    int(offsets[k]), threshold))
        return out

    def _run(self):
        """The whole run's sentences as columns, built once: the (term, column) entries sorted by term,
        each document's first column, and each column's norm, token-string length and token string."""
        if self._all is None:
            parts = [self._rows[d] for d in self.ids]
            starts = np.zeros(len(parts) + 1, dtype=np.int64)
            np.cumsum([len(self.sentences[d]) for d in self.ids], out=starts[1:])
            if parts:
                terms = np.concatenate([p[0] for p in parts])
                cols = np.concatenate([p[1] + starts[k] for k, p in enumerate(parts)])
                norms = np.concatenate([p[2] for p in parts])
            else:
                terms = cols = np.zeros(0, dtype=np.int64)
                norms = np.zeros(0, dtype=np.float64)
            order = np.argsort(terms, kind="stable")
            strings = [x for p in parts for x in p[3]]
            lengths = np.array([len(x) for x in strings], dtype=np.float64)
            position = {d: k for k, d in enumerate(self.ids)}
            self._all = (terms[order], cols[order], starts, norms, lengths, strings, position)
        return self._all

    def _choose(self, a: str, b: str, rows: list[int], cols: list[int], vals: list[float], cos: np.ndarray,
                col0: int, threshold: float) -> list[Match]:
        """Aligned pairs from candidate cells ``(rows[k], cols[k])`` scoring ``vals[k]`` (rounded to four
        places), best first; column ``col0 + j`` of the content cosines ``cos`` is sentence ``j`` of ``b``."""
        fa, fb = self.sentences[a], self.sentences[b]
        used_a, used_b, chosen = self._pick(list(zip(rows, cols, vals)))
        # A gap of one sentence on both sides between two aligned pairs is the same sentence reworded
        # beyond lexical reach ("opponents argued ..." / "critics said ..."): aligned when the two
        # share any content at all and score at least a third of the threshold.
        filled: list[tuple[int, int, float]] = []
        for i, j, _ in sorted(chosen):
            gi, gj = i + 1, j + 1
            if (gi < len(fa) and gj < len(fb) and gi not in used_a and gj not in used_b
                    and used_a.get(gi + 1) == gj + 1 and cos[gi, col0 + gj] > 0):
                score = self._cell(a, b, gi, gj, float(cos[gi, col0 + gj]))
                if score >= threshold / 3:
                    used_a[gi], used_b[gj] = gj, gi
                    filled.append((gi, gj, score))
        # tuple.__new__ skips the named tuple's Python-level constructor (a story builds 100,000 of these).
        new = tuple.__new__
        out = [new(Match, (i, j, fa[i].span, fb[j].span, x, False)) for i, j, x in chosen]
        out.extend(new(Match, (i, j, fa[i].span, fb[j].span, round(x, 4), True)) for i, j, x in filled)
        out.sort()
        return out

    @staticmethod
    def _pick(cells: list[tuple[int, int, float]]):
        """Cells taken best first, each sentence once; then a leftover sentence may join a neighbour
        of its partner's match (a sentence split in two, or two merged into one)."""
        used_a: dict[int, int] = {}
        used_b: dict[int, int] = {}
        chosen: list[tuple[int, int, float]] = []
        for cell in cells:
            i, j, _ = cell
            if i not in used_a and j not in used_b:
                used_a[i], used_b[j] = j, i
                chosen.append(cell)
        for cell in cells:
            i, j, _ = cell
            if (i in used_a) == (j in used_b):
                continue
            # One side is free: accept when the other side's match is next to it (split or merge).
            if i not in used_a and abs(used_b[j] - i) == 1:
                used_a[i] = j
                chosen.append(cell)
            elif j not in used_b and abs(used_a[i] - j) == 1:
                used_b[j] = i
                chosen.append(cell)
        return used_a, used_b, chosen


class Match(NamedTuple):
    """An aligned pair with the sentence indices it came from (internal to the reuse stage).

    A named tuple rather than a frozen dataclass: a story of 200 reports builds about 100,000 of
    them, and a tuple is built several times faster.
    """

    i: int
    j: int
    span_a: Span
    span_b: Span
    score: float
    filled: bool = False  # aligned by position between two aligned neighbours, not by its own score


def align_sentences(
    a: Document, b: Document, *, corpus: Sequence[Document] = (), threshold: float = 0.35
) -> list[AlignedPair]:
    """Aligned sentence pairs of ``a`` (source spans) and ``b`` (target spans), sorted by position.

    IDF weights come from ``corpus`` plus the two documents, so pass the whole run when aligning
    inside it; each pair's score is in [0, 1].
    """
    docs = {d.id: d for d in (*corpus, a, b)}
    table = SentenceTable([docs[k] for k in sorted(docs)])
    return table.align(a.id, b.id, threshold=threshold)
