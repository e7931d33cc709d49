"""Quantity and rank claims: each figure of a document, with what it measures, about whom, and when.

This module owns the step from :class:`~consilience.extract.numbers.NumberMention` to
:class:`~consilience.model.Claim` (kinds "quantity" and "rank"): the sentence, the subject (the places
the clause is about, folded to keys: "U.S." = "US" = "United States", diacritics dropped), the measure (the measured
attribute phrase), the alignment terms (folded content words with synonyms canonicalised), and the
qualifiers (time scope resolved against the document's date, "every year", the comparison base of a
change, levels, and for ranks what is ranked among and on whose list).

Dates, people, quotes and events are extracted elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from consilience.english import plural
from consilience.extract.lexicon import IMPLIED_TERMS, STOPWORDS, canonical_term, fold
from consilience.extract.lexicon import find_places as _find_places
from consilience.extract.numbers import (
    MEASURE_UNITS, PEOPLE_STATE_AFTER, PEOPLE_STATE_WORDS, NumberMention, find_quantities, singular,
)
from consilience.extract.times import TimeMention, find_times, shift_value, time_value
from consilience.model import Claim, Document, Qualifiers, Quantity, Rank, Span, TimeValue

# Patterns used inside the functions below, compiled once (the re module's cache lookup costs per call).
_NP_STOP = re.compile(r"\s+(?:than|over|in|for|among|from|after|during|by|with|and|,)\b")
_RISK_OF = re.compile(r"(?:(?:their|its|the|a)\s+)?(risk|chance|odds|likelihood)\s+of\s+(.+)")
_LIKELY = re.compile(r"\blikely\b")
_REMAINS_OF_END = re.compile(r"\bremains\s+of\s*$")
_MONEY_IN = re.compile(r"\s+in\s+((?:[a-z][\w-]*\s+){0,2}?(?:aid|money|revenue|sales|profits?|losses|damages?|funding|loans?"
                        r"|investments?|exports?|imports?|trade|debt|spending|grants?|assistance|subsidies|fines?|bonuses))\b")
_SENTENCE_BREAK = re.compile(r"\.\s+(?=[A-Z])")
_PHRASE_OF_END = re.compile(r"([A-Za-z][\w\s-]{0,60}?)\s+of\s*$")
_QUANTIFIER_END = re.compile(r"\b(?:one|some|any|all|most|each)\s*$", re.I)
#: "a total of", "a maximum of": words before "of" that name no attribute of what is measured.
_TOTAL_OF_END = re.compile(r"\b(?:total|sum|maximum|minimum|average|mean|range|distance\s+of\s+up\s+to|up\s+to)\s+of\s*"
                           r"(?:(?:about|some|nearly|almost|around|roughly|more\s+than|over|up\s+to|at\s+least)\s+)?$", re.I)
_TO_OWNER = re.compile(r"\s*(?:[a-z][\w-]*\s+){0,4}?(?:for|to|of|in|on|into)\s+(?:the\s+)?")
_FOR_BEFORE = re.compile(r"\bfor\s+(?:the\s+)?$", re.I)
_COMMA_AFTER = re.compile(r"\s*,")
_SETTING_BEFORE = re.compile(r"\b(?:in|across|within|throughout|from|among|to|of|for|with|at)\s+(?:the\s+)?$", re.IGNORECASE)
_RATE_END = re.compile(r"\s*(?:,|\.|$|and|from|to)")
_DIGIT = re.compile(r"\d")
_SCOPE_LINK = re.compile(r"\s+(?:in|during|for|as\s+of)\s+(?:the\s+)?")
_FROM_LEVEL_IN = re.compile(r"\bfrom\s+(?:\S+\s+){0,4}in\s+$", re.I)
_GOAL_TO_END = re.compile(
    r"\bfor\s+(?P<np>(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)\s+to\s+(?:between\s+)?$"
    r"|\b(?P<np2>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\s+to\s+(?P<v>grow|rise|increase|expand|climb|fall|decline|drop"
    r"|shrink)\s+(?:by\s+)?(?:between\s+)?$", re.IGNORECASE)
_UP_VERBS = frozenset({"grow", "rise", "increase", "expand", "climb"})
_SCORED_BEFORE = re.compile(r"\b(?:scored|netted|struck|found\s+the\s+net)\s+(?:(?:some|about|nearly|over|more\s+than)\s+)?$",
                            re.IGNORECASE)
_SHARE_OF = re.compile(r"\s+(?:of|among)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|all\s+)?"
                       r"((?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*)"
                       r"(?=\s*(?:[,.;:)]|$)|\s+(?:in|on|at|for|to|from|by|with|and|while|after|before|as|than"
                       r"|against|versus|vs|compared|up|down|or|but)\b)")
_REPORTING = re.compile(
    r"\b(?:said|says|reported|reports|announced|announces|stated|added|noted|estimated|told\s+(?:\w+\s+){0,2}?"
    r"(?:reporters|journalists|investors|analysts|lawmakers|parliament))\b(?:\s+(?:on|in|at)\s+\w+)?(?:\s+that)?\s+"
)
_DATELINE_DASH = re.compile(r"\s*(?:\(\w[\w ]*\)\s*)?[-—–]\s")
_AND_NEXT_RANK = re.compile(r"[\w\s-]*?\band\s+(?:the\s+|its\s+)?")
_TOLL = re.compile(r"\btoll\b", re.IGNORECASE)
_OF_COUNTED = re.compile(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w.]*\s+)?(?:[a-z]+\s+){0,2}?([a-z]+s)\b")

__all__ = ["extract_claims", "clause_terms", "document_times", "sentence_spans", "COUNT_UNIT_SYNONYMS"]

#: An earthquake's magnitude around a bare figure: "magnitude 6.8", "a magnitude-6.8 quake", "put the magnitude
#: at 6.6", "a magnitude of 7"; "a 6.8-magnitude quake", "6.8 on the Richter scale".
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:[-\s]+|\s+(?:of|at|to)\s+(?:(?:about|around|nearly|almost|some)\s+)?)$",
                               re.IGNORECASE)
_MAGNITUDE_AFTER = re.compile(r"(?:-|\s)magnitude\b|\s+on\s+the\s+richter\s+scale\b", re.IGNORECASE)

#: What a quantity in a unit of measurement is of: "310 mm of rain" ("10 km of the capital" is a distance).
_UNIT_OF_WHAT = re.compile(r"\s+of\s+(?!(?:the|a|an|its|their|his|her|our)\b)([a-z]+(?:\s+[a-z]+)?)\b")

#: A bare figure after these counts what the figure before it counted ("9.4 million passengers, compared with 8.1
#: million").
_COMPARED_BEFORE = re.compile(r"\b(?:compared\s+(?:with|to)|against|versus|vs\.?)\s+(?:(?:about|some|nearly|almost|around|"
                              r"roughly|more\s+than|over|just\s+over|just\s+under|fewer\s+than|less\s+than)\s+)?$",
                              re.IGNORECASE)

#: Words after a superlative that open a clause, not name what is ranked ("the best I have seen").
_PRONOUN_NOUNS = frozenset("i we you he she they it ever yet so".split())

#: Units of measurement, canonical: a figure in them measures what is named before it ("a depth of 10 km").
_MEASURE_UNIT_NAMES = frozenset(MEASURE_UNITS.values())

#: Counted nouns that name the same thing ("480 soldiers" and "475 service members").
COUNT_UNIT_SYNONYMS: dict[str, str] = {
    "service member": "soldier", "servicemember": "soldier", "serviceman": "soldier", "troop": "soldier",
    "soldier": "soldier", "marine": "soldier", "fatality": "death", "death": "death", "casualty": "casualty",
    "ship": "vessel", "boat": "vessel", "cutter": "vessel", "vessel": "vessel", "tourist": "visitor",
    "visitor": "visitor", "arrival": "visitor", "ceo": "executive", "executive": "executive", "employee": "worker",
    "worker": "worker", "staff": "worker", "staffer": "worker", "labourer": "worker", "laborer": "worker", "ballot": "vote", "vote": "vote", "person": "person", "individual": "person",
    "resident": "person", "inhabitant": "person", "citizen": "person", "adult": "person", "participant": "person",
    "volunteer": "person", "respondent": "person", "fan": "spectator", "supporter": "spectator",
    "spectator": "spectator", "attendee": "spectator", "police officer": "officer", "officer": "officer",
    "policeman": "officer", "body": "death", "firm": "company", "business": "company", "company": "company",
    "enterprise": "company", "corporation": "company", "house": "home", "dwelling": "home", "store": "store",
    "outlet": "store", "shop": "store", "cafe": "store", "café": "store",
    "deal": "agreement", "accord": "agreement", "pact": "agreement", "agreement": "agreement",
    "arrest": "arrested person", "role": "job", "position": "job", "job": "job", "patient": "patient",
    "appearance": "match", "game": "match", "match": "match", "fixture": "match",
    "aircraft": "aircraft", "plane": "aircraft", "airplane": "aircraft", "aeroplane": "aircraft", "jet": "aircraft",
    "airliner": "aircraft",
    # people named by their state alone ("163 injured", "57 dead"): the people in that state
    "injured": "injured person", "wounded": "injured person", "dead": "death", "missing": "missing person",
    "displaced": "displaced person", "homeless": "displaced person",
}

#: What happened to the people counted, read from the words around the count ("23 people were still
#: missing" counts missing people, "killing at least five people" counts deaths).
PEOPLE_STATES: tuple[tuple[str, str], ...] = (
    ("death", r"killed|killing|kills|dead|died|die|deaths?|death\s+toll|bodies|fatalit\w+|lost\s+their\s+lives"),
    ("missing person", r"missing|unaccounted"),
    ("trapped person", r"trapped"),
    ("worker", r"employ|employs|employed|employing"),
    ("injured person", r"injured|injuring|wounded|wounding|hurt|injuries"),
    ("displaced person", r"displaced|evacuated|homeless|fled|relocated|(?:forced|driven)\s+(?:\S+\s+){0,4}?from\s+their\s+homes"),
    ("rescued person", r"rescued|rescuers?|rescue\s+teams?|saved|pulled\s+alive|(?:found|recovered|pulled\s+out|brought\s+out)\s+(?:\w+\s+){0,2}alive"),
    ("arrested person", r"arrested|detained|held\s+in\s+custody"),
    ("vaccinated person", r"vaccinated|inoculated|immuni[sz]ed|(?:received|given|got)\s+(?:\w+\s+){0,3}?vaccines?|vaccines?\s+doses?"),
    ("study participant", r"surveyed|polled|interviewed|questioned|(?:survey|poll|study|sample|trial|cohort)\s+(?:of|involving"
                          r"|covering|among)|(?:followed|tracked)(?=\s+(?:(?:about|some|nearly|roughly|around|more\s+than)\s+)?"
                          r"[\d,]+\s+(?:\w+\s+)?(?:people|adults|participants|patients|women|men|children|volunteers)\b)"),
    ("registered voter", r"registered\s+to\s+vote|on\s+the\s+(?:electoral\s+)?(?:roll|register)|eligible\s+to\s+vote"),
)
_RUNNING_UNITS = frozenset(u for u, _ in PEOPLE_STATES if u not in ("registered voter", "study participant"))
_PEOPLE_STATE_RES = tuple((u, re.compile(r"\b(?:" + p + r")\b", re.IGNORECASE)) for u, p in PEOPLE_STATES)
_PEOPLE_UNITS = frozenset({"person", "body", "death", "resident", "victim", "civilian", "child", "man", "woman",
                           "villager", "passenger", "worker", "miner", "migrant", "student", "tourist", "other",
                           "survivor", "voter", "elector", "patient"})
_LEVEL_BEFORE = re.compile(
    r"\b(?:rose|risen|rising|climbed|climbing|jumped|increased|grew|grown|fell|fallen|dropped|reached|reaching|hit|stood\s+at"
    r"|stands\s+at|is\s+now|was|were|totalled|totaled|numbered|to)\s+(?:(?:at\s+least|more\s+than|over|nearly|about|some)\s+)?$",
    re.IGNORECASE,
)
_RUNNING_MEASURE = re.compile(r"\b(?:toll|deaths?|dead|killed|missing|trapped|injured|wounded|casualt\w+|fatalit\w+|evacuated|displaced)\b",
                              re.IGNORECASE)

_WORD = re.compile(r"(?:[A-Z]\.){2,}|[A-Za-zÀ-ɏḀ-ỿ][\w'’-]*")
_CLAUSE_CUT = re.compile(
    r";|\s-\s|,\s+(?:while|whereas|but|and|with|as|placing|ranking|marking|aiming|seeking|hoping)\b|\s+while\s+"
    r"|\s+whereas\s+|—|–\s"
    # "shares jumped 9.5% after the company reported revenue of ...": what happened first is its own clause
    r"|\s+(?:after|before|because)\s+(?=(?:the|a|an|its|their|his|her|it|they|he|she|this|that|these|those)\s)"
    # "closed down 7.2% on Monday and recovered 1.5% on Tuesday as analysts said ...": a second verb of the same
    # subject, and what others said, are clauses of their own
    r"|\s+and\s+(?=(?:then\s+)?(?:recovered|rebounded|rose|fell|climbed|dropped|gained|lost|jumped|slipped|added|ended"
    r"|closed|opened|reached|hit|returned|surged|plunged|tumbled|dipped|edged|eased)\s)"
    r"|\s+as\s+(?=(?:\w+\s+){1,3}(?:said|say|says|warned|noted|added|reported)\b)"
)
_EVERY = re.compile(
    r"\b(?:every|each|per|a|an)\s+(?P<u>year|month|week|day|quarter|season)\b|\b(?P<adv>annually|yearly|monthly|weekly|daily)\b",
    re.IGNORECASE,
)
_SCOPE_CUE = re.compile(r"(?:\b(?:in|during|for|of|by|as\s+of|since|through|throughout|at\s+the\s+end\s+of|at)\s+(?:the\s+)?$)", re.IGNORECASE)
_REPORTED_ON = re.compile(
    r"\b(?:said|says|told|published|announced|reported|released|stated|posted|appeared|confirmed|noted|added)\b[^.;]*$",
    re.IGNORECASE,
)
#: The dimension a length or a weight measures, said by an adjective after it or by the verb before it.
_DIMENSION_ADJECTIVES = {"high": "height", "tall": "height", "long": "length", "deep": "depth", "wide": "width",
                         "thick": "thickness"}
_DIMENSION_VERBS = {"stands": "height", "stood": "height", "towers": "height", "towered": "height", "stretches": "length",
                    "stretched": "length", "spans": "length", "spanned": "length", "weighs": "weight", "weighed": "weight",
                    "weighing": "weight"}
_DIMENSIONS = {**_DIMENSION_ADJECTIVES, **_DIMENSION_VERBS}
_DIMENSION_AFTER = re.compile(r"[\s-]+(" + "|".join(_DIMENSION_ADJECTIVES) + r")\b", re.IGNORECASE)
_DIMENSION_VERB_BEFORE = re.compile(r"\b(" + "|".join(_DIMENSION_VERBS) + r")"
                                    r"\s+(?:(?:about|some|nearly|almost|around|roughly|just\s+over|more\s+than|over)\s+)?$",
                                    re.IGNORECASE)
_LINK_VERBS = re.compile(
    r"\b(?:is|are|was|were|has|have|had|stood|stands|reached|reaches|hit|hits|topped|tops|totalled|totaled|totals|amounted"
    r"|amounts|exceeded|exceeds|surpassed|surpassing|exceeding|rose|rising|grew|fell|jumped|climbed|increased|decreased"
    r"|declined|dropped|came|comes|poured|pours|invested|worth|valued|returned|handed|recorded|registered|posted|saw|marking"
    r"|ranks|ranked|ranking|became|becomes|remained|remains|helped|study|studied|studying|killed|left|injured|displaced|"
    r"reported|estimated|expected|projected|forecast|accounted|made|set|gained|lost|won|received|attracted|drew|sold|bought"
    r"|spent|cost|costs|paid|raised|earned|generated|produced|exported|imported|shipped|took|takes|secured"
    r"|captured|garnered|obtained|claimed"
    # headlines write the present: "quarterly profit jumps 45%", "exports rise to $3 billion"
    r"|rises|rise|falls|jumps|climbs|soars|soared|surges|surged|slips|slipped|dips|dipped|drops|tumbles|tumbled|plunges"
    r"|plunged|grows|sinks|sank|slumps|slumped|leaps|leapt|edges|edged)\b",
    re.IGNORECASE,
)
_PREP = re.compile(r"\b(?:between|in|of|to|from|for|with|by|at|on|into|among|across|under|over|within|since|during)\b", re.IGNORECASE)
_MEASURE_STOP = frozenset(
    "the a an its their his her our this that these those such total overall some about around nearly almost more than over "
    "up down also already so far has have had been is are was were be to from in of for with by at on into "
    "now sees expects predicts it they we he she".split()  # verbs of outlook, not nouns ("projects", "targets"); pronouns
)
_AMONG_AFTER = re.compile(
    r"\s*(?:(?:of|among)\s+(?:any|all|the|other)\s+(?P<a>[a-z][\w\s-]{0,40}?)(?=[,.;]|\s+(?:in|to|for|with|by|and\s+the)\b|$)"
    r"|out\s+of\s+[\d,]+\s+(?P<b>[a-z][\w-]*)|among\s+(?P<c>[a-z][\w\s-]{0,40}?)(?=[,.;]|$))",
    re.IGNORECASE,
)
_ITS_BEFORE = re.compile(r"\b(?:its|their)\s+(?:own\s+)?$", re.IGNORECASE)

# A naive splitter for documents that were not segmented: a line break or ". " + capital ends a sentence,
# except after single capitals ("U.S.", "George W.") and common abbreviations.
_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")
_ABBREV_END = re.compile(r"(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|St|No|Jan|Feb|Aug|Sept|Oct|Nov|Dec|Inc|Corp|Co|Ltd|vs|Lt|Col|Capt)\.)$")


def sentence_spans(doc: Document) -> list[Span]:
    """The document's sentences: ``doc.sentences`` when segmented, else a simple split of the clean text."""
    if doc.sentences:
        return list(doc.sentences)
    text = doc.text
    out: list[Span] = []
    start = 0
    for m in _SENT_END.finditer(text):
        if "\n" not in m.group(0) and _ABBREV_END.search(text[max(0, m.start() - 6):m.start()]):
            continue
        _add_span(out, doc.id, text, start, m.start())
        start = m.end()
    _add_span(out, doc.id, text, start, len(text))
    return out


