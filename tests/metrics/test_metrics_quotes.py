"""Quote metric: normalisation, content matching, speaker attribution and end-to-end scores."""

from __future__ import annotations

from dataclasses import replace

import pytest

from metrics.builders import doc, pred, quote
from newsgold.metrics import QuoteMetric
from newsgold.metrics.quotes import normalized_bounds, normalized_name
from newsgold.schema import Quote

TEXT = ("Mayor Ana Ruiz opened the bridge on Monday. “It is done,” she said, “and it is ours.” "
        "Critics said the bridge was late. Officials did not comment.")
IT_IS_DONE = "It is done,"
AND_OURS = "and it is ours."
CRITICS = "the bridge was late"


def gold_doc(*quotes: Quote):
    return doc(TEXT, quotes=quotes or (
        quote(TEXT, IT_IS_DONE, group="1", speaker="she", name="Ana Ruiz"),
        quote(TEXT, AND_OURS, group="1", speaker="she", name="Ana Ruiz"),
        quote(TEXT, CRITICS, kind="indirect", group="2", speaker="Critics"),
    ))


def score(gold, *predicted: Quote, threshold: float = 0.5) -> dict:
    m = QuoteMetric(threshold=threshold)
    return m.score(m.doc_stats(gold, pred(quotes=predicted))[None])


def test_normalisation_strips_marks_space_and_trailing_punctuation() -> None:
    text = " “It is done,” "
    start, end = normalized_bounds(text, 0, len(text))
    assert text[start:end] == "It is done"
    assert normalized_bounds("«Oui;»", 0, 6) == (1, 4)
    assert normalized_bounds(",x", 0, 2) == (0, 2)  # leading commas stay
    assert normalized_name("  ana   RUIZ. ") == normalized_name("Ana Ruiz") == "ana ruiz"
    assert normalized_name("Jean-Luc O’Neill") == "jean luc o neill"
    assert normalized_name(None) == ""


def test_perfect_prediction() -> None:
    gold = gold_doc()
    scores = score(gold, *gold.quotes)
    assert all(v == 1.0 for v in scores.values() if v is not None)
    assert scores["f1"] == scores["e2e_f1"] == scores["exact_f1"] == 1.0
    assert scores["attribution_accuracy:no_speaker"] is None
    assert scores["precision:mixed"] is None and scores["f1:mixed"] is None


def test_exact_match_after_normalisation() -> None:
    gold = gold_doc()
    with_marks = quote(TEXT, "“It is done,”", group="1", speaker="she", name="Ana Ruiz")
    scores = score(gold, with_marks)
    assert (scores["exact_precision"], scores["exact_recall"]) == (1.0, pytest.approx(1 / 3))
    shorter = quote(TEXT, "It is", speaker="she", name="Ana Ruiz")
    scores = score(gold, shorter)
    assert scores["exact_precision"] == 0.0 and scores["precision"] == 1.0  # IoU 2/3 >= 0.5


def test_duplicated_predictions_never_exceed_one() -> None:
    gold = gold_doc()
    scores = score(gold, *gold.quotes, *gold.quotes)
    assert (scores["precision"], scores["recall"]) == (0.5, 1.0)
    assert (scores["e2e_precision"], scores["e2e_recall"]) == (0.5, 1.0)
    assert (scores["token_precision"], scores["token_recall"]) == (0.5, 1.0)
    assert scores["exact_precision"] == 0.5


def test_over_long_prediction_loses_precision() -> None:
    gold = gold_doc()
    paragraph = quote(TEXT, TEXT, speaker="she", name="Ana Ruiz")
    scores = score(gold, paragraph)
    assert (scores["precision"], scores["recall"]) == (0.0, 0.0)
    lenient = score(gold, paragraph, threshold=0.1)
    assert lenient["recall"] == pytest.approx(1 / 3)
    assert lenient["token_precision"] < 0.2


def test_wrong_speaker_is_both_false_positive_and_false_negative() -> None:
    gold = gold_doc()
    wrong = [replace(q, speaker=None, speaker_name="Critics") for q in gold.quotes[:2]]
    scores = score(gold, *wrong, gold.quotes[2])
    assert (scores["precision"], scores["recall"]) == (1.0, 1.0)
    assert scores["attribution_accuracy"] == pytest.approx(1 / 3)
    assert scores["e2e_precision"] == pytest.approx(1 / 3)
    assert scores["e2e_recall"] == pytest.approx(1 / 3)


