"""Spans answers overlap questions as comparing with every span would."""

from __future__ import annotations

import random

from checker.spans import Spans


def test_spans_overlap_as_comparing_with_every_span():
    rng = random.Random(7)
    for _ in range(2000):
        spans = [(s, s + rng.randint(0, 6)) for s in (rng.randint(0, 60) for _ in range(rng.randint(0, 8)))]
        index = Spans(spans)
        for _ in range(20):
            start = rng.randint(0, 70)
            end = start + rng.randint(1, 6)
            assert index.overlaps(start, end) == any(start < e and s < end for s, e in spans), (spans, start, end)


def test_spans_grow_as_they_are_added():
    index = Spans()
    assert not index.overlaps(0, 10)
    index.add(3, 5)
    index.add(5, 8)  # touching: merged
    assert index.overlaps(7, 9) and index.overlaps(0, 4) and not index.overlaps(8, 12) and not index.overlaps(0, 3)
