"""Story grouping: a pile of documents split into stories, ready to be reconciled one by one.

Owns the links between documents of a pile and their connected components. Three kinds of link,
each found without comparing every pair:
- near-duplicates: MinHash LSH over word shingles, verified by exact Jaccard (:mod:`.minhash`);
- shared passages: two documents sharing several word shingles that few documents of the pile use
  (a sort over all shingles finds them);
- same topic: cosine of IDF-weighted vectors of each document's most distinctive terms, for pairs
  that share some of those terms (an inverted index proposes them), when the two were published
  within ``story_window_days`` of each other (or either date is unknown).
Term weights take one pass over the pile (document frequencies); every link comes from a sort or an
inverted index, never from comparing all pairs, so the cost grows with the pile, not its square.
The pile's own IDF tells a story's words from common ones only when the pile holds many stories:
on a handful of reports of one story every shared word looks common, and topic links are rare.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from datetime import date

import numpy as np

from ..model import Document
from .minhash import MinHasher, candidate_pairs, exact_jaccard, lsh_bands, shared_shingle_pairs, shingle_hashes
from .options import ReuseOptions
from .sentences import ascii_text

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
# Shared-passage link: this many rare shingles in common (two copied sentences' worth). A shingle
# in more than 1% of the pile, or in more than _PASSAGE_MAX_DOCS documents, is a stock phrase or a
# mass-syndicated text (whose copies near-duplicate search links anyway) and is skipped.
_PASSAGE_MAX_DOCS = 50
_PASSAGE_SHINGLES = 12
# A posting list longer than this is a word of the whole pile, not of a story: skipped for blocking.
_MAX_POSTING = 200
# Topical candidates must share this many of their most distinctive terms (the first
# _BLOCK_TERMS of each vector) before their cosine is computed; the head alone keeps the inverted
# index small on a large pile.
_BLOCK_TERMS = 30
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


def _passage_pairs(shingles: list[np.ndarray], n: int) -> list[tuple[int, int]]:
    """Pairs sharing at least :data:`_PASSAGE_SHINGLES` rare shingles (see :data:`_PASSAGE_MAX_DOCS`)."""
    cap = max(2, min(_PASSAGE_MAX_DOCS, n // 100 + 2))
    pairs = shared_shingle_pairs(shingles, min_shared=_PASSAGE_SHINGLES, max_docs=cap)
    return [(int(i), int(j)) for i, j in pairs]


def _term_vectors(docs: Sequence[Document], top: int) -> list[dict[str, float]]:
    """Each document's ``top`` terms by TF-IDF over the pile, best first, as unit-length weight maps."""
    counts = []
    df: Counter[str] = Counter()
    for d in docs:
        words = _WORD.findall(ascii_text(f"{d.title or ''}\n{d.text}").lower())
        c = Counter(w for w in words if len(w) > 2 and w not in _STOP)
        counts.append(c)
        df.update(c.keys())
    n = len(docs)
    vectors = []
    for c in counts:
        # Highest weight first, ties by term, so the kept terms never depend on dict order.
        kept = sorted((-(1.0 + math.log(k)) * math.log(1.0 + n / df[w]), w) for w, k in c.items())[:top]
        norm = math.sqrt(sum(x * x for x, _ in kept)) or 1.0
        vectors.append({w: -x / norm for x, w in kept})
    return vectors


def _topic_pairs(vectors: list[dict[str, float]], days: list[int | None], options: ReuseOptions):
    """Pairs within the time window whose term vectors' cosine reaches the threshold.

    Candidates share at least :data:`_MIN_SHARED_TERMS` of their :data:`_BLOCK_TERMS` best terms; a
    term among the best of more than :data:`_MAX_POSTING` documents is ignored for blocking (it names
    a beat, not a story). An unknown date never keeps two documents apart.
    """
    ids: dict[str, int] = {}
    # Vectors are ordered best term first: block on the head, measure on the whole vector.
    sets = [np.array(sorted(ids.setdefault(w, len(ids)) for w in list(vec)[:_BLOCK_TERMS]), dtype=np.uint32)
            for vec in vectors]
    candidates = shared_shingle_pairs(sets, min_shared=_MIN_SHARED_TERMS, max_docs=_MAX_POSTING)
    if days and candidates.size:
        known = np.array([d if d is not None else -1 for d in days], dtype=np.int64)
        da, db = known[candidates[:, 0]], known[candidates[:, 1]]
        near = (da < 0) | (db < 0) | (np.abs(da - db) <= options.story_window_days)
        candidates = candidates[near]
    cos = _cosines(vectors, ids, candidates)
    return [(int(a), int(b)) for a, b in candidates[cos >= options.story_topic_threshold]]


def _cosines(vectors: list[dict[str, float]], ids: dict[str, int], pairs: np.ndarray) -> np.ndarray:
    """Dot products of unit vectors for each row ``(a, b)`` of ``pairs``, without a loop per pair.

    Every (term, document) weight goes into one sorted table; each term of ``a`` is looked up under
    ``b`` by binary search, in chunks so memory stays bounded however many pairs there are.
    """
    n = len(vectors)
    lengths = np.array([len(v) for v in vectors], dtype=np.int64)
    start = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    terms = np.array([ids.setdefault(w, len(ids)) for v in vectors for w in v], dtype=np.int64)
    weights = np.array([x for v in vectors for x in v.values()], dtype=np.float64)
    owner = np.repeat(np.arange(n, dtype=np.int64), lengths)
    keys = terms * n + owner
    order = np.argsort(keys)
    keys, table = keys[order], weights[order]
    out = np.zeros(len(pairs), dtype=np.float64)
    chunk = 1 << 14
    for lo in range(0, len(pairs), chunk):
        a, b = pairs[lo : lo + chunk, 0], pairs[lo : lo + chunk, 1]
        la = lengths[a]
        row = np.repeat(np.arange(a.size), la)
        pos = start[a][row] + np.arange(int(la.sum())) - np.repeat(np.cumsum(la) - la, la)
        look = terms[pos] * n + b[row]
        idx = np.minimum(np.searchsorted(keys, look), keys.size - 1)
        prod = np.where(keys[idx] == look, weights[pos] * table[idx], 0.0)
        out[lo : lo + chunk] = np.bincount(row, weights=prod, minlength=a.size)
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
