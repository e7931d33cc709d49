"""Events: action, actor, target, place and date from sentences, and one event across sources."""

from __future__ import annotations

import pytest

from consilience.events import EventOptions, align_events, consensus_date, extract_events
from consilience.model import Document, Published
from consilience.segment import segment


def _doc(text: str, doc_id: str = "a", date: str | None = None) -> Document:
    return segment(Document(id=doc_id, source=doc_id, text=text,
                            published=Published(date, "declared" if date else "unknown")))


def _events(text: str, date: str | None = None) -> list[tuple]:
    return [(c.value.action, c.value.actor, c.value.target, c.value.when.point if c.value.when else None)
            for c in extract_events(_doc(text, date=date))]


@pytest.mark.parametrize(("text", "expected"), [
    ("In November 2001, Bill Clinton made a visit to Vietnam.", ("visit", "Bill Clinton", "Vietnam", "2001-11")),
    ("Prime Minister Pham Minh Chinh visited the US in May 2022.",
     ("visit", "Pham Minh Chinh", "United States", "2022-05")),
    ("In March 2023, General Secretary Nguyen Phu Trong had a phone conversation with President Joe Biden.",
     ("call", "Nguyen Phu Trong", "Joe Biden", "2023-03")),
    ("On July 25, 2013, Vietnam and the US agreed to promote their relationship.",
     ("agreement", "United States", "Vietnam", "2013-07-25")),
    ("Relations between Vietnam and the U.S. were normalized in 1995.",
     ("normalisation", "United States", "Vietnam", "1995")),
    ("On March 22, Prime Minister Pham Minh Chinh received the US delegates.",
     ("meeting", "Pham Minh Chinh", "United States", "2023-03-22")),
    ("Airbus chief executive Tom Enders resigned on June 3, 2019.", ("resignation", "Tom Enders", None, "2019-06-03")),
    ("Civic Alliance won the regional election held on 4-5 October 2024.",
     ("win", "Civic Alliance", None, "2024-10-04")),
    ("Spokesperson Dang Thu Hang said at a press conference in Hanoi on March 23.",
     ("statement", "Dang Thu Hang", None, "2023-03-23")),
])
def test_events_sentence_gives_action_actor_target_and_date(text: str, expected: tuple) -> None:
    assert _events(text, "2023-03-23") == [expected]


def test_events_relative_date_is_anchored_on_the_document_date() -> None:
    assert _events("Biden's two-day visit, starting today, is a milestone. President Joe Biden spoke.",
                   "2023-09-10")[0][3] == "2023-09-10"


def test_events_same_text_under_another_document_date_resolves_again() -> None:
    text = "In March, President Joe Biden visited Chile."
    assert [_events(text, date)[0][3] for date in ("2023", "2019")] == ["2023-03", "2019-03"]


def test_events_two_clauses_keep_their_own_dates() -> None:
    text = ("In 2021, US Vice President Kamala Harris paid a visit to Vietnam, and in May 2022, "
            "Prime Minister Pham Minh Chinh visited the US.")
    assert _events(text) == [("visit", "Kamala Harris", "Vietnam", "2021"),
                             ("visit", "Pham Minh Chinh", "United States", "2022-05")]


def test_events_dates_of_a_list_take_the_sentence_trigger_and_their_own_person() -> None:
    text = ("The two countries exchanged many visits, including those by US President George W. Bush in "
            "November 2006, Vietnamese President Nguyen Minh Triet in June 2007, and Prime Minister "
            "Nguyen Tan Dung in June 2008.")
    assert [(a, who, when) for a, who, _, when in _events(text)] == [
        ("visit", "George W. Bush", "2006-11"), ("visit", "Nguyen Minh Triet", "2007-06"),
        ("visit", "Nguyen Tan Dung", "2008-06")]


def test_events_repeated_dates_share_the_actor() -> None:
    assert [(who, when) for _, who, _, when in _events("US President Donald Trump visited Vietnam in 2017 and 2019.")] \
        == [("Donald Trump", "2017"), ("Donald Trump", "2019")]


