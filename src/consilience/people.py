"""People and their roles: find who is named with which title, and line the roles up across sources.

This module owns person mentions ("U.S. Secretary of State Jane Roe", "Foreign Ministry's Spokesperson
Lê Thị Mai", "former UK Ambassador to Chile – John Doe", "Tim Cook, Apple's chief executive"), the
resolution of short references inside one document ("Mai", "President Roe", "she")
and the judging of role claims across documents (``kind == "name"``). Rules and small lexicons in
``consilience/data/people_*.txt`` do the work; nothing is downloaded and no model is loaded.

It also holds the text helpers the quote and event modules share (folding, tokens, gazetteers), so the
three agree on what a name and a country are. It must not touch numbers, dates or other claim kinds.
"""

from __future__ import annotations

import hashlib
import re
from itertools import compress, count
from operator import attrgetter
from typing import NamedTuple
from collections.abc import Sequence
from bisect import bisect_left
from collections import OrderedDict
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from .extract.lexicon import NAME_LIKE_COUNTRIES
from .model import Claim, Document, Fact, NameValue, Qualifiers, Span, TimeValue

__all__ = ["PersonMention", "PeopleOptions", "find_people", "extract_people", "align_people", "fold"]


@dataclass(frozen=True, kw_only=True)
class PeopleOptions:
    """Knobs of person alignment.

    ``office_change_days``: two different holders of one post are only a plausible change of office
    (not a conflict) when the sources' dates are at least this many days apart (default: a year).
    """

    office_change_days: int = 366


@dataclass(frozen=True, slots=True)
class PersonMention:
    """A person named in a document: ``start``/``end`` cover the whole mention (title included).

    ``name`` is the full name as written (a short reference carries the full name it resolves to),
    ``key`` its folded form, ``title`` the canonical title with its modifiers ("deputy spokesperson"),
    ``core`` the canonical title alone, ``org``/``country``/``post_place`` what the title is of.
    ``how`` is "titled", "apposition", "bare" (a full name without title), "short" or "pronoun".
    """

    start: int
    end: int
    name: str
    key: str
    how: str
    title: str | None = None
    core: str | None = None
    org: str | None = None
    country: str | None = None
    post_place: str | None = None
    time_modifier: str | None = None
    name_start: int = 0
    name_end: int = 0


# ---------------------------------------------------------------------------------------------
# Shared text helpers (also used by quotes and events)

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case ASCII form of ``text``: diacritics and Vietnamese đ/Đ folded by unidecode."""
    if text.isascii():
        return text.translate(_APOSTROPHES).lower()
    from unidecode import unidecode

    return unidecode(text.translate(_APOSTROPHES)).lower()


# Tokens: dotted acronyms ("U.S."), initials ("W."), words with inner apostrophes or hyphens.
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]\.(?=\s)|\w(?:[\w'\u2019\-]*\w)?")


class Token(NamedTuple):
    """One word of a text: ``text[start:end]``; ``low`` is its folded form without a possessive.

    A named tuple rather than a frozen dataclass: documents have thousands of words, and a tuple is
    several times cheaper to build."""

    text: str
    start: int
    end: int
    low: str
    possessive: bool


#: ``token_low(t)`` is ``t.low``, callable from C (``map(token_low, toks)``).
token_low = attrgetter("low")


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of ``text[start:end]`` with offsets into ``text``; a possessive 's is noted, not kept."""
    end = len(text) if end is None else end
    n = len(text)
    out: list[Token] = []
    append = out.append
    new = tuple.__new__  # Token(...) without the named tuple's Python-level __new__: a document has thousands
    for m in _TOKEN.finditer(text, start, end):
        word = m.group()
        s, e = m.span()
        if word[-1] == "s" and len(word) > 2 and word[-2] in "'\u2019":
            word = word[:-2]  # "Lam's", "Lam\u2019s"
            e -= 2
            pos = True
        else:
            # "Affairs'": the apostrophe after a plural
            pos = e < end and text[e] in "'\u2019" and (e + 1 >= n or not text[e + 1].isalnum())
        append(new(Token, (word, s, e, word.lower() if word.isascii() else fold(word), pos)))
    return out


def _lexicon(name: str) -> list[tuple[str, list[str]]]:
    """Rows ``canonical = a | b`` of a data file (comments and blank lines skipped)."""
    text = resources.files("consilience.data").joinpath(name).read_text(encoding="utf-8")
    rows: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if "=" in line:
            head, _, rest = line.partition("=")
            forms = [f.strip() for f in rest.split("|") if f.strip()]
            rows.append((head.strip(), forms))
        else:
            rows.append((line, [line]))
    return rows


def _phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(t.low for t in tokens(phrase))


@dataclass(frozen=True, slots=True)
class _Phrasebook:
    """Multi-word phrases indexed by their folded token tuples, for longest-match lookup."""

    table: dict[tuple[str, ...], str]
    longest: int
    upper_only: frozenset[tuple[str, ...]] = frozenset()
    firsts: frozenset[str] = frozenset()
    lasts: frozenset[str] = frozenset()

    def match(self, toks: Sequence[Token], i: int) -> tuple[int, str] | None:
        """The longest phrase starting at ``toks[i]``: ``(end index, canonical)`` or None."""
        if toks[i].low not in self.firsts:
            return None
        for n in range(min(self.longest, len(toks) - i), 0, -1):
            key = tuple(t.low for t in toks[i : i + n])
            hit = self.table.get(key)
            if hit is not None:
                if key in self.upper_only and not all(t.text.replace(".", "").isupper() for t in toks[i : i + n]):
                    continue
                return i + n, hit
        return None

    def match_ending(self, toks: Sequence[Token], j: int) -> tuple[int, str] | None:
        """The longest phrase ending just before ``toks[j]``: ``(start index, canonical)`` or None."""
        if j == 0 or toks[j - 1].low not in self.lasts:
            return None
        for n in range(min(self.longest, j), 0, -1):
            key = tuple(t.low for t in toks[j - n : j])
            hit = self.table.get(key)
            if hit is not None:
                if key in self.upper_only and not all(t.text.replace(".", "").isupper() for t in toks[j - n : j]):
                    continue
                return j - n, hit
        return None


