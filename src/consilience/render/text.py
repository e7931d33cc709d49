"""The terminal view: the report as Rich tables, conflicts first, plus the progress bar of long runs.

Owns how a report dict (the JSON contract) is laid out for a terminal. Input text is always wrapped in
:class:`rich.text.Text`, never parsed as Rich markup, so a "[bold]" in an article prints as written.
Colour is used only on a terminal (or when asked); without colour the value inside each sentence is
marked with « » so the highlight survives a pipe.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from ._common import (
    altered_note,
    claim_display,
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

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

__all__ = ["render_text", "progress"]

#: Width used when the output is not a terminal, so piped reports are the same on every machine.
PIPE_WIDTH = 100

_VERDICT_STYLE = {
    "conflict": "bold red",
    "divergent": "yellow",
    "updated": "cyan",
    "compatible": "green",
    "agree": "green",
    "single-source": "dim",
}


def render_text(d: dict, *, console: Console | None = None, color: bool | None = None) -> str:
    """The report dict as terminal text; ANSI colour only when ``color`` (default: ``console`` is a TTY).

    ``console`` is consulted for its width, colour system and whether it is a terminal; nothing is
    printed to it: the caller writes the returned string. Without one, stdout is probed, and the width
    is the terminal's or, when piped, :data:`PIPE_WIDTH`.
    """
    from rich.console import Console

    probe = console if console is not None else Console()
    if color is None:
        color = probe.is_terminal and not probe.no_color
    width = probe.width if console is not None or probe.is_terminal else PIPE_WIDTH
    buf = io.StringIO()
    out = Console(
        file=buf,
        width=width,
        force_terminal=bool(color),
        color_system=(probe.color_system or "standard") if color else None,
        no_color=not color,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
        force_jupyter=False,
    )
    for part in _report(sanitize(d), bool(color)):
        out.print(part)
    text = buf.getvalue()
    if not color:
        # Rich pads every line to the full width; a pipe or a file has no use for the trailing spaces.
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text


def _report(d: dict, color: bool) -> Iterator[RenderableType]:
    from rich.text import Text

    s = story(d)
    yield Text(s.title, style="bold")
    bits = [f"{s.sources} source{'s' if s.sources != 1 else ''}", date_range_text(s.first, s.last)]
    counts = verdict_counts(d)
    total = sum(n for _, n in counts)
    facts = f"{total} fact{'s' if total != 1 else ''}"
    if counts:
        facts += ": " + ", ".join(f"{n} {v}" for v, n in counts)
    bits.append(facts)
    if s.skipped:
        bits.append(f"{s.skipped} input{'s' if s.skipped != 1 else ''} skipped")
    yield Text(" · ".join(bits))
    labels = doc_labels(d)
    copies = reuse_phrases(d, labels)
    if copies:
        yield Text("Reuse: " + "; ".join(copies))
    yield ""
    facts_list = ordered_facts(d)
    conflicts = [f for f in facts_list if f.get("verdict") == "conflict"]
    others = [f for f in facts_list if f.get("verdict") != "conflict"]
    yield from _conflicts(conflicts, labels, color)
    if others:
        yield from _other_facts(others, labels)
    if d.get("reuse"):
        yield from _reuse(d, labels)
    if d.get("timeline"):
        yield from _timeline(d, labels)
    yield from _sources(d, labels)
    skipped = [doc for doc in d.get("documents") or [] if doc.get("skipped")]
    if skipped:
        yield from _skipped(skipped)


def _heading(title: str) -> RenderableType:
    from rich.rule import Rule

    return Rule(title, align="left", style="bold", characters="─")


def _table(*columns: tuple[str, dict]):
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True, header_style="bold")
    for name, kw in columns:
        table.add_column(name, overflow="fold", **kw)
    return table


def _sentence(claim: dict, color: bool, style: str):
    """The claim's sentence with the value marked: by style in colour, by « » without."""
    from rich.text import Text

    before, value, after = highlight(claim)
    text = Text(before)
    if value:
        if color:
            text.append(value, style=style)
        else:
            text.append(f"«{value}»")
    text.append(after)
    return text


