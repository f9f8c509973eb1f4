"""The gold source format: a page's text view with inline ``ng-`` tags, under YAML front matter.

One file per document (``annotations/gold/<id>.txt``)::

    ---
    id: example-page
    url: https://example.org/a
    ...
    ---
    <ng-seg k="title">Ministers <ng-ent t="ORG">Acme</ng-ent> meet</ng-seg>
    ...

Removing the tags gives exactly the document's ``text``; the file ends with one newline that is not
part of the text. Tags (attribute values in double quotes, ``&quot;`` and ``&amp;`` escaped):

* ``<ng-seg k="KIND">``: a segment of the page partition.
* ``<ng-ent t="LABEL">``: a named-entity mention.
* ``<ng-q g="G" k="KIND" [name="…"]>``: one content span of quotation group ``G``.
* ``<ng-sp g="G [G …]" [name="…"]>``: the speaker mention of the groups, with the resolved name.
* ``<ng-cue g="G [G …]">``: the cue (reporting verb or phrase) of the groups.

Optional front matter key ``annotated``: the layers the file has gold for, as a YAML list (e.g.
``annotated: []`` for a page brought in but not annotated yet). Absent means all three layers; it
is written only when some layer is not annotated, and a layer not listed may have no tags.

``parse`` and ``serialize`` are inverse on canonical files; ``serialize`` writes the canonical form
(group ids renumbered 1, 2, … in order of their first part, attributes in a fixed order).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import yaml

from .schema import LAYERS, Document, Entity, Quote, Segment, Span

TAG_RE = re.compile(r'<(/?)ng-(seg|ent|q|sp|cue)((?:\s+[a-z]+="[^"]*")*)\s*>')
_ATTR_RE = re.compile(r'([a-z]+)="([^"]*)"')
#: Nesting rank when spans coincide: outer first.
_RANK = {"seg": 0, "q": 1, "sp": 2, "cue": 3, "ent": 4}
FRONT_MATTER_KEYS = (
    "id", "url", "site", "layout", "language", "published", "title", "source", "license", "topic",
)
#: Front matter keys a file may leave out: ``annotated`` (default: all layers).
OPTIONAL_KEYS = ("annotated",)


class MarkupError(ValueError):
    """A gold source that cannot be read or written; the message names file, line and text."""


@dataclass(frozen=True)
class _Tag:
    name: str
    start: int
    end: int
    attrs: tuple[tuple[str, str], ...]

    def attr(self, key: str) -> str | None:
        return dict(self.attrs).get(key)


def _unescape(value: str) -> str:
    return value.replace("&quot;", '"').replace("&amp;", "&")


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;")


def split_front_matter(source: str, where: str) -> tuple[dict, str]:
    """Split ``---`` YAML front matter from the body."""
    if not source.startswith("---\n"):
        raise MarkupError(f"{where}: missing YAML front matter (the file must start with '---')")
    end = source.find("\n---\n", 3)
    if end < 0:
        raise MarkupError(f"{where}: front matter is not closed by a '---' line")
    meta = yaml.safe_load(source[4:end]) or {}
    if not isinstance(meta, dict):
        raise MarkupError(f"{where}: front matter is not a mapping")
    return meta, source[end + 5:]


def parse_tags(body: str, where: str) -> tuple[str, list[_Tag]]:
    """Strip the tags from a marked body; return the plain text and the tags with their spans."""
    out: list[str] = []
    stack: list[tuple[str, int, tuple, int]] = []
    tags: list[_Tag] = []
    pos = length = 0
    for m in TAG_RE.finditer(body):
        chunk = body[pos:m.start()]
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name = m.group(1) == "/", m.group(2)
        line = body.count("\n", 0, m.start()) + 1
        if closing:
            if not stack or stack[-1][0] != name:
                open_name = stack[-1][0] if stack else None
                raise MarkupError(f"{where}: body line {line}: </ng-{name}> closes "
                                  f"{'<ng-' + open_name + '>' if open_name else 'nothing'}")
            _, start, attrs, _ = stack.pop()
            tags.append(_Tag(name, start, length, attrs))
        else:
            attrs = tuple((k, _unescape(v)) for k, v in _ATTR_RE.findall(m.group(3)))
            stack.append((name, length, attrs, line))
    if stack:
        name, _, _, line = stack[-1]
        raise MarkupError(f"{where}: body line {line}: <ng-{name}> is never closed")
    out.append(body[pos:])
    text = "".join(out)
    if "<ng-" in text or "</ng-" in text:
        i = text.find("ng-") - 1
        raise MarkupError(f"{where}: malformed ng- tag near {text[max(0, i - 20):i + 40]!r}")
    return text, tags


def _require(tag: _Tag, key: str, where: str, text: str) -> str:
    value = tag.attr(key)
    if value is None:
        raise MarkupError(f"{where}: <ng-{tag.name}> at [{tag.start}, {tag.end}) "
                          f"{text[tag.start:tag.end]!r} lacks attribute {key}=")
    return value


def layers_from_tags(text: str, tags: list[_Tag], where: str) -> dict:
    """Turn parsed tags into the three gold layers (unvalidated beyond what the tags require)."""
    segments, entities, parts = [], [], []
    speakers: dict[str, _Tag] = {}
    cues: dict[str, _Tag] = {}
    for tag in tags:
        if tag.name == "seg":
            segments.append(Segment(tag.start, tag.end, _require(tag, "k", where, text)))
        elif tag.name == "ent":
            entities.append(Entity(tag.start, tag.end, _require(tag, "t", where, text)))
        elif tag.name == "q":
            parts.append(tag)
        else:
            table = speakers if tag.name == "sp" else cues
            for group in _require(tag, "g", where, text).split():
                if group in table:
                    other = table[group]
                    raise MarkupError(
                        f"{where}: quote group {group} has two <ng-{tag.name}> mentions: "
                        f"[{other.start}, {other.end}) {text[other.start:other.end]!r} and "
                        f"[{tag.start}, {tag.end}) {text[tag.start:tag.end]!r}")
                table[group] = tag
    quotes = []
    groups = {_require(p, "g", where, text) for p in parts}
    for table, name in ((speakers, "ng-sp"), (cues, "ng-cue")):
        for group, tag in table.items():
            if group not in groups:
                raise MarkupError(f"{where}: <{name} g=\"{group}\"> at [{tag.start}, {tag.end}) "
                                  f"{text[tag.start:tag.end]!r} names a quote group with no <ng-q>")
    for part in parts:
        group = part.attr("g")
        sp, cue = speakers.get(group), cues.get(group)
        name = part.attr("name") or (sp.attr("name") if sp else None)
        quotes.append(Quote(
            part.start, part.end, _require(part, "k", where, text), group,
            Span(sp.start, sp.end) if sp else None, name,
            Span(cue.start, cue.end) if cue else None,
        ))
    return {"segments": tuple(sorted(segments)), "entities": tuple(sorted(entities)),
            "quotes": tuple(sorted(quotes))}


def parse(source: str, where: str = "<string>", html: str | None = None) -> Document:
    """Read one gold source file into a Document."""
    meta, body = split_front_matter(source, where)
    if not body.endswith("\n"):
        raise MarkupError(f"{where}: the file must end with a newline")
    text, tags = parse_tags(body[:-1], where)
    missing = [k for k in FRONT_MATTER_KEYS if k not in meta]
    if missing:
        raise MarkupError(f"{where}: front matter lacks {', '.join(missing)}")
    unknown = sorted(set(meta) - set(FRONT_MATTER_KEYS) - set(OPTIONAL_KEYS))
    if unknown:
        raise MarkupError(f"{where}: front matter has unknown keys {', '.join(unknown)}")
    published = meta["published"]
    doc = Document(
        id=str(meta["id"]), url=str(meta["url"]), site=str(meta["site"]), layout=str(meta["layout"]),
        language=str(meta["language"]), published=None if published is None else str(published),
        title=str(meta["title"]), source=str(meta["source"]), license=str(meta["license"]),
        topic=None if meta["topic"] is None else str(meta["topic"]),
        text=text, html=html, **layers_from_tags(text, tags, where),
        annotated=_annotated(meta.get("annotated", list(LAYERS)), where))
    check_annotated(doc, where)
    return doc


def _annotated(value: object, where: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value) \
            or len(set(value)) != len(value) or not set(value) <= set(LAYERS):
        raise MarkupError(f"{where}: front matter 'annotated' must be a list of distinct layers "
                          f"from {', '.join(LAYERS)}, got {value!r}")
    return frozenset(value)


def check_annotated(doc: Document, where: str) -> None:
    """A layer the document is not annotated for must be empty."""
    for layer in LAYERS:
        if layer not in doc.annotated and getattr(doc, layer):
            raise MarkupError(f"{where}: {doc.id} has {layer} but its front matter 'annotated' "
                              f"does not list {layer}")


def canonical_groups(quotes: tuple[Quote, ...]) -> dict[str, str]:
    """Map group ids to 1, 2, … in order of each group's first part."""
    mapping: dict[str, str] = {}
    for q in sorted(quotes, key=lambda q: (q.start, q.end)):
        mapping.setdefault(q.group, str(len(mapping) + 1))
    return mapping


