"""Reuse relations between documents: who copied or rewrote whom, how much, and in which direction.

Owns the labelling of a pair of documents (``duplicate``, ``paraphrase``, ``shares-passages``,
``independent``), the coverage of each side, the direction and its evidence, and the grouping of
documents into independent voices. Sentence alignment comes from :mod:`.sentences`, shingles from
:mod:`.minhash`; facts altered in a copy are added later by :func:`.altered.mark_altered`.

The labels, from strongest to weakest:
- ``duplicate``: the shorter text's word shingles are nearly all in the longer one (a verbatim or
  lightly edited copy, possibly cut or with its paragraphs moved) and it is at least half as long;
- ``paraphrase``: most of both documents' text sits in aligned sentences (a rewrite);
- ``shares-passages``: a passage, i.e. a stretch of consecutive sentences aligned in order on both
  sides, that spans three sentences, or two copied nearly verbatim, or two sharing two figures
  (not years); or two such stretches; or a copied block of shingles. Stretches that are mostly
  quotation do not count: two reports quoting one statement have not copied each other;
- ``independent``: anything less. Two reports of the same event state the same facts, so a few
  similar sentences scattered over two articles are expected and are not reuse.

Direction, strongest evidence first: publication dates (both known and different at the coarser
of the two granularities); then, for duplicates and paraphrases only, containment (a text at least
90% covered by one with a quarter more text beyond it is a cut copy) and lost details (the side that
drops at least two, and twice as many, of the numbers and names the other's aligned sentences state
and that it never states anywhere is the copy). Otherwise ``directed`` is false and ``source`` is
the smaller id; :func:`.altered.mark_altered` may orient the relation later from the facts.

Cost: per-document work (shingles, sentence features, the run's sorted term entries) is done once;
each document is then aligned with all its partners in one pass and its shared shingles with every
other document are counted in one lookup, so what remains per pair is choosing its aligned
sentences and labelling them. Pairs that would be dropped as independent are not built.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from ..model import AlignedPair, Document, ReuseRelation
from .minhash import shared_shingle_pairs, shingle_sets
from .options import ReuseOptions
from .sentences import _TOKEN, Match, SentenceTable, ascii_text, sentence_spans

__all__ = ["find_reuse", "independent_voices", "RELATIONS"]

#: Relation labels, strongest first.
RELATIONS: tuple[str, ...] = ("duplicate", "paraphrase", "shares-passages", "independent")
#: The ``why`` of a relation whose direction is unknown (mark_altered may replace it with evidence).
NO_DIRECTION = "no evidence of direction"
#: Relations whose two documents count as one voice.
_SAME_VOICE = frozenset({"duplicate", "paraphrase"})
_YEAR = re.compile(r"#(?:1[89]|20)\d\d")
# Containment: a document this much covered by another that has a quarter of its text beyond it
# (covered at most this much) is taken as a cut copy of it: syndication shortens articles far more
# often than it extends them.
_CONTAINED = 0.9
_CONTAINED_OTHER = 0.75
# Lost details: the copy is the side that dropped at least this many numbers and names of aligned
# sentences, and at least twice as many as the other side dropped.
_MIN_LOST = 2


@dataclass(frozen=True, slots=True)
class _Doc:
    """What pair labelling needs of one document, computed once per run."""

    doc: Document
    shingles: np.ndarray  # unique 32-bit shingle hashes
    lengths: tuple[int, ...]  # characters of each sentence
    total: int  # characters in sentences
    universe: frozenset[str]  # every folded word and number of the text (for lost details)


def _prepare(docs: Sequence[Document], options: ReuseOptions) -> list[_Doc]:
    out = []
    for doc, sh in zip(docs, shingle_sets([d.text for d in docs], size=options.shingle_size)):
        lengths = tuple(s.end - s.start for s in sentence_spans(doc))
        out.append(_Doc(doc, sh, lengths, sum(lengths), _universe(doc)))
    return out


def _runs(matches: Sequence[Match]) -> list[list[Match]]:
    """Maximal stretches of matches consecutive on both sides (a merge or split keeps a stretch going)."""
    runs: list[list[Match]] = []
    # A pair aligned only by its position cannot extend a passage: that would be circular.
    # Matches are tuples that start with (i, j), unique per pair: a plain sort orders them by (i, j).
    for m in sorted(m for m in matches if not m.filled):
        if runs:
            last = runs[-1][-1]
            di, dj = m.i - last.i, m.j - last.j
            if (di, dj) in ((1, 1), (0, 1), (1, 0)):
                runs[-1].append(m)
                continue
        runs.append([m])
    return runs


def _run_size(run: Sequence[Match]) -> int:
    """Sentences a run spans on its thinner side: one sentence split in two is still one sentence."""
    return min(len({m.i for m in run}), len({m.j for m in run}))


def _quoted(pa: _Doc, pb: _Doc, run: Sequence[Match]) -> bool:
    """Whether most of a run is quotation: two reports quoting one statement have not copied each other."""
    marks = ('"', "\u201c", "\u201d")
    quoted = 0
    for m in run:
        ta = pa.doc.text[m.span_a.start : m.span_a.end]
        tb = pb.doc.text[m.span_b.start : m.span_b.end]
        quoted += any(q in ta or q in tb for q in marks)
    return 2 * quoted >= len(run)


def _shares_number(table: SentenceTable, a: str, b: str, m: Match) -> bool:
    """Whether the two sentences state a common number other than a year (years are shared by any
    two reports of the same period; a figure such as 47.35 is not)."""
    common = table.sentences[a][m.i].numbers & table.sentences[b][m.j].numbers
    return any(not _YEAR.fullmatch(x) for x in common)


def _order_kept(matches: Sequence[Match]) -> float:
    """Share of matches in the longest run increasing on both sides (1.0: order fully kept)."""
    if not matches:
        return 0.0
    tails: list[int] = []
    for m in sorted(matches):  # by (i, j), as in _runs
        k = bisect.bisect_right(tails, m.j)
        if k == len(tails):
            tails.append(m.j)
        else:
            tails[k] = m.j
    return len(tails) / len(matches)


def _coverage(d: _Doc, indices: Iterable[int]) -> float:
    if d.total == 0:
        return 0.0
    # Exact integer sums, so the same coverage whatever the order (a plain sum beats NumPy here).
    return sum(map(d.lengths.__getitem__, set(indices))) / d.total


def _lost(pa: _Doc, pb: _Doc, matches: Sequence[Match], table: SentenceTable) -> tuple[int, int]:
    """Numbers and names of ``a``'s aligned sentences that ``b`` never states anywhere, and the reverse.

    Looking in the whole other text, not just the partner sentence, means a detail moved to another
    sentence, or a name a rewrite spelled out where the original said "the two states", is not lost.
    """
    da = table.details_of(pa.doc.id, {m.i for m in matches})
    db = table.details_of(pb.doc.id, {m.j for m in matches})
    return len(da - pb.universe), len(db - pa.universe)


def _universe(doc: Document) -> frozenset[str]:
    """Every folded word of a document and every number it states (``#``-marked)."""
    # One tokenisation gives both: its letter tokens are exactly the text's runs of letters, and its
    # digit tokens the numbers sentence_details would find.
    tokens = set(_TOKEN.findall(ascii_text(doc.text).lower()))  # each distinct token marked once
    return frozenset(t if not t[0].isdigit() else "#" + t.replace(",", "") for t in tokens)


def _date_order(a: Document, b: Document) -> int:
    """-1 if ``a`` was published first, 1 if ``b``, 0 when unknown or the same at the coarser granularity."""
    da, db = a.published.date, b.published.date
    if not da or not db:
        return 0
    n = min(len(da), len(db))
    if da[:n] == db[:n]:
        return 0
    return -1 if da[:n] < db[:n] else 1


class _SharedShingles:
    """How many shingles one document shares with every other, one lookup per document (not per pair)."""

    def __init__(self, prepared: Sequence[_Doc]) -> None:
        sets = [p.shingles for p in prepared]
        hashes = np.concatenate(sets) if sets else np.zeros(0, dtype=np.uint32)
        owners = np.repeat(np.arange(len(sets), dtype=np.int64), [x.size for x in sets])
        order = np.argsort(hashes, kind="stable")
        self.hashes, self.owners, self.n = hashes[order], owners[order], len(sets)

    def counts(self, shingles: np.ndarray) -> np.ndarray:
        """For each document, how many of ``shingles`` (unique values) it holds."""
        lo = np.searchsorted(self.hashes, shingles, side="left")
        width = np.searchsorted(self.hashes, shingles, side="right") - lo
        total = int(width.sum())
        if not total:
            return np.zeros(self.n, dtype=np.int64)
        # Every (shingle, holder) entry, as in a join: each document holds a shingle at most once.
        at = np.repeat(lo - np.cumsum(width) + width, width) + np.arange(total)
        return np.bincount(self.owners[at], minlength=self.n)


def _label(pa: _Doc, pb: _Doc, matches: list[Match], table: SentenceTable,
           options: ReuseOptions, inter: int) -> tuple[str, float, float, str]:
    """Relation, coverage of a, coverage of b, and the evidence in a few words (``inter``: shared shingles)."""
    na, nb = pa.shingles.size, pb.shingles.size
    cov_a = _coverage(pa, (m.i for m in matches))
    cov_b = _coverage(pb, (m.j for m in matches))
    small, large = (na, nb) if na <= nb else (nb, na)
    contain = inter / small if small else 0.0
    if small and contain >= options.duplicate_containment and small / large >= options.duplicate_length_ratio:
        # Coverage of a duplicate is shingle coverage: its sentences may be cut or merged differently.
        cov_a, cov_b = max(cov_a, inter / na), max(cov_b, inter / nb)
        return "duplicate", cov_a, cov_b, (
            f"{contain:.0%} of the shorter text's {options.shingle_size}-word shingles are in the other"
        )
    (cov_small, cov_large) = (cov_a, cov_b) if pa.total <= pb.total else (cov_b, cov_a)
    if cov_small >= options.paraphrase_coverage and cov_large >= options.paraphrase_other_coverage:
        kept = _order_kept(matches)
        order = "order kept" if kept >= 0.8 else "order largely kept" if kept >= 0.5 else "order rearranged"
        return "paraphrase", cov_a, cov_b, f"{len(matches)} aligned sentences, {order}"
    runs = [
        r for r in _runs(matches)
        if _run_size(r) >= 2 and sum(m.score for m in r) / len(r) >= options.passage_run_mean
        and not _quoted(pa, pb, r)
    ]
    strong = [
        r for r in runs
        if _run_size(r) >= 3
        or min(m.score for m in r) >= options.passage_verbatim_score
        or sum(1 for m in r if _shares_number(table, pa.doc.id, pb.doc.id, m)) >= 2
    ]
    if strong or len(runs) >= 2:
        longest = max(_run_size(r) for r in runs)
        return "shares-passages", cov_a, cov_b, (
            f"{len(runs)} shared passage{'s' if len(runs) > 1 else ''} (longest {longest} sentences)"
        )
    if small and contain >= options.duplicate_containment and inter >= 3 * options.shingle_size:
        return "shares-passages", cov_a, cov_b, f"a copied block of {inter} shingles"
    return "independent", cov_a, cov_b, (
        f"{len(matches)} similar sentence{'s' if len(matches) != 1 else ''}, no shared passage"
        if matches else "no similar sentences"
    )


def _direction(pa: _Doc, pb: _Doc, relation: str, cov_a: float, cov_b: float,
               matches: list[Match], table: SentenceTable) -> tuple[int, str]:
    """+1 if a is the source, -1 if b is, 0 when unsure; with the evidence in a few words."""
    a, b = pa.doc, pb.doc
    if relation == "independent":
        return 0, NO_DIRECTION  # nothing was copied, so nothing has a direction
    order = _date_order(a, b)
    if order:
        first, second = (a, b) if order < 0 else (b, a)
        return -order, f"{first.id} published {first.published.date}, {second.id} {second.published.date}"
    if relation not in _SAME_VOICE:
        # A passage shared by two otherwise different articles may have gone either way (a brief
        # cut from an article, or a wire brief pasted into one), and is often rewritten into a new
        # context with names and figures of its own: only dates, or later the facts, can tell.
        return 0, NO_DIRECTION
    if cov_b >= _CONTAINED and cov_a <= _CONTAINED_OTHER and pa.total > pb.total:
        return 1, f"{b.id} is contained in the longer {a.id} (a cut copy)"
    if cov_a >= _CONTAINED and cov_b <= _CONTAINED_OTHER and pb.total > pa.total:
        return -1, f"{a.id} is contained in the longer {b.id} (a cut copy)"
    lost_ab, lost_ba = _lost(pa, pb, matches, table)
    if lost_ab >= _MIN_LOST and lost_ab >= 2 * lost_ba:
        return 1, f"{b.id} drops {lost_ab} numbers or names of the aligned sentences ({a.id} drops {lost_ba})"
    if lost_ba >= _MIN_LOST and lost_ba >= 2 * lost_ab:
        return -1, f"{a.id} drops {lost_ba} numbers or names of the aligned sentences ({b.id} drops {lost_ab})"
    return 0, NO_DIRECTION


def _similarity(matches: Sequence[Match], cov_a: float, cov_b: float) -> float:
    """Mean coverage of the two sides times the mean score of the aligned pairs, in [0, 1]."""
    if not matches:
        return 0.0
    mean = sum(m.score for m in matches) / len(matches)
    return round(mean * (cov_a + cov_b) / 2.0, 4)


def _relation(pa: _Doc, pb: _Doc, table: SentenceTable, options: ReuseOptions, matches: list[Match],
              inter: int, *, keep_independent: bool = True) -> ReuseRelation | None:
    """The relation of a pair (``None`` for an independent pair when ``keep_independent`` is false)."""
    relation, cov_a, cov_b, evidence = _label(pa, pb, matches, table, options, inter)
    if relation == "independent" and not keep_independent:
        return None  # dropped by the caller anyway: skip building its aligned pairs
    sign, why_dir = _direction(pa, pb, relation, cov_a, cov_b, matches, table)
    coverage = {pa.doc.id: round(cov_a, 4), pb.doc.id: round(cov_b, 4)}
    similarity = _similarity(matches, cov_a, cov_b)
    if sign < 0:
        src, tgt = pb.doc.id, pa.doc.id
        pairs = tuple(
            sorted(
                (AlignedPair(m.span_b, m.span_a, m.score) for m in matches),
                key=lambda p: (p.source_span.start, p.target_span.start),
            )
        )
    else:
        src, tgt = pa.doc.id, pb.doc.id
        pairs = tuple(AlignedPair(m.span_a, m.span_b, m.score) for m in matches)
    why = evidence if relation == "independent" else f"{evidence}; {why_dir}"
    return ReuseRelation(
        source=src, target=tgt, relation=relation, directed=sign != 0, similarity=similarity,
        coverage=coverage, pairs=pairs, why=why,
    )


def _candidate_pairs(prepared: list[_Doc], options: ReuseOptions) -> list[tuple[int, int]]:
    """Pairs of documents worth aligning: all of them for a small run, else those sharing shingles.

    Above ``list_independent_up_to`` documents, a pair is aligned only if the two share at least two
    word shingles (reuse of any kind leaves some), found with a sort over all shingles rather than by
    comparing every pair; shingles in more than half the documents (boilerplate phrases) are ignored.
    """
    n = len(prepared)
    if n <= options.list_independent_up_to:
        return [(i, j) for i in range(n) for j in range(i + 1, n)]
    pairs = shared_shingle_pairs([p.shingles for p in prepared], min_shared=2, max_docs=max(2, n // 2))
    return [(int(i), int(j)) for i, j in pairs]


def find_reuse(docs: Sequence[Document], options: ReuseOptions = ReuseOptions()) -> list[ReuseRelation]:
    """One relation per pair of usable documents, sorted by ``(source, target)``.

    Skipped documents are left out. With at most ``options.list_independent_up_to`` documents every
    pair is listed, independent ones included, so a report can show the whole matrix; above that
    only pairs that are not independent. An independent or undirected pair has the smaller id as
    ``source``; a directed pair has the original as ``source`` and the copy as ``target``.
    """
    usable = sorted((d for d in docs if not d.skipped), key=lambda d: d.id)
    prepared = _prepare(usable, options)
    table = SentenceTable(usable)
    listing_all = len(usable) <= options.list_independent_up_to
    out = []
    by_first: dict[int, list[int]] = {}
    for i, j in _candidate_pairs(prepared, options):
        by_first.setdefault(i, []).append(j)
    shared = _SharedShingles(prepared)
    for i in sorted(by_first):
        partners = by_first[i]
        # One pass scores document i against all its partners (the same matches as pair by pair).
        found = table.matches_many(usable[i].id, [usable[j].id for j in partners],
                                   threshold=options.align_threshold)
        inter = shared.counts(prepared[i].shingles)[partners].tolist()
        for j, matches, common in zip(partners, found, inter):
            rel = _relation(prepared[i], prepared[j], table, options, matches, common,
                            keep_independent=listing_all)
            if rel is not None:
                out.append(rel)
    out.sort(key=lambda r: (r.source, r.target))
    return out


def independent_voices(relations: Iterable[ReuseRelation], doc_ids: Iterable[str]) -> dict[str, str]:
    """Map every id in ``doc_ids`` to its voice: documents joined by duplicate or paraphrase share one.

    The voice id is the original's: the member of the group that is never the target of a directed
    relation inside it (the smallest such id), or the group's smallest id when every member is a copy
    of another. Shared passages do not merge voices: two reports that reuse one paragraph still
    report the rest independently.
    """
    ids = sorted(set(doc_ids))
    parent = {d: d for d in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    copies: set[str] = set()
    for rel in relations:
        if rel.relation not in _SAME_VOICE or rel.source not in parent or rel.target not in parent:
            continue
        ra, rb = find(rel.source), find(rel.target)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
        if rel.directed:
            copies.add(rel.target)
    groups: dict[str, list[str]] = {}
    for d in ids:
        groups.setdefault(find(d), []).append(d)
    voice: dict[str, str] = {}
    for members in groups.values():
        originals = [m for m in members if m not in copies]
        head = min(originals) if originals else min(members)
        for m in members:
            voice[m] = head
    return voice