def _conflicts(conflicts: list[dict], labels: dict[str, str], color: bool) -> Iterator[RenderableType]:
    from rich.padding import Padding
    from rich.text import Text

    yield _heading(f"Conflicts ({len(conflicts)})")
    if not conflicts:
        yield Text("No conflicts: no two sources state values that cannot both be true.")
        yield ""
        return
    for i, fact in enumerate(conflicts, 1):
        head = Text(f"{i}. ", style="bold red")
        head.append(fact.get("label") or fact.get("id", ""), style="bold")
        head.append(f"  (score {float(fact.get('score') or 0):.2f})", style="dim")
        yield head
        body = []
        if fact.get("explanation"):
            body.append(Text(relabel(fact["explanation"], labels)))
        if altered_note(fact, labels):
            body.append(Text(f"Changed in a copy: {altered_note(fact, labels)}.", style="yellow"))
        sides = Text("Values: ", style="bold")
        for j, group in enumerate(value_groups(fact)):
            if j:
                sides.append("  vs  ", style="bold red")
            sides.append(group.shown, style="bold")
            sides.append(f" ({', '.join(labels.get(x, x) for x in group.doc_ids)})")
        body.append(sides)
        # Names stay on one line up to a point; past it they fold rather than squeeze the sentences.
        name_width = min(24, max(len(labels.get(c.get("doc_id", ""), "")) for c in fact.get("claims") or [{}]))
        table = _table(("Source", {"min_width": max(6, name_width)}), ("Value", {"ratio": 1}),
                       ("Sentence", {"ratio": 4}))
        quals = differing_qualifiers(fact)
        for claim in sorted_claims(fact):
            doc = claim.get("doc_id", "")
            table.add_row(Text(labels.get(doc, doc)), Text(claim_display(claim, quals)),
                          _sentence(claim, color, "bold white on red"))
        for part in body:
            yield Padding(part, (0, 0, 0, 3))
        yield Padding(table, (0, 0, 1, 3))


def _other_facts(facts: list[dict], labels: dict[str, str]) -> Iterator[RenderableType]:
    from rich.text import Text

    yield _heading(f"Other facts ({len(facts)})")
    table = _table(("Verdict", {"no_wrap": True}), ("Fact", {"ratio": 2}), ("Values", {"ratio": 3}),
                   ("Explanation", {"ratio": 3}))
    for fact in facts:
        verdict = fact.get("verdict", "")
        values = Text()
        for j, group in enumerate(value_groups(fact)):
            if j:
                values.append("\n")
            values.append(group.shown, style="bold")
            values.append(f" ({', '.join(labels.get(x, x) for x in group.doc_ids)})")
            if fact.get("current") and any(c.get("id") == fact["current"] for c in group.claims):
                values.append(" [latest]", style="cyan")
        if consensus_note(fact):
            values.append(f"\nconsensus: {consensus_note(fact)}", style="dim")
        table.add_row(Text(verdict, style=_VERDICT_STYLE.get(verdict, "")),
                      Text(fact.get("label") or fact.get("id", "")), values,
                      Text(relabel(fact.get("explanation"), labels)))
    yield table
    yield ""