def _add_span(out: list[Span], doc_id: str, text: str, s: int, e: int) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append(Span(doc_id, s, e))


@lru_cache(maxsize=1 << 15)
def find_places(text: str) -> tuple[tuple[int, int, str, bool], ...]:
    """:func:`consilience.extract.lexicon.find_places`, remembered: a clause and its words are asked
    about several times (terms, subject, measure, parties), and the place pattern is a long alternation."""
    return tuple(_find_places(text))


_POSSESSIVE_END = re.compile(r"['’]s?$")


@lru_cache(maxsize=1 << 15)
def clause_terms(text: str) -> tuple[str, ...]:
    """Folded content words of ``text`` (as written, roughly singular) with their canonical synonyms
    ("turnover" also gives "trade"), plus the keys of the places it names; sorted."""
    terms = set()
    places = find_places(text)
    covered = [(s, e) for s, e, _, _ in places]
    for s, e, key, _ in places:
        terms.add(key)
    for m in _WORD.finditer(text):
        if any(s <= m.start() < e for s, e in covered):
            continue
        w = _POSSESSIVE_END.sub("", fold(m.group(0))).strip("'’-")  # "Hichilema's" is Hichilema
        if not w or w in STOPWORDS or len(w) < 2 or w.isdigit():
            continue
        for part in w.split("-") if "-" in w and w not in ("two-way",) else (w,):
            if part and part not in STOPWORDS and len(part) > 1:
                t = canonical_term(part)
                terms.add(t)
                if t in IMPLIED_TERMS:
                    terms.add(IMPLIED_TERMS[t])
    return tuple(sorted(terms))


