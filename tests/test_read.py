"""Tests of consilience.read: every input format read, bad inputs reported with reasons, never raised."""

from __future__ import annotations

import gzip
import io
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consilience.clean import clean_documents
from consilience.read import ReadOptions, read_bytes, read_inputs, reader_versions

INPUTS = Path(__file__).resolve().parent / "data" / "inputs"
GOOD = INPUTS / "good"
BAD = INPUTS / "bad"


def _by_id(docs):
    return {d.id: d for d in docs}


def _reason(doc) -> str | None:
    return doc.skipped.split(":", 1)[0] if doc.skipped else None


def test_read_directory_names_documents_by_relative_path():
    ids = [d.id for d in read_inputs([str(INPUTS)])]
    assert "good/wire-story.txt" in ids and "bad/empty.txt" in ids


def test_read_file_given_directly_is_named_by_its_file_name():
    assert [d.id for d in read_inputs([str(GOOD / "wire-story.txt")])] == ["wire-story.txt"]


def test_read_output_does_not_depend_on_input_order():
    paths = sorted(str(p) for p in GOOD.iterdir())
    assert read_inputs(paths) == read_inputs(list(reversed(paths)))


def test_read_glob_matches_files():
    assert [d.id for d in read_inputs([str(GOOD / "*.md")])] == ["notes.md"]


def test_read_same_file_twice_is_read_once():
    docs = read_inputs([str(GOOD / "wire-story.txt"), str(GOOD / "wire-story.txt")])
    assert len(docs) == 1


def test_read_files_with_the_same_name_get_distinct_ids(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "story.txt").write_text("A sentence of the story is here.", encoding="utf-8")
    docs = read_inputs([str(tmp_path / "a" / "story.txt"), str(tmp_path / "b" / "story.txt")])
    assert len({d.id for d in docs}) == 2


def test_read_stdin_text_gets_a_content_hash_id():
    docs = read_inputs(["-"], stdin=io.BytesIO(b"Rain fell all day in the capital, officials said."))
    assert docs[0].id.startswith("stdin-") and docs[0].text.startswith("Rain fell")


def test_read_stdin_html_is_sniffed_and_extracted():
    html = (GOOD / "harbour-news.html").read_bytes()
    doc = read_inputs(["-"], stdin=io.BytesIO(html))[0]
    assert doc.format == "html" and "ferry terminal" in doc.text


@pytest.mark.parametrize(
    "name, reason",
    [
        ("empty.txt", "empty"),
        ("whitespace.txt", "whitespace-only"),
        ("picture.txt", "binary"),
        ("broken-utf16.txt", "undecodable"),
    ],
)
def test_read_bad_input_is_skipped_with_its_reason(name, reason):
    assert _reason(read_inputs([str(BAD / name)])[0]) == reason


def test_read_missing_path_is_skipped_as_not_found():
    assert _reason(read_inputs(["/no/such/file.txt"])[0]) == "not-found"


def test_read_glob_matching_nothing_is_skipped_as_not_found():
    assert _reason(read_inputs([str(GOOD / "*.nothing")])[0]) == "not-found"


def test_read_input_over_the_size_limit_is_skipped():
    doc = read_inputs([str(GOOD / "wire-story.txt")], ReadOptions(max_bytes=100))[0]
    assert _reason(doc) == "too-large"


def test_read_gzip_that_is_not_gzip_is_skipped(tmp_path):
    (tmp_path / "page.html.gz").write_bytes(b"this is not gzip at all")
    assert _reason(read_inputs([str(tmp_path / "page.html.gz")])[0]) == "undecodable"


def test_read_gzipped_html_is_read(tmp_path):
    (tmp_path / "page.html.gz").write_bytes(gzip.compress((GOOD / "harbour-news.html").read_bytes()))
    assert "ferry terminal" in read_inputs([str(tmp_path / "page.html.gz")])[0].text


def test_read_latin1_text_is_decoded():
    assert "café" in read_inputs([str(GOOD / "latin1.txt")])[0].text


@pytest.mark.parametrize(
    "wanted",
    [
        "The terminal cost 84 million euros",
        "Local businesses welcomed the project",
    ],
)
def test_read_html_yields_the_article_text(wanted):
    assert wanted in read_inputs([str(GOOD / "harbour-news.html")])[0].text


