"""MinHash signatures over word shingles and banded LSH candidate search, vectorised with NumPy.

Owns: word hashing, shingle hashing, signatures, the derivation of LSH bands and rows from a
threshold, candidate pairs, exact Jaccard verification, and pairs of hash sets that share enough
members (the blocking step of find_reuse and group_stories). It knows nothing of documents or
relations; callers pass plain strings or arrays and get indices back.

How it is fast: a batch of texts is lower-cased and encoded once into one byte buffer; word
boundaries come from a byte table; every word is hashed at once with a polynomial rolling hash
(prefix sums of ``byte * P**position``, wrapping modulo 2**64); shingles are combined from word hashes
with a few array operations; the permutations run over cache-sized blocks of shingles and a
``minimum.reduceat`` takes each document's minimum. No Python code runs per word or per shingle.

Compatibility: signatures follow datasketch's default ``affine32`` scheme bit for bit (MurmurHash3
``fmix32`` pre-mix, then ``a * h + b`` modulo 2**32 with ``a`` odd, permutations drawn from
``numpy.random.RandomState(seed)`` as datasketch draws them). Fed the 32-bit values of
:func:`shingle_hashes` through an identity ``hashfunc``, ``datasketch.MinHash(num_perm, seed)`` gives the
same hash values, so our signatures can go into ``datasketch.MinHashLSH`` (wrap them with
``MinHash(hashvalues=sig, scheme="affine32")``). This module never imports datasketch.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence

import numpy as np

__all__ = [
    "MinHasher",
    "shingle_hashes",
    "word_hashes",
    "exact_jaccard",
    "estimate_jaccard",
    "lsh_bands",
    "candidate_pairs",
    "near_duplicates",
    "shared_shingle_pairs",
    "EMPTY",
]

#: Hash value of an empty signature slot (a text with no words has only these).
EMPTY = np.uint32(0xFFFFFFFF)

_U64 = np.uint64
# Odd 64-bit constants: the rolling-hash base, and the multiplier that chains word hashes into a
# shingle hash. Any odd values work; these are fixed so signatures are stable across runs and machines.
_BASE = 0x9E3779B97F4A7C15
_CHAIN = 0xC2B2AE3D27D4EB4F
_BASE_INV = pow(_BASE, -1, 1 << 64)

# Byte classes: ASCII letters and digits are word bytes, as is every byte of a multi-byte UTF-8
# character (letters with diacritics, CJK); the UTF-8 punctuation block is carved out below.
_WORD_BYTE = np.zeros(256, dtype=bool)
for _lo, _hi in ((ord("a"), ord("z")), (ord("A"), ord("Z")), (ord("0"), ord("9")), (0x80, 0xFF)):
    _WORD_BYTE[_lo : _hi + 1] = True

# numpy 2 renamed trapz; the project supports numpy >= 1.26.
_trapezoid = getattr(np, "trapezoid", None) or getattr(np, "trapz")

# Shingles are permuted in blocks of this many columns (8192 x 128 x 4 bytes = 4 MiB): larger blocks
# amortise the per-block calls, smaller ones measured slower on a 2-core machine.
_BLOCK = 8192
# Texts are hashed in batches of about this many bytes, which bounds the temporary arrays.
_BATCH_BYTES = 1 << 18


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, element-wise on a uint32 array (the pre-mix of ``affine32``)."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def _fmix64(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finalizer, element-wise on a uint64 array."""
    h = h ^ (h >> _U64(33))
    h = h * _U64(0xFF51AFD7ED558CCD)
    h = h ^ (h >> _U64(33))
    h = h * _U64(0xC4CEB9FE1A85EC53)
    return h ^ (h >> _U64(33))


@functools.lru_cache(maxsize=8)
def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """``BASE**q`` and ``BASE**-q`` modulo 2**64 for q in [0, n): computed once per size bucket."""
    pw = np.full(n, _BASE, dtype=_U64)
    pw[0] = 1
    inv = np.full(n, _BASE_INV, dtype=_U64)
    inv[0] = 1
    # Integer arrays wrap on overflow, which is the modulo 2**64 arithmetic the hash needs.
    return np.cumprod(pw), np.cumprod(inv)


