"""The pipeline: the stages of DESIGN.md composed as a list of plain functions over the data model.

``reconcile(inputs)`` reads, cleans, segments, extracts, resolves, aligns, judges, finds reuse and
assembles a :class:`~consilience.model.Dossier`. Each stage is importable and usable alone; this module
only wires them and never knows whether it runs in one process or on a cluster. Stage modules are
imported inside the functions so that ``import consilience`` stays cheap.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .model import Claim, Document, Dossier, Fact, RawDocument, ReuseRelation

__all__ = ["Options", "State", "STAGES", "reconcile", "reconcile_documents"]


@dataclass(frozen=True, kw_only=True)
class Options:
    """Options of a whole run; each stage reads its own part. Defaults are the documented behaviour."""

    read: object | None = None  # consilience.read.ReadOptions; None means its defaults
    clean: object | None = None  # consilience.clean.CleanOptions
    reuse: object | None = None  # consilience.reuse.ReuseOptions
    timings: bool = False  # record each stage's wall time in stats["timings"] (not deterministic)
    on_stage: Callable[[str], None] | None = None  # called after each stage with its name (progress bars)


@dataclass
class State:
    """What flows between stages: every stage takes the state and returns it with its part filled."""

    inputs: Sequence[str] = ()
    options: Options = field(default_factory=Options)
    raws: list[RawDocument] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    reuse: list[ReuseRelation] = field(default_factory=list)
    dossier: Dossier | None = None
    stdin: object | None = None
    timings: dict[str, float] = field(default_factory=dict)


def stage_read(state: State) -> State:
    from .read import ReadOptions, read_inputs

    opts = state.options.read or ReadOptions()
    state.raws = read_inputs(list(state.inputs), opts, stdin=state.stdin)
    return state


def stage_clean(state: State) -> State:
    from .clean import CleanOptions, clean_documents

    opts = state.options.clean or CleanOptions()
    state.documents = clean_documents(state.raws, opts)
    return state


def stage_segment(state: State) -> State:
    from .segment import segment

    state.documents = [segment(d) if not d.skipped else d for d in state.documents]
    return state


def stage_date(state: State) -> State:
    """Resolve part one: give every document a date (declared, extracted or inferred) before extraction."""
    from .resolve import date_documents

    state.documents = date_documents(state.documents)
    return state


def stage_extract(state: State) -> State:
    from .dates import drop_event_dates, extract_dates
    from .extract import extract_claims
    from .events import extract_events
    from .people import extract_people
    from .quotes import extract_quotes

    claims: list[Claim] = []
    for doc in state.documents:
        if doc.skipped:
            continue
        for extractor in (extract_claims, extract_people, extract_quotes):
            claims.extend(extractor(doc))
        events = extract_events(doc)
        claims.extend(events)
        claims.extend(drop_event_dates(extract_dates(doc), events))
    state.claims = claims
    return state


def stage_resolve(state: State) -> State:
    from .resolve import resolve_claims

    state.claims = resolve_claims(state.documents, state.claims)
    return state


def stage_reuse(state: State) -> State:
    from .reuse import ReuseOptions, find_reuse

    opts = state.options.reuse or ReuseOptions()
    usable = [d for d in state.documents if not d.skipped]
    state.reuse = find_reuse(usable, opts)
    return state


def stage_align(state: State) -> State:
    """Align and judge: quantities and ranks here, people, quotes and events by their own modules."""
    from .align import align_claims
    from .dates import align_dates
    from .events import align_events
    from .people import align_people
    from .quotes import align_quotes
    from .reuse import independent_voices

    voices = independent_voices(state.reuse, [d.id for d in state.documents if not d.skipped])
    by_kind: dict[str, list[Claim]] = {}
    for c in state.claims:
        by_kind.setdefault(c.kind, []).append(c)
    facts: list[Fact] = []
    numeric = by_kind.get("quantity", []) + by_kind.get("rank", [])
    facts.extend(align_claims(numeric, state.documents, voices=voices))
    facts.extend(align_people(by_kind.get("name", []), state.documents))
    facts.extend(align_quotes(by_kind.get("quote", []), state.documents))
    facts.extend(align_events(by_kind.get("event", []), state.documents))
    facts.extend(align_dates(by_kind.get("date", []), state.documents))
    state.facts = facts
    return state


def stage_assemble(state: State) -> State:
    from .assemble import assemble
    from .read import read_stats

    state.dossier = assemble(state.documents, state.facts, state.reuse, timings=state.timings or None,
                             inputs=read_stats(state.raws))
    return state


#: The stages in order. Each is ``State -> State``; swap or wrap them to customise a run.
STAGES: list[tuple[str, Callable[[State], State]]] = [
    ("read", stage_read),
    ("clean", stage_clean),
    ("segment", stage_segment),
    ("date", stage_date),
    ("extract", stage_extract),
    ("resolve", stage_resolve),
    ("reuse", stage_reuse),
    ("align", stage_align),
    ("assemble", stage_assemble),
]


def _run(state: State, stages: Sequence[tuple[str, Callable[[State], State]]]) -> Dossier:
    paused = False
    try:
        for name, stage in stages:
            if not paused and name not in _COLLECTED_STAGES and gc.isenabled():
                gc.disable()
                paused = True
            t0 = time.perf_counter()
            state = stage(state)
            if state.options.timings:
                state.timings[name] = time.perf_counter() - t0
            if state.options.on_stage is not None:
                state.options.on_stage(name)
    finally:
        if paused:
            gc.enable()
    assert state.dossier is not None
    return state.dossier


#: Stages that run with Python's cyclic garbage collector on. The others pause it: a run builds a large
#: graph of small objects that live until it ends (documents, claims, features), and every full
#: collection walks all of it, so on a story of hundreds of reports the collector's passes grow faster
#: than the work (17% of alignment at 200 reports). Those stages' values are immutable and acyclic,
#: freed by reference counting; reading keeps the collector, since HTML parsers may leave cycles. The
#: collector is switched back on when the run ends, however it ends.
_COLLECTED_STAGES = frozenset({"read"})


def reconcile(inputs: Sequence[str], options: Options | None = None, *, stdin=None) -> Dossier:
    """Run the whole pipeline on paths, directories, globs or ``"-"`` (stdin) and return the dossier.

    Never raises for a bad input: unusable inputs appear in the dossier as skipped documents.
    """
    state = State(inputs=tuple(inputs), options=options or Options(), stdin=stdin)
    return _run(state, STAGES)


def reconcile_documents(raws: Sequence[RawDocument], options: Options | None = None) -> Dossier:
    """Run every stage after ``read`` on documents the caller already has in memory."""
    state = State(options=options or Options(), raws=list(raws))
    return _run(state, STAGES[1:])


def with_stage(name: str, stage: Callable[[State], State]) -> list[tuple[str, Callable[[State], State]]]:
    """A copy of :data:`STAGES` with the stage called ``name`` replaced by ``stage``."""
    return [(n, stage if n == name else s) for n, s in STAGES]

