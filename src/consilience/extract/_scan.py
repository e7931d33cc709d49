"""The shared first pass of extraction: where in a text a date, a quantity or a rank can start.

This module owns the gate vocabulary and one compiled scanner over it. The date and number grammars
only try their (costly) patterns at the positions found here, and both use the same pass over a text:
the last few scans are cached, keyed by the text itself.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["trie_regex", "first_chars", "can_begin_with", "gated", "hits", "TIME_STARTERS", "TIME_NAMES", "NUMBER_STARTERS"]


def trie_regex(words: list[str]) -> str:
    """A regex alternation of ``words`` arranged as a trie, so the engine prunes branches by first letters."""
    trie: dict = {}
    for w in words:
        d = trie
        for ch in w:
            d = d.setdefault(ch, {})
        d[""] = {}

    def build(d: dict) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(d.items()) if ch != ""]
        if not alts:
            return ""
        if len(alts) == 1 and "" not in d:
            return alts[0]
        body = "(?:" + "|".join(alts) + ")"
        return body + "?" if "" in d else body

    return build(trie)


def first_chars(pattern: str) -> str | None:
    """The characters any match of ``pattern`` can begin with, as the body of a character class, or None
    when the pattern can begin with anything (or uses a construct this reading does not follow)."""
    from re import _constants as c  # noqa: PLC0415 - the parser's node names, read at import of the extractors
    from re import _parser

    def firsts(items) -> tuple[set[str] | None, bool]:
        """(first characters, whether the sequence can match the empty string) of a parsed sequence."""
        out: set[str] = set()
        for op, av in items:
            if op is c.LITERAL:
                return out | {re.escape(chr(av))}, False
            if op is c.IN:
                body = set()
                for iop, iav in av:
                    if iop is c.LITERAL:
                        body.add(re.escape(chr(iav)))
                    elif iop is c.RANGE:
                        body.add(re.escape(chr(iav[0])) + "-" + re.escape(chr(iav[1])))
                    elif iop is c.CATEGORY and iav is c.CATEGORY_DIGIT:
                        body.add(r"\d")  # any Unicode digit, as the pattern's own \d
                    else:
                        return None, False  # negated sets and categories: anything may come first
                return out | body, False
            if op is c.BRANCH:
                nullable = False
                for alt in av[1]:
                    f, n = firsts(alt.data)
                    if f is None:
                        return None, False
                    out |= f
                    nullable = nullable or n
                if not nullable:
                    return out, False
                continue
            if op is c.SUBPATTERN:
                f, n = firsts(av[3].data)
                if f is None:
                    return None, False
                out |= f
                if not n:
                    return out, False
                continue
            if op in (c.MAX_REPEAT, c.MIN_REPEAT):
                f, n = firsts(av[2].data)
                if f is None:
                    return None, False
                out |= f
                if av[0] > 0 and not n:
                    return out, False
                continue
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
                continue  # zero-width: the next item supplies the first character
            return None, False
        return out, True

    got, nullable = firsts(_parser.parse(pattern).data)
    return None if got is None or nullable or not got else "".join(sorted(got))


@lru_cache(maxsize=256)
def _parsed(pattern: str) -> list:
    from re import _parser  # noqa: PLC0415 - the parser's tree, read once per pattern

    return _parser.parse(pattern).data


_BRANCHES: dict[int, tuple[list, dict[str, list], list]] = {}


def _branch_index(alternatives: list) -> tuple[dict[str, list], list]:
    """The alternatives of a parsed branch by the letter (lower case) they begin with, and those that begin
    otherwise; built once per branch of a parsed pattern."""
    from re import _constants as c  # noqa: PLC0415

    got = _BRANCHES.get(id(alternatives))
    if got is None or got[0] is not alternatives:
        if len(_BRANCHES) >= 4096:
            _BRANCHES.clear()  # patterns read once in a while (the date rules hold a few hundred branches)
        by_letter: dict[str, list] = {}
        unlettered = []
        for alt in alternatives:
            lead = alt.data
            while lead and lead[0][0] is c.SUBPATTERN:
                lead = lead[0][1][3].data
            if lead and lead[0][0] is c.LITERAL:
                by_letter.setdefault(chr(lead[0][1]).lower(), []).append(alt)
            else:
                unlettered.append(alt)
        got = _BRANCHES[id(alternatives)] = (alternatives, by_letter, unlettered)
    return got[1], got[2]


def can_begin_with(pattern: str, prefix: str) -> bool:
    """Whether a case-insensitive match of ``pattern`` at the start of a text that begins with ``prefix`` is
    possible: it may cover all of ``prefix`` or stop inside it.

    An over-estimate, read from the parsed pattern without running it: look-arounds and boundaries are
    taken to hold, and a construct this reading does not follow (a back-reference) keeps the answer "yes".
    So a "no" is certain, and a pattern answered "no" for a start never needs to be tried there.
    """
    from re import _constants as c  # noqa: PLC0415 - the parser's node names

    low = prefix.lower()
    n = len(low)
    repeats = (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT))

    def in_class(items: list, ch: str) -> bool:
        cases = {ch, ch.upper()}
        negated = bool(items) and items[0][0] is c.NEGATE
        found = unknown = False
        for op, av in items[1:] if negated else items:
            if op is c.LITERAL:
                found = found or chr(av) in cases
            elif op is c.RANGE:
                found = found or any(av[0] <= ord(x) <= av[1] for x in cases)
            elif op is c.CATEGORY and av in (c.CATEGORY_DIGIT, c.CATEGORY_NOT_DIGIT):
                found = found or ch.isdecimal() == (av is c.CATEGORY_DIGIT)
            elif op is c.CATEGORY and av in (c.CATEGORY_SPACE, c.CATEGORY_NOT_SPACE):
                found = found or ch.isspace() == (av is c.CATEGORY_SPACE)
            elif op is c.CATEGORY and av in (c.CATEGORY_WORD, c.CATEGORY_NOT_WORD):
                found = found or (ch.isalnum() or ch == "_") == (av is c.CATEGORY_WORD)
            else:
                unknown = True
        return not found if negated else found or unknown

    def step(items: list, at: set[int]) -> set[int] | None:
        """The offsets into ``low`` where a match of ``items`` begun at any of ``at`` can end (``n``: all of
        the prefix is covered, whatever follows); None when the reading cannot tell."""
        for op, av in items:
            if n in at or not at:
                return at
            if op is c.LITERAL:
                at = {i + 1 for i in at if low[i] == chr(av).lower()}
            elif op is c.IN:
                at = {i + 1 for i in at if in_class(av, low[i])}
            elif op in (c.ANY, c.NOT_LITERAL):
                at = {i + 1 for i in at}
            elif op is c.BRANCH:
                ends: set[int] = set()
                by_letter, unlettered = _branch_index(av[1])
                alts = [*unlettered]
                for ch in {low[i] for i in at}:
                    alts += by_letter.get(ch, ())
                for alt in alts:  # most branches of a word list fail on their first letter: not visited
                    if (got := step(alt.data, at)) is None:
                        return None
                    ends |= got
                at = ends
            elif op is c.SUBPATTERN:
                at = step(av[3].data, at)
            elif op is getattr(c, "ATOMIC_GROUP", None):
                at = step(av.data, at)
            elif op in repeats:
                lo, hi, sub = av
                reached: set[int] = set()
                k = 0
                while at and n not in at and k != hi and k <= lo + n:
                    if k >= lo:
                        reached |= at
                    if (nxt := step(sub.data, at)) is None:
                        return None
                    at, k = nxt, k + 1
                at = reached | at if k >= lo or n in at else reached
            elif op not in (c.AT, c.ASSERT, c.ASSERT_NOT):
                return None
            if at is None:
                return None
        return at

    ends = step(_parsed(pattern), {0})
    return ends is None or bool(ends)


def gated(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` compiled behind a one-character look-ahead of its possible first characters.

    Same matches; a ``search`` skips most positions with one class test instead of trying every
    alternative of a long (case-insensitive) alternation there.
    """
    body = first_chars(pattern)
    return re.compile(pattern if body is None else f"(?=[{body}])(?:{pattern})", flags)