def _powers_for(n: int) -> tuple[np.ndarray, np.ndarray]:
    # Round up to a power of two so a stream of batches reuses a handful of cached tables.
    size = 1 << max(12, (n - 1).bit_length())
    return _powers(size)


def _encode(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """One byte buffer for a batch (texts joined by newlines) and each text's start offset in it."""
    parts = [t.lower().encode("utf-8", "replace") for t in texts]
    starts = np.zeros(len(parts), dtype=np.int64)
    if parts:
        lengths = np.fromiter((len(p) + 1 for p in parts), dtype=np.int64, count=len(parts))
        starts[1:] = np.cumsum(lengths)[:-1]
    buf = np.frombuffer(b"\n".join(parts), dtype=np.uint8)
    return buf, starts


def _words(buf: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start and end byte offsets of the words in ``buf``."""
    is_word = _WORD_BYTE[buf]
    if buf.size >= 3:
        # U+2000..U+206F (E2 80 xx, E2 81 xx) holds curly quotes, dashes and the ellipsis: separators,
        # so "Vietnam’s" splits like "Vietnam's". U+00A0 (C2 A0) is a no-break space.
        lead = np.flatnonzero((buf[:-2] == 0xE2) & ((buf[1:-1] == 0x80) | (buf[1:-1] == 0x81)))
        for k in range(3):
            is_word[lead + k] = False
        nbsp = np.flatnonzero((buf[:-1] == 0xC2) & (buf[1:] == 0xA0))
        is_word[nbsp] = False
        is_word[nbsp + 1] = False
    edges = np.diff(is_word.view(np.int8), prepend=np.int8(0), append=np.int8(0))
    return np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)


def _hash_words(buf: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """A 64-bit hash of each word ``buf[starts[i]:ends[i]]``, independent of where the word sits."""
    n = buf.size
    pw, inv = _powers_for(n + 1)
    prefix = np.zeros(n + 1, dtype=_U64)
    np.cumsum(buf.astype(_U64) * pw[:n], out=prefix[1:])
    # prefix[end] - prefix[start] = sum(byte * BASE**pos); dividing by BASE**start makes it positional.
    return _fmix64((prefix[ends] - prefix[starts]) * inv[starts])


def word_hashes(text: str) -> np.ndarray:
    """64-bit hashes of the lower-cased words of ``text``, in order (uint64)."""
    buf, _ = _encode([text])
    starts, ends = _words(buf)
    return _hash_words(buf, starts, ends)


def _chain(words: np.ndarray, size: int) -> np.ndarray:
    """64-bit hash of each window of ``size`` consecutive word hashes (len(words) - size + 1 of them)."""
    m = words.size - size + 1
    acc = words[:m].copy()
    for j in range(1, size):
        acc *= _U64(_CHAIN)
        acc += words[j : j + m]
    return _fmix64(acc)


def _batch_shingles(texts: Sequence[str], size: int) -> tuple[np.ndarray, np.ndarray]:
    """32-bit shingle hashes of a batch and, for each, the index of its text (non-decreasing).

    A text with fewer than ``size`` words (but at least one) gets one shingle of all its words; a text
    with no words gets none.
    """
    buf, doc_starts = _encode(texts)
    w_starts, w_ends = _words(buf)
    words = _hash_words(buf, w_starts, w_ends)
    word_doc = np.searchsorted(doc_starts, w_starts, side="right") - 1
    if words.size >= size:
        sh = _chain(words, size)
        sh_doc = word_doc[: sh.size]
        keep = sh_doc == word_doc[size - 1 :]  # windows that do not straddle two texts
        sh, sh_doc = sh[keep], sh_doc[keep]
    else:
        sh, sh_doc = np.zeros(0, dtype=_U64), np.zeros(0, dtype=np.int64)
    counts = np.bincount(word_doc, minlength=len(texts))
    short = np.flatnonzero((counts > 0) & (counts < size))
    if short.size:
        first = np.searchsorted(word_doc, short)
        extra = np.array([_chain(words[f : f + c], int(c))[0] for f, c in zip(first, counts[short])], dtype=_U64)
        sh = np.concatenate([sh, extra])
        sh_doc = np.concatenate([sh_doc, short])
        order = np.argsort(sh_doc, kind="stable")
        sh, sh_doc = sh[order], sh_doc[order]
    return (sh >> _U64(32)).astype(np.uint32), sh_doc


def shingle_hashes(text: str, *, size: int = 5) -> np.ndarray:
    """32-bit hashes of the word ``size``-shingles of ``text``, in order, repeats kept (uint32)."""
    sh, _ = _batch_shingles([text], size)
    return sh


def shingle_sets(texts: Sequence[str], *, size: int = 5) -> list[np.ndarray]:
    """The sorted unique 32-bit shingle hashes of each text (``np.unique(shingle_hashes(t))`` for each
    ``t``), hashed a batch of about 256 KiB at a time rather than text by text."""
    out: list[np.ndarray] = []
    lo = 0
    while lo < len(texts):
        hi, used = lo, 0
        while hi < len(texts) and (hi == lo or used + len(texts[hi]) <= _BATCH_BYTES):
            used += len(texts[hi])
            hi += 1
        sh, sh_doc = _batch_shingles(texts[lo:hi], size)
        # One sort of (text, hash) keys gives every text's unique hashes, in order, side by side.
        keys = np.unique((sh_doc.astype(_U64) << _U64(32)) | sh.astype(_U64))
        owners = (keys >> _U64(32)).astype(np.int64)
        values = (keys & _U64(0xFFFFFFFF)).astype(np.uint32)
        bounds = np.searchsorted(owners, np.arange(hi - lo + 1))
        out.extend(values[bounds[k] : bounds[k + 1]] for k in range(hi - lo))
        lo = hi
    return out


def exact_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard similarity of the sets of hashes ``a`` and ``b`` (0.0 when both are empty)."""
    ua, ub = np.unique(a), np.unique(b)
    union = ua.size + ub.size
    if union == 0:
        return 0.0
    inter = np.intersect1d(ua, ub, assume_unique=True).size
    return inter / (union - inter)


def estimate_jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> np.ndarray | float:
    """Share of equal slots of two signatures (or of two equal-shaped stacks of them, row-wise)."""
    eq = np.asarray(sig_a) == np.asarray(sig_b)
    return eq.mean(axis=-1)


class MinHasher:
    """Computes MinHash signatures of texts: ``num_perm`` uint32 values per text, seeded.

    Signatures are comparable only between hashers with the same ``num_perm``, ``seed`` and
    ``shingle_size``.
    """

    def __init__(self, *, num_perm: int = 128, seed: int = 1, shingle_size: int = 5) -> None:
        self.num_perm = num_perm
        self.seed = seed
        self.shingle_size = shingle_size
        # Drawn exactly as datasketch draws its affine32 permutations, so signatures interoperate.
        gen = np.random.RandomState(seed)
        a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
        b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
        self.permutations = np.array([a, b])

    def _permute(self, sh: np.ndarray, sh_doc: np.ndarray, out: np.ndarray) -> None:
        """Lower ``out[doc]`` to the minimum permuted value of each shingle of that doc."""
        a, b = self.permutations
        a, b = a[:, None], b[:, None]
        hv = _fmix32(sh)
        # Permutations run along rows and shingles along columns: each document's shingles are then a
        # contiguous slice of every row, which ``minimum.reduceat`` reduces far faster than along axis 0.
        buf = np.empty((self.num_perm, min(_BLOCK, sh.size)), dtype=np.uint32)
        for lo in range(0, sh.size, _BLOCK):
            hi = min(sh.size, lo + _BLOCK)
            block = buf[:, : hi - lo]
            np.multiply(a, hv[lo:hi], out=block)
            np.add(block, b, out=block)
            docs = sh_doc[lo:hi]
            firsts = np.flatnonzero(np.diff(docs, prepend=-1))
            mins = np.minimum.reduceat(block, firsts, axis=1).T
            rows = docs[firsts]
            out[rows] = np.minimum(out[rows], mins)

    def signatures(self, texts: Iterable[str]) -> np.ndarray:
        """Signatures of ``texts`` as a ``(len(texts), num_perm)`` uint32 array, row i for text i.

        Texts are consumed in batches of about 256 KiB, so a stream of any length needs memory for
        its signatures and one batch only.
        """
        if isinstance(texts, Sequence):
            # Known length: fill one array in place, so peak memory is the result plus one batch.
            out = np.empty((len(texts), self.num_perm), dtype=np.uint32)
            row = 0
            for sig in self.iter_signatures(texts):
                out[row : row + sig.shape[0]] = sig
                row += sig.shape[0]
            return out
        chunks = list(self.iter_signatures(texts))
        if not chunks:
            return np.zeros((0, self.num_perm), dtype=np.uint32)
        return np.concatenate(chunks)

    def iter_signatures(self, texts: Iterable[str]) -> Iterator[np.ndarray]:
        """Signatures of ``texts`` batch by batch, in input order (for streaming to disk or an index)."""
        batch: list[str] = []
        size = 0
        for text in texts:
            batch.append(text)
            size += len(text)
            if size >= _BATCH_BYTES:
                yield self._signatures_batch(batch)
                batch, size = [], 0
        if batch:
            yield self._signatures_batch(batch)

    def _signatures_batch(self, texts: Sequence[str]) -> np.ndarray:
        out = np.full((len(texts), self.num_perm), EMPTY, dtype=np.uint32)
        sh, sh_doc = _batch_shingles(texts, self.shingle_size)
        if sh.size:
            self._permute(sh, sh_doc, out)
        return out

    def signature(self, text: str) -> np.ndarray:
        """Signature of one text (``num_perm`` uint32 values; all :data:`EMPTY` when it has no words)."""
        return self._signatures_batch([text])[0]


@functools.lru_cache(maxsize=64)
def lsh_bands(threshold: float, num_perm: int, false_positive_weight: float = 0.5) -> tuple[int, int]:
    """``(bands, rows)`` with ``bands * rows <= num_perm`` minimising the weighted area of errors.

    The chance that a pair of Jaccard ``s`` shares a band is ``1 - (1 - s**rows)**bands``; false
    positives are the area under that curve below ``threshold``, misses the area above it over
    ``[threshold, 1]``, weighted ``false_positive_weight`` and ``1 - false_positive_weight``.
    """
    grid = np.linspace(0.0, 1.0, 1001)
    below, above = grid[grid <= threshold], grid[grid >= threshold]
    best: tuple[float, int, int] | None = None
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            fp = _trapezoid(1.0 - (1.0 - below**rows) ** bands, below)
            fn = _trapezoid((1.0 - above**rows) ** bands, above)
            err = false_positive_weight * fp + (1.0 - false_positive_weight) * fn
            if best is None or err < best[0] - 1e-12:
                best = (err, bands, rows)
    assert best is not None
    return best[1], best[2]


def _band_keys(sigs: np.ndarray, band: int, rows: int) -> np.ndarray:
    """One 64-bit key per signature for the slots of ``band`` (equal slots give equal keys)."""
    cols = sigs[:, band * rows : (band + 1) * rows].astype(_U64)
    key = np.full(sigs.shape[0], _U64(band + 1), dtype=_U64)
    for j in range(cols.shape[1]):
        key = key * _U64(_CHAIN) + cols[:, j]
    return _fmix64(key)


def candidate_pairs(signatures: np.ndarray, *, bands: int, rows: int, max_bucket: int = 64) -> np.ndarray:
    """Pairs ``(i, j)``, ``i < j``, of rows that share at least one LSH band, sorted, as an (m, 2) array.

    Empty signatures (texts without words) are never candidates. In a bucket of more than
    ``max_bucket`` rows each row is paired with the next one only, so components stay connected and
    the output stays linear in the number of rows.
    """
    sigs = np.asarray(signatures)
    n = sigs.shape[0]
    live = np.flatnonzero(~np.all(sigs == EMPTY, axis=1))
    found: list[np.ndarray] = []
    for band in range(bands):
        keys = _band_keys(sigs[live], band, rows)
        order = np.argsort(keys, kind="stable")
        sk = keys[order]
        same = sk[1:] == sk[:-1]
        if not same.any():
            continue
        # Runs of equal keys: [run_start, run_end) over the sorted order.
        edges = np.flatnonzero(np.diff(np.concatenate(([False], same, [False])).astype(np.int8)))
        starts, stops = edges[0::2], edges[1::2] + 1
        twos = stops - starts == 2
        # Buckets of two, by far the most common, in one array operation; larger ones one by one.
        found.append(np.sort(np.stack([live[order[starts[twos]]], live[order[starts[twos] + 1]]], axis=1), axis=1))
        for start, stop in zip(starts[~twos], stops[~twos]):
            members = np.sort(live[order[start:stop]])
            if members.size > max_bucket:
                found.append(np.stack([members[:-1], members[1:]], axis=1))
            else:
                ii, jj = np.triu_indices(members.size, k=1)
                found.append(np.stack([members[ii], members[jj]], axis=1))
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    pairs = np.concatenate(found).astype(np.int64)
    codes = np.unique(pairs[:, 0] * n + pairs[:, 1])
    return np.stack([codes // n, codes % n], axis=1)


def shared_shingle_pairs(shingle_sets: Sequence[np.ndarray], *, min_shared: int, max_docs: int) -> np.ndarray:
    """Pairs ``(i, j)``, ``i < j``, of sets sharing at least ``min_shared`` hashes, sorted, as (m, 2).

    Each set must hold unique values. A hash held by more than ``max_docs`` sets is a stock phrase of
    the whole collection, not evidence of reuse, and is ignored. Found by one sort over all hashes.
    """
    n = len(shingle_sets)
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64)
    hashes = np.concatenate(shingle_sets)
    owners = np.repeat(np.arange(n, dtype=np.int64), [s.size for s in shingle_sets])
    order = np.argsort(hashes, kind="stable")
    hashes, owners = hashes[order], owners[order]
    bounds = np.flatnonzero(np.diff(hashes.astype(np.int64), prepend=-1, append=-1))
    sizes = np.diff(bounds)
    ok = (sizes >= 2) & (sizes <= max_docs)
    # Keep only the hashes of groups worth pairing, then pair each element with the ones d places
    # after it in the same group, for every d up to the largest group: a few array passes in all.
    member = np.repeat(ok, sizes)
    group = np.repeat(np.arange(sizes.size), sizes)[member]
    size = np.repeat(sizes, sizes)[member]
    owners = owners[member]
    codes = [np.zeros(0, dtype=np.int64)]
    for d in range(1, int(sizes[ok].max()) if ok.any() else 1):
        # Groups too small to have members d apart drop out, so the work is the pairs themselves.
        if d > 1:
            keep = size > d
            group, size, owners = group[keep], size[keep], owners[keep]
        same = group[d:] == group[:-d]
        codes.append(owners[:-d][same] * n + owners[d:][same])
    uniq, counts = np.unique(np.concatenate(codes), return_counts=True)
    keep = uniq[counts >= min_shared]
    return np.stack([keep // n, keep % n], axis=1)


def near_duplicates(
    texts: Sequence[str],
    *,
    threshold: float = 0.5,
    num_perm: int = 128,
    seed: int = 1,
    shingle_size: int = 5,
    false_positive_weight: float = 0.2,
    max_bucket: int = 64,
    signatures: np.ndarray | None = None,
) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, jaccard)`` of texts whose exact shingle Jaccard is at least ``threshold``.

    LSH proposes candidates from MinHash signatures (computed here unless given); each candidate is
    verified by the exact Jaccard of its shingle sets, recomputed for candidate texts only, so memory
    holds the signatures and the shingles of one pair at a time. Sorted by ``(i, j)``.
    """
    if signatures is None:
        signatures = MinHasher(num_perm=num_perm, seed=seed, shingle_size=shingle_size).signatures(texts)
    bands, rows = lsh_bands(threshold, signatures.shape[1], false_positive_weight)
    pairs = candidate_pairs(signatures, bands=bands, rows=rows, max_bucket=max_bucket)
    out: list[tuple[int, int, float]] = []
    cache: dict[int, np.ndarray] = {}

    def shingles(i: int) -> np.ndarray:
        # Pairs arrive sorted by i, so a small cache of recent texts serves most lookups.
        if i not in cache:
            if len(cache) > 256:
                cache.clear()
            cache[i] = np.unique(shingle_hashes(texts[i], size=shingle_size))
        return cache[i]

    for i, j in pairs.tolist():
        jac = exact_jaccard(shingles(i), shingles(j))
        if jac >= threshold:
            out.append((i, j, jac))
    return out
