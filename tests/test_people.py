"""People and roles: mentions, short references, role claims and their judging across sources."""

from __future__ import annotations

import pytest

from consilience.model import Document, NameValue, Published
from consilience.people import align_people, extract_people, find_people, fold
from consilience.segment import segment


def _doc(text: str, doc_id: str = "a", date: str | None = None) -> Document:
    return segment(Document(id=doc_id, source=doc_id, text=text,
                            published=Published(date, "declared" if date else "unknown")))


@pytest.mark.parametrize(("written", "key"), [
    ("Phạm Thu Hằng", "pham thu hang"),
    ("Đặng Thu Hằng", "dang thu hang"),
    ("Nguyễn Phú Trọng", "nguyen phu trong"),
    ("Lech Wałęsa", "lech walesa"),
])
def test_people_fold_removes_diacritics_and_vietnamese_d(written: str, key: str) -> None:
    assert fold(written) == key


@pytest.mark.parametrize(("text", "name", "title", "owner"), [
    ("Foreign ministry spokesperson Pham Thu Hang told the press.", "Pham Thu Hang", "spokesperson",
     "foreign ministry"),
    ("It was said by Ministry of Foreign Affairs’ deputy spokesperson Dang Thu Hang on Friday.", "Dang Thu Hang",
     "deputy spokesperson", "foreign ministry"),
    ("U.S. Secretary of State Antony Blinken arrived.", "Antony Blinken", "secretary of state", "United States"),
    ("The visit was led by former US Ambassador to Vietnam – Ted Osius, who spoke.", "Ted Osius", "ambassador",
     "United States"),
    ("German Chancellor Angela Merkel spoke.", "Angela Merkel", "chancellor", "Germany"),
    ("Airbus chief executive Tom Enders said sales fell.", "Tom Enders", "chief executive", "airbus"),
    ("Tim Cook, Apple's chief executive, said the phone would ship.", "Tim Cook", "chief executive", "apple"),
    ("Louis Gallois, the chief executive of EADS, said costs rose.", "Louis Gallois", "chief executive", "eads"),
    ("In 2021, Sen. John McCain spoke.", "John McCain", "senator", None),
    ("Chief Patrol Agent Rodney Scott said so.", "Rodney Scott", "chief agent", None),
])
def test_people_find_titled_names(text: str, name: str, title: str, owner: str | None) -> None:
    found = [m for m in find_people(_doc(text)) if m.how in ("titled", "apposition")]
    assert [(m.name, m.title, m.org or m.country) for m in found] == [(name, title, owner)]


@pytest.mark.parametrize("text", [
    "General Motors said it would cut jobs.",
    "The Prime Minister met the delegation on Monday.",
    "According to the deputy spokesperson, the talks went well.",
])
def test_people_no_mention_without_a_name(text: str) -> None:
    assert [m for m in find_people(_doc(text)) if m.how != "pronoun"] == []


@pytest.mark.parametrize(("text", "word", "full"), [
    ("General Secretary Nguyen Phu Trong called. Trong suggested a plan.", "Trong", "Nguyen Phu Trong"),
    ("President Joe Biden spoke. Later President Biden left.", "Biden", "Joe Biden"),
    ("Deputy spokesperson Dang Thu Hang spoke. \"We agree,\" Hang replied.", "Hang", "Dang Thu Hang"),
    ("President Donald Trump spoke. Donald Trump said yes. Melania Trump said hello. Trump said no.",
     "Trump", "Donald Trump"),  # the person named most often, not merely the last one
])
def test_people_short_reference_resolves_to_full_name(text: str, word: str, full: str) -> None:
    doc = _doc(text)
    at = text.rindex(word)
    hits = [m for m in find_people(doc) if m.start <= at < m.end]
    assert [m.name for m in hits] == [full]


def test_people_pronoun_follows_the_previous_subject() -> None:
    text = ("President Joe Biden praised the role of General Secretary Nguyen Phu Trong. "
            "He pledged support for clean energy.")
    doc = _doc(text)
    he = [m for m in find_people(doc) if m.how == "pronoun"]
    assert [(doc.text[m.start:m.end], m.name) for m in he] == [("He", "Joe Biden")]


