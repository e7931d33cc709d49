"""People, quotes, events and the timeline: their cost in the pipeline, and a TimeLine score.

    python bench/score_timeline.py [--only cost|semeval] [--docs 1000] [--story 200]

1. cost: the seed articles replicated with light random edits into stories of five (as in
   bench_pipeline.py). In the same run it times the reference regex pass of ../shared/PERFORMANCE.md,
   the whole pipeline per story, and, on the same documents, this part alone: extract_people,
   extract_quotes, extract_events, then align_people, align_quotes, align_events and build_timeline
   per story. It prints their share of the pipeline and the ratio to the regex pass. Then, on one
   story of ``--story`` reports, the alignment of this part at 1/5 and at full size (growth check).
2. semeval: SemEval-2015 Task 4 (TimeLine, track A: raw text) on
   ../shared/benchmarks/semeval2015-task4-timeline. For every target entity, the events whose
   sentence names it, ordered by consilience's merged timeline, scored against the gold timelines with
   our implementation of the task's measure (see ``temporal_awareness``), once with the default
   options and once with ``EventOptions(anchor_to_document=True)``. The best system of the task from raw
   text reached F1 7.85: a reference point, not a bar.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tarfile
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from consilience.events import align_events, extract_events  # noqa: E402
from consilience.model import Document, Published  # noqa: E402
from consilience.people import align_people, extract_people, fold, tokens  # noqa: E402
from consilience.quotes import align_quotes, extract_quotes  # noqa: E402
from consilience.segment import segment  # noqa: E402
from consilience.timeline import build_timeline  # noqa: E402

REGEX = re.compile(r"\d+(?:[.,]\d+)*")


# ---------------------------------------------------------------------------------------------
# 1. Cost


def perturb(text: str, rng: random.Random) -> str:
    """Light edits so no two replicas are identical: swap a few words, change a few digits."""
    words = text.split(" ")
    for _ in range(max(1, len(words) // 50)):
        i, j = rng.randrange(len(words)), rng.randrange(len(words))
        words[i], words[j] = words[j], words[i]
    out = " ".join(words)
    return re.sub(r"\d", lambda m: str(rng.randrange(10)) if rng.random() < 0.05 else m.group(0), out)


def prepared(paths: list[Path]) -> list[Document]:
    """The documents of one story as the pipeline hands them to extraction (read ... date)."""
    from consilience.pipeline import STAGES, State

    state = State(inputs=tuple(str(p) for p in paths))
    for name, stage in STAGES:
        if name == "extract":
            break
        state = stage(state)
    return [d for d in state.documents if not d.skipped]


def this_part(docs: list[Document]) -> None:
    claims = []
    for d in docs:
        claims.extend(extract_people(d))
        claims.extend(extract_quotes(d))
        claims.extend(extract_events(d))
    facts = align_people([c for c in claims if c.kind == "name"], docs)
    facts += align_quotes([c for c in claims if c.kind == "quote"], docs)
    facts += align_events([c for c in claims if c.kind == "event"], docs)
    build_timeline(facts, docs)


def aligned_only(docs: list[Document], claims: list) -> float:
    t0 = time.perf_counter()
    facts = align_people([c for c in claims if c.kind == "name"], docs)
    facts += align_quotes([c for c in claims if c.kind == "quote"], docs)
    facts += align_events([c for c in claims if c.kind == "event"], docs)
    build_timeline(facts, docs)
    return time.perf_counter() - t0


def cost(n_docs: int, story_size: int) -> None:
    from consilience.pipeline import reconcile

    seeds = SHARED / "seeds"
    originals = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    rng = random.Random(7)
    with tempfile.TemporaryDirectory(prefix="consilience-bench-") as tmp:
        stories = []
        for i in range(0, n_docs, len(originals)):
            story = Path(tmp) / f"story{i // len(originals):05d}"
            story.mkdir()
            for k, text in enumerate(originals):
                (story / f"{k:03d}.txt").write_text(perturb(text, rng), encoding="utf-8")
            stories.append(sorted(story.glob("*.txt")))
        texts = [p.read_text(encoding="utf-8") for s in stories for p in s]
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        reconcile([str(stories[0][0].parent)])  # warm imports and lexicons
        this_part(prepared(stories[0]))

        t0 = time.perf_counter()
        for t in texts:
            REGEX.findall(t)
        t_regex = time.perf_counter() - t0

        t0 = time.perf_counter()
        for s in stories:
            reconcile([str(s[0].parent)])
        t_pipe = time.perf_counter() - t0

        ready = [prepared(s) for s in stories]
        t0 = time.perf_counter()
        for docs in ready:
            this_part(docs)
        t_part = time.perf_counter() - t0

        big_dir = Path(tmp) / "big"
        big_dir.mkdir()
        for k in range(story_size):
            (big_dir / f"{k:04d}.txt").write_text(perturb(originals[k % len(originals)], rng), encoding="utf-8")
        big = prepared(sorted(big_dir.glob("*.txt")))
        claims = [c for d in big for c in (*extract_people(d), *extract_quotes(d), *extract_events(d))]
        fifth = big[: story_size // 5]
        ids = {d.id for d in fifth}
        t_small = min(aligned_only(fifth, [c for c in claims if c.doc_id in ids]) for _ in range(3))
        t_big = min(aligned_only(big, claims) for _ in range(3))

    n = len(texts)
    print(f"corpus: {n} documents in {len(stories)} stories of five, {mb:.2f} MB (seeds replicated with edits)")
    print(f"{'':<44}{'seconds':>9}{'docs/s':>10}{'MB/s':>8}{'vs regex':>10}")
    for name, t in (("regex pass (reference)", t_regex), ("whole pipeline, per story", t_pipe),
                    ("people+quotes+events+timeline, per story", t_part)):
        print(f"{name:<44}{t:>9.3f}{n / t:>10.0f}{mb / t:>8.2f}{t_regex / t:>10.4f}")
    print(f"share of the whole pipeline: {t_part / t_pipe:.1%}")
    print(f"alignment of this part on one story: {story_size // 5} reports {t_small * 1000:.1f} ms, "
          f"{story_size} reports {t_big * 1000:.1f} ms (x{t_big / t_small:.1f} for x5 reports)")


# ---------------------------------------------------------------------------------------------
# 2. SemEval-2015 Task 4


def read_cat(path: Path) -> tuple[Document, dict[int, tuple[int, int]], list[tuple[int, int, int, str]]]:
    """A CAT file as a document (one sentence per line, tokens joined by spaces), with each sentence's
    character range and every token as (sentence, start, end, word)."""
    root = ET.parse(path).getroot()
    doc_id = root.get("doc_id") or path.stem
    lines: dict[int, list[str]] = defaultdict(list)
    for tok in root.iter("token"):
        lines[int(tok.get("sentence"))].append(tok.text or "")
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = timex.get("value")
    text_parts, sents, toks = [], {}, []
    pos = 0
    for sid in sorted(lines):
        start = pos
        for w in lines[sid]:
            toks.append((sid, pos, pos + len(w), w))
            text_parts.append(w + " ")
            pos += len(w) + 1
        sents[sid] = (start, pos - 1)
        text_parts[-1] = text_parts[-1][:-1] + "\n"
    text = "".join(text_parts)
    doc = Document(id=doc_id, source=doc_id, text=text, published=Published(dct, "declared" if dct else "unknown"))
    return segment(doc), sents, toks


def gold_timeline(path: Path) -> dict[str, tuple[int, str]]:
    """event id -> (rank, date) of a gold timeline file; coreferent mentions share their line."""
    out: dict[str, tuple[int, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) < 3:
            continue
        rank, date = int(parts[0]), parts[1]
        for ev in parts[2:]:
            out[ev] = (rank, date)
    return out


def relations(timeline: dict[str, tuple[int, str]]) -> tuple[set, set]:
    """(reduced graph, closure) of a timeline as TimeML-like relations.

    Events on one line are SIMULTANEOUS, events on consecutive lines BEFORE, each anchored event
    IS_INCLUDED in its date; events of rank 0 (no date, no order) take part in no relation.
    """
    by_rank: dict[int, list[str]] = defaultdict(list)
    for ev, (rank, _) in timeline.items():
        if rank > 0:
            by_rank[rank].append(ev)
    ranks = sorted(by_rank)
    reduced, closure = set(), set()
    for ev, (rank, date) in timeline.items():
        if rank > 0 and not date.startswith("XXXX"):
            reduced.add((ev, "IS_INCLUDED", date))
            closure.add((ev, "IS_INCLUDED", date))
    for r in ranks:
        group = sorted(by_rank[r])
        for a, b in zip(group, group[1:]):
            reduced.add((a, "SIMULTANEOUS", b))
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                closure.add((a, "SIMULTANEOUS", b))
    for r1, r2 in zip(ranks, ranks[1:]):
        for a in by_rank[r1]:
            for b in by_rank[r2]:
                reduced.add((a, "BEFORE", b))
    for i, r1 in enumerate(ranks):
        for r2 in ranks[i + 1 :]:
            for a in by_rank[r1]:
                for b in by_rank[r2]:
                    closure.add((a, "BEFORE", b))
    return reduced, closure


def temporal_awareness(system: dict, gold: dict) -> tuple[int, int, int, int]:
    """Counts of TempEval-3 temporal awareness: (system reduced relations found in the gold closure,
    system reduced relations, gold reduced relations found in the system closure, gold reduced)."""
    s_red, s_clo = relations(system)
    g_red, g_clo = relations(gold)
    return len(s_red & g_clo), len(s_red), len(g_red & s_clo), len(g_red)


def _written(point: str) -> str:
    parts = point.split("-")
    while len(parts) < 3:
        parts.append("XX")
    return "-".join(parts[:3])


def semeval() -> None:
    from consilience.events import EventOptions, _find_triggers

    for label, opts in (("default options", EventOptions()),
                        ("anchor_to_document=True (undated sentences take the document date)",
                         EventOptions(anchor_to_document=True))):
        semeval_run(label, opts, _find_triggers)


def semeval_run(label: str, opts, _find_triggers) -> None:
    bench = SHARED / "benchmarks" / "semeval2015-task4-timeline"
    archive = bench / "SemEval2015-Task4-TimeLine.tar.gz"
    totals = [0, 0, 0, 0]
    per_corpus = []
    with tempfile.TemporaryDirectory(prefix="semeval-") as tmp:
        with tarfile.open(archive) as tar:
            members = [m for m in tar.getmembers() if "SemEval_Task4_data" in m.name and "trackA_CAT" in m.name]
            tar.extractall(tmp, members=members, filter="data")
        base = next(Path(tmp).rglob("SemEval_Task4_data"))
        for corpus in sorted(base.glob("corpus_*")):
            docs, sent_of, tok_of = [], {}, {}
            for f in sorted((corpus / "corpus_trackA_CAT").glob("*.xml")):
                doc, sents, toks = read_cat(f)
                docs.append(doc)
                sent_of[doc.id] = sents
                tok_of[doc.id] = toks
            claims = [c for d in docs for c in extract_events(d, options=opts)]
            facts = align_events(claims, docs, options=opts)
            entries = {e.fact_id: e for e in build_timeline(facts, docs)}
            entities = (bench / "gold-timelines" / corpus.name / f"list_target_entities_{corpus.name}.txt")
            counts = [0, 0, 0, 0]
            for entity in [x.strip() for x in entities.read_text(encoding="utf-8").splitlines() if x.strip()]:
                gold_file = _gold_file(bench / "gold-timelines" / corpus.name, entity)
                if gold_file is None:
                    continue
                system = _system_timeline(entity, facts, entries, docs, sent_of, tok_of, _find_triggers)
                got = temporal_awareness(system, gold_timeline(gold_file))
                counts = [a + b for a, b in zip(counts, got)]
            per_corpus.append((corpus.name, counts))
            totals = [a + b for a, b in zip(totals, counts)]
    print(f"SemEval-2015 Task 4, track A (raw text), temporal awareness, micro-averaged; {label}")
    for name, (sp, sn, gr, gn) in per_corpus + [("all", totals)]:
        p = sp / sn if sn else 0.0
        r = gr / gn if gn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"  {name:<10} P {100 * p:6.2f}  R {100 * r:6.2f}  F1 {100 * f:6.2f}  "
              f"(system relations {sn}, gold relations {gn})")
    print("  reference: best track-A system of the task, F1 7.85")


def _gold_file(folder: Path, entity: str) -> Path | None:
    stem = entity.lower().replace(" ", "_")
    for name in (stem, stem.replace("&", "_and_"), stem.replace("_&_", "_and_")):
        p = folder / f"{name}.txt"
        if p.is_file():
            return p
    return None


def _system_timeline(entity, facts, entries, docs, sent_of, tok_of, find_triggers) -> dict[str, tuple[int, str]]:
    """Events whose sentence names ``entity`` (its full name or last word), ranked by timeline date."""
    words = fold(entity).split()
    keys = {fold(entity), words[-1]} if len(words[-1]) > 3 else {fold(entity)}
    by_doc = {d.id: d for d in docs}
    dated: list[tuple[str, str, str]] = []  # (sort key, written date, event id)
    for f in facts:
        entry = entries.get(f.id)
        for c in f.claims:
            doc = by_doc[c.doc_id]
            sentence = fold(doc.text[c.sentence.start : c.sentence.end])
            if not any(re.search(rf"\b{re.escape(k)}\b", sentence) for k in keys):
                continue
            trig = find_triggers(doc.text, c.span.start, c.span.end, [])
            if not trig:
                continue
            word = tokens(doc.text, trig[0].start, trig[0].end)[0].text
            sid = next((s for s, (a, b) in sent_of[c.doc_id].items() if a <= trig[0].start <= b), None)
            if sid is None:
                continue
            ev = f"{c.doc_id}-{sid}-{word}"
            if entry is None:
                dated.append(("", "XXXX-XX-XX", ev))
            else:
                dated.append((entry.date, _written(entry.date), ev))
    out: dict[str, tuple[int, str]] = {}
    ranks = {d: i + 1 for i, d in enumerate(sorted({k for k, _, _ in dated if k}))}
    for key, written, ev in sorted(dated):
        out.setdefault(ev, (ranks.get(key, 0), written))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", choices=("cost", "semeval"))
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--story", type=int, default=200)
    args = ap.parse_args()
    if not SHARED.is_dir():
        print("../shared is absent: nothing to measure", file=sys.stderr)
        return 1
    if args.only in (None, "cost"):
        cost(args.docs, args.story)
    if args.only in (None, "semeval"):
        semeval()
    return 0


if __name__ == "__main__":
    sys.exit(main())
