"""``compare``: is system b better than system a? Paired tests on cached per-document statistics."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

import numpy as np

from ..metrics.base import Metric
from ..significance import DEFAULT_CONFIDENCE, DEFAULT_RESAMPLES, DEFAULT_SEED, DEFAULT_TRIALS, \
    approximate_randomization, paired_bootstrap
from .evaluation import evaluate
from .metric_set import build_metric, metric_id
from .record import load_result
from .results import CompareResult, Comparison, EvalResult, Score
from .scoring import signature


def as_result(system: Any, **evaluate_kwargs: Any) -> EvalResult:
    """An ``EvalResult`` as is, a run record (a ``.json`` path) read back, anything else
    evaluated."""
    if isinstance(system, EvalResult):
        return system
    if isinstance(system, (str, Path)) and str(system).endswith(".json") and Path(system).is_file():
        return load_result(system)
    return evaluate(system, **evaluate_kwargs)


def _check_comparable(a: EvalResult, b: EvalResult) -> None:
    for what, x, y in (("corpus content", a.dataset.content_sha256, b.dataset.content_sha256),
                       ("dataset", a.dataset.config, b.dataset.config),
                       ("split", a.dataset.split, b.dataset.split), ("view", a.view, b.view)):
        if x != y:
            raise ValueError(f"cannot compare {a.extractor.name} and {b.extractor.name}: "
                             f"different {what} ({x} vs {y})")


def _stats(result: EvalResult, score: Score) -> dict[str, tuple[float, ...]]:
    return {d.doc_id: d.stats for d in result.documents if d.metric == score.metric}


def compare(a: Any, b: Any, *, seed: int = DEFAULT_SEED, resamples: int = DEFAULT_RESAMPLES,
            trials: int = DEFAULT_TRIALS, confidence: float = DEFAULT_CONFIDENCE,
            metrics: Sequence[Metric] | None = None, **evaluate_kwargs: Any) -> CompareResult:
    """Test b against a on the primary score of every metric both were scored with.

    ``a`` and ``b``: ``EvalResult``s, run-record paths, or anything ``evaluate`` accepts
    (evaluated with ``evaluate_kwargs``; cached predictions make that cheap). The tests pair the
    documents both systems were scored on: a paired bootstrap (``resamples``, with the interval
    of b - a) and approximate randomization (``trials``), both seeded with ``seed``.
    ``metrics`` rebuilds metrics the default metric set does not know.
    """
    evaluate_kwargs.setdefault("seed", seed)
    evaluate_kwargs.setdefault("resamples", resamples)
    ra, rb = as_result(a, **evaluate_kwargs), as_result(b, **evaluate_kwargs)
    _check_comparable(ra, rb)
    known = {metric_id(m): m for m in metrics or ()}
    found = []
    for score_a in ra.scores:
        score_b = next((s for s in rb.scores if s.metric == score_a.metric), None)
        if score_b is None:
            continue
        metric = known.get(score_a.metric) or build_metric(score_a.name, score_a.params)
        stats_a, stats_b = _stats(ra, score_a), _stats(rb, score_b)
        common = sorted(set(stats_a) & set(stats_b))
        width = len(score_a.stat_names)
        matrix_a = np.array([stats_a[i] for i in common], dtype=float).reshape(-1, width)
        matrix_b = np.array([stats_b[i] for i in common], dtype=float).reshape(-1, width)
        signed = {"resamples": resamples, "trials": trials, "seed": seed}
        found.append(Comparison(
            metric=score_a.metric, key=metric.primary, higher_is_better=metric.higher_is_better,
            n=len(common),
            bootstrap=paired_bootstrap(metric, matrix_a, matrix_b, n_resamples=resamples,
                                       seed=seed, confidence=confidence),
            randomization=approximate_randomization(metric, matrix_a, matrix_b, n_trials=trials,
                                                    seed=seed),
            signature_a=signature(metric, ra.dataset, ra.extractor.name, ra.extractor.version,
                                  **signed),
            signature_b=signature(metric, rb.dataset, rb.extractor.name, rb.extractor.version,
                                  **signed)))
    if not found:
        raise ValueError(f"{ra.extractor.name} and {rb.extractor.name} share no scored metric")
    return CompareResult(ra.extractor, rb.extractor, ra.dataset, ra.view, tuple(found), seed,
                         resamples, trials, confidence)
