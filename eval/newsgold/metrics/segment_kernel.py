"""Compiled (numba) character confusion of gold and predicted segment kinds, many documents at once.

The same counts as ``SegmentMetric.doc_stats``, the reference implementation, which the parity
tests compare against.
"""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True)
def confusion(cps, space, page_start, page_end, seg_start, seg_end, seg_kind, side_ptr, n_kinds):
    """Per document d, the count of non-whitespace characters by (gold kind, predicted kind).

    Document d's gold segments are ``side_ptr[2d]..side_ptr[2d+1]`` and its predicted segments run
    up to ``side_ptr[2d+2]``, each side in sorted order, so a later segment labels the characters
    it shares with an earlier one. Spans are relative to the page; kind ``n_kinds`` is "none".
    """
    n_docs = len(page_start)
    out = np.zeros((n_docs, n_kinds + 1, n_kinds + 1), np.int64)
    longest = 0
    for d in range(n_docs):
        longest = max(longest, page_end[d] - page_start[d])
    gold = np.empty(longest, np.int64)
    pred = np.empty(longest, np.int64)
    counts = np.zeros((n_kinds + 1, n_kinds + 1), np.int64)
    for d in range(n_docs):
        n = page_end[d] - page_start[d]
        gold[:n] = n_kinds
        pred[:n] = n_kinds
        for s in range(side_ptr[2 * d], side_ptr[2 * d + 1]):
            gold[seg_start[s]:seg_end[s]] = seg_kind[s]
        for s in range(side_ptr[2 * d + 1], side_ptr[2 * d + 2]):
            pred[seg_start[s]:seg_end[s]] = seg_kind[s]
        counts[:, :] = 0
        offset = page_start[d]
        for i in range(n):
            if not space[cps[offset + i]]:
                counts[gold[i], pred[i]] += 1
        out[d] = counts
    return out
