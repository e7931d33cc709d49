"""Tests of consilience.clean: chrome lines removed with reasons, body kept, title and dateline found."""

from __future__ import annotations

from pathlib import Path

import pytest

from consilience.clean import REMOVAL_REASONS, CleanOptions, clean_document, clean_documents, clean_stats, find_dateline_date
from consilience.errors import skip_message
from consilience.model import RawDocument

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"


def _raw(text: str, doc_id: str = "doc.txt", **kw) -> RawDocument:
    return RawDocument(id=doc_id, source=doc_id, text=text, **kw)


def _reasons(doc) -> dict[str, str]:
    return {r.text: r.reason for r in doc.removed}


BODY = [
    "LONDON, May 4 (Reuters) - The city council approved a new housing plan on Tuesday, officials said.",
    "The plan sets aside 1.2 billion pounds for 40,000 homes over the next decade.",
    "\"We have waited too long for this,\" said council leader Jane Porter, who backed the vote.",
    "Opposition members argued that the figures were optimistic and asked for an independent review.",
    "The first construction contracts are expected to be signed before the end of the year.",
]

# Chrome written in the style of other news sites: (line, reason).
CHROME_TOP = [
    ("Skip to main content", "navigation"),
    ("Home | World | Business | Markets | Opinion", "navigation"),
    ("Subscribe", "subscription-prompt"),
    ("Sign in", "login-prompt"),
    ("BREAKING NEWS", "banner"),
    ("LIVE UPDATES FROM THE ELECTION NIGHT", "banner"),
    ("We use cookies to improve your experience on our website.", "cookie-prompt"),
    ("Accept all cookies", "cookie-prompt"),
    ("Manage preferences", "cookie-prompt"),
    ("Politics", "section-label"),
]
TITLE = "Council approves housing plan after long debate"
CHROME_MID = [
    ("Advertisement", "advertisement"),
    ("Story continues below advertisement", "advertisement"),
    ("Jane Porter speaks to reporters outside City Hall on Tuesday. (Photo: John Smith/City Times)", "caption"),
    ("Workers at a building site in east London. Photo: Getty Images", "caption"),
    ("Share this article", "share-widget"),
    ("Facebook Twitter Email", "share-widget"),
    ("12 comments", "share-widget"),
    ("Sign up for our daily newsletter", "subscription-prompt"),
    ("Already a subscriber? Log in to continue reading.", "subscription-prompt"),
    ("Forgot your password?", "login-prompt"),
    ("Create an account", "login-prompt"),
    ("Enter your email address and we will send you a link to reset your password.", "login-prompt"),
    ("This story has been viewed 3,412 times today.", "counter"),
    ("Published: 10:32 AM BST, Tue May 4, 2021", "timestamp"),
]
CHROME_TAIL = [
    ("Leave a comment", "share-widget"),
    ("Print", "share-widget"),
    ("You may also like", "related-news"),
    ("Rents rise again across the capital", "related-news"),
    ("Tenants say a third of their income now goes on housing, a new survey shows.", "related-news"),
    ("Mayor unveils plan for new bus lanes", "related-news"),
    ("Transport officials hope the lanes will cut journey times by a fifth.", "related-news"),
    ("Most read", "related-news"),
    ("Why the housing market is cooling", "related-news"),
    ("© 2021 City Times Ltd. All rights reserved.", "footer"),
    ("Privacy Policy | Terms of Use | Contact Us", "footer"),
]
HANDWRITTEN = CHROME_TOP + CHROME_MID + CHROME_TAIL


def _handwritten_page() -> str:
    top = [c for c, _ in CHROME_TOP]
    mid = [c for c, _ in CHROME_MID]
    tail = [c for c, _ in CHROME_TAIL]
    lines = top + [TITLE, ""] + [BODY[0], BODY[1]] + mid[:7] + [BODY[2], ""] + mid[7:] + BODY[3:] + ["— City Times"] + tail
    return "\n".join(lines)


