"""The fast batch paths (numba kernels, vectorised matching) give the reference's numbers exactly.

Every metric's ``doc_stats`` is its reference definition, one document at a time in plain Python;
``doc_stats_many`` scores a batch through ``batch_stats``. These tests compare the two on messy
random pages (several scripts, combining marks, odd whitespace, quote marks, overlapping and
unsorted predicted segments, duplicated quotes), on long token sequences, on the kernel's
fallbacks and on every page of the bundled corpus.
"""

from __future__ import annotations

import random
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from metrics.builders import doc
from rapidfuzz.distance import LCSseq
from scipy.optimize import linear_sum_assignment

from newsgold.corpus import load_documents
from newsgold.extractors.base import Prediction
from newsgold.metrics import (
    AEBMetric, EntityMetric, LCSMetric, QuoteMetric, SegmentMetric, clear_caches, codepoints,
    doc_stats_many, text_kernel,
)
from newsgold.metrics.matching import _solve
from newsgold.schema import QUOTE_KINDS, SEGMENT_KINDS, Document, Entity, Quote, Segment, Span

METRICS = [AEBMetric(), AEBMetric(view="article"), LCSMetric(), LCSMetric(view="article"),
           SegmentMetric(), SegmentMetric(view="article"), EntityMetric(),
           EntityMetric(mode="partial", labels="conll"), QuoteMetric(), QuoteMetric(threshold=0.9)]
#: Characters of many kinds: letters of several scripts, a combining mark (not ``\w``), digits,
#: underscore, quotation marks, punctuation the quote metric strips, and unusual whitespace.
ALPHABET = "abAB é\u0301字한ـ٣_“”‘’«»\"',;:.!\u00a0\u2028\t\n"
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_batch_equals_reference(pairs: list[tuple[Document, Prediction]], metrics=METRICS):
    for metric in metrics:
        clear_caches()
        batch = doc_stats_many(metric, pairs)
        reference = [metric.doc_stats(g, p) for g, p in pairs]
        for k, (a, b) in enumerate(zip(batch, reference)):
            assert (a is None and b is None) or np.array_equal(a, b), (metric, pairs[k])


@st.composite
def spans(draw, n: int, max_size: int) -> list[tuple[int, int]]:
    """Arbitrary spans of a text of length ``n``: empty, overlapping, nested, unsorted."""
    bounds = st.integers(0, n)
    return [tuple(sorted(pair)) for pair in draw(st.lists(st.tuples(bounds, bounds),
                                                          max_size=max_size))]


@st.composite
def messy_pairs(draw) -> tuple[Document, Prediction]:
    text = draw(st.text(ALPHABET, max_size=60))
    n = len(text)
    cuts = sorted(set(draw(st.lists(st.integers(1, max(1, n - 1)), max_size=5)))) if n > 1 else []
    runs = list(zip([0, *cuts], [*cuts, n])) if n else []
    gold_segments = tuple(Segment(a, b, draw(st.sampled_from(SEGMENT_KINDS))) for a, b in runs)
    kinds = st.sampled_from(SEGMENT_KINDS)
    pred_segments = tuple(Segment(a, b, draw(kinds)) for a, b in draw(spans(n, 6)))
    names = st.sampled_from([None, "", "Ana Ruiz", "ana  ruiz.", "ANA_RUIZ", "İlkay", "字"])

    def quotes(kind_choices) -> list[Quote]:
        out = []
        for k, (a, b) in enumerate(draw(spans(n, 5))):
            speaker = draw(st.one_of(st.none(), spans(n, 1).filter(bool)))
            out.append(Quote(a, b, draw(kind_choices), str(k),
                             Span(*speaker[0]) if speaker else None, draw(names)))
        if out and draw(st.booleans()):
            out.append(out[0])  # a duplicated prediction: a star in the matching
        return out

    gold_quotes = tuple(quotes(st.sampled_from(QUOTE_KINDS)))
    pred_quotes = tuple(quotes(st.sampled_from([*QUOTE_KINDS, "paraphrase"])))
    labels = st.sampled_from(["PERSON", "ORG", "GPE", "PER", "MISC"])
    gold_entities = tuple(Entity(a, b, draw(st.sampled_from(["PERSON", "ORG", "GPE"])))
                          for a, b in draw(spans(n, 4)) if a < b)
    pred_entities = tuple(Entity(a, b, draw(labels)) for a, b in draw(spans(n, 5)))
    gold = doc(text, segments=gold_segments, entities=gold_entities, quotes=gold_quotes)
    main_text = draw(st.one_of(st.none(), st.text(ALPHABET, max_size=60)))

    def maybe(layer):  # None: the extractor does not do the task, or crashed on the page
        return draw(st.sampled_from([layer, layer, None]))

    return gold, Prediction("doc", main_text=main_text, segments=maybe(pred_segments),
                            entities=maybe(pred_entities), quotes=maybe(pred_quotes))


