"""Quality of the text consilience reads from HTML, against trafilatura, on two real benchmarks.

    python bench/score_html_extraction.py [--limit N] [--show-removed]

1. ../shared/benchmarks/scrapinghub-article-extraction-benchmark (181 pages, gold article bodies):
   shingle precision/recall/F1 (see bench/_shingles.py) of
   - trafilatura's own output stored in that folder (the number to match, minus 0.01),
   - trafilatura ``extract(fast=True)`` run here,
   - consilience ``read`` (what the pipeline gets from HTML),
   - consilience ``read`` + ``clean`` (the plain-text chrome cleaner on top),
   and the body lines the cleaner removed (removed lines whose words are in the gold text).
2. ../shared/benchmarks/trafilatura-eval-en (199 pages, must-keep and must-drop snippets): the share of
   ``with`` snippets kept and ``without`` snippets dropped, for trafilatura (default settings, run
   here), consilience ``read``, and ``read`` + ``clean``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "benchmarks"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shingles import page_pr, shingles, summary  # noqa: E402

from consilience.clean import clean_documents  # noqa: E402
from consilience.read import html_to_raw  # noqa: E402

_WS = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _WS.sub(" ", text or "").strip()


def scrapinghub(limit: int | None, show_removed: bool) -> None:
    import trafilatura

    base = BENCH / "scrapinghub-article-extraction-benchmark"
    gold = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    stored = json.loads((base / "baseline-output" / "trafilatura.json").read_text(encoding="utf-8"))
    stored_out = stored.get("output", stored)
    keys = sorted(gold)[:limit]
    rows: dict[str, list] = {"trafilatura (stored output)": [], "trafilatura fast (this run)": [],
                             "consilience read": [], "consilience read + clean": []}
    raws = []
    for k in keys:
        html = gzip.open(base / "html" / f"{k}.html.gz").read()
        truth = gold[k]["articleBody"]
        rows["trafilatura (stored output)"].append(page_pr(truth, (stored_out.get(k) or {}).get("articleBody") or ""))
        rows["trafilatura fast (this run)"].append(page_pr(truth, trafilatura.extract(html, fast=True) or ""))
        raw = html_to_raw(html, doc_id=k, origin=k, url=gold[k].get("url"))
        raws.append(raw)
        rows["consilience read"].append(page_pr(truth, raw.text))
    docs = {d.id: d for d in clean_documents(raws)}
    removed_body = removed_total = 0
    for k in keys:
        truth = gold[k]["articleBody"]
        rows["consilience read + clean"].append(page_pr(truth, docs[k].text))
        gold_sh = shingles(truth)
        for r in docs[k].removed:
            removed_total += 1
            sh = shingles(r.text)
            # a removed line is body text when most of its shingles are in the gold article
            if sh and sum((sh & gold_sh).values()) >= 0.5 * sum(sh.values()) and len(r.text.split()) >= 4:
                removed_body += 1
                if show_removed:
                    print(f"    body line removed [{r.reason}] {k[:8]}: {r.text[:110]}")
            elif show_removed:
                print(f"    chrome removed   [{r.reason}] {k[:8]}: {r.text[:110]}")
    print(f"scrapinghub-article-extraction-benchmark: {len(keys)} pages (shingle P/R/F1, mean over pages)")
    for name, pairs in rows.items():
        s = summary(pairs)
        print(f"  {name:30s} P {s['precision']:.4f}  R {s['recall']:.4f}  F1 {s['f1']:.4f}")
    print(f"  clean removed {removed_total} lines; {removed_body} of them (>= 4 words) are mostly gold body text")


def trafilatura_eval(limit: int | None, show_removed: bool) -> None:
    import trafilatura

    base = BENCH / "trafilatura-eval-en"
    data = json.loads((base / "evaldata-en.json").read_text(encoding="utf-8"))
    items = sorted(data.items())[:limit]
    scores = {"trafilatura (this run)": [0, 0, 0, 0], "consilience read": [0, 0, 0, 0],
              "consilience read + clean": [0, 0, 0, 0]}
    raws, texts = [], {}
    for url, item in items:
        path = base / item["html_gz"]
        if not path.exists():
            continue
        html = gzip.open(path).read()
        texts[url] = {"trafilatura (this run)": trafilatura.extract(html, url=url) or ""}
        raw = html_to_raw(html, doc_id=url, origin=url, url=url)
        raws.append(raw)
        texts[url]["consilience read"] = raw.text
    for d in clean_documents(raws):
        texts[d.id]["consilience read + clean"] = d.text
        if show_removed:
            for r in d.removed:
                hit = [w for w in data[d.id].get("with", []) if _norm(w) in _norm(r.text)]
                if hit:
                    print(f"    must-keep snippet removed [{r.reason}] {d.id[:50]}: {r.text[:100]}")
    for url, item in items:
        if url not in texts:
            continue
        for name, text in texts[url].items():
            t = _norm(text)
            s = scores[name]
            for w in item.get("with", []):
                s[0] += _norm(w) in t
                s[1] += 1
            for w in item.get("without", []):
                s[2] += _norm(w) not in t
                s[3] += 1
    print(f"trafilatura-eval-en: {len(texts)} pages (share of snippets handled right)")
    for name, (kept, n_with, dropped, n_without) in scores.items():
        total = (kept + dropped) / max(1, n_with + n_without)
        print(f"  {name:30s} kept {kept}/{n_with} ({kept / max(1, n_with):.3f})  dropped {dropped}/{n_without} "
              f"({dropped / max(1, n_without):.3f})  overall {total:.4f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages of each benchmark")
    ap.add_argument("--show-removed", action="store_true", help="print the lines the cleaner removed")
    args = ap.parse_args()
    if not BENCH.is_dir():
        print("skipped: ../shared/benchmarks is absent")
        return
    scrapinghub(args.limit, args.show_removed)
    trafilatura_eval(args.limit, args.show_removed)


if __name__ == "__main__":
    main()
