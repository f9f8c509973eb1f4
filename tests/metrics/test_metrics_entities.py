"""Entity metric: hand cases for each scheme and special case; parity with nervaluate, seqeval."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from metrics.builders import doc, ent, pred, seg
from newsgold.metrics import EntityMetric
from newsgold.metrics.entities import COUNTS, MODES
from newsgold.schema import Entity

NERVALUATE_MODE = {"strict": "strict", "exact": "exact", "partial": "partial", "type": "ent_type"}


def counts(metric: EntityMetric, stats: np.ndarray, label: str | None = None) -> dict[str, float]:
    row = dict(zip(metric.stat_names, np.atleast_2d(stats).sum(axis=0)))
    return {c: row[c if label is None else f"{c}:{label}"] for c in COUNTS}


def run(mode: str, gold: list[Entity], predicted: list[Entity], text: str = "x" * 40,
        labels: str = "ontonotes"):
    m = EntityMetric(mode=mode, labels=labels)
    stats = m.doc_stats(doc(text, entities=gold), pred(entities=tuple(predicted)))
    return m, stats, m.score(stats[None])


# --- hand cases -----------------------------------------------------------------------------------

@pytest.mark.parametrize("gold_order", [(0, 1), (1, 0)])
def test_optimal_matching_removes_nervaluates_order_dependence(gold_order) -> None:
    # ner-eval.md example 3 (inclusive 0..2, 3..4 there): greedy nervaluate gives strict F1 0.50
    # or 0.00 depending on the gold order; the optimal matching always finds COR=1, INC=1.
    gold = [Entity(0, 3, "PERSON"), Entity(3, 5, "PERSON")]
    gold = [gold[i] for i in gold_order]
    predicted = [Entity(2, 4, "PERSON"), Entity(3, 5, "PERSON")]
    m, stats, strict = run("strict", gold, predicted)
    assert counts(m, stats) == {"cor": 1, "inc": 1, "par": 0, "mis": 0, "spu": 0}
    assert strict["f1"] == 0.5
    assert run("partial", gold, predicted)[2]["f1"] == 0.75


def _bio_entities(tags: list[str]) -> list[Entity]:
    """Tokens are 'x ' (2 characters); a chunk of tokens [a, b) is characters [2a, 2b - 1)."""
    out, start, label = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        if start is not None and not tag.startswith("I-"):
            out.append(Entity(2 * start, 2 * i - 1, label))
            start = None
        if tag.startswith("B-"):
            start, label = i, tag[2:]
    return out


def test_nervaluate_readme_example() -> None:
    # ner-eval.md example 1 (two documents concatenated; tags PER ORG LOC DATE -> CoNLL labels).
    gold_tags = ["O", "B-PER", "I-PER", "O", "O", "O", "B-ORG", "I-ORG", "O",
                 "O", "B-LOC", "B-PER", "I-PER", "O", "O", "B-DATE"]
    pred_tags = ["O", "O", "B-PER", "I-PER", "O", "O", "B-ORG", "I-ORG", "O",
                 "O", "B-LOC", "I-LOC", "B-PER", "O", "O", "B-DATE"]
    text = "x " * len(gold_tags)
    # DATE is not a CoNLL type here; use MISC for it so that all five chunks are scored.
    gold = [Entity(e.start, e.end, "MISC" if e.label == "DATE" else e.label)
            for e in _bio_entities(gold_tags)]
    predicted = [Entity(e.start, e.end, "MISC" if e.label == "DATE" else e.label)
                 for e in _bio_entities(pred_tags)]
    expected = {"strict": (2, 3, 0, 0.4), "exact": (2, 3, 0, 0.4), "partial": (2, 0, 3, 0.7),
                "type": (5, 0, 0, 1.0)}
    for mode, (cor, inc, par, f1) in expected.items():
        m, stats, scores = run(mode, gold, predicted, text, labels="conll")
        assert counts(m, stats) == {"cor": cor, "inc": inc, "par": par, "mis": 0, "spu": 0}
        assert scores["f1"] == pytest.approx(f1)


@pytest.mark.parametrize("mode", MODES)
def test_touching_half_open_spans_do_not_overlap(mode: str) -> None:
    m, stats, scores = run(mode, [Entity(0, 5, "PERSON")], [Entity(5, 10, "PERSON")])
    assert counts(m, stats) == {"cor": 0, "inc": 0, "par": 0, "mis": 1, "spu": 1}
    assert scores["f1"] == 0.0


def test_duplicate_predictions_never_count_twice() -> None:
    m, stats, scores = run("strict", [Entity(0, 5, "ORG")], [Entity(0, 5, "ORG")] * 3)
    assert counts(m, stats) == {"cor": 1, "inc": 0, "par": 0, "mis": 0, "spu": 2}
    assert (scores["precision"], scores["recall"]) == (pytest.approx(1 / 3), 1.0)


def test_per_type_counts_rematch_each_type() -> None:
    m, stats, scores = run("strict", [Entity(0, 5, "LOC")], [Entity(0, 5, "ORG")])
    assert counts(m, stats) == {"cor": 0, "inc": 1, "par": 0, "mis": 0, "spu": 0}
    assert counts(m, stats, "LOC")["mis"] == 1 and counts(m, stats, "ORG")["spu"] == 1
    assert scores["f1:LOC"] == 0.0 and scores["precision:LOC"] is None
    assert scores["f1:PERSON"] is None  # a type absent from gold and predictions


def test_type_mode_prefers_correct_type_over_list_order() -> None:
    # Greedy nervaluate consumes the gold with the first (wrong-type) prediction.
    gold = [Entity(0, 10, "PERSON")]
    predicted = [Entity(0, 3, "ORG"), Entity(5, 10, "PERSON")]
    m, stats, _ = run("type", gold, predicted)
    assert counts(m, stats) == {"cor": 1, "inc": 0, "par": 0, "mis": 0, "spu": 1}


def test_conll_mapping_merges_location_types() -> None:
    gold, predicted = [Entity(0, 5, "GPE"), Entity(6, 9, "NORP")], [Entity(0, 5, "LOC"),
                                                                    Entity(6, 9, "MISC")]
    assert run("strict", gold, predicted, labels="conll")[2]["f1"] == 1.0
    m, stats, _ = run("strict", gold, predicted)
    # Under OntoNotes, MISC is no label at all and GPE vs LOC is a type error.
    assert counts(m, stats) == {"cor": 0, "inc": 1, "par": 0, "mis": 1, "spu": 0}
    assert dict(zip(m.stat_names, stats))["ignored_label"] == 1


def test_predictions_in_boilerplate_are_ignored_and_counted() -> None:
    text = "Home Madrid\n\nMayor Ana Ruiz opened the bridge."
    gold = doc(text, segments=(seg(text, "Home Madrid", "navigation"),
                               seg(text, "Mayor Ana Ruiz opened the bridge.", "body")),
               entities=(ent(text, "Ana Ruiz", "PERSON"),))
    m = EntityMetric()
    predicted = (ent(text, "Madrid", "GPE"), ent(text, "Ana Ruiz", "PERSON"),
                 ent(text, "bridge", "FAC"))
    row = dict(zip(m.stat_names, m.doc_stats(gold, pred(entities=predicted))))
    assert (row["cor"], row["spu"], row["ignored_in_boilerplate"]) == (1, 1, 1)
    # Without gold segments nothing can be called boilerplate.
    unsegmented = doc(text, segments=(), entities=gold.entities, layers=("entities",))
    row = dict(zip(m.stat_names, m.doc_stats(unsegmented, pred(entities=predicted))))
    assert (row["spu"], row["ignored_in_boilerplate"]) == (2, 0)


def test_empty_gold_and_empty_prediction() -> None:
    m = EntityMetric()
    stats = m.doc_stats(doc("nothing here"), pred(entities=()))
    assert not stats.any()
    scores = m.score(stats[None])
    assert scores["f1"] is None and scores["macro_f1"] is None
    only_pred = m.score(m.doc_stats(doc("Ana here"),
                                    pred(entities=(Entity(0, 3, "PERSON"),)))[None])
    assert (only_pred["precision"], only_pred["recall"], only_pred["f1"]) == (0.0, None, 0.0)
    assert m.doc_stats(doc("x", layers=("segments",)), pred(entities=())) is None


def test_macro_averages_types_present() -> None:
    gold = [Entity(0, 3, "PERSON"), Entity(4, 7, "ORG")]
    scores = run("strict", gold, [Entity(0, 3, "PERSON")])[2]
    assert scores["macro_f1"] == 0.5 and scores["macro_recall"] == 0.5
    assert scores["macro_precision"] == 1.0  # ORG has no prediction: its P is undefined
    assert scores["f1"] == pytest.approx(2 / 3)


def test_bad_arguments_and_labels_raise() -> None:
    with pytest.raises(ValueError, match="unknown entity mode"):
        EntityMetric(mode="lenient")
    with pytest.raises(ValueError, match="unknown label set"):
        EntityMetric(labels="wnut")
    with pytest.raises(ValueError, match=r"document doc: gold entity \[0, 3\) has label 'DATE'"):
        run("strict", [Entity(0, 3, "DATE")], [])


# --- parity with nervaluate 1.2 and seqeval -----------------------------------------------------

LABELS = ("PERSON", "ORG", "GPE")


@st.composite
def sorted_disjoint(draw, max_spans: int = 6) -> list[Entity]:
    """Sorted, non-overlapping token-aligned spans over 'x ' tokens (see _bio_entities)."""
    out, pos = [], 0
    for gap, length, label in draw(st.lists(st.tuples(st.integers(0, 3), st.integers(1, 3),
                                                      st.sampled_from(LABELS)),
                                            max_size=max_spans)):
        pos += gap
        out.append(Entity(2 * pos, 2 * (pos + length) - 1, label))
        pos += length
    return out


def _overlaps(a: Entity, b: Entity) -> bool:
    return a.start < b.end and b.start < a.end


def _unique_overlaps(gold: list[Entity], predicted: list[Entity]) -> bool:
    return all(sum(_overlaps(g, p) for p in predicted) <= 1 for g in gold) and \
        all(sum(_overlaps(g, p) for g in gold) <= 1 for p in predicted)


def _nervaluate(gold_docs, pred_docs) -> dict:
    from nervaluate import Evaluator

    def dicts(docs):  # nervaluate's dict loader takes INCLUSIVE ends
        return [[{"label": e.label, "start": e.start, "end": e.end - 1} for e in d] for d in docs]

    return Evaluator(dicts(gold_docs), dicts(pred_docs), tags=list(LABELS),
                     loader="dict").evaluate()


def _same(ours: float | None, theirs: float) -> bool:
    return theirs == pytest.approx(0.0 if ours is None else ours)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(sorted_disjoint(), sorted_disjoint()), min_size=1, max_size=3))
def test_parity_with_nervaluate(docs) -> None:
    gold_docs, pred_docs = [g for g, _ in docs], [p for _, p in docs]
    theirs = _nervaluate(gold_docs, pred_docs)
    for mode in MODES:
        if mode == "type":
            # nervaluate's ent_type consumes a gold with the first overlapping prediction of any
            # type, or the closest of several: greedy and optimal agree only on unique overlaps.
            assume(all(_unique_overlaps(g, p) for g, p in docs))
        m = EntityMetric(mode=mode)
        stats = np.stack([m.doc_stats(doc("x " * 40, entities=g), pred(entities=tuple(p)))
                          for g, p in docs])
        ours = m.score(stats)
        overall = theirs["overall"][NERVALUATE_MODE[mode]]
        assert counts(m, stats) == {"cor": overall.correct, "inc": overall.incorrect,
                                    "par": overall.partial, "mis": overall.missed,
                                    "spu": overall.spurious}
        assert _same(ours["precision"], overall.precision) and _same(ours["recall"],
                                                                      overall.recall)
        assert _same(ours["f1"], overall.f1)
        for label, by_mode in theirs["entities"].items():
            result = by_mode[NERVALUATE_MODE[mode]]
            assert counts(m, stats, label) == {"cor": result.correct, "inc": result.incorrect,
                                               "par": result.partial, "mis": result.missed,
                                               "spu": result.spurious}
            assert _same(ours[f"f1:{label}"], result.f1)


def _iob2(entities: list[Entity], n_tokens: int) -> list[str]:
    tags = ["O"] * n_tokens
    for e in entities:
        first, last = e.start // 2, (e.end + 1) // 2
        tags[first:last] = [f"B-{e.label}"] + [f"I-{e.label}"] * (last - first - 1)
    return tags


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(sorted_disjoint(), sorted_disjoint()), min_size=1, max_size=3))
def test_parity_with_seqeval_strict_iob2(docs) -> None:
    from seqeval.metrics import classification_report, f1_score
    from seqeval.scheme import IOB2

    assume(any(g or p for g, p in docs))
    n_tokens = 40
    y_true = [_iob2(g, n_tokens) for g, _ in docs]
    y_pred = [_iob2(p, n_tokens) for _, p in docs]
    m = EntityMetric(mode="strict")
    ours = m.score(np.stack([m.doc_stats(doc("x " * n_tokens, entities=g), pred(entities=tuple(p)))
                             for g, p in docs]))
    kwargs = {"mode": "strict", "scheme": IOB2, "zero_division": 0}
    assert f1_score(y_true, y_pred, **kwargs) == pytest.approx(ours["f1"])
    report = classification_report(y_true, y_pred, output_dict=True, **kwargs)
    for label in LABELS:
        if label in report and report[label]["support"] > 0:
            assert report[label]["f1-score"] == pytest.approx(ours[f"f1:{label}"])


def test_alignment_names_the_pairs_and_the_ignored_predictions() -> None:
    from newsgold.metrics.entities import EntityPair

    text = "Home News. Ana Ruiz met Acme Corp in Madrid."
    gold = doc(text, segments=(seg(text, "Home News.", "navigation"),
                               seg(text, "Ana Ruiz met Acme Corp in Madrid.", "body")),
               entities=(ent(text, "Ana Ruiz", "PERSON"), ent(text, "Acme Corp", "ORG")))
    predicted = (ent(text, "News", "ORG"), ent(text, "Acme", "ORG"), ent(text, "Ana Ruiz", "GPE"),
                 ent(text, "Madrid", "CITY"))
    aligned = EntityMetric(mode="strict").alignment(gold, pred(entities=predicted))
    assert aligned.pairs == (EntityPair(0, 2, False, True, False),
                             EntityPair(1, 1, False, False, True))
    assert aligned.ignored == {0: "lies in boilerplate",
                               3: "label CITY is outside the ontonotes label set"}
    assert EntityMetric(mode="partial").alignment(gold, pred(entities=predicted)).pairs[1] == \
        EntityPair(1, 1, False, False, True)
