"""The merged timeline: one entry per dated event, sorted, granularity kept, sources and conflicts shown."""

from __future__ import annotations

import pytest

from consilience.events import align_events, extract_events
from consilience.model import Claim, Document, Fact, Published, Span, TimelineEntry, TimeValue
from consilience.people import fold
from consilience.segment import segment
from consilience.timeline import build_timeline


def _doc(text: str, doc_id: str = "a", date: str | None = None) -> Document:
    return segment(Document(id=doc_id, source=doc_id, text=text,
                            published=Published(date, "declared" if date else "unknown")))


def _timeline(*docs: tuple[str, str, str | None]) -> list[TimelineEntry]:
    built = [_doc(t, i, d) for i, t, d in docs]
    return build_timeline(align_events([c for d in built for c in extract_events(d)], built), built)


def test_timeline_entries_sorted_by_date_then_label() -> None:
    entries = _timeline(("a", "US President Barack Obama visited Vietnam in 2016. Vietnam and the US "
                              "normalized relations in 1995. US President Donald Trump visited Vietnam in 2016.", None))
    assert [(e.date, e.label) for e in entries] == [
        ("1995", "normalisation: United States – Vietnam"),
        ("2016", "visit: Barack Obama → Vietnam"),
        ("2016", "visit: Donald Trump → Vietnam"),
    ]


@pytest.mark.parametrize(("phrase", "date", "granularity"), [
    ("in 2013", "2013", "year"),
    ("in July 2013", "2013-07", "month"),
    ("on July 25, 2013", "2013-07-25", "day"),
])
def test_timeline_keeps_granularity(phrase: str, date: str, granularity: str) -> None:
    (entry,) = _timeline(("a", f"Vietnam and the US signed a partnership {phrase}.", None))
    assert (entry.date, entry.granularity) == (date, granularity)


def test_timeline_run_of_days_is_dated_by_its_first_day() -> None:
    (entry,) = _timeline(("a", "US President Joe Biden visited Vietnam from September 10-11, 2023.", None))
    assert (entry.date, entry.granularity) == ("2023-09-10", "day")
    assert entry.end == "2023-09-11" and "(to" not in entry.label


def test_timeline_one_entry_for_one_event_with_all_sources() -> None:
    entries = _timeline(("b", "Vietnam and the US normalized relations in 1995.", None),
                        ("a", "Relations between Vietnam and the U.S. were normalized in 1995.", None),
                        ("c", "President Joe Biden's visit to Vietnam marks the fifth time.", None))
    assert [(e.date, e.doc_ids) for e in entries] == [("1995", ("a", "b"))]


def test_timeline_marks_conflicting_dates() -> None:
    (entry,) = _timeline(("a", "In November 2001, Bill Clinton made a visit to Vietnam.", None),
                         ("b", "In November 2000, Bill Clinton made a visit to Vietnam.", None))
    assert entry.conflict is True
    assert entry.doc_ids == ("a", "b")


def test_timeline_leaves_out_undated_events() -> None:
    assert _timeline(("a", "President Joe Biden's visit to Vietnam marks the fifth time.", None)) == []


def _date_fact(doc: Document, start: int, end: int, point: str, fid: str) -> Fact:
    y = int(point[:4])
    value = TimeValue(point=point, low=f"{y}-01-01", high=f"{y + 1}-01-01", granularity="year")
    sent = doc.sentences[0]
    claim = Claim(id=f"{doc.id}#date@{start}", kind="date", span=Span(doc.id, start, end), sentence=sent, value=value)
    return Fact(id=fid, label="founding of the bank", kind="date", verdict="single-source", explanation="",
                claims=(claim,), consensus=value)


@pytest.mark.parametrize(("text", "entries"), [
    ("The bank was founded in 1998 by the state.", 1),  # no event here: the date fact is an entry
    ("Vietnam and the US normalized relations in 1995.", 1),  # the event already tells this sentence
])
def test_timeline_date_fact_joins_unless_an_event_tells_its_sentence(text: str, entries: int) -> None:
    doc = _doc(text)
    year = next(w for w in text.replace(".", "").split() if w.isdigit())
    at = text.index(year)
    facts = align_events(extract_events(doc), [doc]) + [_date_fact(doc, at, at + 4, year, "date-1")]
    assert len(build_timeline(facts, [doc])) == entries


# What seeds-expected.md lists for the merged timeline: (date, granularity, sources that must be cited,
# words the label must hold). The date is the one the sources support, at the granularity they give.
EXPECTED = [
    ("1995", "year", {"000", "001", "002", "003"}, ["normalisation"]),
    ("2001-11", "month", {"003"}, ["visit", "clinton"]),
    ("2005-06", "month", {"003"}, ["visit", "khai"]),
    ("2006-11", "month", {"003"}, ["visit", "bush"]),
    ("2007-06", "month", {"003"}, ["visit", "triet"]),
    ("2008-06", "month", {"003"}, ["visit", "dung"]),
    ("2013-07", "month", {"002", "003"}, ["agreement"]),
    ("2013-07", "month", {"003"}, ["visit", "sang"]),
    ("2015", "year", {"003"}, ["visit", "trong"]),
    ("2016", "year", {"003"}, ["visit", "obama"]),
    ("2017", "year", {"003"}, ["visit", "phuc"]),
    ("2017", "year", {"003"}, ["visit", "trump"]),
    ("2019", "year", {"003"}, ["visit", "trump"]),
    ("2021", "year", {"003"}, ["visit", "harris"]),
    ("2022-05", "month", {"003"}, ["visit", "chinh"]),
    ("2023-03", "month", {"000", "003"}, ["call", "trong", "biden"]),
    ("2023-03-21", "day", {"002"}, ["visit"]),
    ("2023-03-22", "day", {"002"}, ["meeting", "chinh"]),
    ("2023-03-23", "day", {"002"}, ["statement", "hang"]),
    ("2023-04", "month", {"000", "001"}, ["visit", "blinken"]),
    ("2023-07-26", "day", {"003"}, ["statement", "son"]),
    ("2023-09-10", "day", {"003", "004"}, ["visit", "biden"]),
]


