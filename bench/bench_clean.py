"""Speed of the read and clean stages, as ratios against references timed in the same run.

    python bench/bench_clean.py [--docs 2000] [--pages 181] [--repeat 3]

1. Plain-text cleaning (clean_documents) on the seed articles replicated with random edits, against
   the reference regex pass of ../shared/PERFORMANCE.md (one compiled ``\\d+(?:[.,]\\d+)*`` findall).
2. HTML in: read_inputs + clean_documents on the pages of
   ../shared/benchmarks/scrapinghub-article-extraction-benchmark, against trafilatura
   ``extract(fast=True)`` alone on the same (already decompressed) pages. Goal: >= 0.6.
3. The share of that HTML pipeline spent cleaning plain text. Goal: well under 10%.

Every number is the best of ``--repeat`` runs, one process, one core.
"""

from __future__ import annotations

import argparse
import gzip
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from consilience.clean import clean_documents  # noqa: E402
from consilience.model import RawDocument  # noqa: E402
from consilience.read import ReadOptions, read_inputs  # noqa: E402

REGEX = re.compile(r"\d+(?:[.,]\d+)*")


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def text_corpus(n: int, seed: int = 7) -> list[RawDocument]:
    """The seeds replicated with random word edits, so no two documents are identical."""
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    docs = []
    for i in range(n):
        words = seeds[i % len(seeds)].split(" ")
        for _ in range(max(1, len(words) // 40)):
            k = rng.randrange(len(words))
            words[k] = rng.choice(["new", "old", "12", "several", "the", "Ministry", "said"])
        docs.append(RawDocument(id=f"d{i:05d}", source="x", text=" ".join(words)))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--pages", type=int, default=181)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--story-size", type=int, default=50, help="documents per clean_documents call (a story)")
    args = ap.parse_args()

    # 1. plain text
    docs = text_corpus(args.docs)
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    texts = [d.text for d in docs]
    t_regex = best(lambda: [REGEX.findall(t) for t in texts], args.repeat)
    size = args.story_size
    t_clean = best(lambda: [clean_documents(docs[i : i + size]) for i in range(0, len(docs), size)], args.repeat)
    print(f"plain text: {len(docs)} docs, {mb:.1f} MB")
    print(f"  regex pass (reference)      {mb / t_regex:8.1f} MB/s")
    print(f"  clean_documents             {mb / t_clean:8.1f} MB/s   ratio {t_regex / t_clean:.3f} of the regex pass")

    # 2. HTML
    html_dir = SHARED / "benchmarks" / "scrapinghub-article-extraction-benchmark" / "html"
    if not html_dir.is_dir():
        print("HTML: skipped (../shared/benchmarks is absent)")
        return
    import trafilatura

    pages = [gzip.open(p).read() for p in sorted(html_dir.glob("*.html.gz"))[: args.pages]]
    html_mb = sum(map(len, pages)) / 1e6
    with tempfile.TemporaryDirectory() as tmp:
        for i, page in enumerate(pages):
            Path(tmp, f"{i:04d}.html").write_bytes(page)
        t_traf_bytes = best(lambda: [trafilatura.extract(p, fast=True) for p in pages], args.repeat)
        decoded = [p.decode("utf-8", "replace") for p in pages]
        # the stricter reference: trafilatura handed text, so it does no charset detection of its own
        t_traf = best(lambda: [trafilatura.extract(p, fast=True) for p in decoded], args.repeat)
        raws_box = []
        t_read = best(lambda: raws_box.append(read_inputs([tmp], ReadOptions())), args.repeat)
        raws = raws_box[-1]
        t_clean_html = best(lambda: clean_documents(raws), args.repeat)
    total = t_read + t_clean_html
    print(f"HTML: {len(pages)} pages, {html_mb:.1f} MB")
    print(f"  trafilatura extract(fast=True) on bytes {len(pages) / t_traf_bytes:7.1f} pages/s")
    print(f"  trafilatura extract(fast=True) on str   {len(pages) / t_traf:7.1f} pages/s (reference)")
    print(f"  read_inputs (files, decode, extract, metadata)  {len(pages) / t_read:7.1f} pages/s")
    print(f"  read + clean                           {len(pages) / total:7.1f} pages/s   ratio {t_traf / total:.3f} (goal >= 0.6)")
    print(f"  cleaning share of read + clean         {100 * t_clean_html / total:6.1f} %   (goal well under 10%)")


if __name__ == "__main__":
    main()