def _clause_bounds(text: str, s: int, e: int, pos: int, end: int) -> tuple[int, int]:
    """The clause of sentence ``text[s:e]`` holding ``text[pos:end]``."""
    lo, hi = s, e
    for m in _CLAUSE_CUT.finditer(text, s, e):
        if m.end() <= pos:
            lo = m.end()
        elif m.start() >= end:
            hi = m.start()
            break
    return lo, hi


#: Verbs that name what is measured when the clause has no noun for it ("companies poured $2 billion").
VERB_MEASURES: dict[str, str] = {"invest": "investment", "export": "exports", "import": "imports", "trade": "trade"}
_PHRASE_CUT = re.compile(r",|\s[-—–]\s|\)|\b(?:[Ww]ith|[Ww]hich|[Tt]hat|[Ww]ho|[Ww]here|[Ww]hen|[Ww]hile|[Aa]s)\b|(?<![A-Z]\.[A-Z])\.\s+(?=[A-Z])")


def _content(phrase: str) -> list[str]:
    """Folded words of a noun phrase without function words, places and names (capitalised words after
    the first: "Coastline Wire signed" is not what is measured)."""
    out = []
    for k, w in enumerate(_WORD.findall(phrase)):
        f = fold(w).strip("'’")
        if f in _MEASURE_STOP or not f or find_places(w):
            continue
        if w[:1].isupper() and (k > 0 or out) and not w.isupper():
            continue
        out.append(f)
    return out


_CHANGED_AFTER = re.compile(
    r"\s*(?:less|lower|higher|more|greater|smaller|bigger|larger|fewer)\s+(?:(?:likely|prone)\s+to\s+(?:develop|have|suffer|get|be)\s+)?"
    r"(?P<np>[a-z][\w-]*(?:\s+(?!than\b|over\b|in\b|for\b|among\b|from\b|after\b|during\b)[a-z][\w-]*){0,4})",
)
_CHANGED_BY = re.compile(
    r"\b(?:cut|cuts|reduced|reduces|lowered|lowers|raised|raises|increased|increases|boosted|boosts|slashed)\s+"
    r"(?P<np>(?:[a-z][\w'’-]*\s+){0,5}?[a-z][\w-]*)\s+by\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_CHANGED_IN = re.compile(r"\s*(?:reduction|increase|rise|drop|fall|decline|cut|jump|gain)s?\s+in\s+(?P<np>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})")


def _changed_phrase(text: str, lo: int, nm: NumberMention) -> str:
    """What a change changes: "18% less likely to develop heart failure", "an 18 percent lower risk of heart
    failure", "cut their risk of heart failure by 28%" -> "heart failure risk"."""
    np = None
    for rx in (_CHANGED_AFTER, _CHANGED_IN):
        m = rx.match(text, nm.end)
        if m:
            np = m.group("np")
            break
    if np is None:
        m = _CHANGED_BY.search(text, max(lo, nm.start - 80), nm.start)
        if m:
            np = m.group("np")
    if not np:
        return ""
    np = _NP_STOP.split(np)[0]
    risk = _RISK_OF.match(np)
    words = _content(np if not risk else risk.group(2))
    if not words:
        return ""
    if risk or _LIKELY.search(text[nm.end:nm.end + 30]):
        words.append("risk")
    return " ".join(words[-4:])


