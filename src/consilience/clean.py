"""The clean stage: raw documents in, clean documents out, every removed line with its reason.

This module owns line-level boilerplate removal on plain text (site chrome that survives scraping or
HTML extraction), title finding, dating from a dateline, mojibake repair and NFC normalisation with
the raw <-> clean offset map kept (:mod:`consilience.offsets`). It works on a whole run at once because
a line repeated across the documents of a run is evidence of chrome.

It never removes a sentence of the article on weak evidence: a line that reads as a sentence is only
taken out by a specific rule (an interface prompt, a site counter, a photo caption, a teaser list after
a "Related" header), and when no rule is sure the line is kept. It does not read files (see
:mod:`consilience.read`) and it does not split sentences.

Rules are evidence that generalises: the English interface lexicon in ``data/chrome-en.txt``, the
shape of a line (length, closing punctuation, capitals, stop words), its position (above the title,
after a "Related" header) and repetition (inside a document and across the documents of the run).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable, Sequence

from .errors import skip_message
from .model import Document, Published, RawDocument, Removed
from .offsets import OffsetMap, OffsetMapBuilder

__all__ = [
    "REMOVAL_REASONS",
    "CleanOptions",
    "clean_documents",
    "clean_document",
    "clean_stats",
    "find_dateline_date",
    "repair",
]

#: Closed vocabulary of reasons a line is removed, with what each covers.
REMOVAL_REASONS: dict[str, str] = {
    "navigation": "site menus, breadcrumbs, skip links, pagination",
    "section-label": "a section or category label (\"Business\", \"World\")",
    "login-prompt": "sign-in, registration and password prompts",
    "banner": "a banner or kicker in capitals, or a breaking/live flag",
    "share-widget": "share, reaction, comment, print and follow widgets",
    "related-news": "a \"Related\"/\"Most viewed\"/\"Read more\" header and the teasers after it",
    "counter": "a site counter (\"1,234 views\", \"N stories posted in the last 24 hours\")",
    "caption": "a photo or video caption or credit line",
    "cookie-prompt": "a cookie or consent banner",
    "subscription-prompt": "newsletter, paywall, app and donation prompts",
    "advertisement": "advertising labels and 'story continues below' markers",
    "footer": "copyright, legal and contact links",
    "timestamp": "a line holding only a publication or update time",
    "duplicate-title": "the title repeated",
    "repeated-line": "a non-sentence line repeated in this document or in other documents of the run",
}

_STOPWORDS = frozenset(
    "a an the of in on at to for from by with and or but is are was were be been has have had will would "
    "that this these those it its as into than then there their they he she we you his her our your not "
    "no after before about over under between during while who which what when where how why also said "
    "says can could may might should must do does did up out more most some all any one two new".split()
)

_COMMON = frozenset("our you your this here now today free new get see read more also next".split())

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")]
    )
    for m in names
}
_MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)

_QUOTES = re.compile(r"[\"“”„«»]")
_LETTER = re.compile(r"[^\W\d_]")
# Separators of the items of a bar of links or labels (looser separators such as "/" and ">" are menus).
_ITEM_BAR = re.compile(r"\s[|•·]\s")
_ITEM_SEP = re.compile(r"\s+[|•·]\s+|\s*\|\s*")
# "posted 25 May 2024", "Published: March 13, 2024", "updated 2024-03-13"
_PUBLISHED_DATE = re.compile(
    rf"\b(?:posted|published|updated|first published|last updated|modified)\b:?\s*(?:on\s+)?"
    rf"(?:\w+,?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_RE}|{_MONTH_RE}\s+\d{{1,2}}|\d{{4}}-\d\d-\d\d|"
    r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4})",
    re.IGNORECASE,
)
# Separators of menu items and breadcrumbs on one line.
_MENU_SEP = re.compile(r"\s*(?:\||•|·|»|›|>|/|\u2022|\u25b8|\u25ba|\s{3,}|\t)\s*")

_MD_HEADING = re.compile(r"#{1,6}[ \t]+")
_MD_IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)$")

# Cheap gate in front of ftfy: a UTF-8 lead byte read as Latin-1/cp1252 followed by a continuation byte.
_MOJIBAKE_GATE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039"
    "\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]"
)

# A line that is only a photo/video credit or ends with one ("... Photo: AFP", "(Photo by J. Doe/Reuters)").
_CAPTION = re.compile(
    r"(?:^|[.)\]|–—-]\s*|\s[(\[])"
    r"(?:photo|photograph|picture|image|illustration|video|graphic|file photo|photo credit"
    r"|credit|courtesy|source: photo)s?(?: by| courtesy of| credit)?\s*[:/]\s*[^\s].{0,60}$"
    r"|\((?:photo|image|picture|illustration|file)s?(?: by|:)[^)]{1,60}\)\s*\.?$"
    r"|(?:^|\s)(?:getty images|afp via getty images|shutterstock|reuters/[\w .]+|ap photo/[\w .]+)\)?\.?$",
    re.IGNORECASE,
)

_DIGIT = re.compile(r"[0-9]")
# Words are found on UTF-8 bytes: bytes.translate + split is several times faster than a regex findall
# or str.translate. Every ASCII non-letter (and the common typographic marks) separates words.
_SEPARATORS = bytes(c for c in range(128) if not chr(c).isalpha())
_TO_SPACE = bytes.maketrans(_SEPARATORS, b" " * len(_SEPARATORS))
_MARKS = re.compile("[—–…“”‘’«»·•|©ⓒ\u00a0]")
_CLOSERS = "\"'”’»)]"


def _tokens(low: str) -> set[bytes]:
    """The words of a lower-cased line, as UTF-8 bytes."""
    if not low.isascii():
        low = _MARKS.sub(" ", low)
    return set(low.encode("utf-8", "surrogatepass").translate(_TO_SPACE).split())


def _words_as_bytes(words) -> frozenset[bytes]:
    return frozenset(w.encode("utf-8") for w in words)


#: A time of day after a comma at the end of a short line: the stop of "a.m." does not end a sentence there.
_STAMP_TIME_END = re.compile(r",\s*\d{1,2}(?:[:.]\d\d)?\s*[ap]\.m\.$", re.IGNORECASE)


def _ends_sentence(text: str) -> bool:
    """Ends with . ! ? or … , possibly followed by closing quotes or brackets."""
    return text.rstrip().rstrip(_CLOSERS + " ")[-1:] in (".", "!", "?", "…")


# Words one of which every caption credit holds (a gate in front of _CAPTION).
_CAPTION_CUES = _words_as_bytes(
    "photo photos photograph photographs picture pictures image images illustration video graphic credit courtesy "
    "getty shutterstock reuters file".split()
)
_COUNTER_CUES = _words_as_bytes(
    "posted published added online last past today week month far reading now currently viewed read shared seen "
    "times viewing".split()
)

# Site counters: a number of site items in a time window, or "N views/comments/shares".
_COUNTER = re.compile(
    r"\b\d[\d,.]*\s+(?:(?:press |news )?releases?|articles?|(?:news )?stories|news items?|posts?|items?|updates?|comments?|"
    r"views?|reads?|visitors?|readers?|users?|members?|shares?|subscribers?)\b[^.]{0,60}?"
    r"\b(?:posted|published|added|online|in the (?:last|past)\s+[\d,]+\s+(?:hours?|days?|minutes?|weeks?)|"
    r"today|this (?:week|month)|so far|reading now|right now|currently)\b"
    r"|\b(?:viewed|read|shared|seen)\s+[\d,.]+k?\s+times?\b"
    r"|^\s*[\d,.]+k?\s+(?:people|readers|users) (?:are )?(?:reading|viewing|online)\b",
    re.IGNORECASE,
)

# A dateline opens a story: "HANOI, March 23 (Reuters) -", "VIETNAM, September 10 - HÀ NỘI —".
_DATELINE = re.compile(
    r"^(?P<head>(?:[A-ZÀ-Ỹ][A-ZÀ-Ỹa-zà-ỹ.'’]*(?:[ -][A-ZÀ-Ỹa-zà-ỹ.'’]+){0,4})"
    r"(?:,?\s+[^—–\n]{0,40}?)?(?:\s*\([^)]{1,40}\))?\s*(?:—|–|--|-)"
    r"(?:\s*[A-ZÀ-Ỹ][A-ZÀ-Ỹ .'’]{1,30}\s*(?:—|–|--))?)\s"
)
_DATE_MD = re.compile(rf"\b(?P<m>{_MONTH_RE})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?")
_DATE_DM = re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH_RE})(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?")
_DATE_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
_DATE_NUM = re.compile(r"\b(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)[/.](?P<y>(?:19|20)\d\d)\b")
_YEAR = re.compile(r"(?:19|20)\d\d")  # boundaries are checked by hand: a look-behind costs every position
_FORWARD_YEAR = re.compile(r"\b(?:by|until|till|through|to|towards?|before|vision|target|plan)\s+$", re.IGNORECASE)

# A line holding only a time stamp: "Published: 10:32 AM EDT, Thu March 23, 2023", "Updated 2 hours ago".
_TIMESTAMP_WORDS = re.compile(
    rf"(?:{_MONTH_RE}|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|\b(?:published|updated|posted|last updated|"
    r"first published|modified|created|on|at|gmt|utc|[ecmp][sd]t|bst|cet|ict|ist|am|pm|a\.m\.|p\.m\.|ago|"
    r"hours?|hrs?|minutes?|mins?|days?|weeks?|yesterday|today|edt|est|pst|pdt|cst|cdt|by)\b|\d+|[:,./|–—()+-])",
    re.IGNORECASE,
)
_TIMESTAMP_CUE = re.compile(
    rf"(?:{_MONTH_RE}\s+\d|\d\s+{_MONTH_RE}|\b\d{{4}}-\d\d-\d\d\b|\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b|"
    r"\b\d+\s+(?:hours?|minutes?|days?)\s+ago\b|\b\d{1,2}:\d\d\b)",
    re.IGNORECASE,
)

# Every word a time-stamp line may hold (a gate in front of the two regexes above).
_TIMESTAMP_TOKENS = _words_as_bytes(
    list(_MONTHS) + "mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday sun "
    "sunday published updated posted last first modified created on at gmt utc est edt cst cdt mst mdt pst pdt bst "
    "cet cest ict ist jst aest am pm a m p ago hour hours hr hrs minute minutes min mins day days week weeks "
    "yesterday today by".split()
)

# Credits and bylines are part of the story record: kept even when short or repeated.
_CREDIT = re.compile(
    r"^(?:(?:[—–]+|--)\s*\S.{0,40}$|\(?(?:reuters|ap|afp|xinhua|vna|dpa|efe|ansa|bernama|kyodo|yonhap|tass|upi|"
    r"pti|ians|anadolu)\)?\.?$|by\s+[A-ZÀ-Ỹ]|reporting by\b|writing by\b|editing by\b|additional reporting\b|"
    r"(?:story|text|words|reporting) and (?:photos?|images?)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class CleanOptions:
    """How the clean stage judges lines. Defaults are the tested behaviour.

    Attributes:
        cross_document: use repetition across the documents of the run as evidence of chrome.
        repeat_min_documents: how many documents must hold the same non-sentence line to call it chrome.
        max_prompt_words: interface-phrase patterns only apply to lines this short (in words).
        max_repeat_words: repetition only removes lines this short (in words).
        title_search_lines: the title is looked for among this many first non-empty lines.
        repair_mojibake: repair UTF-8 read as Latin-1/cp1252 with ftfy (behind a cheap regex gate).
        normalize: Unicode normal form of the clean text ("NFC") or None to keep the raw form.
        date_from_dateline: date an undated document from its dateline.
        extra_lexicons: more lexicon files in the format of ``data/chrome-en.txt``.
    """

    cross_document: bool = True
    repeat_min_documents: int = 2
    max_prompt_words: int = 30
    max_repeat_words: int = 12
    title_search_lines: int = 8
    repair_mojibake: bool = True
    normalize: str | None = "NFC"
    date_from_dateline: bool = True
    extra_lexicons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Lexicon:
    phrases: dict[str, str]  # trimmed lower-cased line -> reason
    patterns: tuple[tuple[re.Pattern, str], ...]
    by_cue: dict[bytes, tuple[int, ...]]  # word -> patterns that may match a line holding it
    cue_words: frozenset[bytes]
    always: tuple[int, ...]  # patterns without cue words
    start: re.Pattern | None  # every pattern anchored at the line start, as one alternation of named groups
    start_reasons: dict[str, str]  # group name in ``start`` -> reason
    longest_phrase: int  # in words
    long_line_cues: frozenset[bytes]  # a line too long for a prompt needs one of these to be a counter or caption
    share_tokens: frozenset[str]
    menu_items: frozenset[str]
    related_headers: frozenset[str]


def _parse_lexicon(text: str, phrases: dict, patterns: list) -> None:
    reason = None
    as_pattern = False
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            head = line[1:-1].strip()
            as_pattern = head.endswith("~")
            reason = head.rstrip("~ ").strip()
            if reason not in REMOVAL_REASONS:
                known = ", ".join(sorted(REMOVAL_REASONS))
                raise ValueError(f"lexicon section [{head}] names no known reason; use one of: {known}")
            continue
        if reason is None:
            raise ValueError(f"lexicon entry {line!r} comes before any [reason] section")
        if as_pattern:
            patterns.append((re.compile(line, re.IGNORECASE), reason))
        else:
            phrases.setdefault(_key(line), reason)


def _cue_words(pattern: str) -> frozenset[str]:
    """The words a pattern is written with (both forms of an optional last letter): a cheap gate.

    A line is only searched with a pattern when it holds one of these words as a token; a phrase
    pattern always matches several words, at least one of them whole. Empty: no gate.
    """
    s = re.sub(r"\\[a-zA-Z]", " ", pattern)
    s = re.sub(r"\[[^\]]*\]", " ", s)
    words: set[str] = set()
    for m in re.finditer(r"([a-z]{2,})(\?)?", s.lower()):
        word = m.group(1)
        words.add(word)
        if m.group(2):
            words.add(word[:-1])
    # words every other sentence holds would open the gate for every line
    return frozenset(w for w in words if len(w) >= 3 and w not in _STOPWORDS and w not in _COMMON)


@lru_cache(maxsize=8)
def _lexicon(extra: tuple[str, ...] = ()) -> _Lexicon:
    """The interface lexicon: the packaged English list plus any extra files given."""
    phrases: dict[str, str] = {}
    patterns: list = []
    _parse_lexicon(resources.files("consilience").joinpath("data/chrome-en.txt").read_text("utf-8"), phrases, patterns)
    for path in extra:
        with open(path, encoding="utf-8") as fh:
            _parse_lexicon(fh.read(), phrases, patterns)
    share = frozenset(w for p, r in phrases.items() if r == "share-widget" for w in p.split())
    menu = frozenset(p for p, r in phrases.items() if r in ("navigation", "section-label", "footer"))
    related = frozenset(p for p, r in phrases.items() if r == "related-news")
    by_cue: dict[bytes, list[int]] = defaultdict(list)
    always: list[int] = []
    anchored: list[str] = []
    anchored_reasons: dict[str, str] = {}
    for n, (pattern, reason) in enumerate(patterns):
        if pattern.pattern.startswith("^"):
            # patterns anchored at the line start are tried at one position only: one alternation of
            # them all costs one call per line
            anchored_reasons[f"a{n}"] = reason
            anchored.append(f"(?P<a{n}>{pattern.pattern})")
            continue
        cues = _cue_words(pattern.pattern)
        if not cues:
            always.append(n)
        for word in cues:
            by_cue[word.encode("utf-8")].append(n)
    start_rx = re.compile("|".join(anchored), re.IGNORECASE) if anchored else None
    longest = max((len(p.split()) for p in phrases), default=0)
    return _Lexicon(phrases, tuple(patterns), {w: tuple(v) for w, v in by_cue.items()}, frozenset(by_cue),
                    tuple(always), start_rx, anchored_reasons, longest, _COUNTER_CUES | _CAPTION_CUES, share, menu,
                    related)


def _key(line: str) -> str:
    """A line folded for lexicon and repetition look-ups: lower case, spaces collapsed, ends trimmed."""
    low = line.lower()
    first = _LETTER.search(low)
    if first is None:
        return ""
    last = _LETTER.search(low[::-1])
    low = low[first.start() : len(low) - last.start()]
    return " ".join(low.split()).replace("’", "'")


class _Line:
    """One line of the clean text (a raw line, or the raw lines of a wrapped paragraph) with its shape.

    ``key`` and ``caps`` are worked out on first use: most lines never need them.
    """

    __slots__ = ("index", "start", "end", "text", "_key", "_caps", "words", "sentence", "headline", "reason", "ops")

    def __init__(self, index: int, start: int, end: int, text: str, ops: tuple | None) -> None:
        self.index = index  # position among all raw lines (blank ones included)
        self.start = start  # raw offset of the first non-space character
        self.end = end  # raw offset after the last non-space character
        self.text = text  # the line as it will appear in the clean text (repaired, normalised)
        self.ops = ops  # edits to apply when the raw line differs from ``text``
        self._key: str | None = None
        self._caps: bool | None = None
        self.reason: str | None = None
        words = len(text.split())
        ends = _ends_sentence(text)
        self.words = words
        if ends and words <= 14 and _STAMP_TIME_END.search(text):
            ends = False  # "Radio Brabant - news bulletin, Thursday 6 March 2025, 8 a.m.": a stamp, not a sentence
        self.sentence = (ends and words >= 4) or words >= 30  # reads as a sentence
        # short, without closing sentence punctuation
        self.headline = 1 <= words <= 25 and len(text) <= 220 and not ends and not text.endswith((",", ";", ":"))

    @property
    def key(self) -> str:
        if self._key is None:
            self._key = _key(self.text)
        return self._key

    @property
    def caps(self) -> bool:
        """Written in capitals; only scripts with case count ("엘제이" is neither upper nor lower)."""
        if self._caps is None:
            text = self.text
            self._caps = text.upper() == text and text.lower() != text and sum(1 for c in text if c.isupper()) >= 3
        return self._caps


def _repair(text: str, options: CleanOptions) -> tuple[str, tuple | None]:
    """The line as it should read (mojibake repaired, NFC) and the edit ops relative to the line start."""
    fixed = text
    used_ftfy = False
    if options.repair_mojibake and _MOJIBAKE_GATE.search(text):
        import ftfy

        # only undo encoding damage: quotes, widths and ligatures are the author's
        fixed = ftfy.fix_text(
            text, normalization="NFC" if options.normalize == "NFC" else None, uncurl_quotes=False,
            fix_character_width=False, fix_latin_ligatures=False, fix_line_breaks=False,
        )
        used_ftfy = fixed != text
    if options.normalize and not unicodedata.is_normalized(options.normalize, fixed):
        fixed = unicodedata.normalize(options.normalize, fixed)
    if fixed == text:
        return text, None
    if not used_ftfy:
        ops = _cluster_ops(text, fixed, options.normalize or "NFC")
        if ops is not None:
            return fixed, ops
    return fixed, _diff_ops(text, fixed)


def repair(text: str, options: CleanOptions = CleanOptions()) -> str:
    """``text`` as the clean stage writes it: mojibake repaired (when the gate fires) and normalised."""
    return _repair(text, options)[0]


def _cluster_ops(text: str, fixed: str, form: str) -> tuple | None:
    """Edits for a normalisation change, one per changed base+combining cluster; None if not separable."""
    ops = []
    out = []
    i = 0
    n = len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        piece = text[i:j]
        norm = unicodedata.normalize(form, piece)
        out.append(norm)
        ops.append(("copy", i, j, None) if norm == piece else ("edit", i, j, norm))
        i = j
    if "".join(out) != fixed:
        return None
    return tuple(ops)


def _diff_ops(text: str, fixed: str) -> tuple:
    """Edits found by aligning the raw line with its repaired form (used only for the rare repaired lines)."""
    from difflib import SequenceMatcher

    ops = []
    for tag, a0, a1, b0, b1 in SequenceMatcher(None, text, fixed, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append(("copy", a0, a1, None))
        else:
            ops.append(("edit", a0, a1, fixed[b0:b1]))
    return tuple(ops)


# A line that opens a block of its own in Markdown or plain text: never joined to the line above.
_BLOCK_START = re.compile(r"^(?:[-*+•]\s|\d{1,3}[.)]\s|#|\||>|```|~~~)")


def _wrap_width(pieces: list[tuple[int, int, int, str] | None]) -> int | None:
    """The column a hard-wrapped text was wrapped at, or None when its lines are paragraphs.

    Wrapped text has many lines of nearly the same length (the width) that run on into the next line.
    """
    inner = []  # lines followed by another line of the same block
    for a, b in zip(pieces, pieces[1:]):
        if a is not None and b is not None:
            inner.append((a[3], b[3]))
    if len(inner) < 3:
        return None
    lengths = sorted(len(t) for t, _ in inner)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not 30 <= width <= 120:
        return None
    near = sum(1 for t, _ in inner if len(t) >= 0.7 * width)
    run_on = sum(1 for t, nxt in inner if not _ends_sentence(t) or nxt[:1].islower())
    # in wrapped text no line runs past the width; where lines are paragraphs, many do
    texts = [p[3] for p in pieces if p is not None]
    within = sum(1 for t in texts if len(t) <= 1.1 * width)
    wrapped = near >= 0.7 * len(inner) and run_on >= 0.5 * len(inner) and within >= 0.95 * len(texts)
    return width if wrapped else None


def _split_lines(raw: str, options: CleanOptions) -> list[_Line]:
    """The non-empty lines of ``raw``, repaired; hard-wrapped paragraphs come back as one line each."""
    needs_fix = (options.repair_mojibake and _MOJIBAKE_GATE.search(raw) is not None) or (
        options.normalize is not None and not unicodedata.is_normalized(options.normalize, raw)
    )
    pieces: list[tuple[int, int, int, str] | None] = []  # (index, start, end, text) or None for a blank line
    pos = 0
    for index, chunk in enumerate(raw.split("\n")):
        stripped = chunk.strip()
        if stripped:
            start = pos + (len(chunk) - len(chunk.lstrip()))
            end = start + len(stripped)
            heading = _MD_HEADING.match(stripped) if stripped[0] == "#" else None
            if heading and heading.end() < len(stripped):
                # a Markdown heading: the marker is markup, not words
                start += heading.end()
                stripped = stripped[heading.end():]
            pieces.append((index, start, end, stripped))
        else:
            pieces.append(None)
        pos += len(chunk) + 1
    width = _wrap_width(pieces)
    groups: list[list[tuple[int, int, int, str]]] = []
    previous = None
    for piece in pieces:
        if piece is None:
            previous = None
            continue
        if (
            width is not None and previous is not None and len(previous[3]) >= 0.6 * width
            and not _BLOCK_START.match(piece[3]) and not _BLOCK_START.match(previous[3])
        ):
            groups[-1].append(piece)  # the paragraph runs on: one line in the clean text
        else:
            groups.append([piece])
        previous = piece
    return [_logical_line(group, needs_fix, options) for group in groups]


# Markdown inline markup: an image, a link (its text is kept, its address dropped), bold asterisks.
_MD_MARKUP = re.compile(
    r"(?P<image>!\[[^\]\n]*\]\([^)\n]*\))"
    r"|\[(?P<text>[^\]\n]{1,300})\]\((?:[^()\s]|\([^()\s]*\))+(?:\s+\"[^\"\n]*\")?\)"
    r"|(?P<bold>(?<!\w)\*\*(?=\S)|(?<=\S)\*\*(?!\w))"  # not "2**8"
)


def _markup_ranges(text: str) -> list[tuple[int, int]] | None:
    """The ranges of ``text`` that remain once Markdown links, images and bold markers are taken out.

    None when there is no markup, or when nothing would remain (an image on its own line is a caption).
    """
    if "](" not in text and "**" not in text:
        return None
    ranges: list[tuple[int, int]] = []
    pos = 0
    for m in _MD_MARKUP.finditer(text):
        if m.start() > pos:
            ranges.append((pos, m.start()))
        if m.group("text") is not None:
            ranges.append(m.span("text"))
        pos = m.end()
    if pos == 0 and not ranges:
        return None
    if pos < len(text):
        ranges.append((pos, len(text)))
    if not "".join(text[a:b] for a, b in ranges).strip():
        return None
    return ranges


def _logical_line(group: list[tuple[int, int, int, str]], needs_fix: bool, options: CleanOptions) -> _Line:
    """One line of the clean text from one raw line, or from the raw lines of a wrapped paragraph."""
    index, base, end, text = group[0]
    if len(group) == 1 and _markup_ranges(text) is None:
        ops = None
        if needs_fix:
            text, ops = _repair(text, options)
        return _Line(index, base, end, text, ops)
    texts: list[str] = []
    ops: list[tuple] = []
    for n, (_, start, stop, text) in enumerate(group):
        if n:
            texts.append(" ")  # the line break of a wrapped paragraph stands for a space
            ops.append(("edit", group[n - 1][2] - base, start - base, " "))
        for a, b in _markup_ranges(text) or [(0, len(text))]:
            piece = text[a:b]
            part_ops = None
            if needs_fix:
                piece, part_ops = _repair(piece, options)
            texts.append(piece)
            offset = start + a - base
            if part_ops is None:
                ops.append(("copy", offset, offset + b - a, None))
            else:
                ops.extend((kind, x + offset, y + offset, t) for kind, x, y, t in part_ops)
        end = stop
    text = "".join(texts)
    return _Line(index, base, end, text, tuple(ops))


def _phrase_reason(line: _Line, low: str, tokens: set[bytes], lex: _Lexicon) -> str | None:
    """Reason from the interface lexicon, or from the shape of a widget/menu line."""
    if line.words <= lex.longest_phrase:
        reason = lex.phrases.get(line.key)
        if reason is not None:
            return reason
    if not line.sentence and _ITEM_BAR.search(line.text) and not (line.text[0] == "|" and line.text[-1] == "|"):
        parts = [x for x in _ITEM_SEP.split(line.text) if x.strip()]
        if len(parts) >= 2 and all(len(x.split()) <= 5 for x in parts):
            # a bar of short items ("Player ratings | Comments (112) | Share"): chrome when one of them is
            reason = _bar_reason(parts, lex)
            if reason is not None:
                return reason
    candidates = set(lex.always)
    for token in tokens & lex.cue_words:
        candidates.update(lex.by_cue[token])
    found = None
    for n in sorted(candidates):
        pattern, why = lex.patterns[n]
        if pattern.search(low):
            found = (n, why)
            break
    if lex.start is not None:
        m = lex.start.match(low)
        if m is not None:
            n = int(m.lastgroup[1:])
            if found is None or n < found[0]:
                found = (n, lex.start_reasons[m.lastgroup])
    if found is not None:
        return found[1]
    if not line.sentence:
        if line.text.startswith("|") and line.text.endswith("|"):
            return None  # a table row, as trafilatura writes tables
        items = [p for p in (_key(x) for x in _MENU_SEP.split(line.text)) if p]
        if len(items) >= 2 and all(p in lex.menu_items for p in items):
            return "navigation"
        toks = line.key.split()
        if len(toks) >= 2 and all(_key(t) in lex.share_tokens for t in toks):
            return "share-widget"
        if (
            "://" not in line.text and len(items) >= 4 and all(len(p.split()) <= 3 for p in items)
            and not any(w in _STOPWORDS for p in items for w in p.split())
        ):
            return "navigation"
    return None


def _item_reason(item: str, lex: _Lexicon) -> str | None:
    """Reason of one item of a bar, from the lexicon alone."""
    key = _key(item)
    if not key:
        return None
    reason = lex.phrases.get(key)
    if reason is not None:
        return reason
    low = item.strip().lower()
    if lex.start is not None:
        m = lex.start.match(low)
        if m is not None:
            return lex.start_reasons[m.lastgroup]
    for pattern, why in lex.patterns:
        if pattern.search(low):
            return why
    return None


def _bar_reason(parts: list[str], lex: _Lexicon) -> str | None:
    """The reason for a bar of short items: a time stamp wins, else the commonest reason among its items."""
    if any(_PUBLISHED_DATE.search(p) for p in parts):
        return "timestamp"
    found = [(p, _item_reason(p, lex)) for p in parts]
    reasons = [r for _, r in found if r is not None]
    if not reasons or any(r is None and len(p.split()) > 3 for p, r in found):
        return None  # "Update | Deceased crash victims identified" is a kicker and a headline
    counts = Counter(reasons)
    best = max(counts, key=lambda r: (counts[r], -reasons.index(r)))
    if best == "section-label" and len(parts) >= 3:
        return "navigation"  # several section names in a row are the site's menu
    return best


def _full_date(text: str) -> bool:
    md = _month_day(text) if _DIGIT.search(text) else None
    return md is not None and md[0] is not None


def _is_timestamp(line: _Line, tokens: set[bytes]) -> bool:
    if line.words > 16 or not tokens <= _TIMESTAMP_TOKENS or not _TIMESTAMP_CUE.search(line.text):
        return False
    return not _TIMESTAMP_WORDS.sub(" ", line.text).strip()


def _dateline(text: str) -> re.Match | None:
    head = text[:120]
    if not head[:1].isupper() or not ("—" in head or "–" in head or "-" in head):
        return None  # cheap refusal: a dateline opens with a capital and closes with a dash
    return _DATELINE.match(head + " ")


def _is_story_dateline(text: str) -> bool:
    """A dateline on a line of its own dates the story in its head or hands over to the next line."""
    m = _dateline(text)
    return m is not None and (_month_day(m.group("head")) is not None or text.rstrip()[-1:] in "—–-")


def _is_dateline_line(line: _Line) -> bool:
    return _dateline(line.text) is not None


def _strong_reason(line: _Line, lex: _Lexicon, options: CleanOptions) -> str | None:
    """Rules that hold anywhere in a document."""
    if line.words > 60:
        return None
    low = line.text.lower()
    tokens = _tokens(low)
    if line.words <= options.max_prompt_words:
        reason = _phrase_reason(line, low, tokens, lex)
        if reason is not None:
            return reason
        if _MD_IMAGE.match(line.text):
            return "caption"
    elif tokens.isdisjoint(lex.long_line_cues):
        return None  # a long line without a single cue word: the common case, decided cheaply
    digits = _DIGIT.search(line.text) is not None
    if digits and line.words <= 40 and not tokens.isdisjoint(_COUNTER_CUES) and _COUNTER.search(line.text):
        return "counter"
    if not tokens.isdisjoint(_CAPTION_CUES) and _CAPTION.search(line.text):
        return "caption"
    if digits and _is_timestamp(line, tokens):
        return "timestamp"
    return None


# A dateline given on a line of its own, in capitals: "BAAR, SWITZERLAND", "WASHINGTON, D.C."
_PLACE_LINE = re.compile(r"^[A-ZÀ-Ỹ][A-ZÀ-Ỹ .'’-]{1,40},\s*[A-ZÀ-Ỹa-z][A-ZÀ-Ỹa-z .'’-]{1,30}"
                         r"[—–-]?$")


def _is_banner(line: _Line) -> bool:
    return (
        line.caps and not line.sentence and line.words <= 20 and not _is_dateline_line(line)
        and not _CREDIT.match(line.text) and not _PLACE_LINE.match(line.text)
    )


def _title_shaped(line: _Line) -> bool:
    """Could be a headline: short, no closing period (a question is fine), not a bar, date or credit."""
    question = line.text.rstrip().endswith("?") and line.words <= 14
    if not (line.headline or question) or line.words < 3 or line.caps:
        return False
    return not (
        _is_dateline_line(line) or _CREDIT.match(line.text) or _ITEM_BAR.search(line.text) or _full_date(line.text)
    )


def _find_title(lines: list[_Line], declared: str | None, options: CleanOptions) -> int | None:
    """Index (into ``lines``) of the title line, or None: a headline-shaped line above the body text.

    Among the headline-shaped lines above the first sentence, a line given twice wins, then the first
    of four words or more (a site's name above the title is usually shorter), then the first.
    """
    if declared:
        dkey = _key(declared)
        for k, line in enumerate(lines[: options.title_search_lines * 2]):
            if line.reason is None and line.key == dkey:
                return k
        return None
    first: list[int] = []
    for k, line in enumerate(lines):
        if len(first) >= options.title_search_lines:
            break
        if line.reason is None:
            first.append(k)
    candidates: list[int] = []
    body_follows = False
    for pos, k in enumerate(first):
        line = lines[k]
        if _title_shaped(line):
            candidates.append(k)
            continue
        if line.sentence:
            body_follows = True
            if not candidates and pos and _caps_headline(lines[first[pos - 1]]):
                # a headline set in capitals right above the body is the title, not a banner
                # (banners sit higher, above menus and labels)
                return first[pos - 1]
            break
    if not candidates and first and _stopped_headline(lines[first[0]], lines, first):
        return first[0]
    if not candidates or not body_follows:
        return None
    keys = Counter(lines[k].key for k in candidates)
    for k in candidates:
        if keys[lines[k].key] >= 2:
            return k
    for k in candidates:
        if lines[k].words >= 4:
            return k
    return candidates[0]


def _stopped_headline(line: _Line, lines: list[_Line], first: list[int]) -> bool:
    """A headline given a closing full stop, as some archives and datasets store them: the first line left
    after chrome, one short sentence (4-16 words, a single full stop) on its own, before at least three
    longer sentence lines. A short lede in that place would be taken for the title; it stays in the text
    either way."""
    text = line.text.rstrip()
    if not (4 <= line.words <= 16 and text.endswith(".") and not text.endswith("..") and not line.caps):
        return False
    if _SENTENCE_STOP.search(text[:-1]) or _is_story_dateline(text) or _CREDIT.match(text) or _full_date(text):
        return False
    longer = [k for k in first[1:] if lines[k].sentence and lines[k].words > line.words]
    return len(longer) >= 3


_SENTENCE_STOP = re.compile(r"[.!?][\"'’”)]*\s+[A-Z]")


def _caps_headline(line: _Line) -> bool:
    return (
        line.caps and line.headline and line.words >= 4 and not _is_dateline_line(line)
        and not _PLACE_LINE.match(line.text) and not _CREDIT.match(line.text)
    )


def _headline_like(line: _Line) -> bool:
    return line.headline and line.words >= 2


def _related_box(lines: list[_Line], start: int) -> int:
    """End (exclusive index into ``lines``) of the teaser list that follows the header at ``start``.

    Teasers are headline-shaped lines, each optionally followed by one blurb; two sentences in a row
    mean the article (or something else) goes on, so the list ends before them.
    """
    k = start + 1
    prev_headline = True  # the header itself
    end = k
    while k < len(lines):
        line = lines[k]
        if line.reason is not None:
            k += 1
            end = k
            prev_headline = False
            continue
        if _headline_like(line):
            prev_headline = True
        elif line.sentence and prev_headline:
            prev_headline = False
        else:
            break
        k += 1
        end = k
    if end < len(lines):
        # the list ends early, so the text goes on: a last blurb is more likely the text itself
        while end - 1 > start and lines[end - 1].sentence and lines[end - 1].reason is None:
            end -= 1
        # the list ends early: keep a last blurb-less headline out only if a sentence follows it
        # directly (it may be a subhead of the article going on)
        last = lines[end - 1]
        if end - 1 > start and _headline_like(last) and lines[end].sentence and not _headline_like(lines[end]):
            end -= 1
    return end


def _mark_document(lines: list[_Line], declared_title: str | None, lex: _Lexicon, options: CleanOptions) -> int | None:
    """Give each chrome line of one document its reason; returns the index of the title line."""
    for line in lines:
        line.reason = _strong_reason(line, lex, options)

    # a counter written as a full sentence is chrome above or below the story, not inside it: an
    # article may well report that "300 comments were posted in the last 24 hours"
    body = [k for k, ln in enumerate(lines) if ln.sentence and ln.reason is None]
    if body:
        for k, line in enumerate(lines):
            if line.reason == "counter" and line.sentence and line.words > 12 and body[0] < k < body[-1]:
                line.reason = None

    # related-news headers start a teaser list; the first one after some body opens the tail
    seen_body = False
    k = 0
    while k < len(lines):
        line = lines[k]
        if line.sentence and line.reason is None:
            seen_body = True
        if line.reason == "related-news" and seen_body and line.key in lex.related_headers:
            end = _related_box(lines, k)
            for j in range(k + 1, end):
                lines[j].reason = lines[j].reason or "related-news"
            k = end
            continue
        k += 1

    title = _find_title(lines, declared_title, options)
    title_key = lines[title].key if title is not None else (_key(declared_title) if declared_title else None)
    if title_key:
        span = len(title_key.split())
        for k, line in enumerate(lines):
            if k != title and line.reason is None and abs(line.words - span) <= 2 and line.key == title_key:
                line.reason = "duplicate-title"

    if title is not None:
        # short non-sentence lines above the title are labels and menus
        for line in lines[:title]:
            if (
                line.reason is None and not line.sentence and not _CREDIT.match(line.text)
                and not _is_dateline_line(line) and not _PLACE_LINE.match(line.text)
            ):
                if line.words <= 4:
                    line.reason = "section-label"

    # banners in capitals sit above the story (or above its title)
    first_body = next((k for k, ln in enumerate(lines) if ln.sentence and ln.reason is None), len(lines))
    top = title if title is not None else first_body

    # a short line that dates the page ("Radio Andalas - news bulletin, Sunday 3 March 2024"), above the
    # story or anywhere when it says "posted"/"published", is a time stamp, not a sentence of the story
    for k, line in enumerate(lines):
        if (
            line.reason is None and k != title and not line.sentence and line.words <= 14
            and (k < first_body or _PUBLISHED_DATE.search(line.text))
            and _full_date(line.text) and not _is_story_dateline(line.text)
        ):
            line.reason = "timestamp"

    # a bar of short labels above the title ("Terrace Talk | Cup football") is navigation
    for line in lines[: max(top, 0)]:
        if line.reason is None and not line.sentence and _ITEM_BAR.search(line.text):
            parts = [x for x in _ITEM_SEP.split(line.text) if x.strip()]
            if all(len(x.split()) <= 4 for x in parts):
                line.reason = "navigation"
    for line in lines[: max(top, 0)]:
        if line.reason is None and _is_banner(line):
            line.reason = "banner"

    # a non-sentence line given twice in a row is a teaser (headline and link text) or a widget
    for k in range(1, len(lines)):
        line, prev = lines[k], lines[k - 1]
        if (
            line.reason is None
            and k != title
            and not line.sentence
            and line.text == prev.text  # exactly: "x |" above "x" is a table rendered twice, not a teaser
            and not _CREDIT.match(line.text)
        ):
            line.reason = "repeated-line"
    return title


def _passage_line(line: _Line) -> bool:
    """A line long enough that two documents holding it copy the same text (a sentence, a code line)."""
    return line.reason is None and (line.sentence or line.words >= 8)


def _in_copied_passage(lines: list[_Line], k: int, others: list[frozenset[str]], window: int = 3) -> bool:
    """Whether a sentence near line ``k`` also appears in another document: the line sits in copied text."""
    for j in range(max(0, k - window), min(len(lines), k + window + 1)):
        line = lines[j]
        if j != k and _passage_line(line) and any(line.text in o for o in others):
            return True
    return False


def _repeat_shaped(line: _Line) -> bool:
    """Whether a line may be chrome by repetition alone: not speech, not a sentence or a piece of one."""
    text = line.text
    return not (_ends_sentence(text) or _QUOTES.search(text) or text[:1].islower())


def _mark_across(docs_lines: list[list[_Line]], titles: list[int | None], options: CleanOptions) -> None:
    """Remove short non-sentence lines that several documents share, unless they sit in a shared passage.

    Site chrome repeats from page to page around different stories; a subhead or list item repeats
    because the documents copy the same text, and then the sentences around it repeat too.
    """
    where: dict[str, list[tuple[int, int]]] = defaultdict(list)
    title_keys = {lines[t].key for lines, t in zip(docs_lines, titles) if t is not None}
    for d, lines in enumerate(docs_lines):
        seen: set[str] = set()
        for k, line in enumerate(lines):
            if (
                line.reason is None
                and not line.sentence
                and line.words <= options.max_repeat_words
                and _repeat_shaped(line)
                and line.key
                and line.key not in seen
            ):
                seen.add(line.key)
                where[line.key].append((d, k))
    sentences: dict[int, frozenset[str]] = {}

    def sentence_set(d: int) -> frozenset[str]:
        if d not in sentences:
            sentences[d] = frozenset(ln.text for ln in docs_lines[d] if _passage_line(ln))
        return sentences[d]

    for key, occ in where.items():
        if len(occ) < options.repeat_min_documents:
            continue
        if key in title_keys and len(occ) < max(3, options.repeat_min_documents):
            continue  # two documents may well share a headline; three with different texts share a label
        docs = [d for d, _ in occ]
        for d, k in occ:
            line = docs_lines[d][k]
            if _CREDIT.match(line.text) or _is_dateline_line(line):
                continue
            nxt = docs_lines[d][k + 1].text if k + 1 < len(docs_lines[d]) else ""
            if nxt[:1].islower():
                continue  # a piece of a running sentence ("earlier in your / Dockerfile / to ensure")
            if _in_copied_passage(docs_lines[d], k, [sentence_set(o) for o in docs if o != d]):
                continue
            line.reason = "repeated-line"


def _month_day(text: str) -> tuple[int, int, int | None] | None:
    for rx in (_DATE_ISO, _DATE_MD, _DATE_DM, _DATE_NUM):
        m = rx.search(text)
        if m:
            mon = m.group("m")
            month = int(mon) if mon.isdigit() else _MONTHS.get(mon.lower().rstrip("."))
            day = int(m.group("d"))
            year = int(m.group("y")) if m.group("y") else None
            if month and 1 <= month <= 12 and 1 <= day <= 31:
                return year, month, day
    return None


def _latest_year(texts: Iterable[str]) -> int | None:
    """The latest year the text names at least twice (not as a target): the year it was written in.

    One mention proves nothing: a wire story may name a 2027 deadline or a 2013 agreement once.
    """
    counts: Counter[int] = Counter()
    for text in texts:
        for m in _YEAR.finditer(text):
            a, b = m.span()
            before = text[a - 1] if a else " "
            after = text[b] if b < len(text) else " "
            if before.isalnum() or before in "$€£.,-_" or after.isalnum() or after in "%-_":
                continue  # part of a number, an amount or a code, not a year
            if _FORWARD_YEAR.search(text[max(0, a - 12) : a]):
                continue  # "by 2030" names a target, not the present
            counts[int(m.group(0))] += 1
    repeated = [y for y, n in counts.items() if n >= 2]
    return max(repeated) if repeated else None


#: How a date's ``why`` says its year is only the latest one the text names (see ``resolve._weak_year``).
LATEST_NAMED_WHY = "the latest the text names"


def find_dateline_date(text: str) -> Published | None:
    """The date a story's dateline gives ("HANOI, March 23 (Reuters) -"), the year from the text if missing.

    Looks at the first lines of ``text`` only; returns ``Published(how="extracted")`` with the evidence in
    ``why``, or None when there is no dated dateline.
    """
    head_lines = [ln.strip() for ln in text.split("\n", 8)[:8] if ln.strip()]
    for line in head_lines[:6]:
        m = _dateline(line)
        if not m:
            continue
        head = m.group("head")
        md = _month_day(head)
        if md is None:
            continue
        year, month, day = md
        why = f"dateline {head.strip()!r}"
        if year is None:
            year = _latest_year([text])
            if year is None:
                return None
            why += f"; year {year}, {LATEST_NAMED_WHY} twice"
        return Published(date=f"{year:04d}-{month:02d}-{day:02d}", how="extracted", why=why)
    return None


def _timestamp_date(lines: list[_Line]) -> Published | None:
    for k, line in enumerate(lines):
        if line.reason == "timestamp" or (line.reason is not None and _PUBLISHED_DATE.search(line.text)) or (
                # a header bar that holds a whole date: "Markets Today | Thursday, October 30, 2025 | 4 min read"
                k < 3 and line.reason is not None and "|" in line.text
                and any(_full_date(p) for p in _MENU_SEP.split(line.text))):
            md = _month_day(line.text)
            if md and md[0]:
                y, m, d = md
                return Published(date=f"{y:04d}-{m:02d}-{d:02d}", how="extracted", why=f"time stamp line {line.text!r}")
    return None


def _build(raw: str, lines: list[_Line]) -> tuple[str, OffsetMap]:
    builder = OffsetMapBuilder(raw)
    prev_end = None
    for line in lines:
        if line.reason is not None:
            continue
        if prev_end is not None:
            nl = raw.find("\n", prev_end)
            builder.copy(nl, nl + 1)
        if line.ops is None:
            builder.copy(line.start, line.end)
        else:
            for kind, a, b, text in line.ops:
                if kind == "copy":
                    builder.copy(line.start + a, line.start + b)
                else:
                    builder.edit(line.start + a, line.start + b, text)
        prev_end = line.end
    return builder.build()


def _skipped(raw: RawDocument) -> Document:
    return Document(
        id=raw.id, source=raw.source, text="", raw=raw.text, origin=raw.origin, url=raw.url, title=raw.title,
        published=raw.published, skipped=raw.skipped, offsets=OffsetMap.identity(0), format=raw.format,
        author=raw.author, warnings=raw.warnings,
    )


def _finish(raw: RawDocument, lines: list[_Line], title: int | None, options: CleanOptions) -> Document:
    text, offsets = _build(raw.text, lines)
    removed = tuple(Removed(raw.text[ln.start : ln.end], ln.reason, ln.start) for ln in lines if ln.reason is not None)
    found_title = raw.title
    if not found_title and title is not None:
        found_title = lines[title].text
    published = raw.published
    if not published.date:
        guess = None
        if options.date_from_dateline:
            guess = find_dateline_date(text)
        guess = guess or _timestamp_date(lines)
        if guess is not None:
            published = guess
    skipped = None
    if not text.strip():
        skipped = skip_message("no-text", "every line was boilerplate")
    return Document(
        id=raw.id, source=raw.source, text=text, raw=raw.text, origin=raw.origin, url=raw.url, title=found_title,
        published=published, removed=removed, skipped=skipped, offsets=offsets, format=raw.format,
        author=raw.author, warnings=raw.warnings,
    )


def clean_documents(raws: Sequence[RawDocument], options: CleanOptions = CleanOptions()) -> list[Document]:
    """Clean every document of a run, using repetition across them; returns documents sorted by id.

    Skipped inputs come back as documents with empty text and their ``skipped`` reason.
    """
    lex = _lexicon(tuple(options.extra_lexicons))
    order = sorted(range(len(raws)), key=lambda i: raws[i].id)
    live = [i for i in order if not raws[i].skipped]
    docs_lines = [_split_lines(raws[i].text, options) for i in live]
    titles = [_mark_document(lines, raws[i].title, lex, options) for i, lines in zip(live, docs_lines)]
    if options.cross_document and len(live) >= options.repeat_min_documents:
        _mark_across(docs_lines, titles, options)
        for n, (i, lines) in enumerate(zip(live, docs_lines)):
            if titles[n] is not None and lines[titles[n]].reason is not None:
                titles[n] = _find_title(lines, raws[i].title, options)
    done = {i: _finish(raws[i], lines, t, options) for i, lines, t in zip(live, docs_lines, titles)}
    return [done[i] if i in done else _skipped(raws[i]) for i in order]


def clean_document(raw: RawDocument, options: CleanOptions = CleanOptions()) -> Document:
    """Clean one document on its own (no cross-document evidence)."""
    return clean_documents([raw], options)[0]


def clean_stats(docs: Sequence[Document]) -> dict:
    """Counts for the dossier: documents, skipped inputs by reason, removed lines by reason (keys sorted)."""
    removed = Counter(r.reason for d in docs for r in d.removed)
    skipped = Counter((d.skipped or "").split(":", 1)[0] for d in docs if d.skipped)
    dated = Counter(d.published.how for d in docs if not d.skipped)
    return {
        "documents": len(docs),
        "used": sum(1 for d in docs if not d.skipped),
        "skipped": sum(skipped.values()),
        "skipped_reasons": dict(sorted(skipped.items())),
        "removed_lines": sum(removed.values()),
        "removed_reasons": dict(sorted(removed.items())),
        "removed_chars": sum(len(r.text) for d in docs for r in d.removed),
        "published_how": dict(sorted(dated.items())),
    }
