"""Precision, recall and F1 from counts, with one zero-division convention for every metric.

* A ratio whose denominator is 0 is undefined: ``None`` in a score dict (NaN inside this module),
  never silently 0 or 1.
* F1 is the harmonic mean of P and R. It is undefined only when both are. When exactly one is
  undefined its numerator is necessarily 0 (nothing was predicted, or there was nothing to find),
  so it counts as 0 and F1 is 0. With pooled counts this equals ``2 TP / (|gold| + |pred|)``.
* A mean over documents or types skips undefined values and is undefined when all are.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Mapping, Sequence

import numpy as np


def ratio(num, den) -> np.ndarray:
    """``num / den`` element-wise, NaN where ``den`` is 0."""
    num, den = np.asarray(num, dtype=float), np.asarray(den, dtype=float)
    out = np.full(np.broadcast(num, den).shape, np.nan)
    np.divide(num, den, out=out, where=den != 0)
    return out


def f1(p, r) -> np.ndarray:
    """Harmonic mean of P and R under the convention above."""
    p, r = np.asarray(p, dtype=float), np.asarray(r, dtype=float)
    p_nan, r_nan = np.isnan(p), np.isnan(r)
    p0, r0 = np.where(p_nan, 0.0, p), np.where(r_nan, 0.0, r)
    total = p0 + r0
    out = np.divide(2 * p0 * r0, total, out=np.zeros_like(total), where=total > 0)
    return np.where(p_nan & r_nan, np.nan, out)


def mean_defined(values) -> float:
    """Mean of the non-NaN values; NaN when there are none."""
    values = np.asarray(values, dtype=float)
    defined = values[~np.isnan(values)]
    return float(defined.mean()) if defined.size else float("nan")


def finish(scores: Mapping[str, float | np.floating | np.ndarray]) -> dict[str, float | None]:
    """Plain floats, with NaN turned into None (the contract's "undefined")."""
    values = np.asarray(list(scores.values()), dtype=float).tolist()
    return {k: None if v != v else v for k, v in zip(scores, values)}


def prf_scores(tp_p, n_pred, tp_r, n_gold, keys: Sequence[str] = ("{}",)) -> dict[str, np.floating]:
    """``precision``, ``recall`` and ``f1`` from counts, named by the templates ``keys``.

    Counts are scalars or arrays with one entry per template (e.g. one per class); ``"{}:ORG"``
    names the scores ``precision:ORG``, ``recall:ORG`` and ``f1:ORG``. ``tp_p`` and ``tp_r`` are
    the credited matches counted on the predicted and on the gold side: equal for a pooled
    one-to-one matching, different when a breakdown attributes a match to the predicted item's
    class for precision and to the gold item's class for recall.
    """
    p = np.atleast_1d(ratio(tp_p, n_pred))
    r = np.atleast_1d(ratio(tp_r, n_gold))
    values = np.stack([p, r, f1(p, r)], axis=1).reshape(-1)
    return dict(zip(_key_names(tuple(keys)), values))


@lru_cache(maxsize=None)
def _key_names(keys: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(key.format(name) for key in keys for name in ("precision", "recall", "f1"))
