import math

import pytest

from consilience.judge import describe_value, judge_claims, pair_relation, soft_interval
from consilience.model import Claim, Document, Published, Qualifiers, Quantity, Rank, Span, TimeValue

INF = math.inf


def q(point, low, high, hedge="exact", kind="money", unit="USD"):
    return Quantity(kind=kind, unit=unit, point=point, low=low, high=high, hedge=hedge)


def year(y: int) -> TimeValue:
    return TimeValue(point=str(y), low=f"{y}-01-01", high=f"{y + 1}-01-01", granularity="year")


def claim(doc, value, *, base=None, change=None, measure="trade", start=0, kind=None):
    k = kind or ("rank" if isinstance(value, Rank) else "quantity")
    return Claim(id=f"{doc}#{start}", kind=k, span=Span(doc, start, start + 3), sentence=Span(doc, 0, 40),
                 value=value, measure=measure, terms=tuple(measure.split()),
                 qualifiers=Qualifiers(base=base, change=change))


@pytest.mark.parametrize(
    "a, b, expected",
    [
        # same figure, same hedge
        (q(123.86e9, 123.86e9, 125e9, "over"), q(123.86e9, 123.86e9, 125e9, "over"), "agree"),
        # a precise figure "more than" vs a figure 5% higher: the hedged ranges do not meet
        (q(123.86e9, 123.86e9, 125e9, "over"), q(130e9, 130e9, 149e9, "over"), "conflict"),
        # an unhedged 123 cannot be more than 130
        (q(123e9, 122.5e9, 124e9), q(130e9, 130e9, 149e9, "over"), "conflict"),
        # possible together, pointing at different figures
        (q(10.3e9, 10.3e9, 11.8e9, "over"), q(11.4e9, 11.35e9, 11.45e9), "divergent"),
        # a hedge that holds
        (q(730, 730, 840, "over", kind="count", unit="member"), q(733, 732.5, 733.5, kind="count", unit="member"), "compatible"),
        (q(1150, 978, 1150, "nearly", kind="count", unit="project"), q(1200, 1200, 1380, "over", kind="count", unit="project"), "conflict"),
        (Rank(point=7, low=7, high=7), Rank(point=8, low=8, high=8), "conflict"),
        (Rank(point=2, low=1, high=5, hedge="about"), Rank(point=2, low=2, high=2), "compatible"),
        # "one of the biggest" rules out no position: far down the list it only diverges
        (Rank(point=1, low=1, high=5, hedge="about"), Rank(point=11, low=11, high=11), "divergent"),
    ],
)
def test_judge_pair_relation_follows_the_interval_rule(a, b, expected):
    assert pair_relation(claim("a", a), claim("b", b))[0] == expected


def test_judge_different_comparison_bases_conflict():
    pct = q(11, 10.5, 11.5, kind="percent", unit="%")
    rel, why = pair_relation(claim("a", pct, base=year(2021)), claim("b", pct, base=year(2020)))
    assert rel == "conflict" and "2021" in why and "2020" in why


def test_judge_rise_against_fall_conflicts():
    pct = q(3, 2.5, 3.5, kind="percent", unit="%")
    assert pair_relation(claim("a", pct, change="increase"), claim("b", pct, change="decrease"))[0] == "conflict"


def test_judge_soft_interval_of_exact_figure_allows_truncation():
    lo, hi = soft_interval(q(123e9, 122.5e9, 124e9))
    assert lo == pytest.approx(122.5e9) and hi == pytest.approx(124e9)


def test_judge_explanation_names_every_source_and_value():
    docs = {d: Document(id=d, source=d, text="x" * 50) for d in "abcd"}
    claims = [
        claim("a", q(123.86e9, 123.86e9, 125e9, "over")),
        claim("b", q(123.86e9, 123.86e9, 125e9, "over")),
        claim("c", q(123e9, 122.5e9, 124e9)),
        claim("d", q(130e9, 130e9, 149e9, "over")),
    ]
    j = judge_claims(claims, docs)
    assert j.verdict == "conflict"
    assert j.explanation.startswith("d says more than US$130 billion;")
    assert "a, b say more than US$123.86 billion" in j.explanation
    assert "c says US$123 billion" in j.explanation
    assert "cannot all be true" in j.explanation
    assert j.consensus is not None and j.consensus.point == 123.86e9


def test_judge_copies_count_once_for_the_consensus():
    docs = {d: Document(id=d, source=d, text="x" * 50) for d in "abc"}
    claims = [claim("a", Rank(point=8, low=8, high=8)), claim("b", Rank(point=8, low=8, high=8)),
              claim("c", Rank(point=7, low=7, high=7))]
    assert judge_claims(claims, docs).consensus.point == 8
    # b is a copy of a: one voice each side, no consensus
    assert judge_claims(claims, docs, voices={"a": "a", "b": "a", "c": "c"}).consensus is None


