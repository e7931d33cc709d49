"""Story grouping: a pile of documents split into stories, ready to be reconciled one by one.

Owns the links between documents of a pile and their connected components. Three kinds of link,
each found without comparing every pair:
- near-duplicates: MinHash LSH over word shingles, verified by exact Jaccard (:mod:`.minhash`);
- shared passages: two documents sharing several word shingles that few documents of the pile use
  (a sort over all shingles finds them);
- same topic: cosine of IDF-weighted vectors of each document's most distinctive terms, for pairs
  that share some of those terms (an inverted index proposes them), when the two were published
  within ``story_window_days`` of each other (or either date is unknown).
Everything here is per document or sorted, so the scale-out stage can run it on partitions.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date

import numpy as np

from ..model import Document
from .minhash import MinHasher, candidate_pairs, exact_jaccard, lsh_bands, shared_shingle_pairs, shingle_hashes
from .options import ReuseOptions

__all__ = ["group_stories", "story_links"]

_WORD = re.compile(r"[a-z][a-z'-]+")
# Words too common in news to say what a story is about, on top of a pile's own IDF.
_STOP = frozenset(
    """
    the and for that with from this have has had was were are been will would said says say about after
    before into over their they them there than then also more most some such only other which when where
    while who whom whose what its it's his her she him our out not but can could may might must should
    new one two three first last year years week day days time told according just like including
    """.split()
)
# Shared-passage link: this many rare shingles in common (two copied sentences' worth).
_PASSAGE_SHINGLES = 12
# A posting list longer than this is a word of the whole pile, not of a story: skipped for blocking.
_MAX_POSTING = 1000
# Topical candidates must share this many distinctive terms before their cosine is computed.
_MIN_SHARED_TERMS = 3


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _day(d: Document) -> int | None:
    """Ordinal day of the document's date (its first day at coarser granularity), or None."""
    text = d.published.date
    if not text:
        return None
    try:
        parts = [int(p) for p in text.split("-")]
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1).toordinal()
    except (ValueError, IndexError):
        return None


def _within(a: int | None, b: int | None, days: int) -> bool:
    return a is None or b is None or abs(a - b) <= days


def _passage_pairs(shingles: list[np.ndarray], n: int) -> list[tuple[int, int]]:
    """Pairs sharing at least :data:`_PASSAGE_SHINGLES` shingles that about 1% of documents use at most."""
    cap = max(2, min(_MAX_POSTING, n // 100 + 2))
    pairs = shared_shingle_pairs(shingles, min_shared=_PASSAGE_SHINGLES, max_docs=cap)
    return [(int(i), int(j)) for i, j in pairs]


def _term_vectors(docs: Sequence[Document], top: int) -> list[dict[str, float]]:
    """Each document's ``top`` terms by TF-IDF over the pile, as unit-length weight maps."""
    from unidecode import unidecode

    counts = []
    df: dict[str, int] = {}
    for d in docs:
        c: dict[str, int] = {}
        for w in _WORD.findall(unidecode(f"{d.title or ''}\n{d.text}").lower()):
            if len(w) > 2 and w not in _STOP:
                c[w] = c.get(w, 0) + 1
        counts.append(c)
        for w in c:
            df[w] = df.get(w, 0) + 1
    n = len(docs)
    vectors = []
    for c in counts:
        weighted = sorted(((1.0 + math.log(k)) * math.log(1.0 + n / df[w]), w) for w, k in c.items())
        # Highest weight first, ties by term, so the kept terms never depend on dict order.
        kept = sorted(weighted, key=lambda x: (-x[0], x[1]))[:top]
        norm = math.sqrt(sum(x * x for x, _ in kept)) or 1.0
        vectors.append({w: x / norm for x, w in kept})
    return vectors


def _topic_pairs(vectors: list[dict[str, float]], days: list[int | None], options: ReuseOptions):
    postings: dict[str, list[int]] = {}
    for k, vec in enumerate(vectors):
        for w in vec:
            postings.setdefault(w, []).append(k)
    shared: dict[tuple[int, int], int] = {}
    for w in sorted(postings):
        docs = postings[w]
        if len(docs) < 2 or len(docs) > _MAX_POSTING:
            continue
        for x in range(len(docs)):
            for y in range(x + 1, len(docs)):
                key = (docs[x], docs[y])
                shared[key] = shared.get(key, 0) + 1
    out = []
    for (a, b), count in sorted(shared.items()):
        if count < _MIN_SHARED_TERMS or not _within(days[a], days[b], options.story_window_days):
            continue
        va, vb = vectors[a], vectors[b]
        if len(va) > len(vb):
            va, vb = vb, va
        cos = sum(x * vb.get(w, 0.0) for w, x in va.items())
        if cos >= options.story_topic_threshold:
            out.append((a, b))
    return out


def story_links(docs: Sequence[Document], options: ReuseOptions = ReuseOptions()) -> list[tuple[str, str, str]]:
    """Links ``(id_a, id_b, kind)`` with ``id_a < id_b``, kind ``near-duplicate``, ``shared-passage`` or
    ``topic``; sorted. A pair linked several ways is listed once, with the strongest kind."""
    usable = sorted((d for d in docs if not d.skipped), key=lambda d: d.id)
    n = len(usable)
    links: dict[tuple[int, int], str] = {}
    if n < 2:
        return []
    hasher = MinHasher(num_perm=options.num_perm, seed=options.seed, shingle_size=options.shingle_size)
    sigs = hasher.signatures(d.text for d in usable)
    bands, rows = lsh_bands(options.threshold, options.num_perm, options.false_positive_weight)
    shingles = [np.unique(shingle_hashes(d.text, size=options.shingle_size)) for d in usable]
    for i, j in candidate_pairs(sigs, bands=bands, rows=rows, max_bucket=options.max_bucket).tolist():
        if exact_jaccard(shingles[i], shingles[j]) >= options.threshold:
            links[(i, j)] = "near-duplicate"
    for i, j in _passage_pairs(shingles, n):
        links.setdefault((i, j), "shared-passage")
    days = [_day(d) for d in usable]
    for i, j in _topic_pairs(_term_vectors(usable, options.story_top_terms), days, options):
        links.setdefault((i, j), "topic")
    return sorted((usable[i].id, usable[j].id, kind) for (i, j), kind in links.items())


def group_stories(docs: Sequence[Document], options: ReuseOptions = ReuseOptions()) -> list[list[str]]:
    """Documents grouped into stories: connected components of :func:`story_links`.

    Each group is a sorted list of ids; groups are sorted by their first id; a document linked to
    nothing is a story of its own. Skipped documents are left out.
    """
    usable = sorted((d.id for d in docs if not d.skipped))
    index = {d: k for k, d in enumerate(usable)}
    uf = _Union(len(usable))
    for a, b, _kind in story_links(docs, options):
        uf.union(index[a], index[b])
    groups: dict[int, list[str]] = {}
    for d in usable:
        groups.setdefault(uf.find(index[d]), []).append(d)
    return sorted(groups.values(), key=lambda g: g[0])
