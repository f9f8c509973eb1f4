"""From page outcomes to scores: per-document statistics, corpus scores with bootstrap intervals
and signatures, breakdowns per site, language and layout, and per-document rows."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ..extractors.base import Prediction
from ..metrics import doc_stats_many, stats_matrix
from ..metrics.base import Metric
from ..schema import Document
from ..signature import Signature
from ..significance import bootstrap_ci
from .metric_set import metric_id
from .results import Breakdown, DatasetInfo, DocumentScore, Score
from .runner import NOT_APPLICABLE, PageOutcome

#: Document attributes the breakdowns group by.
BREAKDOWN_FIELDS: tuple[str, ...] = ("site", "language", "layout")


@dataclass(frozen=True)
class StatsTable:
    """One metric's statistics: one row per scored document, and the counts left out."""

    metric: Metric
    doc_ids: tuple[str, ...]
    matrix: np.ndarray
    not_scored: int
    not_applicable: int


def _clean(values: dict) -> dict[str, float | None]:
    """Plain floats, with NaN (from a metric that forgot the contract) as None."""
    return {k: None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)
            for k, v in values.items()}


def _stats_rows(metric: Metric, pairs: list[tuple[Document, Prediction]]) -> list:
    """``doc_stats_many`` of the pairs; on an error, the document it fails on is named."""
    try:
        return doc_stats_many(metric, pairs)
    except Exception:  # noqa: BLE001 - re-raised below with the failing document
        for doc, prediction in pairs:
            try:
                metric.doc_stats(doc, prediction)
            except Exception as exc:
                raise RuntimeError(f"metric {metric_id(metric)} failed on document {doc.id}: "
                                   f"{type(exc).__name__}: {exc}") from exc
        raise


def doc_stats_table(metric: Metric, documents: Sequence[Document],
                    outcomes: Sequence[PageOutcome]) -> StatsTable:
    """``metric.doc_stats`` of every document the extractor was scored on (in one batch)."""
    applicable = [(doc, outcome.prediction) for doc, outcome in zip(documents, outcomes)
                  if outcome.status != NOT_APPLICABLE and outcome.prediction is not None]
    ids, rows = [], []
    width = len(metric.stat_names)
    for (doc, _), stats in zip(applicable, _stats_rows(metric, applicable)):
        if stats is not None:
            ids.append(doc.id)
            rows.append(np.asarray(stats, dtype=float).reshape(width))
    return StatsTable(metric, tuple(ids), stats_matrix(metric, rows),
                      len(applicable) - len(ids), len(documents) - len(applicable))


def signature(metric: Metric, dataset: DatasetInfo, extractor: str, extractor_version: str,
              *, resamples: int | None = None, trials: int | None = None,
              seed: int | None = None) -> str:
    return Signature.of(metric, corpus=dataset.name, corpus_version=dataset.version,
                        content_hash=dataset.content_sha256, split=dataset.split,
                        extractor=extractor, extractor_version=extractor_version,
                        n_resamples=resamples, n_trials=trials, seed=seed).format()


def corpus_score(table: StatsTable, dataset: DatasetInfo, extractor: str, version: str, *,
                 resamples: int, seed: int, confidence: float) -> Score:
    """The metric on all scored documents, with a bootstrap interval for every key."""
    metric = table.metric
    intervals = bootstrap_ci(metric, table.matrix, n_resamples=resamples, seed=seed,
                             confidence=confidence)
    values = _clean({key: iv.estimate for key, iv in intervals.items()})
    return Score(metric=metric_id(metric), task=metric.task, name=metric.name,
                 params=dict(metric.params()), primary=metric.primary,
                 higher_is_better=metric.higher_is_better, values=values, ci=intervals,
                 n=len(table.doc_ids), not_scored=table.not_scored,
                 not_applicable=table.not_applicable, stat_names=tuple(metric.stat_names),
                 signature=signature(metric, dataset, extractor, version, resamples=resamples,
                                     seed=seed))


def breakdowns(table: StatsTable, documents: Sequence[Document]) -> list[Breakdown]:
    """The metric on the documents of each site, language and layout."""
    by_id = {d.id: d for d in documents}
    out = []
    for field in BREAKDOWN_FIELDS:
        groups: dict[str, list[int]] = {}
        for row, doc_id in enumerate(table.doc_ids):
            groups.setdefault(getattr(by_id[doc_id], field), []).append(row)
        for group in sorted(groups):
            rows = groups[group]
            out.append(Breakdown(metric_id(table.metric), field, group, len(rows),
                                 _clean(table.metric.score(table.matrix[rows]))))
    return out


def document_scores(table: StatsTable) -> list[DocumentScore]:
    """Each scored document's statistics and the scores they give alone."""
    name = metric_id(table.metric)
    return [DocumentScore(doc_id, name, _clean(table.metric.score(row[None, :])),
                          tuple(float(x) for x in row))
            for doc_id, row in zip(table.doc_ids, table.matrix)]
