"""Time expressions: find dates in running text and normalise them to day intervals.

This module owns the date grammar of consilience: absolute dates at every granularity ("1995",
"July 2013", "2017 April", "12-2015", "July 25, 2013", "25 July 2013", "2013-07-25", "the 2010s",
"mid-2022", "early March", "the third quarter"), day ranges ("September 10-11", "March 21–24") and
relative expressions ("last year", "in March", "on Thursday", "two years ago", "a fortnight ago",
"twenty-eight years since", "today", "end of month", "5 days before New Year"), resolved against an
*anchor* (the document's date) when one is given.

Every value is a :class:`~consilience.model.TimeValue`: a half-open interval of days ``[low, high)``
with the point as written at its granularity. A relative expression without an anchor is found but
left unresolved (``value=None``). A bare number becomes a year only when its context says it is one
(a preposition such as "in"/"since", a month, "the year", a list of years); counts such as
"2000 people" or "$2000" are never read as years.

It must not touch claims, documents or anything beyond a string and an anchor.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from dataclasses import dataclass, replace
from datetime import date, timedelta

from consilience.extract._scan import NUMBER_STARTERS, TIME_NAMES, TIME_STARTERS, can_begin_with, hits
from consilience.model import TimeValue, quick_init

# Patterns used inside the functions below, compiled once (the re module's cache lookup costs per call).
_RXT1 = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?")
_RXT2 = re.compile(r"\d+")
_RXT4 = re.compile(r"\s*([A-Za-z][A-Za-z'-]*)")
_RXT5 = re.compile(r"\bof\b")
_RXT6 = re.compile(r"\bin\s+$")
_RXT7 = re.compile(r"\s+")
_RXT8 = re.compile(r"(?:more|less|fewer)\s+than\s*$|up\s+to\s*$", re.I)
_RXT9 = re.compile(r"\s*(?:[A-Z]{3}\b|US\b|U\.S\.)")
_RXT10 = re.compile(r"\s*(?:[-–]|to)\s*\d")
_RXT11 = re.compile(r"[-\s]+")
_RXT12 = re.compile(r"\bquarter", re.IGNORECASE)
_RXT13 = re.compile(r"\s*[,(–—-]\s*")

__all__ = ["TimeMention", "find_times", "parse_anchor", "time_value", "shift_value", "format_date"]


@quick_init
@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time expression at ``text[start:end]``; ``value`` is None when it is relative and unanchored.

    ``ref`` marks expressions that are not plain dates: "present" ("now", "currently"), "past"
    ("recently"), "future" ("soon"), and "previous"/"following"/"same" for anaphoric ones ("the
    previous year", "a year later", "the same year") whose value, when any, was computed from the
    anchor but really depends on the date the sentence talks about.
    """

    start: int
    end: int
    text: str
    value: TimeValue | None
    relative: bool = False
    ref: str | None = None


# ---------------------------------------------------------------------------------------------
# Lexicon

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}
SMALL_NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "several": 3, "a few": 3, "few": 3, "a couple of": 2, "couple of": 2,
}
ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "last": -1, "final": -1,
}
SEASONS: dict[str, tuple[int, int, str]] = {
    # northern-hemisphere meteorological seasons: (first month, months, TimeML code)
    "spring": (3, 3, "SP"), "summer": (6, 3, "SU"), "fall": (9, 3, "FA"), "autumn": (9, 3, "FA"),
    "winter": (12, 3, "WI"),
}
DECADE_WORDS: dict[str, int] = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
    "eighties": 80, "nineties": 90,
}

# Words that make a following or preceding bare 4-digit number a year.
_YEAR_BEFORE = frozenset(
    "in since from to until till by before after during of between and or through throughout around "
    "circa year years early late mid end start beginning fiscal spring summer autumn fall winter "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec the that this its their his her for "
    "at as than on".split()
)
#: Words after which a year far ahead (past 2100, or more than 30 years after the document) is still a year,
#: when the clause ends after it ("sea levels by 2150.").
_FAR_YEAR_BEFORE = frozenset(("in", "by", "until", "till", "before", "after", "beyond"))
_CLAUSE_END = frozenset(("", ".", ",", ";", ":", "!", "?", ")", "\n"))
# Hedges and symbols that make a number a quantity, not a year.
_NOT_YEAR_BEFORE = frozenset(
    "than about nearly almost some approximately roughly over above under below exceeding "
    "totalling totaling total no. no number page pages route flight room model rs usd eur gbp jpy cny rmb vnd inr aud "
    "cad hkd sgd nzd brl krw chf rub mxn zar sek nok dkk pln".split()
)
_PLURAL_NOT_NOUN = frozenset("was has is does says sees marks saw gets makes takes wins as its this his thus plus".split())
_SCALE_OR_CURRENCY_AFTER = frozenset(
    "hundred thousand million billion trillion bn mn dollars dollar euros euro pounds yen yuan dong rupees won pesos "
    "francs usd eur gbp percent pct".split()
)
_COUNT_NOUNS = frozenset(
    "people persons men women children staff police troops votes seats cases deaths dead homes units "
    "tons tonnes metres meters feet miles kilometres kilometers km kg hectares acres barrels points "
    "dollars euros pounds yen yuan dong won rupees pesos francs employees workers students jobs".split()
)

_MON = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June|Jun\.?|July|Jul\.?|Aug(?:ust|\.)?"
        r"|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_WEEKDAY_FULL = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
#: Weekdays in full or abbreviated; the abbreviations only open a date with a day number after them ("Fri 14th").
_WEEKDAY_ANY = r"(?:" + _WEEKDAY_FULL[3:-1] + r"|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?)"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_DAYWORD = ("(?:" + "|".join(sorted((w for w, n in ORDINAL_WORDS.items() if 0 < n <= 31), key=len, reverse=True))
            + r"|(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))")
_YEAR4 = r"(?:1[6-9]\d\d|20\d\d|2100)"
#: Month names written in full (a span of months is written with them: "April-June", "October to December").
_MON_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DAYCARD = (r"(?:(?:twenty|thirty)[-\s](?:one|two|three|four|five|six|seven|eight|nine)(?![\w-])|twenty|thirty|one|two|three|four|five"
            r"|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)")
_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_NUMWORD = (r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
            r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
            r"|hundred|several|a few|a couple of|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]"
            r"(?:one|two|three|four|five|six|seven|eight|nine))")
_UNIT = r"(?:years?|months?|fortnights?|weeks?|days?|decades?|centur(?:y|ies))"
_U9 = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_YEARWORDS = (r"(?:(?:nineteen|twenty|eighteen|seventeen)[-\s]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
              r"(?:[-\s]" + _U9 + r")?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
              r"|oh[-\s]" + _U9 + r"|hundred(?:\s+(?:and\s+)?(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
              r"(?:[-\s]" + _U9 + r")?|" + _U9 + r"))?)"
              r"|two\s+thousand(?:(?:\s+and)?[-\s](?:" + _U9 + r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
              r"|eighteen|nineteen|(?:twenty|thirty|forty|fifty)(?:[-\s]" + _U9 + r")?))?)(?![-\w])")
_REL = r"(?:last|next|this|coming|previous|prior|preceding|past|following|current|same)"
_PART = r"(?:early|mid|middle|late|the\s+(?:end|beginning|start|middle|first\s+half|second\s+half)\s+of)"

# (name, pattern). Order matters: at one position the first alternative that matches wins, so longer
# and more specific forms come first.
#: Holidays whose date a rule gives for any year (fixed days, Easter's and US Thanksgiving's rules).
#: Holidays that fall on different days in different countries ("Independence Day", "Labor Day") are
#: left out: the text alone does not say which one is meant.
_HOLIDAY = (
    r"(?:christmas(?:\s+(?:day|eve))?(?!\s+islands?\b)|boxing\s+day|new\s+year['’]?s['’]?\s+(?:day|eve)|new\s+year\s+day"
    r"|(?:st\.?\s+)?valentine['’]?s['’]?\s+day|halloween|easter(?:\s+(?:sunday|monday))?(?!\s+(?:islands?|eggs?|rising)\b)"
    r"|good\s+friday|thanksgiving(?:\s+day)?|black\s+friday|cyber\s+monday|earth\s+day"
    r"|(?:international\s+)?workers['’]?\s+day|(?:saint|st\.?)\s+patrick['’]?s?(?:\s+day)?"
    # "New Year" alone is a holiday only as what a day is counted from ("5 days before new year"): "in the new
    # year" is a period
    r"|(?:(?<=\bbefore\s)|(?<=\bafter\s))new\s+year(?![-'’]))(?![\w'’])"
)

#: Month names in a date written with dashes or slashes ("23-Sep-2020"): three letters or in full.
_MON_ABBR = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
             r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")