def _measure(text: str, lo: int, pos: int, nm: NumberMention) -> str:
    """The measured attribute: the head noun phrase of the clause before the figure.

    "Bilateral trade between the two states was worth more than ..." -> "bilateral trade";
    "a total investment capital of over $6.2 billion" -> "investment capital"; a count is measured
    by what it counts ("some 40,000 foreign students" -> "students"); a rank by what it ranks.
    """
    v = nm.value
    if isinstance(v, Rank):
        return " ".join(_content(nm.noun)) if nm.noun else ""
    if isinstance(v, Quantity) and v.kind == "count" and nm.noun and v.unit in _MEASURE_UNIT_NAMES:
        # a length, a speed, a weight: what it measures is named before it ("a depth of 10 km", "winds of
        # 150 mph"), else the unit stands for it
        m_of = _PHRASE_OF_END.search(text, max(lo, pos - 60), pos)
        if m_of and not _QUANTIFIER_END.search(m_of.group(1)) and not _TOTAL_OF_END.search(text, lo, pos):
            words = _content(re.split(r"\b(?:a|an|the|its|their)\b", _PHRASE_CUT.split(m_of.group(1))[-1], flags=re.I)[-1])
            if words:
                return words[-1]  # the head noun: "a water depth of" -> depth, "brought winds of" -> winds
        m_what = _UNIT_OF_WHAT.match(text, nm.end)
        if m_what and (words := _content(m_what.group(1))):
            return words[-1]  # "310 mm of rain", "2 tonnes of cocaine"
        end = nm.noun_end if nm.noun else nm.end
        if (m_dim := _DIMENSION_AFTER.match(text, end)) is not None:
            return _DIMENSIONS[m_dim.group(1).lower()]  # "8,848 metres high", "a 340-km-long line"
        if (m_dim := _DIMENSION_VERB_BEFORE.search(text, max(lo, pos - 20), pos)) is not None:
            return _DIMENSIONS[m_dim.group(1).lower()]  # "Mount Everest stands 8,849 metres", "the bridge spans 1.2 km"
        # "the average temperature was 1.55C", "concentrations reached 420 ppm": the subject of the verb
        verbs = list(_LINK_VERBS.finditer(text, max(lo, pos - 80), pos))
        verb = verbs[-1] if verbs else None
        if verb is not None and text[verb.end():pos].strip(" ,").count(" ") <= 3:  # the verb governs the figure
            phrase = _PHRASE_CUT.split(text[max(lo, verb.start() - 60):verb.start()])[-1]
            words = _content(re.split(r"\b(?:a|an|the|its|their)\b", phrase, flags=re.I)[-1])
            if words:
                return " ".join(words[-3:])
        return plural(v.unit)
    if isinstance(v, Quantity) and v.kind == "count" and nm.noun:
        words = [w for w in _content(nm.noun) if w not in ("set", "sets", "piece", "pieces", "of")]
        left = text[max(lo, pos - 20):pos].lower()
        remains = "remains" in words or _REMAINS_OF_END.search(left)
        unit = _count_unit(text, nm)
        if unit in _PEOPLE_UNITS:
            unit = _people_state(text, lo, len(text), nm) or unit
        # the measure names what is counted in the canonical words, so "fans" and "supporters" meet
        head = plural(unit)
        mods = [w for w in words[:-1] if w != "remains"]
        if mods and unit != nm.value.unit and f"{mods[-1]} {nm.value.unit}" in COUNT_UNIT_SYNONYMS:
            mods = mods[:-1]  # "service members" became "soldiers"
        phrase = " ".join(mods[-2:] + [head]) if mods and len(mods) <= 2 else head
        return f"remains of {phrase}" if remains else phrase
    if nm.change and isinstance(v, Quantity) and v.kind in ("percent", "points", "multiplier") and (
            sent := _SENT_DOWN.search(text, max(lo, pos - 40), pos)) is not None:
        return " ".join(_content(sent.group("np")))  # "sending its shares down 5%": what was sent down
    if nm.change and isinstance(v, Quantity) and v.kind in ("percent", "points", "multiplier"):
        changed = _changed_phrase(text, lo, nm)
        if changed:
            return changed
    if isinstance(v, Quantity) and v.kind == "percent" and not nm.change:
        m_share = _SHARE_OF.match(text, nm.end, min(len(text), nm.end + 60))
        if m_share:
            # "52.4% of the presidential ballot", "30% of its exports": a share of what follows
            words = _content(m_share.group(1))
            if words:
                return " ".join(words[-3:])
    if isinstance(v, Quantity) and v.kind == "money":
        m_in = _MONEY_IN.match(text[nm.end:nm.end + 50])
        if m_in:
            return " ".join(_content(m_in.group(1)))
    left = text[lo:pos]
    cuts = list(_SENTENCE_BREAK.finditer(left))
    if cuts:
        left = left[cuts[-1].end():]
    said = list(_REPORTING.finditer(left))
    if said and _WORD.search(left, said[-1].end()):
        # "X said on Thursday its revenue rose 23%": what is measured follows the reporting verb
        left = left[said[-1].end():]
    # "<phrase> of" right before the figure: the phrase is at most 61 characters, so only the tail of
    # the clause is searched (the pattern is tried at every start otherwise)
    m_to = _GOAL_TO_END.search(left, max(0, len(left) - 120))
    if m_to:
        # "its guidance for full-year revenue growth to 6%", "expects revenue to grow 6%"
        words = _content(m_to.group("np") or m_to.group("np2"))
        if words:
            grow = m_to.group("v") and m_to.group("v").lower() in _UP_VERBS
            return " ".join(words[-3:] + (["growth"] if grow and words[-1] != "growth" else []))
    m_of = _PHRASE_OF_END.search(left, max(0, len(left) - 200))
    if m_of and not _QUANTIFIER_END.search(m_of.group(1)):
        phrase = _PHRASE_CUT.split(m_of.group(1))[-1]
        phrase = re.split(r"\b(?:a|an|the|its|their)\b", phrase, flags=re.I)[-1]
        words = _content(phrase)
        if words:
            return " ".join(words[-3:])
    verbs = list(_LINK_VERBS.finditer(left))
    for j in range(len(verbs) - 1, -1, -1):
        prev_end = verbs[j - 1].end() if j > 0 else 0
        phrase = _PHRASE_CUT.split(left[prev_end:verbs[j].start()])[-1]
        pm = _PREP.search(phrase)
        if pm and phrase[:pm.start()].strip():
            phrase = phrase[:pm.start()]
        words = _content(phrase)
        if words and words[-1] in ("companies", "company", "firms", "investors", "they", "it", "he", "she", "we"):
            verb = canonical_term(fold(verbs[j].group(0)))
            if verb in VERB_MEASURES:
                return VERB_MEASURES[verb]
        if words:
            return " ".join(words[-3:])
    phrase = _PHRASE_CUT.split(left)[-1] if left.strip() else ""
    phrase = re.sub(r"^\s*(?:with|in|of|for|at|by|from)\s+", "", phrase, flags=re.I)
    pm = _PREP.search(phrase)
    if pm and phrase[:pm.start()].strip():
        phrase = phrase[:pm.start()]
    words = _content(phrase)
    return " ".join(words[-3:])


def _subject(text: str, lo: int, hi: int) -> str:
    keys = sorted({key for _, _, key, _ in find_places(text[lo:hi])})
    return "-".join(keys)


_POSS_AFTER = re.compile(r"(?:'s|’s|s'|')(?!\w)")
_OWNER_BEFORE = re.compile(r"\b(?:for|to|in|into|on|of)\s+(?:the\s+)?$", re.IGNORECASE)


def _rank_parties(text: str, s: int, e: int, lo: int, hi: int, nm: NumberMention) -> tuple[str | None, str | None]:
    """(ranked party, list owner) as place keys: "The U.S. is Mexico's largest export market" -> (us, mexico).

    The owner is a possessive just before the rank ("Mexico's largest", "its second largest": the
    last possessive before) or a place after the ranked noun ("partner for the U.S.", "investor in
    Mexico"); the ranked party is the first other place of the clause (its grammatical subject).
    """
    places = [(ps + s, pe + s, key, dem) for ps, pe, key, dem in find_places(text[s:e])]
    poss = [p for p in places if _POSS_AFTER.match(text, p[1])]
    owner = None
    near = [p for p in poss if nm.start - 30 <= p[0] and p[1] <= nm.end]
    if near:
        owner = near[-1][2]
    elif _ITS_BEFORE.search(text[max(s, nm.start - 12):nm.start]):
        earlier = [p for p in poss if p[1] <= nm.start]
        if earlier:
            owner = earlier[-1][2]
    if owner is None:
        tail = nm.noun_end if nm.noun else nm.end
        for p in places:
            if p[0] >= tail and _TO_OWNER.fullmatch(text[tail:p[0]]):
                owner = p[2]
                break
    if owner is None:
        # "for Uganda, Tanzania is the fourth-largest export market"
        for p in places:
            if lo <= p[0] < nm.start and _FOR_BEFORE.search(text[max(lo, p[0] - 8):p[0]]) and (
                    _COMMA_AFTER.match(text[p[1]:p[1] + 3])):
                owner = p[2]
                break
    if owner is None and not nm.noun:
        # an appositive rank ("investment in X has topped $11 billion, the 11th highest"): the list is X's
        for p in places:
            if p[1] <= nm.start and _OWNER_BEFORE.search(text, max(s, p[0] - 12), p[0]):
                owner = p[2]
                break
    ranked = None
    for pool in ([p for p in places if lo <= p[0] < hi], places):
        for p in pool:
            if p[2] == owner or p in poss or p[0] >= nm.start:
                continue
            if _SETTING_BEFORE.search(text[max(s, p[0] - 12):p[0]]):
                continue  # "In Asia, X is ...": a setting, not the party ranked
            ranked = p[2]
            break
        if ranked:
            break
    return ranked, owner


def _every(text: str, s: int, e: int) -> str | None:
    m = _EVERY.search(text, s, e)
    if not m:
        return None
    if m.group("u"):
        word = text[m.start():m.start("u")].strip().lower()
        if word in ("a", "an", "per") and not _RATE_END.match(text[m.end():m.end() + 6]):
            # "a year" as a rate sits at the end of a phrase ("25,000 a year"), not "a year earlier"
            if not _DIGIT.search(text[max(s, m.start() - 25):m.start()]):
                return None
        return m.group("u").lower()
    return {"annually": "year", "yearly": "year", "monthly": "month", "weekly": "week", "daily": "day"}[m.group("adv").lower()]