# A second site, written in another style: breadcrumbs, a byline bar, inline "Read more" links, a
# comment form and a "Most popular" tail.
PAGE_B = [
    ("Home > World > Asia", "navigation"),
    ("Listen to this article", "share-widget"),
    ("Updated 2 hours ago", "timestamp"),
    (None, "Floods force thousands from their homes in river delta"),
    (None, "By Aiko Tanaka"),
    (None, "DHAKA, Aug 12 (Reuters) - Floods have forced more than 40,000 people from their homes in the river delta, officials said on Monday."),
    ("Read more: Monsoon rains expected to intensify this week", "related-news"),
    (None, "Relief agencies said about 300 shelters had been opened, and that clean water was the most urgent need."),
    ("ADVERTISEMENT", "advertisement"),
    ("Scroll to continue with content", "advertisement"),
    (None, "\"The water came up in an hour,\" said farmer Rahim Uddin, 52, who fled with his family."),
    ("Rescue workers carry residents through flooded streets on Monday. REUTERS/Mohammad Ponir Hossain", "caption"),
    (None, "The government has asked for international help to repair roads and embankments."),
    (None, "Reporting by Aiko Tanaka; Editing by Mark Reed"),
    ("Leave a Reply", "share-widget"),
    ("Your email address will not be published. Required fields are marked *", "share-widget"),
    ("Most Popular", "related-news"),
    ("Heat wave grips northern cities", "related-news"),
    ("Central bank holds rates steady", "related-news"),
]


def _page_b() -> str:
    return "\n".join(line if line is not None else body for line, body in PAGE_B)


@pytest.mark.parametrize("line, reason", [(line, r) for line, r in PAGE_B if line is not None])
def test_clean_removes_chrome_of_a_second_site_style(line, reason):
    assert _reasons(clean_document(_raw(_page_b()))).get(line) == reason


@pytest.mark.parametrize("body", [b for line, b in PAGE_B if line is None])
def test_clean_keeps_every_body_line_of_the_second_site(body):
    assert body in clean_document(_raw(_page_b())).text.split("\n")


def test_clean_second_site_title_found():
    assert clean_document(_raw(_page_b())).title == "Floods force thousands from their homes in river delta"


# A third style: a blog with bars of labels, a "posted" header, a question as headline and a tail of
# tags, counters and plugs.
PAGE_C = [
    ("Riverside Notes | Local politics", "navigation"),
    ("Weekend edition - posted 9 June 2024, 08:15", "timestamp"),
    (None, "Will the new bridge finally open this summer?"),
    (None, "The city engineer told a public meeting on Thursday that the bridge would open to cyclists on 1 July, two years later than planned."),
    (None, "Residents asked why the budget had grown to 46 million, and the engineer blamed steel prices."),
    ("Sign up for our Sunday briefing", "subscription-prompt"),
    (None, "A decision on car traffic is expected in the autumn, after a safety review."),
    ("Filed under: bridges, city hall | 7 comments", "navigation"),
    ("Most read: The café that survived three floods", "related-news"),
    ("Also on Riverside Notes: Ten walks along the water", "related-news"),
    ("Like | Reply | Share", "share-widget"),
    ("Log in to reply", "login-prompt"),
]


def _page_c() -> str:
    return "\n".join(line if line is not None else body for line, body in PAGE_C)


@pytest.mark.parametrize("line, reason", [(line, r) for line, r in PAGE_C if line is not None])
def test_clean_removes_chrome_of_a_third_site_style(line, reason):
    assert _reasons(clean_document(_raw(_page_c()))).get(line) == reason


@pytest.mark.parametrize("body", [b for line, b in PAGE_C if line is None])
def test_clean_keeps_every_body_line_of_the_third_site(body):
    assert body in clean_document(_raw(_page_c())).text.split("\n")


@pytest.mark.parametrize(
    "field, value",
    [("title", "Will the new bridge finally open this summer?"), ("published", "2024-06-09")],
)
def test_clean_third_site_title_and_date(field, value):
    doc = clean_document(_raw(_page_c()))
    assert (doc.title if field == "title" else doc.published.date) == value


def test_clean_reasons_are_a_closed_vocabulary():
    doc = clean_document(_raw(_handwritten_page()))
    assert {r.reason for r in doc.removed} <= set(REMOVAL_REASONS)


def test_clean_handwritten_chrome_has_at_least_30_lines_of_6_kinds():
    assert len(HANDWRITTEN) >= 30 and len({r for _, r in HANDWRITTEN}) >= 6


@pytest.mark.parametrize("line, reason", HANDWRITTEN)
def test_clean_removes_handwritten_chrome_with_its_reason(line, reason):
    doc = clean_document(_raw(_handwritten_page()))
    assert _reasons(doc).get(line) == reason


