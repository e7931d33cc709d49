"""Quantities and ranks: find every checkable number in running text and type it as an interval.

This module owns the number grammar of consilience and **the hedge rule** (:data:`HEDGE_RULE`):
money with its currency (ISO 4217) and scale, percentages and percentage points, counts with the
counted noun, number words, multipliers, ranges, ranks ("eighth largest", "one of the largest",
"ranking 11th out of 141"), and changes with their comparison base and levels ("up 11% from 2021",
"rose more than 30 times to over US$90 billion in 2021 from $2.8 billion in 1990").

Every value is an interval around the figure as written, in base units (dollars, not billions);
currencies are never converted. A comma list ("22,24,26,31") is one figure per item; a dotted run
("192.168.1.2", "1.2.3") is an address or a version, not a figure. Numbers inside dates ("July 25,
2013", "1995") are not quantities: the date grammar of :mod:`consilience.extract.times` claims them first.

It must not know about documents, claims or any particular story.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from consilience.extract._scan import NUMBER_STARTERS, can_begin_with, gated, hits, trie_regex
from consilience.extract.times import TimeMention, find_times
from consilience.model import Quantity, Rank, quick_init

#: A level a figure is given as ("has risen to seven", "stands at four"): a number word there is a figure.
_LEVEL_VERB_BEFORE = re.compile(
    r"(?:\b(?:risen|rose|rising|climbed|climbing|jumped|increased|grew|grown|reached|reaching|fallen|fell|dropped|"
    r"stands?|stood)\s+(?:to|at)|\b(?:raising|raised|bringing|brought|pushing|pushed|taking|took|lifting|lifted)\s+"
    r"(?:the\s+)?(?:[a-z]+\s+){0,2}(?:toll|total|tally)\s+to)\s+(?:(?:at\s+least|more\s+than|over|nearly|about|some)\s+)?$",
    re.IGNORECASE)
#: Words that put the people a figure counts in a state when they follow it ("seven are trapped", "Two died").
PEOPLE_STATE_WORDS = (r"(?:trapped|missing|dead|died|killed|injured|hurt|wounded|unaccounted|hospitali[sz]ed|rescued"
                      r"|arrested|detained)")
#: Such a word after a figure, a copula or "still" between: a number word below ten there is a count, not a pronoun.
PEOPLE_STATE_AFTER = re.compile(r"\s+(?:(?:are|were|remain|remained|remains|still|have\s+been|had\s+been)\s+){0,2}"
                                + PEOPLE_STATE_WORDS + r"\b", re.IGNORECASE)

# Patterns used inside the functions below, compiled once (the re module's cache lookup costs per call).
_RXN0 = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?")
_RXN1 = re.compile(r"[\s-]+")
_RXN2 = re.compile(r"\d+,\d{1,2}(?![\d,])")
_RXN3 = re.compile(r"(?:\bthe|\bboth|\bthese|\bthose|\ball|\bits|\btheir|\bour)\s+$", re.I)
_RXN4 = re.compile(r"\s+")
_RXN5 = re.compile(r"\b(?:rose|rising|fell|falling|grew|increased|decreased|declined|jumped|dropped|climbed|surged|plunged|up|down)\b", re.I)
_RXN6 = re.compile(r"(?:1[89]|20)\d\d")
_RXN7 = re.compile(r"(?:won|lost|beat|defeated|drew|score|scored|victory|win|loss)\W+(?:\w+\W+){0,3}$", re.I)
_RXN8 = re.compile(r"(?:(.*)\s)?(hundred|thousand|million|billion|trillion)th")
_RXN9 = re.compile(r"(.*\b(?:hundred|thousand|million|billion|trillion))(?:\s+and)?\s+(.+)")
_RXN10 = re.compile(r"(\d+)(?:st|nd|rd|th)")
_RXN11 = re.compile(r"(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)")
_RXN12 = re.compile(r"\s*(?:among|of\s+all|in\s+the\s+world|globally|worldwide|in\s+the\s+country|nationally)", re.I)
_RXN13 = re.compile(r"\s*(?:\d|ten|five|three|twenty)", re.I)
_RXN14 = re.compile(r"(?:second|third|\d(?:st|nd|rd|th))[\s-]*$", re.I)
_RXN15 = re.compile(r"(?:'s|’s)\s+$")
_RXN16 = re.compile(r"\s+(?:as|the|that|its|their|what|this|his|her)\b", re.I)
_RXN17 = re.compile(r"[a-z]+")
_RXN18 = re.compile(r"\b(?:made|make|makes|making|took|take|takes|sum|sums|summed|end|ends|ended|set|sets|pick|picked|back"
                r"|line|lined|turn|turned|show|showed|shows|break|broke|broken|split|upside|ups)\s+$", re.IGNORECASE)
_RXN19 = re.compile(r"\s+(?:the|that|its|as\s+(?:much|many|high|large))\b", re.I)
_RXN20 = re.compile(r"\bto\b", re.I)
_RXN21 = re.compile(r"\bfrom\b", re.I)
_RXN22 = re.compile(r"\bfrom\s+(?:[^\s]+\s+){0,5}in\s+$", re.I)

__all__ = [
    "NumberMention",
    "find_quantities",
    "parse_number",
    "hedged_interval",
    "precision_of",
    "CLOCK_RULE",
    "HEDGE_RULE",
    "HEDGE_UNITS",
    "PEOPLE_STATE_AFTER",
    "PEOPLE_STATE_WORDS",
    "HEDGE_WIDTH",
    "HEDGE_WIDTH_CAP",
    "PRECISION_CAP",
    "CURRENCIES",
]

# ---------------------------------------------------------------------------------------------
# The hedge rule (stated once; docs/values.md repeats it for readers)

#: A hedge moves a figure by this many units of its last written digit ...
HEDGE_UNITS = 12
#: ... but by no less than this share of the figure (very precise figures) ...
HEDGE_WIDTH = 0.04
#: ... and by no more than this share (round figures).
HEDGE_WIDTH_CAP = 0.2
#: The rounding unit of a written figure is never taken to exceed this share of it ("100" is not ±50).
PRECISION_CAP = 0.1

HEDGE_RULE = """\
A figure X written with precision u (the place value of its last significant digit, at most 10% of X:
"47.35" -> 0.01, "460" -> 10, "40,000" -> 1,000, "6 billion" -> 1 billion) becomes an interval:

  exact                                   [X - u/2, X + u)   rounded or truncated by the writer
  over, more than, above, exceeding,
    topped, surpassing ("over")            [X, X + w]
  at least, no fewer than ("at-least")     [X, X + w]
  under, less than, below ("under")        [X - w, X]
  up to, at most, as many as ("at-most")   [X - w, X]
  nearly, almost, just under ("nearly")    [X - w, X]
  about, around, some, roughly ("about")   [X - w, X + w]

