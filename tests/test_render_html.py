"""Tests of the HTML view (consilience.render.html): structure, links, safety, determinism.

The page is parsed with lxml here; tests/test_browser.py runs it in a real browser.
"""

from __future__ import annotations

import base64
import hashlib
import importlib
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import html as lhtml
from render_sample import (
    DEGENERATE,
    HOSTILE_SOURCE,
    HOSTILE_TITLE,
    HOSTILE_URL,
    TEXTS,
    degenerate_report,
    minimal_report,
    pipeline_report,
    sample_report,
)

from consilience.render.html import content_security_policy, render_html


def _page(d: dict | None = None):
    return lhtml.document_fromstring(render_html(d if d is not None else sample_report()))


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def test_render_html_csp_allows_only_its_own_style_and_script():
    page = _page()
    csp = page.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')[0]
    style, script = page.xpath("//style")[0].text, page.xpath("//script")[0].text
    assert csp == content_security_policy()
    assert "default-src 'none'" in csp
    assert f"style-src {_sha(style)}" in csp and f"script-src {_sha(script)}" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp


def test_render_html_has_exactly_one_script_and_one_style():
    page = _page()
    assert len(page.xpath("//script")) == 1 and len(page.xpath("//style")) == 1


def test_render_html_loads_nothing_from_outside():
    page = _page()
    assert not page.xpath("//*[@src] | //link | //iframe | //object | //embed | //img | //base")
    assert not re.search(r"@import|url\(", page.xpath("//style")[0].text)


def test_render_html_has_no_event_handler_attribute():
    page = _page()
    handlers = [(el.tag, name) for el in page.iter() if isinstance(el.tag, str)
                for name in el.attrib if name.lower().startswith("on")]
    assert handlers == []


def test_render_html_links_are_fragments_or_http():
    hrefs = _page().xpath("//@href")
    assert hrefs and all(h.startswith("#") or h.startswith("https://") or h.startswith("http://") for h in hrefs)


@pytest.mark.parametrize("hostile", [HOSTILE_TITLE, HOSTILE_SOURCE, HOSTILE_URL, "<script>window.__pwned=4</script>",
                                     '<img src=x onerror="window.__pwned=5">', "[bold red]per archives[/]"])
def test_render_html_hostile_text_is_shown_as_text(hostile):
    # Present in the rendered text means it was escaped, not parsed as markup.
    assert hostile in _page().text_content()


def test_render_html_unknown_verdict_never_reaches_a_class():
    d = sample_report()
    d["facts"][0]["verdict"] = '"><script>x</script>'
    page = _page(d)
    classes = " ".join(page.xpath("//@class"))
    assert "script" not in classes and "v-unknown" in classes


def test_render_html_external_link_has_noopener():
    links = _page().xpath('//a[starts-with(@href, "https://")]')
    assert [a.get("rel") for a in links] == ["noopener noreferrer nofollow"]


def test_render_html_conflicts_are_ranked_first():
    page = _page()
    titles = [h.text_content() for h in page.xpath('//section[@id="conflicts"]//article/h3')]
    assert [t.split(" score")[0] for t in titles] == ["1. cost of the repairs", "2. city engineer's name"]
    sections = page.xpath("//main/section/@id")
    assert sections[0] == "conflicts"


def test_render_html_conflict_sides_group_sources_by_value():
    page = _page()
    first = page.xpath('//section[@id="conflicts"]//article')[0]
    sides = [(s.xpath('.//p[@class="value"]')[0].text_content(), s.xpath('.//p[@class="who"]')[0].text_content())
             for s in first.xpath('.//div[@class="side"]')]
    assert sides == [("$41.5 million", f"Daily Ledger, {HOSTILE_SOURCE}"), ("$45 million", "Coast Courier")]


@pytest.mark.parametrize(("source", "value"), [("Daily Ledger", "$41.5 million"), ("Coast Courier", "$45 million"),
                                               (HOSTILE_SOURCE, "$41.5 million")])
def test_render_html_conflict_quotes_each_source_with_the_value_marked(source, value):
    first = _page().xpath('//section[@id="conflicts"]//article')[0]
    said = {li.xpath('./span[@class="src"]')[0].text_content(): li.xpath(".//q/mark")[0].text_content()
            for li in first.xpath('.//ul[@class="said"]/li')}
    assert said[source] == value


