"""Options of the reuse stage: one frozen, keyword-only record with documented defaults.

Owns every knob of near-duplicate search, sentence alignment, relation labelling and story grouping,
so that callers (the pipeline, the CLI, the scale-out stage) pass one object and tests can vary one
field at a time. Internal parameters (LSH bands and rows) are derived from these, never set directly.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ReuseOptions"]


@dataclass(frozen=True, kw_only=True, slots=True)
class ReuseOptions:
    """Knobs of the reuse stage; every default is what the pipeline uses.

    Attributes:
        shingle_size: words per shingle for MinHash and exact Jaccard (5: long enough that two
            unrelated news texts share almost none, short enough that a light edit keeps most).
        num_perm: MinHash permutations (128: standard error of a Jaccard estimate about 0.04).
        seed: seed of the permutations; signatures are comparable only under the same seed.
        threshold: Jaccard similarity above which LSH should return a pair as a near-duplicate
            candidate; bands and rows are derived from it.
        false_positive_weight: weight of false positives against misses when deriving bands and rows
            (0.5 weighs them equally). 0.2 favours recall: every candidate is verified by exact
            Jaccard, so a false candidate costs one comparison while a miss is lost for good.
        max_bucket: an LSH bucket larger than this links its members as a chain instead of all pairs,
            so a flood of identical copies stays linear while every copy stays connected.
        duplicate_containment: share of the shorter text's shingles found in the longer one above
            which a pair is a ``duplicate`` (verbatim or lightly edited copy).
        duplicate_length_ratio: a duplicate must also be at least this long relative to the other
            text (a copied paragraph inside a longer article is ``shares-passages``).
        align_threshold: minimum score in [0, 1] for two sentences to be aligned.
        paraphrase_coverage: share of the shorter document's characters covered by aligned sentences
            above which a pair is a ``paraphrase``.
        paraphrase_other_coverage: the longer document must be covered at least this much too, so a
            short digest of one paragraph is not called a rewrite of a long article.
        passage_run_mean: a stretch of aligned sentences counts as a shared passage only if its pairs
            score at least this on average (below it, a chain of loose matches).
        passage_verbatim_score: a stretch of two sentences is a shared passage when both pairs score
            at least this (copied nearly word for word); otherwise a passage needs three sentences,
            two figures in common, or a second passage elsewhere.
        list_independent_up_to: with at most this many documents every pair is listed (independent
            ones too); above it only pairs that are not independent.
        story_window_days: documents further apart than this (both dates known) are not joined by
            topical similarity alone.
        story_topic_threshold: cosine of IDF-weighted term vectors above which two documents within the
            window are about the same story.
        story_top_terms: distinctive terms kept per document for topical blocking and similarity.
    """

    shingle_size: int = 5
    num_perm: int = 128
    seed: int = 1
    threshold: float = 0.5
    false_positive_weight: float = 0.2
    max_bucket: int = 64
    duplicate_containment: float = 0.8
    duplicate_length_ratio: float = 0.5
    align_threshold: float = 0.35
    paraphrase_coverage: float = 0.6
    paraphrase_other_coverage: float = 0.5
    passage_run_mean: float = 0.4
    passage_verbatim_score: float = 0.7
    list_independent_up_to: int = 50
    story_window_days: int = 7
    story_topic_threshold: float = 0.15
    story_top_terms: int = 80

    def __post_init__(self) -> None:
        from ..errors import UsageError

        if self.shingle_size < 1:
            raise UsageError(f"ReuseOptions.shingle_size must be >= 1, got {self.shingle_size}")
        if self.num_perm < 2:
            raise UsageError(f"ReuseOptions.num_perm must be >= 2, got {self.num_perm}")
        for name in ("threshold", "false_positive_weight"):
            if not 0.0 < getattr(self, name) < 1.0:
                raise UsageError(f"ReuseOptions.{name} must be strictly between 0 and 1, got {getattr(self, name)}")
        for name in ("duplicate_containment", "duplicate_length_ratio", "align_threshold", "paraphrase_coverage",
                     "paraphrase_other_coverage", "passage_run_mean", "passage_verbatim_score",
                     "story_topic_threshold"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise UsageError(f"ReuseOptions.{name} must be between 0 and 1, got {getattr(self, name)}")
        if self.max_bucket < 2:
            raise UsageError(f"ReuseOptions.max_bucket must be >= 2, got {self.max_bucket}")
