"""Small builders for metric tests: documents whose spans are found by search, never typed."""

from __future__ import annotations

from support.docs import find

from newsgold.extractors.base import Prediction
from newsgold.schema import LAYERS, Document, Entity, Quote, Segment


def doc(text: str, *, segments: tuple[Segment, ...] | None = None, entities=(), quotes=(),
        layers=LAYERS, doc_id: str = "doc") -> Document:
    """A document; by default the whole text is one body segment."""
    if segments is None:
        segments = (Segment(0, len(text), "body"),) if text else ()
    return Document(id=doc_id, url="https://news.example/a", site="news.example", layout="test",
                    language="en", published=None, title="t", source="original",
                    license="CC-BY-4.0", topic=None, text=text, segments=tuple(segments),
                    entities=tuple(entities), quotes=tuple(quotes), annotated=frozenset(layers))


def seg(text: str, needle: str, kind: str, nth: int = 0) -> Segment:
    span = find(text, needle, nth)
    return Segment(span.start, span.end, kind)


def ent(text: str, needle: str, label: str, nth: int = 0) -> Entity:
    span = find(text, needle, nth)
    return Entity(span.start, span.end, label)


def quote(text: str, needle: str, *, kind: str = "direct", group: str = "1",
          speaker: str | None = None, name: str | None = None, nth: int = 0) -> Quote:
    """A quote part; ``speaker`` is the needle of the speaker mention (its name by default)."""
    span = find(text, needle, nth)
    mention = find(text, speaker) if speaker else None
    return Quote(span.start, span.end, kind, group, mention,
                 name if name is not None else speaker, None)


def pred(doc_id: str = "doc", **layers) -> Prediction:
    return Prediction(doc_id=doc_id, **layers)