def test_render_html_grid_has_a_row_per_fact_and_a_column_per_source():
    page = _page()
    assert len(page.xpath('//table[@class="grid"]/tbody/tr')) == 6
    grid = page.xpath('//table[@class="grid"]')[0]
    assert [th.text_content() for th in grid.xpath("./thead/tr/th")][2:] == ["Daily Ledger", "Coast Courier",
                                                                            HOSTILE_SOURCE]


def test_render_html_grid_folds_single_source_facts_away():
    page = _page()
    folded = page.xpath('//section[@id="grid"]/details[@class="more"]//table[@class="grid"]/tbody/tr/th')
    assert [th.text_content() for th in folded] == ['first opening <img src=x onerror="window.__pwned=8">']
    assert page.xpath('//section[@id="grid"]/details[@class="more"]/@open') == []


def test_render_html_grid_cells_link_to_the_value_in_its_document():
    page = _page()
    links = page.xpath('//table[@class="grid"]//td/a')
    assert links
    for a in links:
        target = page.get_element_by_id(a.get("href")[1:])
        assert target.xpath('ancestor::section[@id="documents"]')
        assert target.text_content() == a.text_content()


def test_render_html_odd_value_in_a_conflict_is_flagged():
    grid = _page().xpath('//table[@class="grid"]')[0]
    first_row = grid.xpath("./tbody/tr")[0]
    odd = [td.xpath("./a")[0].text_content() for td in first_row.xpath('./td[contains(@class, "odd")]')]
    assert odd == ["$45 million"]


def test_render_html_element_ids_are_unique():
    ids = _page().xpath("//@id")
    assert len(ids) == len(set(ids))


def test_render_html_document_text_is_complete_and_in_order():
    docs = _page().xpath('//section[@id="documents"]//div[@class="text"]')
    assert [div.text_content() for div in docs] == [TEXTS["a.txt"], TEXTS["b.txt"], TEXTS["c.html"]]


def test_render_html_overlapping_spans_keep_text_and_ids_intact():
    d = sample_report()
    # A second fact whose claim covers "cost $41.5" overlaps the first fact's "$41.5 million".
    claim = dict(d["facts"][0]["claims"][0], id="a.txt#x", text="cost $41.5")
    claim["span"] = [claim["span"][0] - 5, claim["span"][0] + 5]
    d["facts"].append({"id": "f-x", "label": "overlap", "kind": "quantity", "verdict": "single-source",
                       "explanation": "", "consensus": None, "score": 0.0, "current": None, "claims": [claim]})
    page = _page(d)
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids))
    assert page.xpath('//section[@id="documents"]//div[@class="text"]')[0].text_content() == TEXTS["a.txt"]


def test_render_html_claim_with_a_span_outside_its_text_is_not_linked():
    d = sample_report()
    d["facts"][0]["claims"][1]["span"] = [10_000, 10_005]
    page = _page(d)
    row = page.xpath('//table[@class="grid"]/tbody/tr')[0]
    cell = row.xpath("./td")[2]  # Coast Courier's column (after the verdict column)
    assert cell.text_content().startswith("$45 million") and not cell.xpath("./a")


def test_render_html_removed_lines_are_listed_with_their_reason():
    page = _page()
    items = page.xpath('//ul[@class="removed-lines"]/li')
    assert [li.xpath('./span[@class="reason"]')[0].text for li in items] == ["login-prompt", "related-news"]


def test_render_html_skipped_inputs_are_listed():
    assert "d.txt: empty: the input is empty" in _page().xpath('//section[@id="skipped"]')[0].text_content()


def test_render_html_timeline_dates_are_time_elements():
    assert _page().xpath('//ol[@class="timeline"]//time/@datetime') == ["1962", "2024-04-29"]


def test_render_html_altered_facts_link_to_the_facts():
    page = _page()
    row = page.xpath('//section[@id="reuse"]//tbody/tr')[0]
    for a in row.xpath('.//a[starts-with(@href, "#f-")]'):
        assert page.get_element_by_id(a.get("href")[1:]) is not None
    assert len(row.xpath('.//a[starts-with(@href, "#f-")]')) == 3


