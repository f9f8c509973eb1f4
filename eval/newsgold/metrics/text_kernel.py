"""Compiled (numba) AEB and LCS statistics of many documents at once.

Same numbers as ``AEBMetric.text_stats`` and ``LCSMetric.text_stats``, the reference
implementations, which the parity tests compare against. Each side of a document is a list of
slices of one code-point array (``codepoints.encode``), tokenised slice by slice into ``\\w+`` runs
(a whitespace join of the slices has the same tokens).

Per document, tokens are hashed (FNV-1a over code points) and given dense ids through an
open-addressing table; a token whose hash is already there is compared character by character
with the token that put it there, so the ids are exact. A shingle key packs four ids into 64 bits,
so shingles are compared exactly too. A document is flagged for the reference implementation
instead when two different tokens share a hash, when it has more than 65,534 distinct tokens (ids
no longer fit four to a key), or when the LCS bit vectors would exceed ``_MAX_LCS_WORDS``.
Scratch arrays are sized once for the longest document and reused; a generation stamp per slot
tells which entries belong to the current document.
"""

from __future__ import annotations

import numpy as np
from numba import njit

#: Columns of ``text_stats``' result.
COLUMNS = ("common_shingles", "gold_shingles", "pred_shingles", "exact", "empty", "lcs",
           "pred_tokens", "gold_tokens")

_FNV_OFFSET = np.uint64(14695981039346656037)
_FNV_PRIME = np.uint64(1099511628211)
_MAX_IDS = 65534
_ABSENT = np.uint64(0xFFFF)
#: Largest LCS match table (distinct tokens x 64-bit words of the shorter side), 128 MiB.
_MAX_LCS_WORDS = 1 << 24


@njit(cache=True)
def _tokenise(cps, word, starts, ends, lo, hi, tok_start, tok_end, tok_hash, n):
    """Append the ``\\w+`` tokens of slices ``lo..hi`` (positions in ``cps`` and hashes) to the
    arrays from index ``n``; returns the new count."""
    for s in range(lo, hi):
        i, end = starts[s], ends[s]
        while i < end:
            if not word[cps[i]]:
                i += 1
                continue
            h = _FNV_OFFSET
            j = i
            while j < end and word[cps[j]]:
                h = (h ^ np.uint64(cps[j])) * _FNV_PRIME
                j += 1
            tok_start[n], tok_end[n], tok_hash[n] = i, j, h
            n += 1
            i = j
    return n


@njit(cache=True)
def _token_bound(starts, ends, lo, hi):
    """An upper bound of the token count of slices ``lo..hi`` (tokens are at least a character
    apart)."""
    bound = 0
    for s in range(lo, hi):
        bound += (ends[s] - starts[s] + 1) // 2
    return bound


@njit(cache=True)
def token_bounds(cps, word, starts, ends):
    """Start and end positions of the ``\\w+`` tokens of every slice, in order."""
    bound = _token_bound(starts, ends, 0, len(starts))
    tok_start = np.empty(bound, np.int64)
    tok_end = np.empty(bound, np.int64)
    n = _tokenise(cps, word, starts, ends, 0, len(starts), tok_start, tok_end,
                  np.empty(bound, np.uint64), 0)
    return tok_start[:n], tok_end[:n]


@njit(cache=True)
def _same_text(cps, a_start, a_end, b_start, b_end):
    if a_end - a_start != b_end - b_start:
        return False
    for k in range(a_end - a_start):
        if cps[a_start + k] != cps[b_start + k]:
            return False
    return True


@njit(cache=True)
def _table_size(n):
    size = 16
    while size < 2 * n:
        size *= 2
    return size


@njit(cache=True)
def _dense_ids(cps, tok_start, tok_end, tok_hash, n, ids, slot_token, slot_stamp, stamp):
    """Exact ids 0..n_distinct-1 of tokens ``0..n`` in order of first occurrence, into ``ids``;
    returns n_distinct, or -1 when two different tokens share a hash."""
    mask = np.uint64(_table_size(n) - 1)
    distinct = 0
    for t in range(n):
        slot = tok_hash[t] & mask
        while True:
            if slot_stamp[slot] != stamp:
                slot_stamp[slot] = stamp
                slot_token[slot] = t
                ids[t] = distinct
                distinct += 1
                break
            first = slot_token[slot]
            if tok_hash[first] == tok_hash[t]:
                if not _same_text(cps, tok_start[t], tok_end[t], tok_start[first], tok_end[first]):
                    return -1
                ids[t] = ids[first]
                break
            slot = (slot + np.uint64(1)) & mask
    return distinct


@njit(cache=True)
def _shingle_keys(ids, lo, hi, keys):
    """AEB's shingles of ``ids[lo:hi]`` as exact 64-bit keys, into ``keys``: token 4-grams, or
    one shingle of a shorter non-empty list. Returns their count."""
    n = hi - lo
    if n == 0:
        return 0
    if n < 4:
        key = np.uint64(0)
        for k in range(4):
            key = (key << np.uint64(16)) | (np.uint64(ids[lo + k]) if k < n else _ABSENT)
        keys[0] = key
        return 1
    for k in range(lo, hi - 3):
        keys[k - lo] = (np.uint64(ids[k]) << np.uint64(48)) \
            | (np.uint64(ids[k + 1]) << np.uint64(32)) \
            | (np.uint64(ids[k + 2]) << np.uint64(16)) | np.uint64(ids[k + 3])
    return n - 3


