"""Bootstrap intervals and paired tests: determinism, edge cases, parity with scipy.stats."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats as scipy_stats

from newsgold.metrics import AEBMetric, EntityMetric, LCSMetric
from newsgold.significance import (
    approximate_randomization, bootstrap_ci, paired_bootstrap, resample_indices, swap_masks,
)

LCS = LCSMetric()


def lcs_rows(recall: np.ndarray, n_gold: int = 100) -> np.ndarray:
    """LCS stats whose per-document recall is ``recall`` (predictions as long as the gold)."""
    lcs = np.round(recall * n_gold)
    return np.stack([lcs, np.full_like(lcs, n_gold), np.full_like(lcs, n_gold)], axis=1)


@pytest.fixture(scope="module")
def systems() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(7)
    a = rng.uniform(0.3, 0.9, 60)
    return lcs_rows(a), lcs_rows(np.clip(a + rng.normal(0.04, 0.12, 60), 0, 1))


def test_bootstrap_is_seeded_and_brackets_the_estimate(systems) -> None:
    a, _ = systems
    first, again = bootstrap_ci(LCS, a), bootstrap_ci(LCS, a)
    assert first == again
    other = bootstrap_ci(LCS, a, seed=1)
    assert other["f1"] != first["f1"] and other["f1"].estimate == first["f1"].estimate
    for key, interval in first.items():
        assert interval.low <= interval.estimate <= interval.high, key
        assert (interval.n_resamples, interval.seed, interval.confidence) == (1000, 12345, 0.95)


def test_bootstrap_matches_scipy_percentile_interval(systems) -> None:
    a, _ = systems
    ours = bootstrap_ci(LCS, a, n_resamples=4000)["macro_recall"]
    theirs = scipy_stats.bootstrap((a[:, 0] / a[:, 2],), np.mean, n_resamples=4000,
                                   method="percentile", random_state=0).confidence_interval
    width = theirs.high - theirs.low
    assert ours.low == pytest.approx(theirs.low, abs=0.06 * width)
    assert ours.high == pytest.approx(theirs.high, abs=0.06 * width)


def test_undefined_scores_give_undefined_intervals() -> None:
    m = AEBMetric()
    empty = bootstrap_ci(m, np.zeros((0, 5)))
    assert all(i.estimate is None and i.low is None and i.high is None for i in empty.values())
    nothing_predicted = np.array([[0, 0, 5, 0, 1], [0, 0, 3, 0, 1]], dtype=float)
    precision = bootstrap_ci(m, nothing_predicted)["precision"]
    assert (precision.estimate, precision.low, precision.high) == (None, None, None)


def test_identical_systems_are_never_significant(systems) -> None:
    a, _ = systems
    assert paired_bootstrap(LCS, a, a).p_value == 1.0
    ar = approximate_randomization(LCS, a, a, n_trials=500)
    assert (ar.p_value, ar.delta) == (1.0, 0.0)


def test_a_clearly_better_system_gets_the_smallest_p_value(systems) -> None:
    a, _ = systems
    b = lcs_rows(np.ones(len(a)))
    bs = paired_bootstrap(LCS, a, b, n_resamples=500)
    ar = approximate_randomization(LCS, a, b, n_trials=500)
    assert bs.p_value == ar.p_value == 1 / 501
    assert bs.delta == pytest.approx(LCS.score(b)["f1"] - LCS.score(a)["f1"])
    assert 0 < bs.delta_low <= bs.delta <= bs.delta_high
    assert (bs.test, ar.test, bs.key) == ("paired-bootstrap", "approximate-randomization", "f1")


def test_randomization_matches_scipy_paired_permutation_test(systems) -> None:
    a, b = systems
    ours = approximate_randomization(LCS, a, b, key="macro_recall", n_trials=10000)
    theirs = scipy_stats.permutation_test(
        (b[:, 0] / b[:, 2], a[:, 0] / a[:, 2]), lambda x, y, axis: np.mean(x - y, axis=axis),
        permutation_type="samples", n_resamples=10000, alternative="two-sided", vectorized=True,
        random_state=0)
    assert 0.01 < theirs.pvalue < 0.5  # a case where the p-value is informative
    assert ours.p_value == pytest.approx(theirs.pvalue, abs=0.02)
    assert ours.delta == pytest.approx(theirs.statistic)


def test_paired_bootstrap_agrees_with_randomization_on_a_mean(systems) -> None:
    a, b = systems
    bs = paired_bootstrap(LCS, a, b, key="macro_recall", n_resamples=4000)
    ar = approximate_randomization(LCS, a, b, key="macro_recall", n_trials=4000)
    assert bs.p_value == pytest.approx(ar.p_value, abs=0.05)


def test_resamples_depend_only_on_seed_and_sizes() -> None:
    assert np.array_equal(resample_indices(10, 5, 3), resample_indices(10, 5, 3))
    assert not np.array_equal(resample_indices(10, 5, 3), resample_indices(10, 5, 4))
    assert swap_masks(10, 5, 3).dtype == bool and swap_masks(10, 5, 3).shape == (5, 10)


def test_metric_with_per_type_scores_and_bad_inputs() -> None:
    m = EntityMetric()
    rows = np.zeros((4, len(m.stat_names)))
    rows[:, 0] = [3, 1, 2, 0]  # COR
    rows[:, 3] = [0, 2, 1, 1]  # MIS
    intervals = bootstrap_ci(m, rows, n_resamples=200)
    assert intervals["recall"].estimate == 0.6 and intervals["f1:PERSON"].estimate is None
    with pytest.raises(ValueError, match="same documents"):
        paired_bootstrap(m, rows, rows[:3])
    with pytest.raises(KeyError, match="unknown score 'f2'"):
        approximate_randomization(m, rows, rows, key="f2", n_trials=10)