def test_render_html_tables_have_header_cells_with_scope():
    headers = _page().xpath("//th")
    assert headers and all(th.get("scope") in ("col", "row") for th in headers)


def test_render_html_declares_language_and_viewport():
    page = _page()
    assert page.get("lang") == "en"
    assert page.xpath('//meta[@name="viewport"]/@content') == ["width=device-width, initial-scale=1"]


def test_render_html_minimal_report_renders():
    page = _page(minimal_report())
    assert page.xpath("//h1")[0].text == "Untitled story"
    assert "No conflicts" in page.xpath('//section[@id="conflicts"]')[0].text_content()


def test_render_html_is_deterministic():
    assert render_html(sample_report()) == render_html(sample_report())


@pytest.mark.seeds
def test_render_html_seeds_report_shows_every_conflict_with_its_sources(request):
    d = pipeline_report(request, "seeds_report")
    page = _page(d)
    conflicts = [f for f in d["facts"] if f["verdict"] == "conflict"]
    articles = page.xpath('//section[@id="conflicts"]//article')
    assert len(articles) == len(conflicts) > 0
    for fact, article in zip(conflicts, articles):
        assert fact["label"] in article.xpath("./h3")[0].text_content()
        assert len(article.xpath('.//ul[@class="said"]/li')) == len(fact["claims"])


@pytest.mark.parametrize(("limit", "rows"), [(10_000, 6), (12, 3), (6, 2)])
def test_render_html_grid_keeps_the_alarming_rows_when_too_large(monkeypatch, limit, rows):
    # 6 facts × 3 sources = 18 cells; 3 contested facts need 9 cells, the 2 conflicts 6.
    # By module object: the package attribute consilience.render is shadowed by the render() function.
    monkeypatch.setattr(importlib.import_module("consilience.render.html"), "GRID_MAX_CELLS", limit)
    assert len(_page().xpath('//table[@class="grid"]/tbody/tr')) == rows


