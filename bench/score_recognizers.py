"""Score consilience's number and date grammar on the Microsoft Recognizers-Text English specs.

Run: ``python bench/score_recognizers.py [--show N]``

Which cases are in scope, and why (decided from the spec's types, not from our results):

* ``Number/English/NumberModel.json`` — numbers written with digits, separators, scale words and number
  words. Cases whose expected values are fractions, exponents or negative numbers, or which hold no
  number at all, are out: news figures are positive decimals, and "no number" cases test things like
  "one" as a pronoun that we do not claim as figures either way.
* ``Number/English/NumberRangeModel.json`` — hedged figures and ranges ("more than 730" -> (730,)).
  We compare the figures and the side that is open: our hedges are bounded (see HEDGE_RULE), so "(730,)"
  passes when we say "over/at least 730". Combined ranges written as two hedges ("greater than 100 and
  smaller than 300") are in scope and must come out as one range. Cases of fractions or ratios
  ("1/2", "2 in 5") are out, whether written in figures or in words ("above one quarter and below a half",
  "more than half"), as they are in the number model. A range of positions ("between the tenth and the
  fifteenth") is compared through the interval of the rank we extract.
* ``Number/English/OrdinalModel.json`` — ordinals ("eleventh", "2nd"): our rank normaliser. Relative
  ordinals ("last", "previous", "next": end+0, current-1) are out.
* ``Number/English/PercentModel.json`` — percentages; fractions written as percents ("half percent") out.
* ``NumberWithUnit/English/CurrencyModel.json`` — money: value and currency (ISO code when the spec gives
  one, else its unit name mapped to ISO). Cases without a number (a bare "rmb") and sub-units
  ("cents", "pence") are out: we report amounts in whole currency units.
* ``DateTime/English/DateTimeModel.json`` — results of type ``date`` and ``daterange`` whose value is a
  day, a month, a year, a week or a quarter (the granularities a news date has), resolved against the
  case's reference date. Time of day, durations, sets, ranges written "from X to Y", and open-ended
  ranges ("after 2016", no end given) are out.
* Number words below ten standing alone ("three") are out: in news they are pronouns ("the two sides")
  more often than figures, and consilience only reads them as figures before a counted noun.

A case passes when every in-scope expected result is found (overlapping span) with the same value.
Files and types not listed (dimensions, ages, temperatures, times of day, time zones) are outside
consilience's scope. Reported: the pass rate per file and overall (the issue's bar: >= 90%), and the
failures grouped by file with examples.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from pathlib import Path

SPECS = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "recognizers-text-specs-en"

UNIT_ISO = {
    "dollar": "USD", "united states dollar": "USD", "euro": "EUR", "pound": "GBP", "british pound": "GBP",
    "yen": "JPY", "japanese yen": "JPY", "chinese yuan": "CNY", "yuan": "CNY", "rupee": "INR", "indian rupee": "INR",
    "canadian dollar": "CAD", "australian dollar": "AUD", "hong kong dollar": "HKD", "singapore dollar": "SGD",
    "new zealand dollar": "NZD", "swiss franc": "CHF", "korean won": "KRW", "south korean won": "KRW",
    "brazilian real": "BRL", "mexican peso": "MXN", "russian ruble": "RUB", "vietnamese dong": "VND",
}


def load(rel: str) -> list[dict]:
    return json.loads((SPECS / rel).read_text(encoding="utf-8-sig"))


def overlaps(m, r: dict) -> bool:
    s, e = r.get("Start", 0), r.get("End", 0) + 1
    return m.start < e and s < m.end


def close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


# ------------------------------------------------------------------------------------------ numbers

def in_scope_number(r: dict) -> bool:
    v = r["Resolution"].get("value")
    if v is None or not re.fullmatch(r"\d+(?:\.\d+)?", v):
        return False
    if re.fullmatch(r"(?:zero|nought|naught|one|two|three|four|five|six|seven|eight|nine|a|an)", r["Text"].strip(), re.I):
        return False  # a number word below ten standing alone is a pronoun more often than a figure in news
    if "." in v and len(v.split(".")[1]) > 6:
        return False  # a fraction ("a twenty-first" = 0.047619...), not a written figure
    return not re.search(r"/|\bover\b|\^|th\b|ths\b|half|quarter|thirds?|fifths?|out\s+of|\d\s+in\s+|\de\d|[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]",
                         r["Text"], re.I)


def score_numbers(rows: list[dict]):
    from consilience.extract.numbers import find_quantities

    for c in rows:
        exp = [r for r in c["Results"] if in_scope_number(r)]
        if not exp or len(exp) != len(c["Results"]):
            continue
        text = c["Input"]
        ms = find_quantities(text)
        ok = all(any(overlaps(m, r) and getattr(m.value, "kind", "") != "" and m.value.type == "quantity"
                     and close(m.value.point, float(r["Resolution"]["value"])) for m in ms) for r in exp)
        yield ok, text, [r["Resolution"]["value"] for r in exp], [(m.text, m.value.point) for m in ms]


#: Fractions written in words: "half", "a quarter", "two thirds" (not ordinals: "the tenth" is a position).
_WORD_FRACTION = re.compile(r"\b(?:half|halves|quarters?)\b|\b(?:a|one|two|three|four|five|six|seven|eight|nine)[-\s]+"
                            r"(?:thirds?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b", re.I)


def in_scope_range(r: dict) -> bool:
    v = r["Resolution"].get("value", "")
    return (bool(re.fullmatch(r"[\[(]-?[\d.]*,-?[\d.]*[\])]", v)) and not re.search(r"/|\bin\b\s*\d|%", r["Text"])
            and not _WORD_FRACTION.search(r["Text"]))


def score_ranges(rows: list[dict]):
    from consilience.extract.numbers import find_quantities

    for c in rows:
        exp = [r for r in c["Results"] if in_scope_range(r)]
        if not exp or len(exp) != len(c["Results"]):
            continue
        text = c["Input"]
        # a range of positions ("between the tenth and the fifteenth") is a rank whose interval holds both
        ms = [m for m in find_quantities(text) if m.value.type == "quantity" or (m.value.type == "rank" and m.value.low != m.value.high)]

        def good(r: dict) -> bool:
            lo_s, hi_s = r["Resolution"]["value"][1:-1].split(",")
            lo = float(lo_s) if lo_s else None
            hi = float(hi_s) if hi_s else None
            for m in ms:
                if not overlaps(m, r):
                    continue
                v = m.value
                if lo is not None and hi is not None:
                    if lo == hi and v.hedge == "exact" and close(v.point, lo):
                        return True
                    if close(v.low, lo) and close(v.high, hi):
                        return True
                elif lo is not None and v.hedge in ("over", "at-least") and close(v.point, lo):
                    return True
                elif hi is not None and v.hedge in ("under", "at-most", "nearly") and close(v.point, hi):
                    return True
            return False

        ok = all(good(r) for r in exp)
        yield ok, text, [r["Resolution"]["value"] for r in exp], [(m.text, m.value.hedge, m.value.low, m.value.high) for m in ms]


def score_ordinals(rows: list[dict]):
    from consilience.extract.numbers import _ORD_NUM, _ORD_WORD, _ordinal_value

    rx = re.compile(r"(?<![\w.])(?:" + _ORD_NUM + "|" + _ORD_WORD + r")(?!\w)", re.IGNORECASE)
    for c in rows:
        exp = [r for r in c["Results"] if re.fullmatch(r"\d+", r["Resolution"].get("value", ""))]
        if not exp or len(exp) != len(c["Results"]):
            continue
        text = c["Input"]
        got = [(m.start(), m.end(), _ordinal_value(m.group(0))) for m in rx.finditer(text)]
        ok = all(any(s < r["End"] + 1 and r["Start"] < e and v == int(r["Resolution"]["value"]) for s, e, v in got)
                 for r in exp)
        yield ok, text, [r["Resolution"]["value"] for r in exp], got


def score_percents(rows: list[dict]):
    from consilience.extract.numbers import find_quantities

    for c in rows:
        exp = [r for r in c["Results"] if re.fullmatch(r"\d+(?:\.\d+)?%", r["Resolution"].get("value", ""))
               and not re.search(r"half|quarter|/|of\s+\d|th\b", r["Text"], re.I)]
        if not exp or len(exp) != len(c["Results"]):
            continue
        text = c["Input"]
        ms = find_quantities(text)
        ok = all(any(overlaps(m, r) and m.value.type == "quantity" and m.value.kind == "percent"
                     and close(m.value.point, float(r["Resolution"]["value"][:-1])) for m in ms) for r in exp)
        yield ok, text, [r["Resolution"]["value"] for r in exp], [(m.text, m.value.point) for m in ms]


def score_currency(rows: list[dict]):
    from consilience.extract.numbers import find_quantities

    for c in rows:
        if "python" in (c.get("NotSupported") or "") or "python" in (c.get("NotSupportedByDesign") or ""):
            continue
        exp = []
        for r in c["Results"]:
            res = r["Resolution"]
            iso = res.get("isoCurrency") or UNIT_ISO.get((res.get("unit") or "").lower())
            if res.get("value") is None or iso is None or re.search(r"cents?|pence|penny|pennies|fen\b", r["Text"], re.I):
                exp = None
                break
            exp.append((r, float(res["value"]), iso))
        if not exp:
            continue
        text = c["Input"]
        ms = find_quantities(text)
        ok = all(any(overlaps(m, r) and m.value.type == "quantity" and m.value.kind == "money" and m.value.unit == iso
                     and close(m.value.point, v) for m in ms) for r, v, iso in exp)
        yield ok, text, [(v, iso) for _, v, iso in exp], [(m.text, m.value.unit, m.value.point) for m in ms]


# ------------------------------------------------------------------------------------------ dates

_DATE_TIMEX = re.compile(r"(?:\d{4}|XXXX)-\d\d-\d\d|(?:\d{4}|XXXX)-\d\d|\d{4}|\d{4}-W\d\d|\d{4}-Q\d|XXXX-WXX-\d")


def in_scope_date(r: dict) -> bool:
    if r.get("TypeName") not in ("datetimeV2.date", "datetimeV2.daterange"):
        return False
    vals = r["Resolution"].get("values", [])
    # open-ended ranges ("after 2016": a start only) and unresolved values have no interval to compare
    return bool(vals) and all(_DATE_TIMEX.fullmatch(v.get("timex", "")) and _interval(v) is not None for v in vals)


def _interval(v: dict) -> tuple[str, str] | None:
    if "value" in v:
        # an impossible date ("feb 30") resolves to "not resolved": no interval to compare
        return (v["value"], None) if v["value"] != "not resolved" else None
    if "start" in v and "end" in v:
        return v["start"], v["end"]
    return None


def score_dates(rows: list[dict]):
    from consilience.extract.times import find_times

    for c in rows:
        exp = [r for r in c["Results"] if in_scope_date(r)]
        if not exp or len(exp) != len(c["Results"]):
            continue
        ref = c.get("Context", {}).get("ReferenceDateTime", "2016-11-07T00:00:00")[:10]
        text = c["Input"]
        ms = find_times(text, anchor=ref)

        def good(r: dict) -> bool:
            for m in ms:
                if not overlaps(m, r) or m.value is None:
                    continue
                for v in r["Resolution"]["values"]:
                    iv = _interval(v)
                    if iv is None:
                        continue
                    lo, hi = iv
                    if hi is None and m.value.granularity == "day" and m.value.low == lo:
                        return True
                    if hi is not None and m.value.low == lo and m.value.high == hi:
                        return True
            return False

        ok = all(good(r) for r in exp)
        yield ok, text, [[(v.get("timex"), _interval(v)) for v in r["Resolution"]["values"]][:2] for r in exp], \
            [(m.text, m.value.low if m.value else None, m.value.high if m.value else None) for m in ms]


SUITES = [
    ("Number/English/NumberModel.json", score_numbers),
    ("Number/English/NumberRangeModel.json", score_ranges),
    ("Number/English/OrdinalModel.json", score_ordinals),
    ("Number/English/PercentModel.json", score_percents),
    ("NumberWithUnit/English/CurrencyModel.json", score_currency),
    ("DateTime/English/DateTimeModel.json", score_dates),
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, default=5, help="failures shown per file")
    args = ap.parse_args()
    if not SPECS.is_dir():
        raise SystemExit(f"Recognizers-Text specs not found at {SPECS}")
    total = passed = 0
    fails: dict[str, list] = defaultdict(list)
    print(f"{'file':45}{'in scope':>10}{'passed':>10}{'rate':>8}")
    for rel, fn in SUITES:
        rows = load(rel)
        n = p = 0
        for ok, text, exp, got in fn(rows):
            n += 1
            p += ok
            if not ok:
                fails[rel].append((text, exp, got))
        total += n
        passed += p
        print(f"{rel:45}{n:>10}{p:>10}{p / max(1, n):>8.3f}")
    print(f"{'all in-scope cases':45}{total:>10}{passed:>10}{passed / max(1, total):>8.3f}")
    for rel, items in fails.items():
        print(f"\nfailures in {rel}: {len(items)}")
        for text, exp, got in items[: args.show]:
            print(f"   {text[:90]!r}\n      expected {exp}\n      got      {got}")


if __name__ == "__main__":
    main()