def _quote_tags(doc: Document, where: str) -> list[_Tag]:
    groups = canonical_groups(doc.quotes)
    tags: list[_Tag] = []
    by_speaker: dict[Span, list[str]] = defaultdict(list)
    by_cue: dict[Span, list[str]] = defaultdict(list)
    names: dict[Span, set] = defaultdict(set)
    seen_groups: dict[str, Quote] = {}
    for q in doc.quotes:
        g = groups[q.group]
        first = seen_groups.setdefault(g, q)
        if (first.speaker, first.speaker_name, first.cue) != (q.speaker, q.speaker_name, q.cue):
            raise MarkupError(f"{where}: parts of quote group {q.group} disagree on speaker or cue")
        attrs = [("g", g), ("k", q.kind)]
        if q.speaker is None and q.speaker_name is not None:
            attrs.append(("name", q.speaker_name))
        tags.append(_Tag("q", q.start, q.end, tuple(attrs)))
    for g, q in seen_groups.items():
        if q.speaker is not None:
            by_speaker[q.speaker].append(g)
            names[q.speaker].add(q.speaker_name)
        if q.cue is not None:
            by_cue[q.cue].append(g)
    for span, gs in by_speaker.items():
        if len(names[span]) > 1:
            raise MarkupError(f"{where}: speaker mention [{span.start}, {span.end}) is given two "
                              f"names: {sorted(map(str, names[span]))}")
        (name,) = names[span]
        attrs = [("g", " ".join(sorted(gs, key=int)))] + ([("name", name)] if name else [])
        tags.append(_Tag("sp", span.start, span.end, tuple(attrs)))
    for span, gs in by_cue.items():
        tags.append(_Tag("cue", span.start, span.end, (("g", " ".join(sorted(gs, key=int))),)))
    return tags