def _palettes() -> list[dict[str, str]]:
    """The colour variables of each :root block of the stylesheet (light first, then dark)."""
    from importlib.resources import files

    css = (files("consilience.render") / "assets" / "report.css").read_text(encoding="utf-8")
    blocks = re.findall(r":root\s*\{([^}]*)\}", css)
    return [dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", b)) for b in blocks[:2]]


def _contrast(a: str, b: str) -> float:
    def lum(h: str) -> float:
        c = [int(h[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        c = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


_VERDICT_VARS = ("conflict", "divergent", "updated", "compatible", "agree", "single-source")
_PAIRS = [("fg", "bg"), ("muted", "bg"), ("muted", "panel"), ("link", "bg"), ("fg", "sentence")] + [
    pair for v in _VERDICT_VARS for pair in ((f"{v}-ink", v), ("fg", v), ("link", v), (f"{v}-ink", "bg"))]


@pytest.mark.parametrize("scheme", [0, 1], ids=["light", "dark"])
@pytest.mark.parametrize(("ink", "paper"), _PAIRS)
def test_render_html_colours_meet_wcag_aa_contrast(scheme, ink, paper):
    palette = _palettes()[scheme]
    assert _contrast(palette[ink], palette[paper]) >= 4.5


def test_render_html_grid_flags_no_odd_cell_in_a_one_against_one_split():
    d = sample_report()
    d["facts"][0]["claims"].pop()  # cost: Daily Ledger $41.5 million against Coast Courier $45 million
    grid = _page(d).xpath('//table[@class="grid"]')[0]
    assert not grid.xpath('./tbody/tr[1]/td[contains(@class, "odd")]')


def test_render_html_grid_cuts_long_values_and_keeps_them_in_the_title():
    d = sample_report()
    claim = d["facts"][2]["claims"][0]
    claim["text"] = claim["text"] + " and more words " * 6
    link = _page(d).xpath('//table[@class="grid"]/tbody/tr[3]/td/a')[0]
    assert link.text_content().endswith("…") and len(link.text_content()) <= 61
    assert link.get("title") == claim["text"]


def _tag_counts(page) -> dict[str, int]:
    counts: dict[str, int] = {}
    for el in page.iter():
        if isinstance(el.tag, str):
            counts[el.tag] = counts.get(el.tag, 0) + 1
    return counts


def _with_text_everywhere(s: str) -> dict:
    d = sample_report()
    d["story"]["title"] = s
    d["documents"][0]["source"] = s
    d["documents"][0]["title"] = s
    d["documents"][1]["removed"][0]["text"] = s
    d["facts"][0]["label"] = s
    d["facts"][0]["explanation"] = s
    d["reuse"][0]["why"] = s
    d["timeline"][0]["label"] = s
    return d


_TEXT = st.text(alphabet=st.sampled_from(list("<>&\"'=/ab :;()[]*_|`$\\!-#\n")) | st.characters(
    blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(lambda t: t.strip())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_render_html_any_input_text_adds_no_element(text):
    # Whatever a title, source, label, value, explanation or removed line holds, the page has the same
    # elements as with plain text there: input can never open a tag.
    baseline = _tag_counts(_page(_with_text_everywhere("plain")))
    assert _tag_counts(_page(_with_text_everywhere(text))) == baseline


def test_render_html_independent_pairs_get_one_line_not_rows():
    d = sample_report()
    d["reuse"][1]["relation"] = "independent"
    section = _page(d).xpath('//section[@id="reuse"]')[0]
    assert len(section.xpath("./div[1]/table/tbody/tr")) == 1  # the second table is the matrix
    notes = [p.text_content() for p in section.xpath('./p[@class="note"]')]
    assert any(n.startswith("Independent of each other: Daily Ledger") for n in notes)


@pytest.mark.parametrize("name", sorted(DEGENERATE))
def test_render_html_survives_a_degenerate_report(name):
    assert "cost of the repairs" in render_html(degenerate_report(name))


def test_render_html_aligned_passages_are_underlined_in_both_documents():
    page = _page()
    copies = page.xpath('//section[@id="documents"]//span[@class="copy"]')
    # The sample's one aligned pair covers [0, 67) of a.txt and of b.txt: each document's first line.
    assert sorted({c.get("title") for c in copies}) == ["aligned with Coast Courier (paraphrase)",
                                                       "aligned with Daily Ledger (paraphrase)"]
    texts = page.xpath('//section[@id="documents"]//div[@class="text"]')
    firsts = ["".join(c.text_content() for c in t.xpath('.//span[@class="copy"]')) for t in texts[:2]]
    assert firsts == [TEXTS["a.txt"][:67], TEXTS["b.txt"][:67]]


def test_render_html_grid_marks_the_latest_figure_of_an_updated_fact():
    d = sample_report()
    d["facts"][3].update(verdict="updated", current="b.txt#4")
    row = [tr for tr in _page(d).xpath('//table[@class="grid"]/tbody/tr') if "vehicles" in tr.text_content()][0]
    assert [td.text_content() for td in row.xpath("./td")][1:3] == ["About 30,000", "Some 30,000 (latest)"]


def test_render_html_leaves_the_report_untouched():
    d = sample_report()
    render_html(d)
    assert d == sample_report()


def test_render_html_has_no_style_attribute_the_csp_would_block():
    assert _page().xpath("//@style") == []


@pytest.mark.parametrize("damage", [None, *sorted(DEGENERATE)])
def test_render_html_every_fragment_link_has_a_target(damage):
    page = _page(degenerate_report(damage) if damage else sample_report())
    ids = set(page.xpath("//@id"))
    targets = {h[1:] for h in page.xpath('//a/@href') if h.startswith("#")}
    assert targets and targets <= ids


def test_render_html_conflict_says_which_copy_changed_it():
    first = _page().xpath('//section[@id="conflicts"]//article')[0]
    assert first.xpath('./p[@class="altered"]')[0].text_content() == (
        "Changed in a copy: Coast Courier changed it in its copy of Daily Ledger.")


@pytest.mark.parametrize("note", ["by Jo <b>Smith</b>", "mojibake repaired (cp1252 read as UTF-8)"])
def test_render_html_sources_show_author_and_reader_notes(note):
    notes = [n.text_content() for n in _page().xpath('//section[@id="sources"]//td/span[@class="note"]')]
    assert note in notes