@pytest.fixture(scope="module")
def seed_timeline(seed_documents) -> list[TimelineEntry]:
    docs = seed_documents
    facts = align_events([c for d in docs for c in extract_events(d)], docs)
    return build_timeline(facts, docs)


def _found(entries: list[TimelineEntry], date: str, granularity: str, docs: set[str], words: list[str]) -> bool:
    return any(e.date == date and e.granularity == granularity and docs <= {d[:3] for d in e.doc_ids}
               and all(w in fold(e.label) for w in words) for e in entries)


@pytest.mark.seeds
def test_timeline_seeds_holds_most_expected_entries(seed_timeline) -> None:
    entries = seed_timeline
    missing = [x for x in EXPECTED if not _found(entries, *x)]
    assert len(missing) <= len(EXPECTED) // 5, f"missing: {missing}"


@pytest.mark.seeds
@pytest.mark.parametrize(("words", "docs"), [
    (["normalisation"], {"000", "001", "002", "003"}),
    (["visit", "biden"], {"003", "004"}),
])
def test_timeline_seeds_event_appears_once_with_all_sources(seed_timeline, words: list[str], docs: set[str]) -> None:
    hits = [e for e in seed_timeline if all(w in fold(e.label) for w in words)]
    assert len(hits) == 1
    assert {d[:3] for d in hits[0].doc_ids} >= docs


# Small stories of other domains, built by hand: (reports, expected (kind, verdict, sources) facts that
# must be found, expected timeline (date, sources)).
STORIES = {
    "business": (
        [("a", "Airbus chief executive Tom Enders resigned on June 3, 2019. \"We built a great team,\" "
               "Enders said.", "2019-06-04"),
         ("b", "Airbus chief executive Tom Enders resigned on June 3, 2019, the company said. \"We built a "
               "strong team,\" Enders said.", "2019-06-04"),
         ("c", "Airbus chief executive Tom Enders resigned on June 2, 2019.", "2019-06-04")],
        [("name", "agree", ("a", "b", "c")), ("quote", "divergent", ("a", "b")),
         ("event", "conflict", ("a", "b", "c"))],
        [("2019-06-03", ("a", "b", "c"))],
    ),
    "sport": (
        [("a", "Costa Norte coach Helena Sousa said: \"We were tired, but the players never stopped "
               "believing.\" Costa Norte won the final on May 25, 2024.", "2024-05-26"),
         ("b", "Coach Helena Sousa said: \"We were tired, but the players never stopped believing.\" "
               "Costa Norte won the cup final on May 25, 2024.", "2024-05-26"),
         ("c", "Costa Norte coach Helena Souza praised her side.", "2024-05-26")],  # misspelt surname
        [("name", "conflict", ("a", "b", "c")), ("quote", "agree", ("a", "b")), ("event", "agree", ("a", "b"))],
        [("2024-05-25", ("a", "b"))],
    ),
    "disaster": (
        [("a", "Search coordinator Rahmat Hidayat said on March 2, 2024 that 23 people were missing.",
          "2024-03-02"),
         ("b", "Search coordinator Rahmat Hidayah said on March 2, 2024 that 16 people were missing.",
          "2024-03-02")],
        # the statements stay apart: their speakers' names disagree, and the name conflict says so
        [("name", "conflict", ("a", "b")), ("event", "single-source", ("a",))],
        [("2024-03-02", ("a",)), ("2024-03-02", ("b",))],
    ),
}


@pytest.mark.parametrize("name", sorted(STORIES))
def test_timeline_other_domains_line_up_people_quotes_and_events(name: str) -> None:
    from consilience.people import align_people, extract_people
    from consilience.quotes import align_quotes, extract_quotes

    reports, expected_facts, expected_timeline = STORIES[name]
    docs = [_doc(t, i, d) for i, t, d in reports]
    facts = (align_people([c for d in docs for c in extract_people(d)], docs)
             + align_quotes([c for d in docs for c in extract_quotes(d)], docs)
             + align_events([c for d in docs for c in extract_events(d)], docs))
    got = {(f.kind, f.verdict, tuple(sorted({c.doc_id for c in f.claims}))) for f in facts}
    for fact in expected_facts:
        assert fact in got, f"{name}: {fact} not in {sorted(got)}"
    timeline = [(e.date, e.doc_ids) for e in build_timeline(facts, docs)]
    for entry in expected_timeline:
        assert entry in timeline


def test_timeline_same_input_in_another_order_gives_the_same_result() -> None:
    from consilience.people import align_people, extract_people
    from consilience.quotes import align_quotes, extract_quotes

    reports = [(i, t, d) for name in sorted(STORIES) for i, t, d in STORIES[name][0]]
    docs = [_doc(t, f"{n}{i}", d) for n, (i, t, d) in enumerate(reports)]

    def run(ds: list[Document]) -> tuple:
        claims = [c for d in ds for c in (*extract_people(d), *extract_quotes(d), *extract_events(d))]
        facts = (align_people([c for c in claims if c.kind == "name"], ds)
                 + align_quotes([c for c in claims if c.kind == "quote"], ds)
                 + align_events([c for c in claims if c.kind == "event"], ds))
        return [(f.id, f.verdict, f.explanation) for f in facts], build_timeline(facts, ds)

    assert run(docs) == run(docs[::-1])