def serialize_body(doc: Document, where: str = "<document>") -> str:
    """The marked body of a document (canonical form). Raises MarkupError on crossing spans."""
    if TAG_RE.search(doc.text):
        m = TAG_RE.search(doc.text)
        raise MarkupError(f"{where}: the text itself contains an ng- tag {m.group(0)!r} "
                          f"at {m.start()}; it cannot be written in the marked format")
    tags = [_Tag("seg", s.start, s.end, (("k", s.kind),)) for s in doc.segments]
    tags += [_Tag("ent", e.start, e.end, (("t", e.label),)) for e in doc.entities]
    tags += _quote_tags(doc, where)
    tags.sort(key=lambda t: (t.start, -t.end, _RANK[t.name]))
    out: list[str] = []
    stack: list[_Tag] = []
    pos = 0

    def close_until(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1].end <= limit:
            top = stack.pop()
            out.append(doc.text[pos:top.end])
            pos = top.end
            out.append(f"</ng-{top.name}>")

    for tag in tags:
        if tag.start >= tag.end:
            raise MarkupError(f"{where}: empty <ng-{tag.name}> span at [{tag.start}, {tag.end})")
        close_until(tag.start)
        if stack and stack[-1].end < tag.end:
            outer = stack[-1]
            raise MarkupError(
                f"{where}: <ng-{tag.name}> [{tag.start}, {tag.end}) "
                f"{doc.text[tag.start:tag.end]!r} crosses <ng-{outer.name}> [{outer.start}, "
                f"{outer.end}) {doc.text[outer.start:outer.end]!r}; spans must nest")
        out.append(doc.text[pos:tag.start])
        pos = tag.start
        attrs = "".join(f' {k}="{_escape(v)}"' for k, v in tag.attrs)
        out.append(f"<ng-{tag.name}{attrs}>")
        stack.append(tag)
    close_until(len(doc.text))
    out.append(doc.text[pos:])
    return "".join(out)


def front_matter(doc: Document) -> str:
    """The YAML front matter block of a document (fixed key order)."""
    meta = {k: getattr(doc, k) for k in FRONT_MATTER_KEYS}
    block = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=10_000)
    if doc.annotated != frozenset(LAYERS):
        layers = [layer for layer in LAYERS if layer in doc.annotated]
        block += yaml.safe_dump({"annotated": layers}, default_flow_style=None)
    return "---\n" + block + "---\n"


def serialize(doc: Document, where: str = "<document>") -> str:
    """The whole canonical gold source file of a document."""
    check_annotated(doc, where)
    return front_matter(doc) + serialize_body(doc, where) + "\n"