@pytest.mark.parametrize("text", [
    "The visit will last until March 24.",
    "Vilamar, who had not lost a final since 2015, finished with ten men.",
    "Vilamar had not lost a final in 2015.",
    "Freight rose 11 percent in 2023, said Finance Minister Amina Rashidi.",
    '"We were tired," said Coach Helena Sousa, who won the cup as a player in 2009.',
    "President Joe Biden said in 2009 that it was late.",
    'Secretary of State Jane Roe said: "I look forward to the talks on September 10."',
    "High-level visits have motivated growth of relations in 2023.",
    "The two sides marked the 10th anniversary of the establishment of the partnership in 2023.",
    "Bilateral trade was worth $120 billion in 2022.",
])
def test_events_no_event_without_a_dated_trigger(text: str) -> None:
    assert _events(text, "2023-03-23") == []


@pytest.mark.parametrize(("text", "kept"), [
    ("President Joe Biden's visit to Vietnam marks a milestone.", [("visit", "Joe Biden", "Vietnam", None)]),
    ("The visit to Vietnam marks a milestone.", []),
    ("Relations were normalized long ago.", []),
])
def test_events_undated_sentence_needs_a_named_actor(text: str, kept: list) -> None:
    assert _events(text) == kept


@pytest.mark.parametrize(("anchor", "expected"), [
    (False, []),
    (True, [("launch", "Boeing", None, "2008-03-01")]),
])
def test_events_anchor_to_document_dates_undated_sentences(anchor: bool, expected: list) -> None:
    doc = _doc("Boeing launched a new tanker programme.", date="2008-03-01")
    got = extract_events(doc, options=EventOptions(anchor_to_document=anchor))
    assert [(c.value.action, c.value.actor, c.value.target, c.value.when.point) for c in got] == expected


def _align(*docs: tuple[str, str, str | None]):
    built = [_doc(t, i, d) for i, t, d in docs]
    return align_events([c for d in built for c in extract_events(d)], built)


def test_events_same_event_same_date_agree() -> None:
    (fact,) = _align(("a", "Relations between Vietnam and the US were normalized in 1995.", None),
                     ("b", "Vietnam and the United States normalized relations in 1995.", None))
    assert fact.verdict == "agree"
    assert fact.id.startswith("event-")
    assert [c.doc_id for c in fact.claims] == ["a", "b"]


def test_events_nested_dates_are_compatible() -> None:
    (fact,) = _align(("a", "Vietnam and the US set up a comprehensive partnership in 2013.", None),
                     ("b", "On July 25, 2013, Vietnam and the US agreed to a comprehensive partnership.", None),
                     ("c", "In July 2013, Vietnam and the US signed a comprehensive partnership.", None))
    assert fact.verdict == "compatible"
    assert fact.consensus.when.point == "2013-07"


def test_events_different_dates_of_one_event_conflict() -> None:
    (fact,) = _align(("a", "In November 2001, Bill Clinton made a visit to Vietnam.", None),
                     ("b", "In November 2000, Bill Clinton made a visit to Vietnam.", None))
    assert fact.verdict == "conflict"
    assert "2000-11" in fact.explanation and "2001-11" in fact.explanation


def test_events_source_giving_both_dates_makes_no_conflict() -> None:
    facts = _align(("a", "US President Barack Obama signed the deal with Iran in 2015.", None),
                   ("b", "US President Barack Obama signed the deal with Iran in 2015 and signed the deal "
                         "with Iran again in 2016.", None),
                   ("c", "US President Barack Obama signed the deal with Iran in 2016.", None))
    assert "conflict" not in {f.verdict for f in facts}


def test_events_repeat_visits_years_apart_are_separate() -> None:
    facts = _align(("a", "US President Donald Trump visited Vietnam in 2017.", None),
                   ("b", "US President Donald Trump visited Vietnam in 2019.", None))
    assert sorted(f.verdict for f in facts) == ["single-source", "single-source"]


def test_events_same_date_other_actor_is_another_event() -> None:
    facts = _align(("a", "US President Barack Obama visited Vietnam in 2016.", None),
                   ("b", "US President Donald Trump visited Vietnam in 2016.", None))
    assert len(facts) == 2