@pytest.mark.parametrize("line", BODY + [TITLE, "— City Times"])
def test_clean_keeps_every_body_line_of_the_handwritten_page(line):
    doc = clean_document(_raw(_handwritten_page()))
    assert line in doc.text.split("\n")


def test_clean_finds_the_title_below_the_chrome():
    assert clean_document(_raw(_handwritten_page())).title == TITLE


def test_clean_dates_a_document_from_its_dateline():
    doc = clean_document(_raw("\n".join(BODY[1:2] + ["PARIS, March 3, 2022 (AFP) - Talks resumed today after a week."])))
    assert (doc.published.date, doc.published.how) == ("2022-03-03", "extracted")


@pytest.mark.parametrize(
    "text, date",
    [
        ("HANOI, March 23 (Reuters) - Trade grew in 2022 and again in early 2023, the 2023 report said.", "2023-03-23"),
        ("VIETNAM, September 10 - HÀ NỘI — Leaders met in 2021. The year 2023 matters, as 2023 marks ten years.", "2023-09-10"),
        ("DAR ES SALAAM, March 12 (Wire) - A loan signed today follows a 2013 deal; works end by a 2027 deadline.", None),
        ("WEST PALM BEACH, Fla. — The president left on Sunday.", None),
        ("The report was released on March 4, 2020 by the agency.", None),
    ],
)
def test_clean_find_dateline_date_reads_month_day_and_year(text, date):
    found = find_dateline_date(text)
    assert (found.date if found else None) == date


def test_clean_keeps_declared_date_over_the_dateline():
    from consilience.model import Published

    raw = _raw("HANOI, March 23 (Reuters) - Trade grew in 2022.", published=Published("2023-03-24", "declared"))
    assert clean_document(raw).published.date == "2023-03-24"


def test_clean_keeps_line_breaks_between_paragraphs():
    doc = clean_document(_raw("First paragraph is here.\n\n\nSecond paragraph is here."))
    assert doc.text == "First paragraph is here.\nSecond paragraph is here."


def test_clean_repairs_mojibake_and_keeps_the_map():
    raw = "The minister\u00e2\u0080\u0099s office confirmed the deal on Monday."
    doc = clean_document(_raw(raw))
    i = doc.text.index("\u2019")
    assert doc.text.startswith("The minister\u2019s") and doc.offsets.span_to_raw(i, i + 1) == (12, 15)


def test_clean_normalises_to_nfc():
    doc = clean_document(_raw("Vie\u0323\u0302t Nam and the US signed the deal today."))
    assert doc.text.startswith("Vi\u1ec7t Nam")


def test_clean_passes_skipped_documents_through_with_empty_text():
    raw = RawDocument(id="bad.txt", source="bad.txt", text="", skipped=skip_message("binary"))
    doc = clean_documents([raw])[0]
    assert (doc.text, doc.skipped) == ("", raw.skipped)


def test_clean_output_is_sorted_by_id():
    docs = clean_documents([_raw("B text here now.", "b"), _raw("A text here now.", "a")])
    assert [d.id for d in docs] == ["a", "b"]


def test_clean_removes_a_label_that_other_documents_of_the_run_repeat():
    pages = [
        _raw(f"Metro Desk Daily\nStory number {i} tells of a different event in the city today.\nIt ends here.", f"d{i}")
        for i in range(3)
    ]
    docs = clean_documents(pages)
    assert all(_reasons(d).get("Metro Desk Daily") == "repeated-line" for d in docs)


def test_clean_keeps_a_subhead_that_leads_a_passage_shared_by_copies():
    text = "Main story headline for the test\nThe opening sentence says what happened today.\nEconomic ties\nTrade rose by a fifth last year, officials said."
    docs = clean_documents([_raw(text, "a"), _raw(text, "b")])
    assert all("Economic ties" in d.text for d in docs)


def test_clean_keeps_a_sentence_repeated_across_documents():
    text = "The ministry said on Monday that exports rose by 11% in the first quarter."
    docs = clean_documents([_raw(text, "a"), _raw(text, "b"), _raw(text, "c")])
    assert all(d.text == text for d in docs)


def test_clean_cross_document_evidence_can_be_turned_off():
    pages = [_raw(f"Metro Desk Daily\nStory {i} is about something else entirely today.", f"d{i}") for i in range(3)]
    docs = clean_documents(pages, CleanOptions(cross_document=False))
    assert all("Metro Desk Daily" in d.text for d in docs)


