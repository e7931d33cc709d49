"""Score consilience's date grammar on TempEval-3 (TimeBank + AQUAINT): DATE values given the document date.

Run: ``python bench/score_tempeval.py [--show N]``

For every gold TIMEX3 of type DATE (the document creation time excluded) the gold value is compared
with the value of the consilience time mention that overlaps it (relaxed span match), after
``find_times(text, anchor=DCT)``. TimeML values are produced from our TimeValue: "1998-08-17",
"1998-08", "1998", "1998-Q3", "1998-H1", "1998-SU", "1998-W32", a decade "199", and PRESENT_REF /
PAST_REF / FUTURE_REF for "now", "recently", "soon". Reported: value accuracy over gold DATEs (the
issue's bar: >= 80%; HeidelTime's reported value F1 is about 0.78), relaxed span recall and precision
over all gold TIMEX3 types, and the failures grouped by kind. The data is never shipped or tuned on
beyond reading these failure lists.
"""

from __future__ import annotations

import argparse
import re
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "tempeval3-tbaq-timeml"


def read_tml(path: Path) -> tuple[str, str, list[tuple[int, int, str, str, str]]]:
    """(text, DCT value, [(start, end, type, value, surface)]) of one TimeML file."""
    root = ET.parse(path).getroot()
    dct = root.find("DCT/TIMEX3").get("value")
    text_el = root.find("TEXT")
    parts: list[str] = []
    gold: list[tuple[int, int, str, str, str]] = []

    def walk(el: ET.Element) -> None:
        start = sum(len(p) for p in parts)
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if el.tag == "TIMEX3":
            end = sum(len(p) for p in parts)
            gold.append((start, end, el.get("type"), el.get("value") or "", "".join(parts)[start:end]))

    walk(text_el)
    return "".join(parts), dct, gold


def timex_value(m) -> str | None:
    """The TimeML value of a consilience time mention."""
    if m.ref == "present":
        return "PRESENT_REF"
    if m.ref == "past" and m.value is None:
        return "PAST_REF"
    if m.ref == "future":
        return "FUTURE_REF"
    v = m.value
    if v is None:
        return None
    g = v.granularity
    if g == "decade":
        # a century is written as ten decades: "the 20th century" -> "19"
        return v.point[:2] if int(v.high[:4]) - int(v.low[:4]) == 100 else v.point[:3]
    if g == "year" and v.high[:4] != str(int(v.low[:4]) + 1).zfill(4):
        return v.low[:4]  # a span of years: its first year
    return v.point


def kind_of(value: str) -> str:
    for pat, k in ((r"\d{4}-\d\d-\d\d", "day"), (r"\d{4}-\d\d", "month"), (r"\d{4}", "year"), (r"\d{4}-Q\d", "quarter"),
                   (r"\d{4}-W\d\d", "week"), (r"\d{4}-(?:SP|SU|FA|WI)", "season"), (r"\d{4}-H\d", "half"), (r"\d{3}", "decade"),
                   (r"[A-Z]+_REF", "ref")):
        if re.fullmatch(pat, value):
            return k
    return "other"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, default=6, help="failures shown per kind")
    args = ap.parse_args()
    if not DATA.is_dir():
        raise SystemExit(f"TempEval-3 data not found at {DATA}")
    from consilience.extract.times import find_times

    n_date = correct = found = 0
    n_gold_all = matched_gold_all = 0
    n_pred = matched_pred = 0
    fails: dict[str, list[str]] = defaultdict(list)
    by_kind: Counter[str] = Counter()
    by_kind_ok: Counter[str] = Counter()
    files = sorted(DATA.glob("TimeBank/*.tml")) + sorted(DATA.glob("AQUAINT/*.tml"))
    for path in files:
        text, dct, gold = read_tml(path)
        preds = find_times(text, anchor=dct[:10])
        n_pred += len(preds)
        matched_pred += sum(1 for p in preds if any(p.start < e and s < p.end for s, e, *_ in gold))
        for s, e, typ, value, surface in gold:
            n_gold_all += 1
            over = [p for p in preds if p.start < e and s < p.end]
            if over:
                matched_gold_all += 1
            if typ != "DATE":
                continue
            n_date += 1
            k = kind_of(value)
            by_kind[k] += 1
            if not over:
                fails[f"not found ({k})"].append(f"{surface!r} -> {value} [{path.stem}, DCT {dct}]")
                continue
            found += 1
            got = timex_value(over[0])
            if got == value:
                correct += 1
                by_kind_ok[k] += 1
            else:
                fails[f"wrong value ({k})"].append(f"{surface!r}: {got} != {value} (found {over[0].text!r}) [DCT {dct}]")
    print(f"files: {len(files)}; gold DATE expressions: {n_date}")
    print(f"DATE value accuracy: {correct}/{n_date} = {correct / n_date:.3f}   (found {found / n_date:.3f})")
    print(f"relaxed span recall (all TIMEX3 types): {matched_gold_all / n_gold_all:.3f}; "
          f"precision: {matched_pred / max(1, n_pred):.3f}")
    print("by gold kind: " + ", ".join(f"{k} {by_kind_ok[k]}/{n}" for k, n in by_kind.most_common()))
    print("failures by kind:")
    for k, items in sorted(fails.items(), key=lambda kv: -len(kv[1])):
        print(f"  {k}: {len(items)}")
        for it in items[: args.show]:
            print(f"      {it}")


if __name__ == "__main__":
    main()