@njit(cache=True)
def _mix(key):
    """A 64-bit finaliser (splitmix64), to spread packed keys over a table."""
    key = (key ^ (key >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    key = (key ^ (key >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return key ^ (key >> np.uint64(31))


@njit(cache=True)
def _common(a, n_a, b, n_b, slot_key, slot_count, slot_stamp, stamp):
    """Size of the multiset intersection of ``a[:n_a]`` and ``b[:n_b]``: sum over keys of
    min(count in a, count in b), with a count table of ``a``."""
    mask = np.uint64(_table_size(n_a) - 1)
    for k in range(n_a):
        key = a[k]
        slot = _mix(key) & mask
        while slot_stamp[slot] == stamp and slot_key[slot] != key:
            slot = (slot + np.uint64(1)) & mask
        if slot_stamp[slot] != stamp:
            slot_stamp[slot] = stamp
            slot_key[slot] = key
            slot_count[slot] = 0
        slot_count[slot] += 1
    common = 0
    for k in range(n_b):
        key = b[k]
        slot = _mix(key) & mask
        while slot_stamp[slot] == stamp and slot_key[slot] != key:
            slot = (slot + np.uint64(1)) & mask
        if slot_stamp[slot] == stamp and slot_count[slot] > 0:
            slot_count[slot] -= 1
            common += 1
    return common


@njit(cache=True)
def _popcount(x):
    x = x - ((x >> np.uint64(1)) & np.uint64(0x5555555555555555))
    x = (x & np.uint64(0x3333333333333333)) + ((x >> np.uint64(2)) & np.uint64(0x3333333333333333))
    x = (x + (x >> np.uint64(4))) & np.uint64(0x0F0F0F0F0F0F0F0F)
    return (x * np.uint64(0x0101010101010101)) >> np.uint64(56)


@njit(cache=True)
def _lcs(a, b, n_ids):
    """Length of the longest common subsequence of two id arrays (bit-parallel, Allison-Dix /
    Hyyrö: V' = (V + (V & M)) | (V & ~M); the answer is the count of zero bits of V)."""
    if len(a) > len(b):
        a, b = b, a
    m = len(a)
    if m == 0:
        return 0
    words = (m + 63) // 64
    masks = np.zeros((n_ids, words), np.uint64)
    for i in range(m):
        masks[a[i], i // 64] |= np.uint64(1) << np.uint64(i % 64)
    v = np.full(words, np.uint64(0xFFFFFFFFFFFFFFFF), np.uint64)
    for c in b:
        carry = np.uint64(0)
        for w in range(words):
            match = masks[c, w]
            old = v[w]
            total = old + (old & match)
            overflow = np.uint64(1) if total < old else np.uint64(0)
            total2 = total + carry
            if total2 < total:
                overflow = np.uint64(1)
            v[w] = total2 | (old & ~match)
            carry = overflow
    ones = 0
    for w in range(words):
        bits = v[w]
        if w == words - 1 and m % 64:
            bits &= (np.uint64(1) << np.uint64(m % 64)) - np.uint64(1)
        ones += _popcount(bits)
    return m - ones


@njit(cache=True)
def text_stats(cps, word, starts, ends, side_ptr):
    """Per document d (gold slices ``side_ptr[2d]..side_ptr[2d+1]``, predicted slices up to
    ``side_ptr[2d+2]``): the ``COLUMNS`` statistics, and whether the reference must be used."""
    n_docs = (len(side_ptr) - 1) // 2
    out = np.zeros((n_docs, len(COLUMNS)), np.int64)
    fallback = np.zeros(n_docs, np.bool_)
    longest = 0
    for k in range(2 * n_docs):
        longest = max(longest, _token_bound(starts, ends, side_ptr[k], side_ptr[k + 1]))
    tok_start = np.empty(2 * longest, np.int64)
    tok_end = np.empty(2 * longest, np.int64)
    tok_hash = np.empty(2 * longest, np.uint64)
    ids = np.empty(2 * longest, np.int64)
    id_slots = _table_size(2 * longest)
    slot_token = np.empty(id_slots, np.int64)
    slot_key = np.empty(id_slots, np.uint64)
    slot_count = np.empty(id_slots, np.int64)
    id_stamp = np.full(id_slots, -1, np.int64)
    key_stamp = np.full(id_slots, -1, np.int64)
    g_keys = np.empty(max(longest, 1), np.uint64)
    p_keys = np.empty(max(longest, 1), np.uint64)
    for d in range(n_docs):
        n_g = _tokenise(cps, word, starts, ends, side_ptr[2 * d], side_ptr[2 * d + 1],
                        tok_start, tok_end, tok_hash, 0)
        n = _tokenise(cps, word, starts, ends, side_ptr[2 * d + 1], side_ptr[2 * d + 2],
                      tok_start, tok_end, tok_hash, n_g)
        n_p = n - n_g
        distinct = _dense_ids(cps, tok_start, tok_end, tok_hash, n, ids, slot_token, id_stamp, d)
        if distinct < 0 or distinct > _MAX_IDS \
                or distinct * ((min(n_g, n_p) + 63) // 64) > _MAX_LCS_WORDS:
            fallback[d] = True
            continue
        n_gk = _shingle_keys(ids, 0, n_g, g_keys)
        n_pk = _shingle_keys(ids, n_g, n, p_keys)
        exact = n_g == n_p
        if exact:
            for k in range(n_g):
                if ids[k] != ids[n_g + k]:
                    exact = False
                    break
        out[d, 0] = _common(g_keys, n_gk, p_keys, n_pk, slot_key, slot_count, key_stamp, d)
        out[d, 1] = n_gk
        out[d, 2] = n_pk
        out[d, 3] = exact
        out[d, 4] = n_p == 0
        out[d, 5] = _lcs(ids[:n_g], ids[n_g:n], distinct)
        out[d, 6] = n_p
        out[d, 7] = n_g
    return out, fallback
