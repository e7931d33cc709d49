"""The Markdown view: the report as GitHub-flavoured Markdown, for pasting into an issue or a wiki.

Owns the Markdown layout of a report dict (the JSON contract): the story, the conflicts with every
source's sentence and the value in bold, the fact × source grid, the other facts, reuse, timeline,
source profiles, removed lines and skipped inputs. Every piece of input text goes through
:func:`md_escape`, so an article can neither inject HTML nor break a table.
"""

from __future__ import annotations

import re

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

__all__ = ["render_markdown", "md_escape", "GRID_MAX_SOURCES"]

#: The fact × source grid is written only up to this many sources; wider tables are unreadable in Markdown.
GRID_MAX_SOURCES = 12
#: Longer values (quotes, event phrases) are cut in grid cells; the conflicts show them whole.
GRID_CELL_CHARS = 60

# Characters that start Markdown syntax anywhere in a line (`$` opens maths on GitHub); `<`, `>` and
# `&` become entities instead, so raw HTML in an article is shown, never rendered.
_INLINE = re.compile(r"([\\`*\[\]|~#!$])")
# GitHub never reads an underscore between two letters or digits as emphasis ("01_wire" stays as is).
_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])|^(\s*)([-+=>])")
_URL_SAFE = re.compile(r"^https?://[^\s<>\"'`]+$", re.IGNORECASE)


def md_escape(text: str | None) -> str:
    """``text`` as inert Markdown on one line: syntax characters escaped, HTML shown as text."""
    if not text:
        return ""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text)
    text = _UNDERSCORE.sub(r"\\_", text)
    # A leading "1." or "-" would turn a paragraph into a list.
    return _LINE_START.sub(lambda m: (m.group(1) or m.group(4) or "") + (
        f"{m.group(2)}\\{m.group(3)}" if m.group(2) else f"\\{m.group(5)}"), text)


def _bold(text: str) -> str:
    """Bold around escaped text; leading and trailing spaces stay outside, where Markdown wants them."""
    core = text.strip()
    if not core:
        return text
    i = text.index(core)
    return f"{text[:i]}**{core}**{text[i + len(core):]}"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(c if c else " " for c in cells) + " |"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return [_row(header), _row(["---"] * len(header)), *(_row(r) for r in rows)]


def _sentence(claim: dict) -> str:
    """The claim's sentence, escaped, with the value as written in bold."""
    before, value, after = highlight(claim)
    if not value:
        return md_escape(before)
    head, tail = md_escape(before), md_escape(after)
    # md_escape trims; the spaces around the value must survive or the words run together.
    if head and before[-1:].isspace():
        head += " "
    if tail and after[:1].isspace():
        tail = " " + tail
    return head + _bold(md_escape(value)) + tail


def _link(url: str | None) -> str:
    if url and _URL_SAFE.match(url):
        return f"<{url}>"
    return md_escape(url) if url else "—"


def render_markdown(d: dict) -> str:
    """The report dict as Markdown: conflicts first, then the grid, facts, reuse, timeline and sources."""
    d = sanitize(d)
    labels = doc_labels(d)
    names = {k: md_escape(v) for k, v in labels.items()}
    facts = ordered_facts(d)
    out = _header(d, labels)
    out += _conflicts([f for f in facts if f.get("verdict") == "conflict"], labels, names)
    out += _grid(d, facts, names)
    out += _other_facts([f for f in facts if f.get("verdict") != "conflict"], labels, names)
    if d.get("reuse"):
        out += _reuse(d, labels, names)
    if d.get("timeline"):
        out += _timeline(d, names)
    out += _sources(d, labels, names)
    skipped = [doc for doc in d.get("documents") or [] if doc.get("skipped")]
    if skipped:
        out += [f"## Skipped inputs ({len(skipped)})", ""]
        out += _table(["Input", "Why"], [[md_escape(doc.get("origin") or doc["id"]), md_escape(doc.get("skipped"))]
                                          for doc in skipped]) + [""]
    return "\n".join(out).rstrip("\n") + "\n"