def _book(name: str, *, upper_short: bool = False) -> _Phrasebook:
    table: dict[tuple[str, ...], str] = {}
    upper: set[tuple[str, ...]] = set()
    for canonical, forms in _lexicon(name):
        for form in [canonical, *forms]:
            key = _phrase_key(form)
            if not key:
                continue
            table.setdefault(key, canonical)
            # Short all-letter forms such as "us" or "un" are only names when written in capitals.
            if upper_short and len(key) == 1 and len(key[0].replace(".", "")) <= 3:
                upper.add(key)
    return _Phrasebook(table, max((len(k) for k in table), default=1), frozenset(upper),
                       frozenset(k[0] for k in table), frozenset(k[-1] for k in table))


@lru_cache(maxsize=1)
def titles() -> _Phrasebook:
    return _book("people_titles.txt")


@lru_cache(maxsize=1)
def countries() -> _Phrasebook:
    """Country names, short forms and adjectives -> canonical country name."""
    return _book("people_countries.txt", upper_short=True)


@lru_cache(maxsize=1)
def orgs() -> _Phrasebook:
    return _book("people_orgs.txt", upper_short=True)


@lru_cache(maxsize=1)
def _modifiers() -> dict[str, str]:
    out: dict[str, str] = {}
    for kind, forms in _lexicon("people_modifiers.txt"):
        for f in forms:
            out[fold(f)] = kind
    return out


@lru_cache(maxsize=1)
def _family_first() -> frozenset[str]:
    return frozenset(c for c, _ in _lexicon("people_family_first.txt"))


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    return frozenset(c for c, _ in _lexicon("people_notnames.txt"))


_OPEN_QUOTES = "\"\u201c\u201e\u00ab"
_CLOSE_QUOTES = "\"\u201d\u00bb\u201c"
_QUOTE_OR_BREAK = re.compile("[\n\"\u201c\u201d\u201e\u00ab\u00bb]")


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the text inside double quotation marks (straight or curly), marks excluded.

    An opening mark pairs with the next closing mark of any style on the same line; a quotation left
    open at the end of a line is dropped, since its extent cannot be known.
    """
    out: list[tuple[int, int]] = []
    opened = -1
    for m in _QUOTE_OR_BREAK.finditer(text):
        ch, i = m.group(), m.start()
        if ch == "\n":
            opened = -1
        elif opened < 0 and ch in _OPEN_QUOTES:
            opened = i
        elif opened >= 0 and ch in _CLOSE_QUOTES:
            out.append((opened + 1, i))
            opened = -1
    return out


_PLACE_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]+")


def find_countries(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Countries named in ``text[start:end]`` as ``(start, end, canonical name)``; hyphenated compounds
    count ("Chile-U.S. relations" names two), adjectives too ("Chilean President")."""
    end = len(text) if end is None else end
    book = countries()
    words = list(_PLACE_TOKEN.finditer(text, start, end))
    strings = list(map(re.Match.group, words))
    # Most words start no country name, and a country is written with a capital ("turkey" and "china"
    # are other things): the distinct words that can start one are found first, and only the places
    # holding one of those are looked at.
    starters = {w for w in set(strings) if w[:1].isupper() and _low(w) in book.firsts}
    if not starters:
        return []
    out: list[tuple[int, int, str]] = []
    after = 0  # the index past the last country found: words before it are taken
    for i in compress(count(), map(starters.__contains__, strings)):
        if i < after:
            continue
        toks = [Token(m.group(), m.start(), m.end(), _low(m.group()), False) for m in words[i : i + book.longest]]
        hit = book.match(toks, 0)
        if hit is None:
            continue
        j, name = hit
        if j == 1 and toks[0].low in NAME_LIKE_COUNTRIES and i > 0 and strings[i - 1][:1].isupper() and (
                not text[words[i - 1].end():toks[0].start].strip()):
            continue  # "Michael Jordan", "Lake Chad": part of another name
        out.append((toks[0].start, toks[j - 1].end, name))
        after = i + j
    return out


def _low(word: str) -> str:
    """The folded form of one word, as :func:`tokens` gives it."""
    return word.lower() if word.isascii() else fold(word)



_MEMO: OrderedDict[tuple[str, str], dict] = OrderedDict()
_MEMO_SIZE = 1024  # about 0.1 MB a document (its tokens, people, places and times)


def _memo(doc: Document) -> dict:
    """Per-document results shared by the people, quote and event stages (tokens, people, quotations,
    dates), so each is computed once per document; the most recent documents are kept."""
    key = (doc.id, doc.text)
    hit = _MEMO.get(key)
    if hit is not None:
        _MEMO.move_to_end(key)
        return hit
    memo: dict = {}
    _MEMO[key] = memo
    if len(_MEMO) > _MEMO_SIZE:
        _MEMO.popitem(last=False)
    return memo


def doc_tokens(doc: Document) -> list[Token]:
    """The words of the whole document (see :func:`tokens`), computed once."""
    memo = _memo(doc)
    if "tokens" not in memo:
        memo["tokens"] = tokens(doc.text)
        memo["starts"] = [t.start for t in memo["tokens"]]
    return memo["tokens"]


