"""A set of character spans that answers "does this span overlap any of them?" by bisection: a
sentence may hold thousands of dates and figures, and comparing each with all the others is slow."""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class Spans:
    """Half-open character spans, kept merged and in order."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in spans:
            self.add(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) shares a character with any span."""
        i = bisect.bisect_left(self._starts, end)  # the spans before i start before `end`
        return i > 0 and self._ends[i - 1] > start

    def add(self, start: int, end: int) -> None:
        """Add [start, end), merging it with the spans it overlaps or touches."""
        lo = bisect.bisect_left(self._ends, start)  # the first span that ends at or after `start`
        hi = bisect.bisect_right(self._starts, end)  # the spans from hi on start after `end`
        if lo < hi:
            start, end = min(start, self._starts[lo]), max(end, self._ends[hi - 1])
        self._starts[lo:hi] = [start]
        self._ends[lo:hi] = [end]
