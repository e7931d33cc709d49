"""Tests of what the views share (consilience.render._common): value wording, highlights, order, profiles."""

from __future__ import annotations

import pytest
from render_sample import minimal_report, sample_report

from consilience.render._common import (
    date_range_text,
    doc_labels,
    format_value,
    highlight,
    human_date,
    ordered_facts,
    ordinal,
    profiles,
    story,
    value_groups,
)


@pytest.mark.parametrize(("value", "text"), [
    ({"type": "quantity", "kind": "money", "unit": "USD", "point": 123.86e9, "hedge": "over"},
     "more than USD 123.86 billion"),
    ({"type": "quantity", "kind": "percent", "unit": "%", "point": 11, "hedge": "exact"}, "11%"),
    ({"type": "quantity", "kind": "count", "unit": "project", "point": 1150, "hedge": "nearly"},
     "nearly 1,150 projects"),
    ({"type": "quantity", "kind": "count", "unit": "country", "point": 2, "hedge": "exact"}, "2 countries"),
    ({"type": "quantity", "kind": "count", "unit": "person", "point": 1, "hedge": "exact"}, "1 person"),
    ({"type": "quantity", "kind": "multiplier", "unit": "x", "point": 3, "hedge": "about"}, "about 3×"),
    ({"type": "quantity", "kind": "money", "unit": "EUR", "point": None, "low": 5e6, "high": None, "hedge": "over"},
     "more than EUR 5 million"),
    ({"type": "rank", "point": 8, "low": 8, "high": 8, "superlative": "largest"}, "8th largest"),
    ({"type": "rank", "point": 1, "low": 1, "high": 5, "superlative": "largest"}, "1st–5th largest"),
    ({"type": "rank", "point": 10, "low": 10, "high": 10, "superlative": "ordinal"}, "10th"),
    ({"type": "date", "point": "2013-07", "granularity": "month"}, "July 2013"),
    ({"type": "name", "name": "Ana Ortiz", "key": "ana ortiz", "role": "engineer"}, "Ana Ortiz (engineer)"),
    ({"type": "quote", "text": "We will", "key": "we will"}, "“We will”"),
    ({"type": "event", "action": "visit", "actor": "the president", "target": None, "place": "Hanoi",
      "when": {"type": "date", "point": "2023-09-10"}}, "the president visit in Hanoi (10 September 2023)"),
    (None, "—"),
])
def test_render_common_format_value(value, text):
    assert format_value(value) == text


@pytest.mark.parametrize(("point", "text"), [("2013", "2013"), ("2013-07", "July 2013"),
                                             ("2013-07-25", "25 July 2013"), ("2023-Q1", "2023-Q1"),
                                             (None, "undated"), ("2013-13", "2013-13")])
def test_render_common_human_date(point, text):
    assert human_date(point) == text


@pytest.mark.parametrize(("n", "text"), [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"),
                                         (12, "12th"), (13, "13th"), (21, "21st"), (112, "112th")])
def test_render_common_ordinal(n, text):
    assert ordinal(n) == text


@pytest.mark.parametrize(("first", "last", "text"), [
    (None, None, "undated"),
    ("2024-05-02", "2024-05-02", "2 May 2024"),
    ("2023", "2024-05", "2023 – May 2024"),
    ("2023-09-10", "2023-09-11", "10–11 September 2023"),
    ("2023-06-30", "2023-07-02", "30 June – 2 July 2023"),
    ("2022-12-30", "2023-01-02", "30 December 2022 – 2 January 2023"),
])
def test_render_common_date_range_text(first, last, text):
    assert date_range_text(first, last) == text


def test_render_common_highlight_uses_the_spans():
    claim = sample_report()["facts"][0]["claims"][0]
    assert highlight(claim) == ("The work cost ", "$41.5 million", ", city engineer Ana Ortiz said.")


def test_render_common_highlight_falls_back_to_finding_the_text():
    claim = dict(sample_report()["facts"][0]["claims"][0], span=[9_000, 9_013])
    assert highlight(claim)[1] == "$41.5 million"


def test_render_common_highlight_marks_nothing_when_the_value_is_absent():
    claim = dict(sample_report()["facts"][0]["claims"][0], span=None, text="$99")
    assert highlight(claim) == (claim["sentence"], "", "")


def test_render_common_ordered_facts_put_conflicts_first_by_score():
    d = sample_report()
    d["facts"].reverse()
    assert [f["id"] for f in ordered_facts(d)] == ["f-cost", "f-engineer", "f-quote", "f-traffic", "f-months",
                                                   "f-opened"]


