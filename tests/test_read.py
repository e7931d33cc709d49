"""Tests of consilience.read: every input format read, bad inputs reported with reasons, never raised."""

from __future__ import annotations

import gzip
import io
import shutil
from pathlib import Path

import pytest

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
