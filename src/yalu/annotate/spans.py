"""Questions about many spans asked in log time, so that annotating stays linear in the text."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate


def reach(spans: list[tuple[int, int]]) -> Callable[[int], int]:
    """For an offset, the furthest end among the spans that start at or before it (-1 if none): an
    offset lies inside some span when its reach is beyond it, a span (a, b) inside some span when
    the reach of a is at least b."""
    spans = sorted(spans)
    starts = [a for a, _ in spans]
    furthest = list(accumulate((b for _, b in spans), max))

    def at(offset: int) -> int:
        i = bisect_right(starts, offset) - 1
        return furthest[i] if i >= 0 else -1
    return at