where w = 12 u, kept between 4% and 20% of X: a hedge reaches a dozen units of the last written digit,
so a precise figure is hedged narrowly and a round one widely, within bounds. "more than 460" covers
463 (w = 92); "more than US$47.35 billion" (up to 49.2 billion) and "more than US$50 billion" (from
50 billion) do not meet; "over $6.2 billion" reaches 7.44 billion, so it meets "$7.3 billion".
Ranges ("between 10 and 12", "10-12") are [low, high] as written. This is the extent outside which
the source would simply be wrong; how far a figure *points* is the judge's business.
"""

_HEDGE_PHRASES: list[tuple[str, str]] = [
    # (regex, hedge). Longest first; matched against the words just before the figure.
    (r"(?:greater|more|higher|larger|bigger)\s+(?:than\s+)?or\s+equal\s+(?:to|than)|no\s+less\s+than|not\s+less\s+than"
     r"|at\s+least\s+or\s+equal\s+to|>\s*=|=\s*>|≥", "at-least"),
    (r"(?:less|smaller|lower|fewer)\s+(?:than\s+)?or\s+equal\s+(?:to|than)|no\s+more\s+than|not\s+more\s+than"
     r"|<\s*=|=\s*<|≤", "at-most"),
    (r"more\s+than|greater\s+than|larger\s+than|bigger\s+than|higher\s+than|in\s+excess\s+of|upwards\s+of|well\s+over|just\s+over|over|above|exceeding|exceeded|exceeds"
     r"|exceed|topped|tops|topping|top|surpassing|surpassed|surpasses|surpass|beyond|north\s+of|>", "over"),
    (r"at\s+least|no\s+(?:fewer|less)\s+than|a\s+minimum\s+of|not\s+less\s+than|or\s+more", "at-least"),
    (r"nearly|almost|just\s+(?:under|below|shy\s+of)|close\s+to|approaching|approached|approaches|nigh\s+on", "nearly"),
    (r"less\s+than|fewer\s+than|smaller\s+than|under|below|lower\s+than|south\s+of|<", "under"),
    (r"up\s+to|at\s+most|as\s+many\s+as|as\s+much\s+as|as\s+high\s+as|a\s+maximum\s+of|no\s+more\s+than|not\s+more\s+than", "at-most"),
    (r"about|around|some|approximately|approx\.?|roughly|an\s+estimated|estimated|circa|ca\.|c\.|nearly\s+about"
     r"|or\s+so|give\s+or\s+take|more\s+or\s+less|in\s+the\s+region\s+of|on\s+the\s+order\s+of|~", "about"),
]


def precision_of(digits: str, scale: float = 1.0) -> float:
    """The place value of the last significant digit of a written figure, times ``scale``.

    Trailing zeros of a whole number are taken as rounding ("25,000" -> 1,000); decimals count
    ("47.35" -> 0.01, "1.20" -> 0.01).
    """
    s = digits.replace(",", "").strip()
    if "." in s:
        frac = s.split(".", 1)[1]
        return 10.0 ** (-len(frac)) * scale
    stripped = s.rstrip("0")
    zeros = len(s) - len(stripped) if stripped else 0
    return 10.0 ** zeros * scale


def hedged_interval(x: float, u: float, hedge: str) -> tuple[float, float]:
    """``(low, high)`` for figure ``x`` with precision ``u`` under ``hedge``, by :data:`HEDGE_RULE`."""
    ax = abs(x)
    if ax > 0:
        u = min(u, PRECISION_CAP * ax)
    w = min(max(HEDGE_UNITS * u, HEDGE_WIDTH * ax), HEDGE_WIDTH_CAP * ax) if ax > 0 else u
    if hedge in ("over", "at-least"):
        return x, x + w
    if hedge in ("under", "at-most", "nearly"):
        return x - w, x
    if hedge == "about":
        return x - w, x + w
    return x - u / 2, x + u


# ---------------------------------------------------------------------------------------------
# Lexicon

#: Currency words and symbols -> ISO 4217. "$" alone is read as USD (the usual meaning in English news).
CURRENCIES: dict[str, str] = {
    "us$": "USD", "u.s.$": "USD", "$": "USD", "usd": "USD", "us dollars": "USD", "u.s. dollars": "USD", "dollars": "USD",
    "dollar": "USD", "us dollar": "USD", "u.s. dollar": "USD", "american dollars": "USD",
    "€": "EUR", "eur": "EUR", "euros": "EUR", "euro": "EUR",
    "£": "GBP", "gbp": "GBP", "pounds": "GBP", "pound": "GBP", "pounds sterling": "GBP", "sterling": "GBP", "stg": "GBP",
    "¥": "JPY", "jpy": "JPY", "yen": "JPY",
    "cny": "CNY", "rmb": "CNY", "yuan": "CNY", "renminbi": "CNY", "cn¥": "CNY",
    "vnd": "VND", "₫": "VND", "dong": "VND", "vnđ": "VND", "đồng": "VND",
    "₹": "INR", "inr": "INR", "rs": "INR", "rs.": "INR", "rupees": "INR", "rupee": "INR",
    "a$": "AUD", "aud": "AUD", "au$": "AUD", "australian dollars": "AUD", "australian dollar": "AUD",
    "c$": "CAD", "cad": "CAD", "ca$": "CAD", "canadian dollars": "CAD", "canadian dollar": "CAD",
    "hk$": "HKD", "hkd": "HKD", "hong kong dollars": "HKD",
    "s$": "SGD", "sgd": "SGD", "singapore dollars": "SGD",
    "nz$": "NZD", "nzd": "NZD", "new zealand dollars": "NZD",
    "r$": "BRL", "brl": "BRL", "reais": "BRL", "real": "BRL",
    "₩": "KRW", "krw": "KRW", "won": "KRW",
    "chf": "CHF", "swiss francs": "CHF", "francs": "CHF",
    "₽": "RUB", "rub": "RUB", "rubles": "RUB", "roubles": "RUB",
    "₺": "TRY", "lira": "TRY", "liras": "TRY",
    "mxn": "MXN", "pesos": "MXN", "peso": "MXN",
    "zar": "ZAR", "rand": "ZAR", "₦": "NGN", "naira": "NGN", "kes": "KES", "shillings": "KES",
    "baht": "THB", "thb": "THB", "฿": "THB", "ringgit": "MYR", "myr": "MYR", "rupiah": "IDR", "idr": "IDR",
    "php": "PHP", "₱": "PHP", "sek": "SEK", "nok": "NOK", "dkk": "DKK", "kronor": "SEK", "kroner": "NOK",
    "pln": "PLN", "zloty": "PLN", "złoty": "PLN", "uah": "UAH", "hryvnia": "UAH", "₴": "UAH",
    "egp": "EGP", "sar": "SAR", "riyals": "SAR", "aed": "AED", "dirhams": "AED", "ils": "ILS", "shekels": "ILS", "₪": "ILS",
    "btc": "BTC", "bitcoin": "BTC", "bitcoins": "BTC", "chinese yuan": "CNY", "元": "CNY", "japanese yen": "JPY",
    "indian rupees": "INR", "indian rupee": "INR", "mex$": "MXN", "₡": "CRC", "₾": "GEL", "₭": "LAK",
    "ரூ": "LKR", "රු": "LKR",  # the Sri Lankan rupee's signs in Tamil and Sinhala script
}
_PREFIX_CUR = r"(?:US\s?\$|U\.S\.\$|Mex\$|A\$|AU\$|C\s?\$|CA\$|HK\s?\$|S\$|NZ\s?\$|R\$|CN¥|[$€£¥₹₫₩₽₺₦฿₱₴₪]|(?:USD|EUR|GBP|JPY|CNY|RMB|VND|INR|AUD|CAD|HKD|SGD|NZD|BRL|KRW|CHF|RUB|MXN|ZAR|THB|MYR|IDR|PHP|SEK|NOK|DKK|PLN|UAH|EGP|SAR|AED|ILS|Rs\.?)\s?)"
_SUFFIX_CUR = (r"(?:US\s+dollars?|U\.S\.\s+dollars?|Chinese\s+yuan|Japanese\s+yen|Indian\s+rupees?|元|American\s+dollars|Australian\s+dollars?|Canadian\s+dollars?|Hong\s+Kong\s+dollars"
               r"|Singapore\s+dollars|New\s+Zealand\s+dollars|pounds\s+sterling|Swiss\s+francs|dollars?|euros?|pounds?|sterling"
               r"|yen|yuan|renminbi|dong|đồng|rupees?|reais|won|francs|rubles|roubles|lira|pesos?|rand|naira|shillings|baht"
               r"|ringgit|rupiah|kronor|kroner|zloty|hryvnia|riyals|dirhams|shekels|bitcoins?"
               r"|USD|EUR|GBP|JPY|CNY|RMB|VND|INR|AUD|CAD|HKD|SGD|NZD|BRL|KRW|CHF|RUB|MXN|ZAR)(?![\w])"
               # a symbol written after the figure, the European order ("100 €", "250₽")
               r"|[€£¥₹₫₩₽₺₦฿₱₴₪₡₾₭](?![\w])|ரூ|රු")

SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6, "mil": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12, "t": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7, "dozen": 12, "dozens": 12, "tln": 1e12, "mm": 1e6,
    # Indian news counts large sums in lakh crore (1e12); "doz" and "dz" abbreviate dozen
    "lakh crore": 1e12, "lakh crores": 1e12, "lakhs crore": 1e12, "lakhs crores": 1e12,
    "doz": 12, "dozs": 12, "dz": 12, "dzs": 12,
}
_SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion|mln|bln|mn|bn|tn|trn|tln|lakhs?(?: crores?)?|crores?|dozens?|dozs?|dzs?)(?![\w])"
_SCALE_SHORT = r"(?:[kKmMbBtT])(?![\w])"

UNITS_WORDS: dict[str, int] = {
    "zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "nineth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40,
    "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}
# Word lists are written as tries (see trie_regex): under IGNORECASE the engine cannot skip an alternative by its
# first letter, so a flat list of thirty words is thirty attempts; a longer word is still tried before its prefix.
_ORD_SIMPLE = ("(?:" + trie_regex(list(TENS_WORDS)) + "[-\\s]?" + trie_regex(
    "first second third fourth fifth sixth seventh eighth ninth".split()) + "|" + trie_regex(list(ORDINALS)) + ")")
_CARD_WORD = "(?:" + trie_regex([*UNITS_WORDS.keys() - {"zero", "nought", "naught"}, *TENS_WORDS, "a"]) + ")"
# "one hundred twenty-fifth", "two hundredth", "three trillionth": a cardinal ending in a scale word, then an
# ordinal; or a scale word made ordinal
_ORD_WORD = ("(?:(?:(?:" + _CARD_WORD + "[-\\s]+)*(?:hundred|thousand|million|billion|trillion)(?:\\s+and)?[-\\s]+)+" + _ORD_SIMPLE
             + "|(?:(?:" + _CARD_WORD + "|hundred|thousand|million|billion)[-\\s]+)*(?:hundredth|thousandth|millionth|billionth"
             "|trillionth)|" + _ORD_SIMPLE + ")")
_ORD_NUM = r"(?:\d+(?:st|nd|rd|th))"
_SUP = (r"(?:(?:most|least)\s+(?:populous|valuable|visited|important|popular|powerful|common|competitive|expensive|polluted|"
        r"densely\s+populated|successful)|largest|biggest|highest|greatest|leading|smallest|lowest|fastest|slowest|richest|poorest"
        r"|busiest|strongest|weakest|deadliest|worst|best|longest|shortest|tallest|oldest|youngest|heaviest|costliest"
        r"|wealthiest|hottest|coldest|wettest|driest|cheapest|safest|warmest|top)(?![\w-])")

_WORDNUM_ATOM = "(?:" + trie_regex([*UNITS_WORDS, *TENS_WORDS, "hundred", "thousand", "million", "billion", "trillion",
                                    "dozen", "dozens"]) + ")"
# decimals read digit by digit ("nine point nought four") or as one number below a hundred ("point seventy-one")
_POINT_DIGITS = (r"(?:\s+point(?:(?:\s+(?:zero|nought|naught|oh|one|two|three|four|five|six|seven|eight|nine))+(?![\w-])"
                 r"|\s+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven"
                 r"|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?![\w-])))")
# "and" joins the parts of one number only after a scale word ("two hundred and fifteen"): "between ten and
# fifteen" is two numbers
_AND_AFTER_SCALE = r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion)|(?<=trillion))\s+and\s+"
_WORDNUM = (r"(?:(?:a|an|one)\s+(?:and\s+a\s+half|half)\s+|half\s+(?:a\s+)?(?=million|billion|trillion|dozen)|a\s+(?=hundred|thousand|million|billion|trillion|dozen)"
            r")?" + _WORDNUM_ATOM + r"(?:(?:\s*-\s*|" + _AND_AFTER_SCALE + r"|\s+)" + _WORDNUM_ATOM + r")*(?:\s+and\s+a\s+half)?"
            + _POINT_DIGITS + r"?")

# the Indian grouping ("12,34,567", lakhs and crores) is tried first: its last group has three digits
# thousands grouped by plain spaces only with two groups or more ("1 414 021 100"): "on May 5 100 people" is a date
# and a count
# (one plain-space group that starts with "0", "40 000", is a thousands group too: no figure is written "000"); the
# continental grouping ("1.234,56", dots for thousands and a decimal comma) only with both marks
_DIGITS = (r"\d{1,2}(?:,\d\d)+,\d{3}(?![\d,])(?:\.\d+)?|\d{1,3}(?:\.\d{3})+,\d{1,2}(?![\d,.]?\d)"
           r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u202f\u00a0]\d{3})+(?:\.\d+)?"
           r"|\d{1,3}(?: \d{3}){2,}(?![\d,.]?\d)|\d{1,3} 0\d\d(?![\d,.]?\d)|\d+(?:\.\d+)?|\.\d+")

_IRREGULAR = {
    "people": "person", "persons": "person", "children": "child", "men": "man", "women": "woman", "feet": "foot",
    "teeth": "tooth", "mice": "mouse", "geese": "goose", "remains": "remains", "staff": "staff", "police": "police",
    "personnel": "personnel", "cattle": "cattle", "sheep": "sheep", "fish": "fish", "deer": "deer", "aircraft": "aircraft",
    "series": "series", "species": "species", "news": "news", "troops": "troop", "data": "data", "media": "media",
    "crises": "crisis", "analyses": "analysis", "indices": "index", "criteria": "criterion", "phenomena": "phenomenon",
    "lives": "life", "wives": "wife", "knives": "knife", "leaves": "leaf", "halves": "half", "wolves": "wolf",
    "thieves": "thief", "shelves": "shelf", "bus": "bus", "buses": "bus", "gas": "gas", "votes": "vote",
}
#: Words that cannot be the counted noun right after a number.
_NOT_NOUN = frozenset(
    "and or of the a an to in on at for from with by per than as is are was were be been has have had will would "
    "that which who this these those its their his her our your it percent per cent times fold pct points point "
    "am pm a.m. p.m. gmt utc bst et est edt pst pdt ago earlier later old aged after before since until while when "
    "during into over under".split()
)
#: Container nouns: "733 sets of remains" counts remains.
_CONTAINERS = frozenset("sets set pieces piece pairs pair batches batch groups group units unit kinds kind types type".split())


def singular(word: str) -> str:
    """A plural noun made singular by English rules, lower case ("executives" -> "executive")."""
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zes")):
        return w[:-2]
    if w.endswith("ss") or w.endswith("us") or w.endswith("is"):
        return w
    if w.endswith("s"):
        return w[:-1]
    return w


def _is_plural(word: str) -> bool:
    w = word.lower()
    if w in _IRREGULAR:
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s"))


# ---------------------------------------------------------------------------------------------
# Number words


def parse_number(words: str) -> float | None:
    """The value of a written number: digits ("1,200.5") or words ("twenty-eight", "two hundred and fifty",
    "a dozen", "one and a half million", "half a million"); None if it is not one."""
    s = words.strip().lower()
    if not s:
        return None
    if _RXN0.fullmatch(s) and any(c.isdigit() for c in s):
        return float(s.replace(",", ""))
    decimals = ""
    if " point " in f" {s} ":
        s, _, tail = s.partition(" point ")
        digits = {"zero": "0", "nought": "0", "naught": "0", "oh": "0", **{k: str(v) for k, v in UNITS_WORDS.items() if v < 10}}
        decimals = "".join(digits.get(t, "?") for t in tail.split())
        if "?" in decimals:  # "point seventy-one": one number after the point
            whole = sum(UNITS_WORDS.get(t, TENS_WORDS.get(t, 100)) for t in _RXN1.split(tail) if t)
            decimals = str(whole) if 10 <= whole < 100 else ""
        if not decimals:
            return None
    toks = [t for t in _RXN1.split(s) if t and t != "and"]
    total = 0.0  # completed groups (thousands, millions, ...)
    current = 0.0  # the group being read
    seen = False
    i = 0
    while i < len(toks):
        t = toks[i]
        if t in ("a", "an"):
            if i + 1 < len(toks) and toks[i + 1] == "half":
                current += 0.5  # "one and a half"
                i += 2
                seen = True
                continue
            current = current or 1.0
        elif t == "half":
            current = current + 0.5 if seen else 0.5  # "half a million" -> 0.5 x million
            if i + 1 < len(toks) and toks[i + 1] in ("a", "an"):
                i += 1
        elif t in UNITS_WORDS:
            current += UNITS_WORDS[t]
        elif t in TENS_WORDS:
            current += TENS_WORDS[t]
        elif t == "hundred":
            current = (current or 1.0) * 100
        elif t in ("dozen", "dozens"):
            if t == "dozens" and not seen:
                return None  # "dozens of people": no figure
            # "three hundred and two dozen" is 300 + 2 x 12: a dozen counts the small number just before it
            small = current % 100 if current >= 100 else current
            current = current - small + (small or 1.0) * 12 if current >= 100 and small else (current or 1.0) * 12
        elif t in ("thousand", "million", "billion", "trillion"):
            total += (current or 1.0) * {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}[t]
            current = 0.0
        else:
            return None
        seen = True
        i += 1
    if not seen:
        return None
    return total + current + (float("0." + decimals) if decimals else 0.0)


def _word_precision(value: float) -> float:
    """Written in words, a figure is as precise as its smallest named part ("two million" -> 1 million)."""
    if value <= 0:
        return 1.0
    v = value
    p = 1.0
    while v >= 10 and v % 10 == 0:
        v /= 10
        p *= 10
    return p


# ---------------------------------------------------------------------------------------------
# The mention


@quick_init
@dataclass(frozen=True, slots=True)
class NumberMention:
    """A quantity or rank at ``text[start:end]`` (hedge, currency and scale included; the counted noun not).

    ``change`` is "increase"/"decrease"/"change" when the figure is a change; ``base`` is the time
    it is compared with ("from 2021", "from the previous year", "year-on-year": the mention of that
    time, unresolved); ``level_from``/``level_to`` are the levels a change went between when the
    sentence gives them. ``noun`` is the counted or ranked noun phrase as written ("trading partner"),
    ``noun_start``/``noun_end`` its offsets (equal to ``end`` when there is none).
    """

    start: int
    end: int
    text: str
    value: Quantity | Rank
    change: str | None = None
    base: TimeMention | None = None
    level_from: Quantity | None = None
    level_to: Quantity | None = None
    noun: str = ""
    noun_start: int = 0
    noun_end: int = 0


# ---------------------------------------------------------------------------------------------
# The grammar

_HEDGE_BEFORE = gated(
    r"(?:(?P<h>" + "|".join(f"(?:{p})" for p, _ in _HEDGE_PHRASES) + r")\s*(?:,\s*)?)$", re.IGNORECASE
)
_HEDGE_OF = [(re.compile(rf"(?:{p})", re.IGNORECASE), h) for p, h in _HEDGE_PHRASES]
#: The last word of every hedge phrase: a cheap test before the full pattern is tried.
_HEDGE_LAST_WORDS = frozenset(
    re.sub(r"\\s\+|\\\.|\?|\(\?:|\)", " ", alt).split()[-1].lower()
    for p, _ in _HEDGE_PHRASES for alt in p.split("|") if alt
) | {"~", "approx.", "ca.", "c."}
# "5000 or less than 6000" is a figure and a second, hedged one: "or less" is a hedge only when no "than" follows
_THAN_FIGURE = r"(?!\s+than\s*(?:[$€£¥]\s*)?\d)"
_HEDGE_AFTER = re.compile(r"\s*(?:or\s+(?:more|above|higher|over|greater)" + _THAN_FIGURE + r"|\+|plus)(?![\w])", re.IGNORECASE)
_HEDGE_OR_AFTER = re.compile(r"\s*(?:or|and)\s+(?:(?P<more>more|above|higher|over|greater)|(?P<less>less|fewer|below|under|lower))(?![\w])" + _THAN_FIGURE,
                             re.IGNORECASE)
_HEDGE_AFTER_UNDER = re.compile(r"\s*or\s+(?:less|fewer|below|under|lower)(?![\w])" + _THAN_FIGURE, re.IGNORECASE)
#: The characters a currency written before a figure can end with ("$", "€", "USD", "Rs."): any other
#: character just before the figure (up to two spaces between) rules a prefix out without a search.
_PREFIX_LAST = frozenset("$€£¥₹₫₩₽₺₦฿₱₴₪.sS") | frozenset(
    c for code in re.findall(r"[A-Z]{3}", _PREFIX_CUR) for c in (code[-1], code[-1].lower()))
_PREFIX_RE = gated(r"(?:(?<![\w$])|(?<=\bUS)|(?<=\bU\.S\.))(?P<cur>" + _PREFIX_CUR + r")\s?$", re.IGNORECASE)
# The grammar of a figure, a rank or a multiplier, in two halves by what the hit starts with (a digit, "-" or
# "."; a letter) so that a match never tries the other half's alternatives. Both have every group (the other
# half's never match), so a match is read the same way whichever half found it.
_CORE_DIGITS = re.compile(
    r"(?P<ordinal>(?<![\w.,])" + _ORD_NUM + r"(?![\w]))"
    r"|(?<![\w.,/:-])(?<!\w-)(?P<digits>-?(?:" + _DIGITS + r"))(?P<attached>(?:bn|mn|mln|bln|tn|trn|(?-i:MM)|mil|[kKmMbB])(?![\w]))?"
    r"|(?P<words>(?!))|(?P<sup>(?!))|(?P<mult>(?!))",
    re.IGNORECASE,
)
#: The alternatives of the core pattern at a word, in the order they are tried: (group, pattern).
_CORE_WORD_ALTS = (
    ("ordinal", r"(?P<ordinal>(?<![\w.,])" + _ORD_WORD + r"(?![\w]))"),
    ("words", r"(?<![\w.,/:-])(?<!\w-)(?P<words>" + _WORDNUM + r")(?![\w])"),
    ("sup", r"(?P<sup>(?<![\w-])" + _SUP + r")"),
    ("mult", r"(?P<mult>(?<![\w-])(?:twice|doubled|doubling|tripled|tripling|trebled|quadrupled|halved|halving"
             r"|(?:two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand)fold)(?![\w]))"),
)


_CORE_AT: dict[str, re.Pattern[str]] = {}
_CORE_AT_MAX = 4096


def _core_words(prefix: str) -> re.Pattern[str]:
    """The core pattern at a word, with only the alternatives that can begin with ``prefix`` (the article,
    if any, and the starter word, lower-cased): "most" tries the superlatives alone, "first" the ordinals.
    The others stay as groups that never match, so every group name is there. :func:`can_begin_with`
    answers "no" only where a match is impossible, so the first match is the one all of them would find.
    Remembered per prefix: the starter words and the articles before them are a near-closed set (only the
    spaces between them vary), and the memo is emptied if it ever fills."""
    rx = _CORE_AT.get(prefix)
    if rx is None:
        if len(_CORE_AT) >= _CORE_AT_MAX:
            _CORE_AT.clear()
        body = "|".join(alt if can_begin_with(alt, prefix) else f"(?P<{name}>(?!))" for name, alt in _CORE_WORD_ALTS)
        rx = _CORE_AT[prefix] = re.compile(body + r"|(?P<digits>(?!))(?P<attached>(?!))", re.IGNORECASE)
    return rx


_ARTICLE_BEFORE = re.compile(r"(?:a|A|an|An|one|One|half|Half)\s+$")
_TAKES_ARTICLE = frozenset("hundred thousand million billion trillion dozen half".split())
_TAKES_ARTICLE_TOKENS = frozenset(w for w in NUMBER_STARTERS if w.lower() in _TAKES_ARTICLE)
_SECOND = re.compile(
    r"(?:(?P<digits>" + _DIGITS + r")(?P<attached>(?:bn|mn|mln|bln|tn|trn|(?-i:MM)|mil|[kKmMbB])(?![\w]))?(?![\w])"
    r"|(?P<words>" + _WORDNUM + r")(?![\w]))",
    re.IGNORECASE,
)
_SCALE_REST = re.compile(r"(?:\s+and)?\s+(?P<n>\d{1,3}(?![\w.,]\d)|" + _WORDNUM_ATOM + r"(?:-" + _WORDNUM_ATOM + r")?)(?![\w-])"
                         r"(?:\s+(?P<h>hundred)(?![\w]))?", re.IGNORECASE)
_SCALE_AFTER = re.compile(r"\s*(?:-\s*)?(?P<s>" + _SCALE_WORD + r")", re.IGNORECASE)
_SCALE_AFTER_SHORT = re.compile(r"\s?(?P<s>" + _SCALE_SHORT + r")")
_CUR_AFTER = re.compile(r"(?:\s*|-(?=(?:yen|dollars?|euros?|yuan|rupees?)\b))(?P<c>" + _SUFFIX_CUR + r")", re.IGNORECASE)
_CUR_CODE_AFTER = re.compile(r"\s?(?P<c>USD|EUR|GBP|JPY|CNY|RMB|VND|INR|AUD|CAD|HKD|SGD|NZD|CHF)(?![\w])")
_PERCENT_AFTER = re.compile(
    r"\s*(?:(?P<pp>percentage\s+points?|percent(?:age)?\s+points?|pct\s+points?|pp|ppt|per\s+cent(?:age)?\s+points?)(?![\w])"
    r"|(?P<bp>basis\s+points?|bps?)(?![\w])|(?P<pc>%|percents?|percentage|per\s+cent|pct)(?![\w]))",
    re.IGNORECASE,
)
_TIMES_AFTER = re.compile(r"(?:\s*(?P<t>times)(?![\w])|\s*-?\s*(?P<f>fold)(?![\w])|(?P<x>x)(?![\w]))", re.IGNORECASE)
_RANGE_AFTER = re.compile(r"\s*(?P<sep>-|–|—|~|to|through|and|or)\s*(?=[$€£¥\d]|(?-i:US\s?\$|[A-Z]{1,2}\$)|" + _WORDNUM_ATOM
                          + r"(?![\w]))", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"(?:between|from)\s+$", re.IGNORECASE)
_WORD_RE = re.compile(r"\s*((?:[A-Z]\.){2,}|[A-Za-zÀ-ÿ][\w'’-]*)")
_OUT_OF = re.compile(r"\s*(?:out\s+of|of|among)\s+(?:the\s+)?(?P<n>\d[\d,]*|" + _WORDNUM + r")\s+(?P<noun>[A-Za-z][\w-]*)", re.IGNORECASE)
_RANK_VERB_BEFORE = re.compile(
    r"(?:rank(?:s|ed|ing)?|plac(?:es|ed|ing)|plac(?:e)|finish(?:es|ed|ing)?|came|comes|coming|come\s+in|came\s+in|stood|stands"
    r"|was|is|were|are|No\.|number|rated)\s+(?:(?:at|in|as)\s+)?(?:the\s+)?(?:No\.\s*)?$",
    re.IGNORECASE,
)
_RANK_VERB_STRONG = re.compile(
    r"(?:rank(?:s|ed|ing)?|plac(?:es|ed|ing)|finish(?:es|ed|ing)?|came|comes|come\s+in|came\s+in|stood|rated)\s+(?:(?:at|in|as)\s+)?(?:the\s+)?(?:No\.\s*)?$",
    re.IGNORECASE,
)
_ONE_OF_BEFORE = re.compile(
    r"(?:one|among|some)\s+of\s+(?:the\s+|(?:[\w.]+\s+){0,2}[\w.]+(?:'s|’s|s')\s+|its\s+|their\s+|his\s+|her\s+)?"
    r"(?:world(?:'s|’s)\s+)?$",
    re.IGNORECASE,
)
_DET_BEFORE = re.compile(r"(?:the|its|their|his|her|our|my|your|(?:[\w.]+(?:'s|’s|s')))\s+(?:(?:world|nation|country|region)(?:'s|’s)\s+)?$", re.IGNORECASE)
_CHANGE_VERB_BEFORE = gated(
    r"(?P<v>up|down|rose|rising|rises|risen|rise|increased|increasing|increases|increase|grew|growing|grows|grown|gained|gaining"
    r"|jumped|jumping|jumps|surged|surging|surges|climbed|climbing|climbs|soared|soaring|advanced|expanded|added|boosted"
    r"|fell|falling|falls|fallen|dropped|dropping|drops|declined|declining|declines|decreased|decreasing|decreases|decrease"
    r"|slumped|slumping|plunged|plunging|plummeted|sank|sinking|shrank|shrinking|contracted|slid|sliding|slipped|lost|tumbled"
    r"|dipped|eased|cut|reduced|lowered|raised|hiked|changed|moved)\s+(?:by\s+)?(?:(?:an?|some|about|around|nearly|almost|more\s+than|over|roughly)\s+)*$",
    re.IGNORECASE,
)
_CHANGE_VERB_BY = gated(
    r"\b(?P<v>rose|increased|grew|raised|boosted|hiked|expanded|fell|dropped|declined|decreased|cut|reduced|lowered|slashed|shrank)"
    r"\s+(?:[\w'’-]+\s+){1,6}by\s+(?:(?:an?|some|about|around|nearly|almost|more\s+than|over|roughly)\s+)*$",
    re.IGNORECASE,
)
#: A range named as one ("its earlier range of $5.80 to $6.00", "ranging from 10 to 12"), whatever verb is near.
_RANGE_OF_BEFORE = re.compile(r"\b(?:range\s+of|ranging\s+from|band\s+of)\s+(?:between\s+)?$", re.IGNORECASE)
#: A difference stated against a time after its figure: "282,000 more than in 2016", "5,000 fewer than last year".
_MORE_THAN_AFTER = re.compile(r"\s+(?P<a>more|fewer|less|higher|lower)\s+than\s+(?:in\s+|on\s+)?", re.IGNORECASE)
#: What stands between a change and the same change restated as a share: "281,774 people, or 6.2%", "$3m (12%)".
_RESTATED_BETWEEN = re.compile(r"\s*(?:,\s*or|\()\s*(?:(?:about|some|nearly|almost|roughly|around|just\s+over|more\s+than)\s+)?")
#: A change named by a noun before its figure: "a rise of 6.2 percent", "an increase of 281,774 people".
_CHANGE_NOUN_OF = gated(
    r"\b(?:an?|the|its|their)\s+(?:(?:annual|yearly|monthly|net|total|overall|further|sharp|steep|modest|slight|small|big|"
    r"record)\s+)?(?P<v>rise|increase|growth|gain|jump|surge|hike|drop|fall|decline|decrease|reduction|loss|cut)"
    r"\s+of\s+(?:(?:some|about|around|nearly|almost|more\s+than|over|roughly|just\s+over|just\s+under)\s+)*$",
    re.IGNORECASE,
)
_CHANGE_WORDS = frozenset(re.findall(r"[a-z]+", _CHANGE_VERB_BEFORE.pattern.split("(?:by")[0])) | frozenset(
    re.findall(r"[a-z]+", _CHANGE_VERB_BY.pattern.split(")")[0])) | frozenset(
    "rise increase growth gain jump surge hike drop fall decline decrease reduction loss cut".split())
_CHANGE_NOUN_AFTER = re.compile(
    r"\s*(?P<n>increase|rise|growth|gain|jump|surge|hike|expansion|boost|decrease|decline|drop|fall|reduction|contraction|cut|slump|loss|plunge|dip|change)s?(?![\w])",
    re.IGNORECASE,
)
_CHANGE_ADJ_AFTER = re.compile(r"\s*(?P<a>higher|more|larger|bigger|up|above|lower|less|fewer|smaller|down|below)(?![\w])",
                               re.IGNORECASE)
_INCREASE = frozenset(
    "up rose rising rises risen rise increased increasing increases increase grew growing grows grown gained gaining jumped "
    "jumping jumps surged surging surges climbed climbing climbs soared soaring advanced expanded added boosted raised hiked "
    "growth gain jump surge hike expansion boost higher more larger bigger above doubled doubling tripled tripling trebled quadrupled".split()
)
_DECREASE = frozenset(
    "down fell falling falls fallen dropped dropping drops declined declining declines decreased decreasing decreases decrease "
    "slumped slumping plunged plunging plummeted sank sinking shrank shrinking contracted slid sliding slipped lost tumbled dipped "
    "eased cut reduced lowered slashed decline drop fall reduction contraction slump loss plunge dip lower less fewer smaller below halved halving".split()
)
_BASE_CUE = re.compile(
    r"\s*(?:,\s*)?(?:(?:from|compared\s+(?:with|to)|than|over|against|versus|vs\.?|since|on)\s+"
    r"(?:(?:that|those|the\s+(?:level|number|figure|amount|total|one|same\s+period|same\s+time))\s+(?:of|in|recorded\s+in)\s+|the\s+same\s+period\s+(?:of\s+|in\s+)?"
    r"|the\s+)?"  # "on the 2016 census", "from the 2019 level"
    r"|since\s+the\s+(?:last|previous|first)\s+(?:[a-z]+\s+){1,2}in\s+"  # "since the last count in 2016"
    r"|(?:the|that|its)\s+(?:level|number|figure|amount|total|size|value)\s+(?:of|in|recorded\s+in)\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
#: "on" before a day: when a change happened ("fell 3% on Monday"), where "up 5% on last year" names its base.
_ON_DAY = re.compile(r"\s*(?:,\s*)?on\s", re.IGNORECASE)
_YOY = re.compile(
    r"\s*(?:,\s*)?(?:on\s+an?\s+)?(?P<y>year[-\s](?:on|over|to)[-\s]year|y/y|yoy|on[-\s]year|on\s+the\s+year"
    r"|month[-\s](?:on|over)[-\s]month"
    r"|quarter[-\s](?:on|over)[-\s]quarter)(?![\w])",
    re.IGNORECASE,
)
_LEVEL_CUE_BEFORE = re.compile(r"(?P<w>to|from|at|reaching|reached|hitting|hit)\s+$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;!?](?:\s|$)|\n")


_PARTICLE_OVER = re.compile(
    r"\b(?:hand|hands|handed|handing|turn|turns|turned|turning|take|takes|took|taken|taking|pass|passed|passing"
    r"|hold|held|fight|fought|argue|argued|preside|presided|presiding|rule|ruled|carry|carried|look|looked|watch|watched"
    r"|bring|brought|sign|signed|signing|fall|fell|give|gave|given|giving|trip|tripped|run|ran)\s+$",
    re.IGNORECASE,
)


def _tail_search(rx: re.Pattern[str], s: str) -> re.Match[str] | None:
    """``rx.search(s)`` for a pattern that ends at the end of ``s`` and starts a word or a sign: tried only
    where a word or a sign starts (a search tries the long alternation at every character)."""
    prev_alnum = False
    for p, ch in enumerate(s):
        alnum = ch.isalnum()
        if not ch.isspace() and not (alnum and prev_alnum) and (m := rx.match(s, p)) is not None:
            return m
        prev_alnum = alnum
    return None


def _hedge_before(text: str, pos: int) -> tuple[str, int] | None:
    """The hedge written just before ``pos`` and where it starts, if any."""
    j = pos
    while j > 0 and text[j - 1] in " ,":
        j -= 1
    k = j
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] in ".~"):
        k -= 1
    if text[k:j].lower() not in _HEDGE_LAST_WORDS and not (j > 0 and text[j - 1] in "<>=≤≥"):
        return None
    window = text[max(0, pos - 30):pos]
    m = _tail_search(_HEDGE_BEFORE, window)
    if not m:
        return None
    start = max(0, pos - 30) + m.start("h")
    # the hedge must start a word ("clover" is not "over"); a sign may follow a name ("x>10")
    if start > 0 and text[start - 1].isalnum() and text[start].isalpha():
        return None
    phrase = m.group("h")
    if phrase.lower() == "over" and _PARTICLE_OVER.search(text, max(0, start - 12), start):
        return None  # "handed over two vessels": a phrasal verb, not a hedge
    for rx, hedge in _HEDGE_OF:
        if rx.fullmatch(phrase):
            return hedge, start
    return None


def _quantity(kind: str, unit: str, x: float, u: float, hedge: str, lo_hi: tuple[float, float] | None = None) -> Quantity:
    low, high = lo_hi if lo_hi else hedged_interval(x, u, hedge)
    return Quantity(kind=kind, unit=unit, point=_clean(x), low=_clean(low), high=_clean(high), hedge=hedge)


def _clean(x: float) -> float:
    """Round away binary noise so equal figures compare equal (1.2e9 from "1.2 billion" and "1,200 million")."""
    if x == 0 or not math.isfinite(x) or (-1e12 < x < 1e12 and x == int(x)):
        return x  # a whole number of at most twelve digits has no noise to round away
    return float(f"{x:.12g}")


#: Units that differ from another only by a metric prefix, in that other unit: "9.4 gigawatts" and "9,420 megawatts"
#: are one power. Units of different systems (miles, kilometres; °F, °C) are never converted.
UNIT_PREFIXES: dict[str, tuple[str, float]] = {
    "kilowatt": ("megawatt", 1e-3), "gigawatt": ("megawatt", 1e3),
    "kilowatt-hour": ("megawatt-hour", 1e-3), "gigawatt-hour": ("megawatt-hour", 1e3),
    "terawatt-hour": ("megawatt-hour", 1e6),
}

#: Units of measurement, as written after a figure -> canonical unit ("310 mm" = "310 millimetres").
MEASURE_UNITS: dict[str, str] = {
    "mm": "millimetre", "millimetre": "millimetre", "millimetres": "millimetre", "millimeter": "millimetre",
    "millimeters": "millimetre", "cm": "centimetre", "centimetre": "centimetre", "centimetres": "centimetre",
    "centimeter": "centimetre", "centimeters": "centimetre", "km": "kilometre", "kilometre": "kilometre",
    "kilometres": "kilometre", "kilometer": "kilometre", "kilometers": "kilometre", "metre": "metre", "metres": "metre",
    "meter": "metre", "meters": "metre", "kg": "kilogram", "kilogram": "kilogram", "kilograms": "kilogram",
    "kilo": "kilogram", "kilos": "kilogram", "tonne": "tonne", "tonnes": "tonne", "ton": "tonne", "tons": "tonne",
    "mile": "mile", "miles": "mile", "mph": "mile per hour", "km/h": "kilometre per hour", "kph": "kilometre per hour",
    "ha": "hectare", "hectare": "hectare", "hectares": "hectare", "acre": "acre", "acres": "acre",
    "litre": "litre", "litres": "litre", "liter": "litre", "liters": "litre", "barrel": "barrel", "barrels": "barrel",
    "bpd": "barrel per day", "mw": "megawatt", "megawatt": "megawatt", "megawatts": "megawatt", "gw": "gigawatt",
    "gigawatt": "gigawatt", "gigawatts": "gigawatt", "kw": "kilowatt", "kilowatt": "kilowatt", "kilowatts": "kilowatt",
    "kwh": "kilowatt-hour", "mwh": "megawatt-hour", "gwh": "gigawatt-hour", "twh": "terawatt-hour",
    "megawatt-hours": "megawatt-hour", "gigawatt-hours": "gigawatt-hour", "terawatt-hours": "terawatt-hour",
    "°c": "degree celsius",
    "degrees celsius": "degree celsius", "°f": "degree fahrenheit", "degrees fahrenheit": "degree fahrenheit",
    "sq km": "square kilometre", "square kilometres": "square kilometre", "square kilometers": "square kilometre",
    "square miles": "square mile", "feet": "foot", "ft": "foot", "inches": "inch", "inch": "inch",
    "ppm": "part per million", "parts per million": "part per million", "ppb": "part per billion",
    "parts per billion": "part per billion",
}
#: A temperature written with the scale's letter glued to it, as headlines and science news do ("1.5C", "45C",
#: "104F"): only a figure of a plausible size, so that "Section 5C" or "Form 10F" stays what it is.
_DEGREES_GLUED = re.compile(r"(?P<u>[CF])(?![\w°/-])")
_DEGREES_MAX = {"C": 60.0, "F": 135.0}
#: A capitalised word right before a figure names what the figure numbers ("Section 5C", "Gate 12F").
_NAMED_BEFORE = re.compile(r"\b[A-Z][a-z]+\.?\s+$")
_MEASURE_AFTER = re.compile(
    r"\s?(?P<u>" + "|".join(re.escape(u) for u in sorted(MEASURE_UNITS, key=len, reverse=True)) + r")(?![\w/])",
    re.IGNORECASE,
)

_HYPHEN_NOUN = re.compile(
    r"-(?P<n>seat|member|day|week|month|year|hour|minute|mile|kilometre|kilometer|metre|meter|storey|story|floor|game|match"
    r"|nation|country|state|party|bed|room|lane|page|man|person|point|vote|team|car|seat|berth|vessel|ship|strong)"
    r"(?![\w-])(?!\s+(?:old|ago)\b)",
)
_PART_OF = re.compile(r"\s+of\s+(?:the|its|their|all|these|those|his|her|our)\s+(?:\d[\d,.]*\s+|[a-z]+-?[a-z]*\s+(?=[a-z]+s\b))?",
                      re.IGNORECASE)

#: Adjectives that count people when they follow a figure: "12 dead and 40 injured".
_ADJ_COUNTS = frozenset("dead injured wounded missing homeless displaced hurt killed".split())


_MODEL_NUMBER = re.compile(r" \d{1,4}[A-Za-z]?(?= [a-z])")
#: "one" counts when a person follows it ("killing one person", "one man was arrested").
_ONE_PERSON = re.compile(r"\s+(?:person|man|woman|child|boy|girl|worker|passenger|soldier|civilian|firefighter|officer"
                         r"|student|patient|pilgrim|miner|climber|tourist|resident)\b(?![-'’])")
#: A product or model name right before a number ("AirCrisp 5", "Boeing 737", "Galaxy 21") is a capitalised word
#: that is not a sentence's first, a month, a weekday or a word a figure follows ("About", "Some").
_NOT_MODEL_NAMES = frozenset(
    "january february march april may june july august september october november december jan feb mar apr jun jul aug "
    "sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday about some nearly almost around over "
    "under more fewer less than at least just only top".split())


def _model_name_before(text: str, pos: int) -> bool:
    """Whether a capitalised word that is not a sentence's first stands right before ``pos`` (string tests only:
    this runs at every figure)."""
    if pos < 4 or text[pos - 1] != " ":
        return False
    ws = text.rfind(" ", 0, pos - 1) + 1
    w = text[ws:pos - 1]
    if not (w[:1].isupper() and w.isalpha() and not w.isupper()) or ws < 2:
        return False
    c = text[ws - 2]
    if not (c.isalnum() or c == "_" or c in ",;:"):
        return False  # the first word of a sentence or a line
    w = w.lower()
    return w not in _NOT_MODEL_NAMES and w not in CURRENCIES  # "Rs 450 crore" is money


def _noun_after(text: str, pos: int, limit: int) -> tuple[str, str, int, int] | None:
    """The counted noun after a figure: (unit, phrase, start, end), skipping up to three modifiers.

    "some 40,000 foreign students" -> "student"; "nearly 900 pending cases" -> "case";
    "120 sets of remains" -> "remains"; "two Type-45 destroyers" -> "destroyer".
    """
    m = _WORD_RE.match(text, pos, min(limit, pos + 60))
    if not m:
        return None
    w0 = m.group(1).lower()
    if w0 in _NOT_NOUN:
        return None
    if w0 in _ADJ_COUNTS:
        return w0, m.group(1), m.start(1), m.end(1)
    words: list[tuple[str, int, int]] = []
    p = pos
    while len(words) < 5:
        m = _WORD_RE.match(text, p, min(limit, p + 60))
        if not m:
            break
        words.append((m.group(1), m.start(1), m.end(1)))
        p = m.end()
        if m.group(1)[0].isupper() and (mn := _MODEL_NUMBER.match(text, p)) is not None:
            p = mn.end()  # "1.4m AirCrisp 5 air fryers": a model's number belongs to its name
        nxt = text[p:p + 1]
        if nxt and nxt not in " -":
            break
    if not words:
        return None
    if words[0][0].lower() in _NOT_NOUN:
        return None
    if words[0][0].lower() in _ADJ_COUNTS:
        w, s0, e0 = words[0]
        return w.lower(), w, s0, e0
    for i, (w, s, e) in enumerate(words[:4]):
        wl = w.lower().rstrip("'’")
        if wl in ("and", "or") and i > 0:
            continue  # "50 corporation and business executives"
        if _is_plural(w) or wl in _IRREGULAR:
            if i + 1 < len(words) and _is_plural(words[i + 1][0]) and words[i + 1][0][:1].islower() and (
                    words[i + 1][0].lower() not in _NOT_NOUN and text[e:words[i + 1][1]] == " "):
                w, s, e = words[i + 1]  # "police officers": the head is the last noun
                wl = w.lower()
            unit = singular(wl)
            if wl in _CONTAINERS and i + 2 < len(words) and words[i + 1][0].lower() == "of":
                inner = _noun_after(text, words[i + 1][2], limit)
                if inner:
                    return inner[0], text[words[0][1]:inner[3]], words[0][1], inner[3]
            phrase_start = words[0][1]
            return unit, text[phrase_start:e], phrase_start, e
        # modifiers: capitalised words, hyphenated compounds, adjectives; stop at verbs and function words
        if wl in _NOT_NOUN:
            return None
    # singular noun right after "one"/"1" or a unit-like noun: take the first word if lowercase
    return None


def find_quantities(text: str, *, times: Sequence[TimeMention] | None = None) -> list[NumberMention]:
    """Every quantity and rank in ``text``, sorted by start offset, with hedges as bounded intervals.

    Args:
        text: running text; offsets index into it.
        times: the time mentions of ``text`` when the caller already has them (any anchor); found here
            otherwise. Numbers inside them are dates, not quantities.

    Returns:
        Non-overlapping :class:`NumberMention` records sorted by ``start``; values follow
        :data:`HEDGE_RULE`.
    """
    if not text:
        return []
    if times is None:
        times = find_times(text)
    times = list(times)
    blocked = [(t.start, t.end) for t in times]
    block_starts = [b[0] for b in blocked]
    out: list[NumberMention] = []
    pos = 0
    bi = 0
    for hit, tok in hits(text):
        if hit < pos:
            continue
        if tok[0].isdigit():
            if (ck := _CLOCK.match(text, hit)) is not None and not (hit and text[hit - 1].isalnum()):
                # a time of day: a figure of its own kind, or nothing (its digits are no count either way)
                j = bisect.bisect_right(block_starts, hit) - 1
                got = None if j >= 0 and hit < blocked[j][1] else _clock_at(text, hit, ck)
                if got is not None and (not out or got.start >= out[-1].end):
                    out.append(got)
                pos = ck.end()
                continue
            if len(tok) > 4 and tok.count(".") > 1 and _DOTTED.match(tok):
                pos = hit + len(tok)
                continue  # "192.168.1.2", "version 1.2.3": an address or a version, not the decimal 192.168
            if hit and text[hit - 1] in "-." and (hit < 2 or not text[hit - 2].isalnum()):
                hit -= 1  # a negative figure or a leading decimal point: "-5", ".08"
        elif tok not in NUMBER_STARTERS:
            continue
        m = None
        art = None
        if tok in _TAKES_ARTICLE_TOKENS:
            art = _ARTICLE_BEFORE.search(text, max(pos, hit - 5), hit)
        if art is None and blocked:
            # a figure inside a date ("2024" of "March 5, 2024") would be matched and then dropped below:
            # dropping it before the costly match gives the same result
            j = bisect.bisect_right(block_starts, hit) - 1
            if j >= 0 and hit < blocked[j][1]:
                continue
        if len(tok) > 4 and tok.count(",") > 1 and tok[0].isdigit() and (lm := _COMMA_LIST.match(tok)) is not None:
            lend = hit + lm.end()
            if not (blocked and bisect.bisect_left(block_starts, lend) > bisect.bisect_right(block_starts, hit)):
                got_list = [n for n in _comma_list(text, hit, lm.group()) if not out or n.start >= out[-1].end]
                out.extend(got_list)
                pos = lend
                continue
        for start in ((art.start(), hit) if art else (hit,)):
            if text[start].isalpha():
                m = _core_words(text[start:hit + len(tok)].lower()).match(text, start)
            else:
                m = _CORE_DIGITS.match(text, start)
            if m is not None:
                break
        if m is None:
            continue
        s, e = m.span()
        while bi < len(blocked) and blocked[bi][1] <= s:
            bi += 1
        if bi < len(blocked) and blocked[bi][0] <= s < blocked[bi][1]:
            continue  # inside a date
        if m.group("digits") is not None or m.group("words") is not None:
            got = _number_at(text, m, times)
        elif m.group("ordinal") is not None:
            got = _ordinal_at(text, m)
        elif m.group("sup") is not None:
            got = _superlative_at(text, m)
        else:
            got = _mult_word_at(text, m)
        if got is None:
            pos = e
            continue
        if out and got.start < out[-1].end:
            got = None
        if got is not None:
            out.append(got)
            pos = max(got.end, e)
        else:
            pos = e
    if "point" in text:
        out = _with_fraction_points(text, out)
    return _attach_changes(text, _merge_bounds(text, out), times)


# ---------------------------------------------------------------------------------------------
# Times of day

CLOCK_RULE = """\
A time of day ("7.42am", "6:24 a.m.", "22:40", "1100 GMT") is a quantity of kind "clock", in
minutes after midnight, of the unit "time of day", or "time of day <ZONE>" when a zone other than
local time is written (times in different zones are never compared). It is a figure only after "at"
or a hedge ("at 7.42am", "around 22:40", "shortly after 3 a.m."): a time in a time stamp ("Updated
Oct. 17, 7:15 a.m. ET") or a bound ("until 8 p.m.") dates a report or a schedule, not what happened.
Its interval:

  exact                                  [T - u/2, T + u/2]   u = 1 minute ("7.42"), 5 ("10.40"), 15 (on
                                                              the quarter hour, or the hour alone: "10 p.m.")
  about, around, approximately, roughly  [T - u/2 - 15, T + u/2 + 15]
  shortly/just/soon after                [T, T + 30]
  shortly/just before                    [T - 30, T]
"""

#: A time of day in figures: twelve-hour with a.m./p.m. ("7.42am", "6:24 a.m.", "10 p.m."), twenty-four-hour
#: with a colon ("07:42", not "2:03:45", a race time), or four digits before a zone ("1100 GMT"); then a zone.
_CLOCK = re.compile(
    r"(?:(?P<h12>1[0-2]|0?[1-9])(?:[:.](?P<m12>[0-5]\d))?\s?(?P<ap>(?i:[ap]))\.?\s?(?i:m)\b\.?"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![:\d])"
    r"|(?P<hm>(?:[01]\d|2[0-3])[0-5]\d)(?=\s*(?:GMT|UTC)\b))"
    r"(?:\s*\(?(?P<zone>GMT|UTC|BST|CET|CEST|EET|EEST|IST|JST|KST|AEST|AEDT|[ECMP][SD]?T|local\s+time)\b\)?)?")
#: What a time of day is a figure after: "at", a hedge, or both ("at about 10.40pm").
_CLOCK_BEFORE = re.compile(
    r"(?:\b(?P<at>at|from|by|until|till|before|after|since)\s+)?"
    r"(?P<hedge>(?:about|around|approximately|roughly|some|shortly\s+after|just\s+after|soon\s+after"
    r"|shortly\s+before|just\s+before)\s+)?$", re.IGNORECASE)
_CLOCK_HEDGES = {"shortly after": "over", "just after": "over", "soon after": "over", "shortly before": "under",
                 "just before": "under"}


def _clock_at(text: str, hit: int, m: re.Match[str]) -> NumberMention | None:
    """The time of day ``m`` matched at ``text[hit]`` as a figure, or None where it is no fact (see CLOCK_RULE)."""
    b = _CLOCK_BEFORE.search(text, max(0, hit - 30), hit)
    at = (b.group("at") or "").lower() if b else ""
    hedge_words = " ".join(b.group("hedge").lower().split()) if b and b.group("hedge") else ""
    if not (at == "at" or (hedge_words and not at)):
        return None
    if m.group("h12") is not None:
        h, mins = int(m.group("h12")) % 12, int(m.group("m12") or 0)
        if m.group("ap").lower() == "p":
            h += 12
    elif m.group("h24") is not None:
        h, mins = int(m.group("h24")), int(m.group("m24"))
    else:
        h, mins = int(m.group("hm")[:2]), int(m.group("hm")[2:])
    t = h * 60 + mins
    u = 1 if mins % 5 else 5 if mins % 15 else 15
    hedge = _CLOCK_HEDGES.get(hedge_words, "about" if hedge_words else "exact")
    if hedge == "over":
        low, high = t, t + 30
    elif hedge == "under":
        low, high = t - 30, t
    else:
        low, high = t - u / 2 - (15 if hedge == "about" else 0), t + u / 2 + (15 if hedge == "about" else 0)
    zone = " ".join((m.group("zone") or "").split())
    unit = "time of day" if zone in ("", "local time") else f"time of day {zone}"
    start = b.start("hedge") if hedge_words else hit
    end = m.end("zone") if zone and zone != "local time" else m.start("zone") if zone else m.end()
    end = len(text[:end].rstrip(" ("))
    if zone and text[end:end + 1] == ")" and "(" in text[hit:end]:
        end += 1  # "at 3 p.m. (GMT)"
    q = Quantity(kind="clock", unit=unit, point=float(t), low=float(low), high=float(high), hedge=hedge)
    return NumberMention(start=start, end=end, text=text[start:end], value=q, noun_start=end, noun_end=end)


#: Two or more dots between digit runs: an address, a version or a dotted date, never one decimal figure.
_DOTTED = re.compile(r"\d+\.\d+\.\d+")
#: Three or more comma-separated runs of one to three digits that are no thousands grouping ("22,24,26,31";
#: not "1,234,567" nor the Indian "12,34,567"): a list of numbers, each its own figure. Two runs ("1,5") are
#: left to the figure grammar: a decimal comma is as likely there as a list.
_COMMA_LIST = re.compile(r"(?!\d{1,3}(?:,\d{3})+(?!\d|,\d)|\d{1,2}(?:,\d\d)+,\d{3}(?!\d|,\d))\d{1,3}(?:,\d{1,3}){2,}(?!\d|\.\d)")


def _comma_list(text: str, hit: int, run: str) -> list[NumberMention]:
    """The figures of a comma list starting at ``text[hit]``, each an exact number ("exercises 22,24,26,31")."""
    out = []
    at = hit
    for part in run.split(","):
        x = float(part)
        q = _quantity("number", "", x, precision_of(part), "exact")
        out.append(NumberMention(start=at, end=at + len(part), text=part, value=q, noun_start=at + len(part),
                                 noun_end=at + len(part)))
        at += len(part) + 1
    return out


_FRACTION_POINT = re.compile(
    r"\b(?P<f>half|a\s+quarter|three[- ]quarters|a\s+third)(?:\s+of)?\s+an?\s+(?:percentage\s+)?point\b"
    r"|\ba\s+(?P<q>quarter|half)[- ]point\b", re.IGNORECASE)
_FRACTIONS = {"half": 0.5, "a quarter": 0.25, "three-quarters": 0.75, "three quarters": 0.75, "a third": 1 / 3,
              "quarter": 0.25}


def _with_fraction_points(text: str, ms: list[NumberMention]) -> list[NumberMention]:
    """Add the moves of a rate written as a fraction of a point: "half a percentage point", "a quarter
    point" (exact to the fraction: a rate moves in such steps)."""
    found = []
    seen: set[int] = set()
    at = text.find("point")
    while at >= 0:
        # only the few words before each "point" can hold the fraction: a whole-text case-insensitive
        # scan would cost as much as the rest of the number grammar
        m = _FRACTION_POINT.search(text, max(0, at - 40), at + 5)
        at = text.find("point", at + 5)
        if m is None or m.start() in seen or any(x.start < m.end() and m.start() < x.end for x in ms):
            continue
        seen.add(m.start())
        words = _RXN4.sub(" ", (m.group("f") or m.group("q")).lower())
        x = _FRACTIONS.get(words)
        if x is None:
            continue
        q = Quantity(kind="points", unit="pp", point=_clean(x), low=_clean(x), high=_clean(x), hedge="exact")
        found.append(NumberMention(start=m.start(), end=m.end(), text=m.group(), value=q, noun_start=m.end(),
                                   noun_end=m.end()))
    return sorted(ms + found, key=lambda n: n.start) if found else ms


_BOUND_JOIN = re.compile(r"\s*(?:,\s*)?(?:and|but|,)\s+(?:also\s+)?$", re.IGNORECASE)


def _merge_bounds(text: str, ms: list[NumberMention]) -> list[NumberMention]:
    """"greater than 100 and smaller than 300" is one range: a lower and an upper bound joined by "and"."""
    out: list[NumberMention] = []
    i = 0
    while i < len(ms):
        a = ms[i]
        if i + 1 < len(ms) and isinstance(a.value, Quantity) and isinstance(ms[i + 1].value, Quantity):
            b = ms[i + 1]
            va, vb = a.value, b.value
            lower = {"over", "at-least"}
            upper = {"under", "at-most", "nearly"}
            pair = (va.hedge in lower and vb.hedge in upper) or (va.hedge in upper and vb.hedge in lower)
            # "at most 100 and at least 20 apples": a bare figure takes the noun counted by the other bound
            same = va.kind == vb.kind and va.unit == vb.unit
            bare = {va.kind, vb.kind} == {"number", "count"} and ("" in (va.unit, vb.unit))
            if (pair and (same or bare) and _BOUND_JOIN.fullmatch(text[a.end:b.start])):
                lo, hi = (va.point, vb.point) if va.hedge in lower else (vb.point, va.point)
                kind, unit = (vb.kind, vb.unit) if va.kind == "number" else (va.kind, va.unit)
                if lo < hi:
                    q = Quantity(kind=kind, unit=unit, point=_clean((lo + hi) / 2), low=lo, high=hi, hedge="exact")
                    out.append(NumberMention(start=a.start, end=b.end, text=text[a.start:b.end], value=q,
                                             noun=b.noun or a.noun, noun_start=b.noun_start, noun_end=b.noun_end))
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


#: A plural noun and its verb after "The <number>" ("The six defendants were arrested"): at the head of a
#: sentence, from three on, the number counts the subject (see _number_at); "the two countries" refers.
_COUNTED_SUBJECT = re.compile(r"\s+(?:[a-z]+s|men|women|people|children)\s+(?:were|are|have|had|will|would|could|stood|face|faced|remain|remained"
                              r"|[a-z]+ed)\b")


def _opens_sentence(text: str, at: int) -> bool:
    """Whether "The" at ``at`` opens a sentence (the text's start, or a sentence end before it)."""
    if at < 0 or text[at:at + 4] != "The ":
        return False
    before = text[:at].rstrip()
    return not before or before[-1] in ".!?\"”\n"


_CLAUSE_END_AHEAD = r"(?=\s*(?:[.,;:!?)]|$))"
_SCALE_AND_WORDS = re.compile(r" and\s+(?P<n>" + _WORDNUM + r")" + _CLAUSE_END_AHEAD, re.IGNORECASE)
#: Currency words counted in hundredths, and the count of hundredths written after them ("thirteen dollars forty
#: five", "ten euros and fifty cents"): only where the clause ends there ("five dollars forty times" is no price).
_HUNDREDTHS_UNITS = frozenset(("dollars", "dollar", "us dollars", "us dollar", "euros", "euro", "pounds", "pound"))
_CENTS_AFTER = re.compile(
    r"\s+(?P<and>and\s+)?(?P<n>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six"
    r"|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|\d{1,2})(?![\w-])(?:\s+(?P<sub>cents?|pence|p)(?![\w]))?" + _CLAUSE_END_AHEAD, re.IGNORECASE)


_NEGATIVE_BEFORE = re.compile(r"(?<![\w-])(?:minus|negative)\s+$", re.IGNORECASE)
_RXN_FIGURE_END = re.compile(r"(?:\d|\b" + _WORDNUM_ATOM + r")\s+$", re.IGNORECASE)


def _number_at(text: str, m: re.Match[str], times: list[TimeMention]) -> NumberMention | None:
    s, e = m.span()
    digits = m.group("digits")
    if digits is not None:
        if "." in digits and "," in digits and digits.rfind(",") > digits.rfind("."):
            digits = digits.replace(".", " ").replace(",", ".")  # continental: "1.234,56"
        digits = digits.replace("\u202f", ",").replace("\u00a0", ",").replace(" ", ",")
        x = float(digits.replace(",", ""))
        u = precision_of(digits)
        is_words = False
        if _RXN2.match(digits):
            return None
        # identifiers and times: "G20", "8:30", "No. 5", "F-16"
        if text[e:e + 1] == ":" and text[e + 1:e + 2].isdigit():
            return None
        if digits.isdigit() and len(digits) <= 4 and _model_name_before(text, s):
            return None  # "the AirCrisp 5 model", "a Boeing 737": a number in a name
    else:
        words = m.group("words")
        lw = words.lower().strip()
        if lw in ("one", "a", "an", "zero") and not _CUR_AFTER.match(text, e) and not (lw == "one" and _ONE_PERSON.match(text, e)):
            return None  # "one of the", "a visit": no count; "killing one person" is one
        x = parse_number(words)
        if x is None:
            return None
        if _RXN3.search(text[max(0, s - 7):s]) and not (x >= 3 and _COUNTED_SUBJECT.match(text, e) and _opens_sentence(text, s - 4)):
            return None  # "the two countries" refers, it does not count
        u = _word_precision(x)
        is_words = True
    if x > 0 and (neg := _NEGATIVE_BEFORE.search(text, max(0, s - 10), s)) is not None and not _RXN_FIGURE_END.search(
            text, max(0, neg.start() - 12), neg.start()):
        x, s = -x, neg.start()  # "minus 5 degrees", "negative ten"; not "10 minus 5"
    end = e
    start = s
    scale = 1.0
    attached = m.group("attached") if digits is not None else None
    if attached:
        scale = SCALES[attached.lower()]
    else:
        sm = _SCALE_AFTER.match(text, end)
        if sm:
            scale = SCALES[sm.group("s").lower()]
            end = sm.end()
            if scale in (1e2, 1e3) and digits is not None:
                # "3 hundred and 21", "4 thousand 3 hundred and 21": smaller parts written after the scale word
                rest, cap = 0.0, scale
                while (rm_ := _SCALE_REST.match(text, end)) is not None:
                    n = parse_number(rm_.group("n"))
                    step = 1e2 if rm_.group("h") else 1.0
                    if n is None or n * step >= cap or (step == 1.0 and n >= 100):
                        break
                    rest, cap, end = rest + n * step, step, rm_.end()
                    if step == 1.0:
                        break
                if rest:
                    x, u, scale = x * scale + rest, cap, 1.0
            elif scale >= 1e5 and text.startswith(" and ", end) and (am := _SCALE_AND_WORDS.match(text, end)) is not None:
                # "6 crore and two hundred": number words after "and" finish the figure, where the clause ends
                # with them ("$3 billion and two hundred jobs" is two figures)
                n = parse_number(am.group("n"))
                if n is not None and 0 < n < scale:
                    x, u, scale, end = x * scale + n, _word_precision(n), 1.0, am.end()
    # currency
    currency = None
    j = start - 1
    while j > start - 3 and j > 0 and text[j].isspace():  # "USD 5", "USD  5": up to two spaces
        j -= 1
    pm = _PREFIX_RE.search(text, max(0, start - 8), start) if j >= 0 and text[j] in _PREFIX_LAST else None
    if pm and pm.end() == start:
        currency = CURRENCIES.get(_RXN4.sub("", pm.group("cur").lower()), None)
        if currency:
            start = pm.start("cur")
    if not attached and scale == 1.0 and currency is not None:
        sm = _SCALE_AFTER_SHORT.match(text, end)
        if sm:
            scale = SCALES[sm.group("s").lower()]
            end = sm.end()
    if currency is None:
        cm = _CUR_AFTER.match(text, end)
        if cm:
            cw = _RXN4.sub(" ", cm.group("c").lower())
            currency = CURRENCIES.get(cw)
            if currency:
                end = cm.end()
                if scale == 1.0 and cw in _HUNDREDTHS_UNITS and (cc := _CENTS_AFTER.match(text, end)) is not None:
                    n = parse_number(cc.group("n"))
                    if n is not None and 1 <= n < 100 and n == int(n) and (cc.group("sub") or not cc.group("and")):
                        # "thirteen dollars forty five": the sub-unit count follows the whole units
                        x, u, end = x + n / 100, 0.01, cc.end()
        elif (cm2 := _CUR_CODE_AFTER.match(text, end)):
            currency = CURRENCIES.get(cm2.group("c").lower())
            end = cm2.end()
    value_x = x * scale
    u = u * scale
    kind, unit = "number", ""
    if currency:
        kind, unit = "money", currency
    else:
        pc = _PERCENT_AFTER.match(text, end)
        if pc:
            end = pc.end()
            if pc.group("pp"):
                kind, unit = "points", "pp"
            elif pc.group("bp"):
                kind, unit = "points", "pp"
                value_x, u = value_x / 100, u / 100
            else:
                kind, unit = "percent", "%"
        else:
            tm = _TIMES_AFTER.match(text, end)
            if tm and (tm.group("t") or tm.group("f") or (tm.group("x") and not is_words)):
                kind, unit = "multiplier", "x"
                end = tm.end()
    # hedge
    hedge = "exact"
    h = _hedge_before(text, start)
    if h:
        hedge, hs = h
        start = hs
    if h and hedge == "about" and (ha := _HEDGE_OR_AFTER.match(text, end)):
        # "about 500 or more": the open side written after the figure outweighs the approximation before it
        hedge, end = ("at-most" if ha.group("less") else "at-least"), ha.end()
    elif not h:
        ha = _HEDGE_AFTER.match(text, end)
        if ha and kind != "number" or (ha and ha.group(0).strip().lower() != "+"):
            if ha:
                hedge, end = "at-least", ha.end()
        hu = _HEDGE_AFTER_UNDER.match(text, end)
        if hu:
            hedge, end = "at-most", hu.end()
    # range: "between 10 and 12", "10-12%", "$10 billion to $12 billion"
    lo_hi = None
    rm = _RANGE_AFTER.match(text, end)
    if rm and not _inside(times, rm.end()):
        sep = rm.group("sep").lower()
        second = _SECOND.match(text, rm.end())
        if second is None:
            pm2 = re.match(_PREFIX_CUR, text[rm.end():rm.end() + 6], re.IGNORECASE)
            if pm2:
                second = _SECOND.match(text, rm.end() + pm2.end())
        between = _BETWEEN_BEFORE.search(text, max(0, start - 10), start)
        # "rose from 5 to 11" and "fell 0.3 points to 3.5%" are changes between levels, not ranges
        allow = sep in ("-", "–", "—", "~") or (sep == "and" and between)
        if kind == "points" and sep in ("to", "through"):
            allow = False  # "by 50 basis points to 6.5%": a change, then the level it reached
        elif not allow and sep in ("to", "through") and second is not None:
            # the change-verb patterns are costly: looked for only when they decide
            before = text[max(0, start - 40):start]
            allow = bool(_RANGE_OF_BEFORE.search(before)) or not (
                _tail_search(_CHANGE_VERB_BEFORE, before) or _RXN5.search(before))
        if second is not None and allow and (second.group("digits") or second.group("words")):
            y = parse_number(second.group("digits") or second.group("words"))
            if y is not None:
                e2 = second.end()
                scale2 = scale
                sm2 = _SCALE_AFTER.match(text, e2)
                if sm2 and not second.group("attached"):
                    scale2 = SCALES[sm2.group("s").lower()]
                    e2 = sm2.end()
                elif second.group("attached"):
                    scale2 = SCALES[second.group("attached").lower()]
                elif scale != 1.0 and not m.group("attached") and end > e:
                    scale2 = scale
                yv = y * (scale2 if scale2 != 1.0 else scale)
                # "10-12 billion": the scale written once applies to both
                if scale == 1.0 and scale2 != 1.0:
                    value_x = x * scale2
                    yv = y * scale2
                e3 = e2
                pc2 = _PERCENT_AFTER.match(text, e3)
                if pc2 and kind == "number":
                    # "10-20%", "10-20 points", "10-20 basis points" (hundredths of a point)
                    kind, unit = ("points", "pp") if (pc2.group("pp") or pc2.group("bp")) else ("percent", "%")
                    if pc2.group("bp"):
                        value_x, yv, u = value_x / 100, yv / 100, u / 100
                    e3 = pc2.end()
                elif pc2 and kind in ("percent", "points"):
                    e3 = pc2.end()
                cm3 = _CUR_AFTER.match(text, e3)
                if cm3 and kind == "number" and CURRENCIES.get(_RXN4.sub(" ", cm3.group("c").lower())):
                    kind, unit = "money", CURRENCIES[_RXN4.sub(" ", cm3.group("c").lower())]
                    e3 = cm3.end()
                if yv > value_x and (sep != "-" or not is_words) and not (sep == "-" and kind == "number" and yv < 100 and value_x < 100 and _looks_like_score(text, s)):
                    lo_hi = (value_x, yv)
                    end = e3
                    bm = _BETWEEN_BEFORE.search(text, max(0, start - 10), start)
                    if bm:
                        start = bm.start()
    if lo_hi is not None:
        q = _quantity(kind, unit, (lo_hi[0] + lo_hi[1]) / 2, u, "exact", lo_hi)
    else:
        q = _quantity(kind, unit, value_x, u, hedge)
    noun = ""
    ns = ne = end
    if (kind == "number" and not is_words and (dg := _DEGREES_GLUED.match(text, end)) is not None
            and abs(value_x) <= _DEGREES_MAX[dg.group("u")] and not (start and text[start - 1].isalpha())
            and not _NAMED_BEFORE.search(text, max(0, start - 20), start)):
        unit_d = "degree celsius" if dg.group("u") == "C" else "degree fahrenheit"
        q = Quantity(kind="count", unit=unit_d, point=q.point, low=q.low, high=q.high, hedge=q.hedge)
        return NumberMention(start=start, end=dg.end(), text=text[start:dg.end()], value=q, noun=dg.group("u"),
                             noun_start=dg.start("u"), noun_end=dg.end("u"))
    if kind == "number" and (mu := _MEASURE_AFTER.match(text, end)) and not (mu.group("u").lower() in ("ft", "ha") and is_words):
        unit_m = MEASURE_UNITS[mu.group("u").lower()]
        base_unit, factor = UNIT_PREFIXES.get(unit_m, (unit_m, 1.0))
        q = Quantity(kind="count", unit=base_unit, point=_clean(q.point * factor), low=_clean(q.low * factor),
                     high=_clean(q.high * factor), hedge=q.hedge)
        return NumberMention(start=start, end=mu.end(), text=text[start:mu.end()], value=q, noun=mu.group("u"),
                             noun_start=mu.start("u"), noun_end=mu.end("u"))
    if kind == "number" and (hy := _HYPHEN_NOUN.match(text, end)):
        # "a 65-seat assembly", "a two-day visit": the figure counts the noun glued to it
        q = Quantity(kind="count", unit=hy.group("n").lower(), point=q.point, low=q.low, high=q.high, hedge=q.hedge)
        return NumberMention(start=start, end=end, text=text[start:end], value=q, noun=hy.group("n"),
                             noun_start=hy.start("n"), noun_end=hy.end("n"))
    if kind in ("number",):
        na = _noun_after(text, end, len(text))
        if na is None and value_x == 1 and (one := _ONE_PERSON.match(text, end)) is not None:
            w = one.group(0).strip()  # "killing one person": the singular noun a plural would have been
            na = (w.lower(), w, one.end() - len(w), one.end())
        if na is None and (part := _PART_OF.match(text, end)):
            # "24 of the 65 seats": a part counted in the whole's unit
            na = _noun_after(text, part.end(), len(text))
        if na:
            unit_noun, noun, ns, ne = na
            q = Quantity(kind="count", unit=unit_noun, point=q.point, low=q.low, high=q.high, hedge=q.hedge)
        elif is_words and 0 <= value_x < 10 and "point" not in m.group("words").lower() and not _LEVEL_VERB_BEFORE.search(
                text, max(0, start - 40), start) and not PEOPLE_STATE_AFTER.match(text, end):
            return None  # "two" alone is a pronoun-like use more often than a figure; "rose to seven" is one
    elif kind == "multiplier":
        pass
    # years misread as numbers are the date grammar's; bare 4-digit figures near time words are skipped
    if kind == "number" and digits is not None and _RXN6.fullmatch(digits) and hedge == "exact":
        return None
    return NumberMention(start=start, end=end, text=text[start:end], value=q, noun=noun, noun_start=ns, noun_end=ne)


def _inside(times: Sequence[TimeMention], pos: int) -> bool:
    """Whether ``pos`` falls inside one of ``times`` (sorted by start)."""
    i = bisect.bisect_right([t.start for t in times], pos) - 1 if len(times) < 64 else _bisect_starts(times, pos)
    return i >= 0 and times[i].start <= pos < times[i].end


def _bisect_starts(times: Sequence[TimeMention], pos: int) -> int:
    lo, hi = 0, len(times)
    while lo < hi:
        mid = (lo + hi) // 2
        if times[mid].start <= pos:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1


def _looks_like_score(text: str, pos: int) -> bool:
    return bool(_RXN7.search(text[max(0, pos - 40):pos]))


def _ordinal_value(tok: str) -> int | None:
    """The position an ordinal names: "eighth" -> 8, "8th" -> 8, "twenty-first" -> 21, "one hundred
    twenty-fifth" -> 125, "two hundredth" -> 200."""
    t = _RXN4.sub(" ", tok.lower().replace("-", " ")).strip()
    scale_ord = _RXN8.fullmatch(t)
    if scale_ord:
        v = parse_number(f"{scale_ord.group(1) or 'one'} {scale_ord.group(2)}")
        return int(v) if v else None
    head = _RXN9.fullmatch(t)
    if head:
        base = parse_number(head.group(1))
        rest = _ordinal_value(head.group(2))
        return int(base) + rest if base and rest else None
    m = _RXN10.fullmatch(t)
    if m:
        return int(m.group(1))
    if t in ORDINALS:
        return ORDINALS[t]
    parts = t.split()
    if len(parts) == 2 and parts[0] in TENS_WORDS and parts[1] in ORDINALS:
        return TENS_WORDS[parts[0]] + ORDINALS[parts[1]]
    m2 = _RXN11.fullmatch(t)
    if m2:
        return TENS_WORDS[m2.group(1)] + ORDINALS[m2.group(2)]
    return None


_ORDINAL_NOUN_AFTER = re.compile(
    r"[\s-]+(?P<n>minute|lap|round|inning|innings|over|hole|set|game|match|leg|stage|day|week|month|year|season|term"
    r"|attempt|anniversary|edition|consecutive\s+\w+|straight\s+\w+|place|spot|seed|wave|phase|quarter\s+in\s+a\s+row)\b",
    re.IGNORECASE,
)
_SUP_AFTER = re.compile(r"(?:\s*-\s*|\s+)(?P<sup>" + _SUP + r")", re.IGNORECASE)


_ORD_RANGE_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)
#: The second bound of a range of positions; nothing may follow it that the ordinals could qualify ("between the
#: first and second world wars" counts wars).
_ORD_RANGE_AFTER = re.compile(r"\s+and\s+(?:the\s+)?(?P<o>" + _ORD_NUM + "|" + _ORD_WORD + r")(?![\w])"
                              r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:in|on|among|out\s+of|places?|positions?)\b)", re.IGNORECASE)