def sentence_tokens(doc: Document, start: int, end: int) -> list[Token]:
    """The document's words that start inside ``[start, end)``."""
    toks = doc_tokens(doc)
    starts = _memo(doc)["starts"]
    return toks[bisect_left(starts, start) : bisect_left(starts, end)]


def doc_quotes(doc: Document) -> list[tuple[int, int]]:
    """:func:`quoted_regions` of the document, computed once."""
    memo = _memo(doc)
    if "quotes" not in memo:
        memo["quotes"] = quoted_regions(doc.text)
    return memo["quotes"]


def doc_countries(doc: Document, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """:func:`find_countries` of the whole document, computed once, then cut to ``[start, end)``."""
    memo = _memo(doc)
    if "countries" not in memo:
        memo["countries"] = find_countries(doc.text)
        memo["country_starts"] = [x[0] for x in memo["countries"]]
    found, starts = memo["countries"], memo["country_starts"]
    end = len(doc.text) if end is None else end
    return found[bisect_left(starts, start) : bisect_left(starts, end)]


def doc_times(doc: Document) -> list:
    """Time mentions of the whole document anchored on its date, computed once."""
    memo = _memo(doc)
    key = ("times", doc.published.date)  # the same text under another date resolves differently
    if key not in memo:
        from .extract.claims import document_times

        memo[key] = document_times(doc, anchor=doc.published.date)
    return memo[key]


def sentence_spans(doc: Document) -> list[tuple[int, int]]:
    """The document's sentences as ``(start, end)``; segments on the fly when the stage has not run."""
    if doc.sentences:
        return [(s.start, s.end) for s in doc.sentences]
    from .segment import split_sentences

    return split_sentences(doc.text)


def stable_id(prefix: str, parts: Sequence[str]) -> str:
    """``prefix-`` + 12 hex digits of a SHA-1 over ``parts`` sorted: the same set gives the same id."""
    digest = hashlib.sha1("\x1f".join(sorted(parts)).encode("utf-8")).hexdigest()[:12]
    return f"{prefix}-{digest}"


def join_docs(ids: Sequence[str]) -> str:
    """"000, 001 and 003" from document ids (sorted, without repeats)."""
    ids = sorted(set(ids))
    if len(ids) <= 1:
        return "".join(ids)
    return ", ".join(ids[:-1]) + " and " + ids[-1]


# ---------------------------------------------------------------------------------------------
# Finding people

_PARTICLES = frozenset({"de", "van", "von", "der", "bin", "al", "da", "di", "del", "la", "du", "dos", "ibn"})
_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "his": "m"}
_GAP_OK = re.compile(r"(?:['\u2019]s?)?[ \t]*$")
_NAME_LINK = re.compile(r"[\s\u2013\u2014\-,:.]*$")  # what may sit between a title and its name


def _is_name_word(tok: Token) -> bool:
    """A word that can be part of a person's name: capitalised, not a calendar or organisation word."""
    first = tok.text[0]
    if not first.isupper():
        return False
    if tok.low in _not_names():
        return False
    if tok.text.isupper() and len(tok.text) > 1 and "." not in tok.text:
        return False  # acronyms (EDA, VNS) are not names
    return True


def _starts(book: _Phrasebook, toks: Sequence[Token], j: int) -> tuple[int, str] | None:
    """``book.match`` at ``toks[j]``, skipping the call for words that start no phrase of the book."""
    return book.match(toks, j) if toks[j].low in book.firsts else None


def _read_name(toks: Sequence[Token], i: int, text: str, max_words: int = 4) -> int:
    """Index just past the name that starts at ``toks[i]`` (``i`` when there is none)."""
    j = i
    words = 0
    while j < len(toks) and words < max_words:
        t = toks[j]
        if j > i and text[toks[j - 1].end : t.start].strip():
            break  # punctuation between words ends the name
        if _is_name_word(t) and (j > i or _starts(titles(), toks, j) is None):
            if j == i and _starts(countries(), toks, j) is not None:
                break
            words += 1
            j += 1
            if t.possessive:
                break
            continue
        if j > i and t.low in _PARTICLES and j + 1 < len(toks) and _is_name_word(toks[j + 1]):
            j += 1
            continue
        break
    return j


#: Courtesy titles: part of how a person is addressed, not of the name, and no post ("Dr Grace Mwale",
#: "Mr Sunak", "Sir Keir Starmer").
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame"})


def _honorific_at(toks: Sequence[Token], i: int, text: str) -> bool:
    """Whether ``toks[i]`` is a courtesy title ("Dr", "Mr.") with a name word right after it."""
    t = toks[i]
    if t.low not in _HONORIFICS or not t.text[0].isupper() or t.text.isupper() and len(t.text) > 1:
        return False
    return i + 1 < len(toks) and text[t.end : toks[i + 1].start] in (" ", ". ", "\u00a0", ".\u00a0") \
        and _is_name_word(toks[i + 1])


def _past_honorific(toks: Sequence[Token], a: int, b: int, text: str) -> int:
    """``a``, or the index after a courtesy title that opens the name ``toks[a:b]`` and is not all of it."""
    return a + 1 if b - a >= 2 and _honorific_at(toks, a, text) else a