def _early_and_late(early: str, late: str) -> dict[str, Document]:
    """Two reports of one story, "early" and "late", published on the given days."""
    return {"early": Document(id="early", source="x", text="x" * 50, published=Published(early, "declared")),
            "late": Document(id="late", source="y", text="x" * 50, published=Published(late, "declared"))}


def test_judge_running_figure_rising_between_dated_reports_is_updated():
    docs = _early_and_late("2024-03-01", "2024-03-03")
    five = q(5, 4.5, 5.5, kind="count", unit="person")
    eleven = q(11, 10.5, 11.5, kind="count", unit="person")
    j = judge_claims([claim("early", five, measure="people killed"), claim("late", eleven, measure="people killed")], docs)
    assert j.verdict == "updated" and j.current == "late#0"
    assert "late" in j.explanation and "current" in j.explanation


def test_judge_running_figure_from_undated_reports_stays_a_conflict():
    docs = {d: Document(id=d, source=d, text="x" * 50) for d in ("a", "b")}
    five = q(5, 4.5, 5.5, kind="count", unit="person")
    eleven = q(11, 10.5, 11.5, kind="count", unit="person")
    j = judge_claims([claim("a", five, measure="people killed"), claim("b", eleven, measure="people killed")], docs)
    assert j.verdict == "conflict"


def test_judge_single_source_fact():
    docs = {"a": Document(id="a", source="a", text="x" * 50)}
    assert judge_claims([claim("a", Rank(point=3, low=3, high=3))], docs).verdict == "single-source"


@pytest.mark.parametrize(
    "value, text",
    [
        (q(123.86e9, 0, INF, "over"), "more than US$123.86 billion"),
        (q(11.4e9, 0, INF), "US$11.4 billion"),
        (q(11, 0, INF, kind="percent", unit="%"), "11%"),
        (q(25000, 0, INF, "about", kind="count", unit="student"), "about 25,000 students"),
        (Rank(point=8, low=8, high=8), "8th largest"),
        (Rank(point=1, low=1, high=1), "largest"),
    ],
)
def test_judge_describe_value_reads_naturally(value, text):
    assert describe_value(claim("a", value)) == text


@pytest.mark.parametrize(("measure", "verdict"), [
    ("people missing", "updated"),  # people missing can be found
    ("people killed", "conflict"),  # the dead cannot be un-counted: a tally only grows
])
def test_judge_running_figure_falling_between_dated_reports(measure, verdict):
    docs = _early_and_late("2024-03-02", "2024-03-04")
    high, low = q(23, 22.5, 24, kind="count", unit="person"), q(9, 8.5, 10, kind="count", unit="person")
    j = judge_claims([claim("early", high, measure=measure), claim("late", low, measure=measure)], docs)
    assert j.verdict == verdict and (verdict != "updated" or j.current == "late#0")


def test_judge_a_divisions_tally_is_final_not_running():
    # votes still being counted move; the 83 votes against a bill at its reading do not
    docs = _early_and_late("2025-05-21", "2025-05-26")
    against = [q(83, 82.5, 84, kind="count", unit="vote against"), q(88, 87.5, 89, kind="count", unit="vote against")]
    j = judge_claims([claim("early", against[0], measure="votes against"),
                      claim("late", against[1], measure="votes against")], docs)
    assert j.verdict == "conflict"


def test_judge_running_figure_disagreeing_on_the_same_day_is_a_conflict():
    day = Published("2024-03-03", "declared")
    docs = {d: Document(id=d, source=d, text="x" * 50, published=day) for d in ("a", "b")}
    j = judge_claims([claim("a", q(11, 10.5, 12, kind="count", unit="person"), measure="people killed"),
                      claim("b", q(16, 15.5, 17, kind="count", unit="person"), measure="people killed")], docs)
    assert j.verdict == "conflict"


def test_judge_counts_read_as_still_moving_on_both_sides_diverge_rather_than_conflict():
    docs = {
        "a": Document(id="a", source="a", text="Within an hour of the call, the page had gained 28,000 followers."),
        "b": Document(id="b", source="b", text="The page has already amassed more than 100,000 followers."),
    }
    a = Claim(id="a#0", kind="quantity", span=Span("a", 44, 50), sentence=Span("a", 0, 64),
              value=q(28000, 27500, 29000, kind="count", unit="follower"), measure="followers")
    b = Claim(id="b#0", kind="quantity", span=Span("b", 29, 46), sentence=Span("b", 0, 58),
              value=q(100000, 100000, 120000, "over", kind="count", unit="follower"), measure="followers")
    j = judge_claims([a, b], docs)
    assert j.verdict == "divergent" and "still moving" in j.explanation


def test_judge_a_snapshot_cue_on_one_side_only_keeps_the_conflict():
    docs = {
        "a": Document(id="a", source="a", text="The page has already gained 28,000 followers."),
        "b": Document(id="b", source="b", text="The page has 100,000 followers, its owner says."),
    }
    a = Claim(id="a#0", kind="quantity", span=Span("a", 28, 34), sentence=Span("a", 0, 45),
              value=q(28000, 27500, 29000, kind="count", unit="follower"), measure="followers")
    b = Claim(id="b#0", kind="quantity", span=Span("b", 13, 20), sentence=Span("b", 0, 46),
              value=q(100000, 99500, 101000, kind="count", unit="follower"), measure="followers")
    assert judge_claims([a, b], docs).verdict == "conflict"


