import pytest

from consilience.model import Document
from consilience.segment import segment, split_sentences


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The U.S. is a partner. Trade grew.", ["The U.S. is a partner.", "Trade grew."]),
        ("He met U.S. President Joe Biden.", ["He met U.S. President Joe Biden."]),
        ("Aid went to the U.S. The talks ended.", ["Aid went to the U.S.", "The talks ended."]),
        ("President George W. Bush visited.", ["President George W. Bush visited."]),
        ("Mr. Smith and Dr. Jones met on Jan. 5.", ["Mr. Smith and Dr. Jones met on Jan. 5."]),
        ("Trade was worth $123.86 billion. It rose.", ["Trade was worth $123.86 billion.", "It rose."]),
        ('"We agree," she said. "Good." Then he left.', ['"We agree," she said.', '"Good."', "Then he left."]),
        ("Line one\nLine two", ["Line one", "Line two"]),
        ("It fell. and it rose.", ["It fell. and it rose."]),
        ("Vietnam-U.S. relations grew. Trade rose!", ["Vietnam-U.S. relations grew.", "Trade rose!"]),
    ],
)
def test_segment_splits_like_a_reader(text, expected):
    assert _sentences(text) == expected


def test_segment_spans_point_into_clean_text_without_white_space():
    doc = Document(id="d", source="d", text="  First one.  Second one.\n\n Third ")
    out = segment(doc)
    assert [out.span_text(s) for s in out.sentences] == ["First one.", "Second one.", "Third"]
    assert all(s.doc_id == "d" for s in out.sentences)


def test_segment_empty_text_has_no_sentences():
    assert segment(Document(id="d", source="d", text="")).sentences == ()
