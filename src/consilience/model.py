"""The data model: spans, documents, typed values, claims, facts and the dossier.

This module owns the one definition of every record that crosses a stage boundary. The library, the
JSON writer and the service all use these classes; nothing else defines its own copy.

Conventions:
- Every offset is a character offset into a document's *clean* text (``Document.text``), end exclusive.
- Numbers are intervals: ``low``/``high`` bound the value (``-inf``/``inf`` when a side is unbounded,
  written as ``null`` in JSON) and ``point`` is the figure as written, in base units.
- Dates are intervals of days: ``low`` is the first day, ``high`` the day after the last (ISO strings),
  ``point`` the date as written at its granularity ("2013", "2013-07", "2013-07-25").
- Records are frozen; stages return new records with :func:`dataclasses.replace`.
"""

from __future__ import annotations

import math
from dataclasses import MISSING, dataclass, field, fields
from typing import Literal, Union

__all__ = [
    "Span",
    "Removed",
    "Published",
    "RawDocument",
    "Document",
    "Quantity",
    "Rank",
    "TimeValue",
    "NameValue",
    "QuoteValue",
    "EventValue",
    "Value",
    "Qualifiers",
    "Claim",
    "Fact",
    "AlignedPair",
    "ReuseRelation",
    "TimelineEntry",
    "Dossier",
    "VERDICTS",
    "CLAIM_KINDS",
    "HEDGES",
]


