"""Gold <-> Label Studio results: lossless both ways, and every unconvertible item a conflict."""

from __future__ import annotations

import copy
from dataclasses import replace

import pytest

from newsgold.annotate.convert import Origin, document_from_result, to_results
from newsgold.markup import parse, serialize

from annotate_testdata import SEED, SMALL_DOCS, small_doc_source

SOURCES = [SEED.read_text(encoding="utf-8")] + [small_doc_source(d) for d in SMALL_DOCS]
ORIGIN = Origin(task=7, doc_id="tiny-minister", annotation=70)


def _minister():
    doc = parse(small_doc_source("tiny-minister"))
    return doc, to_results(doc)


def _labels(result, text, span_text, control=None):
    return next(r for r in result if r.get("type") == "labels"
                and (control is None or r["from_name"] == control)
                and text[r["value"]["start"]:r["value"]["end"]] == span_text)


def _convert(doc, result):
    return document_from_result(doc, result, ORIGIN)


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: parse(s).id)
def test_results_convert_back_to_the_same_gold_file(source):
    doc = parse(source)
    result = to_results(doc)
    back, conflicts = _convert(doc, result)
    assert conflicts == []
    assert serialize(back) == source


def test_value_text_is_never_trusted():
    doc, result = _minister()
    for item in result:
        if item.get("type") == "labels":
            item["value"]["text"] = "whatever the DOM said"
    back, conflicts = _convert(doc, result)
    assert conflicts == [] and serialize(back) == serialize(doc)


def test_unannotated_layers_give_no_results_and_come_back_annotated():
    doc = parse(small_doc_source("tiny-weather"))
    bare = replace(doc, segments=(), entities=(), quotes=(), annotated=frozenset())
    assert to_results(bare) == []
    back, conflicts = _convert(bare, to_results(doc))
    assert conflicts == [] and serialize(back) == serialize(doc)


def _one_conflict(doc, result):
    back, conflicts = _convert(doc, result)
    assert back is None
    assert len(conflicts) == 1, [str(c) for c in conflicts]
    (conflict,) = conflicts
    assert (conflict.task, conflict.doc_id, conflict.annotation) == (7, "tiny-minister", 70)
    return conflict


def test_crossing_spans_are_a_conflict_naming_both_regions():
    doc, result = _minister()
    porto = _labels(result, doc.text, "Porto")
    start = porto["value"]["start"]
    result.append({"id": "cross", "from_name": "entity", "to_name": "text", "type": "labels",
                   "value": {"start": start + 2, "end": start + 12, "labels": ["LOC"]}})
    conflicts = _convert(doc, result)[1]
    reasons = " | ".join(str(c) for c in conflicts)
    assert "region cross" in reasons and "crosses" in reasons and "spans must nest" in reasons


def test_two_speakers_for_one_quotation_is_a_conflict():
    doc, result = _minister()
    quote = _labels(result, doc.text, "work starts in May", "quote")
    result = [r for r in result if not (r.get("from_name") == "unmentioned_speaker")]
    start = doc.text.index("Transport Agency")
    for rid, (s, e) in {"spA": (start, start + 9), "spB": (start + 10, start + 16)}.items():
        result += [
            {"id": rid, "from_name": "quote", "to_name": "text", "type": "labels",
             "value": {"start": s, "end": e, "labels": ["SPEAKER"]}},
            {"id": rid, "from_name": "speaker_name", "to_name": "text", "type": "textarea",
             "value": {"start": s, "end": e, "text": ["Agency"]}},
            {"type": "relation", "from_id": rid, "to_id": quote["id"], "direction": "left",
             "labels": ["speaker"]}]
    conflict = _one_conflict(doc, result)
    assert conflict.region == quote["id"] and "the quotation has 2 speakers" in conflict.reason


def test_quote_without_kind_is_a_conflict():
    doc, result = _minister()
    quote = _labels(result, doc.text, "work starts in May", "quote")
    result = [r for r in result if not (r.get("from_name") == "quote_kind"
                                        and r["id"] == quote["id"])]
    conflict = _one_conflict(doc, result)
    assert conflict.text == "work starts in May" and "has no quote_kind" in conflict.reason


@pytest.mark.parametrize("change, reason", [
    (lambda r, t: r.append({"id": "x1", "from_name": "sentiment", "to_name": "text",
                            "type": "labels", "value": {"start": 0, "end": 3,
                                                        "labels": ["POS"]}}),
     "unknown control 'sentiment'"),
    (lambda r, t: r.append(copy.deepcopy(_labels(r, t, "Porto"))), "two regions share this id"),
    (lambda r, t: r.append({"id": "nobody", "from_name": "quote_kind", "to_name": "text",
                            "type": "choices", "value": {"choices": ["direct"]}}),
     "quote_kind is given for a region that does not exist"),
    (lambda r, t: r.append({"id": _labels(r, t, "Porto")["id"], "from_name": "quote_kind",
                            "to_name": "text", "type": "choices",
                            "value": {"choices": ["direct"]}}),
     "quote_kind is only meaningful on QUOTE regions"),
    (lambda r, t: _labels(r, t, "Porto")["value"].update(start="3"),
     "span offsets are not integers"),
    (lambda r, t: _labels(r, t, "Porto")["value"].update(labels=["GPE", "LOC"]),
     "exactly one entity label"),
    (lambda r, t: r.append({"type": "relation", "from_id": _labels(r, t, "Porto")["id"],
                            "to_id": _labels(r, t, "Ana Silva", "entity")["id"],
                            "labels": ["speaker"]}),
     "a speaker relation must join QUOTE and SPEAKER regions"),
    (lambda r, t: r.append({"type": "relation", "from_id": _labels(r, t, "Porto")["id"],
                            "to_id": _labels(r, t, "Ana Silva", "entity")["id"],
                            "labels": ["knows"]}),
     "has labels ['knows']"),
    (lambda r, t: r.append({"id": "c9", "from_name": "quote", "to_name": "text",
                            "type": "labels", "value": {"start": 0, "end": 3,
                                                        "labels": ["CUE"]}}),
     "CUE region is linked to no QUOTE"),
    (lambda r, t: r.append({"id": "h1", "from_name": "entity", "to_name": "text",
                            "type": "hypertextlabels", "value": {}}),
     "unsupported result type 'hypertextlabels'"),
])
def test_unconvertible_items_are_conflicts(change, reason):
    doc, result = _minister()
    change(result, doc.text)
    back, conflicts = _convert(doc, result)
    assert back is None
    assert any(reason in c.reason for c in conflicts), [str(c) for c in conflicts]


def test_a_result_that_is_not_a_list_is_a_conflict():
    doc, _ = _minister()
    conflict = _one_conflict(doc, {"oops": 1})
    assert "not a list" in conflict.reason
