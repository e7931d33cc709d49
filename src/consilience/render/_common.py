"""What the text, Markdown and HTML views share: reading the JSON dict the same way in every view.

Owns: the order facts are shown in, how a typed value and its differing qualifiers are written for
readers, how a claim's value is located inside its sentence, how documents are named (and renamed in
explanations), how values are grouped into sides, the per-source profile (how often a source agrees
with the others), the one-line reuse summary, the notes on copies and documents, and the removal of
control characters from all input. Every function here reads the contract dict (see
``render/json.py``) and never a model object, so every view shows the same thing the JSON says.
Nothing here formats markup: each view escapes for its own medium.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..english import MONTHS as _MONTHS
from ..english import human_clock, human_date, plural
from ..model import VERDICTS

#: Verdicts that mean the sources do not line up; a source's profile counts them against it.
CONTESTED = ("conflict", "divergent")
#: Verdicts under which every claim of the fact is consistent with every other.
CONSISTENT = ("agree", "compatible", "updated")

_VERDICT_RANK = {v: i for i, v in enumerate(VERDICTS)}

_HEDGE_WORDS = {
    "over": "more than",
    "at-least": "at least",
    "under": "less than",
    "at-most": "at most",
    "about": "about",
    "nearly": "nearly",
}

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


# C0 controls but tab and newline, DEL and C1 controls: in a terminal, ESC and CSI start sequences that
# can rewrite the screen or forge links, so no view lets one through from the input.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


# What control characters look like in json.dumps(ensure_ascii=False) output: C0 as \u00XX or a short
# escape (\n and \t are allowed), DEL and C1 raw. A literal backslash in the text can match too; that
# only costs the slow path.
_JSON_CONTROL = re.compile(r"\\u00[01][0-9a-fA-F]|\\[bfr]|[\x7f-\x9f]")


def sanitize(value: object) -> object:
    """``value`` (a report dict or any part) with control characters in its strings replaced.

    Each is replaced by U+FFFD, one character for one, so every span still points at the same text.
    Returns ``value`` itself when it has none (found by one fast JSON pass), else a copy.
    """
    import json

    try:
        clean = not _JSON_CONTROL.search(json.dumps(value, ensure_ascii=False, check_circular=False))
    except (TypeError, ValueError):
        clean = False
    return value if clean else _sanitized(value)


def _sanitized(value: object) -> object:
    if isinstance(value, str):
        return _CONTROL.sub("\ufffd", value) if _CONTROL.search(value) else value
    if isinstance(value, dict):
        return {k: _sanitized(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_sanitized(v) for v in value]
    return value


def verdict_rank(verdict: str) -> int:
    """Position of ``verdict`` in :data:`~consilience.model.VERDICTS` (unknown verdicts last)."""
    return _VERDICT_RANK.get(verdict, len(VERDICTS))


def ordered_facts(d: dict) -> list[dict]:
    """Facts by verdict severity, then score descending; ties keep the order the dict gives."""
    facts = list(d.get("facts") or [])
    return sorted(facts, key=lambda f: (verdict_rank(f.get("verdict", "")), -float(f.get("score") or 0.0)))


def documents_by_id(d: dict) -> dict[str, dict]:
    """Documents keyed by id, in the dict's order."""
    return {doc["id"]: doc for doc in d.get("documents") or []}


def usable_documents(d: dict) -> list[dict]:
    """Documents that were read (not skipped), in the dict's order."""
    return [doc for doc in d.get("documents") or [] if not doc.get("skipped")]


# A content hash inside a file name ("000_c76a6a48aae8736b.txt") means nothing to a reader.
_HASH_TOKEN = re.compile(r"(?:^|[_\-. ])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{12,}(?=$|[_\-. ])")
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}$")