def quick_init(cls: type) -> type:
    """Give a frozen, slotted dataclass a faster ``__init__``: each slot is set through its own descriptor
    instead of ``object.__setattr__`` looked up by name, a third less time for the small records made by
    the thousand per article. Fields, defaults, equality, hashing and immutability are the dataclass's own.
    """
    fs = fields(cls)
    if any(f.default_factory is not MISSING or not f.init or f.kw_only for f in fs) or hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: quick_init takes plain fields only")
    ns: dict = {}
    params = []
    for f in fs:
        ns[f"_set_{f.name}"] = getattr(cls, f.name).__set__
        if f.default is MISSING:
            params.append(f.name)
        else:
            ns[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
    body = "".join(f"    _set_{f.name}(self, {f.name})\n" for f in fs)
    exec(f"def __init__(self, {', '.join(params)}):\n{body}", ns)  # noqa: S102 - built from field names only
    init = ns["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init
    return cls


ClaimKind = Literal["quantity", "rank", "date", "name", "quote", "event"]
CLAIM_KINDS: tuple[str, ...] = ("quantity", "rank", "date", "name", "quote", "event")

Verdict = Literal["agree", "compatible", "updated", "divergent", "conflict", "single-source"]
#: Ordered from most to least alarming; used to sort facts in every view.
VERDICTS: tuple[str, ...] = ("conflict", "divergent", "updated", "compatible", "agree", "single-source")

Hedge = Literal["exact", "over", "at-least", "under", "at-most", "about", "nearly"]
HEDGES: tuple[str, ...] = ("exact", "over", "at-least", "under", "at-most", "about", "nearly")

Granularity = Literal["decade", "year", "half", "quarter", "season", "month", "week", "day"]
DateHow = Literal["declared", "extracted", "inferred", "unknown"]


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A character range ``[start, end)`` in the clean text of document ``doc_id``."""

    doc_id: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span {self.doc_id}[{self.start}:{self.end}]: need 0 <= start <= end")

    def within(self, text: str) -> str:
        """The characters this span covers in ``text`` (the document's clean text)."""
        if self.end > len(text):
            raise ValueError(f"span {self.doc_id}[{self.start}:{self.end}] is past the end of a text of {len(text)}")
        return text[self.start : self.end]

    def as_list(self) -> list[int]:
        return [self.start, self.end]


@dataclass(frozen=True, slots=True)
class Removed:
    """A line taken out of the raw text as boilerplate, with the reason (a closed vocabulary).

    ``start`` is the offset of the line in the raw text, so the removal can be shown in place.
    """

    text: str
    reason: str
    start: int = 0


@dataclass(frozen=True, slots=True)
class Published:
    """When a document was published, and how we know: declared by metadata, extracted or inferred."""

    date: str | None = None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    how: DateHow = "unknown"
    why: str | None = None  # for extracted/inferred dates: the evidence, in a few words


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input as read: decoded text (or HTML already reduced to text) before cleaning.

    ``skipped`` holds the reason when the input could not be used; ``text`` is then empty.
    """

    id: str
    source: str
    text: str
    origin: str = ""  # what the user gave: a path, "name.jsonl:LINE", "-"
    url: str | None = None
    title: str | None = None
    published: Published = field(default_factory=Published)
    format: str = "text"  # text|markdown|html|jsonl|json|warc|stdin
    skipped: str | None = None
    warnings: tuple[str, ...] = ()
    author: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned document. ``text`` is the clean text; every span of every claim points into it.

    ``offsets`` maps clean offsets back to ``raw`` (see :mod:`consilience.offsets`); ``sentences`` is
    filled by the segment stage.
    """

    id: str
    source: str
    text: str
    raw: str = ""
    origin: str = ""
    url: str | None = None
    title: str | None = None
    published: Published = field(default_factory=Published)
    removed: tuple[Removed, ...] = ()
    skipped: str | None = None
    offsets: object | None = None  # consilience.offsets.OffsetMap; typed loosely to keep this module leaf
    sentences: tuple[Span, ...] = ()
    format: str = "text"
    author: str | None = None
    warnings: tuple[str, ...] = ()  # what the reader noticed but could work around (encoding, ...)

    def span_text(self, span: Span) -> str:
        return span.within(self.text)


def _num(x: float) -> float | None:
    """JSON has no infinity: unbounded sides are written as null."""
    if math.isinf(x) or math.isnan(x):
        return None
    return int(x) if float(x).is_integer() and abs(x) < 2**53 else x


@quick_init
@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its unit, as an interval around the written figure.

    ``kind``: money (unit is an ISO 4217 code), percent (unit "%"), points (percentage points, unit
    "pp"), multiplier (unit "x"), count (unit is the counted noun, singular, lower case), clock (a time of
    day in minutes after midnight, unit "time of day" or "time of day <ZONE>"), number.
    """

    kind: str
    unit: str
    point: float
    low: float
    high: float
    hedge: str = "exact"

    type = "quantity"

    def to_json(self) -> dict:
        return {"type": "quantity", "kind": self.kind, "unit": self.unit, "point": _num(self.point),
                "low": _num(self.low), "high": _num(self.high), "hedge": self.hedge}


@quick_init
@dataclass(frozen=True, slots=True)
class Rank:
    """An ordinal position ("eighth largest" -> 8), as an interval ("one of the largest" -> 1..5)."""

    point: int
    low: int
    high: int
    superlative: str = "largest"  # largest|biggest|highest|first|...
    out_of: int | None = None
    hedge: str = "exact"
    unit: str = "rank"

    type = "rank"

    def to_json(self) -> dict:
        return {"type": "rank", "point": self.point, "low": self.low, "high": self.high,
                "superlative": self.superlative, "out_of": self.out_of, "hedge": self.hedge, "unit": self.unit}


@quick_init
@dataclass(frozen=True, slots=True)
class TimeValue:
    """A date at some granularity, as the half-open day interval ``[low, high)`` (ISO dates)."""

    point: str
    low: str
    high: str
    granularity: str = "day"
    relative: bool = False  # resolved from "last year", "in March", ... against a document date
    hedge: str = "exact"
    unit: str = "date"

    type = "date"

    def to_json(self) -> dict:
        return {"type": "date", "point": self.point, "low": self.low, "high": self.high,
                "granularity": self.granularity, "relative": self.relative, "hedge": self.hedge,
                "unit": self.unit}


@dataclass(frozen=True, slots=True)
class NameValue:
    """A person named in a role. ``key`` folds case and diacritics ("Phạm Thu Hằng" -> "pham thu hang")."""

    name: str
    key: str
    role: str | None = None
    unit: str = "name"

    type = "name"

    def to_json(self) -> dict:
        return {"type": "name", "name": self.name, "key": self.key, "role": self.role, "unit": self.unit}


@dataclass(frozen=True, slots=True)
class QuoteValue:
    """Words attributed to a speaker; ``key`` is the folded wording used to align quotes."""

    text: str
    key: str
    speaker: str | None = None
    unit: str = "quote"

    type = "quote"

    def to_json(self) -> dict:
        return {"type": "quote", "text": self.text, "key": self.key, "speaker": self.speaker, "unit": self.unit}


@dataclass(frozen=True, slots=True)
class EventValue:
    """Who did what to whom, when: ``action`` is a closed verb class (visit, call, meeting, ...)."""

    action: str
    actor: str | None = None
    target: str | None = None
    place: str | None = None
    when: TimeValue | None = None
    unit: str = "event"

    type = "event"

    def to_json(self) -> dict:
        return {"type": "event", "action": self.action, "actor": self.actor, "target": self.target,
                "place": self.place, "when": self.when.to_json() if self.when else None, "unit": self.unit}


Value = Union[Quantity, Rank, TimeValue, NameValue, QuoteValue, EventValue]


@dataclass(frozen=True, slots=True)
class Qualifiers:
    """What scopes a value: when it holds, what it is compared with, where, among what, by whom."""

    time_scope: TimeValue | None = None  # "in 2022", "last year"
    every: str | None = None  # "every year", "a year": a rate, not a date
    base: TimeValue | None = None  # comparison base of a change: "up 11% from 2021"
    change: str | None = None  # "increase"|"decrease"|"change" when the value is a change
    level_from: Quantity | None = None  # "from $451 million"
    level_to: Quantity | None = None  # "to more than US$130 billion"
    place: str | None = None
    among: str | None = None  # what a rank is taken among: "trading partner"
    of: str | None = None  # whose list a rank is on: "the U.S." in "the U.S.'s 8th largest partner"

    def to_json(self) -> dict:
        out: dict = {}
        for name in ("time_scope", "base", "level_from", "level_to"):
            v = getattr(self, name)
            if v is not None:
                out[name] = v.to_json()
        for name in ("every", "change", "place", "among", "of"):
            v = getattr(self, name)
            if v is not None:
                out[name] = v
        return out


@dataclass(frozen=True, slots=True)
class Claim:
    """One checkable statement from one sentence.

    ``subject`` is who or what the value is about ("vietnam-us trade"), ``measure`` what is measured
    ("bilateral trade"); ``terms`` are the folded content words of the clause, used for alignment.
    """

    id: str
    kind: str
    span: Span
    sentence: Span
    value: Value
    subject: str = ""
    measure: str = ""
    terms: tuple[str, ...] = ()
    qualifiers: Qualifiers = field(default_factory=Qualifiers)

    @property
    def doc_id(self) -> str:
        return self.span.doc_id


@dataclass(frozen=True, slots=True)
class Fact:
    """Claims of one or more documents that state the same thing, with a verdict and its explanation."""

    id: str
    label: str
    kind: str
    verdict: str
    explanation: str
    claims: tuple[Claim, ...]
    consensus: Value | None = None
    score: float = 0.0  # ranking of conflicts: higher is more serious
    current: str | None = None  # for `updated`: the claim id that supersedes the others
    altered_in: tuple[tuple[str, str], ...] = ()  # (source, target) of reuse relations that changed it


@dataclass(frozen=True, slots=True)
class AlignedPair:
    """Two sentences, one in each document of a reuse relation, that say the same thing."""

    source_span: Span
    target_span: Span
    score: float


@dataclass(frozen=True, slots=True)
class ReuseRelation:
    """How ``target`` reuses ``source``; when ``directed`` is false, ``source`` is the earlier id."""

    source: str
    target: str
    relation: str  # duplicate|paraphrase|shares-passages|independent
    directed: bool
    similarity: float
    coverage: dict[str, float]
    pairs: tuple[AlignedPair, ...] = ()
    altered: tuple[str, ...] = ()
    why: str | None = None


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str
    granularity: str
    label: str
    doc_ids: tuple[str, ...]
    fact_id: str | None = None
    conflict: bool = False
    end: str | None = None  # last day of a run of days ("September 10-11" -> date 09-10, end 09-11)


@dataclass(frozen=True, slots=True)
class Dossier:
    """The whole result of a run. :func:`consilience.render.to_json` writes it deterministically."""

    documents: tuple[Document, ...]
    facts: tuple[Fact, ...]
    reuse: tuple[ReuseRelation, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    stats: dict = field(default_factory=dict)
    schema_version: str = "1"
