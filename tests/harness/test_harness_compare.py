"""``compare``: paired tests on cached per-document statistics."""

from __future__ import annotations

import pytest

from harness.fixtures import Nothing, Paragraphs, make_documents
from newsgold.harness import CompareResult, compare, evaluate, save_result


def test_identical_systems_are_not_different() -> None:
    docs = make_documents(12)
    a = evaluate(Paragraphs(), documents=docs, resamples=100, cache=False)
    b = evaluate(Paragraphs(), documents=docs, resamples=100, cache=False)
    result = compare(a, b, resamples=200, trials=200)
    assert [c.metric for c in result.comparisons] == [s.metric for s in a.scores]
    for c in result.comparisons:
        assert c.n == 12 and c.delta == 0
        assert c.bootstrap.p_value == 1.0 and c.randomization.p_value == 1.0


def test_clearly_different_systems_get_a_small_p_value() -> None:
    docs = make_documents(30)
    good = evaluate(Paragraphs(), documents=docs, resamples=100, cache=False)
    bad = evaluate(Nothing(), documents=docs, resamples=100, cache=False)
    result = compare(bad, good, resamples=500, trials=500, seed=3)
    lcs = next(c for c in result.comparisons if c.metric == "lcs(view=body)")
    assert lcs.delta > 0.5 and lcs.bootstrap.delta_low > 0
    assert lcs.bootstrap.p_value < 0.01 and lcs.randomization.p_value < 0.01
    assert lcs.signature_b.endswith("|ext:test-paragraphs=1.0|bs:500|ar:500|seed:3|v:"
                                    + lcs.signature_b.rsplit("|v:", 1)[1])
    assert CompareResult.from_dict(result.to_dict()) == result
    assert list(result.to_frame()["metric"]) == [c.metric for c in result.comparisons]


def test_run_records_and_extractors_compare_alike(tmp_path) -> None:
    docs = make_documents(10)
    a = evaluate(Paragraphs(), documents=docs, resamples=50, cache=False)
    save_result(a, tmp_path / "a.json")
    from_records = compare(tmp_path / "a.json", Nothing(), documents=docs, resamples=50,
                           trials=100, cache=False)
    from_results = compare(a, evaluate(Nothing(), documents=docs, resamples=50, cache=False),
                           resamples=50, trials=100)
    assert from_records.comparisons == from_results.comparisons


def test_results_on_different_data_are_not_compared() -> None:
    a = evaluate(Paragraphs(), documents=make_documents(6), resamples=10, cache=False)
    b = evaluate(Paragraphs(), documents=make_documents(7), resamples=10, cache=False)
    with pytest.raises(ValueError, match="different corpus content"):
        compare(a, b)