def _honorific(text: str, toks: list[Token], taken: list[tuple[int, int]]) -> list[PersonMention]:
    """Names after a courtesy title, which makes them a person's whatever follows: "Dr Grace Mwale" (a full
    name, ``how="bare"``), "Mr Sunak" (one word, ``how="short"``, resolved by :func:`_find_people`)."""
    out: list[PersonMention] = []
    if _HONORIFICS.isdisjoint(map(token_low, toks)):
        return out  # most sentences have no courtesy title: one test in C instead of one per word
    for i in range(len(toks) - 1):
        if not _honorific_at(toks, i, text) or any(a <= toks[i].start < b for a, b in taken):
            continue
        e = _read_name(toks, i + 1, text)
        if e == i + 1 or countries().match(toks, i + 1) is not None:
            continue
        name, key = _mention(text, toks, i + 1, e)
        out.append(PersonMention(toks[i].start, toks[e - 1].end, name, key, "bare" if e - i > 2 else "short",
                                 name_start=toks[i + 1].start, name_end=toks[e - 1].end))
    return out


def _title_before(text: str, toks: Sequence[Token],
                  i: int) -> tuple[int, str | None, str | None, list[str], str | None]:
    """Walk left from the title at ``toks[i]``: ``(first index, org, country, keep-modifiers, time-modifier)``."""
    org = country = time_mod = None
    keep: list[str] = []
    j = i
    for _ in range(6):
        if j == 0:
            break
        prev = toks[j - 1]
        if not _GAP_OK.match(text, prev.end, toks[j].start):
            break  # punctuation: the words before belong to another phrase
        kind = _modifiers().get(prev.low)
        if kind == "keep" and not prev.possessive:
            keep.insert(0, prev.low)
            j -= 1
            continue
        if kind == "time" and not prev.possessive:
            time_mod = prev.low
            j -= 1
            continue
        hit = orgs().match_ending(toks, j)
        if hit is not None and org is None:
            org = hit[1]
            j = hit[0]
            continue
        hit = countries().match_ending(toks, j)
        if hit is not None and country is None:
            country = hit[1]
            j = hit[0]
            continue
        if org is None and prev.possessive and _is_name_word(prev):
            org = prev.low  # "Apple's chief executive": a possessive name owns the post
            j -= 1
            continue
        break
    return j, org, country, keep, time_mod


def _after_title(toks: Sequence[Token], k: int) -> tuple[int, str | None, str | None]:
    """``of/to/for COUNTRY|ORG`` after a title: ``(next index, posting country/place, org)``."""
    if k < len(toks) and toks[k].low in ("to", "of", "for", "in") and k + 1 < len(toks):
        c = countries().match(toks, k + 1)
        if c is not None:
            return c[0], c[1], None
        o = orgs().match(toks, k + 1)
        if o is not None:
            return o[0], None, o[1]
    return k, None, None


def _mention(text: str, toks: Sequence[Token], a: int, b: int) -> tuple[str, str]:
    name = text[toks[a].start : toks[b - 1].end]
    return name, fold(name)


def _titled(text: str, toks: list[Token]) -> list[PersonMention]:
    """Title-first mentions ("Prime Minister Lê Văn Nam") and appositions ("X, chief executive of Y")."""
    out: list[PersonMention] = []
    book = titles()
    if book.firsts.isdisjoint(map(token_low, toks)):
        return out  # no word starts a title: one test in C instead of one per word
    i = 0
    n = len(toks)
    while i < n:
        hit = book.match(toks, i) if toks[i].low in book.firsts else None
        if hit is None:
            i += 1
            continue
        k, core = hit
        chain: list[str] = []
        while k < n and not text[toks[k - 1].end : toks[k].start].strip() and toks[k].low in book.firsts:
            more = book.match(toks, k)  # "Chief Patrol Agent": a title qualifying the next one
            if more is None:
                break
            chain.append(core)
            k, core = more
        k2, place, org_after = _after_title(toks, k)
        link = text[toks[k2 - 1].end : toks[k2].start] if k2 < n else ""
        if k2 < n and _NAME_LINK.match(link) and "," not in link:
            if _honorific_at(toks, k2, text):
                k2 += 1  # "Health Minister Dr Ana Lima": the name starts after the courtesy title
            e = _read_name(toks, k2, text)
        else:
            e = k2
        if e > k2:
            first, org, country, keep, time_mod = _title_before(text, toks, i)
            org = org or org_after
            # Capitalised words glued before a lower-case title are the organisation ("Costa Norte
            # coach", "Airbus chief executive"); a time modifier may stand before them ("former Ostrava mayor").
            if org is None and not toks[i].text.istitle():
                o = first
                while o > 0 and first - o < 3 and _is_name_word(toks[o - 1]) \
                        and not text[toks[o - 1].end : toks[o].start].strip() and not toks[o - 1].possessive:
                    o -= 1
                if o < first and (o == 0 or not toks[o - 1].text[0].isupper() or o < first - 1):
                    org = " ".join(t.low for t in toks[o:first])
                    first = o
                    if first > 0 and _modifiers().get(toks[first - 1].low) == "time":
                        time_mod = toks[first - 1].low
                        first -= 1
            title = " ".join([*keep, *chain, core])
            name, key = _mention(text, toks, k2, e)
            out.append(PersonMention(toks[first].start, toks[e - 1].end, name, key, "titled", title, core, org,
                                     country, place, time_mod, toks[k2].start, toks[e - 1].end))
            i = e
            continue
        # Apposition: "NAME, [the] [ORG's] TITLE [of ORG]" with the title written lower case.
        first, org, country, keep, time_mod = _title_before(text, toks, i)
        j = first
        if j > 0 and toks[j - 1].low in ("the", "a", "an"):
            j -= 1
        if j >= 2 and text[toks[j - 1].end : toks[j].start].strip() == "," and toks[i].text[0].islower():
            # the name ends just before the comma; walk back over name words
            b = j
            a = b - 1 if _is_name_word(toks[b - 1]) else b
            while a > 0 and b - a < 4 and _is_name_word(toks[a - 1]) \
                    and not text[toks[a - 1].end : toks[a].start].strip():
                a -= 1
            start_tok = a
            a = _past_honorific(toks, a, b, text)  # "Dr Ana Lima, the health minister"
            if b - a >= 2 and titles().match(toks, a) is None:
                if org is None and org_after is None and k2 == k and k < n and toks[k].low == "of" and k + 1 < n \
                        and toks[k + 1].text[0].isupper():
                    org = toks[k + 1].low
                name, key = _mention(text, toks, a, b)
                title = " ".join([*keep, core])
                out.append(PersonMention(toks[start_tok].start, toks[max(k2, i + 1) - 1].end, name, key, "apposition", title,
                                         core, org or org_after, country, place, time_mod, toks[a].start,
                                         toks[b - 1].end))
        i = k
    return out


