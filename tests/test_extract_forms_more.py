"""Tests of the wider number and date grammar: each form a news reader would also want, with the misreading
it must not bring (consilience.extract.times, consilience.extract.numbers)."""

from __future__ import annotations

import pytest

from consilience.extract.numbers import find_quantities
from consilience.extract.times import find_times

# (sentence, anchor, mention text, low, high): the one date the form must give.
DATES = [
    # a month and a day in cardinal words, without a year, where the clause ends
    ("I'll go back May twenty nine", "2018-05-22", "May twenty nine", "2018-05-29", "2018-05-30"),
    ("The hearing opens May twenty-ninth.", "2018-05-22", "May twenty-ninth", "2018-05-29", "2018-05-30"),
    # a year, then a month
    ("I went back to China in 2017 april.", None, "2017 april", "2017-04-01", "2017-05-01"),
    ("The poll was held in 2017 May.", None, "2017 May", "2017-05-01", "2017-06-01"),
    # a year and a month in figures
    ("I'll be out 2015-3", None, "2015-3", "2015-03-01", "2015-04-01"),
    ("The ledger entry is dated 12-2015", None, "12-2015", "2015-12-01", "2016-01-01"),
    # the next year's last digits after a dash: a span of two years (a season, a fiscal year)
    ("He starred in the 2011-12 season.", None, "2011-12", "2011-01-01", "2013-01-01"),
    ("He starred in the 2008-9 season.", None, "2008-9", "2008-01-01", "2010-01-01"),
    ("He starred in the 2015-16 season.", None, "2015-16", "2015-01-01", "2017-01-01"),
    # lower-case "may" where the modal cannot stand
    ("It may be in may", "2018-05-22", "may", "2018-05-01", "2018-06-01"),
    ("Prices may fall in may 2020, analysts said.", "2018-05-22", "may 2020", "2020-05-01", "2020-06-01"),
    ("The plant closed in may, workers said.", "2018-07-02", "may", "2018-05-01", "2018-06-01"),
    # a month abbreviation glued to its day, with a year
    ("Eli Lilly sold IVAC on Dec31, 1994", None, "Dec31, 1994", "1994-12-31", "1995-01-01"),
    # fortnights: "a fortnight ago" is "two weeks ago"; "'s time" says the future alone
    ("The law passed a fortnight ago.", "2018-05-22", "a fortnight ago", "2018-05-07", "2018-05-14"),
    ("The law passed two fortnights ago.", "2018-05-22", "two fortnights ago", "2018-04-23", "2018-04-30"),
    ("The results come in a fortnight's time", "2021-05-20", "a fortnight's time", "2021-06-03", "2021-06-04"),
    # a holiday as what the offset is counted from
    ("We will meet 5 days before new year.", "2016-11-07", "5 days before new year", "2016-12-27", "2016-12-28"),
    ("It will open three months after Easter.", "2016-11-07", "three months after Easter", "2017-07-16", "2017-07-17"),
    ("The dam burst three months after Easter.", "2016-11-07", "three months after Easter", "2016-06-27", "2016-06-28"),
    ("Sales slumped after New Year.", "2018-05-22", "New Year", "2018-01-01", "2018-01-02"),
    # the end of a period: a month's last third, a year's last third, a week's second half (Thursday-Sunday)
    ("I heard you will hold a party end of month", "2018-11-20", "end of month", "2018-11-21", "2018-12-01"),
    ("The disks will be renewed by the end of the week.", "2018-11-28", "the end of the week", "2018-11-29", "2018-12-03"),
    ("Shares will be mailed at the end of this week.", "1989-10-31", "the end of this week", "1989-11-02", "1989-11-06"),
    ("The audit is due at the EOY.", "2018-05-22", "EOY", "2018-09-01", "2019-01-01"),
    ("The plant reopens end of this year", "2016-11-07", "end of this year", "2016-09-01", "2017-01-01"),
    ("Troops will arrive by the end of the year.", "2016-11-07", "the end of the year", "2016-09-01", "2017-01-01"),
    ("Talks start at the beginning of next month.", "2016-11-07", "the beginning of next month", "2016-12-01", "2016-12-11"),
    # a month's middle third is days 11-20, as its early and late thirds are 1-10 and 21 to the end
    ("I will go back to China in mid-November.", "2018-05-22", "mid-November", "2018-11-11", "2018-11-21"),
]


@pytest.mark.parametrize("sentence,anchor,mention,low,high", DATES)
def test_times_new_form_value(sentence: str, anchor: str | None, mention: str, low: str, high: str) -> None:
    got = [(m.text, m.value.low, m.value.high) for m in find_times(sentence, anchor=anchor) if m.value is not None]
    assert (mention, low, high) in got


