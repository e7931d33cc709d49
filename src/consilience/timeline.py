"""The merged timeline: one dated entry per event fact, with every source that reports the event.

This module owns turning judged facts into :class:`~consilience.model.TimelineEntry` records. It reads
event facts (and date facts, when their sentences tell no event already on the timeline) and never
re-judges them: an entry is marked ``conflict`` exactly when its sources give dates that cannot both hold.
Granularity is kept as the sources give it: "2011-05" stays a month, it never becomes "2011-05-01".
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import Document, EventValue, Fact, TimelineEntry, TimeValue

__all__ = ["build_timeline"]


def _date_of(fact: Fact) -> TimeValue | None:
    from .events import consensus_date

    if fact.kind == "event":
        if isinstance(fact.consensus, EventValue) and fact.consensus.when is not None:
            return fact.consensus.when
        return consensus_date(fact.claims)
    if isinstance(fact.consensus, TimeValue):
        return fact.consensus
    claims = sorted(fact.claims, key=lambda c: (c.doc_id, c.span.start))
    dated = [c.value for c in claims if isinstance(c.value, TimeValue)]
    return dated[0] if dated else None


def _written(v: TimeValue) -> str:
    """The entry's date as ``YYYY[-MM[-DD]]`` at its granularity; ranges and seasons fall back to their
    first day's year/month/day at the stated granularity."""
    point = v.point
    if len(point) in (4, 7, 10) and point[:4].isdigit() and all(p.isdigit() for p in point.split("-")):
        return point
    if v.granularity == "year" or v.granularity == "decade":
        return v.low[:4]
    if v.granularity in ("month", "season", "quarter", "half"):
        return v.low[:7]
    return v.low


def _through(v: TimeValue) -> str | None:
    """The last day of a run of days ("September 10-11" -> "2023-09-11"), which is dated by its first."""
    from datetime import date, timedelta

    if v.granularity != "day":
        return None
    last = date.fromisoformat(v.high) - timedelta(days=1)
    return last.isoformat() if last.isoformat() > v.low else None


def build_timeline(facts: Sequence[Fact], docs: Sequence[Document] = ()) -> list[TimelineEntry]:
    """One entry per dated event fact, sorted by (date, label): the date its sources agree on (see
    :func:`consilience.events.consensus_date`) at its own granularity (a run of days is dated by its
    first day and ends at ``end``), the fact's label, every document
    that reports the event (sorted ids, undated reports included) and ``conflict`` when the fact's
    sources give dates that cannot both hold. Date facts whose sentences are not already told by an
    event join as entries of their own. ``docs`` is accepted for the pipeline's signature."""
    entries: list[TimelineEntry] = []
    told: set[tuple[str, int, int]] = set()
    for f in facts:
        if f.kind != "event":
            continue
        when = _date_of(f)
        if when is None:
            continue
        for c in f.claims:
            told.add((c.doc_id, c.sentence.start, c.sentence.end))
        entries.append(TimelineEntry(
            date=_written(when),
            granularity=when.granularity,
            label=f.label,
            end=_through(when),
            doc_ids=tuple(sorted({c.doc_id for c in f.claims})),
            fact_id=f.id,
            conflict=f.verdict == "conflict",
        ))
    for f in facts:
        if f.kind != "date":
            continue
        if any((c.doc_id, c.sentence.start, c.sentence.end) in told for c in f.claims):
            continue
        when = _date_of(f)
        if when is None:
            continue
        entries.append(TimelineEntry(
            date=_written(when),
            granularity=when.granularity,
            label=f.label,
            doc_ids=tuple(sorted({c.doc_id for c in f.claims})),
            fact_id=f.id,
            conflict=f.verdict == "conflict",
        ))
    entries.sort(key=lambda e: (e.date, e.label, e.fact_id or ""))
    return entries