def test_render_common_value_groups_put_the_most_stated_value_first():
    groups = value_groups(sample_report()["facts"][0])
    assert [(g.shown, g.doc_ids) for g in groups] == [("$41.5 million", ("a.txt", "c.html")),
                                                     ("$45 million", ("b.txt",))]


def test_render_common_doc_labels_disambiguate_repeated_sources():
    d = sample_report()
    d["documents"][1]["source"] = "Daily Ledger"
    labels = doc_labels(d)
    assert labels["a.txt"] == "Daily Ledger (a.txt)" and labels["b.txt"] == "Daily Ledger (b.txt)"


def test_render_common_profiles_count_agreement_and_minority():
    p = profiles(sample_report())["b.txt"]
    # b.txt shares 5 facts with a.txt and 2 of them with c.html too (7 comparisons); it agrees only on
    # the traffic and the duration.
    assert (p.shared, p.comparisons, p.agreements) == (5, 7, 2)
    assert p.minority == ("cost of the repairs", "city engineer's name")
    assert p.removed == {"login-prompt": 1, "related-news": 1}


def test_render_common_story_falls_back_to_the_documents():
    d = minimal_report()
    del d["story"]
    d["documents"][0]["title"] = "Only title"
    d["documents"][0]["published"]["date"] = "2020-01-02"
    s = story(d)
    assert (s.title, s.first, s.last, s.sources, s.skipped) == ("Only title", "2020-01-02", "2020-01-02", 1, 0)


@pytest.mark.parametrize(("name", "short"), [
    ("000_c76a6a48aae8736b.txt", "000"),
    ("01_northgate-wire.txt", "01_northgate-wire"),
    ("news/2024/report.html", "report"),
    ("c76a6a48aae8736b.txt", "c76a6a48aae8736b.txt"),  # nothing would be left: keep the name
    ("item-000000000000.txt", "item-000000000000"),  # digits only: a number, not a hash
    ("feed.jsonl:12", "feed.jsonl:12"),
])
def test_render_common_short_name(name, short):
    from consilience.render._common import short_name

    assert short_name(name) == short


def test_render_common_doc_labels_shorten_file_names_only_while_unique():
    d = minimal_report()
    base = d["documents"][0]
    ids = ["000_c76a6a48aae8736b.txt", "001_5c3c3a3d5d024fdb.txt", "a/x.txt", "b/x.txt"]
    d["documents"] = [dict(base, id=i, source=i) for i in ids]
    assert list(doc_labels(d).values()) == ["000", "001", "a/x.txt", "b/x.txt"]


@pytest.mark.parametrize(("text", "out"), [
    ("a.txt and b.txt agree", "Daily Ledger and Coast Courier agree"),
    ("data.txt is not a.txt", "data.txt is not Daily Ledger"),
    ("dir/a.txt stays", "dir/a.txt stays"),
    (None, ""),
])
def test_render_common_relabel_names_documents_by_label(text, out):
    from consilience.render._common import relabel

    assert relabel(text, doc_labels(sample_report())) == out


def _growth(doc_id: str, base: str | None, scope: str | None = "2022") -> dict:
    quals = {}
    if base:
        quals["base"] = {"type": "date", "point": base, "granularity": "year"}
    if scope:
        quals["time_scope"] = {"type": "date", "point": scope, "granularity": "year"}
    return {"id": f"{doc_id}#g", "doc_id": doc_id, "text": "11%", "sentence": "Trade rose 11%.", "span": [11, 14],
            "sentence_span": [0, 15], "qualifiers": quals,
            "value": {"type": "quantity", "kind": "percent", "unit": "%", "point": 11, "hedge": "exact"}}


def test_render_common_value_groups_split_equal_values_by_a_differing_qualifier():
    fact = {"id": "f", "verdict": "conflict",
            "claims": [_growth("a.txt", "2021"), _growth("b.txt", "2020"), _growth("c.txt", "2021")]}
    assert [(g.shown, g.doc_ids) for g in value_groups(fact)] == [("11% (from 2021)", ("a.txt", "c.txt")),
                                                                 ("11% (from 2020)", ("b.txt",))]


@pytest.mark.parametrize(("claims", "names"), [
    ([_growth("a.txt", "2021"), _growth("b.txt", None)], ()),  # a missing base is not a different base
    ([_growth("a.txt", "2021"), _growth("b.txt", "2021")], ()),
    ([_growth("a.txt", "2021", "2022"), _growth("b.txt", "2020", "2023")], ("base", "time_scope")),
])
def test_render_common_differing_qualifiers(claims, names):
    from consilience.render._common import differing_qualifiers

    assert differing_qualifiers({"verdict": "conflict", "claims": claims}) == names


