"""Properties every metric must have, on random documents and predictions (hypothesis)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from metrics.builders import doc
from newsgold.extractors.base import Prediction
from newsgold.metrics import (
    AEBMetric, EntityMetric, LCSMetric, QuoteMetric, SegmentMetric, doc_stats_many, stats_matrix,
)
from newsgold.metrics.entities import MODES
from newsgold.schema import (
    ENTITY_LABELS, QUOTE_KINDS, SEGMENT_KINDS, Document, Entity, Quote, Segment, Span,
)

WORDS = ["Ana", "Ruiz", "said", "the", "bridge", "“", "”", ",", "Madrid", "opened", "é", "x"]
METRICS = [AEBMetric(), AEBMetric(view="article"), LCSMetric(), SegmentMetric(),
           *(EntityMetric(mode=m) for m in MODES), EntityMetric(labels="conll"),
           QuoteMetric(), QuoteMetric(threshold=0.9)]
#: Metrics whose statistics are additive counts over documents (AEB and LCS are not: shingles and
#: subsequences can run across the seam of two concatenated texts).
ADDITIVE = [m for m in METRICS if m.name in ("segments", "entities", "quotes")]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def token_spans(draw, bounds: list[tuple[int, int]], max_size: int = 5) -> list[Span]:
    """Random spans from token i's start to token j's end."""
    n = len(bounds)
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, 3)), max_size=max_size))
    return [Span(bounds[i][0], bounds[min(n - 1, i + k)][1]) for i, k in pairs]


@st.composite
def layers(draw, bounds: list[tuple[int, int]]) -> dict:
    """Segments (a partition into token runs), entities and quotes over a token layout."""
    n = len(bounds)
    cuts = sorted(set(draw(st.lists(st.integers(1, n - 1), max_size=4)))) if n > 1 else []
    runs = list(zip([0, *cuts], [*cuts, n]))
    kinds = draw(st.lists(st.sampled_from(SEGMENT_KINDS), min_size=len(runs), max_size=len(runs)))
    segments = [Segment(bounds[a][0], bounds[b - 1][1], k) for (a, b), k in zip(runs, kinds)]
    entities = [Entity(s.start, s.end, draw(st.sampled_from(ENTITY_LABELS)))
                for s in draw(token_spans(bounds))]
    quotes = []
    for k, s in enumerate(draw(token_spans(bounds, max_size=4))):
        speaker = draw(st.one_of(st.none(), token_spans(bounds, max_size=1).filter(bool)))
        name = draw(st.sampled_from([None, "Ana Ruiz", "ana  ruiz.", "Madrid"]))
        quotes.append(Quote(s.start, s.end, draw(st.sampled_from(QUOTE_KINDS)), str(k),
                            speaker[0] if speaker else None, name))
    return {"segments": segments, "entities": entities, "quotes": quotes}


@st.composite
def documents(draw, doc_id: str = "doc") -> tuple[Document, Prediction]:
    """A gold document and a random prediction over the same text."""
    tokens = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25))
    text, bounds = "", []
    for token in tokens:
        text += " " if text else ""
        bounds.append((len(text), len(text) + len(token)))
        text += token
    gold_layers, pred_layers = draw(layers(bounds)), draw(layers(bounds))
    # Gold entities lie in content (the validator's rule; predictions in boilerplate are ignored).
    content = [s for s in gold_layers["segments"] if s.is_content]
    gold_layers["entities"] = [e for e in gold_layers["entities"]
                               if any(e.span.overlaps(s.span) for s in content)]
    gold = doc(text, doc_id=doc_id, **{k: tuple(sorted(v)) for k, v in gold_layers.items()})
    main_text = draw(st.one_of(st.none(), st.lists(st.sampled_from(WORDS)).map(" ".join)))
    return gold, Prediction(doc_id, main_text=main_text, **{k: tuple(v) for k, v in
                                                             pred_layers.items()})


def perfect(gold: Document) -> Prediction:
    return Prediction(gold.id, main_text=None, segments=gold.segments, entities=gold.entities,
                      quotes=gold.quotes)


def in_unit_interval(scores: dict) -> bool:
    return all(v is None or 0.0 <= v <= 1.0 for v in scores.values())


@SETTINGS
@given(documents())
def test_perfect_prediction_scores_one(pair) -> None:
    gold, _ = pair
    for metric in METRICS:
        scores = metric.score(metric.doc_stats(gold, perfect(gold))[None])
        defined = {k: v for k, v in scores.items() if v is not None}
        assert all(v == 1.0 for v in defined.values()), (metric, defined)
        if {"entities": gold.entities, "quotes": gold.quotes}.get(metric.name):
            assert scores[metric.primary] == 1.0


@SETTINGS
@given(st.lists(documents(), min_size=1, max_size=3))
def test_scores_lie_in_the_unit_interval(pairs) -> None:
    for metric in METRICS:
        stats = stats_matrix(metric, (metric.doc_stats(g, p) for g, p in pairs))
        assert stats.shape == (len(pairs), len(metric.stat_names))
        assert in_unit_interval(metric.score(stats)), metric


@SETTINGS
@given(documents(), st.randoms())
def test_span_order_does_not_matter(pair, rnd) -> None:
    gold, prediction = pair

    def shuffled(items):
        items = list(items)
        rnd.shuffle(items)
        return tuple(items)

    gold2 = replace(gold, entities=shuffled(gold.entities), quotes=shuffled(gold.quotes),
                    segments=shuffled(gold.segments))
    prediction2 = replace(prediction, entities=shuffled(prediction.entities),
                          quotes=shuffled(prediction.quotes),
                          segments=shuffled(prediction.segments))
    for metric in METRICS:
        assert np.array_equal(metric.doc_stats(gold, prediction),
                              metric.doc_stats(gold2, prediction2)), metric


@SETTINGS
@given(st.lists(documents(), min_size=2, max_size=4), st.randoms())
def test_document_order_does_not_matter(pairs, rnd) -> None:
    for metric in METRICS:
        stats = stats_matrix(metric, (metric.doc_stats(g, p) for g, p in pairs))
        order = list(range(len(pairs)))
        rnd.shuffle(order)
        a, b = metric.score(stats), metric.score(stats[order])
        assert a.keys() == b.keys()
        assert all((a[k] is None and b[k] is None) or np.isclose(a[k], b[k]) for k in a), metric


def _shift(item, offset: int):
    fields = {"start": item.start + offset, "end": item.end + offset}
    if isinstance(item, Quote) and item.speaker is not None:
        fields["speaker"] = Span(item.speaker.start + offset, item.speaker.end + offset)
    return replace(item, **fields)


def _concatenate(pairs) -> tuple[Document, Prediction]:
    text, layers_gold, layers_pred = "", {}, {}
    for gold, prediction in pairs:
        offset = len(text) + (2 if text else 0)
        text += ("\n\n" if text else "") + gold.text
        for name in ("segments", "entities", "quotes"):
            layers_gold.setdefault(name, []).extend(_shift(x, offset) for x in getattr(gold, name))
            layers_pred.setdefault(name, []).extend(_shift(x, offset)
                                                    for x in getattr(prediction, name))
    return (doc(text, **{k: tuple(v) for k, v in layers_gold.items()}),
            Prediction("doc", **{k: tuple(v) for k, v in layers_pred.items()}))


@SETTINGS
@given(st.lists(documents(), min_size=1, max_size=4))
def test_n_documents_together_equal_the_sum_of_their_stats(pairs) -> None:
    # Quote group ids must stay distinct across documents once concatenated.
    pairs = [(replace(g, quotes=tuple(replace(q, group=f"{i}-{q.group}") for q in g.quotes)), p)
             for i, (g, p) in enumerate(pairs)]
    together_gold, together_pred = _concatenate(pairs)
    for metric in ADDITIVE:
        rows = stats_matrix(metric, (metric.doc_stats(g, p) for g, p in pairs))
        together = metric.doc_stats(together_gold, together_pred)
        assert np.array_equal(rows.sum(axis=0), together), metric
        pooled, separate = metric.score(together[None]), metric.score(rows)
        assert all((pooled[k] is None and separate[k] is None) or
                   np.isclose(pooled[k], separate[k]) for k in pooled), metric


@SETTINGS
@given(st.lists(documents(), max_size=4),
       st.lists(st.sampled_from(["segments", "entities", "quotes"]), max_size=4))
def test_batch_stats_equal_one_document_at_a_time(pairs, unannotated) -> None:
    # Some documents lack a layer: their rows stay None, the others are unaffected.
    pairs = [(replace(g, annotated=g.annotated - {layer}) if k < len(unannotated) else g, p)
             for k, ((g, p), layer) in enumerate(zip(pairs, unannotated + [""] * len(pairs)))]
    for metric in METRICS:
        batch = doc_stats_many(metric, pairs)
        single = [metric.doc_stats(g, p) for g, p in pairs]
        assert len(batch) == len(single)
        assert all((a is None and b is None) or np.array_equal(a, b)
                   for a, b in zip(batch, single)), metric