@SETTINGS
@given(st.lists(messy_pairs(), min_size=1, max_size=6))
def test_batch_equals_reference_on_messy_pages(pairs) -> None:
    assert_batch_equals_reference(pairs)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from("abcd"), max_size=300), min_size=2, max_size=2),
       st.sampled_from([" ", "  ", "\n"]))
def test_long_texts_match_rapidfuzz_and_the_reference(words, separator) -> None:
    gold_text, pred_text = (separator.join(w) for w in words)
    gold = doc(gold_text)
    pred = Prediction("doc", main_text=pred_text)
    assert_batch_equals_reference([(gold, pred)], [AEBMetric(), LCSMetric()])
    lcs = LCSMetric().batch_stats([(gold, pred)])[0][0]
    assert lcs == LCSseq.similarity(gold_text.split(), pred_text.split())


def test_character_tables_agree_with_str_methods() -> None:
    every = [chr(c) for c in range(0x110000)]
    assert np.array_equal(codepoints.word_table(), [c.isalnum() or c == "_" for c in every])
    assert np.array_equal(codepoints.space_table(), [c.isspace() for c in every])


def test_more_distinct_tokens_than_shingle_keys_hold_uses_the_reference() -> None:
    gold_text = " ".join(f"w{k}" for k in range(70_000))
    pred_text = " ".join(f"w{k}" for k in range(0, 70_000, 3))
    pair = (doc(gold_text), Prediction("doc", main_text=pred_text))
    columns, fallback = text_kernel.text_stats(*_kernel_input(pair))
    assert fallback.tolist() == [True]
    assert_batch_equals_reference([pair], [AEBMetric(), LCSMetric()])


def test_a_hash_collision_between_different_tokens_is_detected() -> None:
    cps = np.array([ord(c) for c in "ab ab cd"], dtype=np.uint32)
    starts, ends = np.array([0, 3, 6]), np.array([2, 5, 8])
    ids = np.empty(3, dtype=np.int64)
    slots = np.empty(16, dtype=np.int64)

    def dense(hashes):
        return text_kernel._dense_ids(cps, starts, ends, np.array(hashes, dtype=np.uint64), 3,
                                      ids, slots, np.full(16, -1, dtype=np.int64), 0)

    assert dense([7, 7, 9]) == 2 and ids.tolist() == [0, 0, 1]
    assert dense([7, 7, 7]) == -1  # "cd" has the hash of "ab": flagged, never merged


def _kernel_input(pair):
    gold, pred = pair
    cps, base = codepoints.encode([gold.text, pred.main_text])
    return (cps, codepoints.word_table(), np.array([0, base[1]]), np.array([base[1], base[2]]),
            np.array([0, 1, 2]))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([1.0, 2.0, 2.5, 3.0]), min_size=2, max_size=6), st.booleans())
def test_a_star_is_solved_as_linear_sum_assignment_solves_it(weights, one_gold) -> None:
    # One gold item and several predictions (or the reverse), with ties: the star rule picks the
    # pair scipy's solver picks, so results are those of solving every group with it.
    pairs = [(0, j) for j in range(len(weights))] if one_gold \
        else [(i, 0) for i in range(len(weights))]
    levels = {pair: (w,) for pair, w in zip(pairs, weights)}
    ranks = list(range(len(weights)))
    matrix = np.array([weights]) if one_gold else np.array([weights]).T
    rows, cols = linear_sum_assignment(matrix, maximize=True)
    assert _solve(pairs, levels, ranks, ranks) == [(int(rows[0]), int(cols[0]))]


def test_batch_equals_reference_on_every_corpus_page(repo) -> None:
    documents = load_documents(path=repo / "corpus")
    rnd = random.Random(0)
    pairs = [(gold, _perturbed(gold, rnd)) for gold in documents]
    assert len(pairs) >= 150
    assert_batch_equals_reference(pairs)


def _perturbed(gold: Document, rnd: random.Random) -> Prediction:
    """A plausible wrong prediction: shifted, relabelled, dropped and duplicated items."""
    def nudge(item):
        end = min(len(gold.text), max(item.start, item.end + rnd.choice([-2, 0, 0, 1])))
        return replace(item, end=end)

    entities = [nudge(e) if rnd.random() < 0.3 else e for e in gold.entities if rnd.random() < 0.9]
    quotes = [nudge(q) if rnd.random() < 0.3 else replace(q, speaker=None, speaker_name="Somebody")
              if rnd.random() < 0.2 else q for q in gold.quotes]
    quotes += quotes[:2]
    kinds = [s.kind if rnd.random() < 0.8 else rnd.choice(SEGMENT_KINDS) for s in gold.segments]
    segments = [replace(s, kind=k) for s, k in zip(gold.segments, kinds)]
    main_text = gold.content_text("article") if rnd.random() < 0.5 else None
    return Prediction(gold.id, main_text=main_text, segments=tuple(segments),
                      entities=tuple(entities), quotes=tuple(quotes))


@pytest.fixture(autouse=True)
def _fresh_caches():
    yield
    clear_caches()
