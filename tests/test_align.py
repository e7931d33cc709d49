import pytest

from consilience.align import align_claims, similarity
from consilience.model import Claim, Document, Qualifiers, Quantity, Rank, Span, TimeValue
from consilience.segment import segment


def year(y: int) -> TimeValue:
    return TimeValue(point=str(y), low=f"{y}-01-01", high=f"{y + 1}-01-01", granularity="year")


def make(doc_id: str, text: str) -> Document:
    return segment(Document(id=doc_id, source=doc_id, text=text))


def value_claim(doc: Document, written: str, value, *, scope=None, subject="", of=None, among=None) -> Claim:
    start = doc.text.index(written)
    sent = next(s for s in doc.sentences if s.start <= start < s.end)
    kind = "rank" if isinstance(value, Rank) else "quantity"
    return Claim(id=f"{doc.id}#{start}", kind=kind, span=Span(doc.id, start, start + len(written)),
                 sentence=sent, value=value, subject=subject,
                 qualifiers=Qualifiers(time_scope=scope, of=of, among=among))


def usd(p, lo, hi, hedge="exact"):
    return Quantity(kind="money", unit="USD", point=p, low=lo, high=hi, hedge=hedge)


DOCS = [
    make("a", "Exports of coffee beans reached $2.1 billion in 2023. Tourism revenue was $900 million."),
    make("b", "Tourism revenue hit $910 million. Coffee bean exports were worth $2.4 billion in 2023."),
    make("c", "Coffee exports stood at $2.1 billion in 2022, officials said."),
]


def test_align_same_measure_across_reordered_sentences_becomes_one_fact():
    a, b, _ = DOCS
    claims = [
        value_claim(a, "$2.1 billion", usd(2.1e9, 2.05e9, 2.2e9), scope=year(2023)),
        value_claim(a, "$900 million", usd(9e8, 8.95e8, 9.1e8)),
        value_claim(b, "$910 million", usd(9.1e8, 9.095e8, 9.11e8)),
        value_claim(b, "$2.4 billion", usd(2.4e9, 2.35e9, 2.5e9), scope=year(2023)),
    ]
    facts = align_claims(claims, DOCS[:2])
    groups = sorted(sorted(c.id for c in f.claims) for f in facts)
    assert groups == sorted([sorted([claims[0].id, claims[3].id]), sorted([claims[1].id, claims[2].id])])
    coffee = next(f for f in facts if claims[0] in f.claims)
    assert coffee.verdict == "conflict"
    assert "a says US$2.1 billion" in coffee.explanation and "b says US$2.4 billion" in coffee.explanation


def test_align_different_time_scopes_stay_apart():
    a, _, c = DOCS
    claims = [
        value_claim(a, "$2.1 billion", usd(2.1e9, 2.05e9, 2.2e9), scope=year(2023)),
        value_claim(c, "$2.1 billion", usd(2.1e9, 2.05e9, 2.2e9), scope=year(2022)),
    ]
    facts = align_claims(claims, [a, c])
    assert sorted(f.verdict for f in facts) == ["single-source", "single-source"]


def test_align_directional_ranks_stay_apart():
    x = make("x", "Chile is Korea's third largest trading partner.")
    y = make("y", "Korea is Chile's fifth largest trading partner.")
    claims = [
        value_claim(x, "third largest", Rank(point=3, low=3, high=3), subject="Chile", of="Korea"),
        value_claim(y, "fifth largest", Rank(point=5, low=5, high=5), subject="Korea", of="Chile"),
    ]
    assert [f.verdict for f in align_claims(claims, [x, y])] == ["single-source", "single-source"]


