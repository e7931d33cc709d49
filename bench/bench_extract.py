"""Throughput of number and date extraction against one regex pass over the same text, in one run.

Run: ``python bench/bench_extract.py [--repeat N] [--copies K]``

Corpus: the seed articles and the NewsWCL50 stories from ../shared (when present), each copied K
times with its figures shifted so that no two documents are identical. The reference is one compiled
regex pass (``\\d+(?:[.,]\\d+)*``) over every document; extraction is ``find_times`` followed by
``find_quantities`` on the same documents (sharing their first pass, as ``extract_claims`` does), and,
for information, the whole ``extract_claims`` stage. The three are timed in turn in each of N rounds,
so that a change in the machine's load falls on all of them alike, and the best round of each is kept (the
ratio of each round is shown too). Every extraction starts with the extractor's memos cleared
(``find_times`` remembers its results per text and anchor), so that no round after the first is a lookup.
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"


def corpus(copies: int) -> list[str]:
    texts = []
    for folder in (SHARED / "seeds", SHARED / "corpora" / "newswcl50"):
        for p in sorted(folder.rglob("*.txt")):
            if p.name.startswith(("LICENSE", "SOURCE")):
                continue
            texts.append(p.read_text(encoding="utf-8", errors="replace"))
    if not texts:
        raise SystemExit(f"no corpus under {SHARED}: the shared folder is needed")
    out = []
    for k in range(copies):
        # shift every figure so each copy is a distinct text (the extractor caches its last scans)
        out.extend(re.sub(r"\d+", lambda m, k=k: str(int(m.group(0)) + k) if len(m.group(0)) < 9 else m.group(0), t)
                   for t in texts)
    return out


def cpu_time(fn, times: int = 1) -> float:
    """CPU time of this process for one call of ``fn`` (the mean of ``times`` calls): on a shared machine,
    wall time also counts the other users' load, CPU time does not (and both sides of every ratio are
    measured the same way)."""
    t0 = time.process_time()
    for _ in range(times):
        fn()
    return (time.process_time() - t0) / times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--copies", type=int, default=10)
    args = ap.parse_args()

    from consilience.extract import extract_claims
    from consilience.extract.claims import sentence_spans
    from consilience.extract.numbers import find_quantities
    from consilience.extract.times import find_times
    from consilience.model import Document

    texts = corpus(args.copies)
    docs = [Document(id=f"d{i}", source="bench", text=t) for i, t in enumerate(texts)]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    n_sent = sum(len(sentence_spans(d)) for d in docs)
    ref = re.compile(r"\d+(?:[.,]\d+)*")

    def regex_pass() -> None:
        for t in texts:
            ref.findall(t)

    import consilience.extract._scan
    import consilience.extract.lexicon
    import consilience.extract.numbers
    import consilience.extract.times
    from consilience.extract import claims as claims_module

    extractor_modules = [consilience.extract._scan, consilience.extract.lexicon, consilience.extract.numbers,
                         consilience.extract.times]

    def forget(modules) -> None:
        """Clear every memo (``functools`` caches) the modules keep: what the extractor read in one round must
        not make the next one a lookup."""
        for mod in modules:
            for obj in vars(mod).values():
                if callable(getattr(obj, "cache_clear", None)) and getattr(obj, "__module__", None) == mod.__name__:
                    obj.cache_clear()

    def extraction() -> None:
        forget(extractor_modules)
        for t in texts:
            find_quantities(t, times=find_times(t))

    def claims() -> None:
        forget([*extractor_modules, claims_module])
        for d in docs:
            extract_claims(d)

    extraction()  # warm-up: compiled patterns, imports
    # Rounds interleave the three, so that a change in the machine's load falls on all of them alike; the
    # reference pass, ten times shorter, is timed over ten passes per round. The best round of each is kept.
    rounds = [(cpu_time(regex_pass, 10), cpu_time(extraction), cpu_time(claims)) for _ in range(args.repeat)]
    t_ref, t_ext, t_clm = (min(r[k] for r in rounds) for k in range(3))
    per_round = sorted(r[0] / r[1] for r in rounds)
    print(f"corpus: {len(texts)} documents, {n_sent} sentences, {mb:.2f} MB")
    print(f"{'':24}{'MB/s':>10}{'sentences/s':>14}{'ratio to regex':>16}")
    for name, t in (("regex pass (reference)", t_ref), ("find_times+quantities", t_ext), ("extract_claims", t_clm)):
        print(f"{name:24}{mb / t:10.2f}{n_sent / t:14.0f}{t_ref / t:16.3f}")
    print(f"target: extraction >= 0.100 of the regex pass; measured {t_ref / t_ext:.3f} (1/{t_ext / t_ref:.1f}); "
          f"round by round {per_round[0]:.3f}-{per_round[-1]:.3f}, median {per_round[len(per_round) // 2]:.3f}")


if __name__ == "__main__":
    main()