def _sources_of(group_doc_ids: tuple[str, ...], names: dict[str, str]) -> str:
    return ", ".join(names.get(x, md_escape(x)) for x in group_doc_ids)


def _header(d: dict, labels: dict[str, str]) -> list[str]:
    s = story(d)
    out = [f"# {md_escape(s.title)}", ""]
    bits = [f"**{s.sources} source{'s' if s.sources != 1 else ''}**", date_range_text(s.first, s.last)]
    counts = verdict_counts(d)
    total = sum(n for _, n in counts)
    summary = f"{total} fact{'s' if total != 1 else ''}"
    if counts:
        summary += ": " + ", ".join(f"{n} {v}" for v, n in counts)
    bits.append(summary)
    if s.skipped:
        bits.append(f"{s.skipped} input{'s' if s.skipped != 1 else ''} skipped")
    out += [" · ".join(bits), ""]
    copies = reuse_phrases(d, labels)
    if copies:
        out += ["Reuse: " + "; ".join(md_escape(c) for c in copies), ""]
    return out


def _conflicts(conflicts: list[dict], labels: dict[str, str], names: dict[str, str]) -> list[str]:
    out = [f"## Conflicts ({len(conflicts)})", ""]
    if not conflicts:
        out += ["No conflicts: no two sources state values that cannot both be true.", ""]
    for i, fact in enumerate(conflicts, 1):
        out += [f"### {i}. {md_escape(fact.get('label') or fact.get('id'))}", ""]
        if fact.get("explanation"):
            out += [md_escape(relabel(fact["explanation"], labels)), ""]
        if altered_note(fact, labels):
            out += [f"Changed in a copy: {md_escape(altered_note(fact, labels))}.", ""]
        sides = " **vs** ".join(f"{_bold(md_escape(g.shown))} ({_sources_of(g.doc_ids, names)})"
                                for g in value_groups(fact))
        out += [f"Values: {sides}", ""]
        quals = differing_qualifiers(fact)
        rows = [[names.get(c.get("doc_id", ""), md_escape(c.get("doc_id"))),
                 md_escape(claim_display(c, quals)), _sentence(c)]
                for c in sorted_claims(fact)]
        out += _table(["Source", "Value", "Sentence"], rows) + [""]
    return out


def _grid(d: dict, facts: list[dict], names: dict[str, str]) -> list[str]:
    usable = usable_documents(d)
    # Facts from one source compare nothing; they are listed under Other facts, not in the grid.
    shared = [f for f in facts if len({c.get("doc_id") for c in f.get("claims") or []}) > 1]
    if not shared or not usable:
        return []
    out = ["## Fact × source grid", ""]
    if len(usable) > GRID_MAX_SOURCES:
        return out + [f"{len(usable)} sources are too many for a Markdown table; the HTML report has the grid.", ""]
    rows = []
    for fact in shared:
        by_doc: dict[str, list[str]] = {}
        quals = differing_qualifiers(fact)
        for c in sorted_claims(fact):
            cell = md_escape(clip(claim_display(c, quals), GRID_CELL_CHARS))
            by_doc.setdefault(c.get("doc_id", ""), []).append(cell)
        rows.append([md_escape(fact.get("label") or fact.get("id")), fact.get("verdict", "")]
                    + ["; ".join(by_doc.get(doc["id"], [])) or "—" for doc in usable])
    return out + _table(["Fact", "Verdict"] + [names[doc["id"]] for doc in usable], rows) + [""]


