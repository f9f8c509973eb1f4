"""Metrics, one module per task, sharing one span-matching function (``matching``).

Every metric follows ``base.Metric``: ``doc_stats(gold, pred)`` gives one document's additive
statistics (None when the gold lacks the task's layer), ``score(matrix)`` turns the stacked rows of
scored documents into named scores in [0, 1] (None where undefined).
"""

from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np

from ..extractors.base import Prediction
from ..schema import Document
from .base import Metric
from .boilerplate import AEBMetric, LCSMetric, SegmentMetric
from .entities import EntityMetric
from .quotes import QuoteMetric

#: Metric classes by ``name``.
METRICS: dict[str, type[Metric]] = {
    cls.name: cls for cls in (AEBMetric, LCSMetric, SegmentMetric, EntityMetric, QuoteMetric)
}


def doc_stats_many(metric: Metric,
                   pairs: Sequence[tuple[Document, Prediction]]) -> list[np.ndarray | None]:
    """``metric.doc_stats`` of many (gold, prediction) pairs, in order.

    Uses the metric's ``batch_stats`` (vectorised, or compiled) where it has one, which gives the
    same rows much faster than one call per document.
    """
    batch = getattr(metric, "batch_stats", None)
    return batch(pairs) if batch is not None else [metric.doc_stats(g, p) for g, p in pairs]


def clear_caches() -> None:
    """Forget every memoised intermediate (tokenised texts, shingles, the last prepared entity
    batch): frees memory, and makes timings cold."""
    from . import boilerplate, memo, quotes, tokens

    tokens.words.cache_clear()
    boilerplate.shingles.cache_clear()
    quotes.normalized_name.cache_clear()
    memo.clear()


def compile_kernels() -> None:
    """Compile the batch kernels now (numba caches them on disk), by scoring one small page with
    every metric: the install script calls this, so that the first real run does not wait."""
    from ..schema import Entity, Quote, Segment, Span

    text = "Menu. “We will open the bridge,” said Ana Ruiz."
    gold = Document(id="warm-up", url="", site="", layout="", language="en", published=None,
                    title="", source="", license="", topic=None, text=text,
                    segments=(Segment(0, 5, "navigation"), Segment(6, len(text), "body")),
                    entities=(Entity(38, 46, "PERSON"),),
                    quotes=(Quote(6, 32, "direct", "1", Span(38, 46), "Ana Ruiz"),))
    pred = Prediction(gold.id, main_text=text, segments=gold.segments, entities=gold.entities,
                      quotes=gold.quotes)
    for metric in METRICS.values():
        doc_stats_many(metric(), [(gold, pred)])
    clear_caches()


def stats_matrix(metric: Metric, rows: Iterable[np.ndarray | None]) -> np.ndarray:
    """Stack per-document statistics into the matrix ``metric.score`` takes.

    Documents that were not scored (None) are left out, so the matrix may have zero rows.
    """
    kept = [np.asarray(row, dtype=float) for row in rows if row is not None]
    return np.stack(kept) if kept else np.zeros((0, len(metric.stat_names)))


__all__ = ["METRICS", "AEBMetric", "EntityMetric", "LCSMetric", "Metric", "QuoteMetric",
           "SegmentMetric", "clear_caches", "compile_kernels", "doc_stats_many", "stats_matrix"]
