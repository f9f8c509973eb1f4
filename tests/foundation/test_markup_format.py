"""The marked gold format: parse/serialize round trips, canonical files, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgold.markup import MarkupError, parse, serialize
from newsgold.schema import Document, Entity, Quote, Segment, Span

from support.docs import good_document

GOLD = Path(__file__).resolve().parents[2] / "annotations" / "gold"


def test_every_gold_file_is_canonical():
    files = sorted(GOLD.glob("*.txt"))
    assert files
    for path in files:
        source = path.read_text(encoding="utf-8")
        assert serialize(parse(source, str(path))) == source, f"{path} is not in canonical form"


def test_document_round_trips_through_the_format():
    doc = good_document()
    again = parse(serialize(doc))
    assert again.text == doc.text
    assert (again.segments, again.entities) == (doc.segments, doc.entities)
    assert again.quotes == doc.quotes


def test_groups_are_renumbered_in_order_of_first_part():
    doc = good_document()
    doc = Document(**{**doc.__dict__, "quotes": (Quote(doc.quotes[0].start, doc.quotes[0].end,
                                                        "direct", "zeta", doc.quotes[0].speaker,
                                                        "Ana Ruiz", doc.quotes[0].cue),)})
    assert parse(serialize(doc)).quotes[0].group == "1"


@pytest.mark.parametrize("body, message", [
    ('<ng-seg k="body">open', "never closed"),
    ('<ng-seg k="body"><ng-ent t="GPE">x</ng-seg></ng-ent>', "closes <ng-ent>"),
    ('<ng-seg>x</ng-seg>', "lacks attribute k="),
    ('<ng-seg k="body"><ng-sp g="1" name="A">A</ng-sp> x</ng-seg>', "names a quote group with no <ng-q>"),
])
def test_malformed_sources_are_rejected_with_position(body, message):
    source = ("---\nid: x\nurl: u\nsite: s\nlayout: l\nlanguage: en\npublished: null\ntitle: t\n"
              "source: original\nlicense: l\ntopic: null\n---\n" + body + "\n")
    with pytest.raises(MarkupError, match=message) as info:
        parse(source, "annotations/gold/x.txt")
    assert "annotations/gold/x.txt" in str(info.value)


def test_crossing_spans_cannot_be_written():
    doc = good_document()
    doc = Document(**{**doc.__dict__, "entities": (Entity(doc.quotes[0].end - 3, doc.quotes[0].end + 3, "PERSON"),)})
    with pytest.raises(MarkupError, match="crosses"):
        serialize(doc)


def test_missing_front_matter_is_named():
    with pytest.raises(MarkupError, match="front matter"):
        parse("no front matter\n", "f.txt")


_words = st.lists(st.sampled_from(["Ana", "Bo", "said", "“", "”", ",", "x"]), min_size=4, max_size=30)


@st.composite
def nested_documents(draw):
    """Random texts with random well-nested segments, entities and quotes."""
    text = " ".join(draw(_words))
    n = len(text)
    cuts = sorted(set(draw(st.lists(st.integers(0, n), min_size=2, max_size=6)) + [0, n]))
    segments, entities, quotes = [], [], []
    for a, b in zip(cuts, cuts[1:]):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a >= b:
            continue
        segments.append(Segment(a, b, draw(st.sampled_from(["body", "navigation", "title"]))))
        word_starts = [i for i in range(a, b) if not text[i].isspace() and (i == a or text[i - 1].isspace())]
        if word_starts and draw(st.booleans()):
            s = draw(st.sampled_from(word_starts))
            e = s
            while e < b and not text[e].isspace():
                e += 1
            if draw(st.booleans()):
                entities.append(Entity(s, e, "PERSON"))
            else:
                quotes.append(Quote(s, e, "indirect", str(len(quotes) + 1)))
    return Document(id="h", url="u", site="s", layout="l", language="en", published=None,
                    title="t", source="original", license="l", topic=None, text=text,
                    segments=tuple(segments), entities=tuple(entities), quotes=tuple(quotes))


@settings(max_examples=200, deadline=None)
@given(nested_documents())
def test_serialize_then_parse_is_identity(doc):
    again = parse(serialize(doc))
    assert (again.text, again.segments, again.entities, again.quotes) == \
        (doc.text, doc.segments, doc.entities, doc.quotes)
    assert serialize(again) == serialize(doc)
