"""The HTML view: one self-contained, offline, printable dossier page rendered from the report dict.

Owns the HTML layout of a report (the JSON contract): the story, the ranked conflicts with every
source's sentence, the fact × source grid whose cells link to the sentence in its document, the other
facts, the timeline, the reuse list and matrix, a profile per source, each document's clean text with
the claims highlighted and the removed lines, and the skipped inputs.

Safety: every piece of input text goes through :func:`html.escape` (quotes too); only ``http``/``https``
URLs become links; the page carries a Content-Security-Policy that allows nothing but its own inline
style and script, pinned by SHA-256 hash, so even a missed escape could not run a script or load a
resource. The CSS and JS live in ``render/assets`` and are inlined; no JSON is embedded.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache
from html import escape

from ..model import VERDICTS
from ._common import (
    altered_note,
    claim_display,
    clip,
    consensus_note,
    date_range_text,
    differing_qualifiers,
    doc_labels,
    document_notes,
    fact_labels,
    highlight,
    human_date,
    ordered_facts,
    percent,
    profiles,
    relabel,
    reuse_phrases,
    sanitize,
    sorted_claims,
    split_reuse,
    story,
    usable_documents,
    value_groups,
    verdict_counts,
)

__all__ = ["render_html", "content_security_policy"]

#: The reuse relations of the contract; anything else is shown but not styled.
REUSE_RELATIONS = ("duplicate", "paraphrase", "shares-passages", "independent")

#: What each verdict means, shown in the legend at the top of the page.
VERDICT_MEANING = {
    "conflict": "cannot both be true",
    "divergent": "possible together, but the sources point at different figures or wordings",
    "updated": "a running figure revised by a later report",
    "compatible": "consistent once hedges and rounding are honoured",
    "agree": "the same value",
    "single-source": "stated by one source only",
}

#: Above this many cells the grid keeps only the more alarming rows (see :func:`_grid_rows`): it grows as
#: facts × sources, so a story of hundreds of reports would otherwise make a page of tens of megabytes.
GRID_MAX_CELLS = 100_000
#: Longer values (quotes, event phrases) are cut in grid cells; the link leads to the whole sentence.
GRID_CELL_CHARS = 60
#: Values in the Other facts table are cut here; the documents section has every sentence whole.
FACT_VALUE_CHARS = 200

_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_SAFE_URL = re.compile(r"^https?://[^\s<>\"'`]+$", re.IGNORECASE)


def _e(text: object) -> str:
    """Escape any input value for text and attribute context alike."""
    return escape("" if text is None else str(text), quote=True)


def _vclass(verdict: str | None) -> str:
    """A CSS class from the closed verdict vocabulary, never from input text."""
    return f"v-{verdict}" if verdict in VERDICTS else "v-unknown"


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str]:
    from importlib.resources import files

    base = files("consilience.render") / "assets"
    return ((base / "report.css").read_text(encoding="utf-8"), (base / "report.js").read_text(encoding="utf-8"))


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy() -> str:
    """The page's CSP: nothing allowed but the inline style and script it ships, pinned by hash."""
    css, js = _assets()
    return (f"default-src 'none'; style-src {_sha256(css)}; script-src {_sha256(js)}; "
            "base-uri 'none'; form-action 'none'")


class _Ids:
    """Stable element ids for facts, claims, sentences and documents: input ids never reach the markup."""

    def __init__(self, d: dict, facts: list[dict]) -> None:
        self.fact = {f["id"]: f"f-{i}" for i, f in enumerate(facts, 1)}
        self.doc = {doc["id"]: f"d-{i}" for i, doc in enumerate(d.get("documents") or [], 1)}
        # Keyed by the claim dict itself (its id()), not its "id" field: nothing in the contract promises
        # that field is unique across facts, and a duplicate would send two links to one mark.
        self.claim: dict[int, str] = {}
        for f in facts:
            for c in sorted_claims(f):
                self.claim[id(c)] = f"c-{len(self.claim) + 1}"
        self.sentence: dict[tuple[str, int, int], str] = {}

    def sentence_id(self, doc_id: str, start: int, end: int) -> str:
        key = (doc_id, start, end)
        if key not in self.sentence:
            self.sentence[key] = f"s-{len(self.sentence) + 1}"
        return self.sentence[key]


