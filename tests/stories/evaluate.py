"""Score a run of the pipeline against the evaluation stories' ``expected.json`` files.

Usage::

    python tests/stories/evaluate.py                 # every story here and the built-in example
    python tests/stories/evaluate.py tests/stories/sport --verbose

For each story it runs :func:`consilience.pipeline.reconcile` on the ``*.txt`` files (never on the
folder: ``expected.json`` would be read as a document), then looks every expected value up in the clean
text of its document and takes the claims whose span overlaps it. It prints, per story:

- conflicts found: expected conflict facts (by ``about``) for which a fact with the verdict
  ``conflict`` holds a claim from each side of an entry; ``full`` when, for every entry of that
  ``about``, such a fact holds every listed file, ``partial`` otherwise;
- updated found: the same for ``updated`` facts;
- false alarms: ``not_conflicts`` entries two of whose values sit in one ``conflict`` fact that no
  expected conflict explains, plus conflict facts that match no expected conflict at all (``unexpected``;
  some may be real finds the expectations do not list, so read them);
- values not located: an expected value that is missing from the clean text (cleaning ate it) or that
  no claim covers (extraction missed it).

The exit status is 0; this is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DEFAULT = sorted(p.parent for p in HERE.glob("*/expected.json")) + [REPO / "examples" / "story"]


def expected_for(folder: Path) -> Path:
    """The expectations of a story folder: inside it, or ``<folder>.expected.json`` beside it."""
    inside = folder / "expected.json"
    return inside if inside.exists() else folder.with_name(folder.name + ".expected.json")


def locate(dossier: dict) -> tuple[dict[str, str], dict[str, list[tuple[int, int, str]]], dict[str, str]]:
    """Document texts by id, claim spans by document as (start, end, fact id), verdicts by fact id."""
    texts = {d["id"]: d.get("text") or "" for d in dossier["documents"]}
    spans: dict[str, list[tuple[int, int, str]]] = {}
    verdicts = {}
    for f in dossier["facts"]:
        verdicts[f["id"]] = f["verdict"]
        for c in f["claims"]:
            spans.setdefault(c["doc_id"], []).append((c["span"][0], c["span"][1], f["id"]))
    return texts, spans, verdicts


def facts_at(value: str, doc_id: str, texts: dict, spans: dict) -> tuple[set[str], str | None]:
    """Fact ids whose claims overlap ``value`` in ``doc_id``; the second item says why none, if none."""
    text = texts.get(doc_id)
    if text is None:
        return set(), "document missing"
    at = text.find(value)
    if at < 0:
        return set(), "not in clean text"
    end = at + len(value)
    found = {fid for s, e, fid in spans.get(doc_id, ()) if s < end and at < e}
    return found, None if found else "no claim covers it"


def score(expected: dict, dossier: dict) -> dict:
    """Compare one dossier with one story's expectations; see the module docstring for the measures."""
    texts, spans, verdicts = locate(dossier)
    missing: list[str] = []

    def sides(entry: dict) -> list[list[set[str]]]:
        out = []
        for value, files in zip(entry["values"], entry["docs"]):
            per_file = []
            for name in files:
                ids, why = facts_at(value, name, texts, spans)
                if why:
                    missing.append(f"{name}: {value!r} ({why})")
                per_file.append(ids)
            out.append(per_file)
        return out

    def judged(kind: str, verdict: str) -> tuple[dict[str, str], set[str]]:
        result: dict[str, str] = {}
        per_about: dict[str, list[str]] = {}
        matched: set[str] = set()
        for entry in expected.get(kind, []):
            per_side = sides(entry)
            candidates = [f for f, v in verdicts.items() if v == verdict]
            best = "missed"
            for fid in candidates:
                if all(any(fid in ids for ids in side) for side in per_side):
                    matched.add(fid)
                    full = all(fid in ids for side in per_side for ids in side)
                    best = "full" if full else ("partial" if best == "missed" else best)
            per_about.setdefault(entry["about"], []).append(best)
        # one fact may have several entries (sides worded differently): full only when every entry is
        for about, outcomes in per_about.items():
            if all(o == "full" for o in outcomes):
                result[about] = "full"
            else:
                result[about] = "missed" if all(o == "missed" for o in outcomes) else "partial"
        return result, matched

    conflicts, matched = judged("conflicts", "conflict")
    updated, _ = judged("updated", "updated")
    false_alarms = []
    for entry in expected.get("not_conflicts", []):
        per_value = [set().union(*side) if side else set() for side in sides(entry)]
        for i in range(len(per_value)):
            for j in range(i + 1, len(per_value)):
                # a conflict fact that an expected conflict explains may hold these values on one side
                bad = {f for f in per_value[i] & per_value[j] if verdicts[f] == "conflict" and f not in matched}
                if bad:
                    false_alarms.append(f"{entry['about']}: {entry['values'][i]!r} vs {entry['values'][j]!r}")
    unexpected = sorted(f for f, v in verdicts.items() if v == "conflict" and f not in matched)
    labels = {f["id"]: f["label"] for f in dossier["facts"]}
    return {
        "conflicts": conflicts,
        "updated": updated,
        "false_alarms": sorted(set(false_alarms)),
        "unexpected": [f"{f}: {labels[f]}" for f in unexpected],
        "missing": sorted(set(missing)),
    }


def run(folder: Path) -> dict:
    """Reconcile the reports of ``folder`` and return the dossier as the JSON contract's dict."""
    from consilience.pipeline import reconcile
    from consilience.render import dossier_to_dict

    paths = [str(p) for p in sorted(folder.glob("*.txt"))]
    return dossier_to_dict(reconcile(paths))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="*", type=Path, help="story folders (default: all five and the example)")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every miss and false alarm")
    args = ap.parse_args(argv)
    totals = {"conflicts": [0, 0], "updated": [0, 0], "false_alarms": 0, "unexpected": 0}
    for folder in args.folders or DEFAULT:
        expected = json.loads(expected_for(folder).read_text(encoding="utf-8"))
        result = score(expected, run(folder))
        found_c = sum(v != "missed" for v in result["conflicts"].values())
        found_u = sum(v != "missed" for v in result["updated"].values())
        totals["conflicts"][0] += found_c
        totals["conflicts"][1] += len(result["conflicts"])
        totals["updated"][0] += found_u
        totals["updated"][1] += len(result["updated"])
        totals["false_alarms"] += len(result["false_alarms"])
        totals["unexpected"] += len(result["unexpected"])
        print(f"{folder.name:10} conflicts {found_c}/{len(result['conflicts'])}  updated {found_u}/{len(result['updated'])}"
              f"  false alarms {len(result['false_alarms'])}  unexpected conflicts {len(result['unexpected'])}"
              f"  values not located {len(result['missing'])}")
        if args.verbose:
            for about, how in sorted(result["conflicts"].items()):
                print(f"    conflict  {how:7} {about}")
            for about, how in sorted(result["updated"].items()):
                print(f"    updated   {how:7} {about}")
            for line in result["false_alarms"]:
                print(f"    FALSE ALARM  {line}")
            for line in result["unexpected"]:
                print(f"    unexpected   {line}")
            for line in result["missing"]:
                print(f"    not located  {line}")
    c, u = totals["conflicts"], totals["updated"]
    print(f"{'total':10} conflicts {c[0]}/{c[1]}  updated {u[0]}/{u[1]}  false alarms {totals['false_alarms']}"
          f"  unexpected conflicts {totals['unexpected']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
