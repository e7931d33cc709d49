"""Quotations: find quoted passages with their speakers, and line up the same words across sources.

This module owns ``kind == "quote"`` claims: passages inside double quotation marks (straight or curly,
mixed pairs allowed, never across a line break), attributed to a speaker by the nearest verb of speech
("X said", "said X", "according to X", "X stated that ... the U.S. supports an '...'"), and the alignment
of one quotation across documents, including a source that repeats the words without quotation marks.
Wording differences are shown word by word; a changed word that alters the meaning makes the quote
``divergent``. Speakers come from :mod:`consilience.people`; it must not touch other claim kinds.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import chain
from collections.abc import Sequence
from dataclasses import dataclass

from .model import Claim, Document, Fact, QuoteValue, Span
from .people import (
    PersonMention, doc_quotes, find_people, fold, join_docs, sentence_spans, sentence_tokens, stable_id,
)

__all__ = ["QuoteOptions", "extract_quotes", "align_quotes", "word_diff"]


@dataclass(frozen=True, kw_only=True)
class QuoteOptions:
    """Knobs of quote extraction and alignment.

    ``min_words``: shorter quoted passages are names or scare quotes ("Strategic Dialogue"), not
    speech. ``match``: share of words two wordings must have in common (in order) to be one quotation.
    ``echo``: the same share for a passage another source writes without quotation marks.
    """

    min_words: int = 3
    match: float = 0.6
    echo: float = 0.7


_SPEECH = frozenset(
    """said says say told tells added adds stated states replied replies noted notes affirmed affirms
    stressed stresses emphasised emphasized emphasises emphasizes asked declared declares wrote writes
    announced warned warns insisted insists explained explains commented comments tweeted posted
    reiterated underlined highlighted confirmed acknowledged admitted argued claimed urged pledged
    expressed described assured recalled concluded continued""".split()
)
_WORD = re.compile(r"[\w][\w'\u2019\-]*")

# Words whose change leaves a quotation's meaning intact: articles, linking words, prepositions and
# pronouns. Negations and numbers are deliberately absent: "not" or "two" changes what was said.
_MINOR = frozenset(
    """a an the of to in on at for with by and or that this these those which as from into upon onto towards
    toward among amongst per via its their our your his her my them him us it they we he she you i me""".split()
)
# Dropping or adding one of these changes what was said, even inside an otherwise faithful quotation.
_NEGATIONS = frozenset("not no never nor none nothing nobody neither without".split())
_NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve twenty thirty forty
    fifty hundred thousand million billion first second third half all every""".split())
_CONTRACTIONS = {"won't": "will not", "can't": "can not", "cannot": "can not", "shan't": "shall not",
                 "let's": "let us", "ain't": "is not"}
_CLITICS = (("n't", " not"), ("'re", " are"), ("'ve", " have"), ("'ll", " will"), ("'m", " am"), ("'d", " would"))
_IS_PRONOUNS = frozenset("it he she that there what who where here".split())
_ACRONYM_DOTS = re.compile(r"\b(?:[A-Za-z]\.){2,}")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _expand(word: str) -> str:
    """A folded word with its contraction spelt out ("don't" -> "do not", "they've" -> "they have")."""
    if word in _CONTRACTIONS:
        return _CONTRACTIONS[word]
    for clitic, full in _CLITICS:
        if word.endswith(clitic) and len(word) > len(clitic):
            return word[: -len(clitic)] + full
    if word.endswith("'s") and word[:-2] in _IS_PRONOUNS:
        return word[:-2] + " is"
    return word


def _key(text: str) -> str:
    """The folded wording used to align quotes: lower case, no diacritics, no punctuation, acronyms
    without dots ("E.U." = "EU") and contractions spelt out ("don't" = "do not")."""
    text = _ACRONYM_DOTS.sub(lambda m: m.group().replace(".", ""), text)
    return " ".join(w for w in (_expand(fold(x).strip("'")) for x in _words(text)) if w)