def _other_facts(others: list[dict], labels: dict[str, str], names: dict[str, str]) -> list[str]:
    if not others:
        return []
    rows = []
    for fact in others:
        values = []
        for g in value_groups(fact):
            latest = fact.get("current") and any(c.get("id") == fact["current"] for c in g.claims)
            values.append(f"{_bold(md_escape(g.shown))} ({_sources_of(g.doc_ids, names)})"
                          + (" (latest)" if latest else ""))
        if consensus_note(fact):
            values.append(f"consensus: {md_escape(consensus_note(fact))}")
        rows.append([fact.get("verdict", ""), md_escape(fact.get("label") or fact.get("id")), "<br>".join(values),
                     md_escape(relabel(fact.get("explanation"), labels))])
    return [f"## Other facts ({len(others)})", ""] + _table(["Verdict", "Fact", "Values", "Explanation"], rows) + [""]


def _reuse(d: dict, labels: dict[str, str], names: dict[str, str]) -> list[str]:
    flabels = fact_labels(d)
    relations, independent = split_reuse(d)
    out = ["## Reuse: who copied whom", ""]
    rows = []
    for r in relations:
        src, tgt = r.get("source", ""), r.get("target", "")
        arrow = "→" if r.get("directed") else "↔ (direction unknown)"
        altered = "; ".join(md_escape(flabels.get(f, f)) for f in r.get("altered") or []) or "—"
        rows.append([names.get(src, md_escape(src)), f"{arrow} {names.get(tgt, md_escape(tgt))}",
                     md_escape(r.get("relation")), f"{float(r.get('similarity') or 0):.2f}", altered,
                     md_escape(relabel(r.get("why"), labels))])
    if rows:
        out += _table(["Original", "Copy", "Relation", "Similarity", "Altered facts", "Why"], rows) + [""]
    else:
        out += ["No source reuses another.", ""]
    if independent:
        pairs = ", ".join(f"{names.get(a, md_escape(a))} – {names.get(b, md_escape(b))}" for a, b in independent)
        out += [f"Independent of each other: {pairs}", ""]
    return out


def _timeline(d: dict, names: dict[str, str]) -> list[str]:
    rows = []
    for e in d["timeline"]:
        label = md_escape(e.get("label"))
        if e.get("conflict"):
            label += " **(contested)**"
        when = date_range_text(e.get("date"), e.get("end") or e.get("date"))
        rows.append([when, md_escape(e.get("granularity")), label, _sources_of(tuple(e.get("doc_ids") or ()), names)])
    return ["## Timeline", ""] + _table(["Date", "Granularity", "Event", "Sources"], rows) + [""]


def _sources(d: dict, labels: dict[str, str], names: dict[str, str]) -> list[str]:
    usable = usable_documents(d)
    if not usable:
        return []
    profs = profiles(d)
    rows = []
    for doc in usable:
        p = profs[doc["id"]]
        pub = doc.get("published") or {}
        published = (human_date(pub.get("date")) if pub.get("date") else "undated") + (
            f" ({md_escape(pub.get('how') or 'unknown')})")
        if pub.get("why"):
            published += f": {md_escape(relabel(pub['why'], labels))}"
        agrees = f"{percent(p.rate)} of {p.comparisons}" if p.comparisons else "—"
        removed = ", ".join(f"{md_escape(reason)} ×{n}" for reason, n in p.removed.items()) or "none"
        title = md_escape(doc.get("title")) or "—"
        notes = document_notes(doc)
        if notes:
            title += "<br>" + "<br>".join(md_escape(n) for n in notes)
        rows.append([names[doc["id"]], md_escape(doc["id"]), title,
                     _link(doc.get("url")), published, agrees,
                     "; ".join(md_escape(x) for x in p.minority) or "—", removed])
    out = ["## Sources", ""] + _table(["Source", "Id", "Title", "URL", "Published", "Agrees with others",
                                        "In the minority on", "Removed as chrome"], rows) + [""]
    removed_rows = [[names[doc["id"]], md_escape(r.get("reason")), md_escape(r.get("text"))]
                    for doc in usable
                    for r in sorted(doc.get("removed") or [], key=lambda r: (r.get("start", 0), r.get("text", "")))]
    if removed_rows:
        out += ["## Removed lines", ""] + _table(["Source", "Reason", "Line"], removed_rows) + [""]
    return out