@pytest.mark.parametrize("unwanted", ["We use cookies", "Accept all cookies", "Island bus service", "All rights reserved", "Privacy Policy", "Sport"])
def test_read_html_leaves_out_the_chrome(unwanted):
    doc = clean_documents(read_inputs([str(GOOD / "harbour-news.html")]))[0]
    assert unwanted not in doc.text


@pytest.mark.parametrize(
    "field, value",
    [
        ("title", "Port city opens new ferry terminal"),
        ("url", "https://www.harbourherald.example/news/2024/05/ferry-terminal"),
        ("source", "Harbour Herald"),
        ("format", "html"),
    ],
)
def test_read_html_yields_metadata(field, value):
    assert getattr(read_inputs([str(GOOD / "harbour-news.html")])[0], field) == value


def test_read_html_declared_date():
    pub = read_inputs([str(GOOD / "harbour-news.html")])[0].published
    assert (pub.date, pub.how) == ("2024-05-14", "declared")


def test_read_html_without_metadata_date_falls_back_to_htmldate():
    html = "<html><body><p>Posted on 2021-06-03</p><article><p>" + "The bridge reopened to traffic today after repairs. " * 5 + "</p></article></body></html>"
    doc = read_bytes(html.encode(), doc_id="p.html", origin="p.html", fmt="html")[0]
    assert (doc.published.date, doc.published.how) == ("2021-06-03", "extracted")


def test_read_truncated_html_still_gives_its_text():
    doc = read_inputs([str(BAD / "truncated.html")])[0]
    assert doc.skipped is None and "cut off in the middle" in doc.text


def test_read_html_without_text_is_skipped_as_no_text():
    doc = read_bytes(b"<html><head><title>x</title></head><body></body></html>", doc_id="e.html", origin="e.html", fmt="html")[0]
    assert _reason(doc) == "no-text"


def test_read_html_over_the_time_bound_is_skipped_as_timeout():
    html = "<html><body>" + "<div><p>Deeply nested text about the harbour and its ships.</p>" * 3000 + "</div>" * 3000 + "</body></html>"
    doc = read_bytes(html.encode(), doc_id="slow.html", origin="slow.html", fmt="html", options=ReadOptions(timeout_s=0.001))[0]
    assert _reason(doc) == "timeout"


def test_read_warc_yields_the_html_response_with_url_and_capture_metadata():
    docs = read_inputs([str(GOOD / "crawl.warc.gz")])
    assert [(d.id, d.url, d.title) for d in docs] == [
        ("crawl.warc.gz:3", "https://www.harbourherald.example/news/2024/05/ferry-terminal", "Port city opens new ferry terminal")
    ]


def test_read_warc_counts_the_records_it_does_not_use():
    doc = read_inputs([str(GOOD / "crawl.warc.gz")])[0]
    assert doc.warnings == ("warc records not used: HTTP status 404 1, not HTML (image/png) 1, request record 1, warcinfo record 1",)


def test_read_broken_warc_keeps_the_good_records_and_reports_the_bad_one():
    docs = read_inputs([str(BAD / "broken.warc.gz")])
    assert [(d.id, _reason(d)) for d in docs] == [("broken.warc.gz:3", None), ("broken.warc.gz:6", "bad-record")]


@pytest.mark.parametrize(
    "doc_id, reason",
    [
        ("feed.jsonl:1", None),
        ("feed.jsonl:2", "missing-text-field"),
        ("feed.jsonl:3", "bad-json"),
        ("feed.jsonl:4", None),
        ("feed.jsonl:5", "bad-record"),
    ],
)
def test_read_jsonl_gives_one_document_per_line_and_reports_bad_ones(doc_id, reason):
    assert _reason(_by_id(read_inputs([str(GOOD / "feed.jsonl")]))[doc_id]) == reason


@pytest.mark.parametrize(
    "field, value",
    [("title", "Airport adds new routes"), ("url", "https://news.example.org/airport"), ("source", "Example News")],
)
def test_read_jsonl_record_fields(field, value):
    assert getattr(_by_id(read_inputs([str(GOOD / "feed.jsonl")]))["feed.jsonl:1"], field) == value


def test_read_jsonl_default_fields_fall_back_to_common_names():
    doc = _by_id(read_inputs([str(GOOD / "feed.jsonl")]))["feed.jsonl:4"]
    assert (doc.title, doc.published.date) == ("Museum reopens", "2024-04-07")


