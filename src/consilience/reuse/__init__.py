"""The reuse stage: who copied or rewrote whom, what changed in the copy, and copies not counted twice.

Public API (the pipeline wires against exactly this):
- :class:`ReuseOptions`: every knob, frozen and keyword-only, with documented defaults;
- :func:`find_reuse`: one :class:`~consilience.model.ReuseRelation` per pair of documents;
- :func:`mark_altered`: facts whose value changed between two aligned sentences, on each relation
  (and :func:`altered_facts`: the same seen from the facts, until the model carries it);
- :func:`independent_voices`: each document's voice (a document and its copies speak once);
- :func:`group_stories`: a pile of documents grouped into stories, for the scale-out stage;
- :class:`MinHasher`, :func:`near_duplicates`, :func:`align_sentences`: the building blocks.

Submodules: :mod:`.minhash` (signatures, LSH), :mod:`.sentences` (alignment), :mod:`.relations`
(labels, direction, voices), :mod:`.altered` (altered facts), :mod:`.stories` (story grouping).
"""

from __future__ import annotations

from .altered import altered_facts, mark_altered
from .minhash import MinHasher, near_duplicates
from .options import ReuseOptions
from .relations import RELATIONS, find_reuse, independent_voices
from .sentences import align_sentences
from .stories import group_stories

__all__ = [
    "ReuseOptions",
    "find_reuse",
    "mark_altered",
    "altered_facts",
    "independent_voices",
    "group_stories",
    "MinHasher",
    "near_duplicates",
    "align_sentences",
    "RELATIONS",
]