def short_name(name: str) -> str:
    """A file-like name for readers: no directory, no extension, no hash token; ``name`` if nothing is left."""
    stem = _EXTENSION.sub("", name.replace("\\", "/").rsplit("/", 1)[-1])
    stem = _HASH_TOKEN.sub("", stem).strip("_-. ")
    return stem or name


def doc_labels(d: dict) -> DocLabels:
    """A short, unique name per document id, for column heads and lists.

    The source when it is a real name (not the id) and unique; else the id shortened by
    :func:`short_name` when that stays unique; else ``source (id)`` or the id itself.
    """
    docs = d.get("documents") or []
    counts = Counter((doc.get("source") or "") for doc in docs)
    shorts = Counter(short_name(doc["id"]) for doc in docs)
    out = DocLabels()
    for doc in docs:
        source = (doc.get("source") or "").strip()
        if source and source != doc["id"] and counts[source] == 1:
            out[doc["id"]] = source
        elif source and source != doc["id"]:
            out[doc["id"]] = f"{source} ({doc['id']})"
        elif shorts[short_name(doc["id"])] == 1:
            out[doc["id"]] = short_name(doc["id"])
        else:
            out[doc["id"]] = doc["id"]
    return out


class DocLabels(dict):
    """Document id -> label (what :func:`doc_labels` returns), compiling the pattern :func:`relabel` uses once."""

    _pattern: re.Pattern | None = None
    _built = False

    def pattern(self) -> re.Pattern | None:
        if not self._built:
            ids = sorted((i for i, lab in self.items() if i and lab != i), key=lambda i: (-len(i), i))
            self._pattern = re.compile("|".join(rf"(?<![\w/.-]){re.escape(i)}(?![\w/-])" for i in ids)) if ids else None
            self._built = True
        return self._pattern


def relabel(text: str | None, labels: dict[str, str]) -> str:
    """``text`` with every document id it mentions replaced by that document's label (longest ids first).

    Explanations name documents by id; the views name them by label, and the two must match.
    """
    if not text:
        return ""
    table = labels if isinstance(labels, DocLabels) else DocLabels(labels)
    pattern = table.pattern()
    return pattern.sub(lambda m: table[m.group(0)], text) if pattern else text


#: Value types whose consensus says more than the wording: the normalised figure, date or role.
CONSENSUS_TYPES = ("quantity", "rank", "date", "name")


def consensus_note(fact: dict) -> str:
    """The fact's consensus written out, or "" when it would only repeat what the sources wrote.

    Shown for several sources only, for value types whose normal form adds something (a unit, a
    scale, a role), and only when it reads differently from every value as written.
    """
    consensus = fact.get("consensus") or {}
    if consensus.get("type") not in CONSENSUS_TYPES or fact.get("verdict") == "single-source":
        return ""
    shown = format_value(consensus)
    if shown.lower() in {g.shown.lower() for g in value_groups(fact)}:
        return ""
    return shown


@dataclass(frozen=True, slots=True)
class Story:
    """The headline of a report: title, first and last publication date, number of usable sources."""

    title: str
    first: str | None
    last: str | None
    sources: int
    skipped: int


def story(d: dict) -> Story:
    """The story block of the dict, with fallbacks computed from the documents when it is absent."""
    block = d.get("story") or {}
    usable = usable_documents(d)
    title = block.get("title") or next((doc.get("title") for doc in usable if doc.get("title")), None)
    date_range = block.get("date_range")
    if date_range is None and "story" not in d:
        dates = sorted((doc.get("published") or {}).get("date") for doc in usable
                       if (doc.get("published") or {}).get("date"))
        date_range = [dates[0], dates[-1]] if dates else None
    first, last = (date_range[0], date_range[1]) if date_range else (None, None)
    sources = block.get("sources", len(usable))
    skipped = sum(1 for doc in d.get("documents") or [] if doc.get("skipped"))
    return Story(title=title or "Untitled story", first=first, last=last, sources=int(sources), skipped=skipped)


