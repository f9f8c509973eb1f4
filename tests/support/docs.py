"""Small builders for documents in foundation tests (offsets found by search, never typed)."""

from __future__ import annotations

from newsgold.schema import Document, Entity, Quote, Segment, Span

TEXT = "Home\n\nMayor opens bridge\n\n“It is done,” Ana Ruiz said.\n\nShare"


def find(text: str, needle: str, nth: int = 0) -> Span:
    """Span of the nth occurrence of needle in text."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle))


def segment(text: str, needle: str, kind: str) -> Segment:
    span = find(text, needle)
    return Segment(span.start, span.end, kind)


def entity(text: str, needle: str, label: str, nth: int = 0) -> Entity:
    span = find(text, needle, nth)
    return Entity(span.start, span.end, label)


def good_document(**overrides) -> Document:
    """A small valid document; keyword arguments replace fields."""
    t = TEXT
    content = find(t, "It is done,")
    fields = dict(
        id="test-doc", url="https://news.example/a", site="news.example", layout="test",
        language="en", published="2026-01-02", title="Mayor opens bridge", source="original",
        license="CC-BY-4.0", topic="local", text=t, html=None,
        segments=(segment(t, "Home", "navigation"), segment(t, "Mayor opens bridge", "title"),
                  segment(t, "“It is done,” Ana Ruiz said.", "body"), segment(t, "Share", "share")),
        entities=(entity(t, "Ana Ruiz", "PERSON"),),
        quotes=(Quote(content.start, content.end, "direct", "1", find(t, "Ana Ruiz"), "Ana Ruiz",
                      find(t, "said")),),
    )
    fields.update(overrides)
    return Document(**fields)