def _ordinal_at(text: str, m: re.Match[str]) -> NumberMention | None:
    """"eighth largest", "8th-largest", "ranking 11th out of 141 economies", "finished third"."""
    s, e = m.span()
    k = _ordinal_value(m.group("ordinal"))
    if k is None or k <= 0:
        return None
    if (text.find("etween", max(0, s - 14), s) >= 0 and (rb := _ORD_RANGE_BEFORE.search(text, max(0, s - 14), s)) is not None
            and (ra := _ORD_RANGE_AFTER.match(text, e))):
        k2 = _ordinal_value(ra.group("o"))
        if k2 is not None and k2 > k:
            # "between the tenth and the fifteenth": a range of positions, as written
            rank = Rank(point=k, low=k, high=k2, superlative="ranked", hedge="exact")
            return NumberMention(start=rb.start(), end=ra.end(), text=text[rb.start():ra.end()], value=rank,
                                 noun_start=ra.end(), noun_end=ra.end())
    sm = _SUP_AFTER.match(text, e)
    out_of = None
    end = e
    on = _ORDINAL_NOUN_AFTER.match(text, e)
    if sm:
        sup = _RXN4.sub(" ", sm.group("sup").lower())
        end = sm.end()
    elif on:
        # "the 87th minute", "for the eighth time", "her third term": an ordinal position in a series
        rank = Rank(point=k, low=k, high=k, superlative="ordinal", hedge="exact")
        return NumberMention(start=s, end=e, text=text[s:e], value=rank, noun=on.group("n"),
                             noun_start=on.start("n"), noun_end=on.end("n"))
    else:
        before = text[max(0, s - 30):s]
        if not _RANK_VERB_STRONG.search(before):
            om = _OUT_OF.match(text, e)
            among = _RXN12.match(text[e:e + 30])
            if not ((om or among) and _RANK_VERB_BEFORE.search(before)):
                return None
        sup = "ranked"
    om = _OUT_OF.match(text, end)
    noun = None
    if om:
        total = parse_number(om.group("n"))
        if total and total >= k and _is_plural(om.group("noun")):
            out_of = int(total)
            # "ranking 11th out of 141 economies": the total belongs to the rank, not a count of its own
            noun = (om.start("noun"), om.end("noun"), om.group("noun"))
            end = om.end()
    start = s
    rank = Rank(point=k, low=k, high=k, superlative=sup, out_of=out_of, hedge="exact")
    if noun is None and sup != "ranked":
        noun = _ranked_noun(text, end)
    ns, ne, phrase = noun if noun else (end, end, "")
    return NumberMention(start=start, end=end, text=text[start:end], value=rank, noun=phrase, noun_start=ns, noun_end=ne)


