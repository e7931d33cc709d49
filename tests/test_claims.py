"""Tests of consilience.extract.claims: subject, measure, terms and qualifiers of quantity and rank claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from consilience.extract import extract_claims
from consilience.extract.claims import clause_terms, sentence_spans
from consilience.extract.lexicon import find_places, fold
from consilience.model import Document, Published, Rank

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"


def _doc(text: str, date: str | None = "2023-05-10", doc_id: str = "d1") -> Document:
    return Document(id=doc_id, source=doc_id, text=text, published=Published(date=date, how="declared" if date else "unknown"))


def _claim(text: str, written: str, date: str | None = "2023-05-10"):
    doc = _doc(text, date)
    found = [c for c in extract_claims(doc) if doc.text[c.span.start:c.span.end] == written]
    assert found, f"no claim on {written!r} in {[doc.text[c.span.start:c.span.end] for c in extract_claims(doc)]}"
    return found[0]


def test_claims_id_and_spans() -> None:
    doc = _doc("Exports rose 11% last year. Imports fell to $3 billion.")
    claims = extract_claims(doc)
    assert [c.id for c in claims] == [f"d1#{c.span.start}" for c in claims]
    for c in claims:
        assert c.sentence.start <= c.span.start and c.span.end <= c.sentence.end


def test_claims_sorted_by_span_start() -> None:
    claims = extract_claims(_doc("It had 3,000 staff. Sales were $5 billion, up 4% from 2022, the third largest rise."))
    assert [c.span.start for c in claims] == sorted(c.span.start for c in claims)


@pytest.mark.parametrize(
    ("text", "written", "measure"),
    [
        ("Bilateral trade between the two states was worth more than $123.86 billion last year.",
         "more than $123.86 billion", "bilateral trade"),
        ("In 2022, bilateral trade turnover hit US$123 billion.", "US$123 billion", "bilateral trade turnover"),
        ("They reported a total investment capital of over $10.3 billion.", "over $10.3 billion", "investment capital"),
        ("U.S. investment in Vietnam has topped $11 billion.", "topped $11 billion", "investment"),
        ("The US companies poured US$11.4 billion into projects.", "US$11.4 billion", "investment"),
        ("Every year some 25,000 Vietnamese students study abroad.", "some 25,000", "students"),
        ("It returned the remains of more than 730 service members.", "more than 730", "remains of soldiers"),
        ("Germany's unemployment rate fell to 5.7% in March.", "5.7%", "unemployment rate"),
        # a quantity in a unit of measurement measures what is named before or after it, else the unit
        ("The quake struck at a depth of 10 km.", "10 km", "depth"),
        ("The storm brought winds of 150 mph.", "150 mph", "winds"),
        ("The storm dumped 310 mm of rain in a day.", "310 mm", "rain"),
        ("The village lies within 10 km of the capital.", "10 km", "kilometres"),
        ("The convoy drove at 60 mph.", "60 mph", "miles per hour"),
        ("The global average temperature was about 1.55C above pre-industrial levels.", "about 1.55C",
         "global average temperature"),
        # people named by their state alone are those people
        ("At least 57 people were killed and 163 injured.", "163", "injured people"),
    ],
)
def test_claims_measure(text: str, written: str, measure: str) -> None:
    assert _claim(text, written).measure == measure


@pytest.mark.parametrize(
    ("text", "written", "scope"),
    [
        ("Trade was worth more than $123.86 billion last year, up 11% from 2021.", "more than $123.86 billion", "2022"),
        ("Trade was worth more than $123.86 billion last year, up 11% from 2021.", "11%", "2022"),
        ("In 2022, trade hit US$123 billion, four times the number in 2013.", "US$123 billion", "2022"),
        ("Trade rose over 240 times to more than US$130 billion in 2022 from $451 million in 1995.", "$451 million", "1995"),
        ("Inflation eased to 3.2% in April.", "3.2%", "2023-04"),
        ("Inflation eased to 3.2% in June.", "3.2%", "2022-06"),
        ("Some 25,000 students study abroad.", "Some 25,000", None),
    ],
)
def test_claims_time_scope(text: str, written: str, scope: str | None) -> None:
    ts = _claim(text, written).qualifiers.time_scope
    assert (ts.point if ts else None) == scope


@pytest.mark.parametrize(
    ("text", "written", "base", "change"),
    [
        ("Trade was worth $5 billion last year, up 11% from 2021.", "11%", "2021", "increase"),
        ("Trade passed $5 billion in 2022, marking an 11% increase from the previous year.", "11%", "2021", "increase"),
        ("Trade reached $5 billion last year, marking an 11% increase from 2020.", "11%", "2020", "increase"),
        ("Prices fell 3% year-on-year in 2020.", "3%", "2019", "decrease"),
        ("Trade rose over 240 times to more than US$130 billion in 2022 from $451 million in 1995.", "over 240 times",
         "1995", "increase"),
        # the period before the figure's own, not before the document's date (May 2023: Q1)
        ("Revenue rose 5% in the third quarter of 2022 from the previous quarter.", "5%", "2022-Q2", "increase"),
        ("Revenue rose 5% in the third quarter of 2022 from the prior quarter.", "5%", "2022-Q2", "increase"),
        ("Profit fell 4% in 2021 compared with the preceding year.", "4%", "2020", "decrease"),
    ],
)
def test_claims_change_base(text: str, written: str, base: str, change: str) -> None:
    q = _claim(text, written).qualifiers
    assert (q.base.point if q.base else None, q.change) == (base, change)


def test_claims_levels_of_a_change() -> None:
    q = _claim("Trade rose over 240 times to more than US$130 billion in 2022 from $451 million in 1995.",
               "over 240 times").qualifiers
    assert (q.level_from.point, q.level_to.point) == (451e6, 130e9)


@pytest.mark.parametrize(
    ("text", "written", "subject", "of", "among"),
    [
        ("The U.S. is Vietnam's largest export market.", "largest", "us", "vietnam", "export market"),
        ("The U.S. is Vietnam's largest export market and its second largest trading partner.", "second largest",
         "us", "vietnam", "trade partner"),
        ("Vietnam is the eighth largest trading partner for the U.S.", "eighth largest", "vietnam", "us", "trade partner"),
        ("Vietnam ranks as the seventh-largest commercial partner for the U.S.", "seventh-largest", "vietnam", "us",
         "trade partner"),
        ("The US has been one of Việt Nam's largest trade partners.", "one of Việt Nam's largest", "us", "vietnam",
         "trade partner"),
        ("Placing the U.S. as the 11th largest investor in Vietnam.", "11th largest", "us", "vietnam", "investor"),
        ("Canada is the United States' top trading partner.", "top", "canada", "us", "trade partner"),
    ],
)
def test_claims_rank_parties(text: str, written: str, subject: str, of: str, among: str) -> None:
    c = _claim(text, written)
    assert isinstance(c.value, Rank) and c.kind == "rank"
    assert (c.subject, c.qualifiers.of, c.qualifiers.among) == (subject, of, among)


def test_claims_appositive_rank_ranks_the_figure_before_it() -> None:
    c = _claim("U.S. investment in Vietnam has topped $11 billion, the 11th highest of any country or territory.",
               "11th highest")
    assert (c.measure, c.subject, c.qualifiers.of, c.qualifiers.among) == ("investment", "us", "vietnam",
                                                                          "country or territory")


@pytest.mark.parametrize(("text", "written", "every"), [("Every year some 25,000 students study abroad.", "some 25,000", "year"),
                                                        ("About 25,000 students study abroad each year.", "About 25,000", "year"),
                                                        ("The plant makes 5,000 cars a month.", "5,000", "month"),
                                                        ("Exports rose 11% last year.", "11%", None)])
def test_claims_every(text: str, written: str, every: str | None) -> None:
    assert _claim(text, written).qualifiers.every == every


@pytest.mark.parametrize(
    ("a", "b"),
    [("Two-way trade rose.", "Bilateral trade turnover rose."), ("The US poured FDI into projects.", "US investment grew."),
     ("Vietnam is a commercial partner.", "Việt Nam is a trading partner.")],
)
def test_claims_terms_canonicalise_synonyms(a: str, b: str) -> None:
    ta, tb = set(clause_terms(a)), set(clause_terms(b))
    assert {"trade", "invest", "partner"} & ta & tb


@pytest.mark.parametrize(("text", "key"), [("Việt Nam", "vietnam"), ("Viet Nam", "vietnam"), ("VN", "vietnam"),
                                           ("U.S.", "us"), ("the United States", "us"), ("America", "us"),
                                           ("USA", "us"), ("Britain", "uk"), ("Vietnamese", "vietnam")])
def test_claims_place_aliases_fold(text: str, key: str) -> None:
    assert [p[2] for p in find_places(text)] == [key]


@pytest.mark.parametrize("text", ["Latin America", "let us go", "US$5 billion", "Bank of America"])
def test_claims_place_aliases_skip_non_countries(text: str) -> None:
    assert [p for p in find_places(text) if p[2] == "us"] == []


def test_claims_fold_removes_diacritics() -> None:
    assert fold("Phạm Thu Hằng") == "pham thu hang"


def test_claims_bare_number_without_measure_is_not_a_claim() -> None:
    assert extract_claims(_doc("Call 555 now.")) == []


def test_claims_relative_scope_unresolved_without_date() -> None:
    c = _claim("Trade was worth $5 billion last year.", "$5 billion", date=None)
    assert c.qualifiers.time_scope is None


def test_claims_sentence_spans_fallback_keeps_us_together() -> None:
    doc = _doc("The U.S. Coast Guard sent two ships. Vietnam received them.")
    assert [doc.text[s.start:s.end] for s in sentence_spans(doc)] == ["The U.S. Coast Guard sent two ships.",
                                                                      "Vietnam received them."]


def _seed_doc(prefix: str, date: str) -> Document:
    if not SEEDS.is_dir():
        pytest.skip(f"the shared seeds are not at {SEEDS}")
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return _doc(path.read_text(encoding="utf-8"), date, prefix)


@pytest.mark.seeds
@pytest.mark.parametrize(("prefix", "date"), [("000", "2023"), ("001", "2023")])
def test_claims_seed_trade_last_year_is_2022(prefix: str, date: str) -> None:
    doc = _seed_doc(prefix, date)
    trade = [c for c in extract_claims(doc) if c.value.type == "quantity" and c.value.unit == "USD"
             and c.value.point == pytest.approx(123.86e9)]
    assert trade and trade[0].qualifiers.time_scope.point == "2022" and "trade" in trade[0].terms


@pytest.mark.seeds
@pytest.mark.parametrize(("prefix", "date", "point", "subject", "of"),
                         [("000", "2023", 8, "vietnam", "us"), ("004", "2023-09", 7, "vietnam", "us"),
                          ("000", "2023", 2, "us", "vietnam"), ("003", "2023-09-10", 1, "us", "vietnam")])
def test_claims_seed_trade_partner_ranks_keep_direction(prefix: str, date: str, point: int, subject: str, of: str) -> None:
    doc = _seed_doc(prefix, date)
    ranks = [c for c in extract_claims(doc) if c.kind == "rank" and c.value.point == point
             and c.qualifiers.among == "trade partner"]
    assert ranks and (ranks[0].subject, ranks[0].qualifiers.of) == (subject, of)


@pytest.mark.parametrize(
    ("text", "written", "unit"),
    [
        ("The landslide killed at least five people, officials said.", "at least five", "death"),
        ("Rescuers said 23 people were still missing under the mud.", "23", "missing person"),
        ("Sixteen residents are still listed as missing.", "Sixteen", "missing person"),
        ("By Sunday the teams had recovered eleven bodies.", "eleven", "death"),
        ("The death toll from the landslide has risen to 11.", "11", "death"),
        ("More than 68,000 fans filled the stadium.", "More than 68,000", "spectator"),
        ("The village has 3,460 inhabitants.", "3,460", "person"),
        ("The weather office recorded 310 mm of rain.", "310 mm", "millimetre"),
    ],
)
def test_claims_count_units_say_what_is_counted(text: str, written: str, unit: str) -> None:
    assert _claim(text, written).value.unit == unit


@pytest.mark.parametrize(
    ("text", "written"),
    [("Adults who walked were 18% less likely to develop heart failure.", "18%"),
     ("Walkers had an 18 percent lower risk of heart failure.", "18 percent"),
     ("People who walked cut their risk of heart failure by 28%.", "28%")],
)
def test_claims_change_measures_what_changed(text: str, written: str) -> None:
    assert _claim(text, written).measure == "heart failure risk"


def test_claims_running_toll_has_no_day_scope() -> None:
    c = _claim("The number of people killed rose to 17 on Monday, the agency said.", "17")
    assert c.value.unit == "death" and c.qualifiers.time_scope is None


def test_claims_dateline_is_not_a_time_scope() -> None:
    c = _claim("CITY WIRE, 16 February 2024 - A cohort of roughly 2,400 adults was followed.", "roughly 2,400")
    assert c.qualifiers.time_scope is None


def test_claims_report_date_is_not_a_time_scope() -> None:
    c = _claim("Walkers were 18% less likely to fall ill, according to a study published on February 14, 2024.", "18%")
    assert c.qualifiers.time_scope is None


@pytest.mark.parametrize(("text", "written", "subject", "of"),
                         [("For Uganda, Tanzania is the fourth-largest export market.", "fourth-largest", "tanzania", "uganda"),
                          ("In Asia, South Korea is Poland's largest trade partner.", "largest", "south korea", "poland")])
def test_claims_rank_parties_with_fronted_phrases(text: str, written: str, subject: str, of: str) -> None:
    c = _claim(text, written)
    assert (c.subject, c.qualifiers.of) == (subject, of)


def test_claims_number_word_closing_a_heading_is_not_counted_by_the_next_line() -> None:
    doc = _doc("Port authority marks a milestone as the terminal turns ten\n\nThe port handled 4 million containers in 2023.")
    written = [doc.text[c.span.start:c.span.end] for c in extract_claims(doc)]
    assert "ten" not in written
    assert "4 million" in written


def test_claims_of_a_sentence_without_relative_time_do_not_depend_on_the_date() -> None:
    text = "Intro line here.\nExports reached $2 billion in 2021, up 5% from 2020."
    early = [(c.span, c.value, c.qualifiers) for c in extract_claims(_doc(text, "2022-01-05"))]
    late = [(c.span, c.value, c.qualifiers) for c in extract_claims(_doc(text, "2030-07-01"))]
    assert early and early == late


def test_claims_relative_scope_follows_each_documents_date() -> None:
    text = "Intro line here.\nExports reached $2 billion last year."
    for date, year in (("2022-01-05", "2021"), ("2030-07-01", "2029")):
        (c,) = extract_claims(_doc(text, date))
        assert c.qualifiers.time_scope is not None and c.qualifiers.time_scope.point == year


def test_claims_decade_word_is_read_with_the_documents_date() -> None:
    # "the nineties" are the 1990s for a report of 2005 and the 2090s for one of 2095: the date
    # decides, so the same sentence in two documents must not share one reading
    text = "Intro line here.\nThe plant produced 40,000 cars a year in the nineties."
    scopes = {date: extract_claims(_doc(text, date))[0].qualifiers.time_scope for date in ("2005-03-01", "2095-03-01")}
    assert scopes["2005-03-01"] is not None and scopes["2005-03-01"].point == "1990s"
    assert scopes["2095-03-01"] is not None and scopes["2095-03-01"].point == "2090s"


@pytest.mark.parametrize(("text", "written", "subject"), [
    ("Ghana's cocoa exports reached $2.1 billion in 2023.", "$2.1 billion", "ghana"),
    ("Tanzanian coffee sales rose 12% last year.", "12%", "tanzania"),
    ("Trade between Peru and Uruguay hit $900 million in 2022.", "$900 million", "peru-uruguay"),
    ("Chad Smith won 31 medals for his club.", "31", ""),
])
def test_claims_subject_names_any_country_not_a_namesake(text: str, written: str, subject: str) -> None:
    assert _claim(text, written).subject == subject


def test_claims_rank_of_less_covered_countries_keeps_its_direction() -> None:
    c = _claim("Zambia is Malawi's second-largest trading partner.", "second-largest")
    assert (c.subject, c.qualifiers.of) == ("zambia", "malawi")


def test_claims_firms_businesses_and_companies_count_the_same_thing() -> None:
    units = {_claim(f"Some 4,500 Nigerian {noun} operate in Ghana.", "Some 4,500").value.unit
             for noun in ("firms", "businesses", "companies", "enterprises")}
    assert units == {"company"}


@pytest.mark.parametrize(("text", "written", "unit"), [
    ("At least 12 people were killed and 20 others remain missing.", "At least 12", "death"),
    ("At least 12 people were killed and 20 others remain missing.", "20", "missing person"),
    ("Rescuers have recovered 35 people alive from the rubble.", "35", "rescued person"),
    ("Rescue teams pulled 35 survivors from the mud.", "35", "rescued person"),
    ("More than 300 houses were buried under mud.", "More than 300", "home"),
])
def test_claims_people_counted_take_the_state_nearest_them(text: str, written: str, unit: str) -> None:
    assert _claim(text, written).value.unit == unit


def test_claims_reporting_verb_is_not_what_is_measured() -> None:
    c = _claim("Hanil Semiconductor said on Thursday its revenue for the quarter rose 23 percent to 18.4 trillion won.",
               "23 percent")
    assert c.measure == "revenue"


def test_claims_event_before_an_after_clause_keeps_its_own_context() -> None:
    c = _claim("Shares of the chipmaker jumped 9.5% on Thursday after the company reported revenue of 18.4 trillion "
               "won, up 23% from a year earlier.", "9.5%")
    assert "revenue" not in c.terms and "share" in c.terms


def test_claims_year_on_year_change_has_the_previous_year_as_base() -> None:
    yoy = _claim("Revenue rose 23 percent year on year to 18.4 trillion won.", "23 percent", date="2024-10-24")
    earlier = _claim("Revenue was 18.4 trillion won, up 23% from a year earlier.", "23%", date="2024-10-24")
    assert yoy.qualifiers.base is not None and yoy.qualifiers.base.point == earlier.qualifiers.base.point == "2023"


def test_claims_share_of_measures_what_follows_of() -> None:
    assert _claim("The party took 52.4% of the presidential ballot.", "52.4%").measure == "presidential ballot"
    assert _claim("He won 52.4 per cent of the vote against 44.1 per cent for his rival.", "52.4 per cent").measure == "vote"
    assert _claim("Coffee made up 30% of its exports to Europe.", "30%").measure == "exports"


def test_claims_possessive_is_not_part_of_a_term() -> None:
    terms = _claim("President Hakainde Hichilema's party took 52.4% of the ballot.", "52.4%").terms
    assert "hichilema" in terms and not any(t.endswith("'") for t in terms)


@pytest.mark.parametrize(("text", "written"), [
    ("About 7 million people were registered to vote.", "About 7 million"),
    ("Nearly seven million voters were on the roll.", "Nearly seven million"),
])
def test_claims_registered_voters_are_one_count(text: str, written: str) -> None:
    assert _claim(text, written).value.unit == "registered voter"


def test_claims_a_year_earlier_is_the_year_before_the_sentences_own() -> None:
    text = "Solar power supplied 26% of the country's electricity in 2025, up from 19% a year earlier, the operator said."
    assert _claim(text, "26%").qualifiers.time_scope.point == "2025"
    assert _claim(text, "19%").qualifiers.time_scope.point == "2024"


@pytest.mark.parametrize(("text", "written", "unit"), [
    ("At least 9 people have died and 4 remain missing.", "4", "missing person"),
    ("The toll rose to 14 on Tuesday, with 2 still unaccounted for, officials said.", "2", "missing person"),
    ("Floods have forced more than 45,000 people from their homes.", "more than 45,000", "displaced person"),
])
def test_claims_bare_counts_take_the_state_their_verb_gives(text: str, written: str, unit: str) -> None:
    c = _claim(text, written)
    assert (c.value.unit, c.measure) == (unit, unit.replace("person", "people"))


def test_claims_bare_figures_without_a_state_are_not_counts() -> None:
    doc = _doc("The team won 4 and 2 were drawn.")
    assert extract_claims(doc) == []


def test_claims_aim_clause_does_not_scope_the_figure_before_it() -> None:
    c = _claim("The two countries signed 14 agreements on Monday, aiming to double trade to $10 billion by 2030.",
               "14", date="2025-06-03")
    assert c.value.unit == "agreement"
    assert c.qualifiers.time_scope is None or c.qualifiers.time_scope.point != "2030"


@pytest.mark.parametrize(("text", "written", "unit"), [
    ("The death toll has climbed to seven.", "seven", "death"),
    ("Cholera cases in the district have risen to 187.", "187", "case"),
    ("The number of recorded cases has reached 254.", "254", "case"),
    ("The number of people arrested in the operation has risen to 22, police said.", "22", "arrested person"),
    ("The raids had so far led to 14 arrests.", "14", "arrested person"),
    ("Health workers had vaccinated 12,500 people by the evening.", "12,500", "vaccinated person"),
])
def test_claims_level_a_count_has_reached_is_a_count_of_its_noun(text: str, written: str, unit: str) -> None:
    assert _claim(text, written).value.unit == unit


def test_claims_prices_reaching_a_level_are_not_a_count() -> None:
    assert extract_claims(_doc("Prices rose to 5 a kilo, traders said.")) == []


@pytest.mark.parametrize(("text", "written"), [
    ("The lender raised its guidance for full-year revenue growth to between 6% and 8%.", "between 6% and 8%"),
    ("The bank now expects revenue to grow 6-8% this year.", "6-8%"),
    ("Management now sees revenue growth of 6% to 8% for the year.", "6% to 8%"),
])
def test_claims_guidance_measures_the_growth_it_is_about(text: str, written: str) -> None:
    assert "revenue" in _claim(text, written).measure and "growth" in _claim(text, written).measure


def test_claims_counted_projects_keep_their_modifier() -> None:
    assert _claim("Investors run nearly 480 ongoing projects in the country.", "nearly 480").measure == "ongoing projects"


def test_claims_a_year_earlier_than_a_quarter_is_the_same_quarter_a_year_back() -> None:
    text = "The bank reported net profit of €412m for the third quarter on Thursday, up from €356m a year earlier."
    assert _claim(text, "€412m", date="2024-10-24").qualifiers.time_scope.point == "2024-Q3"
    assert _claim(text, "€356m", date="2024-10-24").qualifiers.time_scope.point == "2023-Q3"


def test_claims_an_agency_named_pan_african_is_not_a_place() -> None:
    c = _claim("KETANI, Aug 9 (Pan-African Health Wire) - Cholera cases in the district have risen to 187.", "187")
    assert c.subject == ""


def test_claims_scored_n_times_counts_goals_and_appearances_are_matches() -> None:
    goals = _claim("Costa netted 27 times in 41 appearances last season.", "27 times")
    assert (goals.value.kind, goals.value.unit, goals.qualifiers.change) == ("count", "goal", None)
    assert _claim("Costa netted 27 times in 41 appearances last season.", "41").value.unit == "match"
    assert _claim("Trade grew 27 times in a decade.", "27 times").value.kind == "multiplier"


@pytest.mark.parametrize(("text", "written"), [
    ("According to a survey of 1,204 adults conducted in September, support fell.", "1,204"),
    ("The survey of 1,024 adults has a margin of error of 3 points.", "1,024"),
    ("A large study of more than 365,000 people found a lower risk.", "more than 365,000"),
])
def test_claims_people_a_study_or_poll_covers_are_its_participants(text: str, written: str) -> None:
    assert _claim(text, written).value.unit == "study participant"


def test_claims_people_a_study_followed_are_its_participants() -> None:
    c = _claim("The researchers, led by Dr Ann Holt, followed 4,213 people aged 50 to 75 for eight years.", "4,213")
    assert c.value.unit == "study participant"
    assert _claim("Police followed the 3 men to the border.", "3").value.unit != "study participant"


def test_claims_deals_pacts_and_accords_count_agreements() -> None:
    units = {_claim(f"The two governments signed 12 {noun} on Monday.", "12").value.unit
             for noun in ("deals", "pacts", "accords", "agreements")}
    assert units == {"agreement"}


@pytest.mark.parametrize(("text", "written"), [
    ("An earthquake of magnitude 6.8 struck the district.", "6.8"),
    ("A 6.8-magnitude earthquake hit the hills.", "6.8"),
    ("The survey put the magnitude at 6.6.", "6.6"),
    ("The quake measured 7.1 on the Richter scale.", "7.1"),
    ("Quake of magnitude 6.8 strikes mountain region", "6.8"),
])
def test_claims_an_earthquake_magnitude_is_a_checkable_figure(text: str, written: str) -> None:
    c = _claim(text, written)
    assert (c.measure, c.value.kind, c.value.unit) == ("magnitude", "number", "magnitude")


def test_claims_a_figure_compared_with_counts_what_the_figure_before_it_counts() -> None:
    text = "The carrier flew 9.4 million passengers in the April-June quarter, compared with 8.1 million a year earlier."
    c = _claim(text, "8.1 million", date="2023-07-28")
    assert (c.measure, c.value.unit, c.qualifiers.time_scope.point) == ("passengers", "passenger", "2022-Q2")


@pytest.mark.parametrize(("text", "written", "base"), [
    ("Net profit for the three months to June rose 45% year on year to S$612 million.", "45%", "2022-Q2"),
    ("Net profit for the April-June quarter was S$612 million, up 48% from a year earlier.", "48%", "2022-Q2"),
])
def test_claims_a_year_back_from_a_quarter_is_that_quarter_a_year_back(text: str, written: str, base: str) -> None:
    assert _claim(text, written, date="2023-07-28").qualifiers.base.point == base


def test_claims_planes_and_aircraft_are_one_measure() -> None:
    a = _claim("The airline will add 12 planes by the end of 2025.", "12")
    b = _claim("The carrier plans to add 14 aircraft to its fleet by the end of 2025.", "14")
    assert a.measure == b.measure == "aircraft"


def test_claims_headline_verbs_are_not_what_is_measured() -> None:
    assert _claim("Quarterly profit jumps 45% on strong demand", "45%").measure == "quarterly profit"


def test_claims_a_superlative_before_a_clause_ranks_nothing() -> None:
    doc = _doc('The chief executive said bookings were "the strongest we have ever seen".')
    assert [c for c in extract_claims(doc) if c.kind == "rank"] == []


def test_claims_a_second_verb_or_what_others_said_is_a_clause_of_its_own() -> None:
    text = ("The shares closed down 7.2 per cent on Monday and recovered 1.5 per cent on Tuesday morning as "
            "analysts said the charge would not threaten the group.")
    first = _claim(text, "7.2 per cent", date="2025-03-04")
    assert "recovered" not in first.terms and "analyst" not in first.terms


def test_claims_each_count_of_people_takes_its_own_state() -> None:
    text = ("An express train carrying about 340 passengers derailed on Tuesday, killing one person and injuring "
            "more than 150.")
    got = {text[c.span.start:c.span.end]: c.measure for c in extract_claims(_doc(text))}
    assert got == {"about 340": "passengers", "one": "deaths", "more than 150": "injured people"}


@pytest.mark.parametrize(("text", "sides"), [
    ("The bill passed with 104 votes in favour, 83 against and 9 abstentions.",
     {"104": "votes in favour", "83": "votes against"}),
    ("It cleared its first reading by one hundred and four votes to 83.",
     {"one hundred and four": "votes in favour", "83": "votes against"}),
    ("The bill passed its first reading by 104 to 88, with nine abstentions.",
     {"104": "votes in favour", "88": "votes against"}),
    # the side that won a defeated motion voted against it
    ("The motion was defeated by 310 votes to 290.", {"310": "votes against", "290": "votes in favour"}),
])
def test_claims_the_two_sides_of_a_vote(text: str, sides: dict) -> None:
    got = {text[c.span.start:c.span.end]: c.measure for c in extract_claims(_doc(text)) if "vote" in c.measure}
    assert got == sides


@pytest.mark.parametrize(("text", "found"), [
    # a vote written as its split: the winning side, then the losing one
    ("The five-member board voted 4-1 for the cut.", [("4", 4.0, "vote in favour"), ("1", 1.0, "vote against")]),
    ("The panel split 3-2 on the question.", [("3", 3.0, "vote in favour"), ("2", 2.0, "vote against")]),
    ("Rates were lowered in a 7-2 vote.", [("7", 7.0, "vote in favour"), ("2", 2.0, "vote against")]),
    # a score is no vote
    ("United won the final 2-1 on Saturday.", []),
])
def test_claims_a_vote_split_gives_both_sides(text, found):
    doc = _doc(text)
    assert [(doc.text[c.span.start:c.span.end], c.value.point, c.value.unit) for c in extract_claims(doc)] == found


def test_claims_a_count_as_of_a_day_has_no_time_scope():
    # "as of Friday" and "by Wednesday afternoon" say when a count was read, not the period it covers
    assert _claim("As of Friday, eight lenders had trimmed their rates.", "eight").qualifiers.time_scope is None
    assert _claim("By Wednesday afternoon five lenders had cut rates.", "five").qualifiers.time_scope is None
    assert _claim("Exports rose 5% on Friday.", "5%").qualifiers.time_scope is not None


def test_claims_staff_are_workers():
    assert _claim("Some 19,000 railway staff walked out.", "Some 19,000").value.unit == "worker"


@pytest.mark.parametrize(("text", "written", "measure"), [
    ("Mount Everest stands 8,849 metres above sea level.", "8,849 metres", "height"),
    ("The summit is 8,848 metres high.", "8,848 metres", "height"),
    ("The new bridge spans 1.2 km.", "1.2 km", "length"),
    ("The whale weighed about 40 tonnes.", "about 40 tonnes", "weight"),
    ("A water depth of 10 km was reported.", "10 km", "depth"),
])
def test_claims_a_length_or_weight_measures_its_dimension(text, written, measure):
    assert _claim(text, written).measure == measure


@pytest.mark.parametrize(("text", "found"), [
    # people in a state after a small number word: a count, not a pronoun
    ("Two died and seven are trapped, officials said.", [("Two", "death"), ("seven", "trapped person")]),
    ("Two dead, seven trapped after the blast", [("Two", "death"), ("seven", "trapped person")]),
    ("Rescuers found a body, raising the death toll to three.", [("three", "death")]),
    # each count takes its own state, and the whole of a partition is no state
    ("The blast killed 5 people and left 12 injured.", [("5", "death"), ("12", "injured person")]),
    ("Of the 31 miners, seven are trapped underground.", [("31", "miner"), ("seven", "trapped person")]),
    # what was added to a toll is not the toll; a noun after "after" is not counted
    ("The toll has risen to five after rescuers found the bodies of two more miners.", [("five", "death")]),
    ("The group will employ about 21,000 people.", [("about 21,000", "worker")]),
])
def test_claims_counts_of_people_in_a_state(text, found):
    doc = _doc(text)
    assert [(doc.text[c.span.start:c.span.end], c.value.unit) for c in extract_claims(doc)] == found


@pytest.mark.parametrize(("text", "written", "measure"), [
    ("The census put the population at nearly 4.83 million.", "nearly 4.83 million", "population"),
    ("Police estimated the crowd at 40,000.", "40,000", "crowd"),
])
def test_claims_a_level_put_at_a_figure_measures_what_is_put(text, written, measure):
    assert _claim(text, written).measure == measure


def test_claims_northern_ireland_is_not_ireland():
    from consilience.extract.lexicon import find_places

    assert [k for *_, k, _ in find_places("Northern Ireland led, Ireland lagged and New South Wales held.")] == [
        "northern ireland", "ireland", "new south wales"]


@pytest.mark.parametrize(("text", "written", "measure"), [
    ("The express derailed near the town at 07:42 on Tuesday.", "07:42", "time of derailment"),
    ("Six carriages left the tracks at 7.42am near the village.", "7.42am", "time of derailment"),
    ("The blast happened at about 10.40pm, officials said.", "about 10.40pm", "time of explosion"),
    ("At 3:15 a.m. the earthquake struck the coast.", "3:15 a.m.", "time of quake"),
    ("Polls closed at 8 p.m. on Sunday.", "8 p.m.", "time of close of polls"),
    ("The bus went off the road at 6.15am near the bridge.", "6.15am", "time of crash"),
    ("The cayuco overturned shortly after 3am south of the island.", "shortly after 3am", "time of capsize"),
    ("The minister spoke to reporters at 11 a.m. on Friday.", "11 a.m.", "time of spoke reporters"),
])
def test_claims_time_of_day_measures_what_happened(text, written, measure):
    assert _claim(text, written).measure == measure


@pytest.mark.parametrize(("text", "written", "measure"), [
    ("The census put the population at nearly 4.83 million, a rise of 2.6 per cent over the decade.",
     "2.6 per cent", "population"),
    ("Sales reached $40 million, an increase of $3 million, or 8%, on 2021.", "8%", "sales"),
])
def test_claims_a_change_set_beside_a_figure_measures_what_that_figure_measures(text, written, measure):
    assert _claim(text, written).measure == measure


@pytest.mark.parametrize(("text", "written", "measure", "scope", "base"), [
    # the date after a compared figure is that figure's
    ("Net profit came to $318 million, or $1.46 per share, compared with $349 million a year ago.",
     "$318 million", "net profit", None, None),
    ("Net profit came to $318 million, or $1.46 per share, compared with $349 million a year ago.",
     "$1.46", "earnings per share", None, None),
    ("It expects full-year earnings of US$5.55 to US$5.70 a share.", "US$5.55 to US$5.70",
     "full-year earnings per share", None, None),
    # "on the year" is year on year: the base is the same quarter a year back
    ("It reported third-quarter revenue of $4.2 billion, up 6% on the year.", "6%", "third-quarter revenue",
     "2023-Q3", "2022-Q3"),
    ("A profit warning sent its shares down 5% in extended trading.", "5%", "shares", None, None),
])
def test_claims_company_results(text, written, measure, scope, base):
    c = _claim(text, written, date="2023-10-28")
    assert c.measure == measure
    assert (c.qualifiers.time_scope.point if c.qualifiers.time_scope else None) == scope
    assert (c.qualifiers.base.point if c.qualifiers.base else None) == base


@pytest.mark.parametrize(("text", "written", "unit"), [
    ("Larkspur runs 8,740 outlets in 31 countries.", "8,740", "store"),
    ("The chain had 8,470 stores at the end of September.", "8,470", "store"),
    ("It closed 120 shops last year.", "120", "store"),
])
def test_claims_outlets_and_shops_count_stores(text, written, unit):
    assert _claim(text, written).value.unit == unit


def test_claims_population_and_people_are_one_term():
    from consilience.extract.lexicon import canonical_term

    assert canonical_term("population") == canonical_term("people") == canonical_term("residents")