_RULES: list[tuple[str, str]] = [
    ("iso", r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d:])"),
    ("compact", r"(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)"),
    # "2016 10 16": a year, a month and a day of two digits each, spaced
    ("spaced", r"(?P<y>(?:19|20)\d\d) (?P<m>0[1-9]|1[0-2]) (?P<d>0[1-9]|[12]\d|3[01])(?![\w/-]|[.,:]\d)"),
    ("dashmon", r"(?:(?P<d>[0-3]?\d)[-/](?P<mon>" + _MON_ABBR + r")[-/](?P<y>\d{4})"
                r"|(?P<y2>\d{4})[-/](?P<mon2>" + _MON_ABBR + r")[-/](?P<d2>[0-3]?\d)"
                r"|(?P<mon3>" + _MON_ABBR + r")[-/](?P<d3>[0-3]?\d)[-/](?P<y3>\d{4})"
                # the orders forms and exports also write: "September-2020-23", "2020/23/Sep", "23-2020-September"
                r"|(?P<mon4>" + _MON_ABBR + r")[-/](?P<y4>\d{4})[-/](?P<d4>[0-3]?\d)"
                r"|(?P<y5>\d{4})[-/](?P<d5>[0-3]?\d)[-/](?P<mon5>" + _MON_ABBR + r")"
                r"|(?P<d6>[0-3]?\d)[-/](?P<y6>\d{4})[-/](?P<mon6>" + _MON_ABBR + r"))(?![\w/-])"),
    # "Dec31, 1994": a month abbreviation glued to its day, only with a year after it ("SEPT9", "DEC1" alone are
    # names of genes and products)
    ("glued", r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)(?P<d>[12]\d|3[01]|0?[1-9])(?!\d)\s*,?\s*"
              r"(?P<y>" + _YEAR4 + r")(?![\d,.]\d)"),
    ("slash", r"(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d{2})(?![\d/])"),
    # "on 22/04", "this 5/12", "next 11/20": a day and month without a year, only after these words (a bare
    # "2/3" is a fraction or a score; "by 2/3" a share)
    ("daymon", r"(?P<rel>on|this|next)\s+(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)(?![\d/]|[.,]\d|\s*(?:of|%|percent|per)\b)"),
    # "FY2023", "FY23", "CY18": a fiscal or calendar year with its letters glued to the digits
    ("fyglued", r"(?:FY|CY)(?P<y>" + _YEAR4 + r"|\d\d)(?![\w/-])"),
    # "2015-03", "2015-3"; "2011-12" and "2008-9" are read as the year ranges they are in news (see _h_isomonth)
    ("isomonth", r"(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2]|[1-9])(?![\d-]|[.,]\d|\s*(?:%|percent))"),
    # "12-2015": a two-digit month and a year, with nothing after them in the clause
    ("monthyear", r"(?P<m>0[1-9]|1[0-2])-(?P<y>(?:19|20)\d\d)(?=\s*(?:[.,;:!?)]|$))"),
    # "Thursday, March 23, 2023", "September 10-11, 2023", "March 21–24", "July 25th"
    ("mdrange", r"(?:(?P<wd>" + _WEEKDAY_FULL + r"),?\s+)?(?P<mon>" + _MON + r")(?:\s+|/|,\s*(?=\d\d?(?:st|nd|rd|th)\b))(?P<d1>" + _DAYNUM + r")"
                r"(?:\s*(?:-|–|—)\s*(?P<d2>" + _DAYNUM + r")|\s+(?:to|through|and)\s+(?P<d2b>" + _DAYNUM + r")(?!\s*(?:%|percent)))?"
                r"(?:(?:\s*,\s*|\s+)(?:of\s+|in\s+)?(?:(?P<y>" + _YEAR4 + r")|(?P<yw>" + _YEARWORDS + r"))"
                r"|\s+of\s+(?:'|(?=\d\d\s*(?:[.,;:!?)]|$)))(?P<yy>\d\d)(?![\w,.]\d))?(?![\d,.]\d)"),
    ("mdword", r"(?:(?P<wd>" + _WEEKDAY_FULL + r"),?\s+)?(?P<mon>" + _MON + r")\s+(?:the\s+)?(?P<dw>" + _DAYWORD + r")\b"
               r"(?:,?\s+(?:(?P<y>" + _YEAR4 + r")|(?P<yw>" + _YEARWORDS + r")))?"),
    # "January twenty five, 1986", "fifteen August nineteen ninety three": a day in cardinal words, only with a
    # year; before the month only with the year in words too ("two May 2019 reports" counts reports)
    # "May twenty nine." without a year only where the clause ends: "In May twenty people died" counts people
    ("mdcard", r"(?P<mon>" + _MON + r")\s+(?P<dc>" + _DAYCARD + r")(?:(?:,?\s+)(?:(?P<y>" + _YEAR4 + r")(?![\d,.]\d)|(?P<yw>"
               + _YEARWORDS + r"))|(?P<bare>(?=\s*(?:[.;:!?)]|$))))"),
    ("cardday", r"(?P<dc>" + _DAYCARD + r")\s+(?:of\s+)?(?P<mon>" + _MON + r"),?\s+(?:of\s+)?(?P<yw>" + _YEARWORDS + r")"),
    # "25 July 2013", "10-11 September 2023", "the 4th of July"
    ("dmrange", r"(?:(?P<wd>" + _WEEKDAY_FULL + r"),?\s+)?(?:the\s+)?(?:(?P<d1>" + _DAYNUM + r")(?:\s*(?:-|–|—)\s*(?P<d2>" + _DAYNUM + r"))?"
                r"|(?P<dw>" + _DAYWORD + r"))(?:\s+(?:day\s+)?(?:of\s+)?|-)(?P<mon>" + _MON + r")(?![a-z])"
                r"(?:(?:\s*,\s*|\s+|-)(?:of\s+|in\s+)?(?:(?P<y>" + _YEAR4 + r")|(?P<yw>" + _YEARWORDS + r"))"
                r"|\s+of\s+(?:'|(?=\d\d\s*(?:[.,;:!?)]|$)))(?P<yy>\d\d)(?![\w,.]\d))?"),
    ("part", r"(?P<part>" + _PART + r")[-\s]+(?:(?P<mon>" + _MON + r")(?:,?\s+(?P<y1>" + _YEAR4 + r"))?|(?P<y>" + _YEAR4 + r")"
             r"|(?P<rel>this|last|next)\s+(?P<unit>year|month))\b"),
    ("monyear", r"(?P<mon>" + _MON + r")(?:(?:,?\s+(?:of\s+)?|[-/])(?P<y>" + _YEAR4 + r")(?!\d)|\s+of\s+(?:'|(?=\d\d\s*(?:[.,;:!?)]|$)))(?P<yy>\d\d)(?![\w,.]\d))"),
    # "2017 April": a year, then a month named in full (no day after it); "May" and "March" only where the clause
    # ends ("in 2017 May called an election" names a person)
    ("yearmon", r"(?P<y>" + _YEAR4 + r")\s+(?P<mon>(?:January|February|April|June|July|August|September|October"
                r"|November|December)(?![\w-])(?!\s*\d)|(?-i:May|March)(?=\s*(?:[.,;:!?)]|$)))"),
    ("quarter", r"(?:(?P<the>the|this|last|next)\s+)?(?:(?P<y0>" + _YEAR4 + r")\s+)?"
                r"(?:(?P<rel>latest|current|previous|prior|preceding|past|last|year-earlier|year-ago|same|final|following)\s+)?"
                r"(?:(?P<ord>" + _ORD + r")[-\s]+)?(?:fiscal\s+)?(?P<unit>quarter|half)(?![-\w])(?!\s+of\s+(?:the|a|an|all|its|their)\b)"
                r"(?:\s+of\s+(?:the\s+)?(?:fiscal\s+)?(?:year\s+)?(?P<y>" + _YEAR4 + r"|(?P<yrel>this|last|next)\s+year)"
                # "the same quarter last year", "the third quarter a year earlier"
                r"|(?:(?<=quarter)|(?<=half))\s+(?:(?P<yrel2>last)\s+year|(?:a|one)\s+year\s+(?P<yago>earlier|ago|before)))?"),
    ("qcode", r"(?P<q>[QH][1-4])(?:\s+|\s*')?(?P<y>" + _YEAR4 + r"|\d\d)?\b"),
    ("decade", r"(?:the\s+)?(?:(?P<part>early|mid|late)[-\s]+)?(?:(?P<dec>(?:1[6-9]|20)\d0)|'(?P<dec2>\d0))s\b"),
    ("decadeword", r"(?:the\s+)?(?:(?P<part>early|mid|late)[-\s]+)?(?P<dw>" + "|".join(DECADE_WORDS) + r")\b"),
    ("season", r"(?:(?P<rel>this|last|next|the)\s+(?:(?:past|coming)\s+)?)?(?P<s>spring|summer|autumn|fall|winter)"
               r"(?:\s+(?:of\s+)?(?P<y>" + _YEAR4 + r"))?\b"),
    ("fiscal", r"(?:fiscal|financial|FY)\s*(?:year\s+)?(?P<y>" + _YEAR4 + r"|'?\d\d)\b"),
    ("yearrange", r"(?P<y1>" + _YEAR4 + r")\s*(?:-|–|—|/)\s*(?P<y2>" + _YEAR4 + r"|\d\d)(?![\d%]|[.,]\d)"),
    ("theyear", r"the\s+year\s+(?P<y>" + _YEAR4 + r")\b"),
    ("year", r"(?P<y>" + _YEAR4 + r"|2[1-9]\d\d)(?!\d|[,.]\d|\s*(?:%|percent|per\s+cent))"),
    # "the week after next", "the month before last": two periods from the one that holds the document's date
    ("afternext", r"the\s+(?P<unit>week|month|year)\s+(?P<dir>after\s+next|before\s+last)\b"),
    ("ago", r"(?P<n>" + _NUMWORD + r")\s+(?P<unit>" + _UNIT + r")\s+(?P<dir>ago|earlier|before|later|after|since|from\s+now|hence|from)\b"),
    ("agoa", r"(?P<n>a|an)\s+(?P<unit>year|month|fortnight|week|day|decade)\s+(?P<dir>ago|earlier|before|later)\b"),
    # "in two weeks", "in a fortnight's time" ("'s time" says the future by itself)
    ("inunits", r"(?P<n>" + _NUMWORD + r")\s+(?P<unit>days|weeks|fortnights|months|years|(?:(?<=\ba\s)|(?<=\ban\s))"
                r"(?:day|week|fortnight|month|year))\b(?P<time>['’]s?\s+time\b)?(?!\s+(?:of|ago|earlier|later|before|after|since|from|old)\b)"),
    ("nthof", r"(?:the\s+)?(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|last"
              r"|\d{1,2}(?:st|nd|rd|th))\s+(?P<unit>week|month|quarter)\s+of\s+(?:(?P<y>" + _YEAR4 + r")|(?P<rel>this|last|next)\s+year)\b"),
    ("relunit", r"(?:the\s+)?(?P<rel>" + _REL + r")\s+(?:fiscal\s+|financial\s+|calendar\s+)?(?P<unit>year|month|week|decade|century|weekend"
                r"|work(?:ing)?\s+week|workweek)\b"),
    ("fiscalyear", r"the\s+(?:fiscal|financial)\s+year\b(?!\s+(?:\d|to|ending|ended|that|which|beginning))"),
    ("century", r"(?:the\s+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|" + _DAYWORD + r")[-\s]+century\b"),
    ("yearwords", r"(?:the\s+year\s+)?(?P<yw>" + _YEARWORDS + r")"),
    ("yearearlier", r"the\s+(?P<rel>year-earlier|year-ago|prior-year|previous-year)\s+(?:period|year|month)\b"),
    ("holiday", r"(?:(?P<rel>last|next|this|previous|following)\s+)?(?P<hol>" + _HOLIDAY + r")"
                r"(?:,?\s+(?:of\s+)?(?P<y>" + _YEAR4 + r")(?![\w,.]\d))?"),
    # "Friday 14th", "Sun 31.", "Tuesday the eleventh", "Friday 5/12": a weekday with a day of an unnamed month,
    # or with a month and day (which decide the date; a "this"/"next" before the weekday adds nothing)
    ("wdday", r"(?:(?P<rel>this|next|last)\s+)?(?P<wd>" + _WEEKDAY_ANY + r"),?[ \t\u00a0]+"
              r"(?:(?P<a>[01]?\d)/(?P<b>[0-3]?\d)(?![\d/])(?!\s*(?:of|%|percent)\b)"
              r"|(?P<d>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))(?![\w,.]\d)|(?P<dn>[12]\d|3[01]|0?[1-9])(?![.,]\d)(?=\s*(?:[.,;:!?)]|$))"
              r"|the\s+(?:(?P<d2>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))|(?P<dw>" + _DAYWORD + r"))\b(?=\s*(?:[.,;:!?)]|$)))"),
    # "Friday-Jun-15", "friday (jun-15)": a weekday with its month and day, which decide the date
    ("wdmon", r"(?:(?P<rel>this|next|last)\s+)?(?P<wd>" + _WEEKDAY_FULL + r")(?:-|\s*\(\s*)(?P<mon>" + _MON_ABBR
              + r")-(?P<d>[0-3]?\d)(?![\d-])\)?"),
    # "earlier this year", "later in the week", "earlier last month": the part of the period before or after the
    # document's date, or its first or second half
    ("earlylate", r"(?P<w>earlier|later)\s+(?:in\s+the|(?P<rel>this|next|last|previous))\s+(?P<unit>week|month|year)\b"),
    ("ytd", r"the\s+year[-\s]to[-\s]date\b"),
    # "week 3 of 2027", "week 27 of last year": ISO weeks of a named year
    ("weeknum", r"(?:the\s+)?week\s+(?P<n>[1-9]|[1-4]\d|5[0-3])\s+of\s+(?:(?P<y>" + _YEAR4 + r")|(?P<rel>this|last|next)\s+year)\b"
                # "in the week 31": the nearest week of that number
                r"|the\s+(?P<wk>week)\s+(?P<n2>[1-9]|[1-4]\d|5[0-3])(?![\w%/-]|[.,:]\d)"),
    # "the 21st this month", "the 15th day of next month"
    ("dayrel", r"the\s+(?:(?P<d>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))|(?P<dw>" + _DAYWORD + r"))(?:\s+day)?\s+(?:of\s+)?"
               r"(?P<rel>this|next|last)\s+month\b"),
    # "previous Friday", "following Friday" without "the" are "last", "next"; "the following Friday" is a day after
    # another the text tells of, read as the weekday alone
    ("relwd", r"(?:(?P<rel>last|next|this|this\s+coming|this\s+past|coming|(?<!the\s)previous|(?<!the\s)following)\s+)?"
              r"(?P<wd>" + _WEEKDAY_FULL + r")"
              r"(?:\s+(?P<tod>morning|afternoon|evening|night))?\b"),
    ("relmon", r"(?:(?P<rel>last|next|this|this\s+past|this\s+coming)\s+)?(?P<mon>January|February|March|April|May|June|July"
               r"|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\."
               r"|Jan|Feb|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?![\w-])"
               r"(?:,?\s+(?:of\s+)?(?P<rel2>last|this|next)\s+year\b|\s+(?:of\s+)?(?P<yw>" + _YEARWORDS + r"))?"),
    ("deictic", r"(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow|tmrw|otd"
                r"|nowadays|now|currently|recently|lately|recent\s+(?:days|weeks|months|years)|soon|formerly|previously"
                r"|the\s+future|the\s+past|(?:the\s+)?coming\s+(?:days|weeks|months|years)"
                r"|the\s+(?:last|past)\s+(?:few|several)\s+(?:days|weeks|months|years)|current(?!\s+(?:year|month|quarter))"
                r"|the\s+(?:near|short|long)\s+term|the\s+near\s+future|these\s+days"
                r"|(?:future|coming)\s+(?:days|weeks|months|quarters|years)|past\s+(?:years|decades|months)|recent|future)\b"),
    ("theyearnow", r"the\s+(?:full\s+|current\s+|calendar\s+|whole\s+)?year(?!\s*(?:\d|-|earlier|ago|before|after|later|'s\s+end))\b"
                   r"|(?:the\s+)?(?:year[-\s]end|year's\s+end|end\s+of\s+the\s+year)\b|EOY\b"
                   # "for the month", "sales in the week": as "the year"; not "the month of May", "the week after"
                   r"|the\s+(?:current\s+|whole\s+)?(?P<u>month|week)(?![\w-]|\s*(?:\d|earlier|ago|before|after|later|ahead"
                   r"|'s|’s|of|that|when|in\s+which|end(?:ing|ed)?|to|through|prior|since|leading|following)\b)"),
    # "end of month", "the end of the week", "end of this year", "the middle of next month": a part of the period
    # that holds the document's date (or the one before or after it); see _part_of for the parts
    # "the April-June quarter", "April to June 2023", "between April and June": the months from the first to the
    # end of the second
    ("monthspan", r"(?:(?P<between>between)\s+)?(?P<m1>" + _MON_FULL + r")\s*(?:-|–|—|/|\s+to\s+|\s+through\s+|\s+and\s+)\s*"
                  r"(?P<m2>" + _MON_FULL + r")(?![\w-])(?!\s*\d{1,2}\b(?!\s*(?:%|percent)))(?:,?\s+(?P<y>" + _YEAR4 + r")(?![\d,.]\d))?"),
    # "the three months to June", "six months ended September 30": the months that end with the one named
    ("monthsto", r"(?:the\s+)?(?P<n>three|six|nine|twelve|[1-9]|1[0-8])\s+months\s+(?:to|ended|ending|through|until|till)\s+"
                 r"(?:the\s+end\s+of\s+)?(?P<mon>" + _MON_FULL + r")(?![\w-])(?:\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b)?"
                 r"(?:,?\s+(?P<y>" + _YEAR4 + r")(?![\d,.]\d))?"),
    ("endof", r"(?:the\s+)?(?P<part>end|middle|beginning|start)\s+of\s+(?:(?P<rel>this|last|next)\s+|(?P<the>the)\s+)?"
              r"(?P<unit>week|month|year)\b(?![-'’])(?!\s+(?:\d|of\b))"),
]

_RULE_NAMES = [name for name, _ in _RULES]


#: Rules kept out of the tries at every start: they are tried on their own, only where a cheap look at the text
#: says they can match (a holiday word; a dash or slash between a figure and a month name; a month's
#: letters glued before a day; a month's first letter after a year; a dash and digits after two digits;
#: "end of" and a period), so that they add nothing to the cost of the other hits.
_SOLO_RULES = ("holiday", "dashmon", "glued", "fyglued", "daymon", "yearmon", "monthyear", "endof", "monthspan", "monthsto")


_RULE_PATTERN: dict[str, str] = dict(_RULES)

#: Left boundary of every rule: not inside a word or a number ("US$2013", "12013", "x2013").
_LEFT = r"(?<![\w$€£¥.,/-])"

# Which rules can begin at a digit (D), at a month or weekday name (N), at another word (W), at a month or
# weekday name that nothing date-like follows (B: "in March,", "on Monday morning"), at a word that only
# "deictic" begins with (X: "now", "yesterday"), at four digits that a space or a stop ends (Y: "in 2019,");
# after an article ("the", "a") the rules that can begin with one.
_RULE_STARTS: dict[str, str] = {
    "iso": "D", "compact": "D", "spaced": "Y", "dashmon": "", "glued": "", "fyglued": "", "daymon": "", "slash": "D", "isomonth": "D", "monthyear": "", "yearmon": "",
    "mdrange": "N", "mdword": "N", "dmrange": "DNW",
    "part": "W", "monyear": "N", "quarter": "DWY", "qcode": "W", "decade": "DW", "decadeword": "W", "season": "W",
    "fiscal": "W", "yearrange": "DY", "theyear": "", "year": "DY", "ago": "DWY", "agoa": "", "relunit": "W",
    "yearearlier": "", "relwd": "NWB", "relmon": "NWB", "deictic": "WX", "fiscalyear": "", "century": "DW",
    "yearwords": "W", "theyearnow": "W", "nthof": "DW", "inunits": "DWY", "holiday": "",
    "mdcard": "N", "cardday": "W", "wdday": "NW", "wdmon": "NWB", "earlylate": "W", "ytd": "", "weeknum": "W", "dayrel": "",
    "endof": "", "monthspan": "", "monthsto": "", "afternext": "",
}


#: Rules that can begin with an article ("the third quarter", "a year ago"): at an article before a hit only
#: these are tried, those of the hit's kind and those that begin only after an article.
_ARTICLE_RULES = frozenset((
    "dmrange", "quarter", "decade", "decadeword", "season", "theyear", "ago", "agoa", "inunits", "nthof", "relunit",
    "fiscalyear", "century", "yearwords", "yearearlier", "deictic", "theyearnow", "part", "ytd", "weeknum", "dayrel",
    "afternext",
))


def _subset_rules(kind: str, article: bool) -> tuple[str, ...]:
    """The rules, in order, that can start at a token of ``kind`` (after an article when ``article``)."""
    return tuple(
        name for name, _ in _RULES
        if name not in _SOLO_RULES
        and (kind in _RULE_STARTS[name] or (article and not _RULE_STARTS[name]))
        and (not article or name in _ARTICLE_RULES)
    )


_RULE_RX: dict[str, re.Pattern[str]] = {}


def _rule_rx(name: str) -> re.Pattern[str]:
    """One rule on its own, with its groups as the rule names them, compiled when first needed."""
    rx = _RULE_RX.get(name)
    if rx is None:
        rx = _RULE_RX[name] = re.compile(_LEFT + "(?:" + _RULE_PATTERN[name] + ")", re.IGNORECASE)
    return rx


_RULES_AT: dict[tuple[str, bool, str], tuple[tuple[str, re.Pattern[str]], ...]] = {}
_RULES_AT_MAX = 8192