# (sentence, anchor, every (mention text, low) found): the misreadings the new forms must not bring.
NOT_DATES = [
    ("It may rain.", "2018-05-22", []),
    ("What we believe in may change.", "2018-05-22", []),
    ("In May twenty people died.", "2018-05-22", [("May", "2018-05-01")]),
    ("In May twenty nine people died.", "2018-05-22", [("May", "2018-05-01")]),
    ("In 2017 May called an election.", None, [("2017", "2017-01-01")]),
    ("Resolution 2015-3 was adopted.", None, []),
    ("The survey counted between 10-2000 people.", None, []),
    ("The SEPT9 gene was found.", None, []),
    ("mar3 was the code.", None, []),
    ("Sales will pick up in the new year.", "2018-05-22", []),
    ("Peace came at the end of the war.", "2018-05-22", []),
]


@pytest.mark.parametrize("sentence,anchor,expected", NOT_DATES)
def test_times_new_form_no_misreading(sentence: str, anchor: str | None, expected: list) -> None:
    assert [(m.text, m.value.low if m.value else None) for m in find_times(sentence, anchor=anchor)] == expected


# (sentence, [(mention text, point, unit)]): every quantity found.
NUMBERS = [
    # comma groups that are not thousands: a list
    ("Exercises nrs. 22,24,26,31.", [("22", 22.0, ""), ("24", 24.0, ""), ("26", 26.0, ""), ("31", 31.0, "")]),
    ("Turnout was 1,234,567 people.", [("1,234,567", 1234567.0, "person")]),
    ("The prize is US$ 100,000,000, organisers said.", [("US$ 100,000,000", 100000000.0, "USD")]),
    ("The fund holds 1,23,456 shares.", [("1,23,456", 123456.0, "share")]),
    # dotted runs: an address or a version, never a decimal
    ("The server at 192.168.1.2 went down.", []),
    ("Version 1.2.3 fixed the bug.", []),
    # a scale phrase finished by "and" and number words at a clause end
    ("I count 6 crore and two hundred", [("6 crore and two hundred", 60000200.0, "")]),
    ("A loss of $3 billion and two hundred jobs.", [("$3 billion", 3e9, "USD"), ("two hundred", 200.0, "job")]),
    # whole currency units then their hundredths
    ("it only cost thirteen dollars forty five", [("thirteen dollars forty five", 13.45, "USD")]),
    ("The ticket cost ten euros and fifty cents.", [("ten euros and fifty cents", 10.5, "EUR")]),
    ("He paid 5 dollars forty times.", [("5 dollars", 5.0, "USD"), ("forty times", 40.0, "x")]),
]


@pytest.mark.parametrize("sentence,expected", NUMBERS)
def test_numbers_new_form_value(sentence: str, expected: list) -> None:
    assert [(m.text, m.value.point, m.value.unit) for m in find_quantities(sentence)] == expected


def test_numbers_ordinal_range_is_a_range_of_positions() -> None:
    (m,) = find_quantities("He ranks between the tenth and the fifteenth.")
    assert (m.text, m.value.type, m.value.low, m.value.high) == ("between the tenth and the fifteenth", "rank", 10, 15)


@pytest.mark.parametrize("sentence", ["It fell between the first and second world wars.",
                                      "Profit rose between the second and third quarters."])
def test_numbers_ordinals_before_a_noun_are_no_range(sentence: str) -> None:
    assert [m for m in find_quantities(sentence) if m.value.type == "rank"] == []


def test_numbers_5g_is_no_five_billion() -> None:
    assert all(m.value.point != 5e9 for m in find_quantities("The 5G network opened."))


@pytest.mark.parametrize(("text", "found"), [
    ("from the prior quarter", [("the prior quarter", "previous")]),
    ("in the preceding week", [("the preceding week", "previous")]),
    ("the same quarter", [("the same quarter", "same")]),
    ("prior to the vote", []),
    ("the preceding paragraph", []),
])
def test_prior_and_preceding_name_the_period_before(text, found):
    assert [(t.text, t.ref) for t in find_times(text, anchor="2024-05-10")] == found


@pytest.mark.parametrize(("text", "found"), [
    ("The six defendants were arrested in a raid.", [("six", 6.0)]),
    ("The three men were charged with fraud.", [("three", 3.0)]),
    # a number after "the" refers back: two sides, or a count in the middle of a sentence
    ("The two sides agreed to meet again.", []),
    ("Officials said the three countries signed the deal.", []),
])
def test_a_number_after_the_counts_only_a_sentence_subject(text, found):
    assert [(m.text, m.value.point) for m in find_quantities(text)] == found


@pytest.mark.parametrize(("text", "found"), [
    # spans of months, as business news dates its periods
    ("for the April-June quarter", [("April-June", "2023-Q2")]),
    ("for the three months to June", [("the three months to June", "2023-Q2")]),
    ("passengers between April and June.", [("between April and June", "2023-Q2")]),
    ("from October to December 2022", [("October to December 2022", "2022-Q4")]),
    ("in the six months ended September 30, 2022", [("the six months ended September 30, 2022", "2022-04/2022-09")]),
    # two months named with "and" are two months
    ("in April and June", [("April", "2023-04"), ("June", "2023-06")]),
    # the same quarter a year back
    ("in the same quarter last year", [("the same quarter last year", "2022-Q2")]),
    ("in the third quarter a year earlier", [("the third quarter a year earlier", "2022-Q3")]),
])
def test_spans_of_months_and_quarters_a_year_back(text, found):
    assert [(t.text, t.value.point) for t in find_times(text, anchor="2023-07-28")] == found