def _dated_reports(*items: tuple[str, str, str]) -> dict[str, Document]:
    """Reports (id, publication day, text)."""
    return {i: Document(id=i, source=i, text=t, published=Published(day, "declared")) for i, day, t in items}


def _count_in(doc: Document, figure: str, value: Quantity) -> Claim:
    s = doc.text.index(figure)
    return Claim(id=f"{doc.id}#{s}", kind="quantity", span=Span(doc.id, s, s + len(figure)),
                 sentence=Span(doc.id, 0, len(doc.text)), value=value, measure="lenders")


def _lenders(n: int) -> Quantity:
    return q(n, n - 0.5, n + 0.5, kind="count", unit="lender")


@pytest.mark.parametrize(("late_text", "late_n", "verdict"), [
    # a later report says the count is one at a moment, or since a start: the count moved on
    ("As of Friday, 80 lenders had trimmed their rates.", 80, "updated"),
    ("The bank said 80 lenders have cut rates since Monday.", 80, "updated"),
    ("The association again raised its tally to 80 lenders.", 80, "updated"),
    # nothing marks the later figure as revised: two counts that cannot both be true
    ("The association said 80 lenders cut their rates.", 80, "conflict"),
    # a count at a moment only grows: below the earlier one it contradicts it
    ("As of Friday, 10 lenders had trimmed their rates.", 10, "conflict"),
    # a count said to be revised, or to have moved, may go down as well as up
    ("The association lowered its count to 10 lenders.", 10, "updated"),
    ("The rate had fallen to 18 by Wednesday.", 18, "updated"),
    ("The group is raising its stake to 30.", 30, "updated"),
    # "now holds" states a level; it says nothing of a revision
    ("The party now holds 18 of the seats.", 18, "conflict"),
])
def test_judge_a_count_a_later_report_marks_as_revised_is_updated(late_text, late_n, verdict):
    docs = _dated_reports(("a", "2024-10-22", "Some lenders, 20 in all, cut rates on Tuesday."),
                          ("b", "2024-10-25", late_text))
    claims = [_count_in(docs["a"], "20 in", _lenders(20)), _count_in(docs["b"], str(late_n), _lenders(late_n))]
    assert judge_claims(claims, docs).verdict == verdict


def test_judge_a_revised_count_must_move_one_way():
    docs = _dated_reports(("a", "2024-10-22", "Some lenders, 20 in all, cut rates."),
                          ("b", "2024-10-23", "The group raised its count to 50 lenders."),
                          ("c", "2024-10-25", "The group revised its count to 30 lenders."))
    claims = [_count_in(docs["a"], "20 in", _lenders(20)), _count_in(docs["b"], "50", _lenders(50)),
              _count_in(docs["c"], "30", _lenders(30))]
    assert judge_claims(claims, docs).verdict == "conflict"


def test_judge_the_nth_day_of_something_advances_with_the_reports():
    docs = _early_and_late("2025-03-04", "2025-03-05")
    two, three = Rank(point=2, low=2, high=2, superlative="ordinal"), Rank(point=3, low=3, high=3, superlative="ordinal")
    j = judge_claims([claim("early", two, measure="day"), claim("late", three, measure="day")], docs)
    assert j.verdict == "updated"
    # the same positions of anything else are a conflict
    j = judge_claims([claim("early", two, measure="place"), claim("late", three, measure="place")], docs)
    assert j.verdict == "conflict"


def test_judge_a_figure_of_a_closed_period_is_never_revised():
    # "has grown ... to reach $10.2 billion in 2023": the sentence tells a growth, the figure is 2023's
    docs = _dated_reports(("a", "2024-03-01", "Trade was worth 9.6 in 2023."),
                          ("b", "2024-06-10", "Trade has grown since 1990 to reach 10.2 in 2023."))
    scope = Qualifiers(time_scope=year(2023))
    a = Claim(id="a#0", kind="quantity", span=Span("a", 16, 19), sentence=Span("a", 0, 28),
              value=q(9.6, 9.55, 9.65), measure="trade", qualifiers=scope)
    b = Claim(id="b#0", kind="quantity", span=Span("b", 35, 39), sentence=Span("b", 0, 47),
              value=q(10.2, 10.15, 10.25), measure="trade", qualifiers=scope)
    assert judge_claims([a, b], docs).verdict == "conflict"


def test_judge_cumulative_marks_a_move_since_an_event():
    from consilience.judge import CUMULATIVE

    assert CUMULATIVE.search("Its shares have lost 11% since the chain released its results on Tuesday.")
    assert CUMULATIVE.search("The shares are now 13% below where they stood before Tuesday's results.")
    assert not CUMULATIVE.search("Shares closed 8% lower in New York on Wednesday.")
