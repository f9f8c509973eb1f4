"""Per-span outcomes, the word diff and the mark renderer, without a browser."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from newsgold.corpus import load_documents
from newsgold.extractors.base import Prediction
from newsgold.metrics import EntityMetric, LCSMetric, QuoteMetric
from newsgold.metrics.boilerplate import lcs_length
from newsgold.schema import Entity, Span
from newsgold.view.marks import Elision, Region, render_regions
from newsgold.view.outcomes import entity_outcomes, quote_outcomes, text_outcomes
from newsgold.view.worddiff import DROPPED, EXTRA, KEPT, lcs_pairs, word_diff

from view.support import Combo

words = st.lists(st.sampled_from("abcde"), max_size=40)


@settings(max_examples=300, deadline=None)
@given(words, words)
def test_word_alignment_is_a_longest_common_subsequence(a: list[str], b: list[str]):
    pairs = lcs_pairs(a, b)
    assert len(pairs) == lcs_length(a, b)
    assert all(a[i] == b[j] for i, j in pairs)
    assert all(x[0] < y[0] and x[1] < y[1] for x, y in zip(pairs, pairs[1:]))


def test_word_diff_merges_both_texts_in_reading_order():
    diff = word_diff("The bridge, closed since May, will go.", "Menu The bridge will go. Share")
    assert (diff.kept, diff.extra, diff.dropped) == (4, 2, 3)
    merged = [(op, (diff.pred_text if op == EXTRA else diff.gold_text)[slice(
        *(diff.pred if op == EXTRA else diff.gold)[i])]) for op, i in diff.ops()]
    assert merged == [(EXTRA, "Menu"), (KEPT, "The"), (KEPT, "bridge"), (DROPPED, "closed"),
                      (DROPPED, "since"), (DROPPED, "May"), (KEPT, "will"), (KEPT, "go"),
                      (EXTRA, "Share")]


@pytest.fixture(scope="module")
def documents(small_corpus: Path):
    return load_documents(path=small_corpus)


@pytest.mark.parametrize("mode", ["strict", "exact", "partial", "type"])
@pytest.mark.parametrize("labels", ["ontonotes", "conll"])
def test_entity_outcomes_add_up_to_the_metric_counts(documents, mode: str, labels: str):
    metric = EntityMetric(mode=mode, labels=labels)
    seen = set()
    for doc in documents:
        pred = Combo().extract(_page(doc))
        found = entity_outcomes(metric, doc, pred)  # raises OutcomeMismatch on any difference
        stats = dict(zip(metric.stat_names, metric.doc_stats(doc, pred)))
        assert len(found.of("gold", "miss")) == stats["mis"]
        assert len(found.of("pred", "spurious")) == stats["spu"]
        wrong = [s for s in found.of("gold") if s.outcome.startswith("wrong")]
        assert len(wrong) == stats["inc"] + stats["par"]
        seen |= {s.outcome for s in found.spans}
    assert {"match", "miss", "spurious", "ignored"} <= seen


def _page(doc):
    from newsgold.extractors.base import Page

    return Page(doc.id, doc.url, doc.language, doc.text, doc.html)


def test_entity_outcomes_name_each_kind_of_error(documents):
    doc = next(d for d in documents if len(d.entities) > 3)
    first, second, third = doc.entities[:3]
    other = "ORG" if first.label != "ORG" else "PERSON"
    pred = Prediction(doc.id, entities=(
        Entity(first.start, first.end, other),                    # wrong label
        Entity(second.start, second.end - 1, second.label),       # wrong boundaries
        *doc.entities[3:],                                        # right
    ))                                                            # third: missed
    found = entity_outcomes(EntityMetric(), doc, pred)
    by_gold = {s.index: s.outcome for s in found.of("gold")}
    assert (by_gold[0], by_gold[1], by_gold[2]) == ("wrong-label", "wrong-bounds", "miss")
    assert {by_gold[i] for i in range(3, len(doc.entities))} == {"match"}
    assert found.counts["cor"] == len(doc.entities) - 3
    assert third.label  # the missed entity is a real gold span
    partial = entity_outcomes(EntityMetric(mode="partial"), doc, pred)
    assert {s.index: s.outcome for s in partial.of("gold")}[0] == "match"


def test_quote_outcomes_mark_a_wrong_speaker(documents):
    doc = next(d for d in documents if any(q.speaker for q in d.quotes))
    perfect = Prediction(doc.id, quotes=doc.quotes)
    assert {s.outcome for s in quote_outcomes(QuoteMetric(), doc, perfect).spans} == {"match"}
    k = next(i for i, q in enumerate(doc.quotes) if q.speaker)
    wrong = replace(doc.quotes[k], speaker=Span(0, 1), speaker_name="Somebody Else")
    pred = Prediction(doc.id, quotes=doc.quotes[:k] + (wrong,) + doc.quotes[k + 1:])
    found = quote_outcomes(QuoteMetric(), doc, pred)
    assert [s.index for s in found.of("gold", "wrong-speaker")] == [k]
    assert found.counts["wrong_speaker"] == 1 and found.counts["e2e"] == len(doc.quotes) - 1
    empty = quote_outcomes(QuoteMetric(), doc, Prediction(doc.id, quotes=()))
    assert len(empty.of("gold", "miss")) == len(doc.quotes)


def test_text_outcomes_place_span_predictions_on_the_page(documents):
    doc = documents[0]
    pred = Combo().extract(_page(doc))
    found = text_outcomes(LCSMetric(), doc, pred)
    assert found.gold_on_page is not None and found.pred_on_page is not None
    assert [doc.text[s:e] for s, e in found.pred_on_page] \
        == [found.diff.pred_text[s:e] for s, e in found.diff.pred]
    plain = text_outcomes(LCSMetric(), doc, Prediction(doc.id, main_text="zzqx qqzv vvxz xxqv"))
    assert plain.pred_on_page is None and plain.counts["extra"] == 4


class _Tree(HTMLParser):
    """Checks that tags nest and collects the text and the first parts of regions."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text: list[str] = []
        self.first: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        attrs = dict(attrs)
        if "data-first" in attrs:
            self.first.append(attrs.get("data-name", ""))

    def handle_endtag(self, tag):
        assert self.stack.pop() == tag

    def handle_data(self, data):
        self.text.append(data)


def test_crossing_regions_nest_and_count_once():
    text = "Alpha beta <gamma> & delta epsilon"
    regions = [Region(0, 17, "span", {"data-name": "a"}),
               Region(6, 27, "mark", {"data-name": "b"}),
               Region(6, 10, "i", {"data-name": "c"}, rank=1),
               Region(20, 34, "b", {"data-name": "d"})]
    tree = _Tree()
    tree.feed(str(render_regions(text, regions)))
    assert tree.stack == []
    assert "".join(tree.text) == text
    assert sorted(tree.first) == ["a", "b", "c", "d"]


def test_elided_text_is_replaced_by_its_placeholder():
    from markupsafe import Markup

    text = "keep\n\nhide one\n\nhide two\n\nkeep too"
    html = str(render_regions(text, [Region(0, 4, "b")],
                              [Elision(6, 24, Markup("<em>hidden</em>"))]))
    assert "hide" not in html and "<em>hidden</em>" in html and "keep too" in html
