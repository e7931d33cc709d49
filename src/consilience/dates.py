"""Dates as facts: the day, month or year a report gives for when something began, was found or is due.

"The fire broke out on 10 August", "the outbreak began on 2 August", "the company first identified the
fault in November 2024", "the second reading, scheduled for 11 June": each is a claim of kind ``date``
whose value is the :class:`~consilience.model.TimeValue` of the date and whose measure names what
happened and to what ("fire: start", "fault: discovery", "second reading: schedule"). Claims of several
reports about the same thing are one fact; two days that cannot be the same day are a ``conflict``.

Only four kinds of happening are read, by the verb right before the date, so that a date is a fact only
when the report says what it dates: a start (broke out, began, started, erupted), a discovery (found,
identified, discovered, detected), a schedule (scheduled for, due on, set for, will be held on) and the
setting of a record (set, recorded in a sentence that calls it a record: "the national record of 47.3
degrees set in 2003"; a story's record dates are one fact, however the record is named). Dates
of figures are their time scopes (``consilience.extract.claims``), dates of meetings, visits and the
like are the events' (``consilience.events``), and the date a report was said is not a fact of the story.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Sequence

from .align import fact_id, similarity
from .english import TIME_WORDS, human_date
from .extract.claims import document_times, sentence_spans
from .extract.lexicon import STOPWORDS, canonical_term, fold
from .model import Claim, Document, Fact, Qualifiers, Span, TimeValue

__all__ = ["extract_dates", "align_dates", "drop_event_dates"]

#: The verbs that say what a date dates, by kind of happening.
_VERBS: dict[str, str] = {
    "start": r"broke\s+out|began|begun|begins|started|starts|erupted|flared\s+up",
    # the first case or patient of an outbreak dates its start
    "first": r"first\s+(?:case|patient|infection)s?\s+(?:was|were|had\s+been|has\s+been)?\s*"
             r"(?:admitted|recorded|reported|confirmed|detected|diagnosed|identified)",
    "discovery": r"(?:first\s+)?(?:found|identified|discovered|detected|spotted|noticed)"
                 r"|(?:not\s+(?:been\s+)?(?:detected|discovered|noticed|spotted)|went\s+(?:unnoticed|undetected))\s+until",
    # "the intruders first gained access on 2 October", "first got into its network on 12 September": the first
    # act of something that went on dates its start
    "firstact": r"first\s+(?:[a-z]+ed|got|broke|came|went|took|stole|struck|hit)(?:\s+(?:into|in|onto))?",
    "schedule": r"(?:scheduled|planned|set)\s+(?:for|on)|due\s+(?:on|for|to\s+(?:hold|be\s+held|take\s+place|debate|vote\s+on))"
                r"|will\s+(?:be\s+held|take\s+place)",
    # "the national record of 47.3 degrees set in 2003", "the 47.3C recorded at Amareleja in August 2003, a
    # record": when a record was set (only in a sentence that calls it a record, see _RECORD)
    "setting": r"(?:was\s+|were\s+|had\s+been\s+)?(?:set|recorded|registered|established)",
}
_VERB = re.compile(r"\b(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _VERBS.items()) + r")\b", re.IGNORECASE)
#: What may stand between the verb and the date: an object ("identified the fault"), a preposition.
_GAP = re.compile(r"(?:\s+(?:the|a|an|its|their)?\s*[a-z][\w-]*(?:\s+[a-z][\w-]*)?)?\s+(?:on|in|for|since|as\s+early\s+as)\s+"
                  r"|\s+", re.IGNORECASE)
_CLAUSE_START = re.compile(r"[.;:!?]\s|,\s+(?:but|and|while|whereas)\b|\b(?:after|before|since|when|as)\s|\n")
#: A relative word between a noun and the verb it is the subject of ("the fire, which broke out").
_RELATIVE_END = re.compile(r"(?:,\s*)?\b(?:which|that|who|where)\s*$|,\s*$", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: Day and period words, which say when, not what.
_WHEN_WORDS = TIME_WORDS | {"year", "day"}
_PRONOUNS = frozenset("it they he she we this that which who its their his her".split())
#: Words that name the date itself or the report, not what happened.
_NOT_WHAT = frozenset("said says told officials company government first".split())

#: A sentence about a record: what "set in 2003" or "recorded ... in August 2003" dates.
_RECORD = re.compile(r"\b(?:record|all-time\s+high|previous\s+(?:high|best|peak)|highest\s+ever)\b", re.IGNORECASE)

#: Two date claims are about one thing when their words are at least this alike (IDF-weighted cosine).
THRESHOLD = 0.3


def extract_dates(doc: Document) -> list[Claim]:
    """Date claims (``kind="date"``) of ``doc``, sorted by span start."""
    if doc.skipped or not doc.text:
        return []
    text = doc.text
    anchor = doc.published.date if doc.published else None
    out: list[Claim] = []
    sents = sentence_spans(doc)
    starts = [s.start for s in sents]
    for t in document_times(doc, anchor):
        v = t.value
        if v is None or v.granularity not in ("day", "month", "year") or t.ref is not None:
            continue
        k = bisect_right(starts, t.start) - 1
        if k < 0 or t.start >= sents[k].end:
            continue
        sent = sents[k]
        cuts = [m.end() for m in _CLAUSE_START.finditer(text, sent.start, t.start)]
        lo = cuts[-1] if cuts else sent.start
        verb = None
        for m in _VERB.finditer(text, max(lo, t.start - 90), t.start):
            verb = m
        if verb is None or not _GAP.fullmatch(text[verb.end():t.start]):
            continue
        kind = verb.lastgroup or ""
        if kind == "setting":
            if not _RECORD.search(text, sent.start, sent.end):
                continue  # "inflation recorded in March" dates a figure, which is its time scope
            what_words = ["record"]  # the record a story breaks: one fact, however it is named
        elif kind == "first":
            kind, what_words = "start", ["outbreak"]  # its first case is when an outbreak began
        elif kind == "firstact":
            # who acted and on what: "the attackers first logged in", "the intruders first gained access"
            kind = "start"
            what_words = (_words(_RELATIVE_END.sub("", text[lo:verb.start()]))[-2:] + _words(text[verb.end():t.start])[-2:])
        else:
            # the thing itself: the object the verb names ("identified the fault"), else the last words of its
            # subject ("the faulty temperature switch was first detected")
            obj = _words(text[verb.end():t.start])
            what_words = obj[-3:] if obj else _words(_RELATIVE_END.sub("", text[lo:verb.start()]))[-3:]
        if not what_words:
            continue
        what = " ".join(what_words)
        out.append(Claim(
            id=f"{doc.id}#date@{t.start}", kind="date", span=Span(doc.id, t.start, t.end), sentence=sent,
            value=v, subject="", measure=f"{what}: {kind}", terms=tuple(sorted(set(what_words) | {kind})),
            qualifiers=Qualifiers(),
        ))
    out.sort(key=lambda c: (c.span.start, c.span.end))
    return out


def drop_event_dates(dates: Sequence[Claim], events: Sequence[Claim]) -> list[Claim]:
    """``dates`` without those an event of the same document already dates: "the two-day visit, which begins
    today" is the visit's date, which :mod:`consilience.events` lines up with the other reports' visits."""
    out = []
    for c in dates:
        words = set(c.measure.rsplit(": ", 1)[0].split())
        v = c.value
        if not any(e.doc_id == c.doc_id and getattr(e.value, "action", None) in words and (w := e.value.when) is not None
                   and w.low < v.high and v.low < w.high for e in events):  # type: ignore[union-attr]
            out.append(c)
    return out