def date_range_text(first: str | None, last: str | None) -> str:
    """"25 July 2013 – 10 September 2023", one date when both ends match, "undated" when unknown."""
    if not first and not last:
        return "undated"
    if first == last or not last:
        return human_date(first)
    if not first:
        return human_date(last)
    a, b = first.split("-"), last.split("-")
    if len(a) == len(b) == 3 and a[0] == b[0] and all(x.isdigit() for x in a + b):
        # Days of one year share it, days of one month share that too: "10–11 September 2023".
        if a[1] == b[1]:
            return f"{int(a[2])}–{human_date(last)}"
        return f"{human_date(first).removesuffix(' ' + a[0])} – {human_date(last)}"
    return f"{human_date(first)} – {human_date(last)}"


def _number(x: float) -> str:
    """A figure with thousands separators and at most two decimals, trailing zeros dropped."""
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def ordinal(n: int) -> str:
    """1 -> "1st", 2 -> "2nd", 11 -> "11th", 23 -> "23rd"."""
    if 10 <= n % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _quantity(v: dict) -> str:
    point = v.get("point")
    if point is None:
        point = v.get("low") if v.get("low") is not None else v.get("high")
    if point is None:
        return "unknown amount"
    kind, unit = v.get("kind") or "number", v.get("unit") or ""
    if kind == "clock":
        return human_clock(point, v.get("hedge") or "exact", unit or "time of day")
    if kind == "percent":
        body = f"{_number(point)}%"
    elif kind == "points":
        body = f"{_number(point)} percentage points"
    elif kind == "multiplier":
        body = f"{_number(point)}×"
    else:
        scaled = _number(point)
        for size, word in _SCALES:
            if abs(point) >= size:
                scaled = f"{_number(point / size)} {word}"
                break
        if kind == "money":
            body = f"{unit} {scaled}".strip()
        elif kind == "count" and unit:
            body = f"{scaled} {unit if point == 1 else plural(unit)}"
        else:
            body = f"{scaled} {unit}".strip()
    hedge = _HEDGE_WORDS.get(v.get("hedge") or "exact")
    return f"{hedge} {body}" if hedge else body


def _rank(v: dict) -> str:
    low, high, point = v.get("low"), v.get("high"), v.get("point")
    sup = v.get("superlative") or ""
    if low is not None and high is not None and low != high:
        body = f"{ordinal(int(low))}–{ordinal(int(high))} {sup}".strip()
    else:
        body = f"{ordinal(int(point if point is not None else low or 0))} {sup}".strip()
    # A bare ordinal ("the 10th anniversary") has no superlative worth writing.
    body = body.removesuffix(" ordinal")
    if v.get("out_of"):
        body += f" of {v['out_of']}"
    return body


def format_value(v: dict | None) -> str:
    """A typed value dict of the contract written as a short phrase ("more than USD 47.35 billion")."""
    if not v:
        return "—"
    t = v.get("type")
    if t == "quantity":
        return _quantity(v)
    if t == "rank":
        return _rank(v)
    if t == "date":
        return human_date(v.get("point"))
    if t == "name":
        name = v.get("name") or v.get("key") or ""
        return f"{name} ({v['role']})" if v.get("role") else name
    if t == "quote":
        return f"“{v.get('text') or ''}”"
    if t == "event":
        bits = [v.get("actor"), v.get("action"), v.get("target")]
        text = " ".join(b for b in bits if b)
        if v.get("place"):
            text += f" in {v['place']}"
        if v.get("when"):
            text += f" ({format_value(v['when'])})"
        return text or "event"
    return str(v.get("point") or v.get("text") or v.get("name") or "")