def test_read_jsonl_field_names_are_configurable(tmp_path):
    (tmp_path / "x.jsonl").write_text('{"body_text": "The plant closed on Friday, the company said.", "when": "2022-01-05"}\n')
    doc = read_inputs([str(tmp_path / "x.jsonl")], ReadOptions(text_field="body_text", date_field="when"))[0]
    assert (doc.text, doc.published.date) == ("The plant closed on Friday, the company said.", "2022-01-05")


def test_read_json_array_gives_one_document_per_record():
    docs = read_inputs([str(GOOD / "batch.json")])
    assert [(d.id, _reason(d)) for d in docs] == [("batch.json:1", None), ("batch.json:2", "empty")]


def test_read_reader_versions_name_trafilatura():
    assert reader_versions()["trafilatura"].startswith("2.0")


def test_read_bad_corpus_next_to_good_files_never_raises_and_good_files_come_through():
    docs = clean_documents(read_inputs([str(INPUTS)]))
    good = [d for d in docs if d.id.startswith("good/") and not d.skipped]
    assert len(good) >= 8 and all(d.text for d in good)


def test_read_unreadable_directory_entry_is_reported(tmp_path):
    (tmp_path / "link.txt").symlink_to(tmp_path / "missing-target.txt")
    assert _reason(read_inputs([str(tmp_path)])[0]) == "not-found"


def test_read_copying_the_corpus_keeps_the_ids(tmp_path):
    shutil.copytree(INPUTS, tmp_path / "copy")
    assert [d.id for d in read_inputs([str(tmp_path / "copy")])] == [d.id for d in read_inputs([str(INPUTS)])]


def test_read_empty_directory_is_reported(tmp_path):
    (tmp_path / "nothing").mkdir()
    assert _reason(read_inputs([str(tmp_path / "nothing")])[0]) == "empty"


@pytest.mark.parametrize(
    "data, fmt",
    [
        (b"[Updated] The council met again on Monday to vote.", "stdin"),
        (b'{"text": "The museum reopened on Sunday."}\n', "jsonl"),
        (b"<!DOCTYPE html><html><body><p>" + b"The museum reopened on Sunday after two years. " * 4 + b"</p></body></html>", "html"),
        (b"\xef\xbb\xbf<html><body><article><p>" + b"The museum reopened on Sunday after two years. " * 4 + b"</p></article></body></html>", "html"),
    ],
)
def test_read_stdin_format_is_sniffed(data, fmt):
    assert read_inputs(["-"], stdin=io.BytesIO(data))[0].format == fmt


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Le café coûte 3 euros en 2023, et le marché a augmenté de 5 %.", "cp1252"),
        ("He said \u201cwe won\u201d \u2013 and the café cost \u20ac3 on Friday.", "cp1252"),
        ("Die Preise für Brötchen sind gestiegen, sagte der Bäcker am Montag.", "cp1252"),
        ("Цены на хлеб выросли, сообщил пекарь в понедельник утром.", "cp1251"),
        ("Οι τιμές του ψωμιού αυξήθηκαν, είπε ο φούρναρης.", "cp1253"),
        ("Zażółć gęślą jaźń, powiedział piekarz w poniedziałek rano.", "cp1250"),
    ],
)
def test_read_short_texts_in_legacy_encodings_come_out_right(tmp_path, text, encoding):
    # detectors guess badly on a few lines: Western text must not come out as Baltic or Cyrillic
    (tmp_path / "short.txt").write_bytes(text.encode(encoding))
    assert read_inputs([str(tmp_path / "short.txt")])[0].text.strip() == text


def test_read_jsonl_bad_line_is_named_by_its_line(tmp_path):
    (tmp_path / "dump.jsonl").write_text('{"text": "Rain fell all day in the capital."}\nnot json\n', encoding="utf-8")
    bad = read_inputs([str(tmp_path / "dump.jsonl")])[1]
    assert bad.id == "dump.jsonl:2" and "line 2" in bad.skipped


def test_read_damaged_gzipped_warc_is_a_bad_record_not_empty(tmp_path):
    (tmp_path / "crawl.warc.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")  # a gzip header, then nothing whole
    (tmp_path / "nothing.warc").write_bytes(b"")
    docs = read_inputs([str(tmp_path / "crawl.warc.gz"), str(tmp_path / "nothing.warc")])
    assert [_reason(d) for d in docs] == ["bad-record", "empty"]


