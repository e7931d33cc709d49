"""Dates as facts: when something began, was found or is due, lined up across reports."""

from __future__ import annotations

import pytest

from consilience.dates import align_dates, extract_dates
from consilience.model import Document, Published
from consilience.segment import segment


def _doc(text: str, doc_id: str = "a", date: str = "2025-08-14") -> Document:
    return segment(Document(id=doc_id, source=doc_id, text=text, published=Published(date, "declared")))


@pytest.mark.parametrize(("text", "measure", "point"), [
    ("The fire, which broke out on 10 August in woodland, has burned 2,980 hectares.", "fire: start", "2025-08-10"),
    ("A wildfire that began on Saturday, Aug. 9, swept through the hills.", "fire: start", "2025-08-09"),
    ("The company said it first identified the fault in November 2024.", "fault: discovery", "2024-11"),
    # a schedule said with a future cue in an August report is next June's, not the June just gone
    ("The committee will examine the bill before the second reading, scheduled for 11 June.",
     "second reading: schedule", "2026-06-11"),
    ("Lawmakers are due to hold the second reading on June 18.", "second reading: schedule", "2026-06-18"),
    # the first case dates the start of an outbreak
    ("The first case was recorded on July 29, officials said.", "outbreak: start", "2025-07-29"),
])
def test_dates_a_date_of_a_start_a_discovery_or_a_schedule_is_a_claim(text, measure, point):
    (claim,) = extract_dates(_doc(text))
    assert (claim.kind, claim.measure, claim.value.point) == ("date", measure, point)


@pytest.mark.parametrize("text", [
    "Officials said on Monday that the fire was under control.",  # the day of a saying is no fact of the story
    "The visit on 10 August was the first in a decade.",  # dated by the events, not by this module
    "Exports rose 5% in 2024.",  # a figure's period is its time scope
])
def test_dates_other_dates_are_not_date_claims(text):
    assert extract_dates(_doc(text)) == []


def _facts(*texts: str):
    docs = [_doc(t, chr(ord("a") + k)) for k, t in enumerate(texts)]
    return align_dates([c for d in docs for c in extract_dates(d)], docs)


def test_dates_reports_that_cannot_name_the_same_day_conflict():
    (fact,) = _facts("The fire, which broke out on 10 August, burned 2,980 hectares.",
                     "A wildfire that began on Saturday, Aug. 9, swept through the hills.",
                     "Four days after the blaze that broke out on 10 August, residents went home.")
    assert fact.verdict == "conflict" and {c.doc_id for c in fact.claims} == {"a", "b", "c"}
    assert "10 August 2025" in fact.explanation and "9 August 2025" in fact.explanation


@pytest.mark.parametrize(("first", "second", "verdict"), [
    ("The fire broke out on 10 August.", "The blaze began on 10 August.", "agree"),
    ("The company first identified the fault in November 2024.",
     "Engineers found the problem on 12 November 2024.", "compatible"),
])
def test_dates_the_same_day_agrees_and_a_day_in_the_month_is_compatible(first, second, verdict):
    (fact,) = _facts(first, second)
    assert fact.verdict == verdict


def test_dates_a_start_and_a_discovery_are_different_facts():
    facts = _facts("The fire broke out on 10 August.", "The fire was found on 9 August.")
    assert sorted(f.verdict for f in facts) == ["single-source", "single-source"]


@pytest.mark.parametrize(("text", "point"), [
    # the first act of something that went on dates its start
    ("The intruders first gained access on 3 July, using a stolen password.", "2025-07-03"),
    ("The attackers had first got into its network on 21 June.", "2025-06-21"),
    # what went unnoticed until a day was found that day
    ("The leak went unnoticed until 30 July, when staff saw odd traffic.", "2025-07-30"),
])
def test_dates_a_first_act_starts_and_unnoticed_until_discovers(text, point):
    (claim,) = extract_dates(_doc(text))
    assert claim.value.point == point and claim.measure.endswith(("start", "discovery"))


def test_dates_first_acts_of_one_intrusion_in_other_words_conflict():
    (fact,) = _facts("The intruders first gained access on 3 July, a contractor's login in hand.",
                     "The attackers had first got into its network on 21 June.",
                     "According to the firm, the hackers first logged in on July 3.")
    assert fact.verdict == "conflict" and {c.doc_id for c in fact.claims} == {"a", "b", "c"}


def test_dates_a_date_an_event_already_gives_is_left_to_the_event():
    from consilience.dates import drop_event_dates
    from consilience.model import Claim, EventValue, Span

    doc = _doc("Her two-day state visit, which begins on 12 August, was announced on Monday.")
    (date,) = extract_dates(doc)
    assert date.measure == "two-day state visit: start"

    def event(action: str, doc_id: str = "a") -> Claim:
        return Claim(id=f"{doc_id}#e", kind="event", span=Span(doc_id, 0, 10), sentence=Span(doc_id, 0, 10),
                     value=EventValue(action=action, actor="Lee Ann Park", when=date.value))

    assert drop_event_dates([date], [event("visit")]) == []  # the visit's own date: the event lines it up
    assert drop_event_dates([date], [event("meeting")]) == [date]  # another happening on that day
    assert drop_event_dates([date], [event("visit", "b")]) == [date]  # another report's visit


def test_dates_facts_are_named_by_what_happened():
    (fact,) = _facts("The fire broke out on 10 August.", "The blaze began on 9 August.")
    assert fact.label == "start of fire"


@pytest.mark.parametrize(("text", "point"), [
    ("Alvega recorded 48.1C, breaking the national record of 47.3 degrees set in 2003.", "2003"),
    ("The reading beats the 47.3C recorded at Amareleja in August 2003, a record that had stood for years.", "2003-08"),
    ("The previous record, 117.1 degrees Fahrenheit, was set in 2003 in the south.", "2003"),
])
def test_dates_the_setting_of_a_record_is_a_date_claim(text, point):
    (claim,) = extract_dates(_doc(text))
    assert (claim.measure, claim.value.point) == ("record: setting", point)


def test_dates_a_figure_recorded_in_a_month_is_no_record():
    assert extract_dates(_doc("Inflation recorded in March was 3.1%, the statistics office said.")) == []


def test_dates_records_named_differently_set_in_different_years_conflict():
    (fact,) = _facts("It broke the national record of 47.3 degrees set in 2003.",
                     "It smashed the previous high of 47.3C, set at Amareleja in August 2013, a record.")
    assert fact.verdict == "conflict" and fact.label == "date the record was set"
