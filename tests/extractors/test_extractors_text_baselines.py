"""Boilerplate baselines over the page text: valid partitions, sensible kinds, floor and ceiling."""

from __future__ import annotations

import pytest

from newsgold.extractors.baselines import EverythingBaseline, LineBaseline, NothingBaseline
from newsgold.extractors.base import Page
from newsgold.extractors.wire import check_prediction
from newsgold.schema import Document
from newsgold.validate import check_document

BASELINES = [LineBaseline, EverythingBaseline, NothingBaseline]


def as_document(page: Page, segments) -> Document:
    return Document(id=page.id, url=page.url, site="test", layout="test", language=page.language,
                    published=None, title="t", source="original", license="CC-BY-4.0", topic=None,
                    text=page.text, html=None, segments=segments)


def kind_at(page: Page, segments, needle: str) -> str:
    i = page.text.index(needle)
    (kind,) = [s.kind for s in segments if s.start <= i < s.end]
    return kind


@pytest.mark.parametrize("baseline", BASELINES, ids=lambda b: b.name)
def test_segments_partition_the_text_without_edge_whitespace(baseline, all_pages):
    for page in all_pages:
        pred = check_prediction(baseline().extract(page), page, {"boilerplate"})
        problems = [v for v in check_document(as_document(page, pred.segments), "prediction")
                    if v.layer == "segments"]
        assert problems == [], [str(v) for v in problems]
        assert pred.main_text is None  # metrics derive it per content view


def test_everything_and_nothing_are_ceiling_and_floor(seed_page):
    everything = EverythingBaseline().extract(seed_page)
    nothing = NothingBaseline().extract(seed_page)
    assert [(s.start, s.end) for s in everything.segments] == \
        [(s.start, s.end) for s in nothing.segments]
    assert {s.kind for s in everything.segments} == {"body"}
    assert {s.kind for s in nothing.segments} == {"other"}
    assert as_document(seed_page, nothing.segments).content_text() == ""
    assert as_document(seed_page, everything.segments).content_text().split() == \
        seed_page.text.split()


def test_line_baseline_on_the_seed(seed_page, seed_doc):
    segments = LineBaseline().extract(seed_page).segments
    assert kind_at(seed_page, segments, "Also Read | Russian Airstrike") == "related"
    assert kind_at(seed_page, segments, "Share Now") == "share"
    assert kind_at(seed_page, segments, "The above story is verified") == "legal"
    assert kind_at(seed_page, segments, "Get latest articles and stories") == "promo"
    assert kind_at(seed_page, segments, "Photo Credits: Video Grab") == "related"
    assert kind_at(seed_page, segments, "World News |") == "navigation"
    assert kind_at(seed_page, segments, "Although short-lived, analysts say") == "body"
    assert kind_at(seed_page, segments, "Rudenko's visit came just a day after") == "body"
    # Character agreement with the gold content/boilerplate split is far above chance.
    gold = seed_doc.content_mask()
    pred = as_document(seed_page, segments).content_mask()
    agree = sum(g == p for g, p, c in zip(gold, pred, seed_page.text, strict=True)
                if not c.isspace())
    assert agree / sum(not c.isspace() for c in seed_page.text) > 0.95


def test_line_baseline_on_a_rendered_html_page(html_pages):
    page = html_pages["coastal-courier-flood-barrier"]
    segments = LineBaseline().extract(page).segments
    expected = {
        "We use cookies to improve": "cookie", "Share on Facebook": "share", "Sport": "navigation",
        "Sign up to our daily newsletter": "newsletter", "© 2025 The Coastal Courier": "legal",
        "Privacy policy": "footer", "Ferry timetable cut over winter months": "related",
        "Councillors in Port Elling voted": "body",
    }
    assert {needle: kind_at(page, segments, needle) for needle in expected} == expected


def test_breadcrumb_is_cut_off_the_headline():
    text = "World News | Russia Says China Backs Its Efforts\n\nShare Now"
    page = Page("t", "https://x.example", "en", text, None)
    segments = LineBaseline().extract(page).segments
    assert [(text[s.start:s.end], s.kind) for s in segments] == [
        ("World News |", "navigation"), ("Russia Says China Backs Its Efforts", "body"),
        ("Share Now", "share")]
