"""The JSON form of pages and predictions, and the check every prediction passes before scoring.

One format serves the command protocol, the predictions file and the prediction cache (see
docs/protocol.md). A layer key that is absent or null means "not produced"; an empty list or
string means "produced nothing".
"""

from __future__ import annotations

import json
from typing import Any, Iterable

from ..schema import (
    ENTITY_LABELS, QUOTE_KINDS, SEGMENT_KINDS, Entity, Quote, Segment, Span,
)
from .base import TASKS, Page, Prediction

#: Layers of a prediction and the task each one answers.
LAYER_TASK: dict[str, str] = {
    "main_text": "boilerplate", "segments": "boilerplate",
    "entities": "entities", "quotes": "quotes",
}


#: Version of the JSON-lines format, declared by the handshake / header line.
PROTOCOL_VERSION = 1


class FormatError(ValueError):
    """A line that does not follow the format."""


class InvalidPrediction(FormatError):
    """A prediction that does not follow the format (wrong types, spans out of range, ...)."""


def parse_header(line: str | bytes) -> dict[str, Any]:
    """The handshake of a command / header of a predictions file:
    ``{"newsgold": 1, "name": str, "version": str, "tasks": [...], "input": "text"|"html"}``."""
    try:
        header = json.loads(line)
    except ValueError:
        header = None
    if not isinstance(header, dict) or header.get("newsgold") != PROTOCOL_VERSION:
        raise FormatError(f'the first line must be {{"newsgold": {PROTOCOL_VERSION}, "name": ..., '
                          f'"version": ..., "tasks": [...], "input": "text"|"html"}}, '
                          f"got {line[:200]!r}")
    problems = []
    unknown = set(header) - {"newsgold", "name", "version", "tasks", "input"}
    if unknown:
        problems.append(f"unknown key(s) {', '.join(sorted(unknown))}")
    name = header.get("name")
    if not isinstance(name, str) or not name or any(c in name for c in "|=:"):
        problems.append("name must be a non-empty string without '|', '=' or ':'")
    version = header.get("version")
    if not isinstance(version, str) or not version or "|" in version:
        problems.append("version must be a non-empty string without '|'")
    tasks = header.get("tasks")
    if not isinstance(tasks, list) or not tasks or not all(t in TASKS for t in tasks):
        problems.append(f"tasks must be a non-empty list drawn from {list(TASKS)}")
    if header.setdefault("input", "text") not in ("html", "text"):
        problems.append('input must be "html" or "text"')
    if problems:
        raise FormatError(f"invalid header {line[:200]!r}: {'; '.join(problems)}")
    return header


def page_to_json(page: Page) -> dict[str, Any]:
    """A page as sent to a command: every field of ``Page``."""
    return {"id": page.id, "url": page.url, "language": page.language,
            "text": page.text, "html": page.html}


def _span_json(span: Span | None) -> dict[str, int] | None:
    return None if span is None else {"start": span.start, "end": span.end}


def prediction_to_json(pred: Prediction) -> dict[str, Any]:
    """A prediction as one JSON object; layers that are None are left out."""
    out: dict[str, Any] = {"id": pred.doc_id}
    if pred.main_text is not None:
        out["main_text"] = pred.main_text
    if pred.segments is not None:
        out["segments"] = [{"start": s.start, "end": s.end, "kind": s.kind} for s in pred.segments]
    if pred.entities is not None:
        out["entities"] = [{"start": e.start, "end": e.end, "label": e.label}
                           for e in pred.entities]
    if pred.quotes is not None:
        out["quotes"] = [{"start": q.start, "end": q.end, "kind": q.kind, "group": q.group,
                          "speaker": _span_json(q.speaker), "speaker_name": q.speaker_name,
                          "cue": _span_json(q.cue)} for q in pred.quotes]
    if pred.error is not None:
        out["error"] = pred.error
    return out


def _int(obj: dict, key: str, where: str) -> int:
    value = obj.get(key)
    if type(value) is not int:
        raise InvalidPrediction(f"{where}.{key} must be an integer, got {value!r}")
    return value


def _str(obj: dict, key: str, where: str, optional: bool = False) -> str | None:
    value = obj.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise InvalidPrediction(f"{where}.{key} must be a string, got {value!r}")
    return value


def _objects(obj: dict, key: str) -> list[tuple[str, dict]] | None:
    items = obj.get(key)
    if items is None:
        return None
    if not isinstance(items, list):
        raise InvalidPrediction(f"{key} must be a list, got {type(items).__name__}")
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise InvalidPrediction(f"{key}[{i}] must be an object, got {item!r}")
    return [(f"{key}[{i}]", item) for i, item in enumerate(items)]


def _opt_span(obj: dict, key: str, where: str) -> Span | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, dict):
        raise InvalidPrediction(f"{where}.{key} must be an object or null, got {value!r}")
    return Span(_int(value, "start", f"{where}.{key}"), _int(value, "end", f"{where}.{key}"))


