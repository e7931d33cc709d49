"""Tests of the terminal view (consilience.render.text) on hand-built report dicts."""

from __future__ import annotations

import io
import re
import pytest
from render_sample import (
    DEGENERATE,
    HOSTILE_SOURCE,
    degenerate_report,
    minimal_report,
    pipeline_report,
    sample_report,
)
from rich.console import Console

from consilience.render.text import PIPE_WIDTH, progress, render_text

def _plain(d: dict) -> str:
    return render_text(d, console=Console(file=io.StringIO(), width=100))


def test_render_text_conflicts_section_comes_first():
    out = _plain(sample_report())
    order = ["Conflicts (2)", "Other facts (4)", "Reuse: who copied whom", "Sources"]
    assert [out.index(h) for h in order] == sorted(out.index(h) for h in order)


@pytest.mark.parametrize("marked", ["«$41.5 million»", "«$45 million»", "«Ana Ortiz»", "«Ana Ortis»"])
def test_render_text_conflict_sentences_mark_the_value(marked):
    out = _plain(sample_report())
    conflicts = out[: out.index("Other facts")]
    assert marked in conflicts


@pytest.mark.parametrize("source", ["Daily Ledger", "Coast Courier", HOSTILE_SOURCE[:16]])
def test_render_text_conflicts_name_every_source(source):
    out = _plain(sample_report())
    assert source in out[: out.index("Other facts")]


def test_render_text_conflicts_are_numbered_by_score():
    d = sample_report()
    d["facts"][1]["score"] = 0.95  # the name conflict now outranks the cost conflict
    out = _plain(d)
    assert out.index("1. city engineer's name") < out.index("2. cost of the repairs")


def test_render_text_no_colour_when_not_a_terminal():
    assert "\x1b[" not in _plain(sample_report())


def test_render_text_colour_when_asked():
    assert "\x1b[" in render_text(sample_report(), console=Console(file=io.StringIO()), color=True)


def test_render_text_colour_follows_a_terminal_console():
    console = Console(file=io.StringIO(), force_terminal=True, color_system="standard", width=120)
    assert "\x1b[" in render_text(sample_report(), console=console)


@pytest.mark.parametrize("width", [60, 160])
def test_render_text_follows_the_console_width(width):
    out = render_text(sample_report(), console=Console(file=io.StringIO(), width=width))
    assert max(len(line) for line in out.splitlines()) == width


def test_render_text_prints_nothing_to_the_console():
    buf = io.StringIO()
    render_text(sample_report(), console=Console(file=buf))
    assert buf.getvalue() == ""


def test_render_text_rich_markup_in_input_is_printed_verbatim():
    d = sample_report()
    d["facts"][0]["label"] = "[bold red]cost[/bold red] of the repairs"
    assert "[bold red]cost[/bold red]" in _plain(d)


def test_render_text_piped_lines_fit_the_pipe_width():
    # pytest captures stdout, so the default console is not a terminal: the pipe width applies.
    lines = render_text(sample_report()).splitlines()
    assert max(len(line) for line in lines) <= PIPE_WIDTH
    assert all(line == line.rstrip() for line in lines)


@pytest.mark.parametrize("heading", ["Conflicts (2)", "Other facts (4)", "Reuse: who copied whom", "Timeline",
                                     "Sources", "Skipped inputs (1)"])
def test_render_text_has_every_section(heading):
    assert heading in _plain(sample_report())


def test_render_text_skipped_input_shows_its_reason():
    out = _plain(sample_report())
    assert "empty: the input is empty" in out[out.index("Skipped inputs"):]


def test_render_text_without_facts_says_there_are_no_conflicts():
    out = _plain(minimal_report())
    assert "No conflicts" in out and "Other facts" not in out


def test_render_text_is_deterministic():
    assert _plain(sample_report()) == _plain(sample_report())


def test_render_text_profile_shows_agreement_share():
    out = _plain(sample_report())
    # Coast Courier agrees on 2 of its 7 comparisons (the compatible and agreeing facts with Daily Ledger).
    assert "29% of 7" in out[out.index("Sources"):]


def test_render_text_progress_is_silent_when_not_a_terminal():
    buf = io.StringIO()
    with progress(100, console=Console(file=buf)) as advance:
        for _ in range(100):
            advance()
    assert buf.getvalue() == ""


@pytest.mark.parametrize(("total", "shown"), [(5, False), (50, True)])
def test_render_text_progress_shows_only_for_long_runs_on_a_terminal(total, shown):
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=True, width=80)
    with progress(total, console=console, min_total=20) as advance:
        for _ in range(total):
            advance()
    assert bool(buf.getvalue()) is shown


@pytest.mark.seeds
def test_render_text_seeds_report_shows_every_conflict_with_its_sources(request):
    d = pipeline_report(request, "seeds_report")
    # Wide enough that no sentence wraps, so each highlighted value stays on one line.
    out = render_text(d, console=Console(file=io.StringIO(), width=1000))
    section = out[: out.find("Other facts") if "Other facts" in out else len(out)]
    conflicts = [f for f in d["facts"] if f["verdict"] == "conflict"]
    assert conflicts, "the seeds report has no conflict"
    for fact in conflicts:
        assert fact["label"] in section
        for claim in fact["claims"]:
            assert f"«{claim['text']}»" in section


def test_render_text_independent_pairs_get_one_line_not_rows():
    d = sample_report()
    d["reuse"][1]["relation"] = "independent"
    out = _plain(d)
    reuse = out[out.index("Reuse: who copied whom"):out.index("Timeline")]
    assert "shares-passages" not in reuse and "Independent of each other: Daily Ledger – <script>" in reuse


@pytest.mark.parametrize("name", sorted(DEGENERATE))
def test_render_text_survives_a_degenerate_report(name):
    assert "cost of the repairs" in _plain(degenerate_report(name))


@pytest.mark.parametrize("control", ["\x1b[2J", "\x1b]8;;http://x\x07", "\x9b31m", "\x07", "\x00"])
def test_render_text_control_characters_never_reach_the_terminal(control):
    d = sample_report()
    d["facts"][0]["label"] = f"cost {control}of the repairs"
    d["facts"][0]["claims"][0]["sentence"] = d["facts"][0]["claims"][0]["sentence"].replace("The", control, 1)
    out = render_text(d, console=Console(file=io.StringIO(), width=100), color=True)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)  # Rich's own colour codes are the only escapes allowed
    assert not any(ch in plain for ch in "\x1b\x9b\x07\x00")
    assert "cost \ufffd" in plain


def test_render_text_leaves_the_report_untouched():
    d = sample_report()
    _plain(d)
    assert d == sample_report()


def test_render_text_conflict_says_which_copy_changed_it():
    out = _plain(sample_report())
    assert "Changed in a copy: Coast Courier changed it in its copy of Daily Ledger." in out


@pytest.mark.parametrize("note", ["by Jo <b>Smith</b>", "mojibake repaired (cp1252 read as UTF-8)"])
def test_render_text_sources_show_author_and_reader_notes(note):
    out = render_text(sample_report(), console=Console(file=io.StringIO(), width=200))
    assert note in out[out.index("Sources ─"):]
