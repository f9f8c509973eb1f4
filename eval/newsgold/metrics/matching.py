"""The one span matcher every task uses: optimal one-to-one matching of gold and predicted spans.

Spans are half-open ``[start, end)``. Only *overlapping* pairs are candidates (touching or empty
spans overlap nothing); callers may filter the candidates further (e.g. same label, token IoU above
a threshold). Among the remaining pairs the matching maximises a lexicographic list of *levels*:
each candidate pair gets a tuple of values, and the matching maximises the sum of the tuples' first
entries, then of their second entries, and so on. Every entry but the last must be 0 or 1; the last
may be any value in [0, 1]. A constant 1 maximises the number of pairs at that rank, e.g.
``(exact, 1, closeness)`` means "most exact matches, then most matches, then closest boundaries".
Pairs whose levels are all 0 may be left unmatched.

Candidate pairs form connected groups. A pair sharing no item with another pair is taken as is
(the common case). In a *star*, a group whose pairs all share one item (a duplicated prediction,
say), the pair with the highest levels is taken, the first in canonical order among equals. Every
other group is solved on its own by ``scipy.optimize.linear_sum_assignment`` (deterministic for a
given matrix), its rows and columns in a canonical order; on a star it picks that same pair. So the
result never depends on the input order or on unrelated spans scored alongside: several documents
can be matched in one call by offsetting each document's spans.

Two entry points share that rule and the group solver:

* arrays, for many documents at once (numpy): ``overlapping_pairs`` on offset spans (``offsets``),
  then ``best_pairs`` with vectorised levels (arrays of gold and predicted indices in, one array
  per level out) and canonical ``ranks``;
* items, for the few spans of one document (plain Python): ``overlapping_items``, then ``select``
  with item-based levels, or both in one call with ``match``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Protocol, Sequence

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

#: Vectorised levels: (gold indices, pred indices) of candidate pairs -> one array per level.
Levels = Callable[[np.ndarray, np.ndarray], Sequence[np.ndarray]]
_EMPTY = np.zeros(0, dtype=np.int64)


class Spanned(Protocol):
    start: int
    end: int


@dataclass(frozen=True)
class Matching:
    """Matched ``(gold, pred)`` index pairs into the caller's sequences, sorted."""

    pairs: tuple[tuple[int, int], ...]
    n_gold: int
    n_pred: int

    def __len__(self) -> int:
        return len(self.pairs)

    @property
    def unmatched_gold(self) -> tuple[int, ...]:
        matched = {g for g, _ in self.pairs}
        return tuple(i for i in range(self.n_gold) if i not in matched)

    @property
    def unmatched_pred(self) -> tuple[int, ...]:
        matched = {p for _, p in self.pairs}
        return tuple(j for j in range(self.n_pred) if j not in matched)


def closeness(g_start, g_end, p_start, p_end):
    """1 / (1 + |start difference| + |end difference|): a last-level tie-breaker."""
    return 1.0 / (1 + abs(g_start - p_start) + abs(g_end - p_end))


def offsets(doc_index: np.ndarray, lengths: Sequence[int]) -> np.ndarray:
    """Per span, the shift that puts each document's spans in its own stretch of one long axis."""
    starts = np.concatenate([[0], np.cumsum(np.asarray(lengths, dtype=np.int64) + 1)])
    return starts[np.asarray(doc_index, dtype=np.int64)]


def overlapping_pairs(g_start, g_end, p_start, p_end) -> tuple[np.ndarray, np.ndarray]:
    """Indices ``(gold, pred)`` of every pair of overlapping non-empty spans (vectorised sweep)."""
    g_start, g_end = np.asarray(g_start, dtype=np.int64), np.asarray(g_end, dtype=np.int64)
    p_start, p_end = np.asarray(p_start, dtype=np.int64), np.asarray(p_end, dtype=np.int64)
    if not len(g_start) or not len(p_start):
        return _EMPTY, _EMPTY
    order = np.argsort(g_start, kind="stable")
    starts = g_start[order]
    longest = int((g_end - g_start).max())
    lo = np.searchsorted(starts, p_start - longest + 1, side="left")
    hi = np.searchsorted(starts, p_end, side="left")
    counts = np.maximum(hi - lo, 0)
    pred = np.repeat(np.arange(len(p_start)), counts)
    within = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    gold = order[np.repeat(lo, counts) + within]
    keep = (g_end[gold] > p_start[pred]) & (g_end[gold] > g_start[gold]) \
        & (p_end[pred] > p_start[pred])
    return gold[keep], pred[keep]