def _is_name(words: list[str]) -> bool:
    """Whether quoted words are a name or a title ("The White House", "Strategic Dialogue"):
    every word capitalised except linking words."""
    return all(w[0].isupper() or w.lower() in _MINOR for w in words)


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """``(a, b)`` without the white space and trailing commas or colons a quotation carries."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:"):
        b -= 1
    return a, b


def _inside(pos: int, quoted: Sequence[tuple[int, int]], starts: Sequence[int]) -> bool:
    """Whether ``pos`` lies in one of the ``quoted`` regions, sorted and disjoint as
    :func:`~consilience.people.quoted_regions` gives them (``starts``: their starts): only the last
    region starting at or before ``pos`` can hold it."""
    k = bisect_right(starts, pos) - 1
    return k >= 0 and pos < quoted[k][1]


def _speaker(doc: Document, people: Sequence[PersonMention], qa: int, qb: int, s: int, e: int,
             quoted: Sequence[tuple[int, int]]) -> str | None:
    """Who says the words at ``[qa, qb)`` in the sentence(s) ``[s, e)``: the person next to the speech
    verb closest to the quotation, outside any quotation (``quoted``: sorted, disjoint regions).
    ``people`` is sorted by start, as :func:`~consilience.people.find_people` gives it."""
    text = doc.text
    starts = [a for a, _ in quoted]
    toks = [t for t in sentence_tokens(doc, s, e)
            if not (qa <= t.start < qb) and not _inside(t.start, quoted, starts)]
    # the people who start inside [s, e), found by bisection rather than by a scan of the document's
    lo = bisect_left(people, s, key=lambda m: m.start)
    hi = bisect_left(people, e, lo, key=lambda m: m.start)
    here = [m for m in people[lo:hi] if not _inside(m.start, quoted, starts)]
    best: tuple[int, str] | None = None
    for i, t in enumerate(toks):
        if t.low == "according" and i + 1 < len(toks) and toks[i + 1].low == "to":
            after = [m for m in here if m.start >= toks[i + 1].end]
            near = bool(after) and after[0].start - toks[i + 1].end < 4
            who = after[0].name if near else _phrase_after(text, toks, i + 2)
            if who:
                d = min(abs(t.start - qb), abs(t.start - qa))
                best = min(best or (d, who), (d, who))
            continue
        if t.low not in _SPEECH:
            continue
        d = min(abs(t.start - qb), abs(t.start - qa))
        # subject before the verb ("Mai said", "Roe said:"), else after it ("said Mai")
        before = [m for m in here
                  if m.end <= t.start and t.start - m.end <= 40 and not _clause_break(text, m.end, t.start)]
        after = [m for m in here if m.start >= t.end and m.start - t.end <= 3]
        who = before[-1].name if before else after[0].name if after else None
        if who is not None and (best is None or d < best[0]):
            best = (d, who)
    return best[1] if best else None


def _clause_break(text: str, a: int, b: int) -> bool:
    """Whether a quotation mark or a sentence end sits between ``a`` and ``b``."""
    gap = text[a:b]
    return any(ch in gap for ch in "\"\u201c\u201d.;")


def _phrase_after(text: str, toks, i: int) -> str | None:
    """A capitalised phrase starting at ``toks[i]`` ("the Ministry of Foreign Affairs"), or None."""
    if i < len(toks) and toks[i].low == "the":
        i += 1
    j = i
    while j < len(toks) and (toks[j].text[0].isupper() or (j > i and toks[j].low in ("of", "for", "and"))):
        if j > i and text[toks[j - 1].end : toks[j].start].strip():
            break
        j += 1
    while j > i and toks[j - 1].low in ("of", "for", "and"):
        j -= 1
    return text[toks[i].start : toks[j - 1].end] if j > i else None


def extract_quotes(doc: Document, *, options: QuoteOptions | None = None) -> list[Claim]:
    """Quote claims of ``doc``: the words inside quotation marks (span = those words), with the speaker
    when a verb of speech attributes them; passages under ``min_words`` words are left out. Sorted by start."""
    opts = options or QuoteOptions()
    if doc.skipped or not doc.text:
        return []
    text = doc.text
    quoted = doc_quotes(doc)
    if not quoted:
        return []
    sentences = sentence_spans(doc)
    people = find_people(doc)
    claims: list[Claim] = []
    for qa, qb in quoted:
        a, b = _trim(text, qa, qb)
        words = _words(text[a:b])
        if len(words) < opts.min_words or _is_name(words):
            continue
        s = next((x for x, y in sentences if x <= qa < y), qa)
        e = next((y for x, y in sentences if x < qb <= y or x <= qb < y), qb)
        e = max(e, qb + 1 if qb < len(text) else qb)
        who = _speaker(doc, people, qa - 1, qb + 1, s, e, [r for r in quoted if r != (qa, qb)])
        claims.append(Claim(
            id=f"{doc.id}#quote@{a}-{b}",
            kind="quote",
            span=Span(doc.id, a, b),
            sentence=Span(doc.id, min(s, a), max(e, b)),
            value=QuoteValue(text=text[a:b], key=_key(text[a:b]), speaker=who),
            subject=fold(who) if who else "",
            measure="quoted",
            terms=tuple(sorted(set(_key(text[a:b]).split()) - _MINOR)),
        ))
    claims.sort(key=lambda c: (c.span.start, c.id))
    return claims


# ---------------------------------------------------------------------------------------------
# Alignment


def _ratio(a: list[str], b: list[str]) -> tuple[float, float]:
    """``(similarity, containment)`` of two folded word lists: the in-order matching words over both,
    and over the shorter one (a quote may be a part of a longer one)."""
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    same = sum(bl.size for bl in sm.get_matching_blocks())
    return 2 * same / (len(a) + len(b)), same / min(len(a), len(b))


def _bare_word(w: str) -> str:
    return fold(w).strip(".,;:!?\"'()[]\u2026")


def word_diff(a: str, b: str, *, excerpt: bool = False, context: int | None = None) -> str:
    """``b`` shown against ``a`` word by word: unchanged words as ``b`` writes them, changes as
    ``[old → new]``, dropped words as ``[-old]``, added words as ``[+new]``; with ``excerpt``, words cut
    off at either end are shown as "…"; with ``context``, unchanged runs keep only that many words next
    to a change. Case, diacritics and punctuation do not count as changes."""
    wa, wb = a.split(), b.split()
    fa = [_bare_word(w) for w in wa]
    fb = [_bare_word(w) for w in wb]
    ops = difflib.SequenceMatcher(None, fa, fb, autojunk=False).get_opcodes()
    out: list[str] = []
    for n, (op, i1, i2, j1, j2) in enumerate(ops):
        if op == "equal":
            run = wb[j1:j2]
            if context is not None and len(run) > 2 * context + 1:
                head = run[:context] if n > 0 else []
                tail = run[-context:] if n < len(ops) - 1 else []
                run = [*head, "…", *tail]
            out.extend(run)
        elif excerpt and op in ("delete", "insert") and n in (0, len(ops) - 1):
            out.append("…")
        elif op == "replace":
            out.append(f"[{' '.join(wa[i1:i2])} → {' '.join(wb[j1:j2])}]")
        elif op == "delete":
            out.append(f"[-{' '.join(wa[i1:i2])}]")
        else:
            out.append(f"[+{' '.join(wb[j1:j2])}]")
    return " ".join(out)


def _changes(a: list[str], b: list[str]) -> list[tuple[str, list[str], list[str]]]:
    """Word changes from ``a`` to ``b``, without words cut off at either end: a shorter quotation of the
    same words is an excerpt, whatever the words it leaves out."""
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    last = len(ops) - 1
    return [(op, a[i1:i2], b[j1:j2]) for n, (op, i1, i2, j1, j2) in enumerate(ops)
            if op != "equal" and not (op in ("delete", "insert") and n in (0, last))]


# Tense shifts of reported speech ("will" reported as "would") keep what was said.
_BACKSHIFT = [frozenset(p) for p in (("will", "would"), ("can", "could"), ("shall", "should"), ("may", "might"),
                                     ("is", "was"), ("are", "were"), ("has", "had"), ("have", "had"))]


def _spelling_variant(x: str, y: str) -> bool:
    """British and American spellings of one word ("normalised"/"normalized", "defence"/"defense")."""
    def norm(w: str) -> str:
        w = re.sub(r"is(e|ed|es|ing|ation)$", r"iz\1", w)
        w = re.sub(r"our$", "or", w)
        w = re.sub(r"ence$", "ense", w)
        w = re.sub(r"tre$", "ter", w)
        w = re.sub(r"ll(ed|ing)$", r"l\1", w)
        return w.replace("-", "")
    return norm(x) == norm(y)


def _telling(words: list[str]) -> bool:
    """Whether words include a negation or a number, whose loss or addition changes what was said."""
    return any(w in _NEGATIONS or w in _NUMBER_WORDS or any(ch.isdigit() for ch in w) for w in words)


def _meaningful(changes: list[tuple[str, list[str], list[str]]]) -> list[tuple[str, list[str], list[str]]]:
    """The changes that alter meaning: a word replaced by another (not a spelling variant, a tense shift
    of reported speech or a linking word), or a negation or number left out or added."""
    out = []
    for op, old, new in changes:
        if all(w in _MINOR for w in old + new):
            continue
        if op == "replace":
            if len(old) == len(new) and all(
                    _spelling_variant(x, y) or frozenset((x, y)) in _BACKSHIFT for x, y in zip(old, new)):
                continue
            if "".join(old).replace("-", "") == "".join(new).replace("-", ""):
                continue  # "good will" / "goodwill", "all-out" / "all out": one word written apart
            out.append((op, old, new))
        elif _telling(old + new):
            out.append((op, old, new))
    return out


def _left_out(changes: list[tuple[str, list[str], list[str]]]) -> bool:
    """Whether words other than linking words are left out or added (an abridged quotation)."""
    return any(op != "replace" and not all(w in _MINOR for w in old + new) for op, old, new in changes)


@dataclass
class _Sentences:
    """Every sentence of the story with its folded words, and an index from word to sentences, built
    once per alignment so that looking for unquoted repeats never scans the whole story per quote.
    The index holds only the words lookups will ask for (``wanted``), not every word of the story."""

    docs: list[Document]
    rows: list[tuple[int, int, int, list]]  # (doc index, start, end, tokens)
    index: dict[str, set[int]]

    @classmethod
    def build(cls, docs: Sequence[Document], wanted: set[str]) -> _Sentences:
        usable = [d for d in docs if not d.skipped and d.text]
        rows: list[tuple[int, int, int, list]] = []
        index: dict[str, set[int]] = {}
        for di, doc in enumerate(usable):
            for s, e in sentence_spans(doc):
                toks = sentence_tokens(doc, s, e)
                n = len(rows)
                rows.append((di, s, e, toks))
                for w in {t.low.strip("'") for t in toks} & wanted:
                    index.setdefault(w, set()).add(n)
        return cls(usable, rows, index)


def _echo_words(group: list[Claim]) -> set[str]:
    """The telling words of a quotation's longest wording: those an unquoted repeat is looked up by."""
    ref = max(group, key=lambda c: (len(c.value.key.split()), c.id))  # type: ignore[union-attr]
    return {w for w in ref.value.key.split() if w not in _MINOR and len(w) > 3}  # type: ignore[union-attr]


