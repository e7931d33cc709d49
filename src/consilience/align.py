"""The align stage for numbers and ranks: claims of different documents that state the same thing
become one :class:`~consilience.model.Fact`, judged by :mod:`consilience.judge`.

How claims are matched:

* **Blocking**: only claims of the same kind and unit (money in USD, percent, a count of projects, a
  rank) and with overlapping time scopes are compared, and only when they share at least one content
  term, through an inverted index; so a story of hundreds of reports is never compared all against all.
* **Similarity**: cosine of the claims' terms weighted by IDF over the sentences of the story (terms every
  sentence shares, such as the two countries of a bilateral story, weigh little), plus agreement of the
  extracted measure. Directional facts stay apart: a rank of X on Y's list never meets a rank of Y on X's.
* **Grouping**: pairs above :data:`AlignOptions.threshold` are merged best first, never putting two claims
  of one document in a fact, and only while the groups stay similar on average (no chaining).
"""

from __future__ import annotations

import bisect
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .english import TIME_WORDS, plural
from .judge import judge_claims
from .model import Claim, Document, Fact, Quantity, Rank

__all__ = ["AlignOptions", "align_claims", "claim_terms", "fact_id", "similarity"]


@dataclass(frozen=True, kw_only=True)
class AlignOptions:
    """Knobs of alignment. ``threshold``: least similarity for two claims to be one fact (0..1);
    ``linkage``: least average similarity between two groups being merged, as a share of threshold;
    ``max_candidates``: most candidate partners scored per claim; ``probes``: how many of a claim's rarest
    terms propose candidates; ``max_postings``: how many of the claims sharing a probe term are looked at,
    the nearest in document order (these three bound the work per claim, so a large story costs
    near-linear time)."""

    threshold: float = 0.3
    linkage: float = 0.75
    max_candidates: int = 12
    probes: int = 12
    max_postings: int = 16


_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_STOP = frozenset(
    """
    a an the and or but of to in on at for from by with as is are was were be been being has have had do does
    did this that these those it its their there here than then so such which who whom whose what when where
    while into over under about more most less least nearly some approximately around roughly up down also
    just only very much many any each every per year years last this next ago since until said says say
    according reached hit worth marking valued stood stands total totalled totaled amounted amount
    new one two three four five six seven eight nine ten percent per cent billion million trillion thousand
    hundred us$ usd dollars dollar times time first second third latest currently recently already both
    """.split()
)


@lru_cache(maxsize=1 << 16)
def _fold(word: str) -> str:
    if word.isascii():
        w = word.lower().replace("'", "")  # what unidecode returns for ASCII: the word itself
    else:
        from unidecode import unidecode

        w = unidecode(word).lower().replace("'", "").replace("’", "")
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


# Words that write the value itself ("eighth", "largest"): two claims about one fact differ exactly there.
_VALUE_WORDS = frozenset(
    """
    th st nd rd first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth largest
    biggest highest greatest smallest lowest top leading ranked rank ranking ranks
    """.split()
)
# Verbs and words that say how a figure moved or was reported, not what it measures.
_CHANGE_WORDS = frozenset(
    """
    grow grew grown growing rise rose risen rising reach reaching came come coming hit increase increased
    decrease decreased fell fall fallen drop dropped climb climbed jump jumped surge surged soar soared
    fold previous put puts sit sits make makes made stand stood total totaled totalled amount amounted
    record recorded register registered marking mark saw see seen became become remain remained
    """.split()
)
# Words of time, and of a point within a period: what a claim's time scope says, and compares (two figures of
# one September are not one fact for sharing the month's name).
_TIME_TERMS = TIME_WORDS | frozenset("early late mid earlier later since".split())
_NOT_TERMS = _VALUE_WORDS | _CHANGE_WORDS | _TIME_TERMS


def claim_terms(claim: Claim, doc: Document) -> tuple[str, ...]:
    """The claim's content terms, without the words of the value itself: the extractor's, or for a
    claim built without them, the extractor's terms of its sentence."""
    from .extract import clause_terms

    terms = claim.terms or clause_terms(doc.text[claim.sentence.start : claim.sentence.end])
    return tuple(t for t in terms if t not in _NOT_TERMS)


def _block_key(c: Claim) -> tuple:
    v = c.value
    if isinstance(v, Rank):
        return ("rank",)
    if isinstance(v, Quantity):
        return ("quantity", v.kind, v.unit)
    return (c.kind,)


