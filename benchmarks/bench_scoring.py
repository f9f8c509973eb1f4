"""Print the time to score synthetic documents with every metric, and entity scoring vs nervaluate.

Each document is a small news page (navigation, title, body paragraphs, share links) with gold
segments, entities and quotes; its prediction perturbs every layer (dropped, shifted, relabelled,
duplicated and spurious items, a wrong speaker, noisy main text). Timings are single-process
CPU seconds (``time.process_time``, robust to other load on the machine), best of ``--repeats``
cold runs (every cache cleared), of ``doc_stats_many`` over all documents plus one ``score`` of the
stacked matrix:

* each metric alone, through its batch path (vectorised and compiled kernels), and through the
  reference path (one ``doc_stats`` call per document) that the parity tests compare it with;
* all five metrics of the three tasks in one pass, as ``newsgold eval`` scores a run: the metrics
  share the batch's preparation (page code points, tokens), so the pass costs less than the sum.

The first batch call of a process also loads the compiled kernels from numba's cache (compiling
them once per installation) and builds the character tables; that one-off cost is printed apart.
A reference figure (``sum(range(1000))``) is printed so that timings from different machines can
be compared.

Usage: python benchmarks/bench_scoring.py [--docs 10000] [--words 120] [--seed 0] [--repeats 3]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import time
import timeit
from dataclasses import replace

import numpy as np
from newsgold.extractors.base import Prediction
from newsgold.metrics import (
    AEBMetric,
    EntityMetric,
    LCSMetric,
    QuoteMetric,
    SegmentMetric,
    clear_caches,
    doc_stats_many,
    stats_matrix,
)
from newsgold.metrics.entities import MODES
from newsgold.schema import ENTITY_LABELS, LAYERS, Document, Entity, Quote, Segment, Span


def synthetic_pair(rnd: random.Random, vocabulary: list[str], words: int, i: int):
    """A gold document and a perturbed prediction."""
    blocks = [("navigation", 5), ("title", 8)] + [("body", words // 4)] * 4 + [("share", 3)]
    text, segments, tokens = "", [], []
    for kind, n in blocks:
        if text:
            text += "\n\n"
        start = len(text)
        for k in range(n):
            word = rnd.choice(vocabulary)
            if k:
                text += " "
            tokens.append((len(text), len(text) + len(word), kind))
            text += word
        segments.append(Segment(start, len(text), kind))
    content = [t for t in tokens if t[2] != "navigation" and t[2] != "share"]
    entities, used = [], set()
    for _ in range(words // 12):
        k = rnd.randrange(len(content) - 3)
        n = rnd.randint(1, 3)
        if used.isdisjoint(range(k, k + n)) and len({t[2] for t in content[k:k + n]}) == 1:
            used.update(range(k, k + n))
            entities.append(Entity(content[k][0], content[k + n - 1][1], rnd.choice(ENTITY_LABELS)))
    body = [t for t in tokens if t[2] == "body"]
    quotes = []
    for q in range(3):
        k = rnd.randrange(0, len(body) - 20)
        speaker = Span(body[k][0], body[k][1])
        name = text[speaker.start:speaker.end]
        quotes.append(Quote(body[k + 2][0], body[k + 2 + rnd.randint(4, 15)][1],
                            rnd.choice(("direct", "mixed", "indirect")), str(q), speaker, name))
    gold = Document(id=f"doc-{i}", url="u", site="s", layout="l", language="en", published=None,
                    title="t", source="original", license="x", topic=None, text=text,
                    segments=tuple(segments), entities=tuple(sorted(entities)),
                    quotes=tuple(sorted(quotes)), annotated=frozenset(LAYERS))
    return gold, perturbed(rnd, gold, tokens)


def perturbed(rnd: random.Random, gold: Document, tokens) -> Prediction:
    entities = []
    for e in gold.entities:
        r = rnd.random()
        if r < 0.6:
            entities.append(e)
        elif r < 0.75:
            entities.append(replace(e, label=rnd.choice(ENTITY_LABELS)))
        elif r < 0.85:
            entities.append(replace(e, end=e.end + 1))
    entities += [Entity(tokens[1][0], tokens[1][1], "ORG"),  # in the navigation: ignored
                 Entity(tokens[9][0], tokens[9][1], "PERSON")]
    quotes = []
    for q in gold.quotes:
        r = rnd.random()
        if r < 0.4:
            quotes.append(q)
        elif r < 0.6:
            quotes.append(replace(q, speaker=None, speaker_name="Somebody Else"))
        elif r < 0.8:
            quotes += [q, q]
        else:
            quotes.append(replace(q, end=q.end - 3))
    kinds = [s.kind if rnd.random() < 0.8 else "related" for s in gold.segments]
    segments = tuple(replace(s, kind=k) for s, k in zip(gold.segments, kinds))
    paragraphs = [gold.text[s.start:s.end] for s, k in zip(gold.segments, kinds) if k == "body"]
    return Prediction(gold.id, main_text="\n\n".join(paragraphs + ["Read more"]),
                      segments=segments, entities=tuple(entities), quotes=tuple(quotes))


def best_of(repeats: int, run) -> tuple[float, object]:
    """The smallest CPU time of ``repeats`` cold runs (the usual guard against a busy machine)."""
    times = []
    for _ in range(repeats):
        clear_caches()
        start = time.process_time()
        result = run()
        times.append(time.process_time() - start)
    return min(times), result


def timed_metric(metric, pairs, repeats: int) -> tuple[float, dict]:
    return best_of(repeats, lambda: metric.score(stats_matrix(metric,
                                                              doc_stats_many(metric, pairs))))


def reference_seconds(metric, pairs) -> float:
    """One cold run of the reference path: ``doc_stats`` document by document."""
    return best_of(1, lambda: metric.score(stats_matrix(
        metric, [metric.doc_stats(g, p) for g, p in pairs])))[0]


def nervaluate_seconds(pairs, repeats: int) -> float:
    from nervaluate import Evaluator

    def dicts(layer):
        return [{"label": e.label, "start": e.start, "end": e.end - 1} for e in layer]

    true = [dicts(g.entities) for g, _ in pairs]
    pred = [dicts(p.entities) for _, p in pairs]
    return best_of(repeats, lambda: Evaluator(true, pred, tags=list(ENTITY_LABELS),
                                              loader="dict").evaluate())[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=10000)
    parser.add_argument("--words", type=int, default=120, help="body words per document")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeats", type=int, default=3, help="best of this many runs")
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = ["".join(rnd.choice(letters) for _ in range(rnd.randint(2, 9))) for _ in range(3000)]
    vocabulary = [w.capitalize() if rnd.random() < 0.2 else w for w in words]
    pairs = [synthetic_pair(rnd, vocabulary, args.words, i) for i in range(args.docs)]
    n_chars = np.mean([len(g.text) for g, _ in pairs])
    print(f"{args.docs} synthetic documents, {n_chars:.0f} characters, "
          f"{np.mean([len(g.entities) for g, _ in pairs]):.1f} entities and 3 quotes each; "
          f"Python {platform.python_version()}, numpy {np.__version__}, "
          f"{os.cpu_count()} cores; one process; CPU seconds, best of {args.repeats}; "
          f"reference sum(range(1000)) = "
          f"{min(timeit.repeat('sum(range(1000))', number=2000, repeat=5)) / 2000 * 1e6:.1f} µs")
    tasks = {
        "boilerplate": [AEBMetric(), LCSMetric(), SegmentMetric()],
        "entities": [EntityMetric(mode="strict")],
        "quotes": [QuoteMetric()],
    }
    metrics = [metric for group in tasks.values() for metric in group]
    start = time.process_time()
    for metric in metrics:
        doc_stats_many(metric, pairs[:2])
    print(f"first batch call in this process (compiled kernels, character tables): "
          f"{time.process_time() - start:.2f} s, once")
    print(f"{'task':12s} {'metric':48s} {'batch':>7s} {'reference':>10s}")
    for task, group in tasks.items():
        for metric in group:
            seconds, scores = timed_metric(metric, pairs, args.repeats)
            reference = reference_seconds(metric, pairs)
            print(f"  {task:10s} {metric!r:48s} {seconds:6.2f} s {reference:8.2f} s"
                  f"  {metric.primary}={scores[metric.primary]:.3f}")
    together = best_of(args.repeats, lambda: [metric.score(stats_matrix(
        metric, doc_stats_many(metric, pairs))) for metric in metrics])[0]
    print(f"all three tasks, five metrics in one pass: {together:.2f} s "
          f"({together / args.docs * 1e6:.0f} µs per document)")

    modes = [EntityMetric(mode=mode) for mode in MODES]
    separately = sum(timed_metric(metric, pairs, args.repeats)[0] for metric in modes)
    together = best_of(args.repeats, lambda: [metric.score(stats_matrix(
        metric, doc_stats_many(metric, pairs))) for metric in modes])[0]
    theirs = nervaluate_seconds(pairs, args.repeats)
    print("entities, all four modes with per-type counts, same spans:")
    print(f"  nervaluate 1.2 (greedy, one Evaluator)       {theirs:6.2f} s")
    print(f"  newsgold (optimal), four metrics one batch   {together:6.2f} s   "
          f"nervaluate / newsgold = {theirs / together:.1f}x")
    print(f"  newsgold, each mode cold (no shared work)    {separately:6.2f} s   "
          f"nervaluate / newsgold = {theirs / separately:.1f}x")


if __name__ == "__main__":
    main()