def _may_echo(group: list[Claim]) -> bool:
    """Whether a quotation has enough telling words to be recognised when repeated unquoted."""
    return len(_echo_words(group)) >= 3


def _echoes(group: list[Claim], story: _Sentences, opts: QuoteOptions,
            people_of: dict[str, list[PersonMention]], quoted_of: dict[str, list[tuple[int, int]]]) -> list[Claim]:
    """Passages of documents without a claim in ``group`` that repeat its words without quotation marks."""
    have = {c.doc_id for c in group}
    ref = max(group, key=lambda c: (len(c.value.key.split()), c.id))  # type: ignore[union-attr]
    words = ref.value.key.split()  # type: ignore[union-attr]
    content = _echo_words(group)
    if len(content) < 3:
        return []  # too few telling words to recognise a repeat without quotation marks
    written = [w for w in _words(ref.value.text) if w.lower() not in _MINOR]  # type: ignore[union-attr]
    if 2 * sum(w[0].isupper() for w in written) >= len(written):
        return []  # mostly a name ("the southern White House"): its words recur without being quoted
    hits = Counter(chain.from_iterable(story.index.get(w, ()) for w in content))
    need = max(2, len(content) // 2)
    out: list[Claim] = []
    done: set[str] = set()
    for n in sorted(k for k, v in hits.items() if v >= need):
        di, s, e, toks = story.rows[n]
        doc = story.docs[di]
        if doc.id in have or doc.id in done:
            continue
        lows = [t.low.strip("'") for t in toks]
        # The words the sentence shares with the quotation, in order, mark where the repeat lies.
        blocks = [bl for bl in difflib.SequenceMatcher(None, words, lows, autojunk=False).get_matching_blocks()
                  if bl.size]
        if not blocks:
            continue
        i, j = blocks[0].b, blocks[-1].b + blocks[-1].size
        if j - i > 1.5 * len(words) + 2:
            continue  # the shared words are scattered over the sentence: not a repeat
        sim, _ = _ratio(words, lows[i:j])
        if sim < opts.echo:
            continue
        a, b = toks[i].start, toks[j - 1].end
        if doc.id not in quoted_of:
            quoted_of[doc.id] = doc_quotes(doc)
        quoted = quoted_of[doc.id]
        if any(x <= a < y for x, y in quoted):
            continue  # inside a quotation of its own: extract_quotes already has it
        if doc.id not in people_of:
            people_of[doc.id] = find_people(doc)
        who = _speaker(doc, people_of[doc.id], a, b, s, e, quoted)
        done.add(doc.id)
        out.append(Claim(
            id=f"{doc.id}#quote@{a}-{b}",
            kind="quote",
            span=Span(doc.id, a, b),
            sentence=Span(doc.id, s, e),
            value=QuoteValue(text=doc.text[a:b], key=_key(doc.text[a:b]), speaker=who),
            subject=fold(who) if who else "",
            measure="unquoted",
            terms=tuple(sorted(set(_key(doc.text[a:b]).split()) - _MINOR)),
        ))
    return out


def align_quotes(claims: Sequence[Claim], docs: Sequence[Document], *,
                 options: QuoteOptions | None = None) -> list[Fact]:
    """Judged facts over quote claims, sorted by fact id: one per quotation across documents.

    Two wordings are one quotation when ``match`` of their words agree in order, or when one is a part
    of the other, and a quotation holds every wording close to one of its wordings (one close version is
    enough: "kills fast ... if people come early" joins a quotation through "kills quickly ... when people
    arrive early", though it is far from the longer version that opens it). A
    source that repeats the words without quotation marks joins the fact (its claim's ``measure`` is
    "unquoted"). Verdicts: identical wording ``agree``; differences only in punctuation,
    linking words, British/American spelling or length (a shorter excerpt) ``compatible``; any other
    changed word ``divergent``, with a word-by-word diff in the explanation.
    """
    opts = options or QuoteOptions()
    items = sorted((c for c in claims if c.kind == "quote" and isinstance(c.value, QuoteValue)),
                   key=lambda c: (c.doc_id, c.span.start, c.id))
    if not items:
        return []
    # Identical wordings are grouped first; only distinct wordings are compared with each other.
    by_key: dict[str, list[int]] = {}
    for i, c in enumerate(items):
        by_key.setdefault(c.value.key, []).append(i)  # type: ignore[union-attr]
    keys = sorted(by_key)
    words = [k.split() for k in keys]
    docs_of = [{items[i].doc_id for i in by_key[k]} for k in keys]
    parent = list(range(len(keys)))

    longest = [len(ws) for ws in words]  # per quotation (at its root): its longest wording, in words

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra
            longest[ra] = max(longest[ra], longest[rb])

    # Each wording is compared with the wordings found so far that share a content word, never with
    # every other wording, and joins the quotations of all those close enough: a misquote close to one
    # version of a quotation joins it even when it is far from the others.
    index: dict[str, list[int]] = {}
    counters = [Counter(ws) for ws in words]
    minors = [sum(n for w, n in c.items() if w in _MINOR) for c in counters]
    sizes = [len(ws) for ws in words]
    for i, ws in enumerate(words):
        counts = counters[i]
        most = max(counts.values(), default=0)
        size, minor = sizes[i], minors[i]
        content = set(ws) - _MINOR
        # how many content words each earlier wording shares with this one (counted in C)
        hits = Counter(chain.from_iterable(index.get(w, ()) for w in content))
        for h in sorted(hits):
            # An upper bound of the shared words, from the content words in common: when even the
            # bound cannot reach a threshold, the exact count is not worth computing. (Tested first:
            # it is the cheapest test and rejects most candidates; the tests only skip, so their
            # order does not change which pairs are compared.)
            short = min(size, sizes[h])
            bound = hits[h] * most + min(minor, minors[h])
            if 2 * bound / (size + sizes[h]) < opts.match and bound / short < 0.9:
                continue
            if docs_of[i] == docs_of[h] and len(docs_of[i]) == 1 or find(h) == find(i):
                continue
            shared = sum((counts & counters[h]).values())
            if 2 * shared / (len(ws) + len(words[h])) < opts.match and shared / short < 0.9:
                continue  # cannot reach either threshold: skip the in-order comparison
            sim, within = _ratio(ws, words[h])
            if sim >= opts.match:
                union(i, h)  # every close version joins, whichever was seen first
            elif within >= 0.9 and short >= 4:
                # an excerpt (with the excerpts like it) joins a longer quotation, but once there it is no
                # bridge to another: a few words two quotations share ("a willing and active partner")
                # must not make them one
                excerpt, whole = (i, h) if len(ws) <= len(words[h]) else (h, i)
                if longest[find(excerpt)] < len(words[whole]):
                    union(i, h)
        for w in content:
            index.setdefault(w, []).append(i)
    groups: dict[int, list[Claim]] = {}
    for i, k in enumerate(keys):
        groups.setdefault(find(i), []).extend(items[n] for n in by_key[k])
    story: _Sentences | None = None
    people_of: dict[str, list[PersonMention]] = {}
    quoted_of: dict[str, list[tuple[int, int]]] = {}
    facts = []
    echoing = [_echo_words(g) for g in groups.values()]
    wanted = set().union(*(ws for ws in echoing if len(ws) >= 3))  # the words _echoes will look up
    for g, ws in zip(groups.values(), echoing):
        if len(ws) >= 3:  # _may_echo(g)
            story = story or _Sentences.build(docs, wanted)  # built on first need: many stories never need it
            g = g + _echoes(g, story, opts, people_of, quoted_of)
        facts.append(_judge_quote(g))
    facts.sort(key=lambda f: f.id)
    return facts


def _judge_quote(group: list[Claim]) -> Fact:
    group = sorted(group, key=lambda c: (c.doc_id, c.span.start))
    fid = stable_id("quote", [c.id for c in group])
    doc_ids = sorted({c.doc_id for c in group})
    by_key: dict[str, list[Claim]] = {}
    for c in group:
        by_key.setdefault(c.value.key, []).append(c)  # type: ignore[union-attr]
    # the wording most sources give; then the fuller one; then the first source's
    ranked = sorted(by_key.items(), key=lambda kv: (-len({c.doc_id for c in kv[1]}), -len(kv[0].split()),
                                                    min(c.doc_id for c in kv[1]), kv[0]))
    ref = ranked[0][1][0]
    speakers = sorted({c.value.speaker for c in group if c.value.speaker})  # type: ignore[union-attr]
    who = speakers[0] if len(speakers) == 1 else None
    short = _shorten(ref.value.text)  # type: ignore[union-attr]
    label = f"{who}: “{short}”" if who else f"“{short}”"

    def how(cs: list[Claim]) -> str:
        ids = join_docs([c.doc_id for c in cs])
        unq = sorted({c.doc_id for c in cs if c.measure == "unquoted"})
        if unq and len({c.doc_id for c in cs}) == len(unq):
            return f"{ids} (without quotation marks)"
        note = f" ({join_docs(unq)} without quotation marks)" if unq else ""
        return f"{ids}{note}"

    if len(doc_ids) == 1:
        verdict = "single-source"
        said = f", attributed to {who}." if who else "."
        text = f"Only {doc_ids[0]} quotes “{ref.value.text}”{said}"  # type: ignore[union-attr]
        return Fact(fid, label, "quote", verdict, text, tuple(group), ref.value)
    if len(ranked) == 1:
        text = f"{how(group)} quote the same words: “{ref.value.text}”."  # type: ignore[union-attr]
        return Fact(fid, label, "quote", "agree", text, tuple(group), ref.value)
    ref_words = ref.value.key.split()  # type: ignore[union-attr]
    verdict = "compatible"
    parts = [f"{how(ranked[0][1])} {'write' if len({c.doc_id for c in ranked[0][1]}) > 1 else 'writes'} "
             f"“{ref.value.text}”."]  # type: ignore[union-attr]
    for key, cs in ranked[1:]:
        other = cs[0]
        words = key.split()
        changes = _changes(ref_words, words)
        meaningful = _meaningful(changes)
        excerpt = _is_excerpt(ref_words, words, changes)
        diff = word_diff(ref.value.text, other.value.text, excerpt=excerpt, context=4)  # type: ignore[union-attr]
        if meaningful:
            kind = "changes words that alter the meaning"
            verdict = "divergent"
        elif excerpt:
            kind = "quotes a part of it"
        elif _left_out(changes):
            kind = "leaves words out or adds some, without changing any"
        else:
            kind = "differs only in punctuation, spelling or linking words"
        parts.append(f"{how(cs)} {kind}: {diff}.")
    return Fact(fid, label, "quote", verdict, " ".join(parts), tuple(group),
                ref.value if verdict != "divergent" else None, score=1.0 if verdict == "divergent" else 0.0)


def _is_excerpt(a: list[str], b: list[str], changes: list[tuple[str, list[str], list[str]]]) -> bool:
    """Whether one wording is the other cut at its start or end, with no other change that matters."""
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    cut = any(op in ("delete", "insert") and n in (0, len(ops) - 1) for n, (op, *_) in enumerate(ops))
    return cut and not _meaningful(changes) and not _left_out(changes)


def _shorten(text: str, n: int = 10) -> str:
    words = text.split()
    return text if len(words) <= n else " ".join(words[:n]) + " …"
