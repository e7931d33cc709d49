"""Facts altered in a copy: a value that changed between two sentences a reuse relation aligned.

Owns the comparison of two claims' values for "was this changed?" and the filling of
``ReuseRelation.altered``. Facts come from the align stage; this module only reads them.

Two claims of one fact differ when their typed values differ: numbers and ranks by unit, ``point``,
``low`` or ``high``; dates by ``point``; names and quotes by their folded ``key``; events by action, and by
date when both give one.
A comparison base ("up 11% from 2021" / "from 2020") that both state and that differs is a change
too. A detail one side leaves out is not: dropping "In March" loses a fact, it does not alter it.

Changes can also orient a relation the text left undirected: the copy is the side that departs from
what every other independent voice says (a copy adds errors more often than it corrects them).
"""

from __future__ import annotations

import bisect

from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..model import AlignedPair, Claim, Fact, ReuseRelation, Span
from .relations import NO_DIRECTION, independent_voices

__all__ = ["mark_altered", "altered_facts", "value_changed", "compatible"]


def _key(claim: Claim) -> tuple:
    v = claim.value
    kind = getattr(v, "type", "")
    if kind in ("quantity", "rank"):
        return (kind, v.unit, v.point, v.low, v.high)
    if kind == "date":
        return (kind, v.point)
    if kind in ("name", "quote"):
        return (kind, v.key)
    if kind == "event":
        return (kind, v.action)
    return (kind, repr(v))


def _both_differ(a, b) -> bool:
    """Two optional dates differ only when both are stated: leaving one out is not a change."""
    return a is not None and b is not None and a.point != b.point


def value_changed(a: Claim, b: Claim) -> bool:
    """Whether two claims of one fact state different values (or different comparison bases)."""
    if _key(a) != _key(b):
        return True
    if getattr(a.value, "type", "") == "event" and _both_differ(a.value.when, b.value.when):
        return True
    return _both_differ(a.qualifiers.base, b.qualifiers.base)


def _overlap(a, b) -> bool:
    """Whether two interval values (numbers, ranks, dates) can both be true."""
    if getattr(a, "type", "") == "date":
        return a.low < b.high and b.low < a.high  # half-open day intervals, ISO strings
    return a.low <= b.high and b.low <= a.high


def compatible(a: Claim, b: Claim) -> bool:
    """Whether two claims of one fact can both be true: intervals overlap, names and quotes match,
    comparison bases (when both give one) agree. A hedge ("more than 730" / "733") is compatible."""
    va, vb = a.value, b.value
    kind = getattr(va, "type", "")
    if kind != getattr(vb, "type", ""):
        return False
    if kind in ("quantity", "rank", "date"):
        ok = _overlap(va, vb)
    elif kind in ("name", "quote"):
        ok = va.key == vb.key
    else:
        ok = not value_changed(a, b)
    return ok and not _both_differ(a.qualifiers.base, b.qualifiers.base)


def _inside(claim: Claim, span: Span) -> bool:
    # The value's own span decides: sentence spans of the align stage and of reuse may be cut a
    # little differently, but the value sits inside both.
    return claim.span.doc_id == span.doc_id and span.start <= claim.span.start and claim.span.end <= span.end


def _within(held: list[tuple[Claim, str]], starts: list[int], span: Span) -> list[tuple[Claim, str]]:
    """The (claim, fact id) pairs of one document, sorted by start, whose value lies inside ``span``."""
    i = bisect.bisect_left(starts, span.start)
    j = bisect.bisect_right(starts, span.end)
    return [(c, f) for c, f in held[i:j] if _inside(c, span)]