def _rules_at(kind: str, article: bool, prefix: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The rules, as (name, pattern) in ``_RULES`` order, worth trying at a start of ``kind`` where the text
    begins with ``prefix`` (the article if any, then the starter word, or the first character of figures);
    the first that matches there wins.

    A rule is kept only if its pattern can begin with the prefix (:func:`can_begin_with`), so "the third"
    tries a few of the twenty rules an article can open. Each rule is compiled once, on its own: one
    alternation per kind of start would find the same first match, no faster once the rules are narrowed,
    and each alternation costs milliseconds to compile. The memo holds a few hundred prefixes on news text
    (the starter words, the articles and the first characters of figures); it is emptied if it ever fills.
    """
    key = (kind, article, prefix)
    got = _RULES_AT.get(key)
    if got is None:
        if len(_RULES_AT) >= _RULES_AT_MAX:
            _RULES_AT.clear()
        names = _rules_beginning(kind, article, prefix[0])
        if len(prefix) > 1:
            names = tuple(name for name in names if can_begin_with(_RULE_PATTERN[name], prefix))
        got = _RULES_AT[key] = tuple((name, _rule_rx(name)) for name in names)
    return got


@lru_cache(maxsize=None)
def _rules_beginning(kind: str, article: bool, first: str) -> tuple[str, ...]:
    """The names of the rules that can start at a token of ``kind`` with the character ``first``: the
    first narrowing of :func:`_rules_at`, shared by the prefixes that begin alike."""
    return tuple(name for name in _subset_rules(kind, article) if can_begin_with(_RULE_PATTERN[name], first))


_SOLO = {name: re.compile(_LEFT + "(?:" + pat + ")", re.IGNORECASE)
         for name, pat in _RULES if name in _SOLO_RULES}
_CASED_MONTH = re.compile(_MON)
_IN_BEFORE = re.compile(r"(?<![\w-])in\s+(?:the\s+)?$", re.IGNORECASE)  # month names must be capitalised in running text ("may", "march")
_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|'ll|to\s+be\s+held|is\s+(?:due|set|scheduled|expected|slated|planned)|are\s+(?:due|set|scheduled|expected|slated|planned)"
    r"|plans?\s+to|intends?\s+to|going\s+to|upcoming)\b",
    re.IGNORECASE,
)

#: A verb in the past ("rose", "closed"), not a participle after "be" ("will be held") nor an infinitive.
_PAST_VERB = (
    r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?<!\bis\s)(?<!\bare\s)(?<!'s\s)(?<!\bto\s)"
    r"\b(?:(?!(?:proceed|succeed|exceed|need|speed|feed|seed|bleed|breed|heed|embed|shed|wed|bed|red|hundred|indeed)\s)[a-z]{2,}ed|rose|fell|grew|began|met|said|took|came|went|won|lost|saw|made|held|led|left|sold|bought"
    r"|spent|paid|struck|hit|sent|gave|told|wrote|spoke|broke|chose|drove|flew|ran|rang|sank|shook|stood|swore|threw"
    r"|woke|wore)"
)
#: What makes a time past whatever else its clause says: "since" just before it, or a verb in the past just
#: before its preposition ("collected in", "opened on"), unless "be" comes before that verb ("will be held in").
_PAST_GOVERNED = re.compile(
    r"(?:\bsince|" + _PAST_VERB + r"\s+(?:in|on|during|by|last)(?:\s+(?:the|early|late|mid))?)\s+$",
    re.IGNORECASE,
)
#: A holiday governed by a verb in the past: "sales jumped at Easter", "the plant was closed over Christmas";
#: not by a participle that looks ahead ("sales expected at Christmas", "talks scheduled over Easter").
_PAST_AT_HOLIDAY = re.compile(
    r"(?!(?:expected|scheduled|planned|slated|forecasted|projected|predicted|anticipated|intended)\s)"
    + _PAST_VERB + r"\s+(?:(?:in|on|at|over|during|around|before|after|until|through)\s+)?(?:the\s+)?$", re.IGNORECASE)

# ---------------------------------------------------------------------------------------------
# Values


def format_date(d: date) -> str:
    return d.isoformat()


def _ymd(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _future_floor(y: int, m: int, d: int | None) -> date:
    """The earliest day a date said with a future cue can be, for a document of that date: a fortnight
    before it (a deadline just past is still reported as ahead), or before its month's first day when
    the document's date has no day."""
    return date(y, m, d or 1) - timedelta(days=14)


def _month_end(y: int, m: int) -> date:
    """The last day of month ``m`` of year ``y``."""
    ny, nm = _add_months(y, m, 1)
    return date(ny, nm, 1) - timedelta(days=1)


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def time_value(granularity: str, y: int, m: int = 1, d: int = 1, *, span: int = 1, relative: bool = False,
               hedge: str = "exact") -> TimeValue | None:
    """The TimeValue of ``span`` units of ``granularity`` starting at y-m-d (None if the date is invalid)."""
    if not 1 <= y <= 9998:
        return None
    if granularity == "day":
        lo = _ymd(y, m, d)
        if lo is None:
            return None
        return TimeValue(point=lo.isoformat(), low=lo.isoformat(), high=(lo + timedelta(days=span)).isoformat(),
                         granularity="day", relative=relative, hedge=hedge)
    if granularity == "week":
        lo = _ymd(y, m, d)
        if lo is None:
            return None
        lo = lo - timedelta(days=lo.weekday())
        iy, iw, _ = lo.isocalendar()
        return TimeValue(point=f"{iy}-W{iw:02d}", low=lo.isoformat(), high=(lo + timedelta(days=7 * span)).isoformat(),
                         granularity="week", relative=relative, hedge=hedge)
    if granularity in ("month", "quarter", "half", "season"):
        if not 1 <= m <= 12:
            return None
        months = {"month": 1, "quarter": 3, "half": 6, "season": 3}[granularity] * span
        hy, hm = _add_months(y, m, months)
        if granularity == "month":
            point = f"{y:04d}-{m:02d}"
        elif granularity == "quarter":
            point = f"{y:04d}-Q{(m - 1) // 3 + 1}"
        elif granularity == "half":
            point = f"{y:04d}-H{(m - 1) // 6 + 1}"
        else:
            code = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}.get(m, "SU")
            point = f"{y:04d}-{code}"
        return TimeValue(point=point, low=f"{y:04d}-{m:02d}-01", high=f"{hy:04d}-{hm:02d}-01",
                         granularity=granularity, relative=relative, hedge=hedge)
    if granularity == "year":
        return TimeValue(point=f"{y:04d}", low=f"{y:04d}-01-01", high=f"{y + span:04d}-01-01",
                         granularity="year", relative=relative, hedge=hedge)
    if granularity == "decade":
        y0 = y - y % 10
        return TimeValue(point=f"{y0:04d}s", low=f"{y0:04d}-01-01", high=f"{y0 + 10 * span:04d}-01-01",
                         granularity="decade", relative=relative, hedge=hedge)
    raise ValueError(f"unknown granularity {granularity!r}")


