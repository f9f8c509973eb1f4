"""The boilerplate task as a word-level diff: one longest common subsequence of the gold main text's
``\\w+`` tokens and the extracted text's, so its counts are the LCS metric's statistics.

Kept-correct words are the matched pairs (the metric's ``lcs``), kept-but-boilerplate words the
unmatched extracted ones (``pred_tokens - lcs``), dropped-but-content words the unmatched gold ones
(``gold_tokens - lcs``). The alignment's length is checked against
``metrics.boilerplate.lcs_length``.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import isqrt
from typing import Iterator

import numpy as np

from ..metrics.boilerplate import lcs_length
from ..metrics.tokens import WORD

KEPT, EXTRA, DROPPED = "kept", "extra", "dropped"


@dataclass(frozen=True)
class WordDiff:
    """An optimal word alignment of a gold text and an extracted text."""

    gold_text: str
    pred_text: str
    #: ``(start, end)`` of each token in its own text.
    gold: tuple[tuple[int, int], ...]
    pred: tuple[tuple[int, int], ...]
    #: Matched ``(gold index, pred index)`` pairs, increasing on both sides.
    pairs: tuple[tuple[int, int], ...]

    @property
    def kept(self) -> int:
        return len(self.pairs)

    @property
    def extra(self) -> int:
        return len(self.pred) - len(self.pairs)

    @property
    def dropped(self) -> int:
        return len(self.gold) - len(self.pairs)

    def gold_matched(self) -> list[bool]:
        """Per gold token: is it kept?"""
        out = [False] * len(self.gold)
        for g, _ in self.pairs:
            out[g] = True
        return out

    def pred_matched(self) -> list[bool]:
        """Per extracted token: is it content?"""
        out = [False] * len(self.pred)
        for _, p in self.pairs:
            out[p] = True
        return out

    def ops(self) -> Iterator[tuple[str, int]]:
        """The merged token sequence: ``(KEPT, gold index)``, ``(DROPPED, gold index)`` or
        ``(EXTRA, pred index)``, in reading order (dropped words before extra ones in a gap)."""
        g = p = 0
        for gi, pi in (*self.pairs, (len(self.gold), len(self.pred))):
            yield from ((DROPPED, k) for k in range(g, gi))
            yield from ((EXTRA, k) for k in range(p, pi))
            if gi < len(self.gold):
                yield KEPT, gi
            g, p = gi + 1, pi + 1


def tokens(text: str) -> tuple[tuple[int, int], ...]:
    """Offsets of the ``\\w+`` tokens the text metrics count."""
    return tuple(m.span() for m in WORD.finditer(text))


def word_diff(gold_text: str, pred_text: str) -> WordDiff:
    """The word diff of a gold main text and an extracted text (see module doc)."""
    gold, pred = tokens(gold_text), tokens(pred_text)
    gold_words = [gold_text[s:e] for s, e in gold]
    pred_words = [pred_text[s:e] for s, e in pred]
    pairs = lcs_pairs(gold_words, pred_words)
    expected = lcs_length(gold_words, pred_words)
    if len(pairs) != expected:
        raise AssertionError(f"word alignment of length {len(pairs)} is not a longest common "
                             f"subsequence (the LCS metric finds {expected})")
    return WordDiff(gold_text, pred_text, gold, pred, pairs)


def _next_row(row: np.ndarray, equal: np.ndarray, out: np.ndarray) -> np.ndarray:
    """One row of the LCS table from the previous one: L[i][j] = max over k <= j of
    max(L[i-1][k], L[i-1][k-1] + [a_i = b_k])."""
    out[0] = 0
    np.add(row[:-1], equal, out=out[1:])
    np.maximum(out[1:], row[1:], out=out[1:])
    np.maximum.accumulate(out[1:], out=out[1:])
    return out


def lcs_pairs(a: list[str], b: list[str]) -> tuple[tuple[int, int], ...]:
    """One longest common subsequence of ``a`` and ``b`` as index pairs.

    The common prefix and suffix are matched directly; the middle is aligned by dynamic
    programming one numpy row at a time, with rows over the shorter list. Every
    ``sqrt(rows)``-th row is kept and the rows between two kept ones are recomputed during the
    traceback, so memory stays O(sqrt(len(a)) * len(b)) on long pages.
    """
    lead = 0
    while lead < min(len(a), len(b)) and a[lead] == b[lead]:
        lead += 1
    trail = 0
    while trail < min(len(a), len(b)) - lead and a[-1 - trail] == b[-1 - trail]:
        trail += 1
    middle_a, middle_b = a[lead:len(a) - trail], b[lead:len(b) - trail]
    swap = len(middle_a) > len(middle_b)
    middle = _middle_pairs(*((middle_b, middle_a) if swap else (middle_a, middle_b)))
    if swap:
        middle = [(j, i) for i, j in middle]
    return (tuple((k, k) for k in range(lead))
            + tuple((lead + i, lead + j) for i, j in middle)
            + tuple((len(a) - trail + k, len(b) - trail + k) for k in range(trail)))


def _middle_pairs(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    vocab: dict[str, int] = {}
    a_ids = np.array([vocab.setdefault(w, len(vocab)) for w in a], dtype=np.int64)
    b_ids = np.array([vocab.setdefault(w, len(vocab)) for w in b], dtype=np.int64)
    n, m = len(a_ids), len(b_ids)
    stride = max(1, isqrt(n))
    checkpoints = {0: np.zeros(m + 1, dtype=np.int32)}
    row = checkpoints[0]
    for i in range(n):
        row = _next_row(row, b_ids == a_ids[i], np.empty(m + 1, dtype=np.int32))
        if (i + 1) % stride == 0:
            checkpoints[i + 1] = row
    pairs: list[tuple[int, int]] = []
    i, j = n, m
    while i > 0 and j > 0:
        base = (i - 1) // stride * stride
        rows = [checkpoints[base]]
        for k in range(base, i):
            rows.append(_next_row(rows[-1], b_ids == a_ids[k], np.empty(m + 1, dtype=np.int32)))
        while i > base and j > 0:
            if a_ids[i - 1] == b_ids[j - 1]:
                pairs.append((i - 1, j - 1))
                i, j = i - 1, j - 1
            elif rows[i - 1 - base][j] == rows[i - base][j]:
                i -= 1
            else:
                j -= 1
    pairs.reverse()
    return pairs