def value_key(v: dict | None) -> tuple:
    """What two claims must share to state the same value as written (hedge wording aside)."""
    if not v:
        return ("none",)
    t = v.get("type")
    if t == "quantity":
        # "more than 730" and "730" are different statements even where they are compatible.
        return (t, v.get("unit"), v.get("point"), v.get("hedge") or "exact")
    if t == "rank":
        # "one of the largest" (1..5) is not "the largest" (1..1), though both have point 1.
        return (t, v.get("point"), v.get("low"), v.get("high"))
    if t == "date":
        return (t, v.get("point"))
    if t == "name":
        return (t, v.get("key") or (v.get("name") or "").lower())
    if t == "quote":
        return (t, v.get("key") or (v.get("text") or "").lower())
    if t == "event":
        return (t, v.get("action"), v.get("actor"), v.get("target"), (v.get("when") or {}).get("point"))
    return (t, repr(sorted(v.items())))


def highlight(claim: dict) -> tuple[str, str, str]:
    """The claim's sentence split into (before, value, after) around the value as written.

    Uses the spans when they are consistent with the sentence; otherwise finds the value's text in the
    sentence; when neither works the whole sentence comes back in ``before`` and nothing is marked.
    """
    sentence = claim.get("sentence") or ""
    text = claim.get("text") or ""
    span, sspan = claim.get("span"), claim.get("sentence_span")
    if span and sspan and len(span) == 2 and len(sspan) == 2:
        a, b = span[0] - sspan[0], span[1] - sspan[0]
        if 0 <= a <= b <= len(sentence) and sspan[1] - sspan[0] == len(sentence) and (
                not text or sentence[a:b] == text):
            return sentence[:a], sentence[a:b], sentence[b:]
    if text:
        i = sentence.find(text)
        if i >= 0:
            return sentence[:i], text, sentence[i + len(text):]
    return sentence, "", ""


@dataclass(frozen=True, slots=True)
class ValueGroup:
    """Claims of one fact that state the same value: the wording of the first, the documents saying it."""

    shown: str
    doc_ids: tuple[str, ...]
    claims: tuple[dict, ...]


#: Qualifiers in the order their notes are written after a value.
QUALIFIERS = ("base", "time_scope", "change", "level_from", "level_to", "every", "place", "among", "of")


def _qualifier_key(q: object) -> object:
    if isinstance(q, dict):
        if q.get("type") == "date":
            return ("date", q.get("point"))
        if q.get("type") == "quantity":
            return ("quantity", q.get("unit"), q.get("point"))
        return tuple(sorted((k, repr(v)) for k, v in q.items()))
    return q


def differing_qualifiers(fact: dict) -> tuple[str, ...]:
    """Qualifiers on which the claims of a contested fact disagree (claims without one are not counted).

    A base-year conflict ("up 11% from 2021" / "from 2020") has equal values: only these notes show
    readers where the sources part. Facts whose sources agree get none: there the differences in
    wording of a scope are noise.
    """
    if fact.get("verdict") not in CONTESTED:
        return ()
    out = []
    for name in QUALIFIERS:
        keys = {_qualifier_key((c.get("qualifiers") or {}).get(name)) for c in fact.get("claims") or []}
        keys.discard(None)
        if len(keys) > 1:
            out.append(name)
    return tuple(out)


def _qualifier_phrase(name: str, q: object) -> str:
    if isinstance(q, dict):
        shown = format_value(q)
        return {"base": f"from {shown}", "time_scope": f"in {shown}", "level_from": f"from {shown}",
                "level_to": f"to {shown}"}.get(name, shown)
    return {"every": f"every {q}", "place": f"in {q}", "among": f"among {q}", "of": f"of {q}"}.get(name, str(q))


def _written_in(text: str, q: object) -> bool:
    """Whether a date qualifier is already legible in the value as written ("agreed in October 2014")."""
    if not isinstance(q, dict) or q.get("type") != "date":
        return False
    parts = str(q.get("point") or "").split("-")
    if not parts[0] or not re.search(rf"(?<!\d){re.escape(parts[0])}(?!\d)", text):
        return False
    if len(parts) > 1 and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
        if _MONTHS[int(parts[1]) - 1][:3].lower() not in text.lower():
            return False
    if len(parts) > 2 and parts[2].isdigit():
        return bool(re.search(rf"(?<!\d)0?{int(parts[2])}(?!\d)", text))
    return True


