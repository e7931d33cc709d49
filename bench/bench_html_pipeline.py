"""The whole pipeline on HTML pages against trafilatura ``extract(fast=True)`` alone, in one run.

Pages: the real article pages of ../shared/benchmarks/scrapinghub-article-extraction-benchmark
(gzipped HTML, decompressed once into a temporary folder). Timed on the same pages, in this process,
after a warm-up (imports, and the stop lists trafilatura's fallback loads the first time it runs):
trafilatura alone on each page's HTML string; consilience ``read`` + ``clean`` (what
HTML costs us); and the whole ``reconcile`` (read -> ... -> assemble) over the folder as one run.

    python bench/bench_html_pipeline.py [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared" / "benchmarks" / "scrapinghub-article-extraction-benchmark" / "html"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="use only the first N pages (0: all)")
    args = ap.parse_args()
    if not PAGES.is_dir():
        print(f"{PAGES} is absent: this benchmark needs ../shared beside the checkout", file=sys.stderr)
        return 2

    import trafilatura

    from consilience.clean import clean_documents
    from consilience.pipeline import reconcile
    from consilience.read import html_to_raw, read_inputs

    files = sorted(PAGES.glob("*.html.gz"))
    if args.limit:
        files = files[: args.limit]
    tmp = Path(tempfile.mkdtemp(prefix="consilience-html-"))
    try:
        pages = []
        for f in files:
            html = gzip.decompress(f.read_bytes())
            (tmp / f.name[: -len(".gz")]).write_bytes(html)
            pages.append(html.decode("utf-8", errors="replace"))
        mb = sum(len(p.encode("utf-8")) for p in pages) / 1e6
        trafilatura.extract(pages[0], fast=True)
        reconcile([str(tmp / files[0].name[: -len(".gz")])])  # warm up imports
        # and the one-time set-up of what only some pages reach: a page whose main text is short makes
        # ``read`` run trafilatura's full mode, whose jusText fallback loads its stop lists once (0.4 s)
        html_to_raw("<html><body><article><p>A short page.</p></article></body></html>", doc_id="warm-up",
                    origin="warm-up")

        t0 = time.perf_counter()
        for p in pages:
            trafilatura.extract(p, fast=True)
        t_traf = time.perf_counter() - t0

        t0 = time.perf_counter()
        clean_documents(read_inputs([str(tmp)]))
        t_read = time.perf_counter() - t0

        t0 = time.perf_counter()
        dossier = reconcile([str(tmp)])
        t_all = time.perf_counter() - t0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    n = len(pages)
    print(f"{n} pages, {mb:.1f} MB of HTML; {len(dossier.facts)} facts in the dossier")
    print(f"{'what':<36}{'pages/s':>10}{'MB/s':>8}{'vs trafilatura':>16}")
    for name, t in (("trafilatura extract(fast=True)", t_traf), ("consilience read + clean", t_read),
                    ("consilience whole pipeline", t_all)):
        print(f"{name:<36}{n / t:>10.1f}{mb / t:>8.2f}{t_traf / t:>16.3f}")
    print("goal: whole pipeline >= 0.6 of trafilatura alone (../shared/PERFORMANCE.md)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
