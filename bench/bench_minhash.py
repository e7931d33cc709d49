"""Benchmark: MinHash signatures and LSH candidate search over a synthetic corpus of news texts.

Run:  python bench/bench_minhash.py [--docs 100000] [--planted 5000] [--seed 7]

The corpus is built in memory from real sentences (../shared/seeds, ../shared/corpora/newswcl50 and
examples/, whichever are present): each base document is 15-35 sentences drawn at random with 10% of
its words replaced, so two base documents share almost nothing; ``--planted`` of them get a copy with
edits of planted strength (from a few words changed to most of the text rewritten, sometimes cut or
with its paragraphs moved), so the exact Jaccard of planted pairs spans the whole range.

Printed, all in one run so the ratios hold on a shared machine:
- signatures: consilience ``MinHasher.signatures`` vs datasketch ``MinHash.generator`` (= ``bulk``)
  with its best settings (xxh32 hash, one shared set of permutations, default affine32 scheme,
  shingles built with a list comprehension from ``re.findall``), docs/s and the ratio;
- compatibility: on a sample, our signatures equal datasketch's fed the same shingle hashes;
- candidate search: consilience ``candidate_pairs`` (bands and rows derived from the default
  ``ReuseOptions``: threshold 0.5, false-positive weight 0.2) and exact
  Jaccard verification; recall of the planted pairs whose exact Jaccard is >= 0.5, by strength;
  false candidates; and datasketch ``MinHashLSH`` insert+query over the same signatures, timed;
- peak memory of the signature pass, traced separately (tracemalloc) so it does not slow the timing.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from consilience.reuse import ReuseOptions  # noqa: E402
from consilience.reuse.minhash import (  # noqa: E402
    MinHasher,
    candidate_pairs,
    exact_jaccard,
    lsh_bands,
    shingle_hashes,
)

OPTIONS = ReuseOptions()  # the library's defaults are what is measured
THRESHOLD = OPTIONS.threshold
NUM_PERM = OPTIONS.num_perm
SHINGLE = OPTIONS.shingle_size
FP_WEIGHT = OPTIONS.false_positive_weight


def sentence_pool() -> list[str]:
    """Real sentences from whatever corpora are beside the repository."""
    paths = []
    for folder in (SHARED / "seeds", SHARED / "corpora" / "newswcl50", ROOT / "examples"):
        if folder.is_dir():
            paths += sorted(folder.rglob("*.txt"))
    pool: list[str] = []
    for p in paths:
        for line in p.read_text(encoding="utf-8", errors="replace").splitlines():
            pool += [s for s in re.split(r"(?<=[.!?])\s+", line.strip()) if len(s.split()) >= 6]
    if len(pool) < 200:
        raise SystemExit("not enough text found: run from a checkout with ../shared or examples/")
    return pool


def make_corpus(n_docs: int, n_planted: int, seed: int):
    """Texts, and planted pairs ``(original, copy, strength)``; strength is the share of words edited."""
    rng = random.Random(seed)
    pool = sentence_pool()
    vocab = sorted({w for s in pool for w in s.split()})
    n_base = n_docs - n_planted
    texts: list[str] = []
    for _ in range(n_base):
        sents = rng.sample(pool, rng.randint(15, 35))
        words = " ".join(sents).split()
        for k in range(len(words)):
            if rng.random() < 0.10:
                words[k] = rng.choice(vocab)
        # Paragraphs of five sentences' worth of words, as scraped text has.
        texts.append("\n".join(" ".join(words[i : i + 120]) for i in range(0, len(words), 120)))
    planted = []
    strengths = (0.0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5)
    for k in range(n_planted):
        src = rng.randrange(n_base)
        strength = strengths[k % len(strengths)]
        words = texts[src].split()
        out = []
        for w in words:
            r = rng.random()
            if r < strength / 2:
                out.append(rng.choice(vocab))  # substitution
            elif r < strength * 3 / 4:
                continue  # deletion
            elif r < strength:
                out += [w, rng.choice(vocab)]  # insertion
            else:
                out.append(w)
        if k % 5 == 3:
            out = out[: int(len(out) * 0.8)]  # cut copy
        paras = [" ".join(out[i : i + 120]) for i in range(0, len(out), 120)]
        if k % 5 == 4 and len(paras) > 2:
            paras = paras[1:] + paras[:1]  # a paragraph moved to the end
        texts.append("\n".join(paras))
        planted.append((src, n_base + k, strength))
    return texts, planted


def datasketch_signatures(texts, perm):
    import xxhash
    from datasketch import MinHash

    word = re.compile(r"\w+")

    def shingles(text):
        w = word.findall(text.lower())
        if len(w) < SHINGLE:
            return [" ".join(w).encode()] if w else []
        return [" ".join(w[i : i + SHINGLE]).encode() for i in range(len(w) - SHINGLE + 1)]

    gen = MinHash.generator((shingles(t) for t in texts), num_perm=NUM_PERM, hashfunc=xxhash.xxh32_intdigest,
                            permutations=perm, scheme="affine32")
    return np.stack([m.hashvalues for m in gen])


def timed(fn, *args):
    t = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--planted", type=int, default=5_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--ds-docs", type=int, default=0, help="datasketch on the first N docs only (0: all)")
    args = ap.parse_args()

    t0 = time.perf_counter()
    texts, planted = make_corpus(args.docs, args.planted, args.seed)
    mb = sum(len(t) for t in texts) / 1e6
    print(f"corpus: {len(texts):,} docs, {mb:,.0f} MB, mean {mb * 1e6 / len(texts):,.0f} chars; "
          f"{len(planted):,} planted copies; built in {time.perf_counter() - t0:.1f} s")

    hasher = MinHasher(num_perm=NUM_PERM, seed=1, shingle_size=SHINGLE)
    ours, t_ours = timed(hasher.signatures, texts)
    print(f"consilience MinHasher.signatures: {t_ours:6.1f} s  {len(texts) / t_ours:9,.0f} docs/s")

    import datasketch

    n_ds = args.ds_docs or len(texts)
    perm = datasketch.MinHash(num_perm=NUM_PERM, seed=1).permutations
    _, t_ds = timed(datasketch_signatures, texts[:n_ds], perm)
    rate_ours, rate_ds = len(texts) / t_ours, n_ds / t_ds
    print(f"datasketch {datasketch.__version__} generator/update_batch (xxh32, shared permutations, affine32): "
          f"{t_ds:6.1f} s  {rate_ds:9,.0f} docs/s  (on {n_ds:,} docs)")
    print(f"RATIO signatures consilience / datasketch: {rate_ours / rate_ds:.2f}x  (goal >= 2x)")

    # Compatibility: same shingle hashes through datasketch give the same signature.
    same = 0
    sample = list(range(0, len(texts), max(1, len(texts) // 200)))
    for k in sample:
        ref = datasketch.MinHash(num_perm=NUM_PERM, seed=1, hashfunc=lambda x: x)
        ref.update_batch(shingle_hashes(texts[k], size=SHINGLE).tolist())
        same += bool(np.array_equal(ref.hashvalues, ours[k]))
    print(f"compatibility: {same}/{len(sample)} sampled signatures identical to datasketch's on the same shingles")

    bands, rows = lsh_bands(THRESHOLD, NUM_PERM, FP_WEIGHT)
    pairs, t_lsh = timed(lambda: candidate_pairs(ours, bands=bands, rows=rows))
    print(f"consilience candidate_pairs (b={bands}, r={rows}): {t_lsh:.2f} s, {len(pairs):,} candidate pairs")

    def verify():
        cache: dict[int, np.ndarray] = {}

        def sh(i):
            if i not in cache:
                cache[i] = np.unique(shingle_hashes(texts[i], size=SHINGLE))
            return cache[i]

        return {(i, j): exact_jaccard(sh(i), sh(j)) for i, j in pairs.tolist()}

    jac, t_ver = timed(verify)
    confirmed = {p for p, j in jac.items() if j >= THRESHOLD}
    print(f"exact Jaccard of candidates: {t_ver:.2f} s; {len(confirmed):,} pairs >= {THRESHOLD}, "
          f"{len(jac) - len(confirmed):,} false candidates")

    print("recall of planted pairs (exact Jaccard >= threshold), by edit strength:")
    found_total = true_total = 0
    by_strength: dict[float, list[int]] = {}
    for src, cp, strength in planted:
        exact = exact_jaccard(shingle_hashes(texts[src], size=SHINGLE), shingle_hashes(texts[cp], size=SHINGLE))
        key = (min(src, cp), max(src, cp))
        row = by_strength.setdefault(strength, [0, 0, 0, 0])
        row[0] += 1
        row[3] += exact
        if exact >= THRESHOLD:
            row[1] += 1
            row[2] += key in confirmed
            true_total += 1
            found_total += key in confirmed
    for strength, (n, above, found, jsum) in sorted(by_strength.items()):
        rec = f"{found / above:.3f}" if above else "  -  "
        print(f"  edits {strength:4.0%}: {n:5,} planted, mean exact J {jsum / n:.2f}, {above:5,} >= {THRESHOLD}, "
              f"found {found:5,}  recall {rec}")
    print(f"RECALL planted near-duplicates (exact J >= {THRESHOLD}): {found_total}/{true_total} = "
          f"{found_total / max(1, true_total):.4f}")

    # datasketch's own LSH over the same signatures (our signatures in its MinHash wrapper), on a
    # subset holding every planted pair plus base documents up to 20,000.
    keep = sorted({k for src, cp, _ in planted for k in (src, cp)})
    keep = sorted(set(keep) | set(range(min(len(texts), max(0, 20_000 - len(keep))))))[:20_000]
    sub = ours[keep]
    n_lsh = len(keep)
    from datasketch import LeanMinHash, MinHashLSH

    def ds_lsh():
        lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM, weights=(FP_WEIGHT, 1 - FP_WEIGHT))
        mins = [LeanMinHash(datasketch.MinHash(num_perm=NUM_PERM, hashvalues=sub[k], scheme="affine32"))
                for k in range(n_lsh)]
        with lsh.insertion_session() as session:
            for k, m in enumerate(mins):
                session.insert(k, m)
        found = set()
        for k, m in enumerate(mins):
            for other in lsh.query(m):
                if other != k:
                    found.add((min(k, other), max(k, other)))
        return found

    ds_found, t_dsl = timed(ds_lsh)
    ours_sub, t_sub = timed(lambda: candidate_pairs(sub, bands=bands, rows=rows))
    agree = len(ds_found & {tuple(p) for p in ours_sub.tolist()})
    print(f"LSH on {n_lsh:,} signatures (all planted pairs and base docs): datasketch MinHashLSH insert+query {t_dsl:.2f} s "
          f"({len(ds_found):,} pairs); consilience candidate_pairs {t_sub:.2f} s ({len(ours_sub):,} pairs, "
          f"{agree:,} in common); RATIO {t_dsl / max(t_sub, 1e-9):.1f}x")

    # Peak memory of the signature pass, traced on its own (tracing slows allocation-heavy code).
    tracemalloc.start()
    _ = hasher.signatures(texts)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    sig_mb = len(texts) * NUM_PERM * 4 / 1e6
    print(f"PEAK traced memory of MinHasher.signatures over {len(texts):,} docs: {peak / 1e6:,.0f} MB "
          f"(of which {sig_mb:,.0f} MB is the signature matrix itself; the corpus text is not counted)")


if __name__ == "__main__":
    main()