def test_clean_keeps_an_article_going_on_after_an_inline_related_box():
    text = "\n".join([BODY[0], BODY[1], "Related", "Rents rise again across the capital", BODY[2], BODY[3]])
    doc = clean_document(_raw(text))
    assert BODY[2] in doc.text and BODY[3] in doc.text


def test_clean_stats_count_reasons():
    docs = clean_documents([_raw(_handwritten_page()), RawDocument(id="z", source="z", text="", skipped=skip_message("empty"))])
    stats = clean_stats(docs)
    assert stats["skipped_reasons"] == {"empty": 1} and stats["removed_reasons"]["related-news"] == 7


# ----------------------------------------------------------------------------- seeds (acceptance)

# The chrome lines that ../shared/seeds-expected.md lists, by document prefix, with fitting reasons.
SEED_CHROME = {
    "001": {"Vietnam and the US Aspire for Enhanced Partnership in the Future": {"duplicate-title"},
            "Sign In": {"login-prompt"}, "Reset Password": {"login-prompt"},
            "Please enter your username or email address, you will receive a link to create a new password via email.": {"login-prompt"}},
    "002": {"14TH NATIONAL CONGRESS OF THE COMMUNIST PARTY OF VIETNAM": {"banner"}, "Log in": {"login-prompt"},
            "Business": {"section-label", "navigation"}},
    "003": {"There were 1,727 press releases posted in the last 24 hours and 400,383 in the last 365 days.": {"counter"}},
}
SEED_TITLES = {
    "001": "Vietnam and the US Aspire for Enhanced Partnership in the Future",
    "002": "Vietnam ready upgrade US ties on 10th anniversary of comprehensive partnership",
    "003": "Historical milestones in Việt Nam-US relations",
    "004": "Vietnam and the United States Forge Comprehensive Strategic Partnership",
    "000": None,
}

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is absent (acceptance data beside the repo)")


def _seed_docs():
    raws = [_raw(p.read_text(encoding="utf-8"), p.name) for p in sorted(SEEDS.glob("*.txt"))]
    return {d.id[:3]: d for d in clean_documents(raws)}


def _expected_chrome(prefix: str, raw: str) -> dict[int, set[str]]:
    """Expected chrome by raw line number; 002's tail from "Reactions:" on is chrome too."""
    lines = raw.split("\n")
    out: dict[int, set[str]] = {}
    first_title_seen = False
    for n, line in enumerate(lines):
        s = line.strip()
        if not s:
            continue
        if prefix == "001" and s == SEED_TITLES["001"]:
            if first_title_seen:
                out[n] = {"duplicate-title"}
            first_title_seen = True
        elif s in SEED_CHROME.get(prefix, {}):
            out[n] = SEED_CHROME[prefix][s]
        elif prefix == "002" and s.endswith("Photo: VGP"):
            out[n] = {"caption"}
    if prefix == "002":
        start = next(n for n, ln in enumerate(lines) if ln.strip() == "Reactions:")
        for n in range(start, len(lines)):
            if lines[n].strip():
                out[n] = {"share-widget", "related-news", "repeated-line", "duplicate-title"}
    return out


@needs_seeds
@pytest.mark.seeds
def test_clean_seeds_line_precision_and_recall_at_least_095():
    docs = _seed_docs()
    tp = fp = fn = 0
    for prefix, doc in docs.items():
        expected = _expected_chrome(prefix, doc.raw)
        line_starts = {}
        pos = 0
        for n, line in enumerate(doc.raw.split("\n")):
            line_starts[pos + len(line) - len(line.lstrip())] = n
            pos += len(line) + 1
        got = {line_starts[r.start]: r.reason for r in doc.removed}
        for n, reason in got.items():
            if n in expected and reason in expected[n]:
                tp += 1
            else:
                fp += 1
        fn += sum(1 for n in expected if n not in got or got[n] not in expected[n])
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)


@needs_seeds
@pytest.mark.seeds
@pytest.mark.parametrize("prefix", sorted(SEED_TITLES))
def test_clean_seeds_titles_found(prefix):
    assert _seed_docs()[prefix].title == SEED_TITLES[prefix]