def test_read_detected_encoding_is_noted_in_warnings():
    assert read_inputs([str(GOOD / "latin1.txt")])[0].warnings[0].startswith("decoded as")


def test_read_file_over_the_default_limit_is_skipped_without_reading_it(tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:
        fh.truncate(20_000_001)  # sparse: costs no disk
    assert _reason(read_inputs([str(big)])[0]) == "too-large"


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400), st.sampled_from([None, "text", "markdown", "html", "jsonl", "json", "warc"]))
def test_read_bytes_never_raises_on_arbitrary_input(data, fmt):
    docs = read_bytes(data, doc_id="x", origin="x", fmt=fmt)
    assert docs and all(d.skipped or d.text for d in docs)


# ------------------------------------------------------------------ real pages (acceptance, a sample)

BENCHMARKS = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"
needs_benchmarks = pytest.mark.skipif(
    not (BENCHMARKS / "scrapinghub-article-extraction-benchmark").is_dir(),
    reason="../shared/benchmarks is absent (evaluation data beside the repo)",
)
SAMPLE = 40  # pages of each benchmark: enough to hold the floor, quick enough for every run


def _shingle_pr(gold: str, pred: str) -> tuple[float, float]:
    import re
    from collections import Counter

    def grams(text):
        toks = re.findall(r"\w+", text or "")
        return Counter(tuple(toks[i : i + 4]) for i in range(max(1, len(toks) - 3))) if toks else Counter()

    g, p = grams(gold), grams(pred)
    tp = sum((g & p).values())
    return (tp / sum(p.values()) if p else 1.0), (tp / sum(g.values()) if g else 1.0)


def _f1(pairs) -> float:
    p = sum(x for x, _ in pairs) / len(pairs)
    r = sum(y for _, y in pairs) / len(pairs)
    return 2 * p * r / (p + r)


@needs_benchmarks
def test_read_html_text_scores_at_least_trafilatura_stored_output_on_scrapinghub_sample():
    import json

    from consilience.read import html_to_raw

    base = BENCHMARKS / "scrapinghub-article-extraction-benchmark"
    gold = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    stored = json.loads((base / "baseline-output" / "trafilatura.json").read_text(encoding="utf-8"))["output"]
    ours, theirs = [], []
    for k in sorted(gold)[:SAMPLE]:
        html = gzip.open(base / "html" / f"{k}.html.gz").read()
        ours.append(_shingle_pr(gold[k]["articleBody"], html_to_raw(html, doc_id=k, origin=k).text))
        theirs.append(_shingle_pr(gold[k]["articleBody"], stored[k]["articleBody"]))
    assert _f1(ours) >= _f1(theirs) - 0.01


@needs_benchmarks
def test_read_html_text_keeps_and_drops_snippets_at_least_as_well_as_trafilatura_sample():
    import json
    import re

    import trafilatura

    from consilience.read import html_to_raw

    base = BENCHMARKS / "trafilatura-eval-en"
    data = json.loads((base / "evaldata-en.json").read_text(encoding="utf-8"))

    def norm(text):
        return re.sub(r"\s+", " ", text or "").strip()

    def right(item, text):
        t = norm(text)
        return sum(norm(w) in t for w in item.get("with", [])) + sum(norm(w) not in t for w in item.get("without", []))

    ours = theirs = 0
    for url, item in sorted(data.items())[:SAMPLE]:
        html = gzip.open(base / item["html_gz"]).read()
        ours += right(item, html_to_raw(html, doc_id=url, origin=url, url=url).text)
        theirs += right(item, trafilatura.extract(html, url=url))
    assert ours >= theirs


def test_read_stats_count_formats_skips_and_warnings():
    from consilience.read import read_stats

    stats = read_stats(read_inputs([str(GOOD / "feed.jsonl"), str(GOOD / "crawl.warc.gz")]))
    assert (stats["formats"], stats["skipped_reasons"], stats["warnings"]) == (
        {"jsonl": 5, "warc": 1},
        {"bad-json": 1, "bad-record": 1, "missing-text-field": 1},
        {"warc records not used": 1},
    )