def _scopes_compatible(a: Claim, b: Claim) -> bool:
    ta, tb = a.qualifiers.time_scope, b.qualifiers.time_scope
    if ta is not None and tb is not None:
        return ta.low < tb.high and tb.low < ta.high
    return True


@lru_cache(maxsize=1 << 14)
def _norm(x: str | None) -> str:
    if not x:
        return ""
    from unidecode import unidecode

    return " ".join(_fold(w) for w in _WORD.findall(unidecode(x)))


def _different_comparisons(a: Claim, b: Claim) -> bool:
    """Two changes measured from different bases *and* of different sizes ("four times the 2013 figure",
    "240 times the 1995 figure") compare different things; only a same-size change with a different base
    is the same fact stated with an error."""
    va, vb = a.value, b.value
    apart = not (float(va.low) <= float(vb.high) and float(vb.low) <= float(va.high))
    ba, bb = a.qualifiers.base, b.qualifiers.base
    if ba is None or bb is None:
        # A multiplier means nothing without its base: unequal ones are only compared when both bases
        # are known (and then a different base is the conflict).
        return apart and isinstance(va, Quantity) and va.kind == "multiplier"
    if ba.low < bb.high and bb.low < ba.high:
        return False
    return apart


def _directional_clash(a: Claim, b: Claim) -> bool:
    """X on Y's list vs Y on X's list: the ranked party or the list owner differs."""
    oa, ob = _norm(a.qualifiers.of), _norm(b.qualifiers.of)
    sa, sb = _norm(a.subject), _norm(b.subject)
    if oa and ob and oa != ob:
        return True
    if sa and sb and sa != sb and (oa or ob):
        return True
    return False


def similarity(ta: Sequence[str], tb: Sequence[str], idf: Mapping[str, float]) -> float:
    """IDF-weighted cosine of two term sets (0..1)."""
    if not ta or not tb:
        return 0.0
    sa, sb = set(ta), set(tb)
    dot = sum(idf.get(t, 1.0) ** 2 for t in sa & sb)
    na = math.sqrt(sum(idf.get(t, 1.0) ** 2 for t in sa))
    nb = math.sqrt(sum(idf.get(t, 1.0) ** 2 for t in sb))
    return dot / (na * nb) if na and nb else 0.0


def _idf(documents: Sequence[Document]) -> dict[str, float]:
    """IDF over the sentences of the story (smoothed, never negative), of the same canonical terms the
    extractor gives claims ("turnover" counts as "trade"), so weights and terms agree."""
    from .extract.lexicon import canonical_term

    canon = _Memo(lambda w: canonical_term(_fold(w)))
    df: Counter[str] = Counter()
    n = 0
    for d in documents:
        if d.skipped:
            continue
        text = d.text
        for s in d.sentences or ():
            n += 1
            # each distinct word of the sentence once, its term looked up in a plain dict (C speed)
            df.update(set(map(canon.__getitem__, set(_WORD.findall(text, s.start, s.end)))))
    return {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}


class _Memo(dict):
    """``memo[x]`` is ``fn(x)``, computed on the first lookup and kept: a cache whose hits cost one dict
    lookup, for pure functions called on the same words again and again."""

    def __init__(self, fn: Callable[[str], str]) -> None:
        super().__init__()
        self._fn = fn

    def __missing__(self, key: str) -> str:
        value = self[key] = self._fn(key)
        return value


def fact_id(prefix: str, claims: Sequence[Claim]) -> str:
    """A stable id from the claim ids: the same claims always give the same fact id."""
    h = hashlib.sha1("|".join(sorted(c.id for c in claims)).encode()).hexdigest()[:10]
    return f"{prefix}-{h}"


def _common_measure(claims: Sequence[Claim]) -> str:
    """The measure that names the fact for most sources: the wording whose canonical words the most
    claims share ("trade" over "countries traded goods" and "two-way turnover"), then the shorter."""
    wordings = sorted({" ".join(c.measure.split()) for c in claims if c.measure.strip()})
    if not wordings:
        return ""
    sets = [set(_measure_terms(c)) for c in claims]

    def shared(w: str) -> int:
        mine = set(_measure_words(w, ""))
        return sum(1 for s in sets if mine and mine <= s)

    return min(wordings, key=lambda w: (-shared(w), len(w), w))