@needs_seeds
@pytest.mark.seeds
@pytest.mark.parametrize(
    "prefix, kept",
    [
        ("002", "The US was the largest export market to Vietnam in 2022"),
        ("003", "VIETNAM, September 10 - HÀ NỘI —"),
        ("003", "— VNS"),
        ("000", "foreign ministry spokesperson Pham Thu Hang told the press on Thursday."),
    ],
)
def test_clean_seeds_keep_standfirst_dateline_and_credit(prefix, kept):
    assert kept in _seed_docs()[prefix].text


@needs_seeds
@pytest.mark.seeds
def test_clean_seeds_no_body_sentence_lost():
    docs = _seed_docs()
    for prefix, doc in docs.items():
        expected = _expected_chrome(prefix, doc.raw)
        for n, line in enumerate(doc.raw.split("\n")):
            if line.strip() and n not in expected:
                assert line.strip() in doc.text, (prefix, line)


@needs_seeds
@pytest.mark.seeds
def test_clean_seeds_003_dated_from_its_dateline():
    assert _seed_docs()["003"].published.date == "2023-09-10"


@pytest.mark.parametrize("line", ["BAAR, SWITZERLAND", "WEST PALM BEACH, Fla. —"])
@pytest.mark.parametrize("before_title", [True, False])
def test_clean_keeps_a_dateline_on_its_own_line(line, before_title):
    head = [line, TITLE] if before_title else [TITLE, line]
    doc = clean_document(_raw("\n".join(head + [BODY[1], BODY[2]])))
    assert line in doc.text.split("\n")


WRAPPED = """Harbour council votes on the new ferry plan

The harbour council voted on Tuesday to build a new ferry terminal on the
east pier, ending a debate that had run for more than three years and split
the town's two largest parties down the middle.

The terminal will cost 84 million euros, according to the council's own
figures, and is due to open in the spring of 2027 if the works start on
time next year.

- Ferries to the islands will leave from the new piers.
- The old terminal will become a market hall.
"""


def test_clean_joins_a_hard_wrapped_paragraph_into_one_line():
    doc = clean_document(_raw(WRAPPED))
    assert "on the east pier, ending a debate that had run for more than three years and split the town's" in doc.text


def test_clean_keeps_list_items_of_a_wrapped_text_on_their_own_lines():
    doc = clean_document(_raw(WRAPPED))
    assert "\n- Ferries to the islands will leave from the new piers.\n- The old terminal" in doc.text


def test_clean_maps_the_space_of_a_joined_line_back_to_the_raw_line_break():
    doc = clean_document(_raw(WRAPPED))
    i = doc.text.index("on the east pier") + len("on the")
    a, b = doc.offsets.span_to_raw(i, i + 1)
    assert WRAPPED[a:b] == "\n"


def test_clean_does_not_join_lines_that_are_paragraphs():
    text = "\n".join(BODY)
    assert clean_document(_raw(text)).text == text


def test_clean_keeps_a_counting_sentence_inside_the_story():
    line = "There were 300 comments posted on the ministry's website in the last 24 hours, officials said."
    doc = clean_document(_raw("\n".join([BODY[0], BODY[1], line, BODY[2]])))
    assert line in doc.text


def test_clean_takes_a_headline_in_capitals_right_above_the_body_as_title():
    doc = clean_document(_raw("\n".join(["STORM CLOSES SCHOOLS ACROSS THE REGION", BODY[1], BODY[2]])))
    assert doc.title == "STORM CLOSES SCHOOLS ACROSS THE REGION" and doc.text.startswith("STORM")


@pytest.mark.parametrize(
    "line",
    [
        "Update | Deceased crash victims identified by police",
        "| Pos | Driver | Points | Wins |",
    ],
)
def test_clean_keeps_a_kicker_headline_and_a_table_row(line):
    doc = clean_document(_raw("\n".join([BODY[0], line, BODY[1], BODY[2]])))
    assert line in doc.text


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("The [finance ministry](https://example.org/mof?id=2024) said exports rose 11%.",
         "The finance ministry said exports rose 11%."),
        ("Trade was **worth $12 billion** last year, officials said.", "Trade was worth $12 billion last year, officials said."),
    ],
)
def test_clean_takes_markdown_links_and_bold_out_of_the_text(raw, clean):
    assert clean_document(_raw(raw)).text == clean


