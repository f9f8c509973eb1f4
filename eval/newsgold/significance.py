"""Confidence intervals and paired significance tests over cached per-document statistics.

Pure functions in the manner of ``sacrebleu.significance``: every test re-scores rows of a stats
matrix (one row per scored document, from ``Metric.doc_stats``) with ``metric.score``; nothing is
re-matched. The seed is an explicit argument (default 12345) and the resamples depend only on
(seed, number of documents, number of resamples), so every system scored on the same documents is
resampled with the same indices. Two systems are compared on the same documents, row for row.

* ``bootstrap_ci``: percentile bootstrap over documents (numpy's default linear interpolation),
  1,000 resamples by default.
* ``paired_bootstrap``: the bootstrap distribution of the difference b - a, shifted to mean 0, is
  the null distribution; two-sided p = (c + 1) / (n + 1) with c the number of resamples whose
  |shifted difference| >= |observed difference|; also the percentile interval of b - a.
* ``approximate_randomization``: in each trial every document's pair of rows is swapped with
  probability 1/2; two-sided p = (c + 1) / (n + 1) with c the number of trials whose |difference|
  >= |observed difference|; 10,000 trials by default (as sacrebleu).

Ties count as "at least as extreme" (sacrebleu counts strictly greater ones), so a system compared
with itself gets p = 1. Resamples or trials whose score is undefined (None) are left out of n and c.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Iterable, Protocol

import numpy as np

DEFAULT_SEED = 12345
DEFAULT_RESAMPLES = 1000
DEFAULT_TRIALS = 10000
DEFAULT_CONFIDENCE = 0.95
#: Relative tolerance for "at least as extreme" (re-scored rows may differ in the last bit).
_TOLERANCE = 1e-9


class Scorer(Protocol):
    """What the tests need of a metric."""

    primary: str

    def score(self, stats: np.ndarray) -> dict[str, float | None]: ...


@dataclass(frozen=True)
class Interval:
    """A point estimate and its bootstrap percentile interval (None where undefined)."""

    estimate: float | None
    low: float | None
    high: float | None
    confidence: float
    n_resamples: int
    seed: int

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Comparison:
    """System b against system a on one score: ``delta`` = b - a and a two-sided p-value."""

    key: str
    score_a: float | None
    score_b: float | None
    delta: float | None
    p_value: float | None
    test: str
    n_resamples: int
    seed: int
    #: Percentile interval of the difference (paired bootstrap only).
    delta_low: float | None = None
    delta_high: float | None = None

    def to_dict(self) -> dict:
        return asdict(self)


def resample_indices(n_docs: int, n_resamples: int = DEFAULT_RESAMPLES,
                     seed: int = DEFAULT_SEED) -> np.ndarray:
    """Bootstrap resamples of document rows, shape ``(n_resamples, n_docs)``."""
    return np.random.default_rng(seed).integers(0, n_docs, size=(n_resamples, n_docs))


def swap_masks(n_docs: int, n_trials: int = DEFAULT_TRIALS, seed: int = DEFAULT_SEED) -> np.ndarray:
    """Approximate-randomisation trials: True where a document's rows are swapped."""
    return np.random.default_rng(seed).integers(0, 2, size=(n_trials, n_docs)).astype(bool)


def _value(scores: dict[str, float | None], key: str) -> float:
    if key not in scores:
        raise KeyError(f"unknown score {key!r}; the metric gives {', '.join(scores)}")
    value = scores[key]
    return np.nan if value is None else value


def _optional(x: float) -> float | None:
    return None if np.isnan(x) else float(x)


def _percentiles(values: np.ndarray, confidence: float) -> tuple[float | None, float | None]:
    values = values[~np.isnan(values)]
    if not values.size:
        return None, None
    alpha = 100 * (1 - confidence) / 2
    low, high = np.percentile(values, [alpha, 100 - alpha])
    return float(low), float(high)


def _p_value(null: np.ndarray, observed: float) -> float | None:
    null = null[~np.isnan(null)]
    if np.isnan(observed) or not null.size:
        return None
    observed = abs(observed)
    c = int(np.sum(np.abs(null) >= observed - _TOLERANCE * max(1.0, observed)))
    return (c + 1) / (null.size + 1)