def prediction_from_json(obj: Any) -> Prediction:
    """Build a prediction from its JSON object (types checked; spans are checked by
    ``check_prediction`` against the page)."""
    if not isinstance(obj, dict):
        raise InvalidPrediction(f"a prediction must be a JSON object, got {type(obj).__name__}")
    unknown = set(obj) - {"id", *LAYER_TASK, "error"}
    if unknown:
        raise InvalidPrediction(f"unknown key(s) {', '.join(sorted(unknown))}")
    doc_id = _str(obj, "id", "prediction")
    segs, ents = _objects(obj, "segments"), _objects(obj, "entities")
    quotes = _objects(obj, "quotes")
    return Prediction(
        doc_id=doc_id,
        main_text=_str(obj, "main_text", "prediction", optional=True),
        segments=None if segs is None else tuple(
            Segment(_int(s, "start", w), _int(s, "end", w), _str(s, "kind", w)) for w, s in segs),
        entities=None if ents is None else tuple(
            Entity(_int(e, "start", w), _int(e, "end", w), _str(e, "label", w)) for w, e in ents),
        quotes=None if quotes is None else tuple(
            Quote(_int(q, "start", w), _int(q, "end", w), _str(q, "kind", w),
                  _str(q, "group", w), _opt_span(q, "speaker", w),
                  _str(q, "speaker_name", w, optional=True), _opt_span(q, "cue", w))
            for w, q in quotes),
        error=_str(obj, "error", "prediction", optional=True),
    )


def empty_prediction(doc_id: str, tasks: Iterable[str], error: str | None = None) -> Prediction:
    """What a page that failed is scored as: every layer of ``tasks`` produced empty."""
    tasks = set(tasks)
    bp = "boilerplate" in tasks
    return Prediction(doc_id=doc_id, main_text="" if bp else None, segments=() if bp else None,
                      entities=() if "entities" in tasks else None,
                      quotes=() if "quotes" in tasks else None, error=error)


def _check_span(start: Any, end: Any, length: int, where: str) -> None:
    if type(start) is not int or type(end) is not int:
        raise InvalidPrediction(f"{where}: offsets must be integers, got [{start!r}, {end!r})")
    if not 0 <= start <= end <= length:
        raise InvalidPrediction(f"{where}: span [{start}, {end}) is out of range for a text of "
                                f"length {length}")


def _check_items(items: Any, cls: type, field: str, allowed: tuple[str, ...], layer: str,
                 length: int) -> tuple:
    if not isinstance(items, (tuple, list)):
        raise InvalidPrediction(f"{layer} must be a tuple, got {type(items).__name__}")
    for i, item in enumerate(items):
        where = f"{layer}[{i}]"
        if not isinstance(item, cls):
            raise InvalidPrediction(f"{where} must be a {cls.__name__}, got {item!r}")
        _check_span(item.start, item.end, length, where)
        if getattr(item, field) not in allowed:
            raise InvalidPrediction(f"{where}: unknown {field} {getattr(item, field)!r}")
        if isinstance(item, Quote):
            if not isinstance(item.group, str):
                raise InvalidPrediction(f"{where}: group must be a string")
            for name in ("speaker", "cue"):
                span = getattr(item, name)
                if span is not None:
                    if not isinstance(span, Span):
                        raise InvalidPrediction(f"{where}.{name} must be a Span or None")
                    _check_span(span.start, span.end, length, f"{where}.{name}")
            if item.speaker_name is not None and not isinstance(item.speaker_name, str):
                raise InvalidPrediction(f"{where}.speaker_name must be a string or None")
    return tuple(sorted(items, key=lambda item: (item.start, item.end)))


def check_prediction(pred: Any, page: Page, tasks: Iterable[str]) -> Prediction:
    """The prediction, validated against the page and the declared tasks, layers sorted.

    Raises ``InvalidPrediction`` naming the layer, item and span at fault.
    """
    if not isinstance(pred, Prediction):
        raise InvalidPrediction(f"extract() must return a Prediction, got {type(pred).__name__}")
    if pred.doc_id != page.id:
        raise InvalidPrediction(f"prediction is for {pred.doc_id!r}, not for page {page.id!r}")
    tasks = set(tasks)
    unknown = tasks - set(TASKS)
    if unknown:
        raise InvalidPrediction(f"unknown task(s) {', '.join(sorted(unknown))}")
    if pred.main_text is not None and not isinstance(pred.main_text, str):
        raise InvalidPrediction(f"main_text must be a string, got {type(pred.main_text).__name__}")
    length = len(page.text)
    layers: dict[str, Any] = {}
    for layer, cls, field, allowed in (("segments", Segment, "kind", SEGMENT_KINDS),
                                       ("entities", Entity, "label", ENTITY_LABELS),
                                       ("quotes", Quote, "kind", QUOTE_KINDS)):
        value = getattr(pred, layer)
        if value is not None:
            layers[layer] = _check_items(value, cls, field, allowed, layer, length)
    for task in tasks:
        produced = [layer for layer, t in LAYER_TASK.items()
                    if t == task and getattr(pred, layer) is not None]
        if not produced:
            wanted = " or ".join(layer for layer, t in LAYER_TASK.items() if t == task)
            raise InvalidPrediction(f"the extractor declares task {task!r} but its prediction "
                                    f"has no {wanted} (use an empty value for 'nothing found')")
    return Prediction(doc_id=pred.doc_id, main_text=pred.main_text,
                      segments=layers.get("segments"), entities=layers.get("entities"),
                      quotes=layers.get("quotes"), error=pred.error)
