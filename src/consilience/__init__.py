"""consilience: reconcile many reports of the same story.

>>> from consilience import reconcile, to_json
>>> dossier = reconcile(["articles/"])            # doctest: +SKIP
>>> [f.label for f in dossier.facts if f.verdict == "conflict"]  # doctest: +SKIP

Everything importable from here is the public API; submodules are the stages, each usable alone.
"""

__version__ = "0.1.0"

from .errors import ConsilienceError, InputError, MissingExtraError, UsageError
from .model import (
    AlignedPair,
    Claim,
    Document,
    Dossier,
    EventValue,
    Fact,
    NameValue,
    Published,
    Qualifiers,
    Quantity,
    QuoteValue,
    Rank,
    RawDocument,
    Removed,
    ReuseRelation,
    Span,
    TimelineEntry,
    TimeValue,
)
from .pipeline import Options, reconcile, reconcile_documents
from .render.json import dossier_to_dict, to_json

__all__ = [
    "__version__",
    "reconcile",
    "reconcile_documents",
    "Options",
    "to_json",
    "dossier_to_dict",
    "Span",
    "Removed",
    "Published",
    "RawDocument",
    "Document",
    "Quantity",
    "Rank",
    "TimeValue",
    "NameValue",
    "QuoteValue",
    "EventValue",
    "Qualifiers",
    "Claim",
    "Fact",
    "AlignedPair",
    "ReuseRelation",
    "TimelineEntry",
    "Dossier",
    "ConsilienceError",
    "UsageError",
    "InputError",
    "MissingExtraError",
]