def _reuse(d: dict, labels: dict[str, str]) -> Iterator[RenderableType]:
    from rich.text import Text

    names = fact_labels(d)
    rows, independent = split_reuse(d)
    yield _heading("Reuse: who copied whom")
    if rows:
        table = _table(("Original", {"ratio": 2}), ("Copy", {"ratio": 2}), ("Relation", {"no_wrap": True}),
                       ("Similarity", {"justify": "right", "no_wrap": True}), ("Altered facts", {"ratio": 3}),
                       ("Why", {"ratio": 3}))
        for r in rows:
            src, tgt = r.get("source", ""), r.get("target", "")
            arrow = "→" if r.get("directed") else "↔ (direction unknown)"
            altered = "; ".join(names.get(f, f) for f in r.get("altered") or []) or "—"
            table.add_row(Text(labels.get(src, src)), Text(f"{arrow} {labels.get(tgt, tgt)}"),
                          Text(r.get("relation", "")), Text(f"{float(r.get('similarity') or 0):.2f}"),
                          Text(altered), Text(relabel(r.get("why"), labels)))
        yield table
    else:
        yield Text("No source reuses another.")
    if independent:
        pairs = ", ".join(f"{labels.get(a, a)} – {labels.get(b, b)}" for a, b in independent)
        yield Text(f"Independent of each other: {pairs}", style="dim")
    yield ""


def _timeline(d: dict, labels: dict[str, str]) -> Iterator[RenderableType]:
    from rich.text import Text

    yield _heading("Timeline")
    table = _table(("Date", {"no_wrap": True}), ("Event", {"ratio": 4}), ("Sources", {"ratio": 2}))
    for e in d.get("timeline") or []:
        label = Text(e.get("label") or "")
        if e.get("conflict"):
            label.append("  [contested]", style="bold red")
        date = date_range_text(e.get("date"), e.get("end") or e.get("date"))
        table.add_row(Text(date), label, Text(", ".join(labels.get(x, x) for x in e.get("doc_ids") or [])))
    yield table
    yield ""


def _sources(d: dict, labels: dict[str, str]) -> Iterator[RenderableType]:
    from rich.text import Text

    profs = profiles(d)
    yield _heading("Sources")
    table = _table(("Source", {"ratio": 1}), ("Title", {"ratio": 3}), ("Published", {"ratio": 2}),
                   ("Agrees", {"justify": "right", "no_wrap": True}), ("In the minority on", {"ratio": 3}),
                   ("Removed as chrome", {"ratio": 2}))
    for doc in usable_documents(d):
        p = profs[doc["id"]]
        pub = doc.get("published") or {}
        published = human_date(pub.get("date")) if pub.get("date") else "undated"
        published += f" ({pub.get('how') or 'unknown'})"
        agrees = f"{percent(p.rate)} of {p.comparisons}" if p.comparisons else "—"
        removed = "\n".join(f"{reason} ×{n}" for reason, n in p.removed.items()) or "none"
        name = labels.get(doc["id"], doc["id"])
        title = Text(doc.get("title") or "—")
        for note in document_notes(doc):
            title.append(f"\n{note}", style="dim")
        if name != doc["id"]:
            # The full id goes under the title, where a long file name has room to stay on one line.
            title.append(f"\n{doc['id']}", style="dim")
        table.add_row(Text(name), title, Text(published), Text(agrees),
                      Text("\n".join(p.minority) or "—"), Text(removed))
    yield table
    yield ""


def _skipped(skipped: list[dict]) -> Iterator[RenderableType]:
    from rich.text import Text

    yield _heading(f"Skipped inputs ({len(skipped)})")
    table = _table(("Input", {"ratio": 1}), ("Why", {"ratio": 3}))
    for doc in skipped:
        table.add_row(Text(doc.get("origin") or doc["id"]), Text(doc.get("skipped") or ""))
    yield table
    yield ""


@contextmanager
def progress(total: int, *, description: str = "Reading", min_total: int = 20,
             console: Console | None = None) -> Iterator[Callable[..., None]]:
    """Yield ``advance(n=1)``; a progress bar on stderr only on a terminal and for ``total >= min_total``.

    Piped or redirected stderr, and short runs, get a no-op so logs stay clean.
    """
    from rich.console import Console

    err = console if console is not None else Console(stderr=True)
    if total < min_total or not err.is_terminal:
        yield lambda n=1: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task(description, total=total)
        yield lambda n=1: bar.advance(task, n)