def _variants(words: list[str]) -> set[str]:
    out: set[str] = set()
    for w in words:
        out |= {w, w.capitalize(), w.upper()}
    return out


#: Month and weekday names start a date only when capitalised ("May", not "may").
TIME_NAMES = frozenset(
    "January February March April May June July August September October November December Jan Feb Mar Apr Jun "
    "Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
    # weekday abbreviations open a date only with a day number after them ("Fri 14th"): the grammar checks
    "Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun".split()
)
#: Other words a date can start with ("the", "a" and "an" are looked at just before a hit instead); full
#: month names also count in lower case when a day or a year follows ("april 2017").
TIME_STARTERS = frozenset(TIME_NAMES | _variants((
    "january february april june july august september october november december jan feb apr jun jul aug sep sept "
    "oct nov dec monday tuesday wednesday thursday friday saturday sunday "
    "today tonight yesterday tomorrow now nowadays currently recently lately recent soon formerly previously "
    "this last next coming previous prior preceding past following current same early mid middle late latest year-earlier "
    "year-ago prior-year previous-year fiscal financial fy spring summer autumn fall winter twenties thirties forties "
    "fifties sixties seventies eighties nineties first second third fourth q1 q2 q3 q4 h1 h2 one two three four "
    "five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty "
    "thirty forty fifty sixty seventy eighty ninety hundred several few couple year decade day end beginning start "
    "future earlier later 5th 6th 7th 8th 9th 10th 11th 12th 13th 14th 15th 16th 17th 18th 19th 20th 21st fifth sixth seventh eighth "
    "ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
    "twentieth quarter half fiscal these term year-end last week month thirtieth full fortnight eoy "
    # holidays named by a word of their own ("Good Friday", "New Year's Day" are found from their last word)
    "christmas easter halloween thanksgiving saint st boxing valentine "
    # as informal posts write "tomorrow" and "on this day"
    "tmrw otd"
).split()))
_NUMBER_WORDS = (
    "zero nought naught one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion "
    "dozen dozens half first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth fortieth fiftieth sixtieth nineth "
    "seventieth eightieth ninetieth hundredth most least twice doubled doubling tripled tripling trebled quadrupled "
    "halved halving twofold threefold fourfold fivefold sixfold sevenfold eightfold ninefold tenfold twentyfold "
    "hundredfold thousandfold largest biggest highest greatest top leading smallest lowest fastest slowest richest "
    "poorest busiest strongest weakest deadliest worst best longest shortest tallest oldest youngest heaviest "
    "costliest wealthiest hottest coldest wettest driest cheapest safest warmest"
)
#: Words a quantity or rank can start with (besides digits).
NUMBER_STARTERS = frozenset(_variants(_NUMBER_WORDS.split()))

