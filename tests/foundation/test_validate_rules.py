"""One crafted bad document per validator rule; each error must name the right span."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsgold.schema import Entity, Quote, Segment, Span
from newsgold.validate import check_document

from support.docs import TEXT, entity, find, good_document, segment


def violations(doc, **kw):
    return check_document(doc, "annotations/gold/test-doc.txt", **kw)


def only(doc, rule, **kw):
    found = [v for v in violations(doc, **kw) if v.rule == rule]
    assert found, f"no {rule} violation in {violations(doc, **kw)}"
    return found


def test_good_document_is_clean():
    assert violations(good_document(), expected_id="test-doc") == []


def test_message_names_file_document_layer_and_text():
    doc = good_document(entities=(entity(TEXT, "Share", "ORG"),))
    (v,) = only(doc, "content-only")
    line = str(v)
    assert line.startswith("annotations/gold/test-doc.txt: test-doc: entities")
    share = find(TEXT, "Share")
    assert (v.start, v.end, v.text) == (share.start, share.end, "Share")
    assert "'Share'" in line


@pytest.mark.parametrize("layer, make", [
    ("segments", lambda d: replace(d, segments=d.segments + (Segment(len(d.text), len(d.text) + 3, "body"),))),
    ("entities", lambda d: replace(d, entities=(Entity(50, 999, "PERSON"),))),
])
def test_span_bounds(layer, make):
    v = only(make(good_document()), "span-bounds")[0]
    assert v.layer == layer and "outside the text" in v.message


def test_span_whitespace():
    span = find(TEXT, "Ana Ruiz")
    doc = good_document(entities=(Entity(span.start - 1, span.end, "PERSON"),))
    (v,) = only(doc, "span-whitespace")
    assert v.text == " Ana Ruiz"


@pytest.mark.parametrize("doc_change, layer", [
    (lambda d: replace(d, segments=(segment(TEXT, "Home", "menu"),) + d.segments[1:]), "segments"),
    (lambda d: replace(d, entities=(entity(TEXT, "Ana Ruiz", "PER"),)), "entities"),
    (lambda d: replace(d, quotes=(replace(d.quotes[0], kind="reported"),)), "quotes"),
])
def test_labels_outside_schema(doc_change, layer):
    (v,) = only(doc_change(good_document()), "label")
    assert v.layer == layer


def test_segment_overlap():
    doc = good_document()
    doc = replace(doc, segments=doc.segments + (segment(TEXT, "Mayor", "promo"),))
    (v,) = only(doc, "segment-overlap")
    assert v.text == "Mayor"


def test_segment_coverage():
    doc = good_document()
    doc = replace(doc, segments=tuple(s for s in doc.segments if s.kind != "share"))
    (v,) = only(doc, "segment-coverage")
    assert v.text == "Share"


def test_entities_are_flat_and_unique():
    ana, ruiz = entity(TEXT, "Ana Ruiz", "PERSON"), entity(TEXT, "Ruiz", "PERSON")
    (v,) = only(good_document(entities=(ana, ruiz)), "entity-overlap")
    assert v.text == "Ruiz"
    (v,) = only(good_document(entities=(ana, ana)), "duplicate")
    assert v.text == "Ana Ruiz"


def test_entities_cover_whole_words():
    doc = good_document(text=TEXT.replace("Ana Ruiz said", "Ana Ruizs said"))
    doc = replace(doc, segments=(), entities=(entity(doc.text, "Ana Ruiz", "PERSON"),), quotes=(),
                  annotated=frozenset({"entities"}))
    (v,) = only(doc, "word-boundary")
    assert v.text == "Ana Ruiz"


@pytest.mark.parametrize("text, name, clean", [
    ("iPhoneを買った。", "iPhone", True),  # Japanese: particles follow names without a space
    ("東京都に住む", "東京都", True),
    ("엘제이의 앨범", "엘제이", True),  # Korean: the particle 의 stays outside
    ("Ruizs said", "Ruiz", False),  # Latin script: still a cut word
    ("Ruiz東京", "Ruiz", True),
])
def test_names_may_end_next_to_characters_of_scripts_without_spaces(text, name, clean):
    doc = replace(good_document(text=text), segments=(), quotes=(),
                  entities=(entity(text, name, "ORG"),), annotated=frozenset({"entities"}))
    assert [v.rule for v in violations(doc) if v.rule == "word-boundary"] == \
        ([] if clean else ["word-boundary"])


def test_quote_outside_content():
    home = find(TEXT, "Home")
    doc = good_document(quotes=(Quote(home.start, home.end, "direct", "1"),))
    (v,) = only(doc, "content-only")
    assert v.layer == "quotes" and v.text == "Home"


def test_speaker_outside_content():
    doc = good_document()
    doc = replace(doc, quotes=(replace(doc.quotes[0], speaker=find(TEXT, "Share")),))
    (v,) = only(doc, "content-only")
    assert v.text == "Share" and "speaker" in v.message


def test_speaker_span_outside_text():
    doc = good_document()
    doc = replace(doc, quotes=(replace(doc.quotes[0], speaker=Span(len(TEXT) - 2, len(TEXT) + 5)),))
    (v,) = only(doc, "span-bounds")
    assert "speaker" in v.message


def test_direct_quote_without_its_marks():
    span = find(TEXT, "“It is done,”")
    doc = good_document()
    doc = replace(doc, quotes=(replace(doc.quotes[0], start=span.start, end=span.end),))
    (v,) = only(doc, "quote-marks")
    assert v.text == "“It is done,”"


@pytest.mark.parametrize("text, needle", [
    ("„Er rief ‚Halt‘“, sagte Ines Ohl.", "Er rief ‚Halt‘"),
    ("“They told us ‘pay attention,’ ” said Ines Ohl.", "They told us ‘pay attention,’"),
    ("“ ‘Stop,’ he shouted,” said Ines Ohl.", "‘Stop,’ he shouted,"),
])
def test_nested_quote_at_the_edge_is_not_an_enclosing_mark(text, needle):
    content = find(text, needle)
    doc = good_document(text=text, segments=(Segment(0, len(text), "body"),), entities=(),
                        quotes=(Quote(content.start, content.end, "direct", "1"),))
    assert [v for v in violations(doc) if v.rule == "quote-marks"] == []


def test_speaker_overlapping_content():
    doc = good_document()
    doc = replace(doc, quotes=(replace(doc.quotes[0], speaker=find(TEXT, "done")),))
    (v,) = only(doc, "speaker-overlap")
    assert v.text == "done"


def test_speaker_needs_a_name():
    doc = good_document()
    doc = replace(doc, quotes=(replace(doc.quotes[0], speaker_name=None),))
    (v,) = only(doc, "speaker-name")
    assert v.text == "Ana Ruiz"


def test_quote_group_must_resolve():
    doc = good_document()
    q = doc.quotes[0]
    it = find(TEXT, "It")
    part2 = Quote(it.start, it.end, "direct", "1", None, None, None)
    (v,) = only(replace(doc, quotes=(q, part2)), "group")
    assert "group '1'" in v.message
    (v,) = only(replace(doc, quotes=(replace(q, group=""),)), "group")
    assert "no group id" in v.message


def test_text_must_be_the_rendering_of_the_html():
    html = "<html><body><p>Home</p><p>Mayor opens bridge</p></body></html>"
    (v,) = only(good_document(html=html), "text-render")
    assert "offset" in v.message


@pytest.mark.parametrize("field, value, rule", [
    ("id", "Bad ID", "id-slug"),
    ("language", "english", "language"),
    ("source", "web", "source"),
    ("published", "25/06/2023", "published"),
    ("url", " ", "required"),
])
def test_metadata_rules(field, value, rule):
    (v,) = only(good_document(**{field: value}), rule)
    assert v.layer == "metadata" and (repr(value) in v.message or field in v.message)


def test_id_must_match_the_file_name():
    (v,) = only(good_document(), "id-filename", expected_id="other-name")
    assert "other-name" in v.message


def test_duplicate_ids_across_files(tmp_path):
    from pathlib import Path

    from newsgold.sources import SourceFile
    from newsgold.validate import check_corpus

    doc = good_document()
    files = [SourceFile(Path("a/test-doc.txt"), doc), SourceFile(Path("b/test-doc.txt"), doc)]
    dup = [v for v in check_corpus(files) if v.rule == "duplicate-id"]
    assert len(dup) == 1 and dup[0].file == "b/test-doc.txt" and "a/test-doc.txt" in dup[0].message


def test_unannotated_layers_are_not_checked_for_coverage():
    doc = good_document(segments=(), entities=(), quotes=(), annotated=frozenset())
    assert violations(doc) == []
