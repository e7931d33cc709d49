"""The JSON view: the contract other programs, the service and every other view read.

``dossier_to_dict`` turns a :class:`~consilience.model.Dossier` into plain JSON types following
DESIGN.md (schema_version "1"); ``to_json`` serialises it deterministically (fixed key order, lists in
the order the dossier gives, floats rounded) so the same input yields byte-identical output.
"""

from __future__ import annotations

import json

from ..model import Claim, Document, Dossier, Fact, ReuseRelation, Span, TimelineEntry

__all__ = ["dossier_to_dict", "to_json"]


def _r(x: float, nd: int = 4) -> float:
    return round(float(x), nd)


def _document(d: Document) -> dict:
    return {
        "id": d.id,
        "source": d.source,
        "origin": d.origin,
        "url": d.url,
        "title": d.title,
        "author": d.author,
        "published": {"date": d.published.date, "how": d.published.how, "why": d.published.why},
        "text": d.text,
        "removed": [{"text": r.text, "reason": r.reason, "start": r.start} for r in d.removed],
        "skipped": d.skipped,
        "warnings": list(d.warnings),
    }


def _claim(c: Claim, texts: dict[str, str]) -> dict:
    text = texts.get(c.doc_id, "")
    return {
        "id": c.id,
        "doc_id": c.doc_id,
        "kind": c.kind,
        "text": text[c.span.start : c.span.end],
        "sentence": text[c.sentence.start : c.sentence.end],
        "span": c.span.as_list(),
        "sentence_span": c.sentence.as_list(),
        "subject": c.subject,
        "measure": c.measure,
        "value": c.value.to_json(),
        "qualifiers": c.qualifiers.to_json(),
    }


def _fact(f: Fact, texts: dict[str, str]) -> dict:
    return {
        "id": f.id,
        "label": f.label,
        "kind": f.kind,
        "verdict": f.verdict,
        "explanation": f.explanation,
        "consensus": f.consensus.to_json() if f.consensus is not None else None,
        "score": _r(f.score),
        "current": f.current,
        "altered_in": [list(pair) for pair in f.altered_in],
        "claims": [_claim(c, texts) for c in f.claims],
    }


def _span(s: Span) -> list[int]:
    return s.as_list()


def _reuse(r: ReuseRelation) -> dict:
    return {
        "source": r.source,
        "target": r.target,
        "relation": r.relation,
        "directed": r.directed,
        "similarity": _r(r.similarity),
        "coverage": {k: _r(v) for k, v in sorted(r.coverage.items())},
        "pairs": [{"source_span": _span(p.source_span), "target_span": _span(p.target_span),
                   "score": _r(p.score)} for p in r.pairs],
        "altered": list(r.altered),
        "why": r.why,
    }


def _timeline(t: TimelineEntry) -> dict:
    return {"date": t.date, "end": t.end, "granularity": t.granularity, "label": t.label,
            "doc_ids": list(t.doc_ids), "fact_id": t.fact_id, "conflict": t.conflict}


def dossier_to_dict(d: Dossier) -> dict:
    """The dossier as JSON-ready dicts and lists, in the contract's shape and order."""
    texts = {doc.id: doc.text for doc in d.documents}
    usable = [doc for doc in d.documents if not doc.skipped]
    dates = sorted(doc.published.date for doc in usable if doc.published.date)
    return {
        "schema_version": d.schema_version,
        "story": {
            "title": _story_title(usable),
            "date_range": [dates[0], dates[-1]] if dates else None,
            "sources": len(usable),
        },
        "documents": [_document(doc) for doc in d.documents],
        "facts": [_fact(f, texts) for f in d.facts],
        "reuse": [_reuse(r) for r in d.reuse],
        "timeline": [_timeline(t) for t in d.timeline],
        "stats": d.stats,
    }


def _story_title(docs: list[Document]) -> str | None:
    """The title that best names the whole story: the one whose words the most documents share
    (a title of one source's angle, such as a list of milestones, names less of the others); ties go to
    the shorter title, then alphabetical order."""
    import re

    titles = sorted({d.title for d in docs if d.title})
    if not titles:
        return None
    texts = [(d.title or "").lower() + " " + d.text.lower() for d in docs]

    def words(t: str) -> set[str]:
        return {w for w in re.findall(r"[^\W\d_]{4,}", t.lower())}

    def support(title: str) -> float:
        ws = words(title)
        if not ws:
            return 0.0
        return sum(sum(w in text for w in ws) / len(ws) for text in texts)

    return min(titles, key=lambda t: (-round(support(t), 6), len(t), t))


def to_json(d: Dossier, *, indent: int | None = 2) -> str:
    """Serialise deterministically: the same dossier always gives the same bytes."""
    return json.dumps(dossier_to_dict(d), ensure_ascii=False, indent=indent, allow_nan=False) + "\n"
