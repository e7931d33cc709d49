"""Tests of consilience.resolve: document dates (declared, extracted, inferred) and re-anchored claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from consilience.extract import extract_claims
from consilience.model import Document, Published
from consilience.resolve import date_documents, document_evidence, resolve_claims

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"


def _doc(doc_id: str, text: str, published: Published | None = None, title: str | None = None) -> Document:
    return Document(id=doc_id, source=doc_id, text=text, title=title, published=published or Published())


def test_resolve_keeps_declared_dates() -> None:
    doc = _doc("a", "The 10th anniversary of the treaty signed in 2001 was marked.", Published("2015-06-01", "declared"))
    assert date_documents([doc])[0].published == Published("2015-06-01", "declared")


def test_resolve_leaves_undatable_documents_unknown() -> None:
    doc = _doc("a", "The council met and agreed to review the plan.")
    assert date_documents([doc])[0].published.how == "unknown"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The fifth anniversary of the Paris Accord was marked. The Paris Accord was adopted in 2015.", "2020"),
        ("Leaders marked the 10th anniversary of the partnership. The partnership was founded in 2013 in Hanoi.", "2023"),
        ("The 25th anniversary of the bridge opening drew crowds. The bridge opening took place in 1998.", "2023"),
    ],
)
def test_resolve_anniversary_arithmetic(text: str, date: str) -> None:
    out = date_documents([_doc("a", text)])[0].published
    assert (out.date, out.how) == (date, "inferred") and "anniversary" in out.why


def test_resolve_full_year_figures_date_the_next_year() -> None:
    out = date_documents([_doc("a", "In 2021, exports hit $40 billion, up 9%.")])[0].published
    assert (out.date, out.how) == ("2022", "inferred")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("HANOI, March 23 - Officials met. The 10th anniversary of the partnership set up in 2013 is near.",
         "2023-03-23"),
        ("The minister said at a press conference on June 4 that talks went well. In 2019, trade hit $5 billion.",
         "2020-06-04"),
    ],
)
def test_resolve_extracted_report_date(text: str, date: str) -> None:
    out = date_documents([_doc("a", text)])[0].published
    assert (out.date, out.how) == (date, "extracted")


def test_resolve_report_date_ignores_future_dates() -> None:
    out = document_evidence(_doc("a", "The visit will last until March 24. In 2019, trade hit $5 billion."))
    assert out.how != "extracted"


def test_resolve_sibling_figure_dates_last_year() -> None:
    dated = _doc("a", "Exports of rice reached 7.1 million tonnes in 2022.", Published("2023-02-01", "declared"))
    undated = _doc("b", "Rice exports reached some 7.1 million tonnes last year, officials said.")
    out = date_documents([dated, undated])[1].published
    assert (out.date, out.how) == ("2023", "inferred") and "a gives for 2022" in out.why


def test_resolve_sibling_event_dates_a_report() -> None:
    dated = _doc("a", "The prime minister's two-day state visit to Jakarta began today with talks on fisheries.",
                 Published("2024-05-14", "declared"))
    undated = _doc("b", "During his two-day state visit to Jakarta, the prime minister discussed fisheries.")
    out = date_documents([dated, undated])[1].published
    assert (out.date, out.how) == ("2024-05", "inferred") and "two-day" in out.why


def test_resolve_shared_names_alone_do_not_date_a_report() -> None:
    dated = _doc("a", "President Smith met Chancellor Jones today in Berlin.", Published("2024-05-14", "declared"))
    undated = _doc("b", "President Smith and Chancellor Jones discussed trade and energy in a phone call.")
    assert date_documents([dated, undated])[1].published.how == "unknown"


def test_resolve_claims_reanchors_relative_scopes() -> None:
    doc = _doc("a", "Exports were worth $5 billion last year.")
    claims = extract_claims(doc)
    assert claims[0].qualifiers.time_scope is None
    dated = Document(id="a", source="a", text=doc.text, published=Published("2021-04-01", "inferred"))
    (c,) = resolve_claims([dated], claims)
    assert c.qualifiers.time_scope.point == "2020"


def _seed_docs() -> list[Document]:
    if not SEEDS.is_dir():
        pytest.skip(f"the shared seeds are not at {SEEDS}")
    from consilience.segment import segment

    return [segment(_doc(p.name[:3], p.read_text(encoding="utf-8"))) for p in sorted(SEEDS.glob("*.txt"))]


@pytest.mark.seeds
@pytest.mark.parametrize(("index", "date", "how"), [(0, "2023", "inferred"), (1, "2023", "inferred"),
                                                    (2, "2023-03-23", "extracted"), (3, "2023-09-10", "extracted"),
                                                    (4, "2023-09", "inferred")])
def test_resolve_seed_dates(index: int, date: str, how: str) -> None:
    out = date_documents(_seed_docs())[index].published
    assert (out.date, out.how) == (date, how) and out.why


def test_resolve_dateline_without_year_takes_the_year_of_the_storys_dated_reports():
    a = _doc("a", "LIMA, Feb. 3 (Andes Daily) - A landslide buried part of a mining town on Saturday, officials said.")
    b = _doc("b", "Arequipa, February 4 - The death toll from Saturday's landslide has risen to 17.")
    c = _doc("c", "A landslide struck a mining town on Saturday, killing 12 people.",
             Published(date="2024-02-03", how="declared"))
    far = _doc("d", "QUITO, Nov. 20 - Officials said the dam would be repaired.")
    got = {d.id: d.published for d in date_documents([a, b, c, far])}
    assert (got["a"].date, got["a"].how) == ("2024-02-03", "inferred") and "c" in got["a"].why
    assert got["b"].date == "2024-02-04"
    assert got["d"].date is None  # nine months from the story's reports: not one of them


def test_resolve_dateline_with_an_agency_in_brackets_is_found():
    ev = document_evidence(_doc("a", "LIMA, Feb. 3 (Andes Daily) - Exports rose to $3 billion in 2023."))
    assert ev.date == "2024-02-03" and "dateline 'Feb. 3'" in ev.why


def test_resolve_target_years_do_not_date_the_report():
    doc = _doc("a", "SANTIAGO, March 8 (Energy Wire) - Solar power supplied 26% of the country's electricity in 2025, "
                    "the grid operator said. Capacity reached 11.2 gigawatts. The country plans to close its last coal "
                    "plant by 2040 and has 2,300 megawatts of storage under construction.")
    ev = document_evidence(doc)
    assert ev.date == "2026-03-08", ev


def test_resolve_the_storys_dated_reports_outweigh_a_year_only_named_in_the_text():
    # a January report of last year's record names only last year: its sibling of the same day says which
    a = _doc("a", "GENEVA, Jan. 10 (Wire) - Last year was the hottest on record, the agency said. The record "
                  "set in 2024 beat the one set in 2023.")
    b = _doc("b", "The agency said last year was the hottest on record.", Published("2025-01-10", "declared"))
    got = {d.id: d.published for d in date_documents([a, b])}
    assert got["a"].date == "2025-01-10" and "b" in got["a"].why


def test_resolve_a_year_the_report_looks_back_to_does_not_date_it():
    # "the strongest since 2015" was written after 2015: with no other year, the dateline's year is unknown
    doc = _doc("a", "KATMANDU, Oct. 4 (Hill Wire) - An earthquake struck on Tuesday night. It was the strongest "
                    "earthquake to hit the country since 2015.")
    assert document_evidence(doc).date is None


def test_resolve_a_base_year_in_a_forward_sentence_still_dates_the_report():
    # "from 2017 levels" is what the cut is measured from: it lies behind the report, though the cut lies ahead
    doc = _doc("a", "SEOUL, April 30 - The government invoked a 1962 trade law to shield its mills. Under the deal, "
                    "quotas will cut steel shipments by about 30 percent from 2017 levels.")
    assert document_evidence(doc).date == "2017-04-30"


@pytest.mark.parametrize(("sentence", "reporting"), [
    ("Officials said on March 23 that the bridge would reopen.", True),
    ("The minister told reporters in Hanoi on March 23 that talks went well.", True),
    ("The ministry said in a statement on March 23 that exports rose.", True),
    ("The airline said on Thursday (Jul 28) that profit rose.", True),
    # the day of what was announced, not of the report
    ("The president announced the tariffs on March 8, but exempted allies later that month.", False),
])
def test_resolve_the_reporting_day_is_the_day_of_the_saying(sentence: str, reporting: bool) -> None:
    text = "Exports rose to $3 billion in 2023, up 4% from 2022. " + sentence
    ev = document_evidence(_doc("a", text))
    assert (ev.why is not None and "the report's own date" in ev.why) is reporting, ev


@pytest.mark.parametrize("head", [
    "KETANI, Aug 9 (Pan-African Health Wire) - Cases rose, officials said.",
    "Radio Ketani - evening news, Friday 9 August\nCases rose, officials said.",
    # a dateline that names the region or country after the city
    "KETANI, Lindia, Aug. 9 (Pan-African Health Wire) - Cases rose, officials said.",
])
def test_resolve_year_less_datelines_and_headers_take_the_storys_year(head):
    a = _doc("a", head)
    c = _doc("c", "Cases rose again.", Published(date="2024-08-10", how="declared"))
    got = {d.id: d.published for d in date_documents([a, c])}
    assert got["a"].date == "2024-08-09", got["a"]
