"""Acceptance: reuse on the example story (examples/story) and on real independent outlets (newswcl50)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from consilience.model import Document
from consilience.reuse import find_reuse
from consilience.segment import segment

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "story"
NEWSWCL = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "newswcl50"


def _read(folder: Path, pattern: str) -> list[Document]:
    return [segment(Document(id=str(p.relative_to(folder)), source=p.name, text=p.read_text(encoding="utf-8")))
            for p in sorted(folder.glob(pattern))]


@pytest.fixture(scope="module")
def example():
    if not EXAMPLE.is_dir():
        pytest.skip("examples/story is absent")
    rels = find_reuse(_read(EXAMPLE, "*.txt"))
    return {(r.source[:2], r.target[:2]): r for r in rels}


@pytest.fixture(scope="module")
def newswcl():
    if not NEWSWCL.is_dir():
        pytest.skip("../shared/corpora/newswcl50 is not beside this checkout")
    return find_reuse(_read(NEWSWCL, "event*/*.txt"))


def test_reuse_corpora_example_rewrite_found_and_directed(example) -> None:
    rel = example[("01", "02")]
    assert (rel.relation, rel.directed) == ("paraphrase", True)


def test_reuse_corpora_example_shared_passage(example) -> None:
    assert example[("01", "05")].relation == "shares-passages"


@pytest.mark.parametrize("doc", ["03", "04"])
def test_reuse_corpora_example_independent_documents(example, doc: str) -> None:
    assert {r.relation for pair, r in example.items() if doc in pair} == {"independent"}


def test_reuse_corpora_newswcl_outlets_never_copies(newswcl) -> None:
    # Five outlets per event, written independently: no duplicate or rewrite may be found.
    counts = Counter(r.relation for r in newswcl)
    assert counts["duplicate"] == 0 and counts["paraphrase"] == 0


def test_reuse_corpora_newswcl_few_shared_passages(newswcl) -> None:
    # The one legitimate case: an outlet reusing its own background paragraph in two stories.
    assert Counter(r.relation for r in newswcl)["shares-passages"] <= 2