def test_render_common_differing_qualifiers_are_ignored_where_sources_agree():
    from consilience.render._common import differing_qualifiers

    claims = [_growth("a.txt", "2021", "2022"), _growth("b.txt", "2020", "2023")]
    assert differing_qualifiers({"verdict": "agree", "claims": claims}) == ()


def test_render_common_profiles_count_a_differing_qualifier_as_disagreement():
    d = minimal_report()
    base = d["documents"][0]
    d["documents"] = [dict(base, id=i, source=i) for i in ("a.txt", "b.txt", "c.txt")]
    d["facts"] = [{"id": "f", "label": "growth", "verdict": "conflict",
                   "claims": [_growth("a.txt", "2021"), _growth("b.txt", "2020"), _growth("c.txt", "2021")]}]
    p = profiles(d)
    assert (p["b.txt"].agreements, p["b.txt"].minority) == (0, ("growth",))
    assert (p["a.txt"].agreements, p["a.txt"].minority) == (1, ())


@pytest.mark.parametrize(("a", "b", "same"), [
    ({"type": "quantity", "unit": "USD", "point": 5, "hedge": "over"},
     {"type": "quantity", "unit": "USD", "point": 5, "hedge": "over"}, True),
    ({"type": "quantity", "unit": "USD", "point": 5, "hedge": "over"},
     {"type": "quantity", "unit": "USD", "point": 5, "hedge": "exact"}, False),
    ({"type": "rank", "point": 1, "low": 1, "high": 5}, {"type": "rank", "point": 1, "low": 1, "high": 1}, False),
    ({"type": "name", "name": "Phạm Thu Hằng", "key": "pham thu hang"},
     {"type": "name", "name": "Pham Thu Hang", "key": "pham thu hang"}, True),
])
def test_render_common_value_key(a, b, same):
    from consilience.render._common import value_key

    assert (value_key(a) == value_key(b)) is same


def test_render_common_reuse_phrases_say_who_copied_whom():
    from consilience.render._common import reuse_phrases

    d = sample_report()
    d["reuse"].append({"source": "b.txt", "target": "c.html", "relation": "independent", "directed": False})
    assert reuse_phrases(d, doc_labels(d)) == ["Coast Courier paraphrases Daily Ledger",
                                                "Daily Ledger and <script>window.__pwned=1</script>Wire share passages"]


@pytest.mark.parametrize(("text", "point", "note"), [
    ("agreed in October 2014", "2014-10", ""),
    ("established relations on November 1, 1989", "1989-11-01", ""),
    ("upgraded in 2014", "2014", ""),
    ("11%", "2021", "in 2021"),
    ("agreed in 2014", "2014-10", "in October 2014"),  # the month is not written: worth saying
    ("the 12014 plan", "2014", "in 2014"),
])
def test_render_common_qualifier_note_skips_dates_the_value_already_shows(text, point, note):
    from consilience.render._common import qualifier_note

    claim = {"text": text, "qualifiers": {"time_scope": {"type": "date", "point": point}}}
    assert qualifier_note(claim, ("time_scope",)) == note


def test_render_common_sanitize_replaces_controls_one_for_one():
    from consilience.render._common import sanitize

    d = {"a": ["x\x1b[1my", {"b": "\x9bz\n\t"}], "n": 3, "none": None}
    assert sanitize(d) == {"a": ["x\ufffd[1my", {"b": "\ufffdz\n\t"}], "n": 3, "none": None}


@pytest.mark.parametrize(("fact_index", "note"), [
    (3, "about 30,000 vehicles"),  # "About 30,000" as written: the consensus adds the unit
    (4, ""),  # "14 months" as written already says it all
    (5, ""),  # single-source: nothing to reconcile
    (2, ""),  # a quote has no normal form worth showing
])
def test_render_common_consensus_note_only_when_it_adds_something(fact_index, note):
    from consilience.render._common import consensus_note

    assert consensus_note(sample_report()["facts"][fact_index]) == note


@pytest.mark.parametrize("control", ["\x00", "\x08", "\x0c", "\r", "\x1b", "\x7f", "\x85", "\x9b"])
def test_render_common_sanitize_finds_every_control_character(control):
    from consilience.render._common import sanitize

    assert sanitize({"t": [f"a{control}b"]}) == {"t": ["a\ufffdb"]}


def test_render_common_sanitize_returns_a_clean_report_as_is():
    from consilience.render._common import sanitize

    d = sample_report()
    assert sanitize(d) is d


def test_render_common_value_key_tells_events_of_different_dates_apart():
    from consilience.render._common import value_key

    event = {"type": "event", "action": "visit", "actor": "a", "target": "b", "when": {"point": "1989"}}
    later = dict(event, when={"point": "1989-11-01"})
    assert value_key(event) != value_key(later)