def _time_scope(text: str, times: list[TimeMention], lo: int, hi: int, nm: NumberMention,
                bases: tuple[tuple[int, int], ...] = (), origin: int = 0) -> TimeMention | None:
    """The time the figure holds for: the date of its clause nearest to it, not its comparison base."""
    best = None
    for t in times:
        if t.end <= lo or t.start >= hi or t.value is None and t.ref is None:
            continue
        if nm.base is not None and t.start == nm.base.start:
            continue
        gap = text[nm.end:t.start]
        # "was worth X in 2022", "up from 19% a year earlier": the date right after the figure is its own
        adjacent = 0 <= t.start - nm.end <= 12 and (_SCOPE_LINK.fullmatch(gap) or (gap.isspace() and t.ref is not None))
        if t.ref in ("present", "past", "future") or (not adjacent and any(s <= t.start < e for s, e in bases)):
            continue  # a comparison base ("from 2021", "on the year") is no date of the figure
        if t.start >= nm.end and _COMPARED_FIGURE.search(gap):
            continue  # "came to $318 million, compared with $349 million a year ago": the other figure's date
        # a date that ends in "from <level> in" belongs to the level, i.e. is the base
        if _FROM_LEVEL_IN.search(text[max(lo, t.start - 40):t.start]) and nm.change:
            continue
        dist = nm.start - t.end if t.end <= nm.start else t.start - nm.end
        # prefer dates after the figure in the same clause ("was worth X last year") and dates introduced
        # by a scoping preposition ("In 2022, trade hit X")
        cue = bool(_SCOPE_CUE.search(text, max(lo, t.start - 25), t.start)) or t.text.lower().startswith(("last", "this", "next"))
        if origin + t.start < _HEAD and _DATELINE_DASH.match(text[t.end:t.end + 20]):
            continue  # a dateline dates the report, not the figure
        tail = max(nm.end, nm.noun_end)
        gap = nm.start - t.end if t.end <= nm.start else t.start - tail
        if t.value is not None and t.value.granularity in ("day", "week") and not adjacent and (
                gap > 30 or _REPORTED_ON.search(text, max(lo, t.start - 40), t.start)):
            continue  # "published on February 14": the date of an act of reporting, not of the figure
        key = (0 if adjacent else 1 if cue else 2, dist)
        if best is None or key < best[0]:
            best = (key, t)
    return best[1] if best else None


#: A noun phrase moved by a causative verb right before a change: "sending its shares down 5%".
_SENT_DOWN = re.compile(r"\b(?:sending|sent|pushing|pushed|driving|drove|dragging|dragged|lifting|lifted|taking|took)\s+"
                        r"(?:(?:its|their|the|his|her)\s+)?(?P<np>(?:[\w'’-]+\s+){0,2}?[\w'’-]+)\s+(?:down|up|lower|higher)\s+"
                        r"(?:by\s+)?(?:(?:about|some|nearly|almost|more\s+than|over|around|roughly)\s+)?$", re.IGNORECASE)
#: An amount per share after a money figure ("$1.46 per share", "$5.70 a share").
_PER_SHARE = re.compile(r"\s*(?:per|a)\s+(?:diluted\s+|basic\s+)?share\b", re.IGNORECASE)
_PROFIT_WORDS = frozenset("net profit profits earnings income eps".split())
#: Another figure, compared with, between a figure and a date after it.
_COMPARED_FIGURE = re.compile(r"\b(?:compared\s+(?:with|to)|against|versus|vs\.?|(?:up|down)\s+from)\s+"
                              r"(?:(?:about|some|nearly|around|just)\s+)?[$€£¥]?(?:US\$|[A-Z]{3}\s?)?\d", re.IGNORECASE)
_YEAR_ON_YEAR = re.compile(r"\b(?:year[- ]on[- ]year|year[- ]over[- ]year|on\s+the\s+year|y/y|yoy)\b", re.IGNORECASE)


def _year_on_year(text: str, nm: NumberMention, lo: int, hi: int, scope: TimeValue | None,
                  anchor: str | None) -> TimeValue | None:
    """The base of a change said to be "year on year": the same period a year before the figure's
    (or, without a time scope, the year before the document's)."""
    if nm.change is None or not _YEAR_ON_YEAR.search(text, nm.end, min(hi, nm.end + 40)):
        return None
    if scope is not None:
        # the same period a year before: a quarter four quarters back, a month twelve months back
        return _shift_by(scope, "year", -1)
    return time_value("year", int(anchor[:4]) - 1, relative=True) if anchor else None


#: Periods of each granularity in a year ("a year earlier" of a quarter is four quarters back).
_PER_YEAR = {"year": 1, "half": 2, "quarter": 4, "month": 12}


def _shift_by(scope: TimeValue, said: str, sign: int) -> TimeValue | None:
    """``scope`` moved by the period an anaphoric expression names ("a year earlier", "the previous
    quarter"), in units of the scope's own granularity; None when they do not divide."""
    unit = next((u for u in ("year", "half", "quarter", "month", "week", "day") if u in said.lower()), None)
    if unit is None or unit == scope.granularity:
        return shift_value(scope, sign)
    if unit == "year" and scope.granularity in _PER_YEAR:
        return shift_value(scope, sign * _PER_YEAR[scope.granularity])
    if unit == "year" and scope.granularity in ("day", "week"):
        y, m, d = (int(x) for x in scope.low.split("-"))
        return time_value(scope.granularity, y + sign, m, d, relative=scope.relative)
    return None


def _resolve_base(nm: NumberMention, scope: TimeValue | None, anchor: str | None) -> TimeValue | None:
    """The comparison base as a date: "from 2021" -> 2021; "from the previous year" / "year-on-year" ->
    one period before the time scope (or before the document's date)."""
    b = nm.base
    if b is None:
        return None
    if b.ref in ("previous", "same") or b.value is None:
        if scope is not None:
            if b.ref == "same":
                return scope
            # "from a year earlier" of a quarter is that quarter a year back; "the previous quarter" one back
            return _shift_by(scope, b.text, -1) or shift_value(scope, -1)
        if b.value is None and anchor:
            return time_value("year", int(anchor[:4]) - 1, relative=True)
        return b.value
    return b.value


def extract_claims(doc: Document) -> list[Claim]:
    """Quantity and rank claims of ``doc``, sorted by span start; ids are ``f"{doc.id}#{span.start}"``.

    Relative time scopes ("last year") are resolved against ``doc.published.date`` when it is known.
    A claim depends only on its sentence, on the document's date when the sentence holds a relative time
    expression, and on whether the sentence opens the document (a dateline dates the report, not its
    figures): each sentence's claims are remembered on that key, so the copies and rewrites of one story,
    and the dating stage's reads of a document before its date is known, cost one extraction.
    """
    if doc.skipped or not doc.text:
        return []
    text = doc.text
    anchor = doc.published.date if doc.published else None
    claims: list[Claim] = []
    for sent in sentence_spans(doc):
        s = text[sent.start:sent.end]
        dated = anchor if anchor and _anchor_matters(s, anchor) else None
        for start, end, kind, value, subject, measure, terms, qual in _sentence_claims(s, dated, min(sent.start, _HEAD)):
            a = sent.start + start
            claims.append(Claim(id=f"{doc.id}#{a}", kind=kind, span=Span(doc.id, a, sent.start + end),
                                sentence=sent, value=value, subject=subject, measure=measure, terms=terms,
                                qualifiers=qual))
    claims.sort(key=lambda c: (c.span.start, c.span.end))
    return claims


#: How far into a document a date can be its dateline (see :func:`_time_scope`).
_HEAD = 120
def document_times(doc: Document, anchor: str | None = None) -> list[TimeMention]:
    """The time expressions of ``doc``, read sentence by sentence and resolved against ``anchor``, with
    offsets into ``doc.text``.

    The scans are those :func:`extract_claims` makes and remembers per sentence, so dating, claims,
    people and events read each sentence once per date; a sentence in which nothing is found without
    a date is not read again with one.
    """
    text = doc.text
    out: list[TimeMention] = []
    for sent in sentence_spans(doc):
        s = text[sent.start:sent.end]
        found = find_times(s)
        if found and anchor is not None:
            found = find_times(s, anchor=anchor)
        if sent.start:
            found = [replace(t, start=t.start + sent.start, end=t.end + sent.start) for t in found]
        out.extend(found)
    return out


