"""Documents as Hugging Face rows: the declared features and the conversions both ways."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from .schema import (
    ENTITY_LABELS, LAYERS, QUOTE_KINDS, SEGMENT_KINDS, Document, Entity, Quote, Segment, Span,
)


def features():
    """The dataset's declared features (ClassLabel for kinds and labels)."""
    from datasets import ClassLabel, Features, List, Value

    span = {"start": Value("int32"), "end": Value("int32")}
    return Features({
        "id": Value("string"),
        "url": Value("string"),
        "site": Value("string"),
        "layout": Value("string"),
        "language": Value("string"),
        "published": Value("string"),
        "title": Value("string"),
        "source": Value("string"),
        "license": Value("string"),
        "topic": Value("string"),
        "text": Value("string"),
        "text_sha256": Value("string"),
        "html": Value("string"),
        "annotated": List(Value("string")),
        "segments": List({**span, "kind": ClassLabel(names=list(SEGMENT_KINDS))}),
        "entities": List({**span, "label": ClassLabel(names=list(ENTITY_LABELS))}),
        "quotes": List({
            **span,
            "kind": ClassLabel(names=list(QUOTE_KINDS)),
            "group": Value("string"),
            "speaker": dict(span),
            "speaker_name": Value("string"),
            "cue": dict(span),
        }),
    })


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _span(span: Span | None) -> dict | None:
    return None if span is None else {"start": span.start, "end": span.end}


def to_row(doc: Document) -> dict[str, Any]:
    """A document as a row with string labels (``datasets`` encodes them to ClassLabel ids)."""
    return {
        "id": doc.id, "url": doc.url, "site": doc.site, "layout": doc.layout,
        "language": doc.language, "published": doc.published, "title": doc.title,
        "source": doc.source, "license": doc.license, "topic": doc.topic, "text": doc.text,
        "text_sha256": text_sha256(doc.text), "html": doc.html,
        "annotated": [layer for layer in LAYERS if layer in doc.annotated],
        "segments": [{"start": s.start, "end": s.end, "kind": s.kind} for s in doc.segments],
        "entities": [{"start": e.start, "end": e.end, "label": e.label} for e in doc.entities],
        "quotes": [{"start": q.start, "end": q.end, "kind": q.kind, "group": q.group,
                    "speaker": _span(q.speaker), "speaker_name": q.speaker_name,
                    "cue": _span(q.cue)} for q in doc.quotes],
    }


def _label(value: Any, names: tuple[str, ...]) -> str:
    return names[value] if isinstance(value, int) else value


def _opt_span(d: dict | None) -> Span | None:
    return None if d is None or d.get("start") is None else Span(d["start"], d["end"])


def from_row(row: dict[str, Any]) -> Document:
    """A row (ClassLabel ids or strings) back to a Document."""
    return Document(
        id=row["id"], url=row["url"], site=row["site"], layout=row["layout"],
        language=row["language"], published=row["published"], title=row["title"],
        source=row["source"], license=row["license"], topic=row["topic"], text=row["text"],
        html=row["html"],
        segments=tuple(Segment(s["start"], s["end"], _label(s["kind"], SEGMENT_KINDS))
                       for s in row["segments"]),
        entities=tuple(Entity(e["start"], e["end"], _label(e["label"], ENTITY_LABELS))
                       for e in row["entities"]),
        quotes=tuple(Quote(q["start"], q["end"], _label(q["kind"], QUOTE_KINDS), q["group"],
                           _opt_span(q["speaker"]), q["speaker_name"], _opt_span(q["cue"]))
                     for q in row["quotes"]),
        annotated=frozenset(row["annotated"]),
    )


def content_hash(rows: list[dict[str, Any]]) -> str:
    """SHA-256 over the canonical JSON of all rows, sorted by id: names the corpus contents."""
    h = hashlib.sha256()
    for row in sorted(rows, key=lambda r: r["id"]):
        h.update(json.dumps(row, sort_keys=True, ensure_ascii=False).encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()
