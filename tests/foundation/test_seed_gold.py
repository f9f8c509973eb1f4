"""Document one: the real seed page, fully annotated by the guidelines."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgold.markup import parse

REPO = Path(__file__).resolve().parents[2]
SEED_ID = "latestly-russia-china-2023-06-25"


@pytest.fixture(scope="module")
def seed():
    path = REPO / "annotations" / "gold" / f"{SEED_ID}.txt"
    return parse(path.read_text(encoding="utf-8"), str(path))


def kinds_of(doc, needle):
    i = doc.text.index(needle)
    return [s.kind for s in doc.segments if s.start <= i < s.end]


def quote_containing(doc, needle):
    i = doc.text.index(needle)
    (q,) = [q for q in doc.quotes if q.start <= i < q.end]
    return q


def test_text_is_the_shared_seed_page(seed, shared):
    assert seed.text == (shared / "seed" / f"{SEED_ID}.txt").read_text(encoding="utf-8")


def test_ma_zhaoxu_speaks_the_complex_situation_quote(seed):
    q = quote_containing(seed, "Under the complex and severe international situation")
    assert q.kind == "direct"
    assert seed.text[q.speaker.start:q.speaker.end] == "Ma"
    assert q.speaker_name == "Ma Zhaoxu"
    assert seed.text[q.cue.start:q.cue.end] == "said"
    assert seed.text[q.start:q.end].startswith("Under the complex")


def test_pronoun_it_resolves_to_the_chinese_foreign_ministry(seed):
    q = quote_containing(seed, "As a friendly neighbor")
    assert seed.text[q.speaker.start:q.speaker.end] == "it"
    assert q.speaker_name == "Chinese Foreign Ministry"


def test_the_statement_is_attributed_to_the_russian_ministry(seed):
    q = quote_containing(seed, "The Chinese side expressed support")
    assert seed.text[q.speaker.start:q.speaker.end] == "the Russian statement"
    assert q.speaker_name == "Russian Foreign Ministry"


def test_indirect_reports(seed):
    indirect = [q for q in seed.quotes if q.kind == "indirect"]
    texts = [seed.text[q.start:q.end] for q in indirect]
    assert sum(t.startswith("China threw its support") for t in texts) == 2  # standfirst + body
    assert any(t.startswith("China Backs Its Efforts") for t in texts)  # the headline
    assert {q.speaker_name for q in indirect} >= {"Russia", "Russian Foreign Ministry", "analysts"}


def test_boilerplate_segments(seed):
    assert kinds_of(seed, "World News") == ["navigation"]
    assert kinds_of(seed, "Get latest articles") == ["promo"]
    # the promo shares its line with the duplicated standfirst
    line = seed.text.splitlines()[2]
    assert line.startswith("Get latest articles") and "Russia said on Sunday" in line
    assert kinds_of(seed, "Russia said on Sunday") == ["standfirst"]
    assert kinds_of(seed, "Streaks of Light") == ["related"]
    assert [kinds_of(seed, l) for l in seed.text.splitlines() if l.startswith("Also Read")] == \
        [["related"], ["related"]]
    assert kinds_of(seed, "The above story is verified") == ["legal"]
    assert [s.kind for s in seed.segments if seed.text[s.start:s.end] == "Share Now"] == \
        ["share", "share"]


def test_content_views(seed):
    body = seed.content_text("body")
    assert body.startswith("Taipei, Jun 25 (AP) Russia said on Sunday")
    assert "Also Read" not in body and "Share Now" not in body and "LatestLY" not in body
    assert seed.content_text("article").startswith("Russia Says China Backs")


def test_entities(seed):
    by_text = {(seed.text[e.start:e.end], e.label) for e in seed.entities}
    assert {("Ma Zhaoxu", "PERSON"), ("Ma", "PERSON"), ("Wagner Group", "ORG"),
            ("Shanghai Cooperation Organization", "ORG"), ("Taipei", "GPE"),
            ("Russian Foreign Ministry", "ORG")} <= by_text
    assert all(seed.text[e.start:e.end] not in ("LatestLY", "PTI") for e in seed.entities)