def qualifier_note(claim: dict, names: tuple[str, ...]) -> str:
    """The claim's qualifiers among ``names`` as a short phrase ("from 2021; in 2022"), or "".

    A date the value as written already shows ("in 2014" after "agreed in 2014") is left out.
    """
    quals = claim.get("qualifiers") or {}
    text = claim.get("text") or ""
    return "; ".join(_qualifier_phrase(n, quals[n]) for n in names
                     if quals.get(n) is not None and not _written_in(text, quals[n]))


def claim_display(claim: dict, names: tuple[str, ...] = ()) -> str:
    """The value as written, followed by the qualifiers in ``names`` when the claim has them."""
    text = claim.get("text") or format_value(claim.get("value"))
    note = qualifier_note(claim, names)
    return f"{text} ({note})" if note else text


def claim_key(claim: dict, names: tuple[str, ...] = ()) -> tuple:
    """What two claims of a fact must share to say the same thing: the value and the qualifiers ``names``."""
    quals = claim.get("qualifiers") or {}
    return (value_key(claim.get("value")), tuple(_qualifier_key(quals.get(n)) for n in names))


def value_groups(fact: dict) -> list[ValueGroup]:
    """The fact's claims grouped by value and differing qualifiers; most documents first, then by id."""
    names = differing_qualifiers(fact)
    groups: dict[tuple, list[dict]] = {}
    for c in fact.get("claims") or []:
        groups.setdefault(claim_key(c, names), []).append(c)
    out = []
    for claims in groups.values():
        claims = sorted(claims, key=lambda c: (c.get("doc_id", ""), (c.get("span") or [0])[0]))
        docs = tuple(dict.fromkeys(c.get("doc_id", "") for c in claims))
        out.append(ValueGroup(shown=claim_display(claims[0], names), doc_ids=docs, claims=tuple(claims)))
    return sorted(out, key=lambda g: (-len(g.doc_ids), g.doc_ids))


def sorted_claims(fact: dict) -> list[dict]:
    """The fact's claims by document id, then by position in the document."""
    return sorted(fact.get("claims") or [], key=lambda c: (c.get("doc_id", ""), (c.get("span") or [0])[0]))


@dataclass(frozen=True, slots=True)
class Profile:
    """How one source fares against the others.

    ``comparisons`` counts (fact, other source) pairs where both state the fact; ``agreements`` those
    where the fact is consistent or the two state the same value; ``minority`` lists the labels of
    contested facts where this source's value is held by fewer sources than another value.
    """

    doc_id: str
    facts: int
    shared: int
    comparisons: int
    agreements: int
    minority: tuple[str, ...]
    removed: dict[str, int]

    @property
    def rate(self) -> float | None:
        return self.agreements / self.comparisons if self.comparisons else None


def profiles(d: dict) -> dict[str, Profile]:
    """A :class:`Profile` per usable document id, in the dict's document order."""
    stats: dict[str, dict] = {doc["id"]: {"facts": 0, "shared": 0, "cmp": 0, "agree": 0, "minority": []}
                              for doc in usable_documents(d)}
    for fact in ordered_facts(d):
        names = differing_qualifiers(fact)
        by_doc: dict[str, set] = {}
        for c in fact.get("claims") or []:
            by_doc.setdefault(c.get("doc_id", ""), set()).add(claim_key(c, names))
        consistent = fact.get("verdict") in CONSISTENT
        sizes = Counter(k for keys in by_doc.values() for k in keys)
        for doc_id, keys in by_doc.items():
            if doc_id not in stats:
                continue
            s = stats[doc_id]
            s["facts"] += 1
            others = [o for o in by_doc if o != doc_id]
            if not others:
                continue
            s["shared"] += 1
            for other in others:
                s["cmp"] += 1
                if consistent or keys & by_doc[other]:
                    s["agree"] += 1
            if fact.get("verdict") in CONTESTED:
                mine = max(sizes[k] for k in keys)
                best_other = max((n for k, n in sizes.items() if k not in keys), default=0)
                if mine < best_other:
                    s["minority"].append(fact.get("label") or fact.get("id", ""))
    out = {}
    docs = documents_by_id(d)
    for doc_id, s in stats.items():
        removed = Counter(r.get("reason", "") for r in docs[doc_id].get("removed") or [])
        out[doc_id] = Profile(doc_id=doc_id, facts=s["facts"], shared=s["shared"], comparisons=s["cmp"],
                              agreements=s["agree"], minority=tuple(s["minority"]),
                              removed=dict(sorted(removed.items())))
    return out