def _anchor_matters(sentence: str, anchor: str) -> bool:
    """Whether the sentence's time expressions read differently with the document's date than without:
    relative ones ("last year"), and absolute ones the date disambiguates ("'98", "the nineties", a year
    too far ahead to be one)."""
    if _YEAR_ON_YEAR.search(sentence):
        return True  # "up 23% year on year": the base is the year before the document's
    free = find_times(sentence)
    if not free:
        return False  # the date resolves or rules out readings of expressions; it never adds one
    return (any(t.relative or t.value is None or t.ref is not None for t in free)
            or find_times(sentence, anchor=anchor) != free)


@lru_cache(maxsize=1 << 15)
def _sentence_claims(text: str, anchor: str | None, origin: int) -> tuple[tuple, ...]:
    """The claims of one sentence as tuples (start, end, kind, value, subject, measure, terms,
    qualifiers), offsets within the sentence. ``origin`` is where the sentence starts in its document,
    capped at ``_HEAD``."""
    times = find_times(text, anchor=anchor)
    mentions = find_quantities(text, times=times)
    bases = tuple((nm.base.start, nm.base.end) for nm in mentions if nm.base is not None)
    out: list[tuple] = []
    prev: Claim | None = None
    split: tuple[int, int, float] | None = None
    sent = Span("", 0, len(text))
    for nm in mentions:
        v = nm.value
        if nm.start < 0 or nm.end > sent.end:
            continue
        lo, hi = _clause_bounds(text, sent.start, sent.end, nm.start, nm.end)
        measure = _measure(text, lo, nm.start, nm)
        if isinstance(v, Quantity) and v.kind == "money" and _PER_SHARE.match(text, nm.end):
            # "$1.46 per share", "earnings of $5.55 to $5.70 a share": an amount per share, not the total
            words = [w for w in measure.split() if w.lower() not in _PROFIT_WORDS and w.lower() not in ("per", "share", "shares")]
            per = "earnings per share" if (set(measure.lower().split()) & _PROFIT_WORDS or not words) else "per share"
            measure = " ".join(words + [per])
        if isinstance(v, Quantity) and v.kind == "clock":
            # "derailed at 7.42am", "the blast happened at about 10.40pm": the time of what happened
            measure = _clock_measure(text, lo, hi, nm)
        elif isinstance(v, Quantity) and v.kind in ("number", "count") and (
                _MAGNITUDE_BEFORE.search(text, max(0, nm.start - 30), nm.start) or _MAGNITUDE_AFTER.match(text, nm.end)):
            # "magnitude 6.8", "a 6.8-magnitude quake", "6.8 on the Richter scale": an earthquake's size
            v = Quantity(kind="number", unit="magnitude", point=v.point, low=v.low, high=v.high, hedge=v.hedge)
            measure = "magnitude"
        elif (isinstance(v, Quantity) and v.kind == "number" and (split := _vote_split(text, nm)) is not None):
            # "voted 4-1", "split 3-2", "in a 7-2 vote", "ruled 5-4": the winning side, then the losing one
            v = Quantity(kind="count", unit="vote in favour", point=v.point, low=v.point, high=v.point, hedge="exact")
            measure = "votes in favour"
        elif isinstance(v, Quantity) and v.kind in ("number", "count") and (side := _vote_side(text, nm)) is not None:
            # "104 votes in favour, 83 against", "by 104 votes to 83", "by 104 to 88": the two sides of a vote
            v = Quantity(kind="count", unit=side, point=v.point, low=v.low, high=v.high, hedge=v.hedge)
            measure = plural(side)
        elif (isinstance(v, Quantity) and v.kind == "number" and prev is not None and isinstance(prev.value, Quantity)
              and prev.value.kind == "count" and _COMPARED_BEFORE.search(text, max(0, nm.start - 25), nm.start)):
            # "flew 9.4 million passengers, compared with 8.1 million a year earlier": the same count, then
            v = Quantity(kind="count", unit=prev.value.unit, point=v.point, low=v.low, high=v.high, hedge=v.hedge)
            measure = prev.measure
        elif isinstance(v, Quantity) and v.kind == "number":
            state = (_running_level(text, lo, hi, nm) or _state_after(text, hi, nm) or _level_noun(text, lo, nm)
                     or _state_verb_before(text, nm))
            if state is not None:
                # "the death toll has risen to 11", "4 remain missing": a count of people in that state,
                # though no noun follows the figure; the toll is what is measured
                v = Quantity(kind="count", unit=state, point=v.point, low=v.low, high=v.high, hedge=v.hedge)
                measure = plural(state)
            elif (lm := _LEVEL_AT.search(text, max(lo, nm.start - 60), nm.start)) is not None and v.point >= 1000 and (
                    words := _content(lm.group("what"))):
                # "put the population at 4.8 million", "estimated the crowd at 40,000": the level of what is named
                measure = " ".join(words[-2:])
            elif not ((measure or prev is not None) and nm.change):
                continue  # a bare figure with nothing measured is not checkable
        elif isinstance(v, Quantity) and v.kind == "multiplier" and _SCORED_BEFORE.search(text, max(0, nm.start - 25), nm.start):
            # "netted 27 times" counts goals, it multiplies nothing
            v = Quantity(kind="count", unit="goal", point=v.point, low=v.low, high=v.high, hedge=v.hedge)
            measure = "goals"
        elif isinstance(v, Rank) and nm.noun and nm.noun.split()[0].lower() in _PRONOUN_NOUNS:
            continue  # "the strongest we have ever seen": a superlative of a clause, nothing ranked
        elif isinstance(v, Quantity) and v.kind == "count":
            unit = _count_unit(text, nm)
            if unit in _PEOPLE_UNITS:
                unit = _people_state(text, lo, hi, nm) or unit
                if _MORE_AFTER.match(text, nm.end):
                    continue  # "the bodies of two more miners": what was added to a toll, not the toll
            v = Quantity(kind="count", unit=unit, point=v.point, low=v.low, high=v.high, hedge=v.hedge)
        scope_m = _time_scope(text, times, lo, hi, nm, bases, origin)
        scope = scope_m.value if scope_m is not None else None
        if (scope is not None and isinstance(v, Quantity) and v.unit in _RUNNING_UNITS
                and scope.granularity in ("day", "week")):
            # a running toll is "as of" its report: the day it names is when it was counted, and the
            # judge compares reports by their dates instead
            scope = None
        elif (scope is not None and scope_m is not None and scope.granularity == "day"
              and _AS_OF_BEFORE.search(text, max(0, scope_m.start - 8), scope_m.start)):
            # "as of Friday, eight lenders had ...", "by Wednesday afternoon five had ...": a count at a moment
            scope = None
        if scope_m is not None and scope_m.ref in ("previous", "following", "same") and prev is not None:
            # "in the same year" is the date the sentence already gave; "a year earlier" the one before it
            scope = prev.qualifiers.time_scope
            if scope is not None and scope_m.ref != "same":
                scope = _shift_by(scope, scope_m.text, -1 if scope_m.ref == "previous" else 1)
        inherit = prev is not None and (nm.change is not None or (isinstance(v, Rank) and not nm.noun))
        apposed = None
        if inherit:
            # "trade reached $X last year, marking an 11% increase from 2020": the change is of the same
            # measure and period as the figure before it in the sentence
            if scope_m is None:
                scope = prev.qualifiers.time_scope
            if measure.lower() in _CHANGE_MEASURES or _APPOSED_CHANGE.search(text, max(lo, nm.start - 40), nm.start):
                # "the population at 4.83 million, a rise of 2.6 per cent", "281,774 people, or 6.2%": the
                # change of the figure just before, whatever words stand between (and against its base,
                # when that figure is a change too: "282,000 more than in 2016, a rise of 6.2 percent")
                measure = prev.measure
                apposed = prev.qualifiers.base if prev.qualifiers.change else None
            if not measure or isinstance(v, Rank):
                measure = measure or prev.measure
        every = _every(text, lo, hi) or _every(text, sent.start, sent.end)
        among = of = None
        subject = _subject(text, lo, hi) or _subject(text, sent.start, sent.end)
        if isinstance(v, Rank):
            ranked, of = _rank_parties(text, sent.start, sent.end, lo, hi, nm)
            if (of is None and prev is not None and prev.kind == "rank"
                    and _AND_NEXT_RANK.fullmatch(text[prev.span.end:nm.start])):
                # "Canada's largest export market and second-largest trading partner": one owner for both
                ranked, of = prev.subject or ranked, prev.qualifiers.of
            subject = ranked or ""
            am = _AMONG_AFTER.match(text, nm.noun_end if nm.noun else nm.end)
            if nm.noun:
                among = _canonical_phrase(nm.noun)
                measure = among  # "trading partner" and "commercial partner" measure the same rank
            elif am:
                among = _canonical_phrase(am.group("a") or am.group("b") or am.group("c") or "")
        # a time of day's own words ("am", "GMT") are no terms
        terms = set(clause_terms(text[lo:hi]) if getattr(v, "kind", "") != "clock" else
                    clause_terms(text[lo:nm.start]) + clause_terms(text[nm.end:hi]))
        if measure:
            terms.update(clause_terms(measure))
        if inherit and prev is not None:
            terms.update(prev.terms)
        qual = Qualifiers(
            time_scope=scope,
            every=every,
            base=_resolve_base(nm, scope, anchor) or _year_on_year(text, nm, lo, hi, scope, anchor) or apposed,
            change=nm.change,
            level_from=nm.level_from,
            level_to=nm.level_to,
            place=None,
            among=among or None,
            of=of,
        )
        kind = "rank" if isinstance(v, Rank) else "quantity"
        terms_t = tuple(sorted(terms))
        prev = Claim(id="", kind=kind, span=Span("", nm.start, nm.end), sentence=sent, value=v, subject=subject,
                     measure=measure, terms=terms_t, qualifiers=qual)
        out.append((nm.start, nm.end, kind, v, subject, measure, terms_t, qual))
        if split is not None:
            against = Quantity(kind="count", unit="vote against", point=split[2], low=split[2], high=split[2], hedge="exact")
            out.append((split[0], split[1], kind, against, subject, "votes against", terms_t, qual))
            split = None
    return tuple(out)