def test_align_one_claim_per_document_per_fact():
    a = make("a", "Coffee exports were $2.1 billion. Coffee exports were $2.2 billion.")
    b = make("b", "Coffee exports were $2.1 billion.")
    claims = [
        value_claim(a, "$2.1 billion", usd(2.1e9, 2.05e9, 2.2e9)),
        Claim(id="a#50", kind="quantity", span=Span("a", 50, 62), sentence=a.sentences[1],
              value=usd(2.2e9, 2.15e9, 2.3e9)),
        value_claim(b, "$2.1 billion", usd(2.1e9, 2.05e9, 2.2e9)),
    ]
    facts = align_claims(claims, [a, b])
    assert all(len({c.doc_id for c in f.claims}) == len(f.claims) for f in facts)
    assert sum(len(f.claims) for f in facts) == 3


def test_align_units_block_comparison():
    a = make("a", "Coffee exports were $2.1 billion.")
    b = make("b", "Coffee exports were 2.1 million tonnes.")
    claims = [
        value_claim(a, "$2.1 billion", usd(2.1e9, 2.05e9, 2.2e9)),
        value_claim(b, "2.1 million tonnes", Quantity(kind="count", unit="tonne", point=2.1e6, low=2.05e6, high=2.2e6)),
    ]
    assert len(align_claims(claims, [a, b])) == 2


def test_align_similarity_weights_rare_terms():
    idf = {"coffee": 3.0, "export": 3.0, "country": 0.1}
    assert similarity(["coffee", "export"], ["coffee", "export", "country"], idf) > 0.9
    assert similarity(["country"], ["coffee", "country"], idf) < 0.1


def test_align_figure_repeated_by_many_reports_stays_one_fact():
    # 300 reports in varied words: more claims share each term than blocking looks at, so pairs are
    # sampled; the figure every report repeats must still come out as one fact, and the other figure
    # as another
    from consilience.extract import extract_claims
    from consilience.model import Published

    coffee = ("Coffee bean exports reached {} billion in 2023.", "Exports of coffee beans hit {} billion in 2023.",
              "In 2023 the country shipped coffee beans worth {} billion abroad.",
              "Foreign sales of its coffee beans came to {} billion in 2023.")
    tourism = ("Tourism revenue was {} million in 2023, officials said.", "Revenue from tourism reached {} million in 2023.",
               "In 2023 tourism revenue came to {} million, the ministry said.")
    n = 300
    docs = []
    for i in range(n):
        text = (f"Report {i} on the harvest and the season.\n"
                + coffee[i % 4].format(f"${2.0 + (i % 3) / 10:.1f}") + " "
                + tourism[i % 3].format(f"${900 + i % 7}"))
        d = make(f"r{i:03d}", text)
        docs.append(Document(id=d.id, source=d.id, text=d.text, sentences=d.sentences,
                             published=Published(date="2024-02-01", how="declared")))
    claims = [c for d in docs for c in extract_claims(d)]
    facts = align_claims(claims, docs)
    sizes = sorted((len(f.claims) for f in facts), reverse=True)
    assert sizes[:2] == [n, n], sizes[:8]
    for f in facts[:2]:
        written = {docs[int(c.doc_id[1:])].text[c.span.start:c.span.end][-7:] for c in f.claims}
        assert written <= {"billion"} or written <= {"million"}


@pytest.mark.parametrize(("day", "texts"), [
    # "bilateral trade" and "trade between the two countries" are one measure
    ("2025-06-04", ["Trade between the two countries reached $4.4 billion last year, according to customs data.",
                    "Bilateral trade totalled about $4.4 billion in 2024, officials said."]),
    # the period a figure covers ("quarterly", "third-quarter") is its scope, not part of what it measures
    ("2024-10-24", ["Revenue rose to €2.4bn, helped by wider lending margins.",
                    "Quarterly revenue reached €2.4 billion.",
                    "Third-quarter revenue came in at 2.4 billion euros, ahead of forecasts."]),
])
def test_align_one_measure_worded_differently_is_one_fact(day, texts):
    from consilience.extract import extract_claims
    from consilience.model import Published

    docs = []
    for k, t in zip("abc", texts):
        d = make(k, t)
        docs.append(Document(id=k, source=k, text=d.text, sentences=d.sentences, published=Published(date=day, how="declared")))
    facts = align_claims([c for d in docs for c in extract_claims(d)], docs)
    assert [sorted(c.doc_id for c in f.claims) for f in facts] == [list("abc"[:len(texts)])]
    assert facts[0].verdict in ("agree", "compatible")