@pytest.mark.parametrize("text", [
    "Việt Nam-US relations and Chile-U.S. ties, said the Chilean envoy to the UK.",
    "us and US, the U.S. and United States of America; North Korea, Korea.",
    "No country at all here.",
])
def test_people_countries_of_a_document_match_a_full_reading(text: str) -> None:
    from consilience.people import doc_countries, find_countries

    assert doc_countries(_doc(text)) == find_countries(text)


def test_people_claim_carries_role_measure_and_subject() -> None:
    doc = _doc("\"Ties are good,\" foreign ministry spokesperson Pham Thu Hang told the press on March 2, 2023.")
    (claim,) = extract_people(doc)
    assert claim.kind == "name"
    assert claim.value == NameValue(name="Pham Thu Hang", key="pham thu hang", role="spokesperson")
    assert (claim.measure, claim.subject) == ("foreign ministry spokesperson", "foreign ministry")
    assert claim.qualifiers.time_scope is not None and claim.qualifiers.time_scope.point == "2023-03-02"
    assert doc.text[claim.span.start:claim.span.end] == "foreign ministry spokesperson Pham Thu Hang"


def test_people_one_claim_per_person_and_post_in_a_document() -> None:
    doc = _doc("President Joe Biden spoke. US President Joe Biden left. President Biden returned.")
    assert len(extract_people(doc)) == 1


def _facts(*texts: tuple[str, str, str | None]):
    docs = [_doc(t, i, d) for i, t, d in texts]
    claims = [c for d in docs for c in extract_people(d)]
    return align_people(claims, docs)


@pytest.mark.parametrize(("one", "other"), [
    ("Pham Thu Hang", "Dang Thu Hang"),  # family name first
    ("John Smith", "John Smyth"),  # family name last
])
def test_people_same_given_names_other_surname_is_conflict(one: str, other: str) -> None:
    facts = _facts(("a", f"Foreign ministry spokesperson {one} spoke.", "2023-03-01"),
                   ("b", f"Foreign ministry spokesperson {one} said so.", "2023-03-02"),
                   ("c", f"Foreign ministry spokesperson {other} said so.", "2023-03-02"))
    (fact,) = facts
    assert fact.verdict == "conflict"
    assert fact.id.startswith("name-")
    assert one in fact.explanation and other in fact.explanation and "a and b" in fact.explanation


@pytest.mark.parametrize(("one", "other"), [
    ("Rodney S.", "Rodney Scott"),  # an initial abbreviates the surname
    ("Barack Obama", "Joe Biden"),  # different people
    ("Jane Smith", "John Smith"),  # given names differ: two people
    ("Nguyen Van An", "Nguyen Van Binh"),
])
def test_people_different_names_in_one_post_are_no_conflict(one: str, other: str) -> None:
    facts = _facts(("a", f"President {one} spoke.", None), ("b", f"President {other} spoke.", None))
    assert sorted(f.verdict for f in facts) == ["single-source", "single-source"]


def test_people_surname_change_years_apart_is_a_change_of_office() -> None:
    (fact,) = _facts(("a", "Foreign ministry spokesperson Pham Thu Hang spoke.", "2015-01-10"),
                     ("b", "Foreign ministry spokesperson Dang Thu Hang spoke.", "2023-03-02"))
    assert fact.verdict == "compatible"
    assert "change of office" in fact.explanation


def test_people_other_title_at_other_date_is_compatible_and_explained() -> None:
    (fact,) = _facts(("a", "Deputy spokesperson Le Thi Thu Hang spoke on March 2, 2023.", "2023-03-02"),
                     ("b", "Spokesperson Le Thi Thu Hang spoke on September 9, 2023.", "2023-09-10"))
    assert fact.verdict == "compatible"
    assert "deputy spokesperson" in fact.explanation and "2023-03-02" in fact.explanation


def test_people_other_title_at_same_date_is_divergent() -> None:
    (fact,) = _facts(("a", "Deputy spokesperson Le Thi Thu Hang spoke.", "2023-03-02"),
                     ("b", "Spokesperson Le Thi Thu Hang spoke.", "2023-03-02"))
    assert fact.verdict == "divergent"


@pytest.mark.parametrize(("one", "other"), [
    ("Phạm Thu Hằng", "Pham Thu Hang"),
    ("Party General Secretary Nguyễn Phú Trọng", "General Party Secretary Nguyen Phu Trong"),
])
def test_people_same_person_same_post_agree(one: str, other: str) -> None:
    if "Secretary" not in one:
        one, other = f"Spokesperson {one}", f"Spokesperson {other}"
    (fact,) = _facts(("a", f"{one} spoke.", None), ("b", f"{other} spoke.", None))
    assert fact.verdict == "agree"
    assert [c.doc_id for c in fact.claims] == ["a", "b"]