#: What happened at a time of day, as the noun that names it: the clause's last such word before the time,
#: else its first after it ("at 7.42am the train derailed"). Phrases first, then words that the lexicon
#: canonicalises ("blast" -> "explosion").
_HAPPENED = re.compile(
    r"(?P<phrase>(?:came|comes|come|coming|left|leaving|went|go|goes|going|ran|run)\s+off\s+the\s+(?:tracks?|rails?|road|runway)"
    r"|left\s+the\s+(?:tracks?|rails?)|broke\s+out|made\s+landfall|opened\s+fire|took\s+off|touched\s+down"
    r"|turned\s+over"
    r"|(?:polls?|stations?)\s+(?:opened|closed|open|close))"
    r"|\b(?P<word>explosions?|blasts?|exploded|derail(?:ed|ment)?|(?:earth)?quakes?|tremor|crash(?:ed)?|collision"
    r"|collided|capsized?|capsizing|sank|overturned|overturning|fire|blaze|landslide|mudslide|flood(?:ing)?|eruption|erupted|collapsed?"
    r"|attack(?:ed)?|shooting|explosion|landed|landing|departed|arrived|storm|tornado|derailment)\b",
    re.IGNORECASE)
_HAPPENED_PHRASE = (("off the road", "crash"), ("off the runway", "crash"), ("off the", "derailment"),
                    ("left the", "derailment"), ("broke out", "outbreak"), ("landfall", "landfall"),
                    ("opened fire", "attack"), ("took off", "takeoff"), ("touched down", "landing"),
                    ("turned over", "capsize"), ("open", "opening of polls"), ("close", "close of polls"))


def _clock_measure(text: str, lo: int, hi: int, nm: NumberMention) -> str:
    """What a time of day is the time of: "time of derailment", "time of explosion", else "time of <the last
    words before it>"."""
    found = list(_HAPPENED.finditer(text, lo, nm.start)) or list(_HAPPENED.finditer(text, nm.end, hi))[:1]
    if found:
        m = found[-1]
        if m.group("phrase"):
            what = next(name for key, name in _HAPPENED_PHRASE if key in m.group("phrase").lower())
        else:
            what = canonical_term(fold(m.group("word")))
        return f"time of {what}"
    words = _content(text[lo:nm.start])
    return "time of " + " ".join(words[-2:]) if words else "time of day"


#: Measures that only name the change itself ("a rise of 2.6 per cent" measured "rise"), or the word before a
#: restated figure ("or 6.2%").
_CHANGE_MEASURES = frozenset("rise rises increase increases growth gain jump surge drop fall decline decrease "
                             "reduction loss or".split())
#: A change set beside the figure before it: ", a rise of", ", or", "(".
_APPOSED_CHANGE = re.compile(r"(?:,\s*(?:an?\s+(?:[a-z]+\s+)?(?:rise|increase|gain|jump|drop|fall|decline|decrease|"
                             r"reduction)\s+of|or)|\()\s*(?:(?:some|about|nearly|almost|roughly|around)\s+)?$",
                             re.IGNORECASE)


def _canonical_phrase(phrase: str) -> str:
    """A noun phrase with each word canonicalised ("trading partner" and "commercial partner" -> "trade partner")."""
    return " ".join(canonical_term(fold(w)) for w in _WORD.findall(phrase) if fold(w) not in ("the", "a", "an", "any", "all"))


def _people_state(text: str, lo: int, hi: int, nm: NumberMention) -> str | None:
    """What the counted people are (dead, missing, injured, ...) from the words around the count: the
    nearest state word after the counted noun ("20 others remain missing"), else the nearest before
    the figure ("killing at least five people")."""
    if nm.noun:
        for unit, rx in _PEOPLE_STATE_RES:
            if rx.fullmatch(nm.noun):
                return unit  # "Two dead, seven trapped": the counted word is the state
    a, tail = max(lo, nm.start - 30), nm.noun_end or nm.end
    b = min(hi, tail + 60)
    after: tuple[int, str] | None = None
    before: tuple[int, str] | None = None
    for unit, rx in _PEOPLE_STATE_RES:
        for m in rx.finditer(text, a, b):
            if m.start() <= nm.start and m.end() >= tail:
                return unit  # around the count: "recovered 35 people alive"
            if m.start() >= tail:
                if _FIGURE_BETWEEN.search(text, tail, m.end()) or _FIGURE_NEXT.match(text, m.end()):
                    continue  # "carrying 340 passengers derailed, killing one person": the state is the other figure's
                if after is None or m.start() < after[0]:
                    after = (m.start(), unit)
            elif m.end() <= nm.start and (before is None or m.end() > before[0]):
                before = (m.end(), unit)
    found = after or before
    return found[1] if found else None


#: A figure between a count and a state word after it ("killing one person", "injuring 47 others").
_FIGURE_BETWEEN = re.compile(r"\s*(?:(?:at\s+least|at\s+most|some|about|nearly|almost|around|roughly|more\s+than|over|up\s+to"
                             r"|fewer\s+than|less\s+than|another|a\s+further)\s+)?\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|scores|hundreds)\b"
                             r"(?=\s+(?:\w+\s+)?(?:people|persons?|others?|men|women|children|passengers|of\s+them)\b"
                             r"|" + PEOPLE_STATE_AFTER.pattern + ")",
                             re.IGNORECASE)


#: The two sides of a vote: "83 against", "104 votes in favour", "by 104 votes to 83", "by 104 to 88".
_VOTE_CONTEXT = re.compile(r"\b(?:vote[sd]?|voting|ballot|reading|motion|bill|passed|approved|adopted|rejected|defeated"
                           r"|abstain\w*|abstentions?)\b", re.IGNORECASE)
_AGAINST_AFTER = re.compile(r"\s+(?:votes?\s+)?against\b(?!\s+(?:the|a|an|it|them|him|her)\b)", re.IGNORECASE)
_FOR_AFTER = re.compile(r"\s+(?:votes?\s+)?in\s+favou?r\b(?!\s+of\b)|\s+votes?\s+(?:to|against)\s+\d|\s+to\s+\d[\d,]*\b"
                        r"(?=\s*(?:[,;.)]|with|and|in|$))", re.IGNORECASE)
_AGAINST_BEFORE = re.compile(r"\b(?:votes?|\d[\d,]*)\s+to\s+$", re.IGNORECASE)
_BY_BEFORE = re.compile(r"\b(?:by|with)\s+$", re.IGNORECASE)


#: "as of" or "by" before a day: the moment a count was read, not the period it covers.
_AS_OF_BEFORE = re.compile(r"\b(?:as\s+of|by)\s+$", re.IGNORECASE)

#: "two more", "three further", "four additional": an increment of a count, not its level.
_MORE_AFTER = re.compile(r"\s+(?:more|further|additional|extra)\b", re.IGNORECASE)