def _part_of(v: TimeValue, part: str) -> TimeValue:
    """Narrow ``v`` to its early / middle / late part ("early March", "mid-2022"), hedged "about".

    Parts follow the calendar: a year's early part is January-April, its middle May-August, its late
    part September-December (thirds that do not overlap); a month's are days 1-10, 11-20 and 21 to the
    end; a week's are Monday-Wednesday, Tuesday-Friday and Thursday-Sunday (the halves of _h_earlylate, so
    that "by the end of the week" holds the Friday news means by it); a decade's are its first four, middle
    four and last four years. "The first/second half of" a year is H1/H2.
    """
    lo = date.fromisoformat(v.low)
    hi = date.fromisoformat(v.high)
    p = part.lower().replace("the ", "").replace(" of", "").strip()
    if p in ("beginning", "start"):
        p = "early"
    elif p == "end":
        p = "late"
    elif p == "middle":
        p = "mid"
    g = v.granularity
    if g == "year" and p in ("first half", "second half"):
        return time_value("half", lo.year, 1 if p == "first half" else 7, relative=v.relative)  # type: ignore[return-value]
    if g == "year":
        a, b = {"early": ((1, 0), (5, 0)), "mid": ((5, 0), (9, 0)), "late": ((9, 0), (13, 0)),
                "first half": ((1, 0), (7, 0)), "second half": ((7, 0), (13, 0))}[p]
        low = date(lo.year, a[0], 1)
        y2, m2 = _add_months(lo.year, 1, b[0] - 1)
        high = date(y2, m2, 1)
    elif g == "month":
        cuts = {"early": (1, 11), "mid": (11, 21), "late": (21, None), "first half": (1, 16), "second half": (16, None)}[p]
        low = date(lo.year, lo.month, cuts[0])
        high = hi if cuts[1] is None else date(lo.year, lo.month, cuts[1])
    elif g == "decade":
        a, b = {"early": (0, 4), "mid": (3, 7), "late": (6, 10), "first half": (0, 5), "second half": (5, 10)}[p]
        low, high = date(lo.year + a, 1, 1), date(lo.year + b, 1, 1)
    elif g == "week":
        a, b = {"early": (0, 3), "mid": (1, 5), "late": (3, 7), "first half": (0, 3), "second half": (3, 7)}[p]
        low, high = lo + timedelta(days=a), lo + timedelta(days=b)
    else:
        n = (hi - lo).days
        a, b = {"early": (0, n // 3), "mid": (n // 4, n - n // 4), "late": (n - n // 3, n),
                "first half": (0, n // 2), "second half": (n // 2, n)}[p]
        low, high = lo + timedelta(days=a), lo + timedelta(days=b)
    return TimeValue(point=v.point, low=low.isoformat(), high=high.isoformat(),
                     granularity=v.granularity, relative=v.relative, hedge="about")


def shift_value(v: TimeValue, k: int) -> TimeValue | None:
    """``v`` moved by ``k`` units of its own granularity ("the previous year" of 2022 is 2021)."""
    lo = date.fromisoformat(v.low)
    g = v.granularity
    if g == "day":
        n = lo + timedelta(days=k)
        return time_value("day", n.year, n.month, n.day, relative=True)
    if g == "week":
        n = lo + timedelta(days=7 * k)
        return time_value("week", n.year, n.month, n.day, relative=True)
    if g in ("month", "quarter", "half", "season"):
        step = {"month": 1, "quarter": 3, "half": 6, "season": 12}[g]
        y, m = _add_months(lo.year, lo.month, step * k)
        return time_value(g, y, m, relative=True)
    if g == "decade":
        return time_value("decade", lo.year + 10 * k, relative=True)
    return time_value("year", lo.year + k, relative=True)


def parse_anchor(anchor: str | None) -> tuple[int, int | None, int | None] | None:
    """``"YYYY[-MM[-DD]]"`` -> (year, month or None, day or None); None when absent or malformed."""
    if not anchor:
        return None
    m = _RXT1.fullmatch(anchor.strip())
    if not m:
        return None
    y = int(m.group(1))
    mo = int(m.group(2)) if m.group(2) else None
    d = int(m.group(3)) if m.group(3) else None
    if mo is not None and not 1 <= mo <= 12:
        return None
    if d is not None and _ymd(y, mo or 1, d) is None:
        return None
    return y, mo, d


# ---------------------------------------------------------------------------------------------
# Parsing helpers


def _month(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _daynum(s: str) -> int:
    return int(_RXT2.match(s).group(0))


def _dayword(s: str) -> int:
    s = s.lower().replace("-", " ")
    if " " in s:
        tens, unit = s.split()
        return SMALL_NUMBERS[tens] + ORDINAL_WORDS[unit]
    return ORDINAL_WORDS[s]


def _count(s: str) -> int | None:
    s = s.lower().replace("-", " ").strip()
    if s.isdigit():
        return int(s)
    if s in SMALL_NUMBERS:
        return SMALL_NUMBERS[s]
    parts = s.split()
    if len(parts) == 2 and parts[0] in SMALL_NUMBERS and parts[1] in SMALL_NUMBERS:
        return SMALL_NUMBERS[parts[0]] + SMALL_NUMBERS[parts[1]]
    return None


def _year2(s: str, anchor_year: int | None) -> int:
    """A two-digit year: the century that puts it nearest the anchor and at most twenty years after it
    (default: 1950-2049)."""
    n = int(s.lstrip("'"))
    if anchor_year is None:
        return 1900 + n if n >= 50 else 2000 + n
    base = anchor_year - anchor_year % 100
    # the nearest, but not more than twenty years ahead: "03/18/40" in a 2016 text is 1940, not 2040
    cands = [c for c in (base - 100 + n, base + n, base + 100 + n) if c <= anchor_year + 20]
    return min(cands, key=lambda c: (abs(c - anchor_year), c))


def _clause_left(text: str, start: int) -> str:
    """Up to 80 characters before ``start``, from the sentence's start or the last semicolon."""
    left = text[max(0, start - 80):start]
    cut = max(left.rfind(". "), left.rfind("\n"), left.rfind(";"))
    return left[cut + 1:] if cut >= 0 else left


def _future(text: str, start: int, end: int) -> bool:
    """Whether the clause around ``text[start:end]`` talks about the future ("will", "is scheduled").

    The cue is looked for back to the sentence's start or a semicolon, and forward to a comma, so that
    "Sales fell in March, and they will recover" keeps March past. A time said to be "since", or governed
    by a verb in the past just before its preposition ("the figures it collected in March"), is past
    whatever cue the sentence holds; a participle after "be" ("will be held in March") is not such a verb.
    """
    left = _clause_left(text, start)
    if _PAST_GOVERNED.search(left):
        return False
    right = text[end:end + 40]
    cut = min((k for k in (right.find(". "), right.find(";"), right.find(",")) if k >= 0), default=-1)
    if cut >= 0:
        right = right[:cut]
    return bool(_FUTURE_CUE.search(left) or _FUTURE_CUE.search(right))


def _nearest_year_for(mo: int, d: int | None, anchor: tuple[int, int | None, int | None], future: bool) -> int:
    """Which year a month (or month-day) without a year refers to.

    News reports what happened. A month alone is the latest one up to the document's month unless its
    clause has a future cue ("will", "is scheduled to"), then the next one. A day is the occurrence
    nearest the document's date, counting one against the tense of its clause as five months further
    away than it is: "Dec. 15" in a November report is next month's, "March 31" is last March's; with a
    future cue, an occurrence more than a fortnight before the document's date is ruled out ("will be
    held on Dec. 5" in a March report is next December's, while a deadline "by Jan. 14" restated on
    Jan. 15 is the one just past).
    """
    ay, am, ad = anchor
    if am is None:
        return ay
    if d is None:
        if future:
            return ay if mo >= am else ay + 1
        return ay if mo <= am else ay - 1
    ref = date(ay, am, ad or 15)
    floor = _future_floor(ay, am, ad) if future else date.min
    best = None
    for y in (ay - 1, ay, ay + 1):
        cand = _ymd(y, mo, d)
        if cand is None or cand < floor:
            continue
        dist = (cand - ref).days
        key = (abs(dist) + (150 if (dist > 0) != future and dist != 0 else 0), -y if not future else y)
        if best is None or key < best[0]:
            best = (key, y)
    return best[1] if best else ay


# ---------------------------------------------------------------------------------------------
# The rules


_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.'")


class _Ctx:
    __slots__ = ("text", "anchor", "start", "end")

    def __init__(self, text: str, anchor: tuple[int, int | None, int | None] | None, start: int, end: int) -> None:
        self.text = text
        self.anchor = anchor
        self.start = start
        self.end = end

    def prev_word(self) -> str:
        """The word just before the mention (letters, "." and "'"), lower-cased; "" if none ends there."""
        # a scan back from the end: the pattern ``([A-Za-z.']+)[\s-]*$`` searched over the 25 characters
        # before the mention, without a regex trying every position
        text, lo = self.text, max(0, self.start - 25)
        j = self.start
        while j > lo and (text[j - 1].isspace() or text[j - 1] == "-"):
            j -= 1
        k = j
        while k > lo and text[k - 1] in _WORD_CHARS:
            k -= 1
        return text[k:j].lower()

    def next_word(self) -> str:
        m = _RXT4.match(self.text[self.end:self.end + 30])
        return m.group(1) if m else ""

    def char_before(self) -> str:
        j = self.start - 1
        while j >= 0 and self.text[j] == " ":
            j -= 1
        return self.text[j] if j >= 0 else ""


# A handler gets the groups of its rule's match (None for a group that took no part) and returns (value, relative,
# ref), or None to reject the match.
_Result = tuple[TimeValue | None, bool, str | None] | None


def _h_iso(g: dict, c: _Ctx) -> _Result:
    v = time_value("day", int(g["y"]), int(g["m"]), int(g["d"]))
    return (v, False, None) if v else None


def _h_dashmon(g: dict, c: _Ctx) -> _Result:
    """"23-Sep-2020", "2019/aug/01", "Sep-23-2020": a day, a month name and a year joined by one separator, in
    any order."""
    k = next(k for k in ("", "2", "3", "4", "5", "6") if g.get("mon" + k))
    d, mon, y = g["d" + k], g["mon" + k], g["y" + k]
    v = time_value("day", int(y), _month(mon), int(d))
    return (v, False, None) if v else None


def _h_slash(g: dict, c: _Ctx) -> _Result:
    a, b = int(g["a"]), int(g["b"])
    y = int(g["y"]) if len(g["y"]) == 4 else _year2(g["y"], c.anchor[0] if c.anchor else None)
    # US order (month/day) unless the first number cannot be a month.
    mo, d = (a, b) if a <= 12 else (b, a)
    v = time_value("day", y, mo, d)
    return (v, False, None) if v else None


def _h_daymon(g: dict, c: _Ctx) -> _Result:
    """"on 22/04", "this 5/12", "next 5/12": month first unless the first number cannot be a month (as for a
    full date); "on" is the nearest such day, "this" the one of the document's year, "next" the first after
    the document's date."""
    a, b = int(g["a"]), int(g["b"])
    mo, d = (a, b) if a <= 12 else (b, a)
    rel = g["rel"].lower()
    if rel == "on" or c.anchor is None:
        return _day_value(c, mo, d, None, None)
    ay, am, ad = c.anchor
    y = ay
    if rel == "next" and am is not None and (mo, d) <= (am, ad or 31):
        y += 1
    v = time_value("day", y, mo, d, relative=True)
    return (v, True, None) if v else None


#: Nouns that number documents and cases with a year and a serial ("Resolution 2015-3", "Case No. 2015-12").
_SERIAL_NOUNS = frozenset("no no. nos. number resolution decision law act decree directive regulation order case rule "
                          "circular bill motion report docket opinion".split())


def _h_isomonth(g: dict, c: _Ctx) -> _Result:
    """"2015-03", "2015-3": that month. A month that is the year's next one in its last digits ("2011-12",
    "2008-9") is read as the two-year span it almost always is in news (a season, a fiscal or school year)."""
    y, ms = int(g["y"]), g["m"]
    if c.prev_word() in _SERIAL_NOUNS or c.char_before() in ("$", "€", "£", "¥", "#"):
        return None
    if int(ms) == (y + 1) % (10 ** len(ms)):
        return (time_value("year", y, span=2), False, None)
    v = time_value("month", y, int(ms))
    return (v, False, None) if v else None


def _h_monthyear(g: dict, c: _Ctx) -> _Result:
    """"12-2015": that month, unless the figures are a range ("from 10-2000") or a serial number."""
    pw = c.prev_word()
    if pw in _SERIAL_NOUNS or pw in _NOT_YEAR_BEFORE or pw in ("from", "between") or c.char_before() in ("$", "€", "£", "¥", "#"):
        return None
    v = time_value("month", int(g["y"]), int(g["m"]))
    return (v, False, None) if v else None


def _h_yearmon(g: dict, c: _Ctx) -> _Result:
    """"2017 April": that month (the rule lets "May" and "March" through only at a clause end)."""
    mon = g["mon"]
    if c.prev_word() in _NOT_YEAR_BEFORE or c.char_before() in ("$", "€", "£", "¥", "#"):
        return None
    v = time_value("month", int(g["y"]), _month(mon))
    return (v, False, None) if v else None


def _months_value(y: int, m1: int, n: int, relative: bool) -> TimeValue | None:
    """``n`` months from month ``m1`` of year ``y``: a calendar quarter or half when it is one."""
    if n == 3 and m1 in (1, 4, 7, 10):
        return time_value("quarter", y, m1, relative=relative)
    if n == 6 and m1 in (1, 7):
        return time_value("half", y, m1, relative=relative)
    v = time_value("month", y, m1, span=n, relative=relative)
    return replace(v, point=f"{v.low[:7]}/{_add_months(y, m1, n - 1)[0]:04d}-{_add_months(y, m1, n - 1)[1]:02d}") if v else None


def _h_monthspan(g: dict, c: _Ctx) -> _Result:
    """"the April-June quarter", "between April and June", "October to December 2022": the months from the first
    through the second (a year later when the second comes first in the calendar). "and" needs "between"."""
    if " and " in c.text[c.start:c.end] and not g.get("between"):
        return None  # "in April and June" names two months, not the span between them
    m1, m2 = _month(g["m1"]), _month(g["m2"])
    n = (m2 - m1) % 12 + 1
    if n < 2:
        return None
    if g.get("y"):
        y2 = int(g["y"])  # the year written after a span is the year of its end ("October to December 2022")
        y = y2 if m2 >= m1 else y2 - 1
        return (_months_value(y, m1, n, False), False, None)
    if c.anchor is None:
        return (None, True, None)
    y = _nearest_year_for(m1, None, c.anchor, _future(c.text, c.start, c.end))
    return (_months_value(y, m1, n, True), True, None)


def _h_monthsto(g: dict, c: _Ctx) -> _Result:
    """"the three months to June", "six months ended September 30, 2023": the ``n`` months ending with that one."""
    n = _count(g["n"])
    end = _month(g["mon"])
    if n is None or not 1 <= n <= 18:
        return None
    if g.get("y"):
        y_end, relative = int(g["y"]), False
    elif c.anchor is None:
        return (None, True, None)
    else:
        y_end, relative = _nearest_year_for(end, None, c.anchor, _future(c.text, c.start, c.end)), True
    y, m1 = _add_months(y_end, end, 1 - n)
    return (_months_value(y, m1, n, relative), relative, None)


def _h_glued(g: dict, c: _Ctx) -> _Result:
    """"Dec31, 1994": a month abbreviation glued to its day, then the year."""
    v = time_value("day", int(g["y"]), _month(g["mon"]), int(g["d"]))
    return (v, False, None) if v else None


def _month_ok(mon: str, c: _Ctx, followed: bool) -> bool:
    """Month words are capitalised, unless a day or a year follows them ("april 2017"); "May" and "March"
    alone also need a date-like neighbour."""
    if not _CASED_MONTH.fullmatch(mon):
        return followed and mon.lower().rstrip(".") not in ("march", "mar", "may")
    return True if followed else mon.lower().rstrip(".") not in ("may", "march")


def _day_value(c: _Ctx, mo: int, d1: int, d2: int | None, y: str | None) -> _Result:
    span = 1
    if d2 is not None:
        if d2 <= d1 or d2 - d1 > 30:
            return None
        span = d2 - d1 + 1
    if y:
        v = time_value("day", int(y), mo, d1, span=span)
        return (v, False, None) if v else None
    if c.anchor is None:
        return (None, True, None) if _ymd(2000, mo, d1) else None
    # "next 6th of April": the next one to come
    yr = _nearest_year_for(mo, d1, c.anchor, c.prev_word() == "next" or _future(c.text, c.start, c.end))
    v = time_value("day", yr, mo, d1, span=span, relative=True)
    return (v, True, None) if v else None


def _year_of(g: dict, c: _Ctx) -> str | None:
    """The year written after a month: digits ("1986"), words ("nineteen eighty-six") or "of '87"."""
    if g.get("y"):
        return g["y"]
    if g.get("yw"):
        y = _year_words(g["yw"])
        return f"{y:04d}" if y else None
    if g.get("yy"):
        return f"{_year2(g['yy'], c.anchor[0] if c.anchor else None):04d}"
    return None


def _h_mdrange(g: dict, c: _Ctx) -> _Result:
    if not _month_ok(g["mon"], c, True):
        return None
    d2 = g.get("d2") or g.get("d2b")
    return _day_value(c, _month(g["mon"]), _daynum(g["d1"]), _daynum(d2) if d2 else None, _year_of(g, c))


def _h_mdword(g: dict, c: _Ctx) -> _Result:
    if not _month_ok(g["mon"], c, True):
        return None
    return _day_value(c, _month(g["mon"]), _dayword(g["dw"]), None, _year_of(g, c))


def _h_dmrange(g: dict, c: _Ctx) -> _Result:
    if not _month_ok(g["mon"], c, True):
        return None
    if c.char_before() in ("$", "€", "£", "¥"):
        return None  # "$ 12 December 27": the figure is an amount, the date is "December 27"
    if g.get("dw"):
        if not c.text[c.start:c.end].lower().startswith("the") and not _RXT5.search(c.text[c.start:c.end]):
            return None  # "second March" is not a date; "the second of March", "fourth of July" are
        return _day_value(c, _month(g["mon"]), _dayword(g["dw"]), None, _year_of(g, c))
    d2 = g.get("d2")
    return _day_value(c, _month(g["mon"]), _daynum(g["d1"]), _daynum(d2) if d2 else None, _year_of(g, c))


def _h_mdcard(g: dict, c: _Ctx) -> _Result:
    """"January twenty five, 1986"; "May twenty nine." at a clause end: the nearest such day, as "May 29"."""
    if not _month_ok(g["mon"], c, True):
        return None
    d, y = _count(g["dc"]), _year_of(g, c)
    if g.get("bare") is not None:
        return _day_value(c, _month(g["mon"]), d, None, None) if d and 1 <= d <= 31 else None
    v = time_value("day", int(y), _month(g["mon"]), d) if d and y else None
    return (v, False, None) if v else None


def _h_wdday(g: dict, c: _Ctx) -> _Result:
    """"Friday 5/12" is that date; "Friday 14th", "Sun 31.", "Tuesday the eleventh" name a day of an unnamed
    month: the nearest month whose day falls on that weekday (one against the clause's tense counting as
    five months further away, as for a month and day without a year)."""
    if g.get("a"):
        a, b = int(g["a"]), int(g["b"])
        mo, d = (a, b) if a <= 12 else (b, a)
        return _day_value(c, mo, d, None, None) if 1 <= mo <= 12 else None
    d = _dayword(g["dw"]) if g.get("dw") else _daynum(g.get("d") or g.get("dn") or g.get("d2"))
    if not 1 <= d <= 31:
        return None
    if c.anchor is None or c.anchor[1] is None:
        return (None, True, None)
    wd = WEEKDAYS[g["wd"].lower().rstrip(".")]
    ay, am, ad = c.anchor
    ref = date(ay, am, ad or 15)
    future = _future(c.text, c.start, c.end)
    best = None
    for k in range(-14, 15):
        y, mo = _add_months(ay, am, k)
        cand = _ymd(y, mo, d)
        if cand is None or cand.weekday() != wd:
            continue
        dist = (cand - ref).days
        key = abs(dist) + (150 if (dist > 0) != future and dist != 0 else 0)
        if best is None or key < best[0]:
            best = (key, cand)
    if best is None:
        return None
    n = best[1]
    return (time_value("day", n.year, n.month, n.day, relative=True), True, None)


def _h_wdmon(g: dict, c: _Ctx) -> _Result:
    return _day_value(c, _month(g["mon"]), int(g["d"]), None, None)


def _h_earlylate(g: dict, c: _Ctx) -> _Result:
    """"earlier this year", "later this week", "later in the month", hedged "about": in the period that holds
    the document's date, the part before that date ("earlier") or from it on ("later"); in another period
    ("earlier last week") or without a day to cut at, its first or second half (a week's halves are
    Monday-Wednesday and Thursday-Sunday)."""
    unit = g["unit"].lower()
    k = {"next": 1, "last": -1, "previous": -1}.get((g.get("rel") or "").lower(), 0)
    base = _relative_unit(c, unit, k)
    if base is None:
        return (None, True, None)
    lo, hi = date.fromisoformat(base.low), date.fromisoformat(base.high)
    mid = lo + timedelta(days=3) if unit == "week" else lo.replace(day=16) if unit == "month" else lo.replace(month=7)
    now = date(*c.anchor) if k == 0 and c.anchor[1] is not None and c.anchor[2] is not None else None
    if now is not None and not lo < now < hi:
        now = None  # the first day of the period: nothing of it lies before
    if g["w"].lower() == "earlier":
        a, b = lo, (now or mid)
    else:
        a, b = (now or mid), hi
    return (TimeValue(point=base.point, low=a.isoformat(), high=b.isoformat(), granularity=base.granularity,
                      relative=True, hedge="about"), True, None)


def _h_ytd(g: dict, c: _Ctx) -> _Result:
    """"the year to date": from the first of January to the document's date."""
    if c.anchor is None or c.anchor[1] is None or c.anchor[2] is None:
        return (None, True, None)
    ay, am, ad = c.anchor
    if (am, ad) == (1, 1):
        return None
    return (TimeValue(point=f"{ay:04d}", low=f"{ay:04d}-01-01", high=date(ay, am, ad).isoformat(), granularity="year",
                      relative=True), True, None)


def _named_year(g: dict, c: _Ctx) -> int | None:
    """The year a rule names: written ("of 2027") or relative ("of next year"); None when relative and
    there is no anchor."""
    if g.get("y"):
        return int(g["y"])
    if c.anchor is None:
        return None
    return c.anchor[0] + {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]


def _h_weeknum(g: dict, c: _Ctx) -> _Result:
    """"week 3 of 2027": the ISO week of that number; "the week 31", the one of that number nearest the
    document's date ("Week 1" in capitals is a season's, in sport, and no calendar week)."""
    if g.get("n2"):
        if g["wk"] != "week":
            return None
        if c.anchor is None or c.anchor[1] is None:
            return (None, True, None)
        ref = date(c.anchor[0], c.anchor[1], c.anchor[2] or 15)
        mondays = []
        for y in (ref.year - 1, ref.year, ref.year + 1):
            try:
                mondays.append(date.fromisocalendar(y, int(g["n2"]), 1))
            except ValueError:
                pass
        if not mondays:
            return None
        monday = min(mondays, key=lambda m: abs((m - ref).days))
        return (time_value("week", monday.year, monday.month, monday.day, relative=True), True, None)
    y = _named_year(g, c)
    if y is None:
        return (None, True, None)
    try:
        monday = date.fromisocalendar(y, int(g["n"]), 1)
    except ValueError:
        return None
    return (time_value("week", monday.year, monday.month, monday.day), not g.get("y"), None)


def _h_dayrel(g: dict, c: _Ctx) -> _Result:
    """"the 21st this month", "the 15th day of next month"."""
    base = _relative_unit(c, "month", {"last": -1, "this": 0, "next": 1}[g["rel"].lower()])
    if base is None:
        return (None, True, None)
    d = _dayword(g["dw"]) if g.get("dw") else _daynum(g["d"])
    v = time_value("day", int(base.low[:4]), int(base.low[5:7]), d, relative=True)
    return (v, True, None) if v else None


def _h_inunits(g: dict, c: _Ctx) -> _Result:
    """"The vote is in two weeks", "in a fortnight's time": the day that many units after the document's date
    (a future cue, or "'s time", which says it alone)."""
    n = _count(g["n"])
    if n is None or not _RXT6.search(c.text[max(0, c.start - 4):c.start]) or not (g.get("time") or _future(c.text, c.start, c.end)):
        return None  # "in 3 years" after a past verb is a duration ("grew 20% in 3 years")
    if c.anchor is None or c.anchor[1] is None or c.anchor[2] is None:
        return (None, True, "following")
    unit = g["unit"].lower().rstrip("s")
    if unit == "fortnight":
        unit, n = "day", 14 * n
    base = date(*c.anchor)
    if unit in ("day", "week"):
        d = base + timedelta(days=n * (7 if unit == "week" else 1))
    else:
        y, mo = _add_months(base.year, base.month, n * (12 if unit == "year" else 1))
        d = _ymd(y, mo, base.day) or _ymd(y, mo, 28)
    return (time_value("day", d.year, d.month, d.day, relative=True), True, None)


def _h_nthof(g: dict, c: _Ctx) -> _Result:
    """"the first week of 2015" (ISO week), "the third month of 2021", "the last quarter of next year"."""
    y = _named_year(g, c)
    if y is None:
        return (None, True, None)
    o = g["ord"].lower()
    unit = g["unit"].lower()
    last = {"week": 52, "month": 12, "quarter": 4}[unit]
    n = last if o == "last" else (int(_RXT2.match(o).group(0)) if o[0].isdigit() else ORDINAL_WORDS.get(o, 0))
    if not 1 <= n <= last:
        return None
    if unit == "week":
        if o == "last":
            n = date(y, 12, 28).isocalendar()[1]
        monday = date.fromisocalendar(y, n, 1)
        return (time_value("week", monday.year, monday.month, monday.day), not g.get("y"), None)
    if unit == "month":
        return (time_value("month", y, n), not g.get("y"), None)
    return (time_value("quarter", y, (n - 1) * 3 + 1), not g.get("y"), None)


def _h_monyear(g: dict, c: _Ctx) -> _Result:
    if not _month_ok(g["mon"], c, True):
        return None
    v = time_value("month", int(_year_of(g, c)), _month(g["mon"]))
    return (v, False, None) if v else None


def _relative_unit(c: _Ctx, unit: str, k: int) -> TimeValue | None:
    """The ``unit`` (year/month/week/day) containing the anchor, moved by ``k``."""
    if c.anchor is None:
        return None
    ay, am, ad = c.anchor
    if unit == "year":
        return time_value("year", ay + k, relative=True)
    if unit == "decade":
        return time_value("decade", ay + 10 * k, relative=True)
    if unit == "century":
        y0 = ay - ay % 100 + 100 * k
        return TimeValue(point=f"{y0 // 100:02d}", low=f"{y0:04d}-01-01", high=f"{y0 + 100:04d}-01-01",
                         granularity="decade", relative=True)
    if am is None:
        return None
    if unit == "month":
        y, m = _add_months(ay, am, k)
        return time_value("month", y, m, relative=True)
    if unit == "quarter":
        y, m = _add_months(ay, (am - 1) // 3 * 3 + 1, 3 * k)
        return time_value("quarter", y, m, relative=True)
    if ad is None:
        return None
    base = date(ay, am, ad)
    if unit == "week":
        n = base + timedelta(days=7 * k)
        return time_value("week", n.year, n.month, n.day, relative=True)
    if unit in ("workweek", "work week", "working week"):
        n = base + timedelta(days=7 * k)
        mon = n - timedelta(days=n.weekday())
        return time_value("day", mon.year, mon.month, mon.day, span=5, relative=True)
    if unit == "weekend":
        n = base + timedelta(days=7 * k)
        sat = n + timedelta(days=5 - n.weekday())
        return time_value("day", sat.year, sat.month, sat.day, span=2, relative=True)
    n = base + timedelta(days=k)
    return time_value("day", n.year, n.month, n.day, relative=True)


def _h_part(g: dict, c: _Ctx) -> _Result:
    rel = False
    if g.get("mon"):
        if not _month_ok(g["mon"], c, True):
            return None
        mo = _month(g["mon"])
        if g.get("y1"):
            base = time_value("month", int(g["y1"]), mo)
        elif c.anchor is None:
            return (None, True, None)
        else:
            rel = True
            base = time_value("month", _nearest_year_for(mo, None, c.anchor, _future(c.text, c.start, c.end)), mo, relative=True)
    elif g.get("y"):
        base = time_value("year", int(g["y"]))
    else:
        rel = True
        k = {"this": 0, "last": -1, "next": 1}[g["rel"].lower()]
        base = _relative_unit(c, g["unit"].lower(), k)
        if base is None:
            return (None, True, None)
    if base is None:
        return None
    return (_part_of(base, _RXT7.sub(" ", g["part"].lower())), rel, None)


def _h_quarter(g: dict, c: _Ctx) -> _Result:
    """"the third quarter", "the fourth quarter of 2022", "the 1988 second quarter", "the latest quarter",
    "the year-ago quarter", "the last half of 1989"; "the quarter" alone is the latest completed one."""
    unit = g["unit"].lower()
    ordw = (g.get("ord") or "").lower()
    relw = (g.get("rel") or "").lower()
    the = (g.get("the") or "").lower()
    if not ordw and not relw and not the:
        return None  # "quarter" alone: "a quarter of the votes" is a fraction
    size = 3 if unit == "quarter" else 6
    gran = "quarter" if unit == "quarter" else "half"
    ystr = g.get("y0") or (g.get("y") if g.get("y") and g["y"][:1].isdigit() else None)
    explicit_year = ystr is not None
    if ordw or (explicit_year and relw in ("last", "final")):
        n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}.get(ordw, 12 // size)
        if n > 12 // size:
            return None
        m0 = (n - 1) * size + 1
        if explicit_year:
            return (time_value(gran, int(ystr), m0), False, None)
        if c.anchor is None:
            return (None, True, None)
        y = c.anchor[0]
        yrel = (g.get("yrel") or g.get("yrel2") or ("last" if g.get("yago") else "")).lower()
        y += {"last": -1, "next": 1}.get(yrel, 0)
        if relw in ("year-earlier", "year-ago") or (relw in ("previous", "last") and the != "the"):
            y -= 1
        elif not yrel and c.anchor[1] is not None and m0 > c.anchor[1] and not _future(c.text, c.start, c.end):
            y -= 1  # "the third quarter" written in January is last year's
        return (time_value(gran, y, m0, relative=True), True, None)
    if explicit_year:
        return None
    # "the previous quarter", "the same quarter": the one before (or) the period the sentence speaks of, which
    # the claim resolves; without one, the document's date stands for it
    key = {"prior": "previous", "preceding": "previous"}.get(relw, relw) or the
    year_back = bool(g.get("yrel2") or g.get("yago") or (g.get("yrel") or "").lower() == "last")
    ref = key if key in ("previous", "same", "following") and the == "the" and not year_back else None
    if c.anchor is None or c.anchor[1] is None:
        return (None, True, ref)
    cur = (c.anchor[1] - 1) // size * size + 1
    # reports speak of the latest completed period: "the quarter", "the latest quarter", "the same quarter"
    # (that of the figures reported; "the same quarter last year" is a year before it)
    k = {"latest": -1, "past": -1, "previous": -1, "last": -1, "the": -1, "final": -1, "next": 1, "following": 1,
         "current": 0, "this": 0, "same": -1}.get(key, 0) - (12 // size if year_back else 0)
    if key in ("year-earlier", "year-ago"):
        k = -1 - 12 // size
    y2, m2 = _add_months(c.anchor[0], cur, size * k)
    return (time_value(gran, y2, m2, relative=True), True, ref)


def _h_qcode(g: dict, c: _Ctx) -> _Result:
    q = g["q"].upper()
    n = int(q[1])
    gran = "quarter" if q[0] == "Q" else "half"
    if gran == "half" and n > 2:
        return None
    size = 3 if gran == "quarter" else 6
    if g.get("y"):
        y = int(g["y"]) if len(g["y"]) == 4 else _year2(g["y"], c.anchor[0] if c.anchor else None)
        return (time_value(gran, y, (n - 1) * size + 1), False, None)
    if c.anchor is None:
        return (None, True, None)
    return (time_value(gran, c.anchor[0], (n - 1) * size + 1, relative=True), True, None)


def _h_decade(g: dict, c: _Ctx) -> _Result:
    if g.get("dec"):
        y0 = int(g["dec"])
    else:
        y0 = _year2(g["dec2"], c.anchor[0] if c.anchor else 1990)
        y0 -= y0 % 10
        if c.anchor and y0 > c.anchor[0]:
            y0 -= 100
    v = time_value("decade", y0)
    if g.get("part"):
        v = _part_of(v, g["part"])
    return (v, False, None)


def _h_decadeword(g: dict, c: _Ctx) -> _Result:
    n = DECADE_WORDS[g["dw"].lower()]
    if not c.text[c.start:c.end].lower().startswith("the"):
        return None  # "in his forties" is an age
    ay = c.anchor[0] if c.anchor else 2000
    y0 = ay - ay % 100 + n
    if y0 > ay:
        y0 -= 100
    v = time_value("decade", y0)
    if g.get("part"):
        v = _part_of(v, g["part"])
    return (v, c.anchor is not None, None)


def _h_season(g: dict, c: _Ctx) -> _Result:
    m0, _, _ = SEASONS[g["s"].lower()]
    rel = (g.get("rel") or "").lower()
    if g.get("y"):
        # "winter 2024" is the winter that starts in December 2024 (meteorological seasons by start month)
        return (time_value("season", int(g["y"]), m0), False, None)
    if not rel and c.prev_word() not in ("in", "during", "this", "last", "next", "since", "until", "by", "over"):
        return None  # "fall" and "spring" are also verbs
    if c.anchor is None:
        return (None, True, None)
    ay, am, _ = c.anchor
    k = {"last": -1, "next": 1}.get(rel, 0)
    y = ay + k
    if am is not None and rel in ("last",) and m0 > am:
        y = ay - 1
    if am is not None and rel == "next" and m0 > am:
        y = ay
    return (time_value("season", y, m0, relative=True), True, None)


def _h_fiscal(g: dict, c: _Ctx) -> _Result:
    s = g["y"].lstrip("'")
    y = int(s) if len(s) == 4 else _year2(s, c.anchor[0] if c.anchor else None)
    return (time_value("year", y), False, None)


def _h_yearrange(g: dict, c: _Ctx) -> _Result:
    y1 = int(g["y1"])
    s2 = g["y2"]
    y2 = int(s2) if len(s2) == 4 else y1 - y1 % 100 + int(s2)
    if y2 <= y1 or y2 - y1 > 100:
        return None
    return (time_value("year", y1, span=y2 - y1 + 1), False, None)


def _h_theyear(g: dict, c: _Ctx) -> _Result:
    return (time_value("year", int(g["y"])), False, None)


def _h_year(g: dict, c: _Ctx) -> _Result:
    y = int(g["y"])
    if c.char_before() in "$€£¥#" and c.char_before() != "":
        return None
    pw = c.prev_word()
    nw = c.next_word()
    nwl = nw.lower()
    if pw in _NOT_YEAR_BEFORE or _RXT8.search(c.text[max(0, c.start - 15):c.start]):
        return None
    if nwl in _SCALE_OR_CURRENCY_AFTER or _RXT9.match(c.text[c.end:c.end + 6]):
        return None  # "1600 thousand", "1600 euros", "1600 US dollars": an amount
    if nwl in _COUNT_NOUNS or (nwl.endswith("s") and not nwl.endswith("ss") and nwl not in _PLURAL_NOT_NOUN
                               and nw[:1].islower() and pw not in _YEAR_BEFORE):
        return None
    if _RXT10.match(c.text[c.end:c.end + 5]) and pw not in _YEAR_BEFORE:
        return None  # a score or a number range
    if (y > 2100 or (c.anchor is not None and y > c.anchor[0] + 30)) and not (
            pw.lower() in _FAR_YEAR_BEFORE and c.text[c.end:c.end + 1] in _CLAUSE_END):
        return None  # a far year only as "by 2150." or "in 2300,": otherwise a figure
    return (time_value("year", y), False, None)


def _h_afternext(g: dict, c: _Ctx) -> _Result:
    k = 2 if g["dir"].lower().startswith("after") else -2
    return (_relative_unit(c, g["unit"].lower(), k), True, None)


def _h_ago(g: dict, c: _Ctx) -> _Result:
    n = _count(g["n"])
    if n is None:
        return None
    unit = g["unit"].lower().rstrip("s")
    if unit == "centurie":
        unit = "century"
    if unit == "fortnight":
        unit, n = "week", 2 * n  # "a fortnight ago" is "two weeks ago"
    direction = _RXT7.sub(" ", g["dir"].lower())
    if direction in ("before", "after", "from"):
        # "two years after the war": relative to another event, not to the document's date
        return (None, True, "previous" if direction == "before" else "following")
    ref = {"earlier": "previous", "later": "following"}.get(direction)
    sign = -1 if direction in ("ago", "since", "earlier") else 1
    if unit == "century":
        unit, n = "year", n * 100
    if unit == "decade":
        unit, n = "year", n * 10
    # "a year earlier" is a year before the time the text talks about: the document's date by default
    return (_relative_unit(c, unit, sign * n), True, ref)


def _h_agoa(g: dict, c: _Ctx) -> _Result:
    return _h_ago({"n": "1", "unit": g["unit"], "dir": g["dir"]}, c)


def _h_relunit(g: dict, c: _Ctx) -> _Result:
    rel = g["rel"].lower()
    rel = "previous" if rel in ("prior", "preceding") else rel
    unit = _RXT7.sub(" ", g["unit"].lower())
    if rel == "past" and unit != "weekend":
        return None  # "the past year" is a duration, not a date
    if rel == "same":
        return (None, True, "same")
    k = {"last": -1, "previous": -1, "next": 1, "coming": 1, "following": 1, "this": 0, "current": 0}[rel]
    ref = "previous" if rel == "previous" else "following" if rel == "following" else None
    return (_relative_unit(c, unit, k), True, ref)


def _h_theyearnow(g: dict, c: _Ctx) -> _Result:
    """"the full year", "the year" (this one, in the text's frame); "year-end", "the end of the year", "EOY"."""
    if g.get("u"):
        return (_relative_unit(c, g["u"].lower(), 0), True, "same")
    v = _relative_unit(c, "year", 0)
    if v is not None and ("end" in (w := c.text[c.start:c.end].lower()) or w == "eoy"):
        v = _part_of(v, "late")
    return (v, True, "same")


def _h_endof(g: dict, c: _Ctx) -> _Result:
    """"end of month", "the end of the week", "end of this year", "the middle of next month": that part of the
    period (see _part_of), hedged "about". A period named with "the" ("the end of the week") is the one the text
    is about (``ref="same"``), as "the year" is; the document's date stands for it."""
    rel = (g.get("rel") or "").lower()
    base = _relative_unit(c, g["unit"].lower(), {"last": -1, "next": 1}.get(rel, 0))
    same = "same" if g.get("the") else None
    if base is None:
        return (None, True, same)
    return (_part_of(base, g["part"].lower()), True, same)


def _h_fiscalyear(g: dict, c: _Ctx) -> _Result:
    return (_relative_unit(c, "year", 0), True, None)


def _h_century(g: dict, c: _Ctx) -> _Result:
    """"the 20th century" -> the 1900s (as a span of ten decades)."""
    s = g["n"].lower()
    n = int(_RXT2.match(s).group(0)) if s[0].isdigit() else _dayword(s)
    if not 1 <= n <= 30:
        return None
    y0 = (n - 1) * 100
    return (TimeValue(point=f"{y0:04d}s", low=f"{y0:04d}-01-01", high=f"{y0 + 100:04d}-01-01", granularity="decade"),
            False, None)


def _year_words(s: str) -> int | None:
    """"nineteen ninety-six" -> 1996; "two thousand and one" -> 2001; "twenty ten" -> 2010."""
    toks = [t for t in _RXT11.split(s.lower()) if t and t != "and"]
    small = {**{k: v for k, v in SMALL_NUMBERS.items() if k.isalpha() and " " not in k}, "oh": 0}
    if toks[:2] == ["two", "thousand"]:
        rest = sum(small.get(t, 0) for t in toks[2:])
        return 2000 + rest
    if toks[0] not in ("seventeen", "eighteen", "nineteen", "twenty") or len(toks) < 2:
        return None
    hundreds = small[toks[0]]
    if toks[1] == "hundred":  # "seventeen hundred thirty three"
        return hundreds * 100 + sum(small.get(t, 0) for t in toks[2:])
    rest = sum(small.get(t, 0) for t in toks[1:])
    return hundreds * 100 + rest


def _h_yearwords(g: dict, c: _Ctx) -> _Result:
    y = _year_words(g["yw"])
    if y is None:
        return None
    if not c.text[c.start:c.end].lower().startswith("the year") and c.prev_word() not in _YEAR_BEFORE:
        return None  # "nineteen twenty" alone may be two counts
    return (time_value("year", y), False, None)


def _h_yearearlier(g: dict, c: _Ctx) -> _Result:
    return (_relative_unit(c, "year", -1), True, "previous")


def _h_relwd(g: dict, c: _Ctx) -> _Result:
    wd = WEEKDAYS[g["wd"].lower()]
    rel = _RXT7.sub(" ", (g.get("rel") or "").lower())
    if c.anchor is None or c.anchor[1] is None or c.anchor[2] is None:
        return (None, True, None)
    base = date(*c.anchor)
    if rel in ("next", "following"):
        # that day of the next week: "this Friday" names the one later this week, so "next Friday" written on
        # a Wednesday is nine days on (on a Saturday, the coming Friday, which is in the next week anyway)
        delta = 7 - base.weekday() + wd
    elif rel in ("this coming", "coming"):
        delta = (wd - base.weekday()) % 7 or 7
    elif rel in ("last", "this past", "previous"):
        # the latest such day before the document's date, as news uses it ("last Tuesday" written on a
        # Thursday is two days before), not the Tuesday of the previous week
        delta = -((base.weekday() - wd) % 7 or 7)
    elif rel == "this":
        delta = wd - base.weekday()
    elif _future(c.text, c.start, c.end):
        delta = (wd - base.weekday()) % 7
    else:
        delta = -((base.weekday() - wd) % 7)
    n = base + timedelta(days=delta)
    return (time_value("day", n.year, n.month, n.day, relative=True), True, None)


def _h_relmon(g: dict, c: _Ctx) -> _Result:
    mon = g["mon"]
    rel = _RXT7.sub(" ", (g.get("rel") or "").lower())
    if not _CASED_MONTH.fullmatch(mon) or (len(mon) <= 4 and "." not in mon and mon.lower() not in ("may", "june", "july")):
        # a month in lower case ("in the april", "in dec") or shortened without a stop ("in Dec") only after
        # "in": "Jan" is a name, "the march on Washington" a walk
        if mon.lower() in ("march", "may") or rel or not _IN_BEFORE.search(c.text, max(0, c.start - 8), c.start):
            return None
    if not rel and mon.lower() in ("may", "march"):
        pw = c.prev_word()
        if pw not in ("in", "since", "until", "till", "by", "from", "of", "during", "through", "early", "late", "mid",
                      "before", "after", "and", "or", "to", "last", "next", "this", "between"):
            return None
    mo = _month(mon)
    if g.get("yw"):
        y = _year_words(g["yw"])
        return (time_value("month", y, mo), False, None) if y else None
    if c.anchor is None:
        return (None, True, None)
    ay, am, _ = c.anchor
    rel2 = (g.get("rel2") or "").lower()
    if rel2:
        return (time_value("month", ay + {"last": -1, "this": 0, "next": 1}[rel2], mo, relative=True), True, None)
    if rel in ("last", "this past"):
        y = ay if am is not None and mo < am else ay - 1
    elif rel in ("next", "this coming"):
        y = ay if am is not None and mo > am else ay + 1
    elif rel == "this":
        y = ay
    else:
        y = _nearest_year_for(mo, None, c.anchor, _future(c.text, c.start, c.end))
    return (time_value("month", y, mo, relative=True), True, None)


def _easter(y: int) -> date:
    """Easter Sunday of year ``y`` in the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * ell) // 433
    month = (h + ell - 7 * m + 90) // 25
    return date(y, month, (h + ell - 7 * m + 33 * month + 19) % 32)


def _thanksgiving(y: int) -> date:
    """The fourth Thursday of November (the US holiday; news in English mostly means that one)."""
    first = date(y, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


#: Holiday (first two words, lower case, apostrophes dropped) -> its date in a given year.
_HOLIDAY_DATES = {
    "christmas": lambda y: date(y, 12, 25), "christmas day": lambda y: date(y, 12, 25),
    "christmas eve": lambda y: date(y, 12, 24), "boxing day": lambda y: date(y, 12, 26),
    "new year": lambda y: date(y, 1, 1), "new years": lambda y: date(y, 1, 1),
    "new years eve": lambda y: date(y, 12, 31), "new year eve": lambda y: date(y, 12, 31), "valentines day": lambda y: date(y, 2, 14),
    "st valentines": lambda y: date(y, 2, 14), "st. valentines": lambda y: date(y, 2, 14),
    "halloween": lambda y: date(y, 10, 31), "easter": _easter, "easter sunday": _easter,
    "easter monday": lambda y: _easter(y) + timedelta(days=1), "good friday": lambda y: _easter(y) - timedelta(days=2),
    "thanksgiving": _thanksgiving, "thanksgiving day": _thanksgiving,
    "black friday": lambda y: _thanksgiving(y) + timedelta(days=1),
    "cyber monday": lambda y: _thanksgiving(y) + timedelta(days=4), "earth day": lambda y: date(y, 4, 22),
    "international workers": lambda y: date(y, 5, 1),
    "workers day": lambda y: date(y, 5, 1), "saint patrick": lambda y: date(y, 3, 17),
    "saint patricks": lambda y: date(y, 3, 17), "st patrick": lambda y: date(y, 3, 17),
    "st patricks": lambda y: date(y, 3, 17), "st. patrick": lambda y: date(y, 3, 17),
    "st. patricks": lambda y: date(y, 3, 17),
}


def _h_holiday(g: dict, c: _Ctx) -> _Result:
    """"Christmas", "Easter 2018", "last Thanksgiving": the holiday's day in the year written, else the
    occurrence that the relative word or the clause's tense picks around the document's date."""
    words = _RXT7.sub(" ", g["hol"].lower().replace("'", "").replace("’", "")).split(" ")
    rule = (_HOLIDAY_DATES.get(" ".join(words[:3])) or _HOLIDAY_DATES.get(" ".join(words[:2]))
            or _HOLIDAY_DATES.get(words[0]))
    if rule is None or (words[0] == "good" and not g["hol"].startswith("Good")):
        return None  # "a good Friday for stocks"
    if g.get("y"):
        d = rule(int(g["y"]))
        return (time_value("day", d.year, d.month, d.day), False, None)
    if c.anchor is None or c.anchor[1] is None:
        return (None, True, None)
    ay, am, ad = c.anchor
    ref = date(ay, am, ad or 15)
    cands = [rule(y) for y in (ay - 1, ay, ay + 1)]
    rel = (g.get("rel") or "").lower()
    if rel in ("last", "previous"):
        d = max(x for x in cands if x < ref)
    elif rel in ("next", "following"):
        d = min(x for x in cands if x > ref)
    elif rel == "this":
        d = cands[1]
    elif _PAST_AT_HOLIDAY.search(_clause_left(c.text, c.start)):
        # a verb in the past governs it ("sales jumped at Easter"): the last occurrence up to the
        # document's date (its month's last day when it has no day)
        d = max(x for x in cands if x <= (ref if ad else _month_end(ay, am)))
    else:
        # as for a month and day without a year (see _nearest_year_for): the nearest occurrence, one
        # against the clause's tense counting as five months further away, none long past with a future cue
        future = _future(c.text, c.start, c.end)
        floor = _future_floor(ay, am, ad) if future else date.min
        d = min((x for x in cands if x >= floor), key=lambda x: (
            abs((x - ref).days) + (150 if ((x - ref).days > 0) != future and x != ref else 0), x.year if future else -x.year))
    return (time_value("day", d.year, d.month, d.day, relative=True), True, None)


def _h_deictic(g: dict, c: _Ctx) -> _Result:
    w = _RXT7.sub(" ", g["w"].lower())
    if w in ("today", "tonight"):
        return (_relative_unit(c, "day", 0), True, None)
    if w == "yesterday":
        return (_relative_unit(c, "day", -1), True, None)
    if w in ("tomorrow", "tmrw"):
        return (_relative_unit(c, "day", 1), True, None)
    if w == "otd":  # "on this day", as posts write it; "OTD" in capitals is an acronym ("on-time delivery")
        return (_relative_unit(c, "day", 0), True, None) if c.text[c.start:c.end] == "otd" else None
    if w == "the day before yesterday":
        return (_relative_unit(c, "day", -2), True, None)
    if w == "the day after tomorrow":
        return (_relative_unit(c, "day", 2), True, None)
    if w in ("now", "currently", "nowadays"):
        return (_anchor_value(c), True, "present")
    if w in ("soon", "the future", "future", "the near future") or "coming" in w or w.startswith("future") or w.endswith(" term"):
        return (None, True, "future")
    if w == "these days":
        return (_anchor_value(c), True, "present")
    if w == "current":
        return (_anchor_value(c), True, "present")
    return (None, True, "past")


def _anchor_value(c: _Ctx) -> TimeValue | None:
    if c.anchor is None:
        return None
    y, m, d = c.anchor
    if d is not None:
        return time_value("day", y, m, d, relative=True)
    if m is not None:
        return time_value("month", y, m, relative=True)
    return time_value("year", y, relative=True)


_HANDLERS = {
    "iso": _h_iso, "compact": _h_iso, "spaced": _h_iso, "dashmon": _h_dashmon, "slash": _h_slash, "isomonth": _h_isomonth, "mdrange": _h_mdrange,
    "mdword": _h_mdword, "dmrange": _h_dmrange, "part": _h_part, "monyear": _h_monyear, "quarter": _h_quarter,
    "qcode": _h_qcode, "decade": _h_decade, "decadeword": _h_decadeword, "season": _h_season, "fiscal": _h_fiscal,
    "yearrange": _h_yearrange, "theyear": _h_theyear, "year": _h_year, "ago": _h_ago, "agoa": _h_agoa,
    "relunit": _h_relunit, "yearearlier": _h_yearearlier, "relwd": _h_relwd, "wdmon": _h_wdmon, "relmon": _h_relmon, "holiday": _h_holiday,
    "deictic": _h_deictic, "fiscalyear": _h_fiscalyear, "theyearnow": _h_theyearnow, "nthof": _h_nthof,
    "inunits": _h_inunits, "century": _h_century, "yearwords": _h_yearwords, "wdday": _h_wdday, "mdcard": _h_mdcard,
    "cardday": _h_mdcard, "earlylate": _h_earlylate, "ytd": _h_ytd, "weeknum": _h_weeknum, "dayrel": _h_dayrel,
    "monthyear": _h_monthyear, "yearmon": _h_yearmon, "glued": _h_glued, "daymon": _h_daymon, "afternext": _h_afternext, "fyglued": _h_fiscal, "endof": _h_endof,
    "monthspan": _h_monthspan, "monthsto": _h_monthsto,
}
assert set(_HANDLERS) == set(_RULE_NAMES)

#: Starters that open a date only after an article ("the year 2000", "a decade ago", "the end of 2022").
#: No rule begins with these words themselves ("a month ago", "the full year", "a few days ago", "the near term");
#: "week" does only in "week 3 of 2027".
_ARTICLE_ONLY = frozenset(w for w in TIME_STARTERS if w.lower() in (
    "year", "decade", "day", "end", "beginning", "start", "month", "full", "few", "term", "fortnight"))
#: "end", "middle", "beginning" and "start" before a period ("end of month", "the start of this year"): the
#: "endof" rule is tried there on its own.
_PART_OF_PERIOD = re.compile(r"\s+of\s+(?:(?:the|this|last|next)\s+)?(?:week|month|year)\b", re.IGNORECASE)
_WEEK_TOKENS = frozenset(w for w in TIME_STARTERS if w.lower() == "week")
_WEEK_NUMBER_AFTER = re.compile(r"\s+\d")
_NUMBER_WORD_STARTERS = frozenset(w for w in TIME_STARTERS if w.lower() in SMALL_NUMBERS or w.lower() in (
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "several",
    "few", "couple"))
_UNIT_AFTER = re.compile(r"(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?\s+(?:of\s+)?" + _UNIT + r"\b", re.IGNORECASE)
_YEARWORD_AFTER = re.compile(r"[-\s]+(?:thousand|hundred|oh|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
                             r"|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b", re.IGNORECASE)
#: After a number word, what makes it a day: a month ("fifteen August") or an ordinal ("twenty-third").
_DAY_AFTER_WORD = re.compile(r"(?:[-\s]+" + _U9 + r")?\s+(?:of\s+)?" + _MON + r"\b|[-\s](?:first|second|third|fourth|fifth|sixth"
                             r"|seventh|eighth|ninth)\b", re.IGNORECASE)
_REL_WORDS = frozenset("this last next coming previous past following same latest".split())
_REL_AFTER = re.compile(
    r"(?:\s+(?:coming|past|few|several|fiscal|financial|calendar|full|whole|work|working))*[-\s]+(?:year|month|week|workweek|decade|century|weekend|quarter"
    r"|half|spring|summer|autumn|fall|winter|term|period|days|weeks|months|years|quarters|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|(?:first|second|third|fourth)\s+(?:quarter|half)|year-earlier"
    r"|christmas|easter|thanksgiving|halloween)\b"
    r"|(?=\s*(?:[,.;:)]|$))",
    re.IGNORECASE,
)
#: Starters that open a date only as the first word of a holiday ("St. Patrick's Day", "Boxing Day").
_HOLIDAY_GATED = frozenset(w for w in TIME_STARTERS if w.lower() in ("saint", "st", "boxing", "valentine"))
_HOLIDAY_AT = re.compile(_HOLIDAY, re.IGNORECASE)
#: Holidays whose first word is too common to scan for ("Good Friday", "New Year's Day") are tried from
#: their last word, when the word before it is one of these.
_HOLIDAY_TOKENS = frozenset(w for w in TIME_STARTERS if w.lower() in (
    "christmas", "easter", "halloween", "thanksgiving", "saint", "st", "boxing", "valentine"))
_HOLIDAY_LAST = frozenset(w for w in TIME_STARTERS if w.lower() in ("friday", "monday", "year", "day"))
_HOLIDAY_FIRST = frozenset(("good", "black", "cyber", "new", "earth", "workers", "workers'", "workers’"))
_HOLIDAY_BACK = re.compile(r"(?<![\w'’])(?:(?:last|next|this|previous|following)\s+)?(?:international\s+)?"
                           r"(?:good|black|cyber|new|earth|workers['’]?)\s+$", re.IGNORECASE)
_ORD_STARTERS = frozenset(w for w in TIME_STARTERS if ORDINAL_WORDS.get(w.lower(), 0) > 0)
_QUARTER_AFTER = re.compile(r"[-\s]+(?:(?:fiscal\s+)?(?:quarter|half|week|month)\b|(?:day\s+)?of\s+[A-Za-z])", re.IGNORECASE)


#: Starter tokens as written that name a month or weekday, and those that are relative words: looked up
#: once per hit, so the case variants are listed here rather than folded per hit.
_NAME_TOKENS = frozenset(w for w in TIME_STARTERS | NUMBER_STARTERS if w in TIME_NAMES or w.capitalize() in TIME_NAMES)
_REL_TOKENS = frozenset(w for w in TIME_STARTERS if w.lower() in _REL_WORDS)
_PART_NOUNS = frozenset(w for w in TIME_STARTERS if w.lower() in ("end", "middle", "start", "beginning"))
_OF_AFTER = re.compile(r"\s+of\b|[-\s]+(?:\d|" + _MON + r"(?![a-z]))", re.IGNORECASE)
_WD_ABBR = frozenset(w for w in TIME_NAMES if w.lower() in WEEKDAYS and len(w) < 6)
_DAYNUM_AFTER = re.compile(r"\.?,?\s+(?:the\s+)?\d")
_EARLY_LATE = frozenset(w for w in TIME_STARTERS if w.lower() in ("earlier", "later"))
_EARLY_LATE_AFTER = re.compile(r"\s+(?:in\s+the|this|next|last|previous)\s+(?:week|month|year)\b", re.IGNORECASE)


def _word_gates(tok: str) -> tuple[tuple[re.Pattern[str], bool], ...]:
    """What must follow a starter word for a date to open there, as (pattern, matched at the word itself)
    pairs that must all match: "two" before a time unit, a year in words or a month; "first" before
    "quarter"/"half"; "this", "last", "next" before a time word; "later" in "later this week"; "end" and
    "middle" in "the end of"; "Sun", "Wed" before a day number ("Fri 14th")."""
    gates = []
    if tok in _WD_ABBR:
        gates.append((_DAYNUM_AFTER, False))
    if tok in _NUMBER_WORD_STARTERS:
        gates.append((_NUMBER_WORD_DATE, False))
    if tok in _HOLIDAY_GATED:
        gates.append((_HOLIDAY_AT, True))
    if tok in _ORD_STARTERS:
        gates.append((_QUARTER_AFTER, False))
    if tok in _PART_NOUNS:
        gates.append((_OF_AFTER, False))
    if tok in _EARLY_LATE:
        gates.append((_EARLY_LATE_AFTER, False))
    if tok in _REL_TOKENS:
        gates.append((_REL_AFTER, False))
    if tok.lower() == "these":
        gates.append((_DAYS_AFTER, False))
    if tok.lower() in ("early", "late"):
        gates.append((_PART_WORD_AFTER, False))
    return tuple(gates)


#: "these" opens only "these days"; "early" and "late" only a part of a month, year or decade ("early March",
#: "late 2022", "early last year", "the late '90s", "the early nineties").
_DAYS_AFTER = re.compile(r"\s+days\b", re.IGNORECASE)
_PART_WORD_AFTER = re.compile(r"[-\s]+(?:\d|'\d|" + _MON + r"(?![a-z])|(?:this|last|next)\s|" + "|".join(DECADE_WORDS) + r")",
                              re.IGNORECASE)


#: What can follow a month or weekday name in a longer date: a figure, "the", "of", a month, an ordinal or a
#: number word (read loosely by their first letters: a false "yes" only costs the full attempt).
_NAME_EXTENDS = re.compile(r"[\s,./-]*(?:[\d']|the\b|of\b|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|fir|sec|thi|fou|fif"
                           r"|fiv|six|sev|eig|nin|ten|ele|twe|one|two|thr)", re.IGNORECASE)
_NUMBER_WORD_DATE = re.compile("|".join(f"(?:{rx.pattern})" for rx in (_UNIT_AFTER, _YEARWORD_AFTER, _DAY_AFTER_WORD)),
                               re.IGNORECASE)
#: Starter words as written -> the kind of date they can open ("N": a month or weekday name, "X": a word only
#: the "deictic" rule begins with, "W": another word; see _RULE_STARTS), and the look-aheads that must hold
#: after them.
_DEICTIC_ONLY = frozenset(("now", "nowadays", "currently", "recently", "lately", "soon", "formerly", "previously", "today",
                           "tonight", "yesterday", "tomorrow", "tmrw", "otd", "recent", "future"))
_WORD_KIND = {**{w: "X" if w.lower() in _DEICTIC_ONLY else "W" for w in TIME_STARTERS}, **{w: "N" for w in _NAME_TOKENS}}
_WORD_GATES = {w: g for w in _WORD_KIND if (g := _word_gates(w))}


#: What can end the four digits of a plain year ("2019 ", "2019,", "2019."); a dash, a slash, an "s" or a
#: letter after them may make another date ("2019-20", "1990s", "2019/aug/01").
_AFTER_YEAR = frozenset((" ", ",", ".", ";", ":", ")", "!", "?", "\n", "\t", '"', "”", "\u00a0"))


_DIGITS_THEN_MONTH = re.compile(r"\d{1,4}[-/]\d{1,4}[-/][A-Za-z]")
_ISO_GLUED = re.compile(r"(?P<y>(?:19|20)\d\d)(?P<sep>-?)(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)(?![\d:])")


_ARTICLES = frozenset(("the", "The", "THE", "an", "An", "a", "A"))
#: Cheap looks around a month name for the spans of months (see the rules "monthspan" and "monthsto").
_SPAN_AFTER_MONTH = re.compile(r"\s+(?:to|through|and)\s+" + _MON_FULL + r"\b")
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_MONTHS_TO_BEFORE = re.compile(r"(?:\bthe\s+)?\b(?:three|six|nine|twelve|[1-9]|1[0-8])\s+months\s+(?:to|ended|ending|through|until|till)\s+"
                               r"(?:the\s+end\s+of\s+)?$", re.IGNORECASE)
#: First letters of month names: a year followed by a word with one of them is tried as "2017 April".
_MONTH_INITIALS = frozenset("JFMASONDjfmasond")
#: Month abbreviations ("dec", "sept"), lower case: a day number glued to one is tried as a date ("Dec31, 1994").
_MONTH_ABBRS = frozenset(w for w in MONTHS if len(w) == 3 or w == "sept")
#: Words before a day and month written "22/04" without a year (see the rule "daymon").
_DAYMON_WORDS = frozenset(("on", "this", "next"))
#: Letters glued before the digits of a fiscal or calendar year ("FY2023", "cy18").
_YEAR_LETTERS = frozenset(("FY", "fy", "Fy", "CY", "cy", "Cy"))


def _year_letters_before(text: str, hit: int) -> bool:
    """Whether "FY" or "CY" is glued before the digits at ``hit`` and starts a word ("SCY18" is a code)."""
    return hit > 1 and text[hit - 2:hit] in _YEAR_LETTERS and (hit == 2 or not text[hit - 3].isalnum())


def _daymon_start(text: str, hit: int, floor: int) -> int | None:
    """Where "on", "this" or "next" starts just before the figures at ``hit`` (at or after ``floor``), for a
    day and month without a year ("on 22/04"); None elsewhere, and before "9/11", which names a day in history."""
    if hit < 3 or text[hit - 1] != " " or text[hit - 2] not in "nNsStT" or text.startswith("9/11", hit):
        return None
    k = text.rfind(" ", max(floor, hit - 6), hit - 1) + 1  # 0 when the word opens the text
    if k == 0 and (floor > 0 or hit > 5):
        return None
    return k if text[k:hit - 1].lower() in _DAYMON_WORDS else None


def _article_start(text: str, hit: int, floor: int) -> int | None:
    """Where "the ", "a " or "an " just before ``hit`` starts (at or after ``floor``), if one does."""
    # every article ends in "e", "n" or "a": most hits are rejected on that one character
    if hit < 2 or text[hit - 1] != " " or text[hit - 2] not in "eEnNaA":
        return None
    for s in (hit - 4, hit - 3, hit - 2):
        if s >= floor and text[s:hit - 1] in _ARTICLES and (s == 0 or not text[s - 1].isalnum()):
            return s
    return None


def find_times(text: str, *, anchor: str | None = None) -> list[TimeMention]:
    """Every time expression in ``text``, sorted by start offset; relative ones resolved against ``anchor``.

    Results are remembered per (text, anchor): dating, events and people read the same sentences.
    """
    return list(_find_times_cached(text, anchor))


@lru_cache(maxsize=1 << 14)
def _find_times_cached(text: str, anchor: str | None) -> tuple[TimeMention, ...]:
    return tuple(_find_times(text, anchor=anchor))


def _find_times(text: str, *, anchor: str | None = None) -> list[TimeMention]:
    """The uncached :func:`find_times`.

    Args:
        text: running text; offsets of the mentions index into it.
        anchor: the document's date, ``"YYYY"``, ``"YYYY-MM"`` or ``"YYYY-MM-DD"``; without it relative
            expressions ("last year", "in March", "Thursday") are returned with ``value=None``.

    Returns:
        Non-overlapping mentions sorted by ``start``.
    """
    if not text:
        return []
    anc = parse_anchor(anchor)
    out: list[TimeMention] = []
    pos = 0
    for hit, tok in hits(text):
        if hit < pos:
            continue
        c = tok[0]
        if c.isdigit() or c == "'":
            kind = "D"
            width = 1  # the rules are narrowed by the first character of figures (see _rules_at)
            core = tok.rstrip(".,")
            # only a run of 1-2, 4 or 8 digits can open a date ("25 July", "1995", "19980205"); other
            # figures ("4,500", "61.7", "480") only as a count of time units ("480 days ago")
            if ("," in core or "." in core or len(core) not in (1, 2, 4, 8)) and not _UNIT_AFTER.match(text, hit + len(core)):
                continue
            if len(core) == 4 and text[hit + 4:hit + 5] in _AFTER_YEAR and (not hit or text[hit - 1] != "'"):
                kind = "Y"  # "in 2019,": a year, a year range, "2019 third quarter", "1000 years ago" at most
        else:
            kind = _WORD_KIND.get(tok)
            if kind is None:
                continue  # a number word or a rank word only: not a date
            width = len(tok)
            if kind == "N" and not _NAME_EXTENDS.match(text, hit + len(tok)):
                kind = "B"  # "in March,", "on Monday": only the name itself (and its few tails) can match
            # cheap look-aheads before the costly pattern (see _word_gates)
            gates = _WORD_GATES.get(tok)
            if gates is not None:
                for rx, at_word in gates:
                    if rx.match(text, hit if at_word else hit + len(tok)) is None:
                        break
                else:
                    gates = None
                if gates is not None:
                    continue
        if kind == "D" and hit and text[hit - 1] == "'":
            hit -= 1  # "the '90s"
        # most hits follow no article: the first test of _article_start, inlined
        a = _article_start(text, hit, pos) if hit > 1 and text[hit - 1] == " " and text[hit - 2] in "eEnNaA" else None
        starts = (a, hit) if a is not None else (hit,)
        if tok in _ARTICLE_ONLY or (tok in _WEEK_TOKENS and not _WEEK_NUMBER_AFTER.match(text, hit + 4)):
            starts = starts[:-1]
        solo = solo_start = None
        if kind == "D":
            nxt = hit + len(core) + (text[hit] == "'")
            sep = text[nxt:nxt + 1]
            if sep == "-" or sep == "/":
                if sep == "/" and len(core) <= 2 and (k := _daymon_start(text, hit, pos)) is not None:
                    solo, solo_start = "daymon", k  # "on 22/04", "next 5/12"
                elif text[nxt + 1:nxt + 2].isalpha() or (text[nxt + 1:nxt + 2].isdigit() and _DIGITS_THEN_MONTH.match(text, hit)):
                    solo, solo_start = "dashmon", hit  # "23-Sep-2020", "2019/aug/01", "2020/23/Sep"
                elif len(core) == 2 and sep == "-":
                    solo, solo_start = "monthyear", hit  # "12-2015"
            elif hit > 1 and text[hit - 1].isalpha():
                if _year_letters_before(text, hit):
                    solo, solo_start = "fyglued", hit - 2  # "FY2023", "CY18"
                else:
                    k = hit - 4 if text[hit - 4:hit].lower() == "sept" else hit - 3
                    if k >= 0 and text[k:hit].lower() in _MONTH_ABBRS:
                        solo, solo_start = "glued", k  # "Dec31, 1994"
        elif kind == "Y":
            if _year_letters_before(text, hit):
                solo, solo_start = "fyglued", hit - 2  # "FY2023 results"
            elif text[hit + 4] == " " and text[hit + 5:hit + 6] in _MONTH_INITIALS:
                solo, solo_start = "yearmon", hit  # "2017 April"
        elif kind == "N" and text[hit + len(tok):hit + len(tok) + 1] in ("-", "/", "–", "—") and text[hit + len(tok) + 1:hit + len(tok) + 2].isupper():
            solo, solo_start = "monthspan", hit  # "April-June"
        elif kind == "N" and text[hit + len(tok):hit + len(tok) + 1] in ("-", "/"):
            solo, solo_start = "dashmon", hit  # "Sep-23-2020"
        elif (kind in ("N", "B") and text.startswith((" to ", " through ", " and "), hit + len(tok))
              and _SPAN_AFTER_MONTH.match(text, hit + len(tok)) is not None):
            b = _BETWEEN_BEFORE.search(text, max(pos, hit - 9), hit)
            solo, solo_start = "monthspan", (b.start() if b else hit)  # "April to June", "between April and June"
        elif (kind in ("N", "B") and text.find("months ", max(pos, hit - 40), hit) >= 0
              and (mt := _MONTHS_TO_BEFORE.search(text, max(pos, hit - 40), hit)) is not None):
            solo, solo_start = "monthsto", mt.start()  # "the three months to June"
        elif tok in _HOLIDAY_TOKENS or tok in _REL_TOKENS:
            solo, solo_start = "holiday", hit  # "Easter", "last Christmas"
        elif tok in _PART_NOUNS and _PART_OF_PERIOD.match(text, hit + len(tok)):
            solo, solo_start = "endof", (a if a is not None else hit)  # "end of month", "the end of the week"
        if tok in _HOLIDAY_LAST and text[hit - 1] == " ":
            k = text.rfind(" ", max(0, hit - 14), hit - 1)
            if text[k + 1:hit - 1].lower() in _HOLIDAY_FIRST:
                hb = _HOLIDAY_BACK.search(text, max(pos, hit - 45), hit)
                if hb:
                    solo, solo_start = "holiday", hb.start()  # "Good Friday", "New Year's Day"
        if solo is not None and (g := _SOLO[solo].match(text, solo_start)):
            res = _HANDLERS[solo](g.groupdict(), _Ctx(text, anc, solo_start, g.end()))
            if res is not None:
                value, relative, ref = res
                out.append(TimeMention(start=solo_start, end=g.end(), text=g.group(), value=value, relative=relative,
                                       ref=ref))
                pos = g.end()
                continue
        for start in starts:
            # the memo of _rules_at read in place: a hit costs one dict lookup, not a call
            key = (kind, start != hit, text[start:hit + width].lower())
            rules = _RULES_AT.get(key)
            for name, rx in rules if rules is not None else _rules_at(*key):
                if (m := rx.match(text, start)) is not None:
                    break
            else:
                continue
            end = m.end()
            res = _HANDLERS[name](m.groupdict(), _Ctx(text, anc, start, end))
            if res is None:
                continue  # rejected here; a later starter may still begin an expression
            value, relative, ref = res
            out.append(TimeMention(start=start, end=end, text=text[start:end], value=value, relative=relative, ref=ref))
            pos = end
            break
        else:
            if kind == "D" and hit and text[hit - 1] in "-_/" and (g := _ISO_GLUED.match(text, hit)):
                # a full date inside a file name or a path ("report-2017-03-02.pdf", "archive/20170302"):
                # unambiguous, so the left boundary of the grammar is waived for it
                v = time_value("day", int(g.group("y")), int(g.group("m")), int(g.group("d")))
                if v is not None:
                    out.append(TimeMention(start=hit, end=g.end(), text=g.group(), value=v, relative=False, ref=None))
                    pos = g.end()
    if "n may" in text:
        _lower_may(text, out, anc)
    _coordinated(text, out)
    _weeks(text, out)
    _offsets(text, out)  # before apposition: an offset with its date after it is one date
    _apposition(text, out)
    _weekday_offsets(text, out, anc)
    if anc is not None and anc[1] is not None:
        _quarter_context(text, out, anc)
    return out


_IN_MAY = re.compile(r"(?<![\w-])[Ii]n (?P<m>may)(?:(?=\s*(?:[.,;:!?)]|$))|\s+(?P<y>" + _YEAR4 + r")(?![\d,.]\d|\s*(?:%|percent)))")


def _lower_may(text: str, out: list[TimeMention], anc: tuple[int, int | None, int | None] | None) -> None:
    """"It may be in may", "in may 2020", "in may, ...": lower-case "may" is the month only after "in" and before
    a clause end, a comma or a year, where the modal cannot stand; "may" alone is never a date."""
    at = text.find("n may")
    while at >= 0:
        m = _IN_MAY.match(text, at - 1) if at else None  # found by its letters: a regex scan of the text costs more
        at = text.find("n may", at + 5)
        if m is None:
            continue
        s, e = m.start("m"), m.end()
        if any(o.start < e and s < o.end and not (o.value is not None and o.value.granularity == "year"
                                                  and m.group("y") and o.start == m.start("y")) for o in out):
            continue
        if m.group("y"):
            v, rel = time_value("month", int(m.group("y")), 5), False
        elif anc is None:
            v, rel = None, True
        else:
            v, rel = time_value("month", _nearest_year_for(5, None, anc, _future(text, s, e)), 5, relative=True), True
        out[:] = [o for o in out if not (o.start < e and s < o.end)]
        bisect.insort(out, TimeMention(start=s, end=e, text=text[s:e], value=v, relative=rel), key=lambda o: o.start)


_YEAR_BACK = re.compile(r"(?:(?:a|one)\s+year\s+(?:ago|earlier)|the\s+year-(?:earlier|ago)\s+period)$", re.IGNORECASE)


def _quarter_context(text: str, out: list[TimeMention], anc: tuple[int, int | None, int | None]) -> None:
    """"Third-quarter profit fell from $5 million a year earlier": in a sentence about a quarter, "a year
    earlier" is that quarter a year before (the latest completed quarter when none is named)."""
    for i, m in enumerate(out):
        if not _YEAR_BACK.fullmatch(m.text):
            continue
        s0 = max(text.rfind(". ", 0, m.start), text.rfind("\n", 0, m.start)) + 1
        e0 = text.find(". ", m.end)
        e0 = len(text) if e0 < 0 else e0
        if not _RXT12.search(text[s0:e0]):
            continue
        named = [o.value for o in out if s0 <= o.start < e0 and o.value is not None and o.value.granularity == "quarter"
                 and o is not m]
        if named:
            base = named[0]
            y, mo = int(base.low[:4]), int(base.low[5:7])
        else:
            cur = (anc[1] - 1) // 3 * 3 + 1
            y, mo = _add_months(anc[0], cur, -3)
        v = time_value("quarter", y - 1, mo, relative=True)
        out[i] = TimeMention(start=m.start, end=m.end, text=m.text, value=v, relative=True, ref=m.ref)


_OFFSET = re.compile(r"(?P<n>" + _NUMWORD + r")\s+(?P<unit>" + _UNIT + r")\s+(?P<dir>after|before|from)", re.IGNORECASE)


def _moved(base: date, unit: str, n: int) -> date | None:
    """``base`` moved by ``n`` days, weeks, months or years (a month's day past its end falls back to the
    28th); None for another unit."""
    if unit in ("day", "week"):
        return base + timedelta(days=n * (7 if unit == "week" else 1))
    if unit in ("month", "year"):
        y, mo = _add_months(base.year, base.month, n * (12 if unit == "year" else 1))
        return _ymd(y, mo, base.day) or _ymd(y, mo, 28)
    return None


def _offsets(text: str, out: list[TimeMention]) -> None:
    """"three days after January 12", "2 weeks before May 13 1999", "4 months from tomorrow": an offset
    from the date that follows it, merged into one mention."""
    i = 0
    while i + 1 < len(out):
        cur, nxt = out[i], out[i + 1]
        m = _OFFSET.fullmatch(cur.text) if cur.value is None and nxt.value is not None else None
        if m and not text[cur.end:nxt.start].strip():
            n = _count(m.group("n"))
            unit = m.group("unit").lower().rstrip("s")
            if unit == "fortnight" and n is not None:
                unit, n = "week", 2 * n
            sign = -1 if m.group("dir").lower() == "before" else 1
            d = _moved(date.fromisoformat(nxt.value.low), unit, sign * n) if n is not None else None
            v = None
            if d is not None:
                # a day or a week from a date is a day; months and years keep the date's granularity
                gran = "day" if unit in ("day", "week") else nxt.value.granularity
                v = time_value(gran, d.year, d.month, d.day, relative=nxt.value.relative)
            if v is not None:
                out[i] = TimeMention(start=cur.start, end=nxt.end, text=text[cur.start:nxt.end], value=v,
                                     relative=cur.relative or nxt.relative, ref=None)
                del out[i + 1]
        i += 1


_WEEKDAY_ONLY = re.compile(_WEEKDAY_FULL, re.IGNORECASE)
_FROM_NOW = re.compile(r"(?P<n>" + _NUMWORD + r")\s+(?P<unit>" + _UNIT + r")\s+(?:from\s+(?:now|today)|hence)", re.IGNORECASE)
_CHAIN_GAP = re.compile(r",?\s+(?:on\s+)?")


def _offset_day(m: TimeMention, anc: tuple[int, int | None, int | None] | None) -> date | None:
    """The day an offset names: "two years from now" counted from the document's day (its value is the year),
    "3 weeks after Christmas" as already merged by :func:`_offsets`; None for any other mention."""
    fm = _FROM_NOW.fullmatch(m.text)
    if fm is not None:
        n = _count(fm.group("n"))
        unit = fm.group("unit").lower().rstrip("s")
        if n is None or anc is None or anc[1] is None or anc[2] is None:
            return None
        return _moved(date(*anc), unit, n)
    om = _OFFSET.match(m.text)
    if m.value is not None and m.value.granularity == "day" and om is not None and om.end() < len(m.text):
        return date.fromisoformat(m.value.low)  # an offset with its date after it; not "two weeks after" alone
    return None


def _weekday_offsets(text: str, out: list[TimeMention], anc: tuple[int, int | None, int | None] | None) -> None:
    """"Monday two weeks from now", "Thursday, two years from now", "3 weeks after Christmas on Friday": a
    weekday beside an offset is the day of that name nearest the offset's day (the offset is the rougher of
    the two); the two become one mention."""
    i = 0
    while i + 1 < len(out):
        a, b = out[i], out[i + 1]
        if _CHAIN_GAP.fullmatch(text, a.end, b.start):
            wd, off = (a, b) if _WEEKDAY_ONLY.fullmatch(a.text) else (b, a)
            day = _offset_day(off, anc) if _WEEKDAY_ONLY.fullmatch(wd.text) and wd is not off else None
            if day is not None:
                delta = (WEEKDAYS[wd.text.lower()] - day.weekday()) % 7
                n = day + timedelta(days=delta - 7 if delta > 3 else delta)
                out[i] = TimeMention(start=a.start, end=b.end, text=text[a.start:b.end], relative=True, ref=None,
                                     value=time_value("day", n.year, n.month, n.day, relative=True))
                del out[i + 1]
        i += 1


_DAY_FIRST = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Z]")
_DAY_BEFORE = re.compile(r"(?<![\w.,/-])(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:\s*,\s*|\s+and\s+|\s*&\s*)$")
_DAY_LAST = re.compile(r"[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?")
_DAY_AFTER = re.compile(r"\s+and\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?=\s*(?:[,.;:)]|$))")


def _coordinated(text: str, out: list[TimeMention]) -> None:
    """"on 18 and 19 June", "June 18 and 19.": the bare day joined to a dated day is a day of the same
    month; it becomes a mention of its own, inserted in order."""
    i = 0
    while i < len(out):
        m = out[i]
        v = m.value
        day_first = v is not None and v.granularity == "day" and _DAY_FIRST.match(m.text)
        if not (day_first or (v is not None and v.granularity == "day" and _DAY_LAST.fullmatch(m.text))) or (
                v.high != (date.fromisoformat(v.low) + timedelta(days=1)).isoformat()):
            i += 1
            continue
        y, mo = int(v.low[:4]), int(v.low[5:7])
        floor = out[i - 1].end if i else 0
        if day_first:
            first, added = date.fromisoformat(v.low), 0
            while True:  # "3, 4 and 5 May": walk back over the list
                b = _DAY_BEFORE.search(text, max(floor, m.start - 12), m.start)
                d = _ymd(y, mo, int(b.group("d"))) if b else None
                if not (b and d and d < first) or (not added and "," in b.group()):
                    break  # a comma alone before the last day is no list ("Aged 18, 19 June was")
                m = TimeMention(start=b.start(), end=b.end("d"), text=b.group("d"), relative=m.relative, ref=m.ref,
                                value=time_value("day", y, mo, d.day, relative=v.relative))
                out.insert(i, m)
                first, added = d, added + 1
            i += added + 1
            continue
        elif (i + 1 == len(out) or out[i + 1].start > m.end + 8):
            a = _DAY_AFTER.match(text, m.end)
            d = _ymd(y, mo, int(a.group("d"))) if a else None
            if a and d and d > date.fromisoformat(v.low):
                out.insert(i + 1, TimeMention(start=a.start("d"), end=a.end("d"), text=a.group("d"), relative=m.relative,
                                              ref=m.ref, value=time_value("day", y, mo, d.day, relative=v.relative)))
                i += 2
                continue
        i += 1


_WEEK_OF = re.compile(r"(?:\b(?:the\s+)?week\s+(?:of|beginning|starting(?:\s+on)?|commencing(?:\s+on)?)|(?<!\w)w/c)\s+$",
                      re.IGNORECASE)
_WD_THEN_WEEK = re.compile(r"\s+of\s+")
_WEEK_THEN_WD = re.compile(r"\s+(?:on\s+)?|\s*[-–—]\s*")


def _weeks(text: str, out: list[TimeMention]) -> None:
    """"the week of April 10" is that day's week (Monday to Sunday); "Tuesday of next week" and "next week
    Wednesday" are that weekday of the week named."""
    for i, m in enumerate(out):
        v = m.value
        lo = max(0, m.start - 30)
        if (v is not None and v.granularity == "day" and (text.find("eek", lo, m.start) >= 0 or text.find("w/c", lo, m.start) >= 0)
                and v.high == (date.fromisoformat(v.low) + timedelta(days=1)).isoformat()):
            w = _WEEK_OF.search(text, max(0, m.start - 30), m.start)
            if w and w.end() == m.start:
                d = date.fromisoformat(v.low)
                out[i] = TimeMention(start=w.start(), end=m.end, text=text[w.start():m.end], relative=m.relative, ref=m.ref,
                                     value=time_value("week", d.year, d.month, d.day, relative=v.relative))
    i = 0
    while i + 1 < len(out):
        a, b = out[i], out[i + 1]
        wd = week = None
        if (b.value is not None and b.value.granularity == "week" and a.text.lower() in WEEKDAYS
                and _WD_THEN_WEEK.fullmatch(text, a.end, b.start)):
            wd, week = a.text.lower(), b.value
        if wd is None and a.value is not None and a.value.granularity == "week" and b.text.lower() in WEEKDAYS and (
                a.value.high == (date.fromisoformat(a.value.low) + timedelta(days=7)).isoformat()) and (
                _WEEK_THEN_WD.fullmatch(text, a.end, b.start)):
            wd, week = b.text.lower(), a.value
        if wd is not None and week is not None:
            d = date.fromisoformat(week.low) + timedelta(days=WEEKDAYS[wd])
            out[i] = TimeMention(start=a.start, end=b.end, text=text[a.start:b.end], relative=True, ref=None,
                                 value=time_value("day", d.year, d.month, d.day, relative=week.relative))
            del out[i + 1]
        i += 1


def _apposition(text: str, out: list[TimeMention]) -> None:
    """"in 1995, 20 years after the war ended": the relative phrase names the year just before it. It runs
    after _offsets, which has already merged a phrase followed by its own date ("on Friday, three days after
    December 20")."""
    for i in range(1, len(out)):
        cur, prev = out[i], out[i - 1]
        if cur.value is None and cur.ref in ("following", "previous") and prev.value is not None and (
                cur.text.lower().endswith(("after", "before"))):
            gap = text[prev.end:cur.start]
            if _RXT13.fullmatch(gap):
                out[i] = TimeMention(start=cur.start, end=cur.end, text=cur.text, value=prev.value,
                                     relative=True, ref=None)