def _common_among(phrases: list[str]) -> str:
    """What the sources rank among, in one phrase: the most common head noun ("investor"), then its most
    common phrase, preferring two words ("foreign investor") to one or to longer ones."""
    if not phrases:
        return ""
    phrases = [" ".join(p.split()) for p in phrases]
    heads = Counter(p.split()[-1] for p in phrases)
    head = sorted(heads, key=lambda h: (-heads[h], h))[0]
    counts = Counter(p for p in phrases if p.split()[-1] == head)
    return sorted(counts, key=lambda p: (-counts[p], abs(len(p.split()) - 2), p))[0]


def _label(claims: Sequence[Claim], terms: Mapping[str, tuple[str, ...]], idf: Mapping[str, float]) -> str:
    """A short name for the fact: what is measured, of whom, when ("bilateral trade, 2022")."""
    def common(values) -> str:
        counts = Counter(v.strip() for v in values if v and v.strip())
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if counts else ""

    measure = _common_measure(claims)
    if not measure:
        counts = Counter(t for c in claims for t in terms[c.id])
        measure = " ".join(sorted(counts, key=lambda t: (-counts[t] * idf.get(t, 1.0), t))[:4])
    subject = common(c.subject for c in claims)
    first = claims[0]
    if isinstance(first.value, Rank) and first.value.superlative == "ordinal":
        # "the 10th anniversary", "the 87th minute": a position in a series, not a ranking
        label = f"which {common(c.qualifiers.among for c in claims) or measure}"
    elif isinstance(first.value, Rank):
        among = _common_among([c.qualifiers.among for c in claims if c.qualifiers.among]) or measure
        owner = common(c.qualifiers.of for c in claims)
        words = among.split()
        among = " ".join(words[:-1] + [plural(words[-1])]) if words else among
        label = f"rank of {subject or 'the subject'} among {owner + chr(39) + 's ' if owner else ''}{among}"
    else:
        label = f"{subject}: {measure}" if subject and subject.lower() not in measure.lower() else measure
        if isinstance(first.value, Quantity) and any(c.qualifiers.change or c.qualifiers.base for c in claims):
            label = f"change in {label}"
    scope = next((c.qualifiers.time_scope for c in claims if c.qualifiers.time_scope is not None), None)
    if scope is not None and scope.point not in label:
        label = f"{label}, {scope.point}"
    return label


def align_claims(
    claims: Sequence[Claim],
    documents: Sequence[Document],
    *,
    voices: Mapping[str, str] | None = None,
    options: AlignOptions | None = None,
) -> list[Fact]:
    """Group numeric claims (quantity, rank) into judged facts; every claim ends in exactly one fact."""
    opts = options or AlignOptions()
    docs = {d.id: d for d in documents}
    idf = _idf(documents)
    terms = {c.id: claim_terms(c, docs[c.doc_id]) for c in claims if c.doc_id in docs}
    usable = [c for c in claims if c.id in terms]
    places = {c.id: (frozenset(terms[c.id]) & _PLACE_KEYS)
              or _sentence_places(docs[c.doc_id].text[c.sentence.start:c.sentence.end]) for c in usable}
    pairs, sampled = _candidate_pairs(usable, terms, idf, opts, places)
    groups = _fold_repeats(_group(usable, pairs, opts, sampled))

    facts = []
    for members in groups:
        members.sort(key=lambda c: (c.doc_id, c.span.start))
        j = judge_claims(members, docs, voices=voices)
        facts.append(
            Fact(
                id=fact_id("q" if members[0].kind == "quantity" else "r", members),
                label=_label(members, terms, idf),
                kind=members[0].kind,
                verdict=j.verdict,
                explanation=j.explanation,
                claims=tuple(members),
                consensus=j.consensus,
                score=j.score,
                current=j.current,
            )
        )
    return facts


@dataclass(frozen=True, slots=True)
class _Features:
    """What pair scoring needs of a claim, computed once: weighted term sets and their norms."""

    terms: frozenset[str]
    norm: float
    measure: frozenset[str]
    measure_norm: float
    point: float
    scope: str | None
    among: str
    places: frozenset[str]
    clock: bool = False  # a time of day: its size says nothing of what it is the time of