def _words(phrase: str) -> list[str]:
    """The content words of a phrase in order, each in its canonical form ("blaze" -> "fire")."""
    out = []
    for w in _WORD.findall(phrase):
        f = fold(w)
        if f in STOPWORDS or f in _PRONOUNS or f in _NOT_WHAT or f in _WHEN_WORDS or len(f) < 2:
            continue
        out.append(canonical_term(f))
    return out


def _idf(claims: Sequence[Claim]) -> dict[str, float]:
    df: dict[str, int] = {}
    for c in claims:
        for w in set(c.terms):
            df[w] = df.get(w, 0) + 1
    n = max(1, len(claims))
    return {w: math.log(1 + n / k) for w, k in df.items()}


def align_dates(claims: Sequence[Claim], docs: Sequence[Document]) -> list[Fact]:
    """Judged facts over date claims: claims of one kind of happening whose words are alike, one per
    document, merged best first; sorted by fact id."""
    items = sorted((c for c in claims if c.kind == "date" and isinstance(c.value, TimeValue)),
                   key=lambda c: (c.doc_id, c.span.start))
    if not items:
        return []
    idf = _idf(items)
    kind_of = [c.measure.rsplit(": ", 1)[-1] for c in items]
    # candidates share a word of what they date (the kind of happening is a term of every claim of it)
    index: dict[str, list[int]] = {}
    for i, c in enumerate(items):
        for w in c.terms:
            if w != kind_of[i]:
                index.setdefault(w, []).append(i)
    pairs = []
    for i, a in enumerate(items):
        for j in sorted({j for w in a.terms for j in index.get(w, ()) if j > i}):
            b = items[j]
            if a.doc_id == b.doc_id or kind_of[i] != kind_of[j]:
                continue
            sim = similarity(a.terms, b.terms, idf)
            if sim >= THRESHOLD:
                pairs.append((-sim, i, j))
    pairs.sort()
    group = list(range(len(items)))
    members = {i: [i] for i in range(len(items))}
    for _, i, j in pairs:
        gi, gj = group[i], group[j]
        if gi == gj or {items[k].doc_id for k in members[gi]} & {items[k].doc_id for k in members[gj]}:
            continue
        for k in members[gj]:
            group[k] = gi
        members[gi].extend(members.pop(gj))
    facts = [_judge([items[k] for k in sorted(ks)]) for ks in members.values()]
    facts.sort(key=lambda f: f.id)
    return facts


