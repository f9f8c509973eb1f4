"""Compiled (numba) normalised bounds of many quote spans at once (``quotes.normalized_bounds``)."""

from __future__ import annotations

from numba import njit


@njit(cache=True)
def normalized_bounds(cps, space, leading, trailing, starts, ends):
    """Per span ``[starts[k], ends[k])`` of ``cps``: the span without leading whitespace and
    ``leading`` characters, and without trailing whitespace and ``trailing`` characters."""
    out_start = starts.copy()
    out_end = ends.copy()
    for k in range(len(starts)):
        start, end = starts[k], ends[k]
        while start < end and (space[cps[start]] or leading[cps[start]]):
            start += 1
        while end > start and (space[cps[end - 1]] or trailing[cps[end - 1]]):
            end -= 1
        out_start[k], out_end[k] = start, end
    return out_start, out_end
