"""Facts altered in a copy: a value that changed between two sentences a reuse relation aligned.

Owns the comparison of two claims' values for "was this changed?" and the filling of
``ReuseRelation.altered``. Facts come from the align stage; this module only reads them.

Two claims of one fact differ when their typed values differ: numbers and ranks by ``point``, ``low``
or ``high``; dates by ``point``; names and quotes by their folded ``key``; events by action, and by
date when both give one.
A comparison base ("up 11% from 2021" / "from 2020") that both state and that differs is a change
too. A detail one side leaves out is not: dropping "In March" loses a fact, it does not alter it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..model import Claim, Fact, ReuseRelation, Span

__all__ = ["mark_altered", "altered_facts", "value_changed"]


def _key(claim: Claim) -> tuple:
    v = claim.value
    kind = getattr(v, "type", "")
    if kind in ("quantity", "rank"):
        return (kind, v.point, v.low, v.high)
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


def _inside(claim: Claim, span: Span) -> bool:
    # The value's own span decides: sentence spans of the align stage and of reuse may be cut a
    # little differently, but the value sits inside both.
    return claim.span.doc_id == span.doc_id and span.start <= claim.span.start and claim.span.end <= span.end


def mark_altered(relations: Iterable[ReuseRelation], facts: Sequence[Fact]) -> list[ReuseRelation]:
    """The relations, in the same order, with ``altered`` holding the ids of facts changed in the copy.

    A fact is altered on a relation when one of its claims lies in an aligned source sentence and
    another in the aligned target sentence, and their values differ (:func:`value_changed`).
    ``altered`` is sorted by fact id and merged with what the relation held already.
    """
    by_doc: dict[str, list[tuple[Claim, str]]] = {}
    for fact in facts:
        for claim in fact.claims:
            by_doc.setdefault(claim.span.doc_id, []).append((claim, fact.id))
    out = []
    for rel in relations:
        found = set(rel.altered)
        src_claims = by_doc.get(rel.source, [])
        tgt_claims = by_doc.get(rel.target, [])
        if src_claims and tgt_claims:
            for pair in rel.pairs:
                here = [(c, f) for c, f in src_claims if _inside(c, pair.source_span)]
                if not here:
                    continue
                there = [(c, f) for c, f in tgt_claims if _inside(c, pair.target_span)]
                for ca, fa in here:
                    for cb, fb in there:
                        if fa == fb and value_changed(ca, cb):
                            found.add(fa)
        out.append(replace(rel, altered=tuple(sorted(found))) if found != set(rel.altered) else rel)
    return out


def altered_facts(relations: Iterable[ReuseRelation]) -> dict[str, list[tuple[str, str]]]:
    """Fact id -> the ``(source, target)`` relations that altered it, sorted: the mark on the fact."""
    out: dict[str, list[tuple[str, str]]] = {}
    for rel in relations:
        for fid in rel.altered:
            out.setdefault(fid, []).append((rel.source, rel.target))
    return {fid: sorted(pairs) for fid, pairs in sorted(out.items())}
