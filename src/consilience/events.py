"""Events: who did what, to whom, when and where, and the same event lined up across sources.

This module owns ``kind == "event"`` claims. An event is a trigger word of a closed action class
(``consilience/data/events_triggers.txt``: visit, call, meeting, agreement, upgrade, normalisation,
handover, statement, ...) paired with a date of its clause (from
:func:`consilience.extract.times.find_times`, anchored on the document's date), an actor and a target
or place (people from :mod:`consilience.people`, countries from its gazetteer, else the organisation
named right before the verb). A sentence without a date gives an event only when a named person
acts in it, so that an undated report ("Roe's visit to Chile") can join the dated one.

Across documents, claims of one action family whose participants agree and whose dates overlap are one
event; two dates of one event that cannot both hold make it a ``conflict``. It must not touch other
claim kinds; the timeline is built from its facts by :mod:`consilience.timeline`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .model import Claim, Document, EventValue, Fact, Qualifiers, Span, TimeValue
from .people import (
    PersonMention, _book, doc_countries, doc_quotes, doc_times, find_countries, find_people, fold, join_docs,
    sentence_spans, sentence_tokens, stable_id, token_low, tokens,
)

__all__ = ["EventOptions", "ACTIONS", "extract_events", "align_events", "consensus_date"]

#: The closed classes of actions, in the order of the trigger file.
ACTIONS: tuple[str, ...] = (
    "visit", "call", "meeting", "agreement", "upgrade", "normalisation", "handover", "statement", "election",
    "appointment", "resignation", "death", "attack", "arrest", "launch", "sale", "acquisition", "loss", "win",
)
# Actions that are one family when aligning: an upgrade of relations is usually reported as an agreement.
_FAMILY = {"upgrade": "agreement"}
# Relations between countries: their participants are the countries of the clause, and a report that
# names none ("the two countries") may still match on action and date.
_RELATIONS = frozenset({"agreement", "upgrade", "normalisation"})
# Relations a report may state with no party named ("relations were normalized in 1979").
_UNSTAFFED = frozenset({"normalisation", "upgrade"})
# Actions reported often enough without a person that a bare sentence must not make them events.
_NEEDS_PERSON_UNDATED = frozenset(ACTIONS) - {"statement", "loss", "sale"}


@dataclass(frozen=True, kw_only=True)
class EventOptions:
    """Knobs of event extraction and alignment.

    ``conflict_days``: two different dates for one event are a conflict only when their first days are
    at most this far apart (a year: "November 2000" vs "November 2001"); further apart they are taken
    as separate occurrences (a visit in 2017 and another in 2019). ``undated``: keep events of undated sentences that have a named actor, so they can join a
    dated event reported by another source. ``anchor_to_document``: date the events of sentences
    without a date at the document's own date (declared or extracted), the newswire convention of
    TimeML corpora; off by default because background sentences ("the two sides have prioritised ...")
    would then become events of the publication day.
    """

    conflict_days: int = 366
    undated: bool = True
    anchor_to_document: bool = False


@lru_cache(maxsize=1)
def _triggers():
    return _book("events_triggers.txt")


# Clause boundaries: coordination after a comma, semicolons, contrast, and relative clauses
# ("..., who also won the cup in 2009"), whose dates belong to them alone.
_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas|who|which|whose|after|before|because|although|though)\s+|;\s+"
                     r"|\s+(?:while|whereas)\s+")
# "until March 24" ends an event and "since 2015" starts a period: neither dates the event told.
_BOUND_BEFORE = frozenset({"until", "till", "through", "to", "by", "since"})
_NEGATIONS = frozenset({"not", "never", "no", "didn't", "hadn't", "hasn't", "haven't", "wasn't", "won't"})


@dataclass(frozen=True, slots=True)
class _Trigger:
    start: int
    end: int
    action: str
    quoted: bool
    plural: bool = False  # "visits", "talks": a generic plural that needs a named person
    anaphoric: bool = False  # "the visit": refers back to an event already told


# When two triggers report one event, the earlier class in this order wins.
_SPECIFIC: tuple[str, ...] = (
    "normalisation", "upgrade", "handover", "visit", "call", "election", "appointment", "resignation", "death",
    "attack", "arrest", "acquisition", "launch", "sale", "loss", "win", "agreement", "meeting", "statement",
)
_PLURAL_NOUNS = frozenset({"visits", "talks", "meetings", "deals", "agreements", "calls", "trips", "attacks",
                           "statements", "deaths", "strikes"})


#: "strike" and "struck" are an attack only in a sentence with one of these words (an air strike, a missile that
#: struck): otherwise workers strike, earthquakes strike and deals are struck.
_STRIKE_WORDS = frozenset(("strike", "strikes", "struck"))
_ARMED = frozenset("""
    air airstrike airstrikes missile missiles drone drones rocket rockets artillery military army troops forces
    militants militant gunmen gunman bomb bombs bomber bombers warplanes jets shelling navy insurgents rebels
    """.split())


def _find_triggers(text: str, s: int, e: int, quoted: Sequence[tuple[int, int]], toks=None) -> list[_Trigger]:
    """Trigger words of ``text[s:e]`` (``toks``: its words, when already at hand)."""
    toks = tokens(text, s, e) if toks is None else toks
    out: list[_Trigger] = []
    book = _triggers()
    if book.firsts.isdisjoint(map(token_low, toks)):
        return out  # no word starts a trigger: one test in C instead of one per word
    i = 0
    while i < len(toks):
        hit = book.match(toks, i) if toks[i].low in book.firsts else None
        if hit is None:
            i += 1
            continue
        j, action = hit
        back = [t.low for t in toks[max(0, i - 3) : i]]
        if any(w in _NEGATIONS for w in back[-2:]):
            i = j
            continue  # "had not lost": nothing happened
        # "the 10th anniversary of the establishment of ..." names a past event, not a new one.
        if "anniversary" in back or "since" in back[-1:]:
            i = j
            continue
        if action == "attack" and toks[i].low in _STRIKE_WORDS and not any(t.low in _ARMED for t in toks):
            i = j
            continue  # a strike of workers, an earthquake that struck, a deal struck: no attack without arms
        a, b = toks[i].start, toks[j - 1].end
        trig = _Trigger(a, b, action, any(x <= a < y for x, y in quoted), toks[i].low in _PLURAL_NOUNS,
                        i > 0 and toks[i - 1].low in ("the", "this", "that", "these", "those"))
        # Adjacent or coordinated triggers ("established normalized relations", "normalized and
        # founded") report one event: keep the more specific class.
        if out and (out[-1].end == toks[i - 1].end or i >= 2 and toks[i - 1].low == "and"
                    and out[-1].end == toks[i - 2].end):
            if _SPECIFIC.index(action) < _SPECIFIC.index(out[-1].action):
                out[-1] = trig
            i = j
            continue
        out.append(trig)
        i = j
    if any(not t.quoted for t in out):
        out = [t for t in out if not t.quoted]
    return out


def _document_day(doc: Document) -> TimeValue | None:
    """The document's own date as a time value, when it was declared or read from the text."""
    if doc.published.how not in ("declared", "extracted"):
        return None
    from .extract.times import parse_anchor, time_value

    parts = parse_anchor(doc.published.date)
    if parts is None:
        return None
    y, m, d = parts
    if d is not None:
        return time_value("day", y, m or 1, d)
    return time_value("month", y, m) if m is not None else time_value("year", y)