def test_clean_markdown_link_text_maps_back_to_the_raw_link_text():
    raw = "The [finance ministry](https://example.org/mof) said exports rose by a tenth."
    doc = clean_document(_raw(raw))
    i = doc.text.index("ministry")
    a, b = doc.offsets.span_to_raw(i, i + len("ministry"))
    assert raw[a:b] == "ministry"


def test_clean_markdown_menu_of_links_is_navigation():
    doc = clean_document(_raw("\n".join(["[Home](/) | [World](/world) | [Business](/business)", BODY[1], BODY[2]])))
    assert _reasons(doc) == {"[Home](/) | [World](/world) | [Business](/business)": "navigation"}


@pytest.mark.parametrize("line", ["Raise 2**8 to get the answer, the manual says.", "Call __init__ first, the guide says."])
def test_clean_leaves_asterisks_and_underscores_of_code_alone(line):
    assert clean_document(_raw(line)).text == line


@pytest.mark.parametrize("line", [
    "There were 2,416 news releases posted in the last 24 hours; 587,112 have appeared over the past year.",
    "1,204 stories published today",
])
def test_clean_counter_of_site_items_is_removed(line):
    from consilience.clean import clean_documents
    from consilience.model import RawDocument

    body = "The port handled more cargo than ever last year, officials said on Monday."
    (doc,) = clean_documents([RawDocument(id="a", source="a", text=f"{line}\n\n{body}\n")])
    assert [(r.text, r.reason) for r in doc.removed] == [(line, "counter")]
    assert doc.text.strip() == body


def test_clean_newsletter_and_comment_prompts_go_but_sentences_stay():
    from consilience.model import RawDocument

    chrome = ["Get the Courier's morning briefing in your inbox", "Subscribe to Health Wire Daily",
              "Newsletter: Get Border Daily in your inbox", "Comments are closed for this article."]
    body = ["The two presidents met in the capital on Monday and signed seven agreements, officials said.",
            "Subscribe to the idea that trade helps, the minister said in a speech to the assembly on Monday."]
    text = "Presidents sign seven agreements\n" + "\n".join([chrome[0], body[0], chrome[1], body[1], *chrome[2:]])
    (doc,) = clean_documents([RawDocument(id="a", source="a", text=text, origin="a")])
    assert sorted(r.text for r in doc.removed) == sorted(chrome)
    assert all(b in doc.text for b in body)


@pytest.mark.parametrize(
    ("first", "title"),
    [
        ("Ferry operator suspends crossings after engine fire.", "Ferry operator suspends crossings after engine fire."),
        # two sentences on the line, or one of a lede's length, are not a headline
        ("The ferry stopped. Crews worked through the night to repair the engine.", None),
        ("A ferry operator suspended all crossings on Tuesday after an engine fire broke out on one of its "
         "two vessels.", None),
    ],
)
def test_clean_takes_a_short_first_line_with_a_full_stop_as_title(first, title):
    doc = clean_document(_raw("\n\n".join([first, *BODY])))
    assert doc.title == title and doc.text.startswith(first)


def test_clean_a_bulletin_header_ending_in_a_time_of_day_dates_the_report():
    from consilience.clean import clean_documents
    from consilience.model import Document

    text = "Radio Delta - news bulletin, Thursday 6 March 2025, 8 a.m.\n\nFerries stayed in port across the bay today."
    (doc,) = clean_documents([Document(id="r", source="r", text=text)])
    assert doc.published.date == "2025-03-06"
    assert [(r.text, r.reason) for r in doc.removed] == [(text.split("\n")[0], "timestamp")]
    # a sentence that ends at a time of day stays a sentence
    (doc,) = clean_documents([Document(id="s", source="s", text="The ferry left the harbour at 8 a.m.\n\nIt sank.")])
    assert doc.removed == [] or all(r.reason != "timestamp" for r in doc.removed)


def test_clean_a_header_bar_with_a_whole_date_dates_the_report():
    from consilience.clean import clean_documents
    from consilience.model import RawDocument

    raw = RawDocument(id="m", source="m", text=(
        "Markets Today | Thursday, October 30, 2025 | 4 min read\n\nCoffee chain shares slide\n\n"
        "Shares of the coffee chain have lost 11% since it released its quarterly results on Tuesday, "
        "as brokers cut their price targets.\n"))
    (doc,) = clean_documents([raw])
    assert doc.published.date == "2025-10-30"
    assert "Markets Today" not in doc.text