def test_people_one_source_is_single_source() -> None:
    (fact,) = _facts(("a", "Prime Minister Pham Minh Chinh received them.", None))
    assert fact.verdict == "single-source"


def test_people_fact_id_does_not_depend_on_claim_order() -> None:
    docs = [_doc("President Joe Biden spoke.", "a"), _doc("President Joe Biden left.", "b")]
    claims = [c for d in docs for c in extract_people(d)]
    assert [f.id for f in align_people(claims, docs)] == [f.id for f in align_people(claims[::-1], docs)]


@pytest.mark.seeds
def test_people_seeds_spokesperson_conflict_002_against_000_001_003(seed_documents) -> None:
    docs = seed_documents
    facts = align_people([c for d in docs for c in extract_people(d)], docs)
    conflicts = [f for f in facts if f.verdict == "conflict"]
    assert len(conflicts) == 1
    (fact,) = conflicts
    by_key = {c.value.key: set() for c in fact.claims}
    for c in fact.claims:
        by_key[c.value.key].add(c.doc_id[:3])
    assert by_key == {"pham thu hang": {"000", "001", "003"}, "dang thu hang": {"002"}}
    assert "deputy spokesperson" in fact.explanation  # the title difference is explained


@pytest.mark.parametrize("opening", ["Meeting", "Receiving", "Welcoming"])
def test_people_sentence_opening_participle_is_not_a_given_name(opening: str) -> None:
    doc = _doc(f"{opening} Han, the country's prime minister said progress had been good.")
    assert not [p for p in find_people(doc) if p.name.startswith(opening)]


def test_people_countries_cover_the_world_and_skip_homonyms():
    from consilience.people import find_countries

    text = ("Ghana, Kenyan farmers, the Czech Republic and Peru signed. Michael Jordan and Lake Chad are not "
            "countries, nor is a roast turkey; Jordan is.")
    assert [name for _, _, name in find_countries(text)] == ["Ghana", "Kenya", "Czech Republic", "Peru", "Jordan"]


@pytest.mark.parametrize(("text", "mentions"), [
    # a courtesy title is not part of the name, and resolves a surname to the full name
    ("The district medical officer, Dr Grace Mwale, said 126 cases were recorded. Dr Mwale said more would come.",
     [("Dr Grace Mwale", "Grace Mwale"), ("Dr Mwale", "Grace Mwale")]),
    ("Prime Minister Rishi Sunak visited the plant. Mr Sunak said 2,000 jobs would follow.",
     [("Prime Minister Rishi Sunak", "Rishi Sunak"), ("Mr Sunak", "Rishi Sunak")]),
    ("Health Minister Dr. Ana Lima visited the ward.", [("Health Minister Dr. Ana Lima", "Ana Lima")]),
    ("Dr Ana Lima, the health minister, said beds were short.", [("Dr Ana Lima, the health minister", "Ana Lima")]),
    # the courtesy title alone makes a person, whatever follows the name
    ("Cases rose on Friday, Dr Grace Mwale, the district medical officer, told reporters.",
     [("Dr Grace Mwale", "Grace Mwale")]),
    ("Mrs Thatcher resigned in 1990.", [("Mrs Thatcher", "Mrs Thatcher")]),
])
def test_people_courtesy_titles_are_not_part_of_names(text: str, mentions: list) -> None:
    doc = _doc(text)
    found = [(doc.text[m.start:m.end], m.name) for m in find_people(doc) if m.how != "pronoun"]
    assert found == mentions


def test_people_one_name_written_in_another_order_or_spacing_is_one_person() -> None:
    facts = _facts(("a", "Chief executive Mei Ling Tan said bookings rose.", None),
                   ("b", "Chief executive Meiling Tan said demand stayed strong.", None),
                   ("c", "CEO Tan Mei Ling said the carrier would add aircraft.", None))
    (fact,) = facts
    assert fact.verdict == "compatible" and {c.doc_id for c in fact.claims} == {"a", "b", "c"}
    assert "written differently" in fact.explanation
