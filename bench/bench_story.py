"""How the cost of reconciling one story grows with its number of reports (10, 50, 200).

A story of N reports is made by rewriting the example story's reports (word swaps, changed digits,
sentences reordered), all in one folder, so alignment has to compare them all. Timings come from the
pipeline's own per-stage clock (``Options(timings=True)``); the reference is a regex pass over the same
text in the same run. Prints the seconds per stage and the growth factor between sizes (linear growth
from 50 to 200 reports is 4.0).

    python bench/bench_story.py [--sizes 10 50 200]
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
sys.path.insert(0, str(HERE))

from bench_pipeline import FALLBACK_SOURCE, perturb  # noqa: E402


def rewrite(text: str, rng: random.Random) -> str:
    """A rewrite: light edits plus paragraphs in a different order (the first line stays first)."""
    lines = perturb(text, rng).split("\n")
    head, body = lines[:1], lines[1:]
    rng.shuffle(body)
    return "\n".join(head + body)


def make_story(source: Path, n: int, dest: Path, seed: int = 11) -> Path:
    rng = random.Random(seed)
    originals = [p.read_text(encoding="utf-8") for p in sorted(source.glob("*.txt"))]
    dest.mkdir(parents=True)
    for i in range(n):
        (dest / f"r{i:04d}.txt").write_text(rewrite(originals[i % len(originals)], rng), encoding="utf-8")
    return dest


def forget() -> None:
    """Clear what consilience remembers of the texts it read (result caches, per-document memos), so a
    run starts from what a fresh process knows once its data files are loaded and its patterns compiled
    (single-entry caches hold those loaders and are kept)."""
    for name, mod in list(sys.modules.items()):
        if not name.startswith("consilience") or mod is None:
            continue
        for obj in list(vars(mod).values()):
            params = getattr(obj, "cache_parameters", None)
            if params is not None and getattr(obj, "__module__", None) == name and (params()["maxsize"] or 2) > 1:
                obj.cache_clear()
    for module, memo in (("consilience.people", "_MEMO"), ("consilience.resolve", "_EVENT_YEARS")):
        held = getattr(sys.modules.get(module), memo, None)
        if held is not None:
            held.clear()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10, 50, 200])
    ap.add_argument("--source", type=Path, default=FALLBACK_SOURCE)
    args = ap.parse_args()

    from consilience.pipeline import Options, reconcile

    tmp = Path(tempfile.mkdtemp(prefix="consilience-story-"))
    rows = []
    try:
        # Warm up on a story of other rewrites: imports, data files and the patterns compiled on first
        # use are paid once per process, not per story.
        reconcile([str(make_story(args.source, 50, tmp / "warm-up", seed=99))])
        for n in args.sizes:
            story = make_story(args.source, n, tmp / f"s{n}")
            forget()  # the stories share rewrites: nothing one run remembers may serve the next
            text = "".join(p.read_text(encoding="utf-8") for p in story.glob("*.txt"))
            t0 = time.perf_counter()
            re.findall(r"\d+(?:[.,]\d+)*", text)
            t_regex = time.perf_counter() - t0
            t0 = time.perf_counter()
            dossier = reconcile([str(story)], Options(timings=True))
            total = time.perf_counter() - t0
            timings = dossier.stats.get("timings", {})
            rows.append((n, total, timings, t_regex, len(dossier.facts)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    stages = sorted({k for _, _, t, _, _ in rows for k in t})
    print(f"{'reports':>8}{'total s':>10}" + "".join(f"{s:>10}" for s in stages) + f"{'facts':>8}{'regex x':>10}")
    for n, total, timings, t_regex, nfacts in rows:
        print(f"{n:>8}{total:>10.3f}" + "".join(f"{timings.get(s, 0):>10.3f}" for s in stages)
              + f"{nfacts:>8}{total / max(t_regex, 1e-9):>10.0f}")
    for (n1, t1, s1, _, _), (n2, t2, s2, _, _) in zip(rows, rows[1:]):
        a1, a2 = s1.get("align", 0), s2.get("align", 0)
        print(f"{n1} -> {n2} reports (x{n2 / n1:.1f}): total x{t2 / t1:.2f}, align x{a2 / max(a1, 1e-9):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
