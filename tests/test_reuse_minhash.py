"""MinHash signatures, LSH bands and candidate search (consilience.reuse.minhash)."""

from __future__ import annotations

import numpy as np
import pytest

from consilience.reuse.minhash import (
    EMPTY,
    MinHasher,
    candidate_pairs,
    estimate_jaccard,
    exact_jaccard,
    lsh_bands,
    near_duplicates,
    shingle_hashes,
    word_hashes,
)

BASE = (
    "The harbour authority said on Monday that cargo volumes rose 7.5% in the first quarter, "
    "driven by grain exports to three neighbouring countries and a new container terminal that "
    "opened in January after two years of delays. Officials expect the growth to slow later in the "
    "year as fuel prices climb and shipping lines cut back on routes through the northern straits."
)


def _variant(k: int) -> str:
    words = BASE.split()
    words[(7 * k) % len(words)] = f"w{k}"
    return " ".join(words)


def test_minhash_signature_same_for_same_seed() -> None:
    assert np.array_equal(MinHasher(seed=3).signature(BASE), MinHasher(seed=3).signature(BASE))


def test_minhash_signature_depends_on_seed() -> None:
    assert not np.array_equal(MinHasher(seed=1).signature(BASE), MinHasher(seed=2).signature(BASE))


@pytest.mark.parametrize("text", [BASE, "one two", "Việt Nam’s trade rose 11% to US$123 bn.", ""])
def test_minhash_matches_datasketch_affine32(text: str) -> None:
    datasketch = pytest.importorskip("datasketch")
    ref = datasketch.MinHash(num_perm=64, seed=5, hashfunc=lambda x: x)
    ref.update_batch(shingle_hashes(text).tolist())
    assert np.array_equal(MinHasher(num_perm=64, seed=5).signature(text), ref.hashvalues)


def test_minhash_empty_text_has_empty_signature() -> None:
    assert np.all(MinHasher().signature("  ,. ") == EMPTY)


@pytest.mark.parametrize(("text", "count"), [("alpha", 1), ("alpha beta gamma", 1), ("a b c d e f", 2)])
def test_minhash_short_text_gets_one_shingle(text: str, count: int) -> None:
    assert shingle_hashes(text, size=5).size == count


@pytest.mark.parametrize(("a", "b"), [("Trade ROSE", "trade rose"), ("Vietnam’s", "vietnam's"), ("a\u00a0b", "a b")])
def test_minhash_words_fold_case_and_punctuation(a: str, b: str) -> None:
    assert np.array_equal(word_hashes(a), word_hashes(b))


def test_minhash_batch_equals_one_by_one() -> None:
    texts = [_variant(k) * 40 for k in range(30)]  # about 450 KB: crosses a batch boundary
    hasher = MinHasher()
    batch = hasher.signatures(texts)
    assert np.array_equal(batch, np.stack([hasher.signature(t) for t in texts]))


@pytest.mark.parametrize("k", [1, 2, 3, 5, 8])
def test_minhash_estimate_close_to_exact(k: int) -> None:
    edited = " ".join(w if i % (k + 2) else "x" for i, w in enumerate(BASE.split()))
    hasher = MinHasher(num_perm=256)
    exact = exact_jaccard(shingle_hashes(BASE), shingle_hashes(edited))
    est = estimate_jaccard(hasher.signature(BASE), hasher.signature(edited))
    assert abs(est - exact) < 0.12


@pytest.mark.parametrize(("threshold", "num_perm"), [(0.3, 128), (0.5, 128), (0.8, 128), (0.5, 64)])
def test_minhash_lsh_bands_fit_num_perm(threshold: float, num_perm: int) -> None:
    bands, rows = lsh_bands(threshold, num_perm)
    assert 1 <= bands * rows <= num_perm


def test_minhash_lsh_rows_grow_with_threshold() -> None:
    assert lsh_bands(0.3, 128)[1] < lsh_bands(0.8, 128)[1]


def test_minhash_candidates_find_planted_copies() -> None:
    others = [f"story {k} " + " ".join(f"t{k}x{i}" for i in range(60)) for k in range(20)]
    texts = others[:5] + [BASE] + others[5:] + [_variant(1)]
    sigs = MinHasher().signatures(texts)
    pairs = candidate_pairs(sigs, bands=25, rows=5)
    assert pairs.tolist() == [[5, 21]]


def test_minhash_big_bucket_is_chained() -> None:
    sigs = MinHasher().signatures([BASE] * 10)
    pairs = candidate_pairs(sigs, bands=4, rows=4, max_bucket=3)
    assert pairs.tolist() == [[k, k + 1] for k in range(9)]


def test_minhash_empty_texts_are_never_candidates() -> None:
    sigs = MinHasher().signatures(["", "", BASE])
    assert candidate_pairs(sigs, bands=16, rows=8).size == 0


def test_minhash_near_duplicates_verified_by_exact_jaccard() -> None:
    texts = [BASE, "unrelated words only here and nowhere else at all today", _variant(2), _variant(9)]
    found = near_duplicates(texts, threshold=0.5)
    assert [(i, j) for i, j, _ in found] == [(0, 2), (0, 3), (2, 3)]
    assert all(jac >= 0.5 for _, _, jac in found)


@pytest.mark.parametrize(("min_shared", "expected"), [(1, [[0, 1], [0, 2], [1, 2]]), (2, [[0, 1]]), (3, [])])
def test_minhash_shared_shingle_pairs_count_common_hashes(min_shared: int, expected: list) -> None:
    from consilience.reuse.minhash import shared_shingle_pairs

    sets = [np.array([1, 2, 3], np.uint32), np.array([2, 3, 4], np.uint32), np.array([3, 9], np.uint32)]
    assert shared_shingle_pairs(sets, min_shared=min_shared, max_docs=10).tolist() == expected


def test_minhash_shared_shingle_pairs_ignore_stock_phrases() -> None:
    from consilience.reuse.minhash import shared_shingle_pairs

    sets = [np.array([7, k], np.uint32) for k in range(10, 14)]  # 7 is in every set
    assert shared_shingle_pairs(sets, min_shared=1, max_docs=3).size == 0


def test_minhash_matches_datasketch_on_any_text() -> None:
    datasketch = pytest.importorskip("datasketch")
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=25, deadline=None)
    @given(st.text(max_size=300))
    def check(text: str) -> None:
        ref = datasketch.MinHash(num_perm=16, seed=9, hashfunc=lambda x: x)
        ref.update_batch(shingle_hashes(text, size=3).tolist())
        assert np.array_equal(MinHasher(num_perm=16, seed=9, shingle_size=3).signature(text), ref.hashvalues)

    check()


def test_minhash_signature_ignores_case_and_spacing() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=25, deadline=None)
    @given(st.lists(st.sampled_from(["trade", "Rose", "11%", "in", "2022", "Việt", "Nam"]), max_size=20))
    def check(words: list[str]) -> None:
        hasher = MinHasher(num_perm=16)
        assert np.array_equal(hasher.signature(" ".join(words)), hasher.signature("\n  ".join(w.upper() for w in words)))

    check()