# Two simple scans are faster than one clever one: digit runs, and starter words at a word boundary
# (a word glued to a hyphen or apostrophe before it, as in "Covid-nineteen", is dropped).
_DIGITS = re.compile(r"\d[\d,.]*")  # a leading "-" or "'" ("-5", "'90s") is looked at by the grammars
_ASCII_DIGITS = re.compile(r"[0-9][0-9,.]*")  # the same on ASCII text, where the engine tests a range, not a category
_STARTERS = TIME_STARTERS | NUMBER_STARTERS
# The word scan runs over the lower-cased text with a trie of lower-case words (a third of the branches of
# one over every spelling), and keeps a word only when it is written as one of the starters ("May", not
# "may"). It starts with the character before the word, from a class the engine skips to in one fast loop
# (every ASCII non-word character but "-" and "'", and every non-ASCII one but "’"); a word at the very start
# of the text and a non-ASCII letter before a word (which is no boundary) are handled after it.
_STARTER = trie_regex(sorted({w.lower() for w in _STARTERS if w[0].isalpha()}))
_BEFORE_WORD = "".join(re.escape(chr(i)) for i in range(128) if not (chr(i).isalnum() or chr(i) in "_-'"))
_WORDS = re.compile("[" + _BEFORE_WORD + "\u0080-\u2018\u201a-\uffff](?=[a-z])(" + _STARTER + r")(?!\w)")
_WORD_AT_START = re.compile("(?=[a-z])(" + _STARTER + r")(?!\w)")


@lru_cache(maxsize=4)
def hits(text: str) -> tuple[tuple[int, str], ...]:
    """Every (offset, token) where a date, quantity or rank may start, in text order.

    Tokens are digit runs (with their separators: "4,500", "61.7") or starter words as written; a
    digit run may follow a "-" or an apostrophe that belongs to it ("-5", "'90s").
    """
    out = [(m.start(), m.group()) for m in (_ASCII_DIGITS if text.isascii() else _DIGITS).finditer(text)]
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer ("İ"): offsets would shift
        low = "".join(c if len(lc := c.lower()) != 1 else lc for c in text)
    if (m0 := _WORD_AT_START.match(low)) is not None and (tok := text[:m0.end()]) in _STARTERS:
        out.append((0, tok))
    # kept when written as a starter, unless a letter such as "é" comes before it (inside a word, not at its start)
    out += [(p, tok) for m in _WORDS.finditer(low) if (tok := text[(p := m.start(1)):m.end(1)]) in _STARTERS
            and ((c := text[p - 1]) < "\x80" or not (c.isalnum() or c == "_"))]
    out.sort()
    return tuple(out)
