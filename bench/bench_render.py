"""How long the views take to write a report, as a ratio to writing the same report as JSON.

A synthetic report dict (the JSON contract's shape) is built for stories of several sizes: N documents
of about 4 KB each and 8 facts per document, each fact stated by 2 to 6 documents with real spans into
the text. The reference is ``json.dumps(d, indent=2)`` of the same dict in the same run (what the JSON
view costs, less model conversion). Prints seconds (best of 3) and the ratio of each view to the
reference, then how the HTML view grows from the smallest to the largest size.

    python bench/bench_render.py [--sizes 5 50 200]
"""

from __future__ import annotations

import argparse
import io
import json
import random
import time

WORDS = ("the minister said trade between both countries rose sharply last year while investment "
         "projects grew in number and officials expect further growth after the visit").split()


def make_report(n_docs: int, seed: int = 7) -> dict:
    """A report of ``n_docs`` documents with 8 facts per document; every span points into its text."""
    rng = random.Random(seed)
    docs, facts = [], []
    for i in range(n_docs):
        sentences = []
        for _ in range(40):
            words = [rng.choice(WORDS) for _ in range(rng.randint(10, 22))]
            words.insert(rng.randint(1, len(words) - 1), f"{rng.randint(2, 999)}.{rng.randint(0, 9)}")
            sentences.append(" ".join(words).capitalize() + ".")
        text = "\n".join(sentences)
        docs.append({"id": f"doc{i:04}.txt", "source": f"source {i}", "origin": f"doc{i:04}.txt",
                     "url": f"https://example.org/{i}", "title": f"Report number {i}",
                     "published": {"date": f"2024-{1 + i % 12:02}-{1 + i % 28:02}", "how": "declared", "why": None},
                     "text": text, "skipped": None,
                     "removed": [{"text": "Sign in", "reason": "login-prompt", "start": 0}]})
    verdicts = ("conflict", "divergent", "updated", "compatible", "agree", "single-source")
    for j in range(8 * n_docs):
        members = rng.sample(range(n_docs), k=min(n_docs, rng.randint(2, 6)))
        claims = []
        for m in sorted(members):
            doc = docs[m]
            text = doc["text"]
            start = rng.randrange(0, len(text) - 200)
            s0 = text.rfind("\n", 0, start) + 1
            s1 = text.find("\n", start)
            s1 = len(text) if s1 < 0 else s1
            v0 = rng.randrange(s0, max(s0 + 1, s1 - 8))
            v1 = min(s1, v0 + 6)
            point = rng.choice((11.0, 12.0))
            claims.append({"id": f"c{j}-{m}", "doc_id": doc["id"], "kind": "quantity", "text": text[v0:v1],
                           "sentence": text[s0:s1], "span": [v0, v1], "sentence_span": [s0, s1],
                           "subject": "", "measure": "", "qualifiers": {},
                           "value": {"type": "quantity", "kind": "money", "unit": "USD", "point": point * 1e9,
                                     "low": point * 1e9, "high": point * 1e9, "hedge": "exact"}})
        facts.append({"id": f"f{j}", "label": f"fact {j}", "kind": "quantity", "verdict": verdicts[j % 6],
                      "explanation": "Synthetic.", "consensus": None, "score": rng.random(), "current": None,
                      "claims": claims})
    timeline = [{"date": f"20{10 + k % 15}-{1 + k % 12:02}", "granularity": "month", "label": f"event {k}",
                 "doc_ids": [docs[k % n_docs]["id"]], "fact_id": None, "conflict": False}
                for k in range(2 * n_docs)]
    reuse = [{"source": docs[k]["id"], "target": docs[k + 1]["id"], "relation": "paraphrase", "directed": True,
              "similarity": 0.7, "coverage": {}, "pairs": [], "altered": [], "why": "synthetic"}
             for k in range(0, n_docs - 1, 3)]
    return {"schema_version": "1", "story": {"title": "Synthetic story", "date_range": ["2024-01-01", "2024-12-28"],
                                             "sources": n_docs},
            "documents": docs, "facts": facts, "reuse": reuse, "timeline": timeline, "stats": {}}


def best_of(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 50, 200])
    args = parser.parse_args()
    from rich.console import Console

    from consilience.render.html import render_html
    from consilience.render.markdown import render_markdown
    from consilience.render.text import render_text

    html_times = {}
    print(f"{'docs':>5} {'facts':>6} {'json s':>8} {'md s':>8} {'html s':>8} {'text s':>8} "
          f"{'md/json':>8} {'html/json':>10} {'text/json':>10} {'html MB':>8}")
    for n in args.sizes:
        d = make_report(n)
        ref = best_of(lambda: json.dumps(d, ensure_ascii=False, indent=2))
        md = best_of(lambda: render_markdown(d))
        html = best_of(lambda: render_html(d))
        text = best_of(lambda: render_text(d, console=Console(file=io.StringIO())))
        size = len(render_html(d).encode("utf-8")) / 1e6
        html_times[n] = html
        print(f"{n:>5} {len(d['facts']):>6} {ref:>8.4f} {md:>8.4f} {html:>8.4f} {text:>8.4f} "
              f"{md / ref:>8.1f} {html / ref:>10.1f} {text / ref:>10.1f} {size:>8.2f}")
    lo, hi = min(args.sizes), max(args.sizes)
    if lo != hi:
        print(f"html growth {lo} -> {hi} documents: {html_times[hi] / html_times[lo]:.1f}x "
              f"(linear would be {hi / lo:.1f}x)")


if __name__ == "__main__":
    main()
