"""The resolve stage: give every document a date, and re-anchor claims that depend on it.

This module owns the document date when metadata does not declare one. It never changes a declared
date. For the others it looks, in order, for:

1. **extracted** evidence in the text: a dateline ("HANOI, March 23 -") or the date of the report itself
   ("said at a press conference on March 23"); a date without a year takes the year that the text's own
   arithmetic gives (below) or, failing that, the latest year it reports;
2. **inferred** evidence: anniversary arithmetic ("the 10th anniversary of" something the story dates to
   2013 -> 2023), full-year figures ("in 2022, trade hit ..." is written in 2023 or later), sibling
   documents of the same story (a figure that a dated sibling gives "in 2022" and this document gives
   for "last year" -> 2023; an event that a dated sibling dates and this document reports as done),
   and the latest dated event the document itself reports.

``Published.why`` says which evidence was used, in a few words. Claims are then re-anchored by
:func:`resolve_claims`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from consilience.clean import LATEST_NAMED_WHY
from consilience.english import plural
from consilience.extract.claims import document_times
from consilience.model import Claim, Document, Published, Quantity

__all__ = ["date_documents", "resolve_claims", "document_evidence"]

_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "fifteenth": 15, "twentieth": 20, "twenty-fifth": 25, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "seventy-fifth": 75, "hundredth": 100,
}
_ANNIV = re.compile(
    r"\b(?P<n>\d{1,3}(?:st|nd|rd|th)|" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + r")\s+anniversary\s+of\s+"
    r"(?P<what>[^.;:!?\n]{3,120})",
    re.IGNORECASE,
)
_REPORT_VERB = re.compile(
    r"\b(?:said|says|told|announced|stated|added|noted|confirmed|declared|reported|wrote|briefing|press\s+conference"
    r"|news\s+conference|statement|interview)\b",
    re.IGNORECASE,
)
_DATELINE = re.compile(r"^\s*(?:[A-ZÀ-Ỹ][\w.'’ -]{1,40}?,?\s+)?(?P<d>\S.{2,30}?)\s*(?:\(\w[\w ]*\)\s*)?[-—–:]\s")
_CONTENT = re.compile(r"[A-Za-zÀ-ỹ][\w'’-]+")
_WEAK = frozenset(
    "the and of to in on at for from with by as is are was were be been has have had will would that which this their "
    "his her its they he she it two both also said says year years month day days today new first last next more than "
    "after before during since between into over under about".split()
)


@lru_cache(maxsize=1 << 15)
def _content_words(text: str) -> frozenset[str]:
    """Folded content words of a sentence; cached, since sibling evidence reads every sentence often."""
    from consilience.reuse.sentences import ascii_text

    # transliterated and lower-cased in bulk ("Nẵng" -> "nang"), not word by word
    words = {w.strip("'-") for w in _CONTENT.findall(ascii_text(text).lower())}
    return frozenset(w for w in words if len(w) > 2 and w not in _WEAK)


def _ordinal(s: str) -> int | None:
    s = s.lower()
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", s)
    if m:
        return int(m.group(1))
    return _ORDINALS.get(s)


def _sentences(doc: Document) -> list[tuple[int, int]]:
    from consilience.extract.claims import sentence_spans

    return [(s.start, s.end) for s in sentence_spans(doc)]


def _year_of_event(what: str, docs: Sequence[Document], own: Document) -> tuple[int, str] | None:
    """The year the story gives for "what" (an anniversary's subject): a sentence sharing its key words
    and naming an absolute year; the earliest such year, found first in ``own``, then in ``docs`` order.
    Returns (year, doc id)."""
    head = re.split(r",|\b(?:between|with|and|in\s+which|which|that|who|on|at|in)\b", what)[0]
    key = _content_words(head) - {"establishment", "founding", "signing", "anniversary", "celebrate", "occasion", "their", "our", "its"}
    if not key:
        return None
    # Every document's earliest year for these key words, computed once per story: rewrites of one
    # story ask the same question, and scanning every sentence per asking document is quadratic.
    story = tuple((d.id, len(d.text)) for d in docs)
    memo_key = (story, key)
    years = _EVENT_YEARS.get(memo_key)
    if years is None:
        if len(_EVENT_YEARS) > 256:
            _EVENT_YEARS.clear()
        years = _EVENT_YEARS[memo_key] = {d.id: _doc_event_year(d, key) for d in docs}
    if own.id not in years:
        years[own.id] = _doc_event_year(own, key)
    found = [y for y in years.values() if y is not None]
    if not found:
        return None
    first = min(found)
    if years[own.id] == first:
        return first, own.id
    return first, next(d.id for d in docs if d.id != own.id and years.get(d.id) == first)


_EVENT_YEARS: dict[tuple, dict[str, int | None]] = {}


def _doc_event_year(d: Document, key: frozenset[str]) -> int | None:
    """The earliest year one document gives next to the key words of an event, or None."""
    from consilience.extract.lexicon import fold_same_length
    from consilience.extract.times import find_times

    if d.skipped or not d.text:
        return None
    need = min(2, len(key))
    best: int | None = None
    for s, e in _sentences(d):
        sent = d.text[s:e]
        if "anniversary" in sent.lower():
            continue
        if len(key & _content_words(sent)) < need:
            continue
        # where the key words sit in the sentence: the date nearest to them is the event's
        folded = fold_same_length(sent).lower()
        spots = [m.start() for k in key for m in re.finditer(re.escape(k), folded)]
        if not spots:
            continue
        near = None
        for t in find_times(sent):
            if t.value is not None and not t.relative and t.value.granularity in ("year", "month", "day"):
                dist = min(abs(t.start - p) for p in spots)
                if near is None or dist < near[0]:
                    near = (dist, int(t.value.point[:4]))
        if near is not None and (best is None or near[1] < best):
            best = near[1]
    return best


def _with_title(doc: Document) -> tuple[str, int]:
    """The text evidence is read from: the title (when the text does not repeat it) and the text; and
    where the text starts in it."""
    text = ((doc.title + "\n") if doc.title and doc.title not in doc.text[:400] else "") + doc.text
    return text, len(text) - len(doc.text)


def _times_with_title(doc: Document, text: str, offset: int) -> list:
    """The time expressions of :func:`_with_title`'s text: the title's, then the document's sentences'."""
    from consilience.extract.times import find_times

    return (find_times(text[:offset]) if offset else []) + [
        replace(t, start=t.start + offset, end=t.end + offset) for t in document_times(doc)]


def document_evidence(doc: Document, docs: Sequence[Document] = ()) -> Published:
    """The date the document's own text (and, for anniversaries, its siblings' text) gives, with why.

    Returns ``Published(how="unknown")`` when there is no evidence.
    """
    from consilience.extract.times import find_times

    text, offset = _with_title(doc)
    # 1. the year from anniversary arithmetic
    anniv_year = None
    anniv_why = ""
    for m in _ANNIV.finditer(text):
        n = _ordinal(m.group("n"))
        if not n:
            continue
        inline = [t for t in find_times(m.group("what")) if t.value is not None and not t.relative]
        found = (int(inline[0].value.point[:4]), doc.id) if inline else _year_of_event(m.group("what"), docs, doc)
        if found:
            anniv_year = found[0] + n
            src = "" if found[1] == doc.id else f" (dated by {found[1]})"
            anniv_why = f"{m.group('n')} anniversary of an event of {found[0]}{src}"
            break
    times = _times_with_title(doc, text, offset)
    # 2. full-year figures: "in 2022, trade hit ..." is written after 2022
    years = [t for t in times if t.value is not None and not t.relative and t.value.granularity == "year"]
    # the latest year the text reports; not a year it looks ahead to ("close its last plant by 2040")
    latest_year = max((int(t.value.point[:4]) for t in times if t.value is not None and not t.relative
                       and t.value.granularity in ("year", "month", "day") and not _ahead(text, t.start)
                       and not _SINCE_BEFORE.search(text, max(0, t.start - 12), t.start)),
                      default=None)
    figure_year = None
    for t in years:
        if _ahead(text, t.start):
            continue  # a target year ("by 2040") reports nothing done
        y = int(t.value.point)
        window = text[max(0, t.start - 120):t.end + 120]
        if re.search(r"\d[\d,.]*\s*(?:%|percent|billion|million|trillion)|\$\s?\d", window) and re.search(
                r"\b(?:was|were|hit|reached|rose|fell|grew|totall?ed|stood|amounted|surpass\w*|exceed\w*|topped)\b", window):
            figure_year = max(figure_year or y + 1, y + 1)
    year = anniv_year
    why_year = anniv_why
    if year is None and figure_year is not None and (latest_year is None or figure_year >= latest_year):
        year, why_year = figure_year, f"full-year figures for {figure_year - 1}"
    # 3. a dateline or the report's own date
    md = _day_without_year(text, offset, times)
    if md is not None:
        t, kind = md
        if year is None and latest_year is not None:
            year, why_year = latest_year, f"{_LATEST_YEAR_WHY} ({latest_year})"
        if year is not None:
            dated = find_times(t.text, anchor=f"{year:04d}")
            if dated and dated[0].value is not None:
                v = dated[0].value
                # the anchor was a bare year: take the day as written in that year
                day = f"{year:04d}{v.low[4:10]}"
                return Published(date=day, how="extracted", why=f"{kind} {t.text!r}; year from {why_year}")
    if year is not None:
        return Published(date=f"{year:04d}", how="inferred", why=why_year)
    return Published()


_AHEAD = re.compile(r"\b(?:by|until|till|will|would|plans?|planned|aims?|aiming|targets?|goal|expects?|expected|"
                    r"scheduled|forecasts?|projected|should|due)\b[^.;\n]{0,60}$", re.IGNORECASE)


#: A date right after these words is the base a change is measured from, which lies behind the sentence
#: even when the sentence looks ahead: "will cut shipments by 30 percent from 2017 levels".
_BASE_BEFORE = re.compile(r"\b(?:from|since|than|compared\s+(?:with|to)|versus|vs\.?)\s+(?:the\s+|its\s+|their\s+)?$",
                          re.IGNORECASE)


#: "the strongest since 2015": a year the report looks back to, so not the year it was written in.
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)


def _ahead(text: str, pos: int) -> bool:
    """Whether the date at ``pos`` is one its sentence looks ahead to (a plan, a target, a deadline)."""
    if _BASE_BEFORE.search(text, max(0, pos - 20), pos):
        return False
    s0 = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
    return bool(_AHEAD.search(text, max(s0, pos - 80), pos))


def _day_without_year(text: str, offset: int, times) -> tuple | None:
    """The report's own month and day when the text gives them without a year: a dateline ("LIMA,
    Feb. 3 (Agency) -", "RYBNIK, Poland, Oct. 16 (Agency) -") or the day of the reporting ("officials said on March 23"). ``(mention, kind)``."""
    from consilience.extract.times import find_times

    head = text[offset:offset + 300]
    for t in find_times(head):
        if t.value is None and t.relative and re.fullmatch(r"[A-Z][a-z]+\.?\s+\d{1,2}", t.text):
            tail = head[t.end:t.end + 50]  # room for an agency in brackets: "Feb. 3 (Pan-African Wire) -"
            if re.match(r"\s*(?:\(\w[\w .,'’&-]*\)\s*)?[-—–:]", tail) and re.search(
                    r"(?:^|\n)\s*(?:[A-ZÀ-Ỹ][\w.'’ -]{1,40},\s*){0,2}$", head[:t.start]):
                return t, "dateline"
    # a header line that ends with the day: "Radio Ketani - evening news, Friday 9 August"
    line_end = head.find("\n")
    first = head[:line_end if line_end >= 0 else len(head)]
    for t in find_times(first):
        if (t.value is None and t.relative and t.end >= len(first.rstrip()) - 1
                and re.fullmatch(r"(?:[A-Z][a-z]+,?\s+)?(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2})", t.text)
                and re.search(r"[-—–,|]\s*(?:[A-Z][a-z]+,?\s+)?$", first[:t.start])):
            return t, "header"
    for t in (times() if callable(times) else times):
        if t.value is None and t.relative and re.fullmatch(r"(?:[A-Z][a-z]+,?\s+)?[A-Z][a-z]+\.?\s+\d{1,2}", t.text):
            s0 = max(text.rfind(". ", 0, t.start), text.rfind("\n", 0, t.start)) + 1
            verb = _last_report_verb(text, s0, t.start)
            if (verb is not None and _REPORTING_GAP.match(text[verb:t.start])
                    and not re.search(r"\b(?:will|until|till)\b", text[s0:t.start])):
                return t, "the report's own date"
    return None