@pytest.mark.parametrize(("text", "found"), [
    ("Last year was about 1.55C above pre-industrial levels.", [("about 1.55C", "count", "degree celsius")]),
    ("Temperatures hit 45C in the city.", [("45C", "count", "degree celsius")]),
    ("Concentrations reached 420 ppm.", [("420 ppm", "count", "part per million")]),
    ("The rate rose 2 pp to 5%.", [("2 pp", "points", "pp"), ("5%", "percent", "%")]),
    # a letter after a figure that a name introduces is part of the name
    ("Section 5C of the act was amended.", [("5", "number", "")]),
])
def test_temperatures_and_parts_per_million(text, found):
    assert [(m.text, m.value.kind, m.value.unit) for m in find_quantities(text)] == found


@pytest.mark.parametrize(("text", "base"), [
    ("Shares closed 7.2% lower on Monday.", None),  # the day of the fall, not what it is measured against
    ("Sales were up 5% on last year.", "last year"),
])
def test_on_a_day_dates_a_change_and_on_a_year_is_its_base(text, base):
    (m,) = [m for m in find_quantities(text, times=find_times(text, anchor="2025-03-05")) if m.change]
    assert (m.base.text if m.base else None) == base


@pytest.mark.parametrize(("text", "found"), [
    # a number in a product's name counts nothing; the figure before the name counts the noun after it
    ("Norrvik is recalling about 1.4m AirCrisp 5 air fryers.", [("about 1.4m", "fryer")]),
    ("The airline ordered 20 Boeing 737 jets.", [("20", "jet")]),
    ("On Sunday 14 people died.", [("14", "person")]),
    ("Profits reached Rs 450 crore.", [("Rs 450 crore", "INR")]),
])
def test_a_number_in_a_model_name_is_part_of_the_name(text, found):
    assert [(m.text, m.value.unit) for m in find_quantities(text)] == found


@pytest.mark.parametrize(("text", "anchor", "found"), [
    # a fiscal or calendar year with its letters glued to the digits
    ("Revenue for FY2023 rose.", "2024-02-01", [("FY2023", "2023")]),
    ("The group expects a loss in FY24, it said.", "2024-02-01", [("FY24", "2024")]),
    ("Shipments in CY2022 fell.", "2024-02-01", [("CY2022", "2022")]),
    ("guidance for cy25", "2024-02-01", [("cy25", "2025")]),
    # two periods away from the one that holds the report's date
    ("Talks resume in the week after next.", "2024-02-01", [("the week after next", "2024-W07")]),
    ("Exports fell the month before last.", "2024-02-01", [("the month before last", "2023-12")]),
    # a year past 2100 after "by"/"in" where the clause ends
    ("Seas could rise by a metre by 2150, the study found.", "2024-02-01", [("2150", "2150")]),
    ("The lease runs until 2199.", "2024-02-01", [("2199", "2199")]),
    # a day and a month without a year after "on", "this" or "next"
    ("The tribunal will sit on 23/05, its clerk said.", "2024-02-01", [("on 23/05", "2024-05-23")]),
    ("Ballots close next 3/14.", "2024-05-01", [("next 3/14", "2025-03-14")]),
])
def test_glued_fiscal_years_far_years_and_days_without_a_year(text, anchor, found):
    assert [(t.text, t.value.point) for t in find_times(text, anchor=anchor)] == found


@pytest.mark.parametrize(("text", "found"), [
    ("The SCY18 gene and the CY18x part.", []),  # letters glued inside a longer word or code
    ("In 2150 people were hurt.", []),           # a far year before a noun counts it
    ("Output rose by 2/3 in a year.", []),      # a share, not a day
    ("He won on 2/3 of the votes.", []),         # a fraction of something
    ("The memorial on 9/11 stands.", []),        # the name of a day in history, not the nearest September 11
    ("The week after, next steps.", []),         # no period after next
])
def test_glued_years_far_years_and_slashes_that_are_no_dates(text, found):
    assert [t.text for t in find_times(text, anchor="2024-02-01")] == found


@pytest.mark.parametrize(("text", "found"), [
    # a plain-space thousands group that starts with "0" ("40 000"); "on May 5 100 people" stays a day and a count
    ("Some 40 000 people marched.", [("Some 40 000", 40000.0, "person")]),
    ("On May 5 100 people marched.", [("100", 100.0, "person")]),
    # dots for thousands and a decimal comma, only with both marks
    ("The fine was €1.234,56 in all.", [("€1.234,56", 1234.56, "EUR")]),
    ("Growth was 1.5, then 2.25.", [("1.5", 1.5, ""), ("2.25", 2.25, "")]),
])
def test_space_and_continental_thousands(text, found):
    assert [(m.text, m.value.point, m.value.unit) for m in find_quantities(text, times=find_times(text, anchor="2024-02-01"))] == found


def test_nineth_is_a_misspelt_ninth():
    (m,) = [m for m in find_quantities("They finished nineth in the league.") if m.value.type == "rank"]
    assert m.value.point == 9
