"""The judge stage: a verdict for a group of aligned numeric claims, with an explanation a reader can check.

The rule, stated once (docs/verdicts.md repeats it):

* Every numeric value carries a **hard interval** ``[low, high]`` (set by the extractor from the written
  precision and the hedge, which widens a figure by a bounded amount; see ``consilience.extract``): the
  range outside which the source would simply be wrong.
* The judge derives a **soft interval**: the figure the source points at. An exact figure points at its
  rounding range (a written "47" may be a truncated 47.35, so ``[x - u/2, x + u)`` with ``u`` the unit of
  its last written digit); a hedged figure points a little beyond it in the hedge's direction
  (:data:`SOFT_WIDTH` of the figure: "more than 730" points at 730-745).
* Two claims **conflict** when their hard intervals are disjoint or their comparison bases differ ("up 11%
  from 2021" vs "from 2020"), or one says increase and the other decrease. They are **divergent** when the
  hard intervals meet but the soft ones do not ("over $10.3 billion" vs "$11.4 billion"), **agree** when
  the point, unit and hedge are the same, and **compatible** otherwise ("more than 730" vs "733").
* Values that cannot both be true are only **divergent** when every source reads the figure as a count
  still moving ("so far", "already", "within an hour of") and the reports do not date their moments.
* A fact takes the worst relation among its claims. A running figure (deaths, arrests, votes counted,
  people missing or evacuated) that changes between reports of different dates, and on which reports of
  the same date agree, is **updated**, not conflicting: the latest report is current. A tally (deaths,
  arrests, cases: not people missing or displaced, who can be found or go home) only grows: a later report
  below an earlier one is a conflict.
* Conflicts are ranked by the independent voices on each side (copies count once) and by how far apart
  the values are.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .english import human_clock, plural
from .model import Claim, Document, Quantity, Rank, TimeValue

__all__ = [
    "SOFT_WIDTH",
    "RUNNING_TERMS",
    "Judgement",
    "judge_claims",
    "pair_relation",
    "describe_value",
    "soft_interval",
]

#: How far beyond its figure a hedged value points (share of the figure), in the hedge's direction.
SOFT_WIDTH = 0.02

#: Words of a measure that make a figure "running": it is expected to change as a story unfolds.
RUNNING_TERMS = frozenset(
    """
    dead death deaths died die killed kill toll fatalities casualties casualty injured injuries wounded
    hurt missing evacuated evacuation displaced homeless rescued arrested arrests detained detainees
    counted votes ballots cases infected infections hospitalised hospitalized confirmed affected victims
    survivors bodies stranded trapped
    """.split()
)

#: Running figures that can also fall as a story unfolds (people found, discharged, returned home); the others
#: are tallies (deaths, arrests, cases, votes counted), which only grow.
FALLING_TERMS = frozenset("missing evacuated evacuation displaced homeless stranded trapped hospitalised hospitalized affected".split())

_ORDER = {"agree": 0, "compatible": 1, "divergent": 2, "conflict": 3}


def _ulp(x: float) -> float:
    """The unit of the last non-zero written digit of ``x`` (730 -> 10, 47.35 -> 0.01, 1.2e9 -> 1e8)."""
    if x == 0 or math.isinf(x) or math.isnan(x):
        return 1.0
    exponent = Decimal(repr(float(x))).normalize().as_tuple().exponent
    return 10.0 ** int(exponent)


def soft_interval(v: Quantity | Rank) -> tuple[float, float]:
    """The range a value points at: its rounding range, pushed :data:`SOFT_WIDTH` along its hedge."""
    p = float(v.point)
    if isinstance(v, Rank):
        return float(v.low), float(v.high)
    u = _ulp(p)
    w = abs(p) * SOFT_WIDTH
    hedge = v.hedge
    if hedge in ("over", "at-least"):
        return p, p + max(w, u / 2)
    if hedge in ("under", "at-most", "nearly"):
        return p - max(w, u / 2), p
    if hedge == "about":
        return p - max(w, u / 2), p + max(w, u / 2)
    return p - u / 2, p + u


def _hard(v: Quantity | Rank) -> tuple[float, float]:
    if isinstance(v, Rank) and v.low != v.high:
        # "one of the largest" names no position: it rules nothing out, it only points at the top.
        return float(v.low), math.inf
    return float(v.low), float(v.high)


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _same_point(a: Quantity | Rank, b: Quantity | Rank) -> bool:
    pa, pb = float(a.point), float(b.point)
    return pa == pb or abs(pa - pb) <= 1e-9 * max(abs(pa), abs(pb))


def _dates_overlap(a: TimeValue, b: TimeValue) -> bool:
    return a.low < b.high and b.low < a.high


def pair_relation(a: Claim, b: Claim) -> tuple[str, str]:
    """How two claims of one fact relate: (agree|compatible|divergent|conflict, reason in a few words)."""
    va, vb = a.value, b.value
    assert isinstance(va, (Quantity, Rank)) and isinstance(vb, (Quantity, Rank))
    qa, qb = a.qualifiers, b.qualifiers
    if qa.change and qb.change and {qa.change, qb.change} == {"increase", "decrease"}:
        return "conflict", "one says it rose, the other that it fell"
    if qa.base is not None and qb.base is not None and not _dates_overlap(qa.base, qb.base):
        return "conflict", f"different comparison bases ({qa.base.point} vs {qb.base.point})"
    if not _overlap(_hard(va), _hard(vb)):
        return "conflict", "the values cannot both be true"
    if not _overlap(soft_interval(va), soft_interval(vb)):
        return "divergent", "both possible, but they point at different figures"
    if _same_point(va, vb) and getattr(va, "hedge", "") == getattr(vb, "hedge", ""):
        return "agree", "same value"
    return "compatible", "consistent once hedges and rounding are honoured"


@dataclass(frozen=True)
class Judgement:
    verdict: str
    explanation: str
    sides: tuple[tuple[Claim, ...], ...]
    consensus: Quantity | Rank | None
    score: float
    current: str | None = None


def _voice_count(claims: Sequence[Claim], voices: Mapping[str, str]) -> int:
    return len({voices.get(c.doc_id, c.doc_id) for c in claims})


#: Units of a division's result, fixed once it is announced (unlike votes still being counted).
_FINAL_TALLIES = frozenset(("vote against", "vote in favour"))


#: Periods whose ordinal advances with the calendar: "the second day of the strike", "its third week".
_ELAPSING = frozenset(("day", "week", "month"))


def _is_running(claims: Sequence[Claim]) -> bool:
    if any(getattr(c.value, "unit", None) in _FINAL_TALLIES for c in claims):
        return False  # "83 against" in a parliament's vote does not move as a story unfolds
    if all(isinstance(c.value, Rank) and c.measure.lower().rpartition(" ")[2] in _ELAPSING for c in claims):
        return True  # "the second day" on Tuesday and "the third day" on Wednesday: one count of days going on
    for c in claims:
        words = set(c.terms) | set(c.measure.lower().split())
        if words & RUNNING_TERMS:
            return True
    return False


def _may_fall(claims: Sequence[Claim]) -> bool:
    """Whether the running figure is one that can go down (people missing, displaced), not a tally."""
    return any((set(c.terms) | set(c.measure.lower().split())) & FALLING_TERMS for c in claims)


def _signature(c: Claim) -> tuple:
    """Claims with the same signature relate to every other claim in the same way."""
    v, q = c.value, c.qualifiers
    return (float(v.low), float(v.high), float(v.point), getattr(v, "hedge", ""),
            (q.base.low, q.base.high) if q.base is not None else None, q.change)


def _by_signature(claims: Sequence[Claim]) -> list[list[Claim]]:
    groups: dict[tuple, list[Claim]] = {}
    for c in claims:
        groups.setdefault(_signature(c), []).append(c)
    return [groups[k] for k in sorted(groups, key=lambda k: (k[2], k[0], k[1], str(k[3:])))]


def _sides(claims: Sequence[Claim]) -> list[list[Claim]]:
    """Group claims into sides whose members do not conflict with one another (greedy, by point)."""
    sides: list[list[list[Claim]]] = []
    for group in _by_signature(claims):
        rep = group[0]
        for side in sides:
            if all(pair_relation(rep, other[0])[0] != "conflict" for other in side):
                side.append(group)
                break
        else:
            sides.append([group])
    return [[c for group in side for c in group] for side in sides]


def judge_claims(
    claims: Sequence[Claim],
    documents: Mapping[str, Document],
    *,
    voices: Mapping[str, str] | None = None,
) -> Judgement:
    """Judge the claims of one fact (numeric: quantities or ranks) and explain the verdict."""
    voices = voices or {}
    docs = {c.doc_id for c in claims}
    if len(docs) < 2:
        c = claims[0]
        return Judgement("single-source", f"Only {c.doc_id} states this: {describe_value(c)}.",
                         (tuple(claims),), c.value, 0.0)  # type: ignore[arg-type]

    worst, reason = "agree", "same value"
    groups = _by_signature(claims)
    docs_of = [{c.doc_id for c in g} for g in groups]
    for i, ga in enumerate(groups):
        if worst == "conflict":
            break  # nothing ranks higher, and the first reason found is the one given
        for j in range(i + 1, len(groups)):
            if len(docs_of[i] | docs_of[j]) < 2:
                continue  # one document's own two values are not a disagreement between sources
            rel, why = pair_relation(ga[0], groups[j][0])
            if _ORDER[rel] > _ORDER[worst]:
                worst, reason = rel, why
                if worst == "conflict":
                    break

    sides = _sides(claims)
    if worst == "conflict" and _is_running(claims):
        updated = _updated(claims, documents)
        if updated is not None:
            return updated
    elif worst == "conflict" and (how := _revised(claims, documents)) is not None:
        updated = _updated(claims, documents, either_way=how == "revised")
        if updated is not None:
            return updated
    if worst == "conflict" and reason == "the values cannot both be true" and _snapshot(claims, documents):
        # "had gained 28,000 within an hour" vs "has already amassed 100,000": one growing count read at
        # moments the reports do not date, so the figures differ without contradicting each other.
        worst, reason = "divergent", "snapshot"

    text = _explain(worst, reason, sides, voices)
    consensus = _consensus(worst, sides, voices)
    score = _score(worst, sides, voices) if worst in ("conflict", "divergent") else 0.0
    return Judgement(worst, text, tuple(tuple(s) for s in sides), consensus, score)


#: Words that mark a figure as a snapshot of a count still moving ("so far", "within an hour of").
SNAPSHOT = re.compile(
    r"\b(?:so far|to date|as of|until now|already|within (?:an?|the first|\w+) (?:hours?|days?|weeks?|minutes?)"
    r"|(?:has|have|had) (?:already )?(?:risen|grown|climbed|gained|amassed|passed|surpassed|reached))\b",
    re.IGNORECASE,
)


def _snapshot(claims: Sequence[Claim], documents: Mapping[str, Document]) -> bool:
    """Whether the sentences read the figure as a count still moving, on both sides of the difference."""
    marked = set()
    for c in claims:
        d = documents.get(c.doc_id)
        if d is not None and SNAPSHOT.search(d.text[c.sentence.start : c.sentence.end]):
            marked.add(c.doc_id)
    return len(marked) >= 2 and len(marked) == len({c.doc_id for c in claims})


_WEEKDAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
#: What marks a figure as a count that grows over time: a count at a moment ("as of Friday", "by Wednesday
#: afternoon", "so far") or since a start ("since the start of the strike", "since Monday").
CUMULATIVE = re.compile(
    SNAPSHOT.pattern
    + r"|\bsince\s+(?:the\s+(?:start|beginning|outbreak|onset)\b|it\s+(?:began|started)\b|" + _WEEKDAYS + r"\b)"
    r"|\bby\s+(?:(?:late|early|mid)[-\s]?)?(?:" + _WEEKDAYS + r"|morning|afternoon|evening|noon|midday|nightfall)\b"
    # a move since an event: "have lost 11% since the chain released its results", "13% below where they stood
    # before Tuesday's results"
    r"|\bsince\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,4}?(?:released|announced|reported|published|unveiled"
    r"|results|announcement|release|report)\b"
    r"|\b(?:where|what)\s+(?:they|it)\s+(?:stood|was|were|traded)\s+before\b",
    re.IGNORECASE,
)
#: What marks a figure as revised or moved, up or down: said in words ("raised its count to", "an improved offer
#: of") or by a verb of change to a level ("had fallen to").
REVISED = re.compile(
    r"\b(?:raised|raising|lifted|lifting|increased|increasing|revised|revising|updated|updating|lowered|lowering|cut"
    r"|cutting)\s+(?:its|their|the)\s+(?:\w+\s+){0,2}(?:count|tally|estimate|toll|figure|total|number|offer|bid|stake|holding)\b"
    r"|\b(?:has|have|had)\s+(?:now\s+)?(?:fallen|dropped|declined|eased|slipped|risen|climbed|increased|decreased)\s+to\b"
    r"|\b(?:improved|increased|revised|raised|updated|latest|new)\s+(?:offer|bid|tally|count|estimate|total)\b",
    re.IGNORECASE,
)


def _revised(claims: Sequence[Claim], documents: Mapping[str, Document]) -> str | None:
    """How the reports mark the figure as moving: ``"revised"`` when any says it was revised or moved
    (:data:`REVISED`: up or down), ``"cumulative"`` when a report after the first gives it at a moment or
    since a start (:data:`CUMULATIVE`: it only grows); None otherwise. A count of lenders,
    customers or cancelled trains that moves so from report to report is updated, like a toll."""
    dates = {}
    for c in claims:
        d = documents.get(c.doc_id)
        if d is None or not d.published.date or len(d.published.date) != 10:
            return None  # reports dated to the day only: "2024" cannot be ordered against "2024-03-21"
        dates[c.id] = d.published.date
    first = min(dates.values())
    for c in claims:
        scope = c.qualifiers.time_scope
        if scope is not None and scope.granularity not in ("day", "week") and scope.high <= first:
            return None  # a figure of a period closed before the first report ("trade in 2023") is fixed
    how = None
    for c in claims:
        text = documents[c.doc_id].text[c.sentence.start:c.sentence.end]
        if REVISED.search(text):
            return "revised"
        if dates[c.id] > first and CUMULATIVE.search(text):
            how = "cumulative"
    return how


def _updated(claims: Sequence[Claim], documents: Mapping[str, Document], *, either_way: bool = False) -> Judgement | None:
    """A running figure reported at different dates: the latest report supersedes the others.

    A tally (not ``either_way``) only grows; a revised count (``either_way``) moves one way, up or down,
    from report to report."""
    dated = []
    for c in claims:
        d = documents.get(c.doc_id)
        date = d.published.date if d is not None else None
        if not date:
            return None
        dated.append((date, c))
    if len({d for d, _ in dated}) < 2:
        return None
    dated.sort(key=lambda t: (t[0], t[1].doc_id, t[1].span.start))
    latest_date, latest = dated[-1]
    # Reports of the same date that disagree are a conflict, not news moving on.
    by_date: dict[str, list[Claim]] = {}
    for date, c in dated:
        by_date.setdefault(date, []).append(c)
    for same_day in by_date.values():
        if any(pair_relation(a, b)[0] == "conflict" for i, a in enumerate(same_day) for b in same_day[i + 1 :]
               if a.doc_id != b.doc_id):
            return None
    if either_way:
        # a revised count moves one way: up from report to report, or down
        steps = [(float(a.value.point), float(b.value.point)) for (d1, a), (d2, b) in zip(dated, dated[1:])  # type: ignore[union-attr]
                 if d2 > d1]
        if not (all(y >= x for x, y in steps) or all(y <= x for x, y in steps)):
            return None
    elif not _may_fall(claims):
        # a tally only grows: a later report below an earlier one contradicts it, it does not update it
        for (d1, a), (d2, b) in zip(dated, dated[1:]):
            if d2 > d1 and float(b.value.high) <= float(a.value.low):  # type: ignore[union-attr]
                return None
    history = "; ".join(f"{c.doc_id} ({date}) says {describe_value(c)}" for date, c in dated)
    text = (f"A running figure revised as the story moved on: {history}. "
            f"The latest report, {latest.doc_id} of {latest_date}, is current.")
    return Judgement("updated", text, (tuple(c for _, c in dated),), latest.value, 0.0,  # type: ignore[arg-type]
                     current=latest.id)


def _side_docs(side: Sequence[Claim]) -> str:
    ids = sorted({c.doc_id for c in side})
    return ", ".join(ids)


def _side_phrase(side: Sequence[Claim]) -> str:
    """"a, b say more than US$47.35 billion" — grouping the documents that wrote the same value."""
    by_value: dict[str, list[str]] = {}
    for c in side:
        by_value.setdefault(describe_value(c), []).append(c.doc_id)
    parts = []
    for desc, ids in sorted(by_value.items(), key=lambda kv: (-len(kv[1]), sorted(kv[1]))):
        ids = sorted(set(ids))
        verb = "says" if len(ids) == 1 else "say"
        parts.append(f"{', '.join(ids)} {verb} {desc}")
    return " and ".join(parts)


def _explain(verdict: str, reason: str, sides: list[list[Claim]], voices: Mapping[str, str]) -> str:
    ordered = sorted(sides, key=lambda s: (_voice_count(s, voices), _side_docs(s)))
    phrases = "; ".join(_side_phrase(s) for s in ordered)
    if verdict == "conflict":
        if reason.startswith("different comparison bases"):
            return f"{phrases}: the same change measured from different bases cannot all be true."
        if reason.startswith("one says it rose"):
            return f"{phrases}: {reason}."
        return f"{phrases}: these cannot all be true."
    if verdict == "divergent" and reason == "snapshot":
        return (f"{phrases}: a count still moving, read at moments the reports do not date; the figures "
                "differ without contradicting each other.")
    if verdict == "divergent":
        return f"{phrases}: all possible together, but the sources point at different figures."
    if verdict == "agree":
        return f"{phrases}: the sources agree."
    return f"{phrases}: consistent once hedges and rounding are honoured."


def _consensus(verdict: str, sides: list[list[Claim]], voices: Mapping[str, str]):
    """The value most sources support: the most precise claim of the side with the most voices."""
    counts = sorted(((_voice_count(s, voices), i) for i, s in enumerate(sides)), reverse=True)
    if verdict == "conflict" and (len(counts) < 2 or counts[0][0] == counts[1][0]):
        return None
    best = sides[counts[0][1]]

    def width(c: Claim) -> float:
        lo, hi = _hard(c.value)  # type: ignore[arg-type]
        return hi - lo if not (math.isinf(lo) or math.isinf(hi)) else math.inf

    return min(best, key=lambda c: (width(c), c.doc_id, c.span.start)).value


def _score(verdict: str, sides: list[list[Claim]], voices: Mapping[str, str]) -> float:
    """Independent voices on the two strongest sides, plus how far apart their values are (0..1)."""
    counts = sorted((_voice_count(s, voices) for s in sides), reverse=True)
    support = counts[0] + (counts[1] if len(counts) > 1 else 0) + (min(counts[:2]) if len(counts) > 1 else 0)
    points = [abs(float(c.value.point)) for s in sides for c in s]
    hi, lo = max(points), min(points)
    gap = 0.0 if hi == 0 else min(1.0, (hi - lo) / hi)
    base = 10.0 if verdict == "conflict" else 0.0
    return base + support + gap


# --- describing values for people --------------------------------------------------------------------

_HEDGE_WORDS = {
    "exact": "",
    "over": "more than ",
    "at-least": "at least ",
    "under": "less than ",
    "at-most": "at most ",
    "about": "about ",
    "nearly": "nearly ",
}
_CURRENCY = {"USD": "US$", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "CN¥", "INR": "₹", "VND": "VND "}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _fmt_number(x: float) -> str:
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.6f}".rstrip("0").rstrip(".")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def describe_value(c: Claim) -> str:
    """The claim's value in words a reader recognises: "more than US$47.35 billion", "8th largest",
    "11% from 2021" (a change names its comparison base)."""
    text = _describe(c)
    base = c.qualifiers.base
    return f"{text} from {base.point}" if base is not None else text


def _describe(c: Claim) -> str:
    v = c.value
    if isinstance(v, Rank):
        if v.low != v.high and v.hedge != "exact":
            return f"one of the {v.superlative} (rank {v.low}-{v.high})"
        text = v.superlative if v.point == 1 else f"{_ordinal(v.point)} {v.superlative}"
        return text + (f" of {v.out_of}" if v.out_of else "")
    if isinstance(v, Quantity):
        if v.kind == "clock":
            return human_clock(v.point, v.hedge, v.unit)
        hedge = _HEDGE_WORDS.get(v.hedge, "")
        p = float(v.point)
        if v.kind == "money":
            sym = _CURRENCY.get(v.unit, v.unit + " ")
            for scale, word in _SCALES:
                if abs(p) >= scale:
                    return f"{hedge}{sym}{_fmt_number(round(p / scale, 6))} {word}"
            return f"{hedge}{sym}{_fmt_number(p)}"
        if v.kind == "percent":
            return f"{hedge}{_fmt_number(p)}%"
        if v.kind == "points":
            return f"{hedge}{_fmt_number(p)} percentage points"
        if v.kind == "multiplier":
            return f"{hedge}{_fmt_number(p)} times"
        unit = f" {plural(v.unit) if p != 1 else v.unit}" if v.unit and v.kind == "count" else ""
        return f"{hedge}{_fmt_number(p)}{unit}"
    return str(getattr(v, "point", v))