def _pair(stats_a: np.ndarray, stats_b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    a, b = np.asarray(stats_a, dtype=float), np.asarray(stats_b, dtype=float)
    if a.shape != b.shape:
        raise ValueError(f"paired tests need the same documents: stats of shapes {a.shape} and "
                         f"{b.shape}")
    return a, b


def bootstrap_ci(metric: Scorer, stats: np.ndarray, *, n_resamples: int = DEFAULT_RESAMPLES,
                 seed: int = DEFAULT_SEED,
                 confidence: float = DEFAULT_CONFIDENCE) -> dict[str, Interval]:
    """Every score of ``metric`` on ``stats`` with its percentile bootstrap interval."""
    stats = np.asarray(stats, dtype=float)
    point = metric.score(stats)
    samples = {key: np.empty(n_resamples) for key in point}
    if len(stats):
        for i, rows in enumerate(resample_indices(len(stats), n_resamples, seed)):
            scores = metric.score(stats[rows])
            for key in point:
                samples[key][i] = _value(scores, key)
    else:
        for values in samples.values():
            values.fill(np.nan)
    out = {}
    for key, estimate in point.items():
        low, high = _percentiles(samples[key], confidence) if estimate is not None else (None, None)
        out[key] = Interval(estimate, low, high, confidence, n_resamples, seed)
    return out


def _observed(metric: Scorer, stats_a: np.ndarray, stats_b: np.ndarray,
              key: str | None) -> tuple[np.ndarray, np.ndarray, str, float, float]:
    """Both matrices (checked to pair up), the score key and both observed scores."""
    a, b = _pair(stats_a, stats_b)
    key = key or metric.primary
    return a, b, key, _value(metric.score(a), key), _value(metric.score(b), key)


def _differences(metric: Scorer, key: str, samples: Iterable[tuple[np.ndarray, np.ndarray]],
                 n: int) -> np.ndarray:
    """Score of b minus score of a for each resampled pair of matrices (NaN where undefined)."""
    diffs = np.full(n, np.nan)
    for i, (a, b) in enumerate(samples):
        diffs[i] = _value(metric.score(b), key) - _value(metric.score(a), key)
    return diffs


def paired_bootstrap(metric: Scorer, stats_a: np.ndarray, stats_b: np.ndarray, *,
                     key: str | None = None, n_resamples: int = DEFAULT_RESAMPLES,
                     seed: int = DEFAULT_SEED,
                     confidence: float = DEFAULT_CONFIDENCE) -> Comparison:
    """Paired bootstrap test of b against a on score ``key`` (default: the metric's primary)."""
    a, b, key, score_a, score_b = _observed(metric, stats_a, stats_b, key)
    resamples = resample_indices(len(a), n_resamples, seed) if len(a) else []
    diffs = _differences(metric, key, ((a[rows], b[rows]) for rows in resamples), n_resamples)
    low, high = _percentiles(diffs, confidence)
    centred = diffs - np.nanmean(diffs) if not np.isnan(diffs).all() else diffs
    return Comparison(key, _optional(score_a), _optional(score_b), _optional(score_b - score_a),
                      _p_value(centred, score_b - score_a), "paired-bootstrap", n_resamples, seed,
                      low, high)


def approximate_randomization(metric: Scorer, stats_a: np.ndarray, stats_b: np.ndarray, *,
                              key: str | None = None, n_trials: int = DEFAULT_TRIALS,
                              seed: int = DEFAULT_SEED) -> Comparison:
    """Paired approximate randomisation test of b against a on score ``key``."""
    a, b, key, score_a, score_b = _observed(metric, stats_a, stats_b, key)
    masks = swap_masks(len(a), n_trials, seed)[:, :, None] if len(a) else []
    diffs = _differences(metric, key, ((np.where(swap, b, a), np.where(swap, a, b))
                                       for swap in masks), n_trials)
    return Comparison(key, _optional(score_a), _optional(score_b), _optional(score_b - score_a),
                      _p_value(diffs, score_b - score_a), "approximate-randomization", n_trials,
                      seed)
