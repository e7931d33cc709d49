"""Whole-pipeline throughput on text, as ratios against references timed in the same run.

Builds a corpus by replicating the seed articles (or any directory given) with light random edits,
then times, on the same files: reading them from disk, one compiled regex pass over their text (the
reference "regex pass" of PERFORMANCE.md), and the consilience pipeline per story of five documents
(read -> ... -> assemble), in one process. Prints docs/s, MB/s and the ratio to the regex pass.

    python bench/bench_pipeline.py [--docs 2000] [--source ../shared/seeds]
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE.parent.parent / "shared" / "seeds"
FALLBACK_SOURCE = HERE.parent / "examples" / "story"


def perturb(text: str, rng: random.Random) -> str:
    """Light edits so no two replicas are identical: swap a few words, change a few digits."""
    words = text.split(" ")
    for _ in range(max(1, len(words) // 50)):
        i = rng.randrange(len(words))
        j = rng.randrange(len(words))
        words[i], words[j] = words[j], words[i]
    out = " ".join(words)
    return re.sub(r"\d", lambda m: str(rng.randrange(10)) if rng.random() < 0.05 else m.group(0), out)


def build_corpus(source: Path, n_docs: int, dest: Path, seed: int = 7) -> list[Path]:
    """``n_docs`` files in story folders of five, made from the texts in ``source``."""
    rng = random.Random(seed)
    originals = [p.read_text(encoding="utf-8") for p in sorted(source.glob("*.txt"))]
    stories = []
    for i in range(0, n_docs, len(originals)):
        story = dest / f"story{i // len(originals):05d}"
        story.mkdir(parents=True)
        for k, text in enumerate(originals[: n_docs - i]):
            (story / f"{k:03d}.txt").write_text(perturb(text, rng), encoding="utf-8")
        stories.append(story)
    return stories


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE if DEFAULT_SOURCE.is_dir() else FALLBACK_SOURCE)
    args = ap.parse_args()

    from consilience.pipeline import reconcile

    tmp = Path(tempfile.mkdtemp(prefix="consilience-bench-"))
    try:
        stories = build_corpus(args.source, args.docs, tmp)
        files = sorted(tmp.rglob("*.txt"))
        reconcile([str(stories[0])])  # warm up imports and lazy tables

        t0 = time.perf_counter()
        texts = [p.read_text(encoding="utf-8") for p in files]
        t_read = time.perf_counter() - t0
        nbytes = sum(len(t.encode("utf-8")) for t in texts)

        pattern = re.compile(r"\d+(?:[.,]\d+)*")
        t0 = time.perf_counter()
        for t in texts:
            pattern.findall(t)
        t_regex = time.perf_counter() - t0

        t0 = time.perf_counter()
        for story in stories:
            reconcile([str(story)])
        t_pipe = time.perf_counter() - t0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    mb = nbytes / 1e6
    print(f"corpus: {len(files)} documents in {len(stories)} stories, {mb:.2f} MB, source {args.source.name}")
    print(f"{'stage':<28}{'docs/s':>12}{'MB/s':>10}{'vs regex pass':>16}")
    for name, t in (("read files", t_read), ("regex pass (reference)", t_regex), ("consilience pipeline", t_pipe)):
        print(f"{name:<28}{len(files) / t:>12.0f}{mb / t:>10.2f}{t_regex / t:>16.4f}")
    ratio = t_regex / t_pipe
    print(f"pipeline / regex pass = 1/{1 / ratio:.1f} (goal: at least 1/25)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
