"""The shared matcher: optimal against brute force, one-to-one, independent of input order."""

from __future__ import annotations

from itertools import permutations, product

import numpy as np

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgold.metrics.matching import (
    best_pairs, closeness, match, offsets, overlapping_items, overlapping_pairs, ranks, select,
)
from newsgold.schema import Entity


def overlap(g: Entity, p: Entity) -> bool:
    """The oracle: non-empty half-open spans sharing a position."""
    return g.start < p.end and p.start < g.end and g.start < g.end and p.start < p.end


def levels(g: Entity, p: Entity) -> tuple:
    same_bounds = g.start == p.start and g.end == p.end
    return (same_bounds and g.label == p.label, g.label == p.label, 1,
            closeness(g.start, g.end, p.start, p.end))


def level_sums(gold, pred, pairs) -> tuple:
    return tuple(round(sum(levels(gold[i], pred[j])[k] for i, j in pairs), 9) for k in range(4))


def brute_force_best(gold, pred) -> tuple:
    """The lexicographically best level sums over every one-to-one matching of overlapping pairs."""
    best = None
    for choice in product(range(-1, len(pred)), repeat=len(gold)):
        used = [c for c in choice if c >= 0]
        if len(used) != len(set(used)):
            continue
        pairs = [(i, c) for i, c in enumerate(choice) if c >= 0]
        if all(overlap(gold[i], pred[j]) for i, j in pairs):
            sums = level_sums(gold, pred, pairs)
            best = sums if best is None or sums > best else best
    return best


entities = st.lists(st.builds(lambda s, n, label: Entity(s, s + n, label), st.integers(0, 12),
                              st.integers(1, 5), st.sampled_from("AB")), max_size=5)


def test_offsets_keep_documents_apart() -> None:
    shift = offsets(np.array([0, 1, 1, 2]), [5, 3, 0])
    assert shift.tolist() == [0, 6, 6, 10]
    # Document 0 spans [0, 5), document 1 [0, 3): shifted, a span at the end of one document
    # never reaches into the next.
    g, p = overlapping_pairs(np.array([0, 0]) + [0, 6], np.array([5, 3]) + [0, 6],
                             np.array([4, 0]) + [0, 6], np.array([5, 1]) + [0, 6])
    assert g.tolist() == [0, 1] and p.tolist() == [0, 1]


def test_ranks_follow_the_columns() -> None:
    assert ranks([3, 1, 1], [0, 5, 2]).tolist() == [2, 1, 0]


@settings(max_examples=300, deadline=None)
@given(entities, entities)
def test_match_is_lexicographically_optimal(gold, pred) -> None:
    m = match(gold, pred, levels=levels)
    g_used, p_used = [i for i, _ in m.pairs], [j for _, j in m.pairs]
    assert len(set(g_used)) == len(g_used) and len(set(p_used)) == len(p_used)
    assert all(overlap(gold[i], pred[j]) for i, j in m.pairs)
    assert level_sums(gold, pred, m.pairs) == brute_force_best(gold, pred)


@settings(max_examples=200, deadline=None)
@given(entities, entities, st.randoms())
def test_match_does_not_depend_on_input_order(gold, pred, rnd) -> None:
    def matched_items(g_items, p_items):
        m = match(g_items, p_items, levels=levels)
        return sorted((g_items[i], p_items[j]) for i, j in m.pairs)

    shuffled_gold, shuffled_pred = gold[:], pred[:]
    rnd.shuffle(shuffled_gold)
    rnd.shuffle(shuffled_pred)
    assert matched_items(gold, pred) == matched_items(shuffled_gold, shuffled_pred)


def test_identical_multisets_in_any_order_give_the_same_pairs() -> None:
    items = [Entity(0, 3, "A"), Entity(2, 5, "B"), Entity(2, 5, "A"), Entity(4, 6, "A")]
    results = set()
    for order in permutations(items):
        m = match(list(order), items, levels=levels)
        results.add(tuple(sorted((order[i], items[j]) for i, j in m.pairs)))
    assert len(results) == 1


def test_disjoint_candidates_are_all_taken() -> None:
    gold = [Entity(0, 5, "A"), Entity(10, 15, "A"), Entity(20, 25, "A")]
    pred = [Entity(21, 24, "A"), Entity(1, 4, "A"), Entity(50, 60, "A")]
    m = match(gold, pred)
    assert m.pairs == ((0, 1), (2, 0))
    assert (m.unmatched_gold, m.unmatched_pred) == ((1,), (2,))


def test_optimal_not_greedy() -> None:
    # Pairing the first prediction with the first overlapping gold would leave one unmatched.
    gold = [Entity(0, 5, "A"), Entity(6, 10, "A")]
    pred = [Entity(3, 8, "A"), Entity(0, 2, "A")]
    assert match(gold, pred).pairs == ((0, 1), (1, 0))


def test_duplicates_match_once_and_touching_spans_do_not_overlap() -> None:
    m = match([Entity(0, 5, "A")], [Entity(0, 5, "A"), Entity(0, 5, "A"), Entity(5, 9, "A")])
    assert len(m) == 1 and len(m.unmatched_pred) == 2
    assert not overlap(Entity(0, 5, "A"), Entity(5, 9, "A"))


def test_eligibility_refines_overlap_and_empty_sides() -> None:
    gold, pred = [Entity(0, 5, "A")], [Entity(0, 5, "B")]
    assert len(match(gold, pred, lambda g, p: g.label == p.label)) == 0
    g, p = overlapping_pairs([0, 9, 3], [5, 12, 3], [0, 0, 4], [5, 5, 10])
    # [3, 3) is empty and overlaps nothing.
    assert sorted(zip(g.tolist(), p.tolist())) == [(0, 0), (0, 1), (0, 2), (1, 2)]
    assert len(match([], pred)) == 0 and match(gold, []).unmatched_gold == (0,)
    assert closeness(0, 4, 1, 4) == 0.5


@settings(max_examples=200, deadline=None)
@given(entities, entities)
def test_item_and_array_entry_points_agree(gold, pred) -> None:
    items = overlapping_items(gold, pred)
    columns = [[e.start for e in gold], [e.end for e in gold], [e.start for e in pred],
               [e.end for e in pred]]
    g, p = overlapping_pairs(*columns)
    assert sorted(items) == sorted(zip(g.tolist(), p.tolist()))
    assert all(overlap(gold[i], pred[j]) for i, j in items)
    chosen = select(gold, pred, items, levels)
    g, p = best_pairs(g, p, lambda gi, pj: tuple(zip(*(levels(gold[i], pred[j])
                                                        for i, j in zip(gi, pj)))),
                      ranks(columns[0], columns[1], [e.label for e in gold]),
                      ranks(columns[2], columns[3], [e.label for e in pred]))
    assert sorted((gold[i], pred[j]) for i, j in chosen) == \
        sorted((gold[i], pred[j]) for i, j in zip(g.tolist(), p.tolist()))
