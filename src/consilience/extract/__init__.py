"""The extract stage: typed values (quantities, ranks, dates) found in a document's clean text.

:mod:`.times` owns the date grammar, :mod:`.numbers` the quantity and rank grammar (with the hedge
rule), :mod:`.claims` turns both into :class:`~consilience.model.Claim` records with subject, measure,
terms and qualifiers, :mod:`.lexicon` holds the shipped word lists. People, quotes and events are
extracted elsewhere.
"""

from __future__ import annotations

from consilience.extract.claims import clause_terms, extract_claims
from consilience.extract.numbers import HEDGE_RULE, NumberMention, find_quantities
from consilience.extract.times import TimeMention, find_times

__all__ = ["HEDGE_RULE", "NumberMention", "TimeMention", "clause_terms", "extract_claims", "find_quantities", "find_times"]
