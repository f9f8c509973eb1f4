"""The bundled corpus meets the v1 requirements, counted from the built dataset itself."""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest

from newsgold.corpus import load_documents
from newsgold.render import render_text
from newsgold.schema import BOILERPLATE_KINDS, ENTITY_LABELS


@pytest.fixture(scope="module")
def docs():
    return load_documents()


def test_pages_layouts_and_languages(docs):
    original = [d for d in docs if d.source == "original"]
    assert len(original) >= 149 and sum(d.source == "seed" for d in docs) == 1
    per_layout = Counter(d.layout for d in original)
    assert len(per_layout) >= 15 and min(per_layout.values()) >= 7, per_layout
    languages = Counter(d.language.split("-")[0] for d in docs)
    assert languages["en"] >= 100 and languages["de"] >= 20
    assert languages["fr"] + languages["es"] >= 20
    assert len({d.topic for d in docs}) >= 9


def test_every_html_page_renders_to_its_text(docs):
    with_html = [d for d in docs if d.html is not None]
    assert len(with_html) >= 149
    mismatched = [d.id for d in with_html if render_text(d.html) != d.text]
    assert mismatched == []


def test_every_boilerplate_kind_on_five_pages(docs):
    pages = Counter(kind for d in docs for kind in {s.kind for s in d.segments})
    assert {k: pages[k] for k in BOILERPLATE_KINDS if pages[k] < 5} == {}


def test_quote_counts(docs):
    kinds = Counter(q.kind for d in docs for q in d.quotes)
    assert sum(kinds.values()) >= 900
    assert kinds["direct"] >= 500 and kinds["mixed"] >= 150 and kinds["indirect"] >= 250


def test_quote_phenomena_are_present(docs):
    groups = defaultdict(list)
    for d in docs:
        for q in d.quotes:
            groups[(d.id, q.group)].append(q)
    multi_part = [g for g in groups.values() if len(g) > 1]
    assert len(multi_part) >= 20  # interrupted and multi-paragraph quotations
    unattributed = [q for d in docs for q in d.quotes if q.speaker is None and q.speaker_name is None]
    assert len(unattributed) >= 5
    pronouns = {"he", "she", "it", "they", "er", "sie", "il", "elle", "ella", "él"}
    pronoun_speakers = [q for d in docs for q in d.quotes if q.speaker is not None
                        and d.text[q.speaker.start:q.speaker.end].lower() in pronouns]
    assert len(pronoun_speakers) >= 20
    according = [q for d in docs for q in d.quotes if q.cue is not None
                 and d.text[q.cue.start:q.cue.end].lower() == "according to"]
    assert len(according) >= 5
    in_titles = [q for d in docs for q in d.quotes
                 if any(s.kind == "title" and s.start <= q.start < s.end for s in d.segments)]
    assert len(in_titles) >= 10


def test_entity_counts(docs):
    labels = Counter(e.label for d in docs for e in d.entities)
    assert sum(labels.values()) >= 6000
    assert {k: labels[k] for k in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT")
            if labels[k] < 100} == {}
    assert all(labels[k] > 0 for k in ENTITY_LABELS)


def test_splits_are_stratified(docs):
    from newsgold.corpus import load_corpus

    data = load_corpus()
    dev = {r["id"] for r in data["dev"]}
    assert 0.15 <= len(dev) / len(docs) <= 0.25
    for layout in {d.layout for d in docs if d.source == "original"}:
        assert any(d.id in dev for d in docs if d.layout == layout), layout