#: What may stand between a reporting verb and the day of the reporting: whom it was said to and where
#: ("said on March 23", "told reporters in Hanoi on March 23", "said on Friday, March 23", "said on Thursday
#: (Jul 28)").
#: An object between them ("announced the tariffs on March 8") makes the day the object's, not the report's.
_NAME_WORDS = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_REPORTING_GAP = re.compile(
    r"(?:\s+(?:reporters|journalists|the\s+press|lawmakers|" + _NAME_WORDS + r"))?"
    r"(?:\s+(?:in|at)\s+(?:" + _NAME_WORDS + r"|(?:a|an|the)\s+\w+(?:\s+\w+)?))?"
    r"\s*,?\s*(?:(?:late|early)\s+)?(?:on\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*(?:,\s*|\(\s*))?$"
)


def _last_report_verb(text: str, start: int, end: int) -> int | None:
    """Where the last reporting verb of ``text[start:end]`` ends, or None."""
    found = None
    for m in _REPORT_VERB.finditer(text, start, end):
        found = m.end()
    return found


#: How far from the story's dated reports a year-less dateline may be put (days).
_STORY_SPAN_DAYS = 62


def _day_from_siblings(doc: Document, docs: Sequence[Document], *, weak: bool = False) -> Published | None:
    """A year-less dateline or reporting day dated by the story's dated reports: the year that puts it
    nearest their median day, if within ``_STORY_SPAN_DAYS`` of it (reports of one story are days apart)."""
    from datetime import date

    from consilience.extract.times import find_times

    dated = sorted((d.published.date, d.id) for d in docs if d.id != doc.id and not d.skipped
                   and d.published.date and len(d.published.date) == 10 and d.published.how in ("declared", "extracted")
                   and not _weak_year(d.published))
    if not dated:
        return None
    text, offset = _with_title(doc)
    md = _day_without_year(text, offset, lambda: _times_with_title(doc, text, offset))
    if md is None:
        return None
    t, kind = md
    ref_day, ref_id = dated[len(dated) // 2]
    ref = date.fromisoformat(ref_day)
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        got = find_times(t.text, anchor=f"{y:04d}")
        if not got or got[0].value is None:
            continue
        day = f"{y:04d}{got[0].value.low[4:10]}"
        gap = abs((date.fromisoformat(day) - ref).days)
        if gap <= _STORY_SPAN_DAYS and (best is None or gap < best[0]):
            best = (gap, day)
    if best is None:
        return None
    if doc.published.date and doc.published.date[:4] != best[1][:4] and not weak:
        return None  # the document's own evidence names another year
    if weak and doc.published.date == best[1]:
        return None  # the siblings agree with the year already taken
    return Published(date=best[1], how="inferred",
                     why=f"{kind} {t.text!r}; year from the story's dated reports ({ref_id}, {ref_day})")


def _rel_word(shift: int) -> str:
    return {1: "last year", 0: "this year", -1: "next year"}.get(shift, f"{shift} years before")


def _specific_words(sent: str) -> set[str]:
    """Folded words that name something specific: capitalised inside the sentence, hyphenated, or with digits."""
    from consilience.extract.lexicon import fold

    out = set()
    for m in _CONTENT.finditer(sent):
        w = m.group(0)
        if "-" in w.strip("-") or any(c.isdigit() for c in w) or (w[0].isupper() and m.start() > 0):
            out.add(fold(w).strip("'’-"))
    return out


class _Story:
    """What sibling evidence needs from the whole story, each part computed once, when first asked.

    ``df``: in how many sentences each content word occurs, and ``events``: the day-dated sentences of
    the dated documents (both read by :meth:`event_date`); ``figures``: claims scoped to an absolute
    year, by (kind, unit) (read by :meth:`figure_year`). Each is linear in the story's size; a run whose
    undated documents all carry their own dateline reads nothing here.
    """

    def __init__(self, docs: Sequence[Document]) -> None:
        self._docs = [d for d in docs if not d.skipped and d.text]
        self._df: Counter[str] | None = None
        self._events: list[tuple[str, set[str], set[str], str]] = []
        self._figures: dict[tuple[str, str], list[tuple[str, Claim]]] | None = None
        self._index: dict[str, list[int]] | None = None

    @property
    def df(self) -> Counter[str]:
        if self._df is None:
            self._read_sentences()
        assert self._df is not None
        return self._df

    @property
    def events(self) -> list[tuple[str, set[str], set[str], str]]:
        if self._df is None:
            self._read_sentences()
        return self._events

    def _read_sentences(self) -> None:
        from consilience.extract.times import find_times

        self._df = Counter()
        for d in self._docs:
            dated = bool(d.published.date) and (d.published.how != "inferred" or len(d.published.date) > 4)
            for s, e in _sentences(d):
                sent = d.text[s:e]
                words = _content_words(sent)
                self._df.update(words)
                if dated and find_times(sent):
                    tms = [t for t in find_times(sent, anchor=d.published.date)
                           if t.value is not None and t.value.granularity == "day"]
                    if tms:
                        self._events.append((d.id, words, _specific_words(sent), max(t.value.low for t in tms)))

    @property
    def figures(self) -> dict[tuple[str, str], list[tuple[str, Claim]]]:
        from consilience.extract.claims import extract_claims

        if self._figures is None:
            self._figures = defaultdict(list)
            for d in self._docs:
                for c in extract_claims(d):
                    ts = c.qualifiers.time_scope
                    if (isinstance(c.value, Quantity) and ts is not None and not ts.relative
                            and ts.granularity == "year"):
                        self._figures[(c.value.kind, c.value.unit)].append((d.id, c))
        return self._figures

    def figure_year(self, doc: Document) -> tuple[int, str] | None:
        """A figure this document gives for "last year"/"this year" that a sibling gives for a year Y."""
        from consilience.extract.claims import extract_claims

        # extracted against a placeholder year, so that the offset of "last year" can be read back
        mine = [c for c in extract_claims(replace(doc, published=Published(date="2000", how="inferred")))
                if isinstance(c.value, Quantity) and c.qualifiers.time_scope is not None
                and c.qualifiers.time_scope.relative]
        if not mine:
            return None
        best = None
        for m in mine:
            mv = m.value
            for sib_id, c in self.figures.get((mv.kind, mv.unit), ()):
                cv = c.value
                if sib_id == doc.id or not (mv.low <= cv.high and cv.low <= mv.high):
                    continue
                unit_words = set(mv.unit.lower().split()) | set(plural(mv.unit.lower()).split())
                if len((set(m.terms) & set(c.terms)) - unit_words) < 2:
                    continue  # the unit's own words ("degree", "celsius") say nothing of what is measured
                shift = 2000 - int(m.qualifiers.time_scope.point[:4])
                ts = c.qualifiers.time_scope
                cand = (int(ts.point[:4]) + shift, f"a figure {sib_id} gives for {ts.point} is "
                        f"{doc.text[m.span.start:m.span.end]!r} for {_rel_word(shift)} here")
                if best is None or cand < best:
                    best = cand
        return best

    def _rare_index(self) -> dict[str, list[int]]:
        """Event indices by the rare (in at most three sentences), specific words of their sentence."""
        if self._index is None:
            self._index = {}
            for k, (_, words, specific, _) in enumerate(self.events):
                for w in words & specific:
                    if self.df[w] <= 3:
                        self._index.setdefault(w, []).append(k)
        return self._index

    def event_date(self, doc: Document) -> tuple[str, str] | None:
        """The latest day-dated event of a sibling that this document reports, undated and as done.

        Two sentences report the same event when they share at least three content words, one of them
        rare in the story (in at most three of its sentences) and hyphenated or with digits ("three-day",
        "G20"), or at least six content words, three of them rare and capitalised; so the names of the
        protagonists, which the whole story repeats, never match on their own.
        """
        from consilience.extract.times import find_times

        own = []
        for s, e in _sentences(doc):
            sent = doc.text[s:e]
            if find_times(sent):
                continue  # the sentence dates its own event
            if re.search(r"\b(?:will|would|plans?\s+to|is\s+to|are\s+to)\b", sent):
                continue
            own.append(_content_words(sent))
        # Only events sharing a rare, specific word with one of these sentences can match: the index
        # of those words keeps this linear in the story (events are still read in their order).
        index = self._rare_index()
        candidates = sorted({k for ow in own for w in ow for k in index.get(w, ())})
        best = None
        for k in candidates:
            sib_id, words, specific, low = self.events[k]
            if sib_id == doc.id:
                continue
            for ow in own:
                shared = ow & words
                if len(shared) < 3:
                    continue
                rare = sorted(w for w in shared if self.df[w] <= 3 and w in specific)
                strong = [w for w in rare if "-" in w or any(c.isdigit() for c in w)]
                if strong or len(shared) >= 6 and len(rare) >= 3:
                    if best is None or low > best[0]:
                        best = (low, f"reports the event {sib_id} dates {low} ({', '.join(rare[:3])})")
        return best


def _own_month_floor(doc: Document, date: str | None) -> str | None:
    """The latest month the document reports as past ("In April, ... visited"), in the year of ``date``."""
    if not date:
        return None
    months = [t.value.point[:7] for t in document_times(doc, anchor=date[:4])
              if t.value is not None and t.relative and t.value.granularity == "month" and t.ref is None]
    return max(months) if months else None


def date_documents(docs: Sequence[Document]) -> list[Document]:
    """The documents with ``published`` filled where it was unknown (extracted or inferred, with why).

    Declared dates, and dates an earlier stage already extracted, are kept. Order is preserved.
    """
    out = list(docs)
    pending = [i for i, d in enumerate(out) if not d.skipped and not d.published.date]
    if not pending:
        return out
    for i in pending:
        ev = document_evidence(out[i], out)
        if ev.date:
            out[i] = replace(out[i], published=ev)
    # siblings: documents dated by their own evidence (or declared) vouch for the others
    story = _Story(out)
    for i in pending:
        d = out[i]
        if d.published.how == "extracted":
            continue
        event = story.event_date(d)
        figure = story.figure_year(d)
        whys = [d.published.why] if d.published.date and d.published.why else []
        date = d.published.date
        if figure is not None:
            y, why = figure
            if date is None or int(date[:4]) < y:
                date = f"{y:04d}"
            if int(date[:4]) == y:
                whys.append(why)
        floor = _own_month_floor(d, date)
        if event is not None:
            low, why = event
            if (date is None or date[:4] <= low[:4]) and (floor is None or low[:7] >= floor):
                date = low[:7]
                whys.append(why)
        if date and (date != d.published.date or len(whys) > (1 if d.published.why else 0)):
            out[i] = replace(d, published=Published(date=date, how="inferred", why="; ".join(whys)))
    # a dateline without a year: the story's dated reports say which year it is, and they outweigh a year
    # guessed from the latest one the text names (a January report of last year's record names only last year)
    for i in pending:
        d = out[i]
        weak = _weak_year(d.published)
        if d.published.date and len(d.published.date) == 10 and not weak:
            continue
        found = _day_from_siblings(d, out, weak=weak)
        if found is not None:
            out[i] = replace(d, published=found)
    return out


def _weak_year(p: Published) -> bool:
    """Whether a date's year is only the latest year its text names (no statement of the report's own year)."""
    return bool(p.date and p.why and (_LATEST_YEAR_WHY in p.why or LATEST_NAMED_WHY in p.why))


_LATEST_YEAR_WHY = "the latest year the text names"


def resolve_claims(docs: Sequence[Document], claims: Sequence[Claim]) -> list[Claim]:
    """Claims with relative time scopes re-anchored on their document's (possibly inferred) date.

    A quantity or rank claim without a time scope whose sentence holds a relative time expression
    ("last year") was extracted before its document had a date: the document's claims are extracted
    again with the date, and replace the old ones id for id. Others pass through. Sorted by (doc id,
    span start, span end, id).
    """
    from consilience.extract.claims import extract_claims
    from consilience.extract.times import find_times

    by_id = {d.id: d for d in docs}
    stale: set[str] = set()
    for c in claims:
        doc = by_id.get(c.doc_id)
        if (doc is None or not doc.published.date or c.doc_id in stale or c.kind not in ("quantity", "rank")
                or c.qualifiers.time_scope is not None):
            continue
        sentence = doc.text[c.sentence.start:c.sentence.end]
        if any(t.relative and t.value is None and t.ref is None for t in find_times(sentence)):
            stale.add(c.doc_id)
    fresh = {doc_id: {x.id: x for x in extract_claims(by_id[doc_id])} for doc_id in sorted(stale)}
    out = [fresh[c.doc_id].get(c.id, c) if c.doc_id in fresh else c for c in claims]
    out.sort(key=lambda c: (c.span.doc_id, c.span.start, c.span.end, c.id))
    return out