_SPEECH_OR_ACT = frozenset(
    """said says told added stated replied noted affirmed stressed emphasised emphasized asked declared wrote
    announced warned insisted explained commented visited made paid met received signed agreed urged called
    described expressed pledged welcomed highlighted confirmed denied argued suggested tweeted""".split()
)


def _bare(text: str, toks: list[Token], taken: list[tuple[int, int]]) -> list[PersonMention]:
    """Untitled full names that act: two or more name words right before a verb of speech or action."""
    out: list[PersonMention] = []
    i = 0
    n = len(toks)
    while i < n:
        if not _is_name_word(toks[i]) or any(a <= toks[i].start < b for a, b in taken) or _honorific_at(toks, i, text):
            i += 1
            continue
        e = _read_name(toks, i, text)
        if e - i >= 2 and (e < n and toks[e].low in _SPEECH_OR_ACT or toks[e - 1].possessive) \
                and countries().match(toks, i) is None and orgs().match(toks, i) is None:
            name, key = _mention(text, toks, i, e)
            out.append(PersonMention(toks[i].start, toks[e - 1].end, name, key, "bare",
                                     name_start=toks[i].start, name_end=toks[e - 1].end))
            i = e
            continue
        i = max(e, i + 1)
    return out


def _last_word(key: str) -> str:
    return key.split()[-1] if key else ""


def find_people(doc: Document) -> list[PersonMention]:
    """Every person mention in ``doc``, sorted by start: titled, appositions, bare names, short references
    and pronouns, the short ones carrying the full name they resolve to (the closest one before them)."""
    memo = _memo(doc)
    if "people" not in memo:
        memo["people"] = _find_people(doc)
    return list(memo["people"])


def _find_people(doc: Document) -> list[PersonMention]:
    text = doc.text
    found: list[PersonMention] = []
    for s, e in sentence_spans(doc):
        toks = sentence_tokens(doc, s, e)
        titled = _titled(text, toks)
        found.extend(titled)
        honorific = _honorific(text, toks, [(m.start, m.end) for m in titled])
        found.extend(honorific)
        found.extend(_bare(text, toks, [(m.start, m.end) for m in titled + honorific]))
    found.sort(key=lambda m: (m.start, -m.end))
    full = [m for m in found if len(m.key.split()) >= 2]
    resolved: list[PersonMention] = []
    for m in found:
        if len(m.key.split()) == 1:
            target = _resolve_short(m.key, m.start, full)
            if target is None and m.how == "short":
                # "Mr Sunak" with no full name in the document: a person still, named as written
                resolved.append(replace(m, name=text[m.start:m.end], key=fold(text[m.start:m.end])))
                continue
            if target is None:
                continue  # a lone word after a title that names no one we know ("General Motors")
            m = PersonMention(m.start, m.end, target.name, target.key, m.how, m.title, m.core, m.org, m.country,
                              m.post_place, m.time_modifier, m.name_start, m.name_end)
        resolved.append(m)
    # Short references first, then pronouns, which may point at a short reference.
    covered = [(m.start, m.end) for m in resolved]
    lasts = {_last_word(m.key) for m in full}
    all_toks = doc_tokens(doc)
    shorts: list[PersonMention] = []
    for t in all_toks:
        if t.text[0].isupper() and t.low in lasts and t.low not in _not_names() \
                and not any(a <= t.start < b for a, b in covered):
            target = _resolve_short(t.low, t.start, full)
            if target is not None:
                shorts.append(PersonMention(t.start, t.end, target.name, target.key, "short",
                                            name_start=t.start, name_end=t.end))
    named = sorted(resolved + shorts, key=lambda m: (m.start, -m.end))
    quoted = doc_quotes(doc)
    outside = [m for m in named if not any(a <= m.start < b for a, b in quoted)]
    sentences = sentence_spans(doc)
    pronouns: list[PersonMention] = []
    for t in all_toks:
        if t.low not in _PRONOUNS or any(a <= t.start < b for a, b in quoted):
            continue
        ante = _antecedent(t.start, outside, sentences)
        if ante is not None:
            pronouns.append(PersonMention(t.start, t.end, ante.name, ante.key, "pronoun",
                                          name_start=t.start, name_end=t.end))
    out = named + pronouns
    out.sort(key=lambda m: (m.start, -m.end))
    return out


def _antecedent(at: int, named: Sequence[PersonMention],
                sentences: Sequence[tuple[int, int]]) -> PersonMention | None:
    """Who a pronoun at ``at`` refers to: the first person named (outside quotes) earlier in its own
    sentence, else the first one named in the closest sentence before it that names anyone.

    The first mention is the likeliest grammatical subject, which pronouns in news prose mostly follow.
    """
    here = next(((s, e) for s, e in sentences if s <= at < e), (at, at))
    same = [m for m in named if here[0] <= m.start < at]
    if same:
        return same[0]
    before = [m for m in named if m.end <= here[0]]
    if not before:
        return None
    last_sentence = next(((s, e) for s, e in reversed(sentences) if s <= before[-1].start < e), None)
    if last_sentence is None:
        return before[-1]
    return next(m for m in before if last_sentence[0] <= m.start < last_sentence[1])