def _valid_span(span: object, length: int) -> tuple[int, int] | None:
    if (isinstance(span, (list, tuple)) and len(span) == 2 and all(isinstance(x, int) for x in span)
            and 0 <= span[0] <= span[1] <= length):
        return span[0], span[1]
    return None


def _sentence_html(claim: dict) -> str:
    before, value, after = highlight(claim)
    if not value:
        return _e(before)
    return f"{_e(before)}<mark>{_e(value)}</mark>{_e(after)}"


def _doc_link(ids: _Ids, labels: dict[str, str], doc_id: str) -> str:
    anchor = ids.doc.get(doc_id)
    name = _e(labels.get(doc_id, doc_id))
    return f'<a href="#{anchor}">{name}</a>' if anchor else name


def render_html(d: dict) -> str:
    """The report dict as one self-contained HTML page (UTF-8 text, no external resource)."""
    d = sanitize(d)
    css, js = _assets()
    facts = ordered_facts(d)
    ids = _Ids(d, facts)
    labels = doc_labels(d)
    s = story(d)
    placed = _placed_claims(d, facts, ids)
    conflicts = [f for f in facts if f.get("verdict") == "conflict"]
    others = [f for f in facts if f.get("verdict") != "conflict"]
    skipped = [doc for doc in d.get("documents") or [] if doc.get("skipped")]

    sections = [("conflicts", f"Conflicts ({len(conflicts)})")]
    if facts:
        sections += [("grid", "Facts × sources")]
    if others:
        sections += [("facts", f"Other facts ({len(others)})")]
    if d.get("timeline"):
        sections += [("timeline", "Timeline")]
    if d.get("reuse"):
        sections += [("reuse", "Who copied whom")]
    sections += [("sources", "Sources"), ("documents", "Documents")]
    if skipped:
        sections += [("skipped", f"Skipped inputs ({len(skipped)})")]

    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_e(content_security_policy())}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="color-scheme" content="light dark">',
        f"<title>{_e(s.title)} — consilience report</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
        '<a class="skip" href="#conflicts">Skip to the conflicts</a>',
        "<header>",
        f"<h1>{_e(s.title)}</h1>",
    ]
    meta = [f"{s.sources} source{'s' if s.sources != 1 else ''}", _e(date_range_text(s.first, s.last))]
    if s.skipped:
        meta.append(f'<a href="#skipped">{s.skipped} input{"s" if s.skipped != 1 else ""} skipped</a>')
    out.append(f'<p class="meta">{" · ".join(meta)}</p>')
    copies = reuse_phrases(d, labels)
    if copies:
        out.append(f'<p class="meta"><a href="#reuse">Reuse</a>: {_e("; ".join(copies))}</p>')
    counts = verdict_counts(d)
    if counts:
        out.append('<ul class="counts" aria-label="Facts by verdict">')
        out += [f'<li><span class="badge {_vclass(v)}">{n} {_e(v)}</span></li>' for v, n in counts]
        out.append("</ul>")
    # Folded by default: on a phone the legend would push the first conflict off the screen.
    out.append('<details class="legend-box"><summary>What the verdicts mean</summary><ul class="legend">')
    out += [f'<li><span class="badge {_vclass(v)}">{v}</span> {_e(m)}</li>' for v, m in VERDICT_MEANING.items()]
    out.append("</ul></details>")
    out.append('<nav aria-label="Sections"><ul>')
    out += [f'<li><a href="#{key}">{_e(title)}</a></li>' for key, title in sections]
    out += ["</ul></nav>", "</header>", "<main>"]

    out += _conflicts(conflicts, ids, labels, placed)
    if facts:
        out += _grid(d, facts, ids, labels, placed)
    if others:
        out += _other_facts(others, ids, labels)
    if d.get("timeline"):
        out += _timeline(d, ids, labels)
    if d.get("reuse"):
        out += _reuse(d, ids, labels)
    out += _sources(d, ids, labels)
    out += _documents(d, facts, ids, labels, placed)
    if skipped:
        out += _skipped(skipped)
    out.append("</main>")
    versions = (d.get("stats") or {}).get("versions") or {}
    footer = "Made with consilience"
    if isinstance(versions, dict) and versions:
        footer += " · versions: " + ", ".join(f"{_e(k)} {_e(v)}" for k, v in sorted(versions.items()))
    footer += f" · schema {_e(d.get('schema_version', ''))}"
    out += [f"<footer><p>{footer}</p></footer>", f"<script>{js}</script>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def _placed_claims(d: dict, facts: list[dict], ids: _Ids) -> set[str]:
    """Element ids of the claims whose spans fit their document: only those can be linked to."""
    lengths = {doc["id"]: len(doc.get("text") or "") for doc in d.get("documents") or []}
    placed = set()
    for f in facts:
        for c in sorted_claims(f):
            n = lengths.get(c.get("doc_id", ""))
            if n is not None and _valid_span(c.get("span"), n):
                placed.add(ids.claim[id(c)])
    return placed


def _section(key: str, title: str, intro: str | None = None) -> list[str]:
    out = [f'<section id="{key}" aria-labelledby="h-{key}">', f'<h2 id="h-{key}">{title}</h2>']
    if intro:
        out.append(f'<p class="note">{intro}</p>')
    return out


def _conflicts(conflicts: list[dict], ids: _Ids, labels: dict[str, str], placed: set[str]) -> list[str]:
    out = _section("conflicts", f"Conflicts ({len(conflicts)})",
                   "Values that cannot both be true, most serious first, with each source's own sentence.")
    if not conflicts:
        out += ["<p>No conflicts: no two sources state values that cannot both be true.</p>", "</section>"]
        return out
    out.append('<ol class="conflicts">')
    for rank, fact in enumerate(conflicts, 1):
        fid = ids.fact[fact["id"]]
        out.append(f'<li><article class="conflict v-conflict" id="{fid}" aria-labelledby="{fid}-h">')
        out.append(f'<h3 id="{fid}-h"><span class="rank">{rank}.</span> {_e(fact.get("label") or fact["id"])}'
                   f' <span class="score">score {float(fact.get("score") or 0):.2f}</span></h3>')
        if fact.get("explanation"):
            out.append(f'<p class="explanation">{_e(relabel(fact["explanation"], labels))}</p>')
        if altered_note(fact, labels):
            out.append(f'<p class="altered">Changed in a copy: {_e(altered_note(fact, labels))}.</p>')
        out.append('<div class="sides">')
        for j, group in enumerate(value_groups(fact)):
            if j:
                out.append('<div class="vs" aria-hidden="true">vs</div>')
            who = ", ".join(_doc_link(ids, labels, x) for x in group.doc_ids)
            out.append(f'<div class="side"><p class="value">{_e(group.shown)}</p><p class="who">{who}</p></div>')
        out.append("</div>")
        out.append('<ul class="said">')
        for c in sorted_claims(fact):
            cid = ids.claim[id(c)]
            doc_id = c.get("doc_id", "")
            name = _e(labels.get(doc_id, doc_id))
            # Screen readers list links out of context: say whose document each one opens.
            goto = (f' <a class="goto" href="#{cid}">in the document<span class="sr"> of {name}</span></a>'
                    if cid in placed else "")
            out.append(f'<li><span class="src">{name}</span>: '
                       f'<q>{_sentence_html(c)}</q>{goto}</li>')
        out += ["</ul>", "</article></li>"]
    out += ["</ol>", "</section>"]
    return out


def _grid(d: dict, facts: list[dict], ids: _Ids, labels: dict[str, str], placed: set[str]) -> list[str]:
    usable = usable_documents(d)
    rows, left_out = _grid_rows(facts, len(usable))
    out = _section("grid", "Facts × sources",
                   "A row per fact, a column per source: each cell is the value as the source wrote it, "
                   "coloured by the fact's verdict; a dashed cell differs from most sources. "
                   "Select a cell to see its sentence in the document.")
    if left_out:
        out.append(f'<p class="note">With {len(usable)} sources the grid shows only {left_out}; '
                   'the rest are listed under Other facts.</p>')
    # Shown by the script only: without it the box could not do anything.
    out.append('<p class="filter" hidden><label for="fact-filter">Filter facts by name or value</label> '
               '<input id="fact-filter" type="search" autocomplete="off" spellcheck="false"></p>')
    # Facts from one source only fill most of the rows and compare nothing: they get their own folded table.
    shared = [f for f in rows if len({c.get("doc_id") for c in f.get("claims") or []}) > 1]
    single = [f for f in rows if len({c.get("doc_id") for c in f.get("claims") or []}) <= 1]
    if shared:
        out += _grid_table(shared, usable, ids, labels, placed, "h-grid")
    if single:
        out.append(f'<details class="more"><summary id="h-grid-single">Facts stated by one source only '
                   f'({len(single)})</summary>')
        out += _grid_table(single, usable, ids, labels, placed, "h-grid-single")
        out.append("</details>")
    out.append("</section>")
    return out


def _grid_table(rows: list[dict], usable: list[dict], ids: _Ids, labels: dict[str, str], placed: set[str],
                label_id: str) -> list[str]:
    out = [f'<div class="scroll" role="region" aria-labelledby="{label_id}" tabindex="0">',
           '<table class="grid"><thead><tr><th scope="col">Fact</th><th scope="col">Verdict</th>']
    out += [f'<th scope="col">{_e(labels.get(doc["id"], doc["id"]))}</th>' for doc in usable]
    out.append("</tr></thead><tbody>")
    for fact in rows:
        verdict = fact.get("verdict")
        vc = _vclass(verdict)
        groups = value_groups(fact)
        names = differing_qualifiers(fact)
        # Only a contested fact with a clear majority value has odd ones out: in a one-against-one
        # split neither side is the reference.
        clear = len(groups) > 1 and len(groups[0].doc_ids) > len(groups[1].doc_ids)
        common = set(groups[0].doc_ids) if clear and verdict in ("conflict", "divergent") else None
        by_doc: dict[str, list[dict]] = {}
        for c in sorted_claims(fact):
            by_doc.setdefault(c.get("doc_id", ""), []).append(c)
        row = [f'<tr class="{vc}"><th scope="row"><a href="#{ids.fact[fact["id"]]}">'
               f'{_e(fact.get("label") or fact["id"])}</a></th>',
               f'<td><span class="badge {vc}">{_e(verdict)}</span></td>']
        for doc in usable:
            claims = by_doc.get(doc["id"])
            if not claims:
                # Kept minimal: a large grid is mostly empty cells (CSS draws the dot).
                row.append("<td></td>")
                continue
            odd = common is not None and doc["id"] not in common
            links = []
            for c in claims:
                cid = ids.claim[id(c)]
                full = claim_display(c, names)
                shown = clip(full, GRID_CELL_CHARS)
                title = f' title="{_e(full)}"' if shown != full else ""
                text = _e(shown)
                link = f'<a href="#{cid}" data-claim="{cid}"{title}>{text}</a>' if cid in placed else text
                if fact.get("current") and c.get("id") == fact["current"]:
                    link += ' <span class="note">(latest)</span>'
                links.append(link)
            note = '<span class="sr"> (differs from most sources)</span>' if odd else ""
            row.append(f'<td class="cell {vc}{" odd" if odd else ""}">{"<br>".join(links)}{note}</td>')
        row.append("</tr>")
        out.append("".join(row))
    out += ["</tbody></table>", "</div>"]
    return out


def _grid_rows(facts: list[dict], sources: int) -> tuple[list[dict], str]:
    """The facts the grid shows, and which kind it kept when it had to drop some to stay small."""
    if len(facts) * sources <= GRID_MAX_CELLS:
        return facts, ""
    contested = [f for f in facts if f.get("verdict") in ("conflict", "divergent", "updated")]
    if len(contested) * sources <= GRID_MAX_CELLS:
        return contested, "the conflicting, divergent and updated facts"
    conflicts = [f for f in facts if f.get("verdict") == "conflict"]
    return conflicts[: max(1, GRID_MAX_CELLS // max(1, sources))], "the most serious conflicts"


def _other_facts(facts: list[dict], ids: _Ids, labels: dict[str, str]) -> list[str]:
    out = _section("facts", f"Other facts ({len(facts)})",
                   "Divergent and updated facts first, then compatible, agreeing and single-source ones.")
    out.append('<div class="scroll" role="region" aria-labelledby="h-facts" tabindex="0">')
    out.append('<table><thead><tr><th scope="col">Fact</th><th scope="col">Verdict</th>'
               '<th scope="col">Values</th><th scope="col">Explanation</th></tr></thead><tbody>')
    for fact in facts:
        verdict = fact.get("verdict")
        values = []
        for g in value_groups(fact):
            latest = " <em>(latest)</em>" if fact.get("current") and any(
                c.get("id") == fact["current"] for c in g.claims) else ""
            who = ", ".join(_doc_link(ids, labels, x) for x in g.doc_ids)
            values.append(f"<strong>{_e(clip(g.shown, FACT_VALUE_CHARS))}</strong> ({who}){latest}")
        if consensus_note(fact):
            values.append(f'<span class="note">consensus: {_e(consensus_note(fact))}</span>')
        out.append(f'<tr id="{ids.fact[fact["id"]]}"><th scope="row">{_e(fact.get("label") or fact["id"])}</th>'
                   f'<td><span class="badge {_vclass(verdict)}">{_e(verdict)}</span></td>'
                   f'<td>{"<br>".join(values)}</td><td>{_e(relabel(fact.get("explanation"), labels))}</td></tr>')
    out += ["</tbody></table>", "</div>", "</section>"]
    return out


def _timeline(d: dict, ids: _Ids, labels: dict[str, str]) -> list[str]:
    out = _section("timeline", "Timeline", "Dated events from every source, merged, at the precision each gives.")
    out.append('<ol class="timeline">')
    for e in d.get("timeline") or []:
        date = e.get("date") or ""
        shown = _e(date_range_text(date, e.get("end") or date) if date else "undated")
        if _ISO_DATE.match(date):
            when = f'<time datetime="{_e(date)}">{shown}</time>'
        else:
            when = f'<span class="when">{shown}</span>'
        bits = [when, f'<span class="gran">{_e(e.get("granularity") or "")}</span>', _e(e.get("label"))]
        if e.get("conflict"):
            bits.append('<span class="contested">contested</span>')
        srcs = ", ".join(_doc_link(ids, labels, x) for x in e.get("doc_ids") or [])
        if srcs:
            bits.append(f"— {srcs}")
        if e.get("fact_id") in ids.fact:
            bits.append(f'<a href="#{ids.fact[e["fact_id"]]}">the fact</a>')
        cls = ' class="v-conflict"' if e.get("conflict") else ""
        out.append(f"<li{cls}>{' '.join(bits)}</li>")
    out += ["</ol>", "</section>"]
    return out


def _reuse(d: dict, ids: _Ids, labels: dict[str, str]) -> list[str]:
    names = fact_labels(d)
    relations, independent = split_reuse(d)
    out = _section("reuse", "Who copied whom",
                   "Each row: a later text that reuses an earlier one, how much, and which facts changed on the way.")
    if relations:
        out.append('<div class="scroll" role="region" aria-labelledby="h-reuse" tabindex="0">')
        out.append('<table><thead><tr><th scope="col">Original</th><th scope="col">Copy</th>'
                   '<th scope="col">Relation</th><th scope="col">Similarity</th><th scope="col">Shared share</th>'
                   '<th scope="col">Altered facts</th><th scope="col">Why</th></tr></thead><tbody>')
    else:
        out.append("<p>No source reuses another.</p>")
    for r in relations:
        src, tgt = r.get("source", ""), r.get("target", "")
        arrow = "→" if r.get("directed") else '↔ <span class="note">(direction unknown)</span>'
        coverage = r.get("coverage") or {}
        cov = ", ".join(f"{_e(labels.get(k, k))} {percent(float(v))}" for k, v in sorted(coverage.items())
                        if isinstance(v, (int, float)))
        altered = ", ".join(
            f'<a href="#{ids.fact[f]}">{_e(names.get(f, f))}</a>' if f in ids.fact else _e(f)
            for f in r.get("altered") or []) or "—"
        why = _e(relabel(r.get("why"), labels))
        out.append(f"<tr><td>{_doc_link(ids, labels, src)}</td><td>{arrow} {_doc_link(ids, labels, tgt)}</td>"
                   f"<td>{_e(r.get('relation'))}</td><td class=\"num\">{float(r.get('similarity') or 0):.2f}</td>"
                   f"<td>{cov or '—'}</td><td>{altered}</td><td>{why}</td></tr>")
    if relations:
        out += ["</tbody></table>", "</div>"]
    if independent:
        apart = ", ".join(f"{_doc_link(ids, labels, a)} – {_doc_link(ids, labels, b)}" for a, b in independent)
        out.append(f'<p class="note">Independent of each other: {apart}</p>')
    out += _reuse_matrix(d, labels)
    out.append("</section>")
    return out


def _reuse_matrix(d: dict, labels: dict[str, str]) -> list[str]:
    """Copies down the side, originals across the top; an undirected relation appears in both cells."""
    usable = [doc["id"] for doc in usable_documents(d)]
    cells: dict[tuple[str, str], str] = {}
    for r in d.get("reuse") or []:
        src, tgt = r.get("source", ""), r.get("target", "")
        relation = r.get("relation")
        cls = f"r-{relation}" if relation in REUSE_RELATIONS else "r-unknown"
        text = f'<td class="{cls}">{_e(relation)} {float(r.get("similarity") or 0):.2f}</td>'
        cells[(tgt, src)] = text
        if not r.get("directed"):
            cells.setdefault((src, tgt), text)
    out = ['<h3 id="h-matrix">Reuse matrix</h3>',
           '<p class="note">A row per text, a column per text it may reuse; an undirected relation fills both '
           'cells.</p>',
           '<div class="scroll" role="region" aria-labelledby="h-matrix" tabindex="0">',
           '<table class="matrix"><thead><tr><td></td>']
    out += [f'<th scope="col">from {_e(labels.get(x, x))}</th>' for x in usable]
    out.append("</tr></thead><tbody>")
    for row in usable:
        cols = "".join(cells.get((row, col), "<td>—</td>" if row != col else "<td></td>") for col in usable)
        out.append(f'<tr><th scope="row">{_e(labels.get(row, row))}</th>{cols}</tr>')
    out += ["</tbody></table>", "</div>"]
    return out


def _sources(d: dict, ids: _Ids, labels: dict[str, str]) -> list[str]:
    profs = profiles(d)
    out = _section("sources", "Sources",
                   "How often each source agrees with the others on the facts they share, and what was removed "
                   "from it as site chrome.")
    out.append('<div class="scroll" role="region" aria-labelledby="h-sources" tabindex="0">')
    out.append('<table><thead><tr><th scope="col">Source</th><th scope="col">Title</th><th scope="col">Published</th>'
               '<th scope="col">Agrees with others</th><th scope="col">In the minority on</th>'
               '<th scope="col">Removed as chrome</th></tr></thead><tbody>')
    for doc in usable_documents(d):
        p = profs[doc["id"]]
        pub = doc.get("published") or {}
        published = _e(human_date(pub.get("date"))) if pub.get("date") else "undated"
        published += f' <span class="note">({_e(pub.get("how") or "unknown")})</span>'
        if pub.get("why"):
            published += f'<br><span class="note">{_e(relabel(pub["why"], labels))}</span>'
        if p.rate is None:
            agrees = "—"
        else:
            agrees = (f'<span class="bar" aria-hidden="true"><span class="w{round(p.rate * 10)}"></span></span> '
                      f"{percent(p.rate)} <span class=\"note\">of {p.comparisons}</span>")
        removed = "<br>".join(f"{_e(reason)} ×{n}" for reason, n in p.removed.items()) or "none"
        url = doc.get("url")
        link = (f'<br><a href="{_e(url)}" rel="noopener noreferrer nofollow">{_e(url)}</a>'
                if url and _SAFE_URL.match(url) else (f'<br><span class="note">{_e(url)}</span>' if url else ""))
        name = f'{_doc_link(ids, labels, doc["id"])}<br><span class="docid">{_e(doc["id"])}</span>'
        notes = "".join(f'<br><span class="note">{_e(n)}</span>' for n in document_notes(doc))
        out.append(f'<tr><th scope="row">{name}</th>'
                   f'<td>{_e(doc.get("title") or "—")}{notes}{link}</td><td>{published}</td><td>{agrees}</td>'
                   f'<td>{"; ".join(_e(x) for x in p.minority) or "—"}</td><td>{removed}</td></tr>')
    out += ["</tbody></table>", "</div>", "</section>"]
    return out


def _documents(d: dict, facts: list[dict], ids: _Ids, labels: dict[str, str], placed: set[str]) -> list[str]:
    by_doc: dict[str, list[tuple[str, str, dict]]] = {}
    for f in facts:
        for c in sorted_claims(f):
            cid = ids.claim[id(c)]
            if cid in placed:
                by_doc.setdefault(c.get("doc_id", ""), []).append((cid, f.get("verdict") or "", c))
    copies = _aligned_passages(d, labels)
    out = _section("documents", "Documents",
                   "Each document's clean text with the checked values highlighted, and the lines removed as "
                   "site chrome with the reason. A dotted underline marks a passage aligned with another "
                   "document (see Who copied whom).")
    for doc in usable_documents(d):
        did = ids.doc[doc["id"]]
        title = f" — {_e(doc['title'])}" if doc.get("title") else ""
        date = (doc.get("published") or {}).get("date")
        if date:
            title += f' <span class="note">({_e(human_date(date))})</span>'
        out.append(f'<details class="doc" id="{did}"><summary><span class="src">{_e(labels.get(doc["id"], doc["id"]))}'
                   f'</span> <span class="docid">{_e(doc["id"])}</span>{title}</summary><div class="doc-body">')
        marked = _marked_text(doc, by_doc.get(doc["id"], []), ids, copies.get(doc["id"], []))
        out.append(f'<div class="text">{marked}</div>')
        removed = sorted(doc.get("removed") or [], key=lambda r: (r.get("start") or 0, r.get("text") or ""))
        if removed:
            out.append(f'<details class="removed"><summary>Removed as chrome ({len(removed)} '
                       f'line{"s" if len(removed) != 1 else ""})</summary><ul class="removed-lines">')
            out += [f'<li><span class="reason">{_e(r.get("reason"))}</span> {_e(r.get("text"))}</li>' for r in removed]
            out.append("</ul></details>")
        out.append("</div></details>")
    out.append("</section>")
    return out


def _aligned_passages(d: dict, labels: dict[str, str]) -> dict[str, list[tuple[int, int, str]]]:
    """Per document, the spans of its sentences aligned with another document by a reuse relation."""
    out: dict[str, list[tuple[int, int, str]]] = {}
    for r in split_reuse(d)[0]:
        src, tgt = r.get("source", ""), r.get("target", "")
        relation = r.get("relation") or "reuse"
        for pair in r.get("pairs") or []:
            for doc_id, span, other in ((tgt, pair.get("target_span"), src), (src, pair.get("source_span"), tgt)):
                if isinstance(span, (list, tuple)) and len(span) == 2:
                    out.setdefault(doc_id, []).append(
                        (span[0], span[1], f"aligned with {labels.get(other, other)} ({relation})"))
    return {k: sorted(set(v)) for k, v in out.items()}


def _marked_text(doc: dict, claims: list[tuple[str, str, dict]], ids: _Ids,
                 copies: list[tuple[int, int, str]] = ()) -> str:
    """The clean text escaped, cut at every span boundary; each piece wrapped by the spans covering it.

    Sentences become ``<span class="s" data-s>``, values ``<mark data-c>`` and passages aligned with
    another document (``copies``: start, end, note) ``<span class="copy">``; a span that is cut in
    pieces keeps its element id on its first piece only, so ids stay unique however spans overlap.
    """
    text = doc.get("text") or ""
    n = len(text)
    copies = [(a, b, note) for a, b, note in copies if _valid_span([a, b], n) and a < b]
    marks: list[tuple[int, int, str, str]] = []  # (start, end, claim element id, verdict)
    sentences: list[tuple[int, int, str]] = []
    for cid, verdict, c in claims:
        span = _valid_span(c.get("span"), n)
        if span is None:
            continue
        marks.append((span[0], span[1], cid, verdict))
        sspan = _valid_span(c.get("sentence_span"), n)
        if sspan and sspan[0] <= span[0] and span[1] <= sspan[1]:
            sentences.append((sspan[0], sspan[1], ids.sentence_id(doc["id"], *sspan)))
    sentences = sorted(set(sentences))
    cuts = sorted({0, n, *(x for m in marks for x in m[:2]), *(x for s in sentences for x in s[:2]),
                   *(x for c in copies for x in c[:2])})
    first_mark = {}
    for start, _end, cid, _v in sorted(marks):
        first_mark.setdefault(start, []).append(cid)
    seen_s: set[str] = set()
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        # Empty claims (start == end) still need their anchor so links to them land somewhere.
        for cid in first_mark.get(a, []):
            if any(m[2] == cid and m[0] == m[1] for m in marks):
                out.append(f'<span id="{cid}" data-c="{cid}"></span>')
        if a == b:
            continue
        piece = _e(text[a:b])
        active = [m for m in marks if m[0] <= a and b <= m[1] and m[0] < m[1]]
        if active:
            cids = [m[2] for m in active]
            starting = [m[2] for m in active if m[0] == a]
            worst = min((m[3] for m in active), key=lambda v: VERDICTS.index(v) if v in VERDICTS else len(VERDICTS))
            id_attr = f' id="{starting[0]}" tabindex="-1"' if starting else ""
            extra = "".join(f'<span id="{x}"></span>' for x in starting[1:])
            piece = f'{extra}<mark class="{_vclass(worst)}"{id_attr} data-c="{" ".join(cids)}">{piece}</mark>'
        sents = [s for s in sentences if s[0] <= a and b <= s[1]]
        if sents:
            sid = sents[0][2]
            id_attr = "" if sid in seen_s else f' id="{sid}"'
            seen_s.add(sid)
            piece = f'<span class="s"{id_attr} data-s="{" ".join(s[2] for s in sents)}">{piece}</span>'
        notes = list(dict.fromkeys(c[2] for c in copies if c[0] <= a and b <= c[1]))
        if notes:
            piece = f'<span class="copy" title="{_e("; ".join(notes))}">{piece}</span>'
        out.append(piece)
    return "".join(out)


def _skipped(skipped: Iterable[dict]) -> list[str]:
    out = _section("skipped", "Skipped inputs", "Inputs that could not be used, each with the reason.")
    out.append("<ul>")
    out += [f'<li><span class="docid">{_e(doc.get("origin") or doc["id"])}</span>: {_e(doc.get("skipped"))}</li>'
            for doc in skipped]
    out += ["</ul>", "</section>"]
    return out