def mark_altered(relations: Iterable[ReuseRelation], facts: Sequence[Fact]) -> list[ReuseRelation]:
    """The relations, in the same order, with ``altered`` holding the ids of facts changed in the copy.

    A fact is altered on a relation (not an ``independent`` one) when one of its claims lies in an
    aligned source sentence and another in the aligned target sentence, and their values differ
    (:func:`value_changed`).
    ``altered`` is sorted by fact id and merged with what the relation held already.

    The changes also give a direction the text alone could not: when an undirected relation has a
    change that makes the two sides incompatible, and every other voice stating the fact agrees with
    one side and at least one contradicts the other, that other side is taken as the copy that
    introduced the error. It is oriented from the original only when all such evidence points one way.
    """
    relations = list(relations)
    by_doc: dict[str, list[tuple[Claim, str]]] = {}
    fact_by_id: dict[str, Fact] = {}
    for fact in facts:
        fact_by_id[fact.id] = fact
        for claim in fact.claims:
            by_doc.setdefault(claim.span.doc_id, []).append((claim, fact.id))
    starts: dict[str, list[int]] = {}
    for doc_id, held in by_doc.items():
        held.sort(key=lambda cf: (cf[0].span.start, cf[0].span.end, cf[1]))
        starts[doc_id] = [c.span.start for c, _ in held]
    ids = {r.source for r in relations} | {r.target for r in relations} | set(by_doc)
    voices = independent_voices(relations, ids)
    out = []
    for rel in relations:
        found = set(rel.altered)
        changes: list[tuple[str, Claim, Claim]] = []
        src_claims = by_doc.get(rel.source, [])
        tgt_claims = by_doc.get(rel.target, [])
        # Independent reports differ, but neither altered the other: their similar sentences are
        # listed for the reader, their differences belong to the verdicts, not to a copy.
        if src_claims and tgt_claims and rel.relation != "independent":
            for pair in rel.pairs:
                here = _within(src_claims, starts[rel.source], pair.source_span)
                if not here:
                    continue
                there = _within(tgt_claims, starts[rel.target], pair.target_span)
                for ca, fa in here:
                    for cb, fb in there:
                        if fa == fb and value_changed(ca, cb):
                            found.add(fa)
                            changes.append((fa, ca, cb))
        new = replace(rel, altered=tuple(sorted(found))) if found != set(rel.altered) else rel
        out.append(_orient(new, changes, fact_by_id, voices))
    return out


def _orient(rel: ReuseRelation, changes, fact_by_id: dict[str, Fact], voices: dict[str, str]) -> ReuseRelation:
    """Direct an undirected relation from the side other voices agree with (see :func:`mark_altered`)."""
    if rel.directed or rel.relation == "independent" or not changes:
        return rel
    mine = {voices.get(rel.source, rel.source), voices.get(rel.target, rel.target)}
    source_right = target_right = 0
    for fid, ca, cb in changes:
        if compatible(ca, cb):
            continue  # a hedge or rounding, not an error
        others = [c for c in fact_by_id[fid].claims if voices.get(c.doc_id, c.doc_id) not in mine]
        if not others:
            continue
        with_a = [compatible(c, ca) for c in others]
        with_b = [compatible(c, cb) for c in others]
        if all(with_a) and not all(with_b):
            source_right += 1
        elif all(with_b) and not all(with_a):
            target_right += 1
    if source_right and not target_right:
        keep, copy, n = rel.source, rel.target, source_right
    elif target_right and not source_right:
        keep, copy, n = rel.target, rel.source, target_right
    else:
        return rel
    evidence = f"{copy} changed {n} value{'s' if n > 1 else ''} that other sources state as {keep} does"
    why = (rel.why or "").replace(NO_DIRECTION, evidence) if NO_DIRECTION in (rel.why or "") else (
        f"{rel.why}; {evidence}" if rel.why else evidence)
    if keep == rel.source:
        return replace(rel, directed=True, why=why)
    pairs = tuple(sorted((AlignedPair(p.target_span, p.source_span, p.score) for p in rel.pairs),
                         key=lambda p: (p.source_span.start, p.target_span.start)))
    return replace(rel, source=keep, target=copy, directed=True, pairs=pairs, why=why)


def altered_facts(relations: Iterable[ReuseRelation]) -> dict[str, list[tuple[str, str]]]:
    """Fact id -> the ``(source, target)`` relations that altered it, sorted: the mark on the fact."""
    out: dict[str, list[tuple[str, str]]] = {}
    for rel in relations:
        for fid in rel.altered:
            out.setdefault(fid, []).append((rel.source, rel.target))
    return {fid: sorted(pairs) for fid, pairs in sorted(out.items())}