def _resolve_short(word: str, at: int, full: Sequence[PersonMention]) -> PersonMention | None:
    """The full-name mention a one-word reference points at. When several people share the word
    ("Donald Trump", "Melania Trump"), the one named most often in the document, then the closest
    before it; a single candidate is taken wherever it is named."""
    cands = [m for m in full if _last_word(m.key) == word]
    if not cands:
        return None
    counts: dict[str, int] = {}
    for m in cands:
        counts[m.key] = counts.get(m.key, 0) + 1
    top = max(counts.values())
    cands = [m for m in cands if counts[m.key] == top]
    before = [m for m in cands if m.start < at]
    return before[-1] if before else cands[0]


# ---------------------------------------------------------------------------------------------
# Claims


def _role_measure(m: PersonMention) -> str:
    """The post without its modifiers, with what it belongs to: "foreign ministry spokesperson"."""
    parts = [m.org or m.country or "", m.core or ""]
    if m.post_place:
        parts.append(f"to {fold(m.post_place)}")
    return " ".join(p for p in parts if p).lower()


def _date_near(doc: Document, s: int, e: int, at: int) -> TimeValue | None:
    """The date of the sentence ``[s, e)`` written closest to offset ``at``, if any."""
    near = [tm for tm in doc_times(doc) if s <= tm.start < e and tm.value is not None and tm.ref is None]
    if not near:
        return None
    return min(near, key=lambda tm: (min(abs(tm.start - at), abs(tm.end - at)), tm.start)).value


def extract_people(doc: Document) -> list[Claim]:
    """Role claims (``kind="name"``) of ``doc``: one per person and post, at its first titled mention.

    ``value`` is a :class:`NameValue` (full name, folded key, title with modifiers); ``measure`` the post
    with its organisation ("foreign ministry spokesperson"); ``subject`` the organisation or country;
    ``qualifiers.time_scope`` the date of the sentence closest to the mention, if any. Sorted by span start.
    """
    if doc.skipped or not doc.text:
        return []
    sentences = sentence_spans(doc)
    seen: set[tuple[str, str]] = set()
    claims: list[Claim] = []
    for m in find_people(doc):
        if m.how not in ("titled", "apposition") or not m.core:
            continue
        role = m.title if not m.time_modifier else f"{m.time_modifier} {m.title}"
        ident = (m.key, role)
        if ident in seen:
            continue
        seen.add(ident)
        sent = next(((s, e) for s, e in sentences if s <= m.start < e), (m.start, m.end))
        when = _date_near(doc, sent[0], sent[1], m.start)
        span = Span(doc.id, m.start, m.end)
        claims.append(Claim(
            id=f"{doc.id}#name@{m.start}-{m.end}",
            kind="name",
            span=span,
            sentence=Span(doc.id, sent[0], max(sent[1], m.end)),
            value=NameValue(name=m.name, key=m.key, role=role),
            subject=(m.org or m.country or "").lower(),
            measure=_role_measure(m),
            terms=tuple(sorted(set(m.key.split()) | set(role.split()))),
            qualifiers=Qualifiers(time_scope=when, place=m.post_place),
        ))
    claims.sort(key=lambda c: (c.span.start, c.id))
    return claims


# ---------------------------------------------------------------------------------------------
# Alignment and judging


def _surname_split(key: str) -> tuple[str, tuple[str, ...]]:
    """``(surname, given names)`` of a folded name; family-first names start with their surname."""
    words = key.replace("-", " ").split()
    if not words:
        return "", ()
    if words[0] in _family_first() and len(words) >= 2:
        return words[0], tuple(words[1:])
    return words[-1], tuple(words[:-1])


def _same_given_other_surname(a: str, b: str) -> bool:
    """Whether two folded names agree on their given names but not on their surname (an initial of the
    other surname, "Rodney S." for "Rodney Scott", is an abbreviation, not another name)."""
    sa, ga = _surname_split(a)
    sb, gb = _surname_split(b)
    if not ga or ga != gb or sa == sb:
        return False
    short, full = sorted((sa.rstrip("."), sb.rstrip(".")), key=len)
    return not (len(short) == 1 and full.startswith(short))


def _claim_date(c: Claim, docs: dict[str, Document], *, explicit: bool = False) -> str | None:
    """When the claim holds: the date of its sentence, else its document's date (ISO, maybe partial).

    With ``explicit``, only a date written with its year in the sentence or a declared publication date
    counts: a relative date ("on March 23") inherits any error in the inferred year of its document,
    and a change of office must not rest on that.
    """
    ts = c.qualifiers.time_scope
    if ts is not None and not (explicit and ts.relative):
        return ts.point
    doc = docs.get(c.doc_id)
    if doc is None or (explicit and doc.published.how != "declared"):
        return None
    return doc.published.date


def _days_apart(a: str, b: str) -> int:
    from datetime import date

    def first_day(s: str) -> date:
        parts = [int(p) for p in s.split("-")[:3]] + [1, 1]
        return date(parts[0], parts[1] or 1, parts[2] or 1)

    return abs((first_day(a) - first_day(b)).days)


@lru_cache(maxsize=1)
def _canonical_titles() -> tuple[str, ...]:
    return tuple(sorted({c for c, _ in _lexicon("people_titles.txt")}, key=lambda t: (-len(t), t)))


