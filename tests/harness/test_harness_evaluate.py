"""``evaluate``: what is scored, what is left out, breakdowns, per-document rows, round trips."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest

from harness.fixtures import Nothing, Paragraphs, Segmenter, make_documents
from newsgold.extractors.base import Page
from newsgold.harness import EvalResult, evaluate, load_result, save_result
from newsgold.metrics.entities import EntityMetric


def _direct_stats(metric, docs, extractor) -> np.ndarray:
    rows = [metric.doc_stats(d, extractor.extract(Page(d.id, d.url, d.language, d.text, d.html)))
            for d in docs]
    return np.vstack([r for r in rows if r is not None])


def test_documents_without_a_layer_are_left_out_not_scored_zero() -> None:
    docs = make_documents(12, without_entities=(1, 4, 7))
    result = evaluate(Paragraphs(), documents=docs, resamples=50, cache=False)
    entities = result.score("entities(mode=strict,labels=ontonotes)")
    assert (entities.n, entities.not_scored, entities.not_applicable) == (9, 3, 0)
    annotated = [d for i, d in enumerate(docs) if i not in (1, 4, 7)]
    metric = EntityMetric()
    assert entities.values == metric.score(_direct_stats(metric, annotated, Paragraphs()))
    assert result.score("aeb").n == 12  # the boilerplate layer is there on every page
    scored = {d.doc_id for d in result.documents if d.metric == entities.metric}
    assert scored == {d.id for d in annotated}


def test_breakdowns_and_document_rows_rescore_their_documents() -> None:
    docs = make_documents(12)
    result = evaluate(Paragraphs(), documents=docs, resamples=50, cache=False)
    metric = EntityMetric(mode="partial")
    score = result.score("entities(mode=partial,labels=ontonotes)")
    for field in ("site", "language", "layout"):
        parts = [b for b in result.breakdowns if b.metric == score.metric and b.by == field]
        assert sorted(b.group for b in parts) == sorted({getattr(d, field) for d in docs})
        for part in parts:
            members = [d for d in docs if getattr(d, field) == part.group]
            assert part.n == len(members)
            assert part.values == metric.score(_direct_stats(metric, members, Paragraphs()))
    rows = [r for r in result.documents if r.metric == score.metric]
    assert [r.doc_id for r in rows] == [d.id for d in docs]
    for row, doc in zip(rows, docs):
        alone = _direct_stats(metric, [doc], Paragraphs())
        assert row.stats == tuple(alone[0]) and row.values == metric.score(alone)


def test_scores_carry_intervals_and_signatures_from_the_seed() -> None:
    docs = make_documents(15)
    one = evaluate(Paragraphs(), documents=docs, resamples=200, seed=7, cache=False)
    again = evaluate(Paragraphs(), documents=docs, resamples=200, seed=7, cache=False)
    other = evaluate(Paragraphs(), documents=docs, resamples=200, seed=8, cache=False)
    lcs = one.score("lcs")
    assert lcs.ci["f1"].low <= lcs.value <= lcs.ci["f1"].high
    assert lcs.ci == again.score("lcs").ci and lcs.ci != other.score("lcs").ci
    assert lcs.signature.startswith("lcs|view:body|data:custom@unversioned#sha:")
    assert "|ext:test-paragraphs=1.0|bs:200|seed:7|" in lcs.signature


def test_tasks_views_and_metrics_follow_what_the_extractor_produces() -> None:
    docs = make_documents(6)
    boilerplate_only = evaluate(Paragraphs(), tasks="boilerplate", documents=docs, resamples=10,
                                cache=False)
    assert boilerplate_only.tasks == ("boilerplate",)
    assert [s.name for s in boilerplate_only.scores] == ["aeb", "lcs"]  # no segments produced
    segmented = evaluate(Segmenter(), documents=docs, view="article", resamples=10, cache=False)
    assert [s.metric for s in segmented.scores] == [
        "aeb(view=article)", "lcs(view=article)", "segments(view=article)"]
    with pytest.raises(ValueError, match="test-segmenter does not do quotes"):
        evaluate(Segmenter(), tasks=["quotes"], documents=docs)
    with pytest.raises(ValueError, match="unknown view 'lead'"):
        evaluate(Segmenter(), documents=docs, view="lead")
    custom = evaluate(Paragraphs(), documents=docs, metrics=[EntityMetric(labels="conll")],
                      resamples=10, cache=False)
    assert [s.metric for s in custom.scores] == ["entities(mode=strict,labels=conll)"]


def test_results_round_trip_through_json(tmp_path) -> None:
    docs = make_documents(8)
    result = evaluate(Nothing(), documents=docs, resamples=30, cache=False,
                      command_line="newsgold eval test")
    back = EvalResult.from_dict(json.loads(json.dumps(result.to_dict())))
    assert back == replace(result, pages=tuple(replace(p, prediction=None)
                                               for p in result.pages))
    with_predictions = EvalResult.from_dict(json.loads(result.to_json(predictions=True)))
    assert with_predictions == result
    save_result(result, tmp_path / "run.json", predictions=True)
    assert load_result(tmp_path / "run.json") == result
    run = result.to_dict()["run"]
    assert run["command_line"] == "newsgold eval test"
    assert run["packages"]["numpy"] == np.__version__ and run["python"].startswith("CPython")
    frame = result.to_frame()
    assert len(frame) == sum(len(s.values) for s in result.scores)
    assert set(result.to_frame("documents")["doc_id"]) == {d.id for d in docs}
    assert list(result.to_frame("pages")["status"]) == ["ok"] * len(docs)
    with pytest.raises(ValueError, match="not a newsgold evaluation record"):
        EvalResult.from_dict({"kind": "something else"})


def test_the_metric_set_names_every_metric_and_rebuilds_it() -> None:
    from newsgold.extractors.registry import import_target
    from newsgold.harness.metric_set import METRIC_CLASSES, build_metric, default_metrics, \
        metric_id
    from newsgold.metrics import METRICS

    assert {n: import_target(t) for n, t in METRIC_CLASSES.items()} == METRICS
    for metric in default_metrics(["boilerplate", "entities", "quotes"], view="article"):
        assert build_metric(metric.name, metric.params()) == metric
        assert metric_id(metric).startswith(f"{metric.name}(")
    with pytest.raises(KeyError, match="unknown metric 'bleu'"):
        build_metric("bleu", {})


def test_a_metric_failing_in_a_batch_names_the_document() -> None:
    from newsgold.extractors.base import Prediction
    from newsgold.harness.runner import OK, PageOutcome
    from newsgold.harness.scoring import doc_stats_table
    from newsgold.metrics import SegmentMetric
    from newsgold.schema import Segment

    docs = make_documents(4)
    outcomes = [PageOutcome(d.id, OK, Prediction(d.id, segments=d.segments)) for d in docs]
    outside = len(docs[2].text) + 5
    outcomes[2] = PageOutcome(docs[2].id, OK, Prediction(
        docs[2].id, segments=(Segment(0, outside, "body"),)))
    with pytest.raises(RuntimeError, match=rf"segments.* failed on document {docs[2].id}: "
                                           r"ValueError: .* lies outside the text"):
        doc_stats_table(SegmentMetric(), docs, outcomes)
    table = doc_stats_table(SegmentMetric(), docs[:2], outcomes[:2])
    assert table.doc_ids == (docs[0].id, docs[1].id) and table.matrix.shape[0] == 2