def _ranked_noun(text: str, pos: int) -> tuple[int, int, str] | None:
    """The noun phrase a rank is about: "trading partner" in "eighth largest trading partner for the U.S."."""
    keep: list[tuple[int, int]] = []
    p = pos
    while len(keep) < 3:
        m = _NOUN_WORD.match(text, p)
        if not m or m.group(1).lower() in _NOT_NOUN or m.group(1).lower() in _RANK_STOP:
            break
        keep.append(m.span(1))
        p = m.end(1)
        if _is_plural(m.group(1)) or text[p:p + 1] not in (" ", "\t"):
            break
    if not keep:
        return None
    s, e = keep[0][0], keep[-1][1]
    return s, e, text[s:e]


_NOUN_WORD = re.compile(r"[ \t]+([a-z][a-z-]*[a-z])(?![\w'’])")
_RANK_STOP = frozenset("ever yet so far since among in for by after behind".split())


def _superlative_at(text: str, m: re.Match[str]) -> NumberMention | None:
    """"the largest export market" -> rank 1; "one of the largest" -> rank 1..5."""
    s, e = m.span()
    sup = _RXN4.sub(" ", m.group("sup").lower())
    before = text[max(0, s - 40):s]
    om = _ONE_OF_BEFORE.search(before)
    noun = _ranked_noun(text, e)
    if noun is None:
        return None
    ns, ne, phrase = noun
    if sup == "top" and _RXN13.match(text[e:e + 8]):
        return None
    if om:
        start = max(0, s - 40) + om.start()
        rank = Rank(point=1, low=1, high=5, superlative=sup, hedge="at-most")
        if not _is_plural(phrase.split()[-1]):
            return None
        return NumberMention(start=start, end=e, text=text[start:e], value=rank, noun=phrase, noun_start=ns, noun_end=ne)
    if not _DET_BEFORE.search(before):
        return None
    if _RXN14.search(before):
        return None
    if _is_plural(phrase.split()[-1]) and not _RXN15.search(before):
        return None  # "the largest companies" ranks nothing on its own
    rank = Rank(point=1, low=1, high=1, superlative=sup, hedge="exact")
    return NumberMention(start=s, end=e, text=text[s:e], value=rank, noun=phrase, noun_start=ns, noun_end=ne)