#: How a date fact is named, by the kind of happening it dates.
_LABELS = {"start": "start of {}", "discovery": "discovery of {}", "schedule": "date set for {}",
           "setting": "date the {} was set"}


def _shown(v: TimeValue) -> str:
    return human_date(v.point)


def _judge(group: list[Claim]) -> Fact:
    group = sorted(group, key=lambda c: (c.doc_id, c.span.start))
    values: dict[str, list[Claim]] = {}
    for c in group:
        values.setdefault(c.value.point, []).append(c)  # type: ignore[union-attr]
    what, kind = group[0].measure.rsplit(": ", 1)
    label = _LABELS.get(kind, "date of {}").format(what)
    docs = sorted({c.doc_id for c in group})
    sides = sorted(values.values(), key=lambda cs: (-len(cs), cs[0].value.low))  # type: ignore[union-attr]
    said = "; ".join(f"{', '.join(sorted({c.doc_id for c in cs}))} {'say' if len(cs) > 1 else 'says'} "
                     f"{_shown(cs[0].value)}" for cs in sides)  # type: ignore[arg-type]
    if len(docs) == 1:
        verdict, text = "single-source", f"Only {docs[0]} dates this: {_shown(group[0].value)}."  # type: ignore[arg-type]
    elif len(values) == 1:
        verdict, text = "agree", f"{said}: the sources agree."
    else:
        apart = any(not (a.value.low < b.value.high and b.value.low < a.value.high)  # type: ignore[union-attr]
                    for i, a in enumerate(group) for b in group[i + 1:])
        verdict = "conflict" if apart else "compatible"
        text = f"{said}: " + ("these cannot all be true." if apart else "the dates overlap at different precisions.")
    consensus = sides[0][0].value if verdict in ("agree", "compatible") else None
    return Fact(id=fact_id("d", group), label=label, kind="date", verdict=verdict, explanation=text,
                claims=tuple(group), consensus=consensus, score=float(len(docs)) if verdict == "conflict" else 0.0)
