"""Acceptance on ../shared/seeds: what seeds-expected.md says a good report finds (numbers and ranks)."""

import pytest

pytestmark = pytest.mark.seeds


def _doc(claim_doc_id: str) -> str:
    return claim_doc_id[:3]


def _claims_with(fact: dict, doc: str, point: float) -> bool:
    return any(_doc(c["doc_id"]) == doc and c["value"].get("point") == pytest.approx(point) for c in fact["claims"])


def _facts_with(report: dict, doc: str, point: float, type_: str) -> list[dict]:
    return [f for f in report["facts"]
            if any(_doc(c["doc_id"]) == doc and c["value"]["type"] == type_
                   and c["value"].get("point") == pytest.approx(point) for c in f["claims"])]


# (label, value type, one side (doc, point), other side (doc, point))
CONFLICTS = [
    ("trade in 2022", "quantity", ("003", 130e9), ("000", 123.86e9)),
    ("trade in 2022, unhedged figure", "quantity", ("003", 130e9), ("002", 123e9)),
    ("base year of the 11% growth", "quantity", ("001", 11), ("000", 11)),
    ("US rank among Vietnam's partners", "rank", ("003", 1), ("000", 2)),
    ("Vietnam's rank among US partners", "rank", ("004", 7), ("000", 8)),
    ("US-invested projects", "quantity", ("003", 1150), ("004", 1200)),
]


@pytest.mark.parametrize("label, type_, side_a, side_b", CONFLICTS, ids=[c[0] for c in CONFLICTS])
def test_acceptance_seeds_numeric_conflict_is_found(seeds_report, label, type_, side_a, side_b):
    facts = _facts_with(seeds_report, *side_a, type_)
    assert facts, f"no claim of {side_a} extracted"
    fact = facts[0]
    assert _claims_with(fact, *side_b), f"{label}: {side_b} not aligned with {side_a}: {fact['label']}"
    assert fact["verdict"] == "conflict", fact["explanation"]


# (label, doc, point, type): facts that must not be called a conflict
NOT_CONFLICTS = [
    ("US investment", "002", 11.4e9, "quantity"),
    ("US investment, hedged", "003", 10.3e9, "quantity"),
    ("remains returned", "004", 733, "quantity"),
    ("students a year", "000", 25000, "quantity"),
    ("US largest export market", "000", 1, "rank"),
]


@pytest.mark.parametrize("label, doc, point, type_", NOT_CONFLICTS, ids=[c[0] for c in NOT_CONFLICTS])
def test_acceptance_seeds_agreement_is_not_a_conflict(seeds_report, label, doc, point, type_):
    facts = _facts_with(seeds_report, doc, point, type_)
    assert facts, f"{label}: no claim extracted"
    assert all(f["verdict"] != "conflict" for f in facts), [f["explanation"] for f in facts]


def test_acceptance_seeds_remains_are_aligned_and_compatible(seeds_report):
    fact = _facts_with(seeds_report, "004", 733, "quantity")[0]
    assert _claims_with(fact, "000", 730)
    assert fact["verdict"] == "compatible"


def test_acceptance_seeds_students_agree(seeds_report):
    fact = _facts_with(seeds_report, "000", 25000, "quantity")[0]
    assert _claims_with(fact, "001", 25000)
    assert fact["verdict"] == "agree"


def test_acceptance_seeds_conflicts_come_first_with_explanations(seeds_report):
    verdicts = [f["verdict"] for f in seeds_report["facts"]]
    n = verdicts.count("conflict")
    # the six of seeds-expected.md (five numbers and ranks, one name), and no false alarm besides
    assert n == 6 and verdicts[:n] == ["conflict"] * n
    for f in seeds_report["facts"][:n]:
        docs = {_doc(c["doc_id"]) for c in f["claims"]}
        assert all(d in f["explanation"] for d in docs)


def test_acceptance_seeds_base_year_change_is_marked_on_the_fact_as_altered_in_the_copy(seeds_report):
    fact = _facts_with(seeds_report, "001", 11, "quantity")[0]
    pairs = {(s[:3], t[:3]) for s, t in fact["altered_in"]}
    assert ("000", "001") in pairs
    rel = next(r for r in seeds_report["reuse"] if r["source"][:3] == "000" and r["target"][:3] == "001")
    assert rel["relation"] == "paraphrase" and fact["id"] in rel["altered"]
