"""Every rule of the data model, checked; each violation names file, document, layer, span and text."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

from .render import render_text
from .schema import (
    CONTENT_KINDS, ENTITY_LABELS, QUOTE_KINDS, SEGMENT_KINDS, SOURCES, Document, Span, cuts_word,
)
from .sources import SourceFile

_BCP47 = re.compile(r"^[a-z]{2,3}(-[A-Za-z]{4})?(-([A-Z]{2}|\d{3}))?$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*[a-z0-9]$")
QUOTE_MARKS = "\"'“”„‟‘’‚‛«»‹›「」『』"


@dataclass(frozen=True)
class Violation:
    """One broken rule."""

    file: str
    doc_id: str
    layer: str
    rule: str
    message: str
    start: int | None = None
    end: int | None = None
    text: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        where = f"{self.file}: {self.doc_id}: {self.layer}"
        if self.start is not None:
            where += f" [{self.start}, {self.end}) {self.text!r}"
        return f"{where}: {self.message} ({self.rule})"


class _Checker:
    """Collects the violations of one document."""

    def __init__(self, file: str, doc: Document) -> None:
        self.file, self.doc, self.found = file, doc, []

    def add(self, layer: str, rule: str, message: str, span: Span | None = None) -> None:
        text = None
        if span is not None:
            lo, hi = max(span.start, 0), min(span.end, len(self.doc.text))
            text = self.doc.text[lo:hi] if lo < hi else ""
        self.found.append(Violation(self.file, self.doc.id, layer, rule, message,
                                    span.start if span else None, span.end if span else None, text))

    def span_ok(self, layer: str, span: Span, what: str) -> bool:
        n = len(self.doc.text)
        if not (0 <= span.start < span.end <= n):
            self.add(layer, "span-bounds", f"{what} span is empty or outside the text (length {n})",
                     span)
            return False
        t = self.doc.text
        if t[span.start].isspace() or t[span.end - 1].isspace():
            self.add(layer, "span-whitespace", f"{what} span starts or ends with whitespace", span)
        return True


def _check_metadata(c: _Checker, expected_id: str | None) -> None:
    d = c.doc
    if expected_id is not None and d.id != expected_id:
        c.add("metadata", "id-filename", f"id {d.id!r} differs from the file name {expected_id!r}")
    if not _SLUG.match(d.id):
        c.add("metadata", "id-slug", f"id {d.id!r} is not a lowercase slug")
    if not _BCP47.match(d.language):
        c.add("metadata", "language", f"language {d.language!r} is not a BCP-47 tag such as en or de")
    if d.source not in SOURCES:
        c.add("metadata", "source", f"source {d.source!r} is not one of {', '.join(SOURCES)}")
    if d.published is not None:
        try:
            date.fromisoformat(d.published)
        except ValueError:
            c.add("metadata", "published", f"published {d.published!r} is not an ISO date or null")
    for key in ("url", "site", "layout", "title", "license"):
        if not getattr(d, key).strip():
            c.add("metadata", "required", f"{key} is empty")


def _check_text(c: _Checker) -> None:
    d = c.doc
    if d.html is None:
        return
    rendered = render_text(d.html)
    if rendered != d.text:
        i = next((k for k, (a, b) in enumerate(zip(rendered, d.text)) if a != b),
                 min(len(rendered), len(d.text)))
        c.add("text", "text-render",
              f"text differs from the renderer's output of the HTML at offset {i}: "
              f"stored {d.text[i:i + 40]!r}, rendered {rendered[i:i + 40]!r}",
              Span(i, min(i + 40, len(d.text))) if i < len(d.text) else None)


def _check_segments(c: _Checker) -> list[bool]:
    """Check the partition; return the per-character content mask."""
    d = c.doc
    covered = [0] * len(d.text)
    content = [False] * len(d.text)
    for seg in d.segments:
        if seg.kind not in SEGMENT_KINDS:
            c.add("segments", "label", f"segment kind {seg.kind!r} is not in the schema", seg.span)
        if not c.span_ok("segments", seg.span, "segment"):
            continue
        for i in range(seg.start, seg.end):
            covered[i] += 1
            content[i] = seg.kind in CONTENT_KINDS
    if "segments" not in d.annotated:
        return content
    _report_runs(c, covered, lambda i: covered[i] > 1 and not d.text[i].isspace(),
                 "segment-overlap", "characters belong to more than one segment")
    _report_runs(c, covered, lambda i: covered[i] == 0 and not d.text[i].isspace(),
                 "segment-coverage", "non-whitespace characters belong to no segment")
    return content


def _report_runs(c: _Checker, values: list, bad, rule: str, message: str) -> None:
    i, n = 0, len(values)
    while i < n:
        if bad(i):
            j = i
            while j < n and (bad(j) or c.doc.text[j].isspace()):
                j += 1
            while c.doc.text[j - 1].isspace():
                j -= 1
            c.add("segments", rule, message, Span(i, j))
            i = j
        else:
            i += 1


def _inside_content(c: _Checker, content: list[bool], layer: str, span: Span, what: str) -> None:
    if "segments" not in c.doc.annotated:  # no partition yet: nothing to be inside of
        return
    if not all(content[span.start:span.end]):
        c.add(layer, "content-only", f"{what} lies (partly) outside content segments", span)


def _check_entities(c: _Checker, content: list[bool]) -> None:
    seen = Counter(c.doc.entities)
    for ent in sorted(c.doc.entities):
        if ent.label not in ENTITY_LABELS:
            c.add("entities", "label", f"entity label {ent.label!r} is not in the schema", ent.span)
        if not c.span_ok("entities", ent.span, "entity"):
            continue
        if seen[ent] > 1:
            c.add("entities", "duplicate", "the same entity is annotated twice", ent.span)
            seen[ent] = 1
        _inside_content(c, content, "entities", ent.span, "entity")
        text = c.doc.text
        if cuts_word(text, ent.start - 1, ent.start) or cuts_word(text, ent.end, ent.end - 1):
            c.add("entities", "word-boundary",
                  "entity starts or ends inside a word (inflected endings stay inside the span)",
                  ent.span)
    spans = sorted(c.doc.entities, key=lambda e: (e.start, e.end))
    for a, b in zip(spans, spans[1:]):
        if a.end > b.start and (a.start, a.end) != (b.start, b.end):
            c.add("entities", "entity-overlap",
                  f"entity overlaps [{a.start}, {a.end}) {c.doc.text[a.start:a.end]!r}; "
                  f"entities are flat", b.span)


def _includes_enclosing_marks(text: str, start: int, end: int) -> bool:
    """A direct quote's content that starts or ends with a quotation mark not itself enclosed by
    one: the enclosing mark was taken into the span. A mark right inside the enclosing one, also
    across a space (a nested quote at the edge, „… ‚x‘“ or “… ‘x,’ ”), and an apostrophe after a
    letter are fine."""
    first, last = text[start], text[end - 1]
    before, after = start, end  # moved outward past the whitespace around the span
    while before > 0 and text[before - 1].isspace():
        before -= 1
    while after < len(text) and text[after].isspace():
        after += 1
    opens = first in QUOTE_MARKS and not (before > 0 and text[before - 1] in QUOTE_MARKS)
    apostrophe = last in "'’" and end - start > 1 and text[end - 2].isalpha()
    closes = (last in QUOTE_MARKS and not apostrophe
              and not (after < len(text) and text[after] in QUOTE_MARKS))
    return opens or closes


def _check_quotes(c: _Checker, content: list[bool]) -> None:
    groups: dict[str, set] = defaultdict(set)
    for q in sorted(c.doc.quotes):
        if q.kind not in QUOTE_KINDS:
            c.add("quotes", "label", f"quote kind {q.kind!r} is not in the schema", q.span)
        if not q.group:
            c.add("quotes", "group", "quote has no group id", q.span)
        groups[q.group].add((q.speaker, q.speaker_name, q.cue))
        if not c.span_ok("quotes", q.span, "quote content"):
            continue
        _inside_content(c, content, "quotes", q.span, "quote content")
        if q.kind == "direct" and _includes_enclosing_marks(c.doc.text, q.start, q.end):
            c.add("quotes", "quote-marks",
                  "quote content includes its enclosing quotation marks", q.span)
        for role, span in (("speaker", q.speaker), ("cue", q.cue)):
            if span is not None and c.span_ok("quotes", span, role):
                _inside_content(c, content, "quotes", span, role)
                if span.overlaps(q.span):
                    c.add("quotes", f"{role}-overlap", f"{role} overlaps its quote content", span)
        if q.speaker is not None and not (q.speaker_name or "").strip():
            c.add("quotes", "speaker-name", "quote has a speaker mention but no speaker_name",
                  q.speaker)
    for group, variants in groups.items():
        if len(variants) > 1:
            parts = [q for q in c.doc.quotes if q.group == group]
            c.add("quotes", "group", f"parts of quote group {group!r} disagree on speaker, "
                  f"speaker_name or cue", parts[0].span)


def check_document(doc: Document, file: str, expected_id: str | None = None) -> list[Violation]:
    """All violations of one document."""
    c = _Checker(file, doc)
    _check_metadata(c, expected_id)
    _check_text(c)
    content = _check_segments(c)
    _check_entities(c, content)
    _check_quotes(c, content)
    return c.found


def check_corpus(files: Iterable[SourceFile]) -> Iterator[Violation]:
    """Violations of every document, plus duplicate ids across files."""
    first_file: dict[str, Path] = {}
    for sf in files:
        yield from check_document(sf.document, str(sf.path), sf.path.stem)
        doc_id = sf.document.id
        if doc_id in first_file:
            yield Violation(str(sf.path), doc_id, "metadata", "duplicate-id",
                            f"id already used by {first_file[doc_id]}")
        first_file.setdefault(doc_id, sf.path)