def _mult_word_at(text: str, m: re.Match[str]) -> NumberMention | None:
    s, e = m.span()
    w = m.group("mult").lower()
    if w == "twice" and not _RXN16.match(text[e:e + 8]):
        return None  # "visited twice" counts occasions, it multiplies nothing
    factor = {"twice": 2.0, "doubled": 2.0, "doubling": 2.0, "tripled": 3.0, "tripling": 3.0, "trebled": 3.0,
              "quadrupled": 4.0, "halved": 0.5, "halving": 0.5}.get(w)
    if factor is None:  # "threefold"
        factor = float(parse_number(w[:-4]) or 0)
        if not factor:
            return None
    q = Quantity(kind="multiplier", unit="x", point=factor, low=factor, high=factor, hedge="exact")
    change = None
    if w != "twice" and not w.endswith("fold"):
        change = "decrease" if w.startswith("halv") else "increase"
    return NumberMention(start=s, end=e, text=text[s:e], value=q, change=change, noun_start=e, noun_end=e)


def _clause_end(text: str, pos: int) -> int:
    m = _CLAUSE_END.search(text, pos)
    return m.start() if m else len(text)


def _attach_changes(text: str, ms: list[NumberMention], times: list[TimeMention]) -> list[NumberMention]:
    """Mark figures that are changes ("up 7%", "a 7% increase", "rose more than 30 times") and attach the
    comparison base ("from 2019", "year-on-year") and the levels ("to $90 billion from $2.8 billion")."""
    out: list[NumberMention] = []
    for i, nm in enumerate(ms):
        v = nm.value
        if isinstance(v, Rank):
            out.append(nm)
            continue
        change = nm.change
        before = text[max(0, nm.start - 40):nm.start]
        # the patterns end at the figure; try them only when a change word is near (a cheap word test)
        near = set(_RXN17.findall(before.lower()))
        cv = None
        if near & _CHANGE_WORDS:
            cv = (_tail_search(_CHANGE_VERB_BEFORE, before) or (_CHANGE_VERB_BY.search(before) if "by" in near else None)
                  or (_tail_search(_CHANGE_NOUN_OF, before) if "of" in near else None))
        after_end = nm.end
        if cv and cv.group("v").lower() in ("up", "down") and _RXN18.search(before[: cv.start("v")]):
            cv = None  # "women made up 41%": a phrasal verb, not a change
        if cv:
            word = cv.group("v").lower()
            change = "increase" if word in _INCREASE else "decrease" if word in _DECREASE else "change"
        else:
            cn = _CHANGE_NOUN_AFTER.match(text, nm.end)
            ca = _CHANGE_ADJ_AFTER.match(text, nm.end) if v.kind in ("percent", "points", "multiplier") else None
            if cn and v.kind in ("percent", "points", "multiplier", "money", "count"):
                word = cn.group("n").lower()
                change = "increase" if word in _INCREASE else "decrease" if word in _DECREASE else "change"
                after_end = cn.end()
            elif ca and v.kind in ("percent", "points"):
                word = ca.group("a").lower()
                change = "increase" if word in _INCREASE else "decrease"
                after_end = ca.end()
        than_base = None  # "some 282,000 more than in 2016", "$2bn less than in 2021": a difference from a base
        if change is None and v.kind in ("count", "number", "money") and (
                mt := _MORE_THAN_AFTER.match(text, nm.noun_end or nm.end)) is not None:
            j = _bisect_starts(times, mt.end() - 1) + 1
            if j < len(times) and times[j].start == mt.end():  # "5,000 more than expected": no base, no change
                than_base = times[j]
                change = "decrease" if mt.group("a").lower() in _DECREASE else "increase"
        if v.kind == "multiplier" and change is None:
            # "four times the number in 2013" compares with a base even without a verb
            if _RXN19.match(text[nm.end:nm.end + 20]):
                change = "change"
        if (change is None and out and out[-1].change is not None and v.kind == "percent"
                and _RESTATED_BETWEEN.fullmatch(text, out[-1].noun_end or out[-1].end, nm.start)):
            # "an increase of 281,774 people, or 6.2%": the same change as a share, against the same base
            prev = out[-1]
            out.append(NumberMention(start=nm.start, end=nm.end, text=nm.text, value=nm.value, change=prev.change,
                                     base=prev.base, noun=nm.noun, noun_start=nm.noun_start, noun_end=nm.noun_end))
            continue
        if change is None or v.kind not in ("percent", "points", "multiplier", "money", "count", "number"):
            out.append(nm)
            continue
        if v.kind in ("money", "count", "number") and not cv and than_base is None:
            out.append(nm)
            continue
        stop = _clause_end(text, after_end)
        base = None
        yoy = _YOY.match(text, after_end)
        if than_base is not None:
            base = than_base
        elif yoy:
            base = TimeMention(start=yoy.start("y"), end=yoy.end("y"), text=yoy.group("y"), value=None, relative=True, ref="previous")
        else:
            first = _bisect_starts(times, after_end - 1) + 1
            for t in times[first:]:
                if t.start > stop:
                    break
                if t.start < after_end:
                    continue
                gap = text[after_end:t.start]
                # the base is introduced by "from", "compared with", "than" ... possibly after a level
                if _BASE_CUE.search(gap) and len(gap) < 80:
                    cue = _BASE_CUE.search(gap)
                    if _ON_DAY.match(gap, cue.start()) and (t.value is None or t.value.granularity in ("day", "week")):
                        break  # "closed 7.2% lower on Monday": the day the change happened, not what it is against
                    # "to over US$90 billion in 2021 from $2.8 billion in 1990": the base follows "from <level> in"
                    base = t
                    if _RXN20.search(gap[: cue.start()] if cue else gap) and not _RXN21.search(gap):
                        base = None
                        continue
                    break
                if _RXN22.search(gap):
                    base = t
                    break
        level_from = level_to = None
        for other in ms[i + 1:]:
            if other.start > stop:
                break
            lc = _LEVEL_CUE_BEFORE.search(text, max(0, other.start - 12), other.start)
            if not lc or isinstance(other.value, Rank):
                break  # levels follow the change directly: "up 5% to $2 billion from $1.9 billion"
            w = lc.group("w").lower()
            if w == "from":
                level_from = level_from or other.value
            else:
                level_to = level_to or other.value
        out.append(NumberMention(start=nm.start, end=nm.end, text=nm.text, value=nm.value, change=change, base=base,
                                 level_from=level_from, level_to=level_to, noun=nm.noun, noun_start=nm.noun_start,
                                 noun_end=nm.noun_end))
    return out