def test_speaker_by_mention_overlap_or_normalised_name() -> None:
    gold = gold_doc()
    first = gold.quotes[0]
    by_mention = replace(first, speaker_name="The mayor")
    by_name = replace(first, speaker=None, speaker_name="ana RUIZ")
    other_mention = replace(first, speaker=quote(TEXT, "Mayor Ana Ruiz").span, speaker_name="X")
    assert score(gold, by_mention)["attribution_accuracy"] == 1.0
    assert score(gold, by_name)["attribution_accuracy"] == 1.0
    assert score(gold, other_mention)["attribution_accuracy"] == 0.0


def test_speakerless_gold_needs_a_speakerless_prediction() -> None:
    gold = gold_doc(quote(TEXT, "Officials did not comment", kind="indirect"))
    plain = quote(TEXT, "Officials did not comment", kind="indirect")
    guessed = replace(plain, speaker_name="Officials")
    assert score(gold, plain)["attribution_accuracy:no_speaker"] == 1.0
    assert score(gold, guessed)["e2e_f1"] == 0.0
    assert score(gold, guessed)["attribution_accuracy:speaker"] is None


def test_the_matching_prefers_a_correct_speaker_among_duplicates() -> None:
    gold = gold_doc()
    first = gold.quotes[0]
    wrong = replace(first, speaker=None, speaker_name="Somebody")
    for order in ([wrong, first], [first, wrong]):
        scores = score(gold, *order)
        assert scores["e2e_recall"] == pytest.approx(1 / 3) and scores["precision"] == 0.5


def test_parts_are_matched_part_wise() -> None:
    gold = gold_doc()
    one_part = score(gold, gold.quotes[0])
    assert (one_part["precision"], one_part["recall"]) == (1.0, pytest.approx(1 / 3))
    # One span over both parts and the speaker tag matches neither part at IoU 0.5.
    merged = quote(TEXT, "It is done,” she said, “and it is ours.", speaker="she",
                   name="Ana Ruiz")
    assert score(gold, merged)["precision"] == 0.0


def test_per_kind_breakdown() -> None:
    gold = gold_doc()
    scores = score(gold, *gold.quotes[:2])
    assert (scores["recall:direct"], scores["precision:direct"]) == (1.0, 1.0)
    assert (scores["recall:indirect"], scores["precision:indirect"], scores["f1:indirect"]) == \
        (0.0, None, 0.0)
    # Kinds need not agree for a content match: precision is credited to the predicted kind.
    relabelled = [replace(q, kind="indirect") for q in gold.quotes]
    scores = score(gold, *relabelled)
    assert scores["f1"] == 1.0 and scores["precision:indirect"] == 1.0
    assert scores["precision:direct"] is None and scores["recall:direct"] == 1.0


def test_empty_and_unannotated() -> None:
    m = QuoteMetric()
    empty = m.score(m.doc_stats(doc(TEXT), pred(quotes=()))[None])
    assert all(v is None for v in empty.values())
    nothing_found = score(gold_doc())
    assert (nothing_found["precision"], nothing_found["recall"], nothing_found["f1"]) == \
        (None, 0.0, 0.0)
    assert m.doc_stats(doc(TEXT, layers=("segments",)), pred(quotes=())) is None


def test_bad_arguments_raise() -> None:
    with pytest.raises(ValueError, match="threshold"):
        QuoteMetric(threshold=0)
    with pytest.raises(ValueError, match=r"document doc: predicted quote \[0, 9999\)"):
        score(gold_doc(), Quote(0, 9999, "direct", "1"))


def test_alignment_names_the_matched_parts_and_the_speaker_verdict() -> None:
    from newsgold.metrics.quotes import QuotePair

    text = "“We will stay,” Ana Ruiz said. Tom Bell said the plan works."
    gold = doc(text, quotes=(quote(text, "We will stay,", speaker="Ana Ruiz"),
                             quote(text, "the plan works", kind="indirect", group="2",
                                   speaker="Tom Bell")))
    predicted = (quote(text, "the plan works", kind="indirect", speaker="Ana Ruiz"),
                 quote(text, "We will stay,", speaker="Ana Ruiz"))
    assert QuoteMetric().alignment(gold, pred(quotes=predicted)) == (
        QuotePair(0, 1, True, 1.0), QuotePair(1, 0, False, 1.0))
