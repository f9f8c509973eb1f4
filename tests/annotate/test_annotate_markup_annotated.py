"""The ``annotated`` front matter key: optional (default: all layers), written only if needed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsgold.markup import MarkupError, parse, serialize
from newsgold.schema import LAYERS
from newsgold.validate import check_document

from annotate_testdata import SEED, SMALL_DOCS, small_doc_source


@pytest.mark.parametrize("source", [SEED.read_text(encoding="utf-8")]
                         + [small_doc_source(d) for d in SMALL_DOCS],
                         ids=lambda s: parse(s).id)
def test_files_without_the_key_are_fully_annotated_and_unchanged(source):
    doc = parse(source)
    assert doc.annotated == frozenset(LAYERS)
    assert serialize(doc) == source
    assert "annotated:" not in serialize(doc)


def test_unannotated_document_round_trips_and_validates():
    doc = parse(SEED.read_text(encoding="utf-8"))
    bare = replace(doc, segments=(), entities=(), quotes=(), annotated=frozenset())
    text = serialize(bare)
    assert "\nannotated: []\n---\n" in text
    assert text.endswith("---\n" + doc.text + "\n")
    assert parse(text) == bare
    assert check_document(parse(text), "x.txt", doc.id) == []


def test_partly_annotated_document_lists_its_layers_in_schema_order():
    doc = parse(small_doc_source("tiny-weather"))
    part = replace(doc, segments=(), annotated=frozenset({"quotes", "entities"}))
    text = serialize(part)
    assert "\nannotated: [entities, quotes]\n---\n" in text
    assert parse(text) == part


@pytest.mark.parametrize("value, message", [
    ("entities", "must be a list"),
    ("[entities, entities]", "must be a list of distinct layers"),
    ("[boilerplate]", "must be a list of distinct layers"),
    ("[entities]", "has segments but its front matter 'annotated' does not list segments"),
])
def test_bad_annotated_values_are_rejected(value, message):
    source = small_doc_source("tiny-weather").replace("topic: null\n",
                                                      f"topic: null\nannotated: {value}\n")
    with pytest.raises(MarkupError, match=message.replace("[", r"\[")):
        parse(source, "tiny.txt")


def test_serialize_refuses_layers_that_are_not_marked_annotated():
    doc = replace(parse(small_doc_source("tiny-weather")), annotated=frozenset({"entities"}))
    with pytest.raises(MarkupError, match="has segments"):
        serialize(doc)