def _place_keys() -> frozenset[str]:
    """The canonical keys of places (a claim's terms hold those its clause names); imported here, not at the
    top, since the extract package's import is the cost of the grammars."""
    from .extract.lexicon import PLACE_ALIASES

    return frozenset(PLACE_ALIASES.values())


_PLACE_KEYS = _place_keys()


@lru_cache(maxsize=1 << 14)
def _sentence_places(sentence: str) -> frozenset[str]:
    """The places a sentence names, for a claim whose own clause names none ("with the average home there
    costing more than £540,000" after "Northern Ireland led the regional gains")."""
    from .extract.lexicon import find_places

    return frozenset(key for _, _, key, _ in find_places(sentence))


def _features(c: Claim, terms: tuple[str, ...], idf: Mapping[str, float], places: frozenset[str] | None = None) -> _Features:
    ts, ms = frozenset(terms), frozenset(_measure_terms(c))
    scope = c.qualifiers.time_scope
    return _Features(
        terms=ts,
        norm=math.sqrt(sum(idf.get(t, 1.0) ** 2 for t in ts)),
        measure=ms,
        measure_norm=math.sqrt(sum(idf.get(t, 1.0) ** 2 for t in ms)),
        point=abs(float(c.value.point)),
        scope=scope.point if scope is not None else None,
        among=_head(c.qualifiers.among),
        places=ts & _PLACE_KEYS if places is None else places,
        clock=getattr(c.value, "kind", "") == "clock",
    )


def _cosine(a: frozenset[str], na: float, b: frozenset[str], nb: float, idf: Mapping[str, float]) -> float:
    if not na or not nb:
        return 0.0
    return sum(idf.get(t, 1.0) ** 2 for t in a & b) / (na * nb)


