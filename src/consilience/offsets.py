"""The raw <-> clean offset map of one document.

This module owns :class:`OffsetMap` and its builder. The clean text of a document is assembled from
pieces of its raw text (``RawDocument.text``): most pieces are verbatim copies, a few are *edits*
(mojibake repaired by ftfy, Unicode composed to NFC, a line break standing for several). Removed lines
leave gaps in the raw text that no clean character points into.

Contract:
- A clean offset ``i`` inside a copy maps to the raw offset holding the very same character.
- A clean offset inside an edit maps to the start of the raw range the edit replaced (and an exclusive
  end maps to that range's end), so a span never cuts an edited character in half.
- ``to_clean`` maps a raw offset that fell in a removed gap to the next clean offset.

It does not decide what is removed or repaired: :mod:`consilience.clean` does that.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

__all__ = ["OffsetMap", "OffsetMapBuilder", "Segment"]


@dataclass(frozen=True, slots=True)
class Segment:
    """One piece of the clean text: ``clean[clean_start:+clean_len]`` stands for ``raw[raw_start:+raw_len]``.

    ``exact`` is true for a verbatim copy (then both lengths are equal).
    """

    clean_start: int
    clean_len: int
    raw_start: int
    raw_len: int
    exact: bool


class OffsetMap:
    """Maps offsets of a clean text to its raw text and back; built by :class:`OffsetMapBuilder`."""

    __slots__ = ("_cs", "_cl", "_rs", "_rl", "_ex", "clean_length", "raw_length")

    def __init__(self, segments: list[Segment], clean_length: int, raw_length: int) -> None:
        self._cs = [s.clean_start for s in segments]
        self._cl = [s.clean_len for s in segments]
        self._rs = [s.raw_start for s in segments]
        self._rl = [s.raw_len for s in segments]
        self._ex = [s.exact for s in segments]
        self.clean_length = clean_length
        self.raw_length = raw_length

    @classmethod
    def identity(cls, length: int) -> "OffsetMap":
        """The map of a text that was kept whole and unchanged."""
        segs = [Segment(0, length, 0, length, True)] if length else []
        return cls(segs, length, length)

    def __len__(self) -> int:
        return len(self._cs)

    def __repr__(self) -> str:
        return f"OffsetMap({len(self)} segments, clean={self.clean_length}, raw={self.raw_length})"

    def segments(self) -> list[Segment]:
        """The segments in clean order (also raw order: the map is monotone)."""
        return [Segment(c, cl, r, rl, e) for c, cl, r, rl, e in zip(self._cs, self._cl, self._rs, self._rl, self._ex)]

    def _check_clean(self, i: int) -> None:
        if i < 0 or i > self.clean_length:
            raise ValueError(f"clean offset {i} outside 0..{self.clean_length}")

    def to_raw(self, i: int) -> int:
        """Raw offset of clean offset ``i`` taken as a *start* (``i == clean_length`` maps past the last piece)."""
        self._check_clean(i)
        if not self._cs:
            return 0
        if i == self.clean_length:
            return self._rs[-1] + self._rl[-1]
        k = bisect_right(self._cs, i) - 1
        if self._ex[k]:
            return self._rs[k] + (i - self._cs[k])
        return self._rs[k]

    def to_raw_end(self, i: int) -> int:
        """Raw offset of clean offset ``i`` taken as an exclusive *end*."""
        self._check_clean(i)
        if i == 0 or not self._cs:
            return self.to_raw(0) if self._cs else 0
        k = bisect_right(self._cs, i - 1) - 1
        if self._ex[k]:
            return self._rs[k] + (i - self._cs[k])
        return self._rs[k] + self._rl[k]

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """The raw range ``[a, b)`` that clean ``[start, end)`` came from; an empty span stays empty."""
        if end < start:
            raise ValueError(f"span end {end} before start {start}")
        a = self.to_raw(start)
        if end == start:
            return a, a
        return a, self.to_raw_end(end)

    def is_exact(self, i: int) -> bool:
        """Whether clean character ``i`` is a verbatim copy of ``raw[to_raw(i)]``."""
        if i < 0 or i >= self.clean_length:
            raise ValueError(f"clean offset {i} outside 0..{self.clean_length - 1}")
        return self._ex[bisect_right(self._cs, i) - 1]

    def to_clean(self, j: int) -> int:
        """Clean offset of raw offset ``j``; a removed raw offset maps to the next clean offset."""
        if j < 0 or j > self.raw_length:
            raise ValueError(f"raw offset {j} outside 0..{self.raw_length}")
        k = bisect_right(self._rs, j) - 1
        if k < 0:
            return 0
        rs, rl = self._rs[k], self._rl[k]
        if j < rs + rl:
            return self._cs[k] + (j - rs if self._ex[k] else 0)
        # past this segment: in a removed gap (or at its very end), so the next clean piece
        return self._cs[k] + self._cl[k]

    def span_to_clean(self, start: int, end: int) -> tuple[int, int]:
        """The clean range covering raw ``[start, end)``, clipped to what was kept."""
        if end < start:
            raise ValueError(f"span end {end} before start {start}")
        a = self.to_clean(start)
        b = self.to_clean(end) if end < self.raw_length else self.clean_length
        if end > start and end <= self.raw_length:
            # an end inside an edit must include the whole edited piece
            k = bisect_right(self._rs, end - 1) - 1
            if k >= 0 and not self._ex[k] and end - 1 < self._rs[k] + self._rl[k]:
                b = self._cs[k] + self._cl[k]
        return a, max(a, b)


class OffsetMapBuilder:
    """Accumulates the clean text piece by piece, keeping the map; pieces must come in raw order."""

    __slots__ = ("_raw", "_parts", "_segs", "_clean_len", "_raw_pos")

    def __init__(self, raw: str) -> None:
        self._raw = raw
        self._parts: list[str] = []
        self._segs: list[list] = []  # [clean_start, clean_len, raw_start, raw_len, exact]
        self._clean_len = 0
        self._raw_pos = 0

    @property
    def clean_length(self) -> int:
        return self._clean_len

    def copy(self, raw_start: int, raw_end: int) -> None:
        """Append ``raw[raw_start:raw_end]`` verbatim."""
        if raw_end <= raw_start:
            return
        if raw_start < self._raw_pos:
            raise ValueError(f"piece at raw {raw_start} goes back before {self._raw_pos}")
        self._parts.append(self._raw[raw_start:raw_end])
        n = raw_end - raw_start
        last = self._segs[-1] if self._segs else None
        if last is not None and last[4] and last[2] + last[3] == raw_start:
            last[1] += n
            last[3] += n
        else:
            self._segs.append([self._clean_len, n, raw_start, n, True])
        self._clean_len += n
        self._raw_pos = raw_end

    def edit(self, raw_start: int, raw_end: int, text: str) -> None:
        """Append ``text`` as standing for ``raw[raw_start:raw_end]`` (a repair, not a copy)."""
        if raw_start < self._raw_pos:
            raise ValueError(f"piece at raw {raw_start} goes back before {self._raw_pos}")
        if text == self._raw[raw_start:raw_end]:
            self.copy(raw_start, raw_end)
            return
        if not text:
            self._raw_pos = raw_end
            return
        self._parts.append(text)
        self._segs.append([self._clean_len, len(text), raw_start, raw_end - raw_start, False])
        self._clean_len += len(text)
        self._raw_pos = raw_end

    def build(self) -> tuple[str, OffsetMap]:
        """The clean text and its map."""
        segs = [Segment(*s) for s in self._segs]
        return "".join(self._parts), OffsetMap(segs, self._clean_len, len(self._raw))