def test_align_a_document_repeating_a_figure_states_it_in_one_fact():
    # a headline and the sentence that restates it: one fact, not a second fact of one source
    from consilience.extract import extract_claims

    a = make("a", "Death toll from floods rises to 42\n\nThe death toll from the floods has risen to 42, officials said.")
    b = make("b", "The death toll from the floods has risen to 57, the ministry said.")
    facts = align_claims([c for d in (a, b) for c in extract_claims(d)], [a, b])
    assert [sorted(c.doc_id for c in f.claims) for f in facts] == [["a", "a", "b"]]


def test_align_a_figure_without_a_period_does_not_join_two_periods():
    # 8.1 million (2022) and 9.4 million (2023) are two facts, whatever an undated 9.4 million is close to
    a = make("a", "The airline carried 8.1 million passengers in 2022.")
    b = make("b", "The airline carried 9.4 million passengers in 2023.")
    c = make("c", "The airline carried 9.4 million passengers.")

    def count(p):
        return Quantity(kind="count", unit="passenger", point=p, low=p - 5e4, high=p + 5e4)

    claims = [value_claim(a, "8.1 million", count(8.1e6), scope=year(2022)),
              value_claim(b, "9.4 million", count(9.4e6), scope=year(2023)),
              value_claim(c, "9.4 million", count(9.4e6))]
    for cl in claims:
        object.__setattr__(cl, "measure", "passengers")
    facts = align_claims(claims, [a, b, c])
    assert not any({"a", "b"} <= {x.doc_id for x in f.claims} for f in facts)


@pytest.mark.parametrize(("first", "second", "kind", "unit"), [
    # the policy rate and the monthly rise in prices: the same September, different measures
    (("The rate had stood at 5.75% since early September.", "5.75%", 5.75),
     ("Consumer prices rose 0.3% in September from the previous month.", "0.3%", 0.3), "percent", "%"),
    # the region's figure and the country's: the country named in the clause, the region in the sentence
    (("The average price of a home in the UK rose to £291,650.", "£291,650", 291650),
     ("Northern Ireland led the gains, with the average home there costing £310,000.", "£310,000", 310000), "money", "GBP"),
])
def test_align_figures_that_only_share_a_month_or_name_different_places_stay_apart(first, second, kind, unit):
    docs = [make("x", first[0]), make("y", second[0])]
    claims = [value_claim(d, written, Quantity(kind=kind, unit=unit, point=p, low=p * 0.999, high=p * 1.001, hedge="exact"))
              for d, (_, written, p) in zip(docs, (first, second))]
    assert sorted(f.verdict for f in align_claims(claims, docs)) == ["single-source", "single-source"]


def test_align_times_of_one_happening_meet_whatever_their_ratio():
    # two times of a capsize told in sentences that share little else: 03:00 and 05:00 are one fact
    a = make("a", "Rescuers pulled 52 survivors from the water after the cayuco overturned shortly after 3am.")
    b = make("b", "It capsized shortly after 5am about 74 kilometres from the coast, in heavy swell.")
    clock = lambda t: Quantity(kind="clock", unit="time of day", point=t, low=t, high=t + 30, hedge="over")  # noqa: E731
    ca = value_claim(a, "shortly after 3am", clock(180.0))
    cb = value_claim(b, "shortly after 5am", clock(300.0))
    ca = Claim(**{**{f: getattr(ca, f) for f in ca.__dataclass_fields__}, "measure": "time of capsize",
                  "terms": ("capsize", "cayuco", "rescuer", "survivor", "water")})
    cb = Claim(**{**{f: getattr(cb, f) for f in cb.__dataclass_fields__}, "measure": "time of capsize",
                  "terms": ("capsize", "coast", "heavy", "kilometre", "swell")})
    facts = align_claims([ca, cb], [a, b])
    assert len(facts) == 1 and facts[0].verdict == "conflict"