def _candidate_pairs(
    claims: Sequence[Claim],
    terms: Mapping[str, tuple[str, ...]],
    idf: Mapping[str, float],
    opts: AlignOptions,
    places: Mapping[str, frozenset[str]] | None = None,
) -> tuple[dict[tuple[str, str], float], frozenset[str]]:
    """Similarities of the claim pairs that blocking lets through, and the claims of sampled blocks.

    Candidates come from an inverted index over each claim's rarest terms. Of the claims sharing a
    term, at most :data:`AlignOptions.max_postings` are looked at (those nearest in document order),
    and at most :data:`AlignOptions.max_candidates` are scored, so the work per claim is bounded and a
    large story costs near-linear time. A block where either bound cut something is *sampled*: not
    every similar pair was scored, so its scored pairs are all returned, dissimilar ones as 0.0, for
    :func:`_group` to average over. Elsewhere only pairs above zero are returned.
    """
    blocks: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        blocks[_block_key(c)].append(c)
    feats = {c.id: _features(c, terms[c.id], idf, places.get(c.id) if places else None) for c in claims}
    out: dict[tuple[str, str], float] = {}
    sampled: set[str] = set()
    half = max(1, opts.max_postings // 2)
    for members in blocks.values():
        index: dict[str, list[int]] = defaultdict(list)
        doc_of = [c.doc_id for c in members]
        for i, c in enumerate(members):
            for t in feats[c.id].terms | feats[c.id].measure:
                index[t].append(i)
        cut = False
        scored: dict[tuple[str, str], float] = {}
        for i, a in enumerate(members):
            fa = feats[a.id]
            own = doc_of[i]
            # The measured words first (the strongest evidence), then the rarest context words.
            probes = sorted(fa.measure, key=lambda t: (-idf.get(t, 1.0), t)) + sorted(
                fa.terms - fa.measure, key=lambda t: (-idf.get(t, 1.0), t))
            seen: dict[int, float] = {}
            for t in probes[: opts.probes]:
                postings = index[t]
                if len(postings) > opts.max_postings:
                    # the claims nearest in document order: a window around this claim's own place
                    cut = True
                    k = bisect.bisect_left(postings, i)
                    lo = min(max(0, k - half), len(postings) - opts.max_postings)
                    postings = postings[lo:lo + opts.max_postings]
                w = idf.get(t, 1.0)
                for j in postings:
                    if doc_of[j] != own:
                        seen[j] = seen.get(j, 0.0) + w
            ranked = sorted(seen, key=lambda j: (-seen[j], j))
            if len(ranked) > opts.max_candidates:
                cut = True
            for j in ranked[: opts.max_candidates]:
                b = members[j]
                key = _key(a.id, b.id)
                if key in scored:
                    continue
                fb = feats[b.id]
                if (not _scopes_compatible(a, b) or _directional_clash(a, b) or _different_comparisons(a, b)
                        or (fa.places and fb.places and fa.places.isdisjoint(fb.places))):
                    # (figures of places that have nothing in common: Northern Ireland's and the UK's, France's
                    # and Germany's, are not one fact)
                    scored[key] = 0.0
                else:
                    scored[key] = _score(fa, fb, idf)
        if cut:
            sampled.update(c.id for c in members)
            out.update(scored)
        else:
            out.update((k, v) for k, v in scored.items() if v > 0)
    return out, frozenset(sampled)


# Counted nouns that say nothing about which fact a count belongs to.
_GENERIC_MEASURES = frozenset(
    """
    people person persons individual resident citizen member time times unit item thing one
    number figure total amount share rate percent percentage level value count
    """.split()
)


# Words that say between whom a measure is taken, which the subject says already: "bilateral trade" and
# "trade between the two countries" measure the same thing.
_SCOPE_MODIFIERS = frozenset({"bilateral", "two-way", "mutual"}) | frozenset(
    # and the period a figure covers, which its time scope says: "quarterly revenue", "third-quarter revenue"
    "quarterly annual yearly monthly weekly daily half-year half-yearly full-year first-quarter second-quarter "
    "third-quarter fourth-quarter first-half second-half year-end".split())


# What a rank is taken among when it only names the set of places compared ("the 11th highest of any
# country or territory"): compatible with a specific ranking ("11th largest investor").
_GENERIC_AMONG = frozenset("country territory economy nation state region world city jurisdiction place".split())

#: Least context similarity for two claims to be one fact, unless measure and magnitude both agree.
MIN_CONTEXT = 0.2


def _measure_terms(c: Claim) -> tuple[str, ...]:
    """What the claim measures, minus words of its subject and generic nouns ("people", "number")."""
    return _measure_words(c.measure, c.subject)


@lru_cache(maxsize=1 << 12)
def _measure_words(measure: str, subject: str) -> tuple[str, ...]:
    from .extract.lexicon import canonical_term

    own = set(_norm(subject).split())
    words = (canonical_term(_fold(x)) for x in _WORD.findall(measure))
    return tuple(w for w in words if w not in _STOP and w not in own and w not in _GENERIC_MEASURES
                 and w not in _NOT_TERMS and w not in _SCOPE_MODIFIERS)


def _head(phrase: str | None) -> str:
    words = _norm(phrase).split()
    return words[-1] if words else ""


def pair_score(a: Claim, b: Claim, terms: Mapping[str, tuple[str, ...]], idf: Mapping[str, float]) -> float:
    """How likely two claims state the same fact (0..1): the words around each value (IDF cosine),
    what each measures, an explicit time scope in common, and values of the same magnitude (two
    figures an order of magnitude apart are rarely one fact misreported)."""
    return _score(_features(a, terms[a.id], idf), _features(b, terms[b.id], idf), idf)


def _score(fa: _Features, fb: _Features, idf: Mapping[str, float]) -> float:
    ctx = _cosine(fa.terms, fa.norm, fb.terms, fb.norm, idf)
    meas = _cosine(fa.measure, fa.measure_norm, fb.measure, fb.measure_norm, idf) if fa.measure and fb.measure else ctx
    pa, pb = fa.point, fb.point
    ratio = max(pa, pb) / min(pa, pb) if pa > 0 and pb > 0 else math.inf
    if fa.clock and fb.clock:
        ratio = 1.0  # two times of day are as near as 03:00 and 05:00 whatever their ratio
    # Little shared context is enough only when the measure is the same and the figures are close.
    if ctx < MIN_CONTEXT and not (meas >= 0.9 and ratio <= 1.5):
        return 0.0
    score = 0.55 * ctx + 0.35 * meas
    if fa.scope is not None and fa.scope == fb.scope:
        score += 0.1
    if ratio < math.inf:
        score += 0.1 * max(0.0, 1.0 - (ratio - 1.0))
    if fa.among and fb.among and fa.among != fb.among and not {fa.among, fb.among} & _GENERIC_AMONG:
        score *= 0.6
    return min(1.0, score)


def _merge_rows(table: dict[int, dict[int, float]], ga: int, gb: int) -> None:
    """Fold group ``gb``'s row and column of a symmetric table of sums into ``ga``'s."""
    for g, v in table.pop(gb, {}).items():
        if g == ga:
            continue
        table[g].pop(gb, None)
        table[ga][g] = table[ga].get(g, 0) + v
        table[g][ga] = table[ga][g]
    table[ga].pop(gb, None)


def _key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _repeat_key(c: Claim) -> tuple:
    v, q = c.value, c.qualifiers
    return (c.doc_id, c.kind, getattr(v, "kind", ""), getattr(v, "unit", ""), v.point, v.low, v.high,  # type: ignore[union-attr]
            getattr(v, "hedge", ""), c.measure, c.subject, q.time_scope, q.base, q.change)


def _fold_repeats(groups: list[list[Claim]]) -> list[list[Claim]]:
    """A claim left alone that repeats, word for word in value and measure, a claim of its own document in
    another fact (a headline and the sentence that restates it: "toll rises to 57" / "has risen to 57") joins
    that fact: one fact holds a document once, so the repeat would otherwise stand as a fact of its own."""
    home: dict[tuple, int] = {}
    for k, g in enumerate(groups):
        if len(g) > 1:
            for c in g:
                home.setdefault(_repeat_key(c), k)
    out: list[list[Claim]] = []
    for g in groups:
        if len(g) == 1 and (k := home.get(_repeat_key(g[0]))) is not None:
            groups[k].append(g[0])
        else:
            out.append(g)
    return out


def _group(
    claims: Sequence[Claim], pairs: Mapping[tuple[str, str], float], opts: AlignOptions,
    sampled: frozenset[str] = frozenset(),
) -> list[list[Claim]]:
    """Best-first merging with one claim per document per fact and average-linkage control.

    ``link[g][h]`` holds the sum of pair similarities between groups g and h, updated on each merge, so
    the average linkage of two groups is read in constant time. The average is over every pair of their
    claims (a pair never scored counts as dissimilar), except in sampled blocks (see
    :func:`_candidate_pairs`), where it is over the pairs that were scored (``count[g][h]``).
    """
    by_id = {c.id: c for c in claims}
    group_of = {c.id: i for i, c in enumerate(claims)}
    members: dict[int, list[str]] = {i: [c.id] for i, c in enumerate(claims)}
    docs: dict[int, set[str]] = {i: {c.doc_id} for i, c in enumerate(claims)}
    # the time scopes a group holds: two groups whose scopes cannot overlap never merge, whatever claims
    # without a scope would bridge them ("8.1 million in 2022-Q2" and "9.4 million in 2023-Q2" via "9.4 million")
    scopes: dict[int, set[tuple[str, str]]] = {
        i: ({(c.qualifiers.time_scope.low, c.qualifiers.time_scope.high)} if c.qualifiers.time_scope else set())
        for i, c in enumerate(claims)}
    link: dict[int, dict[int, float]] = defaultdict(dict)
    count: dict[int, dict[int, int]] = defaultdict(dict)
    for (a, b), sim in pairs.items():
        ga, gb = group_of[a], group_of[b]
        link[ga][gb] = link[gb][ga] = sim
        count[ga][gb] = count[gb][ga] = 1
    for (a, b), sim in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0])):
        if sim < opts.threshold:
            break
        ga, gb = group_of[a], group_of[b]
        if ga == gb or docs[ga] & docs[gb]:
            continue
        if any(not (la < hb and lb < ha) for la, ha in scopes[ga] for lb, hb in scopes[gb]):
            continue
        n = count[ga][gb] if a in sampled else len(members[ga]) * len(members[gb])
        average = link[ga].get(gb, 0.0) / n
        if average < opts.threshold * opts.linkage:
            continue
        if len(members[ga]) < len(members[gb]):
            ga, gb = gb, ga  # merge the smaller group into the larger
        members[ga].extend(members[gb])
        docs[ga] |= docs[gb]
        scopes[ga] |= scopes.pop(gb)
        for x in members[gb]:
            group_of[x] = ga
        _merge_rows(link, ga, gb)
        _merge_rows(count, ga, gb)
        del members[gb], docs[gb]
    return [sorted((by_id[x] for x in ids), key=lambda c: (c.doc_id, c.span.start))
            for _, ids in sorted(members.items())]