@lru_cache(maxsize=4096)
def _core_of(measure: str) -> str:
    """The bare post of a measure: the title it ends with ("foreign ministry spokesperson" -> spokesperson)."""
    for canonical in _canonical_titles():
        if measure.endswith(canonical) or f" {canonical} to " in f" {measure} ":
            return canonical
    return measure


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def align_people(claims: Sequence[Claim], docs: Sequence[Document], *,
                 options: PeopleOptions | None = None) -> list[Fact]:
    """Judged facts over role claims: one per person (or per disputed post), sorted by fact id.

    Claims of one person (same folded name) form one fact; two names for one post whose given names
    agree but whose surnames differ are one fact judged ``conflict``, unless explicit dates (a year
    written in the sentence, or a declared publication date) are far enough apart to be a change of
    office (``compatible``). One person with different titles at different dates
    is ``compatible``; at the same date ``divergent``. A fact from one document is ``single-source``.
    """
    opts = options or PeopleOptions()
    docmap = {d.id: d for d in docs}
    items = sorted((c for c in claims if c.kind == "name" and isinstance(c.value, NameValue)),
                   key=lambda c: (c.doc_id, c.span.start, c.id))
    if not items:
        return []
    items = _one_key_per_spelling(items)
    uf = _Union(len(items))
    by_key: dict[str, int] = {}
    for i, c in enumerate(items):
        k = c.value.key  # type: ignore[union-attr]
        if k in by_key:
            uf.join(by_key[k], i)
        else:
            by_key[k] = i
    # Disputed names for one post: blocked by the bare post, and compared once per distinct
    # (name, organisation), so a story of hundreds of reports compares a handful of names.
    reps: dict[str, dict[tuple[str, str], tuple[int, set[str]]]] = {}
    for i, c in enumerate(items):
        block = reps.setdefault(_core_of(c.measure), {})
        _, docs_of = block.setdefault((c.value.key, c.subject), (i, set()))  # type: ignore[union-attr]
        docs_of.add(c.doc_id)
    for block in reps.values():
        rows = sorted(block.items())
        for x in range(len(rows)):
            for y in range(x + 1, len(rows)):
                (ka, sa), (ia, da) = rows[x]
                (kb, sb), (ib, db) = rows[y]
                if (da == db and len(da) == 1) or (sa and sb and sa != sb):
                    continue
                if _same_given_other_surname(ka, kb):
                    uf.join(ia, ib)
    groups: dict[int, list[Claim]] = {}
    for i, c in enumerate(items):
        groups.setdefault(uf.find(i), []).append(c)
    facts = [_judge_people(g, docmap, opts) for g in groups.values()]
    facts.sort(key=lambda f: f.id)
    return facts


def _letters(key: str) -> str:
    return "".join(sorted(key.replace(" ", "").replace("-", "")))


def _one_key_per_spelling(items: list[Claim]) -> list[Claim]:
    """Claims whose names for one post hold the same letters in another order or spacing ("Mei Ling Tan",
    "Meiling Tan", "Tan Mei Ling": a name written given-name first or last, its parts joined or not) take
    one key, the one most documents write, so that they are one person; each keeps its name as written."""
    forms: dict[tuple[str, str], dict[str, set[str]]] = {}
    for c in items:
        forms.setdefault((_core_of(c.measure), _letters(c.value.key)), {}).setdefault(  # type: ignore[union-attr]
            c.value.key, set()).add(c.doc_id)  # type: ignore[union-attr]
    canon: dict[tuple[str, str], str] = {}
    for (core, _), keys in forms.items():
        if len(keys) > 1 and all(len(k.split()) >= 2 or len(k.replace(" ", "")) >= 6 for k in keys):
            best = min(keys, key=lambda k: (-len(keys[k]), k))
            for k in keys:
                canon[(core, k)] = best
    if not canon:
        return items
    out = []
    for c in items:
        k = canon.get((_core_of(c.measure), c.value.key))  # type: ignore[union-attr]
        out.append(replace(c, value=replace(c.value, key=k)) if k and k != c.value.key else c)  # type: ignore[union-attr]
    return out