def _participle(text: str, t: _Trigger) -> bool:
    """Whether a trigger is an -ing form ("elevating", "receiving")."""
    return text[t.start : t.end].split()[0].lower().endswith("ing")


def _clauses(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The clauses of the sentence ``[s, e)``; a relative clause ends at its closing comma, so "X, who
    won in 2009, said" gives "X", "who won in 2009" and "said"."""
    cuts: list[tuple[int, int]] = []
    for m in _CLAUSE.finditer(text, s, e):
        cuts.append((m.start(), m.end()))
        if m.group().strip(", ").split()[0] in ("who", "which", "whose"):
            close = text.find(",", m.end(), e)
            if close >= 0:
                cuts.append((close, close + 1))
    out = []
    pos = s
    for a, b in sorted(set(cuts)):
        if a < pos:
            continue
        out.append((pos, a))
        pos = b
    out.append((pos, e))
    return out


@dataclass(frozen=True, slots=True)
class _Dated:
    start: int
    end: int
    value: TimeValue
    quoted: bool = False  # inside quotation marks: it dates what is said, not the saying


def _dates(doc: Document, s: int, e: int, times, quoted: Sequence[tuple[int, int]]) -> list[_Dated]:
    """The dates of the sentence ``[s, e)`` that can date an event (not "until ...", not "since ...")."""
    out = []
    for tm in times:
        if not (s <= tm.start < e) or tm.value is None or tm.ref is not None:
            continue
        before = doc.text[max(s, tm.start - 12) : tm.start].split()
        if before and before[-1].lower() in _BOUND_BEFORE:
            continue
        out.append(_Dated(tm.start, tm.end, tm.value, any(a <= tm.start < b for a, b in quoted)))
    return out


def _assign(trigs: list[_Trigger], dates: list[_Dated], clauses: list[tuple[int, int]],
            unread: Sequence[tuple[int, int]] = ()) -> dict[int, tuple[int, bool]]:
    """For each trigger index, ``(date index, direct)``: the first date after it in its clause with no
    other trigger between, else the last one before it likewise (direct); else the nearest date of
    its clause (not direct). A trigger whose clause has no date gets none, and so does one whose own
    date is an expression that cannot be read without the document's date (``unread``: "signed on
    Tuesday" in an undated report): a later date of its clause belongs to something else."""
    def clause_of(pos: int) -> tuple[int, int]:
        return next(((a, b) for a, b in clauses if a <= pos <= b), clauses[-1])

    out: dict[int, tuple[int, bool]] = {}
    for ti, t in enumerate(trigs):
        ca, cb = clause_of(t.start)
        # a trigger outside a quotation never takes a date inside one, nor the other way round
        local = [(di, d) for di, d in enumerate(dates) if ca <= d.start < cb and d.quoted == t.quoted]
        between = lambda a, b: any(a <= o.start < b for o in trigs if o is not t)  # noqa: E731
        after = [(di, d) for di, d in local if d.start >= t.end and not between(t.end, d.start)]
        before = [(di, d) for di, d in local if d.end <= t.start and not between(d.end, t.start)]
        unread_after = [a for a, _ in unread if ca <= a < cb and a >= t.end and not between(t.end, a)]
        unread_before = [b for a, b in unread if ca <= a < cb and b <= t.start and not between(b, t.start)]
        if unread_after and (not after or min(unread_after) < after[0][1].start):
            continue  # the date right after it cannot be read: undated, rather than dated by a neighbour
        if not after and unread_before and (not before or max(unread_before) > before[-1][1].end):
            continue
        if after:
            out[ti] = (after[0][0], True)
        elif before:
            out[ti] = (before[-1][0], True)
        elif local:
            di, _ = min(local, key=lambda x: min(abs(x[1].start - t.end), abs(t.start - x[1].end)))
            out[ti] = (di, False)
    return out


_AGENT_BEFORE = frozenset({"to", "with", "of", "and", "between", "invitation"})


@dataclass(frozen=True, slots=True)
class _Who:
    """The participants of one trigger, each with its kind: person, country, org or place."""

    actor: str | None = None
    actor_kind: str | None = None
    target: str | None = None
    target_kind: str | None = None
    place: str | None = None

    def terms(self) -> set[str]:
        out = set()
        for name, kind in ((self.actor, self.actor_kind), (self.target, self.target_kind)):
            if name:
                out.add(f"{kind}:{_pkey(name)}")
        if self.place:
            out.add(f"{_place_kind(self.place)}:{_pkey(self.place)}")
        return out


def _place_kind(name: str) -> str:
    return "country" if fold(name) in _country_names() else "place"


def _start(m: PersonMention) -> int:
    return m.start


def _who(doc: Document, people: Sequence[PersonMention], t: _Trigger, a: int, b: int) -> _Who:
    """Who does ``t`` to whom, and where, inside the window ``[a, b)``: people first ("X visited",
    "visits by X", "a call between X and Y"), then an organisation named right before the verb, then
    countries. ``people`` is sorted by start, as :func:`~consilience.people.find_people` gives it."""
    text = doc.text
    # the people who start inside the window, found by bisection rather than by a scan of the document's
    window = people[bisect.bisect_left(people, a, key=_start) : bisect.bisect_left(people, b, key=_start)]
    here = [m for m in window if m.how != "pronoun" and not (t.start <= m.start < t.end)]

    def word_before(pos: int) -> str:
        w = text[max(a, pos - 14) : pos].split()
        return fold(w[-1]) if w else ""

    actor = target = place = None
    actor_kind = target_kind = None
    by = [m for m in here if m.start >= t.end and word_before(m.start) == "by"]
    before = [m for m in here if m.end <= t.start and word_before(m.start) not in _AGENT_BEFORE - {"and"}]
    after = [m for m in here if m.start >= t.end]
    if by:
        actor = by[0].name
    elif before:
        actor = before[-1].name
        if len(before) >= 2 and word_before(before[-1].start) == "and":
            actor = before[-2].name  # "X and Y talked": X acts, Y is the counterpart
            target = before[-1].name
    elif after:
        free = [m for m in after if word_before(m.start) not in ("to", "with", "of")]
        actor = (free or after)[0].name
    if actor is not None:
        actor_kind = "person"
    if target is not None:
        target_kind = "person"
    others = [m.name for m in here if m.name != actor and (target is None or m.name != target)]
    if target is None and others and t.action in ("call", "meeting", "agreement", "statement", "upgrade"):
        later = [m for m in after if m.name != actor]
        target, target_kind = (later[0].name if later else others[0]), "person"
    # a country in a person's title ("US President X") is whose official X is, not a party
    titled = [(m.start, m.name_start or m.start) for m in window if m.how != "pronoun"]
    lands = [(x, y, c) for x, y, c in doc_countries(doc, a, b)
             if not (t.start <= x < t.end) and not any(s <= x < ns for s, ns in titled)]
    after_lands = [c for x, _, c in lands if x >= t.end]
    if t.action == "visit":
        place = (_visit_place(text, t, b) or (after_lands[0] if after_lands else None)
                 or _host_before(text, lands, a, t.start))
        if place and target is None:
            target, target_kind = place, _place_kind(place)
    else:
        place = _in_place(text, t.end, b)
    if actor is None:
        actor = _subject_phrase(text, a, t.start)
        actor_kind = "org" if actor else None
    if actor is None and lands:
        before_lands = [c for x, _, c in lands if x < t.start]
        actor, actor_kind = (before_lands[-1] if before_lands else lands[0][2]), "country"
        if target is None:
            rest = [c for _, _, c in lands if c != actor]
            if rest:
                target, target_kind = rest[0], "country"
    if target is None and actor is not None:
        rest = [c for c in after_lands if c != actor]
        if rest:
            target, target_kind = rest[0], "country"
    if actor is not None and target == actor:
        target = target_kind = None
    return _Who(actor, actor_kind, target, target_kind, place)


_SUBJECT = re.compile(
    r"((?:[A-Z\u00c0-\u024f][\w&'\u2019.\-]*\s+){0,3}[A-Z\u00c0-\u024f][\w&'\u2019.\-]*)"
    r"(?:\s*\))?\s+(?:(?:has|have|had|was|were|is|are|will|would|also|then|[a-z]+ly)\s+)*$"
)


def _subject_phrase(text: str, a: int, b: int) -> str | None:
    """The capitalised name right before a verb ("Civic Alliance won", "Boeing has launched"): an
    organisation that acts, when no person or country does."""
    m = _SUBJECT.search(text, a, b)
    if m is None:
        return None
    words = m.group(1).split()
    from .people import _not_names

    while words and fold(words[0]) in _not_names():
        words = words[1:]
    if not words or find_countries(" ".join(words)):
        return None
    phrase = " ".join(words).rstrip(".")
    from .people import titles

    toks = tokens(phrase)
    hit = titles().match(toks, 0) if toks else None
    if hit is not None and hit[0] == len(toks):
        return None  # a bare title ("President") names no one
    return phrase


_CAP = "[A-Z\u00c0-\u024f\u1e00-\u1eff]"  # a capital letter, Latin with diacritics included
_WORD = r"[\w\u2019'\-]*"
_PLACE_AFTER = re.compile(rf"\s+(?:to|in|at)\s+(?:the\s+)?((?:[^\W\d_]{_WORD})(?:\s+{_CAP}{_WORD}){{0,3}})")
_PLACE_OBJECT = re.compile(rf"\s+(?:the\s+)?({_CAP}[\w\u2019'\-.]*(?:\s+{_CAP}{_WORD}){{0,2}})")
_PLACE_IN = re.compile(rf"[^.;]*?\s(?:in|at)\s+(?:the\s+)?({_CAP}{_WORD}(?:\s+{_CAP}{_WORD}){{0,2}})")


def _visit_place(text: str, t: _Trigger, b: int) -> str | None:
    """What a visit went to: "visit to Hà Giang", "visited Chile", "visited the US"."""
    m = _PLACE_AFTER.match(text, t.end, b)
    if m is None:
        m = _PLACE_OBJECT.match(text, t.end, b)
    return _canonical_place(m.group(1)) if m and m.group(1)[0].isupper() else None


_HOSTS = re.compile(r"\b(?:received|receives|receiving|hosted|hosts|hosting|welcomed|welcomes|welcoming)\b[^.;]*$",
                    re.IGNORECASE)


def _host_before(text: str, lands: list[tuple[int, int, str]], a: int, t: int) -> str | None:
    """The country that received a visit: "Vietnam received visits by X", "Ghana hosted a visit by X"."""
    before = [(x, y, c) for x, y, c in lands if x < t]
    if not before:
        return None
    x, y, c = before[-1]
    return c if _HOSTS.search(text, y, t) else None


def _in_place(text: str, pos: int, b: int) -> str | None:
    """Where an event happened: "in/at PLACE" after the trigger (a possessive is a person, not a place)."""
    m = _PLACE_IN.match(text, pos, b)
    if m is None or re.match(r"['\u2019]s\b", text[m.end(1) : m.end(1) + 2]) or re.search(r"['\u2019]s?$", m.group(1)):
        return None  # "in Lam's office", "at Sunday's election"
    return _canonical_place(m.group(1))


#: Capitalised words that open a time, not a place ("in March", "at Sunday's vote").
_MONTHS = frozenset("january february march april may june july august september october november december "
                    "jan feb mar apr jun jul aug sep sept oct nov dec "
                    "monday tuesday wednesday thursday friday saturday sunday".split())


def _canonical_place(name: str) -> str | None:
    name = name.strip().rstrip(".,")
    hits = find_countries(name)
    if hits and hits[0][0] == 0 and hits[0][1] >= len(name.rstrip("’'s")) - 2:
        return hits[0][2]
    first = fold(name.split()[0]) if name.split() else ""
    if first in _MONTHS or not name:
        return None
    return name


def extract_events(doc: Document, *, options: EventOptions | None = None) -> list[Claim]:
    """Event claims of ``doc`` (``kind="event"``), sorted by span start.

    Dates come from :func:`consilience.extract.times.find_times` anchored on ``doc.published.date``;
    each trigger takes the date of its clause that follows it (else precedes it) with no other trigger
    between; a date left without a trigger in a list ("visits by X in 2006, Y in 2007") takes the
    sentence's trigger and the person next to it. ``span`` covers the trigger and its date; ``value``
    is an :class:`EventValue`; ``measure`` the action; ``subject`` the folded actor.
    """
    opts = options or EventOptions()
    if doc.skipped or not doc.text:
        return []
    text = doc.text
    times = doc_times(doc)
    people = find_people(doc)
    quoted = doc_quotes(doc)
    claims: dict[str, Claim] = {}
    for s, e in sentence_spans(doc):
        trigs = _find_triggers(text, s, e, quoted, sentence_tokens(doc, s, e))
        if not trigs:
            continue
        dates = _dates(doc, s, e, times, quoted)
        clauses = _clauses(text, s, e)
        if not dates and opts.anchor_to_document:
            own = _document_day(doc)
            # the document's date closes every clause, so each trigger finds it in its own clause
            if own is not None:
                dates = [_Dated(max(a, b - 1), max(a, b - 1), own) for a, b in clauses]
        if dates:
            # expressions the document's missing date leaves unread ("on Tuesday") still date their
            # own trigger: it stays undated rather than taking a later date of its clause
            unread = [(tm.start, tm.end) for tm in times
                      if s <= tm.start < e and tm.value is None and tm.relative and tm.ref is None]
            assigned = _assign(trigs, dates, clauses, unread)
            made = _dated_events(doc, s, e, trigs, dates, clauses, people, assigned)
            if unread and opts.undated:
                # the triggers only their unread date kept from a date of the clause
                plain = _assign(trigs, dates, clauses)
                made += _undated_events(doc, s, e, [t for i, t in enumerate(trigs) if i in plain and i not in assigned],
                                        clauses, people)
        elif opts.undated:
            made = _undated_events(doc, s, e, trigs, clauses, people)
        else:
            made = []
        once: set[tuple[str, str, str]] = set()
        for _, action, c, w in made:
            point = c.value.when.point if c.value.when else ""  # type: ignore[union-attr]
            if (action, point, w.actor or "") in once and point:
                continue  # two dates of one sentence that resolve to the same day ("1979, 20 years after")
            once.add((action, point, w.actor or ""))
            claims.setdefault(c.id, c)
    return sorted(claims.values(), key=lambda c: (c.span.start, c.id))


_Made = tuple[int, str, Claim, "_Who"]  # (date index or -1, action, claim, participants)


def _dated_events(doc: Document, s: int, e: int, trigs: list[_Trigger], dates: list[_Dated],
                  clauses: list[tuple[int, int]], people: Sequence[PersonMention],
                  assigned: dict[int, tuple[int, bool]]) -> list[_Made]:
    """The events of a sentence that has dates: each trigger with its date (``assigned``, from
    :func:`_assign`), then the items of a list of dates or people that no trigger took."""
    text = doc.text
    made: list[_Made] = []
    per_date: dict[int, list[int]] = {}
    for ti, (di, _) in assigned.items():
        per_date.setdefault(di, []).append(ti)
    for di, tis in sorted(per_date.items()):
        # A statement next to a real event ("said ... visited") reports that event, and a
        # participle beside a finite verb ("visited ..., expressing hope of elevating ties")
        # tells an aim or a background, not a second event.
        if any(trigs[i].action != "statement" for i in tis):
            tis = [i for i in tis if trigs[i].action != "statement"]
        finite = {trigs[i].action for i in tis if not _participle(doc.text, trigs[i])}
        if finite:
            tis = [i for i in tis if not _participle(doc.text, trigs[i]) or trigs[i].action in finite]
        seen_actions: set[str] = set()
        for ti in sorted(tis, key=lambda i: abs(trigs[i].start - dates[di].start)):
            t = trigs[ti]
            if t.action in seen_actions:
                continue
            direct = assigned[ti][1]
            ca, cb = next(((a, b) for a, b in clauses if a <= t.start <= b), (s, e))
            who = _who(doc, people, t, ca, cb)
            if not direct and who.actor is None:
                continue
            if t.plural and who.actor_kind != "person":
                continue
            if who.actor is None and t.action not in _UNSTAFFED:
                continue  # nobody does it: "a late red card", "the attack"
            if t.action == "statement" and dates[di].value.granularity != "day":
                continue  # a year near "said" dates what is said, not the saying
            seen_actions.add(t.action)
            made.append((di, t.action, _claim(doc, s, e, t, dates[di], who, (ca, cb)), who))
    # Dates of a list that no trigger took inherit the nearest trigger before them.
    used = {x[0] for x in made} | set(per_date)
    for di, d in enumerate(dates):
        if di in used:
            continue
        prev = [t for t in trigs if t.end <= d.start]
        if not prev:
            continue
        t = prev[-1]
        lo = max([x.end for x in dates if x.end <= d.start] + [s])
        gap = text[lo:d.start]
        listed = lo > s and re.fullmatch(r"\s*(?:,|and|, and|or|, or)\s*(?:in|on)?\s*", gap) is not None
        named = any(lo <= m.start < d.start and m.how != "pronoun" for m in people)
        if not (listed or named) or lo <= t.start:
            continue  # only the items of a list of dates or of people take the trigger
        who = _who(doc, people, _Trigger(d.start, d.start, t.action, t.quoted), lo, d.start)
        if who.actor_kind != "person":
            base = next((w for _, a, _c, w in made if a == t.action), None)
            if base is None:
                continue
            who = base
        made.append((di, t.action, _claim(doc, s, e, t, d, who), who))
    return made


def _undated_events(doc: Document, s: int, e: int, trigs: list[_Trigger], clauses: list[tuple[int, int]],
                    people: Sequence[PersonMention]) -> list[_Made]:
    """The events of a sentence without a date: only those a named person plainly does."""
    made: list[_Made] = []
    seen: set[tuple[str, str]] = set()
    for t in trigs:
        if t.action not in _NEEDS_PERSON_UNDATED or t.plural or t.anaphoric:
            continue
        ca, cb = next(((a, b) for a, b in clauses if a <= t.start <= b), (s, e))
        agent = _agent(doc.text, people, trigs, t, ca, cb)
        if agent is None:
            continue
        who = _who(doc, people, t, ca, cb)
        if who.actor != agent.name or (t.action, fold(agent.name)) in seen:
            continue
        seen.add((t.action, fold(agent.name)))
        made.append((-1, t.action, _claim(doc, s, e, t, None, who), who))
    return made


def _agent(text: str, people: Sequence[PersonMention], trigs: Sequence[_Trigger], t: _Trigger,
           a: int, b: int) -> PersonMention | None:
    """The named person who plainly does ``t`` in ``[a, b)``: the subject before it with no other trigger
    in between, or the person introduced by "by"/"between" right after it. Undated events need one.
    ``people`` is sorted by start."""
    window = people[bisect.bisect_left(people, a, key=_start) : bisect.bisect_left(people, b, key=_start)]
    here = [m for m in window if m.how != "pronoun"]
    before = [m for m in here if m.end <= t.start]
    if before:
        m = before[-1]
        if not any(m.end <= o.start < t.start for o in trigs if o is not t):
            return m
    for m in here:
        gap = text[t.end : m.start].split()
        if m.start >= t.end and len(gap) <= 3 and gap[-1:] in (["by"], ["between"]):
            return m
    return None


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    from .people import countries

    return frozenset(fold(c) for c in set(countries().table.values()))


def _claim(doc: Document, s: int, e: int, t: _Trigger, d: _Dated | None, who: _Who,
           clause: tuple[int, int] | None = None) -> Claim:
    """The claim of one event; its ``span`` covers the trigger and its date."""
    a, b = t.start, t.end
    if d is not None and ";" not in doc.text[min(t.start, d.start) : max(t.end, d.end)]:
        a, b = min(a, d.start), max(b, d.end)
    if a == b:
        a, b = (d.start, d.end) if d is not None else (t.start, t.end)
    value = EventValue(action=t.action, actor=who.actor, target=who.target, place=who.place,
                       when=d.value if d else None)
    parts = who.terms()
    if clause is not None and t.action in _RELATIONS:
        # relations are between the countries of the clause, whoever the sentence makes act
        parts |= {f"country:{_pkey(c)}" for _, _, c in doc_countries(doc, *clause)}
    return Claim(
        id=f"{doc.id}#event@{a}-{b}:{t.action}",
        kind="event",
        span=Span(doc.id, a, b),
        sentence=Span(doc.id, s, e),
        value=value,
        subject=_pkey(who.actor) if who.actor else "",
        measure=t.action,
        terms=tuple(sorted(parts)),
        qualifiers=Qualifiers(time_scope=d.value if d else None, place=who.place),
    )


def _pkey(name: str) -> str:
    return fold(name).replace("-", " ").strip()


# ---------------------------------------------------------------------------------------------
# Alignment


def _family(action: str) -> str:
    return _FAMILY.get(action, action)


def _overlap(a: TimeValue, b: TimeValue) -> bool:
    return a.low < b.high and b.low < a.high


def _gap_days(a: TimeValue, b: TimeValue) -> int:
    """Days between the first days of two dates (0 when they overlap)."""
    from datetime import date

    if _overlap(a, b):
        return 0
    return abs((date.fromisoformat(b.low) - date.fromisoformat(a.low)).days)


def _people_of(c: Claim) -> set[str]:
    return {t.split(":", 1)[1] for t in c.terms if t.startswith("person:")}


def _acting_person(c: Claim) -> str | None:
    actor = c.value.actor  # type: ignore[union-attr]
    return _pkey(actor) if actor and f"person:{_pkey(actor)}" in c.terms else None


def _same_person(a: str, b: str) -> bool:
    """Same folded name, or same surname with the same first name or one name shorter ("George Bush")."""
    wa, wb = a.split(), b.split()
    return a == b or (wa[-1] == wb[-1] and (wa[0] == wb[0] or len(wa) != len(wb)))


def _participants_match(a: Claim, b: Claim, *, strict: bool) -> bool:
    """Whether two claims are about the same participants.

    When both name a person who acts, it must be the same person (or the same pair in another order).
    When one names an acting person and the other only countries, they must share a participant, and
    ``strict`` (used for dates that disagree) refuses them. When neither does, sharing a participant is
    enough, or (unless ``strict``) one of them having none at all ("the two countries").
    """
    actor_a, actor_b = _acting_person(a), _acting_person(b)
    ta, tb = set(a.terms), set(b.terms)
    if actor_a and actor_b:
        if _same_person(actor_a, actor_b):
            return True
        pa, pb = _people_of(a), _people_of(b)
        return any(_same_person(actor_a, p) for p in pb) and any(_same_person(actor_b, p) for p in pa)
    if actor_a or actor_b:
        return not strict and bool(ta & tb)
    if strict:
        return bool(ta) and ta == tb
    return not ta or not tb or bool(ta & tb)


def align_events(claims: Sequence[Claim], docs: Sequence[Document], *,
                 options: EventOptions | None = None) -> list[Fact]:
    """Judged facts over event claims, sorted by fact id: one per event across documents.

    Claims of one action family (an upgrade counts as an agreement) with matching participants and
    overlapping dates are one event: ``agree`` when the dates are the same, ``compatible`` when one is a
    finer date inside another. Two dates of one event within ``conflict_days`` of each other, from
    sources that each give one date, are a ``conflict``. An undated claim joins the one dated event it
    matches (it adds a source, never a date).
    """
    opts = options or EventOptions()
    items = sorted((c for c in claims if c.kind == "event" and isinstance(c.value, EventValue)),
                   key=lambda c: (c.doc_id, c.span.start, c.id))
    if not items:
        return []
    # Claims with one signature are one event for every rule below, so the rules compare distinct
    # signatures only: a story of hundreds of reports of the same few events stays cheap.
    sigs: dict[tuple, list[Claim]] = {}
    for c in items:
        sigs.setdefault(_signature(c), []).append(c)
    dated_sigs = sorted(k for k in sigs if k[1])
    undated_sigs = sorted(k for k in sigs if not k[1])
    reps = [sigs[k][0] for k in dated_sigs]
    docs_of = [{c.doc_id for c in sigs[k]} for k in dated_sigs]
    one_sentence = [len({(c.doc_id, c.sentence) for c in sigs[k]}) == 1 for k in dated_sigs]
    parent = list(range(len(reps)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        x, y = find(i), find(j)
        if x != y:
            parent[max(x, y)] = min(x, y)

    blocks: dict[str, list[int]] = {}
    reps_of_doc: dict[str, list[int]] = {}
    for i, c in enumerate(reps):
        blocks.setdefault(_family(c.value.action), []).append(i)  # type: ignore[union-attr]
        for d in docs_of[i]:
            reps_of_doc.setdefault(d, []).append(i)
    for idx in blocks.values():
        for i, j in _near_pairs(reps, idx, 0):
            a, b = reps[i], reps[j]
            if not _overlap(a.value.when, b.value.when):  # type: ignore[union-attr]
                continue
            if one_sentence[i] and one_sentence[j] and a.doc_id == b.doc_id and a.sentence == b.sentence:
                continue  # two events of one sentence ("X in 2006, Y in 2006") stay two
            if _participants_match(a, b, strict=False):
                join(i, j)
    # Conflicting dates: the same participants, one date per source, near enough to be one event.
    for idx in blocks.values():
        for i, j in _near_pairs(reps, idx, opts.conflict_days):
            a, b = reps[i], reps[j]
            wa, wb = a.value.when, b.value.when  # type: ignore[union-attr]
            if docs_of[i] & docs_of[j] or find(i) == find(j):
                continue
            if _overlap(wa, wb) or _gap_days(wa, wb) > opts.conflict_days:
                continue
            if not _participants_match(a, b, strict=True):
                continue
            if _also_at(reps, reps_of_doc, docs_of[i], i, b) or _also_at(reps, reps_of_doc, docs_of[j], j, a):
                continue
            join(i, j)
    group_reps: dict[int, list[int]] = {}
    for i in range(len(reps)):
        group_reps.setdefault(find(i), []).append(i)
    dated_groups = [[c for i in rs for c in sigs[dated_sigs[i]]] for rs in group_reps.values()]
    rep_lists = list(group_reps.values())
    group_of = {i: n for n, rs in enumerate(rep_lists) for i in rs}
    loose: list[list[Claim]] = []
    for k in undated_sigs:
        probe = sigs[k][0]
        fam = k[0]
        # the one dated event these participants can only be (strict match), if there is one
        fits = sorted({group_of[i] for i in blocks.get(fam, [])
                       if _participants_match(reps[i], probe, strict=True)})
        for c in sigs[k]:
            # An undated mention most likely refers to the closest dated one of its own document
            # ("On March 21 a delegation began its visit. The visit, led by ...").
            own = [(min(abs(x.span.start - c.span.start) for x in sigs[dated_sigs[i]] if x.doc_id == c.doc_id),
                    group_of[i])
                   for i in reps_of_doc.get(c.doc_id, ())
                   if _family(reps[i].value.action) == fam  # type: ignore[union-attr]
                   and _participants_match(reps[i], c, strict=False)]
            if own:
                dated_groups[min(own)[1]].append(c)
            elif len(fits) == 1:
                dated_groups[fits[0]].append(c)
            else:
                home = next((g for g in loose if _family(g[0].value.action) == fam  # type: ignore[union-attr]
                             and _participants_match(g[0], c, strict=True)), None)
                if home is not None:
                    home.append(c)
                else:
                    loose.append([c])
    facts = [_judge_event(g, opts) for g in dated_groups + loose]
    facts.sort(key=lambda f: f.id)
    return facts


def _near_pairs(reps: list[Claim], idx: list[int], slack_days: int) -> list[tuple[int, int]]:
    """Pairs of ``idx`` whose dates overlap or start within ``slack_days`` of each other, found by a
    sweep over the dates sorted by first day rather than by comparing all pairs."""
    from datetime import date, timedelta

    order = sorted(idx, key=lambda i: (reps[i].value.when.low, i))  # type: ignore[union-attr]
    out: list[tuple[int, int]] = []
    for x, i in enumerate(order):
        w = reps[i].value.when  # type: ignore[union-attr]
        reach = max(w.high, (date.fromisoformat(w.low) + timedelta(days=slack_days + 1)).isoformat())
        for j in order[x + 1 :]:
            if reps[j].value.when.low >= reach:  # type: ignore[union-attr]
                break
            out.append((min(i, j), max(i, j)))
    return sorted(out)


def _signature(c: Claim) -> tuple:
    """What the alignment rules look at in a claim: action family, date, participants, acting person."""
    ev = c.value
    w = ev.when  # type: ignore[union-attr]
    when = (w.low, w.high, w.point) if w else ("", "", "")
    return (_family(ev.action), *when, c.terms, _acting_person(c) or "")  # type: ignore[union-attr]


def _also_at(reps: list[Claim], reps_of_doc: dict[str, list[int]], docs: set[str], own: int, other: Claim) -> bool:
    """Whether a document of ``docs`` also reports the event at ``other``'s date (two occurrences)."""
    for d in docs:
        for r in reps_of_doc.get(d, ()):
            if r != own and _overlap(reps[r].value.when, other.value.when) \
                    and _participants_match(reps[r], other, strict=True):  # type: ignore[union-attr]
                return True
    return False


def consensus_date(claims: Sequence[Claim]) -> TimeValue | None:
    """The date of an event as its sources give it: the finest date that at least two sources state or
    refine (a source saying "May 4, 2011" supports "May 2011"), else the finest date of the earliest
    source. Returns None when no claim has a date."""
    dated = [c for c in claims if isinstance(c.value, EventValue) and c.value.when is not None]
    if not dated:
        return None
    cands = {c.value.when.point: c.value.when for c in dated}  # type: ignore[union-attr]
    order = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 4, "half": 5, "year": 6, "decade": 7}

    def support(v: TimeValue) -> int:
        inside = (c for c in dated if v.low <= c.value.when.low and c.value.when.high <= v.high)  # type: ignore[union-attr]
        return len({c.doc_id for c in inside})

    ranked = sorted(cands.values(), key=lambda v: (support(v) < 2, order.get(v.granularity, 9), v.low, v.point))
    best = ranked[0]
    if support(best) >= 2:
        return best
    first = min(dated, key=lambda c: (c.doc_id, c.span.start))
    return first.value.when  # type: ignore[union-attr]


def _most(values: list[str | None]) -> str | None:
    vals = [v for v in values if v]
    if not vals:
        return None
    counts: dict[str, int] = {}
    for v in vals:
        counts[_pkey(v)] = counts.get(_pkey(v), 0) + 1
    key = min(counts, key=lambda k: (-counts[k], k))
    return next(v for v in vals if _pkey(v) == key)


def event_label(action: str, actor: str | None, target: str | None, place: str | None) -> str:
    """A readable name of an event: "visit: Jane Roe → Chile", "normalisation: Chile – United States"."""
    if actor and target:
        sep = " → " if action in ("visit", "handover", "sale", "attack") else " – "
        text = f"{action}: {actor}{sep}{target}"
    elif actor:
        text = f"{action}: {actor}"
    else:
        text = action
    if place and place not in (target, actor):
        text += f" (in {place})"
    return text


def _first_clash(dated: list[Claim], both: set[str]) -> tuple[Claim, Claim] | None:
    """The first pair (in the order of ``dated``) of claims of two documents, neither in ``both``, whose
    dates cannot be one; compared through the distinct dates, so a fact of many sources stays cheap."""
    at: dict = {}
    for j, c in enumerate(dated):
        if c.doc_id not in both:
            at.setdefault(c.value.when, []).append(j)  # type: ignore[union-attr]
    best: tuple[int, int] | None = None
    for i, a in enumerate(dated):
        if a.doc_id in both or (best is not None and i >= best[0]):
            continue
        for w, js in at.items():
            if _overlap(a.value.when, w):  # type: ignore[union-attr]
                continue
            for j in js[bisect.bisect_right(js, i):]:
                if dated[j].doc_id != a.doc_id:
                    if best is None or (i, j) < best:
                        best = (i, j)
                    break
    return (dated[best[0]], dated[best[1]]) if best is not None else None


def _judge_event(group: list[Claim], opts: EventOptions) -> Fact:
    group = sorted(group, key=lambda c: (c.doc_id, c.span.start))
    fid = stable_id("event", [c.id for c in group])
    evs = [c.value for c in group]
    actions = [e.action for e in evs]  # type: ignore[union-attr]
    action = min(set(actions), key=lambda a: (-actions.count(a), ACTIONS.index(a) if a in ACTIONS else 99, a))
    actor = _most([e.actor for e in evs])  # type: ignore[union-attr]
    target = _most([e.target for e in evs  # type: ignore[union-attr]
                    if e.target and (not actor or _pkey(e.target) != _pkey(actor))])
    place = _most([e.place for e in evs])  # type: ignore[union-attr]
    when = consensus_date(group)
    label = event_label(action, actor, target, place)
    doc_ids = sorted({c.doc_id for c in group})
    dated = [c for c in group if c.value.when is not None]  # type: ignore[union-attr]
    undated_docs = sorted({c.doc_id for c in group} - {c.doc_id for c in dated})
    by_date: dict[str, set[str]] = {}
    for c in dated:
        by_date.setdefault(c.value.when.point, set()).add(c.doc_id)  # type: ignore[union-attr]
    stated = "; ".join(f"{join_docs(sorted(ds))} {'give' if len(ds) > 1 else 'gives'} {p}"
                       for p, ds in sorted(by_date.items()))
    tail = f" {join_docs(undated_docs)} {'report' if len(undated_docs) > 1 else 'reports'} it without a date." \
        if undated_docs and dated else ""
    consensus = EventValue(action=action, actor=actor, target=target, place=place, when=when)
    if len(doc_ids) == 1:
        when_txt = f" ({stated.split(' gives ')[-1]})" if dated else " (no date)"
        return Fact(fid, label, "event", "single-source", f"Only {doc_ids[0]} reports {label}{when_txt}.",
                    tuple(group), consensus)
    whens = [c.value.when for c in dated]  # type: ignore[union-attr]
    # Sources disagree only when neither also gives the other's date; a source giving both dates tells
    # two steps or two occurrences that the alignment put together.
    own: dict[str, set] = {}
    for c in dated:
        own.setdefault(c.doc_id, set()).add(c.value.when)  # type: ignore[union-attr]
    both = {d for d, ws in own.items() if any(not _overlap(x, y) for x in ws for y in ws)}
    distinct = sorted(set(whens), key=lambda w: (w.low, w.high, w.point))
    apart = any(not _overlap(x, y) for i, x in enumerate(distinct) for y in distinct[i + 1:])
    clash = _first_clash(dated, both) if apart else None
    if clash is None and len(by_date) > 1 and apart:
        text = (f"{label}: {stated}; {join_docs(sorted(both))} "
                f"{'give' if len(both) > 1 else 'gives'} several dates, so these may be several steps "
                f"or occurrences rather than one date in dispute.{tail}")
        return Fact(fid, label, "event", "divergent", text, tuple(group), None)
    if clash is not None:
        a, b = clash
        pa, pb = a.value.when.point, b.value.when.point  # type: ignore[union-attr]
        text = f"{label}: {stated}; {pa} and {pb} cannot both be the date of one event.{tail}"
        return Fact(fid, label, "event", "conflict", text, tuple(group), None, score=float(len(doc_ids)))
    if len(by_date) <= 1:
        dated_docs = sorted({c.doc_id for c in dated})
        if len(dated_docs) > 1:
            text = f"{join_docs(dated_docs)} agree on {label} ({whens[0].point}).{tail}"
        elif dated_docs:
            text = (f"{dated_docs[0]} dates {label} {whens[0].point};{tail.rstrip('.')}, "
                    "which does not contradict it.")
        else:
            text = f"{join_docs(doc_ids)} report {label}, none with a date."
        return Fact(fid, label, "event", "agree", text, tuple(group), consensus)
    text = (f"{label}: {stated}; the dates nest (a finer date inside a broader one), so they agree at "
            f"{when.point if when else 'the broader date'}.{tail}")
    return Fact(fid, label, "event", "compatible", text, tuple(group), consensus)
