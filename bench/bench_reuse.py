"""Cost of reuse detection (``find_reuse``) on stories of 10, 50 and 200 reports, against pair-by-pair alignment.

The stories are bench_story.py's (rewrites of the example story's reports, all in one folder), read,
cleaned, segmented and dated by the pipeline's own stages. The reference, timed in the same run, is
the definition find_reuse is checked against: every candidate pair aligned on its own
(``SentenceTable.matches``) and its shingle sets intersected with ``np.intersect1d``. The script also
checks that both give the same relations. Prints seconds (best of ``--repeat``), the speed-up over the
reference, and the growth from one size to the next.

    python bench/bench_reuse.py [--sizes 10 50 200] [--repeat 3]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_pipeline import FALLBACK_SOURCE  # noqa: E402
from bench_story import make_story  # noqa: E402


def load(story: Path) -> list:
    from consilience.pipeline import Options, State, stage_clean, stage_date, stage_read, stage_segment

    state = State(inputs=[str(story)], options=Options())
    for stage in (stage_read, stage_clean, stage_segment, stage_date):
        state = stage(state)
    return [d for d in state.documents if not d.skipped]


def pair_by_pair(docs: list, options) -> list:
    """find_reuse's definition, one candidate pair at a time."""
    import numpy as np

    from consilience.reuse import relations as rel
    from consilience.reuse.sentences import SentenceTable

    usable = sorted(docs, key=lambda d: d.id)
    prepared = rel._prepare(usable, options)
    table = SentenceTable(usable)
    listing_all = len(usable) <= options.list_independent_up_to
    out = []
    for i, j in rel._candidate_pairs(prepared, options):
        matches = table.matches(usable[i].id, usable[j].id, threshold=options.align_threshold)
        inter = np.intersect1d(prepared[i].shingles, prepared[j].shingles, assume_unique=True).size
        r = rel._relation(prepared[i], prepared[j], table, options, matches, inter)
        if listing_all or r.relation != "independent":
            out.append(r)
    return sorted(out, key=lambda r: (r.source, r.target))


def best_of(repeat: int, fn):
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10, 50, 200])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--source", type=Path, default=FALLBACK_SOURCE)
    args = ap.parse_args()

    from consilience.reuse import ReuseOptions, find_reuse

    options = ReuseOptions()
    tmp = Path(tempfile.mkdtemp(prefix="consilience-reuse-"))
    rows = []
    try:
        for n in args.sizes:
            docs = load(make_story(args.source, n, tmp / f"s{n}"))
            t_ref, ref = best_of(args.repeat, lambda: pair_by_pair(docs, options))
            t_new, got = best_of(args.repeat, lambda: find_reuse(docs, options))
            rows.append((n, len(got), t_new, t_ref, got == ref))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"{'reports':>8}{'relations':>11}{'find_reuse s':>14}{'pairwise s':>12}{'speed-up':>10}{'same':>6}")
    for n, count, t_new, t_ref, same in rows:
        print(f"{n:>8}{count:>11}{t_new:>14.3f}{t_ref:>12.3f}{t_ref / t_new:>9.1f}x{'yes' if same else 'NO':>6}")
    for (n1, _, a, _, _), (n2, _, b, _, _) in zip(rows, rows[1:]):
        print(f"{n1} -> {n2} reports (x{n2 / n1:.1f}): find_reuse x{b / a:.2f}")
    return 0 if all(same for *_, same in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