#: A level given as "put/estimated <what> at <figure>" (the figure follows at the end of the match).
_LEVEL_AT = re.compile(r"\b(?:put|puts|putting|estimated|estimates|estimating|pegged|pegs|pegging|placed|places|placing)\s+"
                       r"(?P<what>(?:the|its|their|a|an)?\s*(?:[\w'’-]+\s+){0,3}?)at\s+(?:(?:nearly|almost|about|around|some"
                       r"|roughly|more\s+than|over|just\s+over|just\s+under|under|less\s+than|at\s+least)\s+)?$", re.IGNORECASE)

#: A vote written as its split: "voted 4-1", "split 3-2", "ruled 5-4", or "a 7-2 vote/decision/majority".
_SPLIT_AFTER = re.compile(r"[-–](?P<m>\d{1,3})(?![\d.,]?\d|[-–]\d)(?P<tail>\s+(?:votes?|decision|ruling|verdict|majority|margin)\b)?")
_SPLIT_VERB_BEFORE = re.compile(r"\b(?:voted|voting|votes?|split|ruled|decided)\s+(?:by\s+)?$", re.IGNORECASE)


def _vote_split(text: str, nm: NumberMention) -> tuple[int, int, float] | None:
    """(start, end, value) of the losing side when ``nm`` opens a vote's split ("4-1"); None otherwise."""
    m = _SPLIT_AFTER.match(text, nm.end)
    if m is None or not text[nm.start:nm.end].isdigit():
        return None  # the winning side is a bare figure ("4", not "about 4" or "four")
    if m.group("tail") is None and not _SPLIT_VERB_BEFORE.search(text, max(0, nm.start - 20), nm.start):
        return None  # "won 2-1" is a score, "10-12" a range
    against = float(m.group("m"))
    if against > nm.value.point:  # type: ignore[union-attr]
        return None
    return m.start("m"), m.end("m"), against


def _vote_side(text: str, nm: NumberMention) -> str | None:
    """Which side of a vote a figure counts, in a sentence about a vote; None for other figures."""
    v = nm.value
    if isinstance(v, Quantity) and v.kind == "count" and v.unit not in ("vote",):
        return None
    s0 = max(text.rfind(". ", 0, nm.start), 0)
    e0 = text.find(". ", nm.end)
    if not _VOTE_CONTEXT.search(text, s0, e0 if e0 >= 0 else len(text)):
        return None
    after = nm.noun_end if v.kind == "count" and nm.noun else nm.end
    if _AGAINST_AFTER.match(text, after):
        return "vote against"
    if re.match(r"\s+(?:votes?\s+)?in\s+favou?r\b", text[after:]):
        return "vote in favour"
    # "by X (votes) to Y": X is the side that won, against the motion when it was defeated
    lost = _DEFEATED.search(text, s0, nm.start) is not None
    if _AGAINST_BEFORE.search(text, max(0, nm.start - 30), nm.start) and not _FOR_AFTER.match(text, nm.end):
        return "vote in favour" if lost else "vote against"
    if _FOR_AFTER.match(text, after) and (v.kind == "count" or _BY_BEFORE.search(text, max(0, nm.start - 8), nm.start)):
        return "vote against" if lost else "vote in favour"
    return None


_DEFEATED = re.compile(r"\b(?:defeated|rejected|voted\s+down|failed|thrown\s+out)\b", re.IGNORECASE)


#: A bare figure right after a verb that puts people in a state ("killing at least 5", "injuring more than 150").
_STATE_VERB_BEFORE = re.compile(r"\b(?P<v>killing|injuring|wounding|displacing|stranding|evacuating|arresting|detaining)\s+"
                                r"(?:(?:at\s+least|some|about|nearly|almost|around|roughly|more\s+than|over|up\s+to|another"
                                r"|a\s+further)\s+)?$", re.IGNORECASE)
_STATE_OF_VERB = {"killing": "death", "injuring": "injured person", "wounding": "injured person",
                  "displacing": "displaced person", "stranding": "displaced person", "evacuating": "displaced person",
                  "arresting": "arrested person", "detaining": "arrested person"}


def _state_verb_before(text: str, nm: NumberMention) -> str | None:
    """The state a verb right before a bare figure puts the counted people in: "injuring more than 150"."""
    m = _STATE_VERB_BEFORE.search(text, max(0, nm.start - 40), nm.start)
    return _STATE_OF_VERB[m.group("v").lower()] if m else None


#: A figure right after a state word ("injuring more than 150"): the state is that figure's.
_FIGURE_NEXT = re.compile(r"\s+(?:(?:at\s+least|some|about|nearly|almost|around|roughly|more\s+than|over|up\s+to|another"
                          r"|a\s+further)\s+)?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens|scores|hundreds)\b)",
                          re.IGNORECASE)


_STATE_AFTER = re.compile(
    r"\s+(?:(?:others?|more|people|persons)\s+)?(?:(?:still|remain|remains|remained|are|were|have\s+been|had\s+been|"
    r"was|is)\s+){1,2}(?P<w>\w+)|\s+(?P<v>" + PEOPLE_STATE_WORDS + r")\b", re.IGNORECASE)


def _state_after(text: str, hi: int, nm: NumberMention) -> str | None:
    """The state of people counted by a bare figure the verb after it gives: "4 remain missing", "2 were
    still unaccounted for", "3 others are injured"."""
    m = _STATE_AFTER.match(text, nm.end, hi)
    if not m:
        return None
    w = m.group("w") or m.group("v")
    for unit, rx in _PEOPLE_STATE_RES:
        if unit != "registered voter" and rx.fullmatch(w):
            return unit
    return None


_LEVEL_OF = re.compile(
    r"(?:\b(?:number|total|tally|count)\s+of\s+(?:[a-z][\w-]*\s+){0,2}?(?P<n>[a-z]+s|people)\b[^,;]{0,80}?"
    r"|\b(?P<m>[a-z]+s)\s+(?:(?:in|across|among|at)\s+[^,;]{1,40}?\s+)?)(?:(?:have|has|had|now|so\s+far|already)\s+)*"
    r"(?:(?:rose|risen|climbed|jumped|increased|grew|grown)\s+to|reached|stood\s+at|stand\s+at|stands\s+at)\s+"
    r"(?:(?:at\s+least|more\s+than|over|nearly|about|some)\s+)?$", re.IGNORECASE)


def _level_noun(text: str, lo: int, nm: NumberMention) -> str | None:
    """What a bare figure counts when it is the level a plural noun has reached: "cholera cases rose to
    126", "the number of arrests has risen to 22", "cases now stand at 187" (singular, canonical)."""
    m = _LEVEL_OF.search(text, max(lo, nm.start - 140), nm.start)
    if not m:
        return None
    noun = singular((m.group("n") or m.group("m")).lower())
    if noun in ("people", "person"):
        # "the number of people arrested ... has risen to 22": people in the state the phrase names
        return next((unit for unit, rx in _PEOPLE_STATE_RES if rx.search(m.group(0))), None)
    if noun in _STATE_NOUNS_NOT_COUNTED:
        return None
    return COUNT_UNIT_SYNONYMS.get(noun, noun)


#: Plural nouns before a level verb that do not count anything ("prices rose to 5", "shares rose to 9").
_STATE_NOUNS_NOT_COUNTED = frozenset(
    "price share rate sale revenue profit loss cost export import rating temperature level yield index "
    "reserve earning wage salary fee tax bill rent value".split())


def _running_level(text: str, lo: int, hi: int, nm: NumberMention) -> str | None:
    """The state counted by a bare figure that is the level of a running toll ("the toll rose to 17")."""
    if not _LEVEL_BEFORE.search(text, max(lo, nm.start - 40), nm.start):
        return None
    left = text[lo:nm.start]
    if not _RUNNING_MEASURE.search(left):
        return None
    for unit, rx in _PEOPLE_STATE_RES:
        if rx.search(left):
            return unit
    return "death" if _TOLL.search(left) else None


def _count_unit(text: str, nm: NumberMention) -> str:
    unit = nm.value.unit
    words = [fold(w) for w in _WORD.findall(nm.noun)]
    if len(words) >= 2:
        compound = f"{words[-2]} {unit}"
        if compound in COUNT_UNIT_SYNONYMS:
            return COUNT_UNIT_SYNONYMS[compound]
    # "733 sets of remains of US missing soldiers": the remains are counted by the people they were
    m = _OF_COUNTED.match(text[nm.noun_end:nm.noun_end + 60])
    if unit == "remains" and m:
        inner = singular(m.group(1))
        return COUNT_UNIT_SYNONYMS.get(inner, inner)
    return COUNT_UNIT_SYNONYMS.get(unit, unit)