def clip(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters plus an ellipsis when cut."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    cut = head.rsplit(" ", 1)[0] if " " in head else head
    return cut.rstrip(" ,;:") + "…"


def split_reuse(d: dict) -> tuple[list[dict], list[tuple[str, str]]]:
    """Reuse relations worth a row (not ``independent``), and the independent pairs as (source, target)."""
    rows, independent = [], []
    for r in d.get("reuse") or []:
        if r.get("relation") == "independent":
            independent.append((r.get("source", ""), r.get("target", "")))
        else:
            rows.append(r)
    return rows, independent


_REUSE_VERBS = {
    # relation: (directed "target ... source", undirected "a and b ...")
    "duplicate": ("duplicates", "are duplicates"),
    "paraphrase": ("paraphrases", "paraphrase each other"),
    "shares-passages": ("shares passages with", "share passages"),
}


def reuse_phrases(d: dict, labels: dict[str, str]) -> list[str]:
    """One short sentence per non-independent reuse relation ("001 paraphrases 000"), in the dict's order."""
    out = []
    for r in split_reuse(d)[0]:
        src = labels.get(r.get("source", ""), r.get("source", ""))
        tgt = labels.get(r.get("target", ""), r.get("target", ""))
        relation = r.get("relation") or "related"
        directed, undirected = _REUSE_VERBS.get(relation, (f"is {relation} to", f"are {relation}"))
        out.append(f"{tgt} {directed} {src}" if r.get("directed") else f"{src} and {tgt} {undirected}")
    return out


def altered_note(fact: dict, labels: dict[str, str]) -> str:
    """Which copies changed this fact ("001 changed it in its copy of 000; ..."), or "" when none did."""
    pairs = []
    for pair in fact.get("altered_in") or []:
        if isinstance(pair, (list, tuple)) and len(pair) == 2:
            src, tgt = labels.get(pair[0], pair[0]), labels.get(pair[1], pair[1])
            pairs.append(f"{tgt} changed it in its copy of {src}")
    return "; ".join(pairs)


def document_notes(doc: dict) -> list[str]:
    """What a reader should know about one document besides its text: its author, the reader's warnings."""
    notes = [f"by {doc['author']}"] if doc.get("author") else []
    return notes + [str(w) for w in doc.get("warnings") or []]


def percent(x: float | None) -> str:
    """A share as a whole percentage ("87%"), or "—" when there is nothing to compare."""
    return "—" if x is None else f"{round(100 * x)}%"


def verdict_counts(d: dict) -> list[tuple[str, int]]:
    """(verdict, number of facts) in verdict order, leaving out verdicts with no fact."""
    counts = Counter(f.get("verdict", "") for f in d.get("facts") or [])
    return [(v, counts[v]) for v in sorted(counts, key=verdict_rank) if counts[v]]


def fact_labels(d: dict) -> dict[str, str]:
    """Fact id -> label, for naming facts referred to by id (reuse "altered", timeline)."""
    return {f["id"]: f.get("label") or f["id"] for f in d.get("facts") or []}
