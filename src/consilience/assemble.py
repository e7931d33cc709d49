"""The assemble stage: facts, reuse and timeline put together into one ordered, counted dossier.

Owns the order of every list in the output (so the JSON is deterministic) and the stats block.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from . import __version__
from .model import VERDICTS, Document, Dossier, Fact, ReuseRelation

__all__ = ["assemble", "fact_order"]

_VERDICT_RANK = {v: i for i, v in enumerate(VERDICTS)}


def fact_order(f: Fact) -> tuple:
    """Conflicts first, most serious first; then by verdict severity, label and id."""
    return (_VERDICT_RANK.get(f.verdict, len(VERDICTS)), -round(f.score, 6), f.label, f.id)


def assemble(
    documents: Sequence[Document],
    facts: Sequence[Fact],
    reuse: Sequence[ReuseRelation],
    *,
    timings: dict[str, float] | None = None,
    inputs: dict | None = None,
) -> Dossier:
    """Build the dossier: documents by id, facts by :func:`fact_order`, reuse by (source, target).

    ``inputs``: what reading found (:func:`consilience.read.read_stats`): input formats and reader
    warnings by kind, kept in ``stats["inputs"]``.
    """
    from .reuse import altered_facts, mark_altered
    from .timeline import build_timeline

    docs = sorted(documents, key=lambda d: d.id)
    ordered = sorted(facts, key=fact_order)
    relations = sorted(mark_altered(list(reuse), ordered), key=lambda r: (r.source, r.target))
    # A fact changed in a copy is marked on the fact too, naming the copy relation.
    altered = altered_facts(relations)
    ordered = [replace(f, altered_in=tuple(sorted(altered[f.id]))) if f.id in altered else f for f in ordered]
    timeline = build_timeline(ordered, docs)
    stats = _stats(docs, ordered, relations)
    if inputs is not None:
        stats["inputs"] = {"formats": inputs.get("formats", {}), "warnings": inputs.get("warnings", {})}
    if timings:
        stats["timings"] = {k: round(v, 4) for k, v in timings.items()}
    return Dossier(documents=tuple(docs), facts=tuple(ordered), reuse=tuple(relations),
                   timeline=tuple(timeline), stats=stats)


def _stats(docs: Sequence[Document], facts: Sequence[Fact], reuse: Sequence[ReuseRelation]) -> dict:
    from .clean import clean_stats

    cleaned = clean_stats(docs)
    verdicts = Counter(f.verdict for f in facts)
    kinds = Counter(c.kind for f in facts for c in f.claims)
    relations = Counter(r.relation for r in reuse)
    return {
        "documents": cleaned["used"],
        "skipped": cleaned["skipped"],
        "skipped_reasons": cleaned["skipped_reasons"],
        "removed": cleaned["removed_reasons"],
        "published": cleaned["published_how"],
        "claims": dict(sorted(kinds.items())),
        "facts": len(facts),
        "verdicts": {v: verdicts.get(v, 0) for v in VERDICTS},
        "reuse": dict(sorted(relations.items())),
        "versions": _versions(),
    }


def _versions() -> dict:
    out = {"consilience": __version__}
    try:
        from .read import reader_versions
    except ImportError:  # pragma: no cover - read is part of the package
        return out
    out.update(reader_versions())
    return dict(sorted(out.items()))
