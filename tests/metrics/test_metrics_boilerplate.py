"""Boilerplate metrics on small hand-made cases: AEB shingles, LCS F1, character-level segments."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metrics.builders import doc, pred, seg
from newsgold.metrics import AEBMetric, LCSMetric, SegmentMetric, stats_matrix
from newsgold.metrics.boilerplate import lcs_length, shingles, visible_characters
from newsgold.schema import Segment

TEXT = "Menu\n\nBridge opens\n\nThe new bridge opened on Monday after years of work.\n\nShare this"


def page():
    return doc(TEXT, segments=(seg(TEXT, "Menu", "navigation"),
                               seg(TEXT, "Bridge opens", "title"),
                               seg(TEXT, "The new bridge opened on Monday after years of work.",
                                   "body"),
                               seg(TEXT, "Share this", "share")))


BODY = "The new bridge opened on Monday after years of work."


def aeb(pairs):
    m = AEBMetric()
    return m.score(np.stack([m.text_stats(g, p) for g, p in pairs]))


# --- AEB ------------------------------------------------------------------------------------------

def test_shingles_follow_aeb_rules() -> None:
    assert Counter(shingles(())) == Counter()
    assert Counter(shingles(("a", "b"))) == Counter({("a", "b"): 1})
    assert Counter(shingles(tuple("abcab"))) == Counter({tuple("abca"): 1, tuple("bcab"): 1})
    assert shingles(tuple("abcdabcd")) == Counter({tuple("abcd"): 2, tuple("bcda"): 1,
                                                    tuple("cdab"): 1, tuple("dabc"): 1})


def test_repeated_shingles_count_as_a_multiset() -> None:
    # Gold repeats "a b c d" twice; a prediction with it once matches one copy.
    m = AEBMetric()
    assert m.text_stats("a b c d a b c d", "a b c d").tolist()[:3] == [1, 0, 4]
    assert m.text_stats("a b c d a b c d", "x a b c d y a b c d").tolist()[:3] == [2, 5, 3]


def test_aeb_perfect_and_token_rules() -> None:
    # Punctuation and spacing do not matter; case does; Unicode words are tokens.
    assert aeb([("Hello, world! Ça va très bien.", "Hello world Ça va très bien")]) == \
        {"precision": 1.0, "recall": 1.0, "f1": 1.0, "accuracy": 1.0}
    assert aeb([("one two three four", "One two three four")])["f1"] == 0.0


def test_aeb_empty_prediction_is_left_out_of_precision() -> None:
    scores = aeb([("a b c d e", "a b c d e"), ("f g h i j", "")])
    assert scores == {"precision": 1.0, "recall": 0.5, "f1": 2 / 3, "accuracy": 0.5}


def test_aeb_empty_gold_and_empty_prediction_score_nothing() -> None:
    m = AEBMetric()
    stats = m.text_stats("", "")
    assert stats.tolist() == [0, 0, 0, 1, 1]
    assert m.score(stats[None]) == {"precision": None, "recall": None, "f1": None, "accuracy": 1.0}
    assert m.score(np.zeros((0, 5))) == {"precision": None, "recall": None, "f1": None,
                                         "accuracy": None}


def test_aeb_duplicated_prediction_halves_precision() -> None:
    scores = aeb([("a b c d e f", "a b c d e f a b c d e f")])
    # 3 gold shingles matched; the copy adds 3 more and 3 crossing the seam: P = 3/9.
    assert scores["recall"] == 1.0 and scores["precision"] == pytest.approx(3 / 9)
    assert scores["accuracy"] == 0.0


def test_aeb_f1_is_harmonic_mean_of_means_not_mean_of_f1() -> None:
    scores = aeb([("a b c d e", "a b c d e x y z w"), ("f g h i", "q f g h i")])
    p = np.mean([2 / 6, 1 / 2])
    r = 1.0
    assert scores["f1"] == pytest.approx(2 * p * r / (p + r))


def test_aeb_short_texts_are_one_shingle() -> None:
    assert aeb([("a b", "a b")])["f1"] == 1.0
    assert aeb([("a b", "a b c")])["f1"] == 0.0


def test_aeb_scores_the_view_and_prediction_segments() -> None:
    m = AEBMetric(view="body")
    d = page()
    # The body has 10 tokens, so 7 shingles.
    assert m.doc_stats(d, pred(main_text=BODY)).tolist() == [7, 0, 0, 1, 0]
    # Segments of other kinds than the view's are not part of the predicted text.
    segs = (seg(TEXT, "Bridge opens", "title"), seg(TEXT, BODY, "body"))
    assert m.doc_stats(d, pred(segments=segs)).tolist() == [7, 0, 0, 1, 0]
    article = AEBMetric(view="article").doc_stats(d, pred(segments=segs))
    assert article.tolist() == [9, 0, 0, 1, 0]
    # A failed extractor (neither text nor segments) is an empty prediction.
    assert m.doc_stats(d, pred(error="boom"))[:4].tolist() == [0, 0, 7, 0]


def test_document_without_gold_segments_is_not_scored() -> None:
    d = doc(TEXT, layers=("entities", "quotes"))
    for metric in (AEBMetric(), LCSMetric(), SegmentMetric()):
        assert metric.doc_stats(d, pred(main_text=TEXT)) is None
    assert stats_matrix(AEBMetric(), [None]).shape == (0, 5)


def test_unknown_view_and_bad_prediction_segments_raise() -> None:
    with pytest.raises(ValueError, match="unknown content view"):
        AEBMetric(view="main")
    with pytest.raises(ValueError, match=r"document doc: predicted segment \[0, 999\)"):
        AEBMetric().doc_stats(page(), pred(segments=(Segment(0, 999, "body"),)))


# --- LCS ------------------------------------------------------------------------------------------

def lcs_reference(a: list, b: list) -> int:
    """Textbook O(|a||b|) dynamic programme."""
    table = np.zeros((len(a) + 1, len(b) + 1), dtype=int)
    for i, x in enumerate(a, 1):
        for j, y in enumerate(b, 1):
            table[i, j] = table[i - 1, j - 1] + 1 if x == y else max(table[i - 1, j],
                                                                     table[i, j - 1])
    return int(table[-1, -1])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from("abcde"), max_size=30), st.lists(st.sampled_from("abcde"),
                                                                  max_size=30))
def test_lcs_equals_the_dynamic_programme(a: list, b: list) -> None:
    assert lcs_length(a, b) == lcs_reference(a, b) == lcs_length(b, a)


def test_lcs_long_inputs_cross_machine_words() -> None:
    rng = np.random.default_rng(0)
    a, b = rng.integers(0, 5, 300).tolist(), rng.integers(0, 5, 250).tolist()
    assert lcs_length(a, b) == lcs_reference(a, b)


def test_lcs_penalises_reordering_and_duplication_that_aeb_forgives() -> None:
    gold = "one two three four five six seven eight"
    swapped = "five six seven eight one two three four"
    lcs = LCSMetric()
    s = lcs.score(lcs.text_stats(gold, swapped)[None])
    assert s["f1"] == 0.5
    assert aeb([(gold, swapped)])["recall"] == pytest.approx(2 / 5)  # shingles inside halves
    doubled = lcs.score(lcs.text_stats(gold, gold + " " + gold)[None])
    assert (doubled["precision"], doubled["recall"]) == (0.5, 1.0)


def test_lcs_micro_and_macro() -> None:
    m = LCSMetric()
    stats = np.stack([m.text_stats("a b c d", "a b c d"), m.text_stats("e f", ""),
                      m.text_stats("", "")])
    s = m.score(stats)
    assert (s["precision"], s["recall"], s["f1"]) == (1.0, 4 / 6, 0.8)
    # Macro: the empty prediction is left out of P, counts 0 in R and F1; the empty pair nowhere.
    assert (s["macro_precision"], s["macro_recall"], s["macro_f1"]) == (1.0, 0.5, 0.5)


# --- Segments -------------------------------------------------------------------------------------

def test_segments_perfect_prediction() -> None:
    d = page()
    s = SegmentMetric().score(SegmentMetric().doc_stats(d, pred(segments=d.segments))[None])
    assert s["f1"] == 1.0 and s["f1:navigation"] == 1.0 and s["f1:share"] == 1.0
    assert s["f1:ad"] is None  # no gold or predicted ad characters


def test_segments_count_visible_characters_only() -> None:
    d = page()
    m = SegmentMetric(view="body")
    # Predicting the whole page as body: every visible character is predicted content.
    whole = (Segment(0, len(TEXT), "body"),)
    stats = dict(zip(m.stat_names, m.doc_stats(d, pred(segments=whole))))
    visible = sum(not c.isspace() for c in TEXT)
    body_visible = sum(not c.isspace() for c in BODY)
    assert (stats["tp"], stats["fp"], stats["fn"]) == (body_visible, visible - body_visible, 0)
    assert stats["fn:navigation"] == 4 and stats["tp:body"] == body_visible


def test_segments_missing_prediction_finds_no_content() -> None:
    m = SegmentMetric()
    s = m.score(m.doc_stats(page(), pred(main_text="text only"))[None])
    assert (s["precision"], s["recall"], s["f1"]) == (None, 0.0, 0.0)


def test_visible_characters_follow_str_isspace() -> None:
    text = "a\u00a0b\u2009c\u3000d\te\u200bf\x1cg \u202f"
    assert visible_characters(text) == sum(not c.isspace() for c in text)


def test_overlapping_predicted_segments_later_one_wins() -> None:
    m = SegmentMetric()
    d = page()
    overlapping = (Segment(0, len(TEXT), "navigation"), seg(TEXT, BODY, "body"))
    stats = dict(zip(m.stat_names, m.doc_stats(d, pred(segments=overlapping))))
    assert stats["tp:body"] == sum(not c.isspace() for c in BODY) and stats["fp"] == 0
    with pytest.raises(ValueError, match="unknown kind 'sidebar'"):
        m.doc_stats(d, pred(segments=(Segment(0, 4, "sidebar"),)))


def test_segments_view_changes_the_content_class() -> None:
    d = page()
    guess = (seg(TEXT, BODY, "body"),)
    body = SegmentMetric(view="body").score(SegmentMetric(view="body").doc_stats(
        d, pred(segments=guess))[None])
    article = SegmentMetric(view="article").score(SegmentMetric(view="article").doc_stats(
        d, pred(segments=guess))[None])
    assert body["recall"] == 1.0 and article["recall"] < 1.0
