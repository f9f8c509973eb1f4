"""Layers of many documents (segments, entities, quotes) as flat numpy columns for batch metrics."""

from __future__ import annotations

from itertools import chain, repeat
from operator import attrgetter
from typing import Collection, Mapping, NamedTuple, Sequence

import numpy as np

from ..schema import SEGMENT_KINDS, Segment
from .memo import last_batch

_SEGMENT_KIND = {kind: k for k, kind in enumerate(SEGMENT_KINDS)}


def flatten(layers: Sequence[Sequence]) -> tuple[list, np.ndarray]:
    """Every item of every layer in order, and the index of the layer each came from."""
    items = list(chain.from_iterable(layers))
    counts = np.fromiter(map(len, layers), dtype=np.int64, count=len(layers))
    return items, np.repeat(np.arange(len(layers)), counts)


def ints(items: Sequence, field: str) -> np.ndarray:
    """An integer attribute of every item."""
    return np.fromiter(map(attrgetter(field), items), dtype=np.int64, count=len(items))


def codes(items: Sequence, field: str, code_of: Mapping[str, int]) -> np.ndarray:
    """A string attribute of every item, as its code in ``code_of`` (-1 when it has none)."""
    return np.fromiter(map(code_of.get, map(attrgetter(field), items), repeat(-1)),
                       dtype=np.int64, count=len(items))


class SegmentColumns(NamedTuple):
    """Segments of many documents as columns; ``kind`` is the index in ``SEGMENT_KINDS`` (-1 for
    an unknown kind)."""

    doc: np.ndarray
    start: np.ndarray
    end: np.ndarray
    kind: np.ndarray


def kind_mask(kinds: Collection[str]) -> np.ndarray:
    """Per ``SegmentColumns.kind`` code: is that kind one of ``kinds``? Indexable by every code,
    -1 (an unknown kind, never in the set) included."""
    return np.array([kind in kinds for kind in SEGMENT_KINDS] + [False])


def segment_columns(layers: Sequence[Sequence[Segment]]) -> SegmentColumns:
    """``SegmentColumns`` of the segment layers of many documents (one layer per document)."""
    items, doc = flatten(layers)
    return SegmentColumns(doc, ints(items, "start"), ints(items, "end"),
                          codes(items, "kind", _SEGMENT_KIND))


def gold_segment_columns(pairs: Sequence[tuple]) -> SegmentColumns:
    """``segment_columns`` of the gold segments of a batch of (gold, prediction) pairs
    (remembered for the batch, see ``memo``)."""
    return last_batch("gold segments", pairs,
                      lambda: segment_columns([gold.segments for gold, _ in pairs]))


def annotated(pairs: Sequence[tuple], layer: str) -> tuple[list[int], list[tuple]]:
    """The positions of the (gold, prediction) pairs whose gold has ``layer``, and those pairs."""
    scored = [k for k, (gold, _) in enumerate(pairs) if layer in gold.annotated]
    return scored, [pairs[k] for k in scored]


def placed(rows: Sequence[np.ndarray], scored: Sequence[int], n: int) -> list[np.ndarray | None]:
    """A list of ``n`` with ``rows[i]`` at position ``scored[i]`` and None ("not scored")
    elsewhere."""
    out: list[np.ndarray | None] = [None] * n
    for row, k in zip(rows, scored):
        out[k] = row
    return out
