"""Shingle-based precision/recall/F1 of extracted text against a gold text (our own implementation).

Tokens are runs of word characters; a shingle is 4 consecutive tokens; matches count with
multiplicity. Per-document precision and recall are averaged over the pages; F1 comes from the
averages. A page with no prediction scores precision 1 (nothing wrong) and recall 0.
"""

from __future__ import annotations

import re
from collections import Counter

_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter:
    toks = _TOKEN.findall(text or "")
    if len(toks) < n:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def page_pr(gold: str, pred: str) -> tuple[float, float]:
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    fp = sum(p.values()) - tp
    fn = sum(g.values()) - tp
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def summary(pairs: list[tuple[float, float]]) -> dict:
    if not pairs:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    p = sum(x for x, _ in pairs) / len(pairs)
    r = sum(y for _, y in pairs) / len(pairs)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}