def ranks(*columns) -> np.ndarray:
    """Each item's position in the canonical order of the given columns (first column first)."""
    order = np.lexsort([np.asarray(c) for c in reversed(columns)])
    out = np.empty(len(order), dtype=np.int64)
    out[order] = np.arange(len(order))
    return out


def _groups(pairs: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Connected groups of candidate pairs (union-find over gold and predicted items)."""
    parent: dict = {}

    def root(node):
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for i, j in pairs:
        parent[root(("g", i))] = root(("p", j))
    groups = defaultdict(list)
    for i, j in pairs:
        groups[root(("g", i))].append((i, j))
    return list(groups.values())


def _solve(group: list[tuple[int, int]], levels: dict[tuple[int, int], tuple],
           gold_rank: Sequence[int], pred_rank: Sequence[int]) -> list[tuple[int, int]]:
    """The optimal pairs of one group with conflicts (lexicographic weights, see module doc)."""
    rows = sorted({i for i, _ in group}, key=lambda i: gold_rank[i])
    cols = sorted({j for _, j in group}, key=lambda j: pred_rank[j])
    row_of, col_of = {i: r for r, i in enumerate(rows)}, {j: c for c, j in enumerate(cols)}
    base = min(len(rows), len(cols)) + 1
    weight = np.zeros((len(rows), len(cols)))
    for pair in group:
        w = 0.0
        for value in levels[pair]:
            w = w * base + value
        weight[row_of[pair[0]], col_of[pair[1]]] = w
    if len(rows) == 1 or len(cols) == 1:  # a star: the first best pair in canonical order
        best = int(np.argmax(weight))
        a, b = divmod(best, len(cols))
        return [(rows[a], cols[b])] if weight[a, b] > 0 else []
    r, c = linear_sum_assignment(weight, maximize=True)
    return [(rows[a], cols[b]) for a, b in zip(r, c) if weight[a, b] > 0]


def best_pairs(gold: np.ndarray, pred: np.ndarray, levels: Levels, gold_rank: np.ndarray,
               pred_rank: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The optimal one-to-one subset of the candidate pairs ``(gold[k], pred[k])``, sorted.

    Groups whose pairs share one item (a star: one gold span and several predictions, or the
    reverse) are solved for all documents at once; the other groups one by one (``_solve``).
    """
    if not len(gold):
        return _EMPTY, _EMPTY
    alone = (np.bincount(gold)[gold] == 1) & (np.bincount(pred)[pred] == 1)
    g, p = [gold[alone]], [pred[alone]]
    if not alone.all():
        gc, pc = gold[~alone], pred[~alone]
        group = _group_labels(gc, pc)
        star = _is_star(group, gc) | _is_star(group, pc)
        sg, sp = _best_of_stars(gc[star], pc[star], group[star], levels, gold_rank, pred_rank)
        g.append(sg)
        p.append(sp)
        rest_g, rest_p, rest_group = gc[~star], pc[~star], group[~star]
        if len(rest_g):
            pairs = list(zip(rest_g.tolist(), rest_p.tolist()))
            values = zip(*(np.broadcast_to(np.asarray(v, dtype=float), rest_g.shape).tolist()
                           for v in levels(rest_g, rest_p)))
            level_of = dict(zip(pairs, values))
            order = np.argsort(rest_group, kind="stable")
            groups = np.split(order, np.flatnonzero(np.diff(rest_group[order])) + 1)
            solved = [pair for members in groups
                      for pair in _solve([pairs[k] for k in members.tolist()], level_of,
                                         gold_rank, pred_rank)]
            g.append(np.array([i for i, _ in solved], dtype=np.int64))
            p.append(np.array([j for _, j in solved], dtype=np.int64))
    g_all, p_all = np.concatenate(g).astype(np.int64), np.concatenate(p).astype(np.int64)
    order = np.lexsort((p_all, g_all))
    return g_all[order], p_all[order]


def _group_labels(gold: np.ndarray, pred: np.ndarray) -> np.ndarray:
    """The connected group of each candidate pair (gold and predicted items are the nodes)."""
    n_gold = int(gold.max()) + 1
    n_nodes = n_gold + int(pred.max()) + 1
    graph = coo_matrix((np.ones(len(gold)), (gold, pred + n_gold)), shape=(n_nodes, n_nodes))
    _, label = connected_components(graph, directed=False)
    return label[gold]


def _is_star(group: np.ndarray, item: np.ndarray) -> np.ndarray:
    """Whether every pair of each pair's group has the same ``item``."""
    n = int(group.max()) + 1
    low = np.full(n, np.iinfo(np.int64).max)
    high = np.full(n, -1)
    np.minimum.at(low, group, item)
    np.maximum.at(high, group, item)
    return (low == high)[group]


def _best_of_stars(gold: np.ndarray, pred: np.ndarray, group: np.ndarray, levels: Levels,
                   gold_rank: np.ndarray, pred_rank: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``_solve`` of every star group at once: the pair of highest weight, the first in canonical
    order among equals, when its weight is positive."""
    if not len(gold):
        return _EMPTY, _EMPTY
    weight = np.zeros(len(gold))
    for value in levels(gold, pred):
        weight = weight * 2 + np.asarray(value, dtype=float)  # base min(rows, cols) + 1 = 2
    # The canonical order of a star's pairs is that of its many side; the other side is constant.
    order = np.lexsort((pred_rank[pred], gold_rank[gold], -weight, group))
    first = order[np.r_[True, group[order][1:] != group[order][:-1]]]
    first = first[weight[first] > 0]
    return gold[first], pred[first]


def _count_pairs(gold: Spanned, pred: Spanned) -> tuple[int]:
    return (1,)


def overlapping_items(gold: Sequence[Spanned], pred: Sequence[Spanned]) -> list[tuple[int, int]]:
    """``overlapping_pairs`` for two short sequences of items, as a list (a plain-Python sweep)."""
    nonempty = [i for i, g in enumerate(gold) if g.start < g.end]
    if not nonempty or not pred:
        return []
    nonempty.sort(key=lambda i: gold[i].start)
    starts = [gold[i].start for i in nonempty]
    longest = max(gold[i].end - gold[i].start for i in nonempty)
    pairs = []
    for j, p in enumerate(pred):
        if p.start < p.end:
            for k in range(bisect_left(starts, p.start - longest + 1), bisect_left(starts, p.end)):
                if gold[nonempty[k]].end > p.start:
                    pairs.append((nonempty[k], j))
    return pairs


def select(gold: Sequence[Spanned], pred: Sequence[Spanned], pairs: list[tuple[int, int]],
           levels: Callable[[Spanned, Spanned], tuple] = _count_pairs
           ) -> tuple[tuple[int, int], ...]:
    """``best_pairs`` for candidate pairs of two short sequences of items (plain Python unless
    pairs conflict). ``levels`` takes the two items; items in conflict are ordered canonically by
    their natural order, so they must be mutually comparable (tuples, ordered dataclasses)."""
    gold_seen, pred_seen = set(), set()
    for i, j in pairs:
        if i in gold_seen or j in pred_seen:
            break
        gold_seen.add(i)
        pred_seen.add(j)
    else:
        return tuple(sorted(pairs))
    gold_rank, pred_rank = _natural_ranks(gold), _natural_ranks(pred)
    chosen = []
    for group in _groups(pairs):
        if len(group) == 1:
            chosen += group
        else:
            level_of = {(i, j): levels(gold[i], pred[j]) for i, j in group}
            chosen += _solve(group, level_of, gold_rank, pred_rank)
    return tuple(sorted(chosen))


def match(gold: Sequence[Spanned], pred: Sequence[Spanned],
          eligible: Callable[[Spanned, Spanned], bool] | None = None,
          levels: Callable[[Spanned, Spanned], tuple] = _count_pairs) -> Matching:
    """The optimal matching of two short sequences of items (see ``select``); ``eligible``
    filters the overlapping candidates."""
    pairs = overlapping_items(gold, pred)
    if eligible is not None:
        pairs = [(i, j) for i, j in pairs if eligible(gold[i], pred[j])]
    return Matching(select(gold, pred, pairs, levels), len(gold), len(pred))


def _natural_ranks(items: Sequence) -> list[int]:
    out = [0] * len(items)
    for rank, i in enumerate(sorted(range(len(items)), key=lambda i: (items[i], i))):
        out[i] = rank
    return out