def _judge_people(group: list[Claim], docs: dict[str, Document], opts: PeopleOptions) -> Fact:
    group = sorted(group, key=lambda c: (c.doc_id, c.span.start))
    fid = stable_id("name", [c.id for c in group])
    by_name: dict[str, list[Claim]] = {}
    for c in group:
        by_name.setdefault(c.value.key, []).append(c)  # type: ignore[union-attr]
    doc_ids = sorted({c.doc_id for c in group})
    names = sorted(by_name.items(), key=lambda kv: (-len({c.doc_id for c in kv[1]}), kv[0]))
    top = names[0][1][0]
    phrases = [_role_phrase(c) for c in group]
    # the post most sources give; on a tie the fuller wording
    post = min(set(phrases), key=lambda m: (-phrases.count(m), -len(m), m))
    sentences: list[str] = []
    if len(doc_ids) == 1:
        verdict = "single-source"
        sentences.append(f"Only {doc_ids[0]} names {_shown(top)} ({top.value.role}).")  # type: ignore[union-attr]
        consensus = top.value
    elif len(names) > 1:
        parts = [f"{join_docs([c.doc_id for c in cs])} {'name' if len({c.doc_id for c in cs}) > 1 else 'names'} "
                 f"{_shown(cs[0])}" for _, cs in names]
        sa, ga = _surname_split(names[0][0])
        others = ", ".join(sorted({_surname_split(k)[0] for k, _ in names[1:]}))
        dates = {k: sorted({d for c in cs if (d := _claim_date(c, docs, explicit=True))}) for k, cs in names}
        far = all(
            _days_apart(d1, d2) >= opts.office_change_days
            for k1, ds1 in dates.items() for k2, ds2 in dates.items() if k1 < k2
            for d1 in ds1 for d2 in ds2
        ) and all(dates.values())
        if far:
            verdict = "compatible"
            sentences.append(f"For the post of {post}, " + "; ".join(parts) + ": the given names agree "
                             "but the surnames differ, and the dates are far enough apart to be a change of "
                             "office.")
        else:
            verdict = "conflict"
            sentences.append(f"For the post of {post}, " + "; ".join(parts) + f": the given names "
                             f"({' '.join(ga).title()}) agree but the surname differs ({sa.title()} vs "
                             f"{others.title()}), so both cannot name the same holder.")
        consensus = None
    else:
        verdict = "agree"
        consensus = top.value
        sentences.append(f"{join_docs(doc_ids)} agree that {_shown(top)} is {_article(post)}{post}.")
        spellings: dict[str, list[str]] = {}
        for c in group:
            spellings.setdefault(fold(_shown(c)), []).append(c.doc_id)
        if len(spellings) > 1:
            # one name written in another order or spacing: the same person, written differently
            verdict = "compatible"
            written = {fold(_shown(c)): _shown(c) for c in group}
            sentences.append("The name is written differently: " + "; ".join(
                f"{join_docs(sorted(set(ds)))} {written[k]}" for k, ds in sorted(spellings.items())) + ".")
    title_note = _title_difference(group, docs)
    if title_note:
        kind, note = title_note
        sentences.append(note)
        if verdict == "agree" and kind is not None:
            verdict = kind
            consensus = None if kind == "divergent" else consensus
    label = f"{post}: " + " / ".join(_shown(cs[0]) for _, cs in names) if len(names) > 1 \
        else f"{_shown(top)}, {post}"
    return Fact(id=fid, label=label, kind="name", verdict=verdict, explanation=" ".join(sentences),
                claims=tuple(group), consensus=consensus,
                score=float(len(doc_ids)) if verdict == "conflict" else 0.0)


def _shown(c: Claim) -> str:
    """A claim's person as its source writes the full name."""
    return c.value.name  # type: ignore[union-attr]


def _role_phrase(c: Claim) -> str:
    """The post as a reader says it: time word, owner, title, posting ("former united states ambassador
    to chile", "foreign ministry deputy spokesperson")."""
    role = c.value.role or ""  # type: ignore[union-attr]
    time_words = [w for w in role.split() if _modifiers().get(w) == "time"]
    core = _core_of(c.measure)
    title = _without_time(role)
    measure = c.measure.replace(core, title, 1) if core and core in c.measure else c.measure
    country = _country_display().get(c.subject)
    if country and measure.startswith(c.subject):
        measure = country + measure[len(c.subject):]  # "United States president", as a reader writes it
    place = c.qualifiers.place
    if place and measure.endswith(f"to {fold(place)}"):
        measure = measure[: -len(fold(place))] + place
    return " ".join([*time_words, measure]).strip()


@lru_cache(maxsize=1)
def _country_display() -> dict[str, str]:
    """Lower-case canonical country name -> the name as written in the gazetteer ("united states")."""
    return {c.lower(): c for c in set(countries().table.values())}


def _article(post: str) -> str:
    return "the " if post else ""


def _by_first_doc(item: tuple[str, list[Claim]]) -> tuple[str, str]:
    return min(c.doc_id for c in item[1]), item[0]


def _without_time(role: str) -> str:
    words = role.split()
    return " ".join(w for w in words if _modifiers().get(w) != "time")


def _title_difference(group: list[Claim], docs: dict[str, Document]) -> tuple[str | None, str] | None:
    """How titles differ inside a fact: ``(verdict or None, explanation)``, or None when they do not.

    Only variants of one post are compared ("deputy spokesperson" vs "spokesperson"): at different
    dates they are ``compatible`` (a change of post), at the same or unknown dates ``divergent``. A
    "former" post and different posts ("party leader", "former mayor") are noted without a verdict:
    one person holds several posts over time.
    """
    by_core: dict[str, dict[str, list[Claim]]] = {}
    roles: dict[str, list[Claim]] = {}
    for c in group:
        role = c.value.role or ""  # type: ignore[union-attr]
        roles.setdefault(role, []).append(c)
        by_core.setdefault(_core_of(c.measure), {}).setdefault(_without_time(role), []).append(c)
    if len(roles) < 2:
        return None

    def said(cs: list[Claim], title: str, dated: bool) -> str:
        ds = sorted({d for c in cs if (d := _claim_date(c, docs))})
        when = f" (as of {', '.join(ds)})" if ds and dated else ""
        n = len({c.doc_id for c in cs})
        return f"{join_docs([c.doc_id for c in cs])} {'say' if n > 1 else 'says'} {title}{when}"

    for _core, titles_ in sorted(by_core.items()):
        if len(titles_) < 2:
            continue
        parts = [said(cs, t, True) for t, cs in sorted(titles_.items(), key=_by_first_doc)]
        dates = {t: {d for c in cs if (d := _claim_date(c, docs))} for t, cs in titles_.items()}
        known = all(dates.values())
        overlap = any(dates[a] & dates[b] for a in dates for b in dates if a < b)
        if known and not overlap:
            return "compatible", ("The titles differ: " + "; ".join(parts) + ". A different title at a different "
                                  "date is compatible with a change of post.")
        return "divergent", ("The titles differ: " + "; ".join(parts) + ". Without different dates the sources "
                             "cannot be reconciled as a change of post.")
    parts = [said(cs, t, False) for t, cs in sorted(roles.items(), key=_by_first_doc)]
    return None, "Described as: " + "; ".join(parts) + " (posts held at different times or together)."