def test_events_undated_report_joins_the_dated_event() -> None:
    (fact,) = _align(("a", "US President Joe Biden is making an official visit to Vietnam from September 10-11.",
                      "2023-09-10"),
                     ("b", "President Joe Biden's visit to Vietnam marks the fifth time.", None))
    assert sorted(c.doc_id for c in fact.claims) == ["a", "b"]
    assert fact.consensus.when.point == "2023-09-10"
    assert "b reports it without a date" in fact.explanation


@pytest.mark.parametrize(("dates", "expected"), [
    (["2013", "2013-07-25", "2013-07"], "2013-07"),  # the finest date two sources support
    (["2013", "2013"], "2013"),
    (["2013-07-25"], "2013-07-25"),
])
def test_events_consensus_date(dates: list[str], expected: str) -> None:
    words = {"2013": "in 2013", "2013-07": "in July 2013", "2013-07-25": "on July 25, 2013"}
    built = [_doc(f"Vietnam and the US signed a partnership {words[d]}.", f"d{i}") for i, d in enumerate(dates)]
    claims = [c for d in built for c in extract_events(d)]
    assert consensus_date(claims).point == expected


def test_events_one_dissenting_date_among_many_sources_conflicts() -> None:
    docs = [(f"r{i:03d}", "In March 2004, Danish Prime Minister Anders Rasmussen made a visit to Ghana.", None) for i in range(80)]
    docs.append(("z", "In March 2005, Danish Prime Minister Anders Rasmussen made a visit to Ghana.", None))
    facts = _align(*docs)
    (fact,) = [f for f in facts if len(f.claims) > 1]
    assert fact.verdict == "conflict"
    assert "2004-03" in fact.explanation and "2005-03" in fact.explanation
    assert len({c.doc_id for c in fact.claims}) == 81


@pytest.mark.parametrize(("text", "target"), [
    ("Ties deepened after a visit by British Prime Minister Tony Blair to Ghana in 2007.", "Ghana"),
    ("Kenya received a visit by US President Barack Obama in July 2015.", "Kenya"),
    ("Peru hosted a visit by Spanish Prime Minister Pedro Sanchez in 2019.", "Peru"),
    ("German Chancellor Angela Merkel visited Tanzania in 2011.", "Tanzania"),
])
def test_events_visit_goes_to_the_host_not_the_visitors_own_country(text: str, target: str) -> None:
    ((action, _, got, _),) = [e for e in _events(text) if e[0] == "visit"]
    assert got == target


def test_events_figure_in_an_after_clause_does_not_date_the_signing() -> None:
    text = ("Nigeria and Ghana on Tuesday signed an agreement to ease trade, after two-way trade rose to more "
            "than $2.3 billion in 2023.")
    undated = [e for e in _events(text) if e[0] == "agreement"]
    assert all(e[3] != "2023" for e in undated), undated
    dated = [e for e in _events(text, date="2024-05-16") if e[0] == "agreement"]
    assert dated and {e[3] for e in dated} == {"2024-05-14"}, dated


@pytest.mark.parametrize(("text", "place"), [
    ("The Green Alliance won 24 seats in Sunday's regional election.", None),  # a day, not a place
    ("The Green Alliance won the vote in Monday's runoff.", None),
    ("On Sunday, Civic Alliance won the regional election in Lam's home province.", None),  # a person's, not a place
    ("On Sunday, Civic Alliance won the regional election in Northern Province.", "Northern Province"),
])
def test_events_place_is_not_a_day_or_a_possessive(text: str, place: str | None) -> None:
    (claim,) = extract_events(_doc(text, date="2024-05-10"))
    assert claim.value.place == place


@pytest.mark.parametrize(("text", "attack"), [
    ("Rail workers walked out on Monday at the start of a five-day strike over pay.", False),
    ("An earthquake struck the region on Monday, officials said.", False),
    ("Israeli jets struck Gaza on Monday, the army said.", True),
    ("Russia launched a missile strike on Kyiv on Monday.", True),
])
def test_events_a_strike_is_an_attack_only_with_arms(text, attack):
    actions = {a for a, *_ in _events(text, date="2025-03-04")}
    assert ("attack" in actions) == attack
