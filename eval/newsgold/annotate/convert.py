"""Gold layers to Label Studio results and back, losing nothing silently.

Region ids written here: ``seg<n>``, ``ent<n>``, ``q<n>`` (a quote part), ``sp<n>``, ``cue<n>``.
A quotation's parts are chained by ``continues`` relations; its first part carries the ``speaker``
and ``cue`` relations and, for a speaker the text never mentions, the ``unmentioned_speaker`` name.

Reading never trusts ``value.text``: spans are re-sliced from the task text. Whatever cannot
become gold (span outside the text, unknown control or label, relation to a missing region or
without a label, a quote without kind, two speakers for one quotation, crossing spans...) is a
``Conflict`` naming task, document, annotation, region, span, text and reason.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, replace
from typing import Any

from ..markup import MarkupError, canonical_groups, serialize
from ..schema import (
    ENTITY_LABELS, LAYERS, QUOTE_KINDS, SEGMENT_KINDS, Document, Entity, Quote, Segment, Span,
)
from . import config as C

_LABELS = {C.SEGMENT: SEGMENT_KINDS, C.ENTITY: ENTITY_LABELS, C.QUOTE: C.QUOTE_ROLES}
_PER_REGION = {C.QUOTE_KIND: ("choices", C.ROLE_QUOTE),
               C.SPEAKER_NAME: ("textarea", C.ROLE_SPEAKER),
               C.UNMENTIONED_SPEAKER: ("textarea", C.ROLE_QUOTE)}
_RELATION_ENDS = {C.REL_SPEAKER: {C.ROLE_QUOTE, C.ROLE_SPEAKER},
                  C.REL_CUE: {C.ROLE_QUOTE, C.ROLE_CUE},
                  C.REL_CONTINUES: {C.ROLE_QUOTE}}


@dataclass(frozen=True)
class Conflict:
    """Something in Label Studio that cannot become gold."""

    reason: str
    task: int | None = None
    doc_id: str | None = None
    annotation: int | None = None
    region: str | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def __str__(self) -> str:
        where = f"task {self.task}" if self.task is not None else "export"
        if self.doc_id:
            where += f" ({self.doc_id})"
        if self.annotation is not None:
            where += f" annotation {self.annotation}"
        if self.region:
            where += f" region {self.region}"
        if self.start is not None:
            where += f" [{self.start}, {self.end}) {self.text!r}"
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class Origin:
    """Where a result came from (for conflict messages)."""

    task: int | None = None
    doc_id: str | None = None
    annotation: int | None = None

    def conflict(self, reason: str, text: str = "", region: str | None = None,
                 start: Any = None, end: Any = None) -> Conflict:
        snippet = None
        if isinstance(start, int) and isinstance(end, int):
            lo, hi = max(start, 0), min(end, len(text))
            snippet = text[lo:hi] if lo < hi else ""
        return Conflict(reason, self.task, self.doc_id, self.annotation, region,
                        start if isinstance(start, int) else None,
                        end if isinstance(end, int) else None, snippet)


# --- gold to results -------------------------------------------------------------------------


def _region(region_id: str, control: str, span: Span | Segment | Entity | Quote, label: str,
            text: str) -> dict[str, Any]:
    return {"id": region_id, "from_name": control, "to_name": C.TEXT, "type": "labels",
            "value": {"start": span.start, "end": span.end, "text": text[span.start:span.end],
                      "labels": [label]}}


def _per_region(region: dict[str, Any], control: str, kind: str, value: Any) -> dict[str, Any]:
    start, end = region["value"]["start"], region["value"]["end"]
    key = "choices" if kind == "choices" else "text"
    return {"id": region["id"], "from_name": control, "to_name": C.TEXT, "type": kind,
            "value": {"start": start, "end": end, key: [value]}}


def _relation(from_id: str, to_id: str, label: str) -> dict[str, Any]:
    return {"type": "relation", "from_id": from_id, "to_id": to_id, "direction": "right",
            "labels": [label]}


def to_results(doc: Document) -> list[dict[str, Any]]:
    """The Label Studio result items of a document's annotated layers."""
    layers, text, out = doc.annotated, doc.text, []
    if "segments" in layers:
        out += [_region(f"seg{i}", C.SEGMENT, s, s.kind, text)
                for i, s in enumerate(sorted(doc.segments), 1)]
    if "entities" in layers:
        out += [_region(f"ent{i}", C.ENTITY, e, e.label, text)
                for i, e in enumerate(sorted(doc.entities), 1)]
    if "quotes" in layers:
        out += _quote_results(doc)
    return out


def _quote_results(doc: Document) -> list[dict[str, Any]]:
    text, out, relations = doc.text, [], []
    groups = canonical_groups(doc.quotes)
    speakers: dict[Span, dict] = {}
    cues: dict[Span, dict] = {}
    last_part: dict[str, dict] = {}
    for i, q in enumerate(sorted(doc.quotes, key=lambda q: (q.start, q.end, q.kind)), 1):
        part = _region(f"q{i}", C.QUOTE, q, C.ROLE_QUOTE, text)
        out += [part, _per_region(part, C.QUOTE_KIND, "choices", q.kind)]
        group = groups[q.group]
        if group in last_part:
            relations.append(_relation(last_part[group]["id"], part["id"], C.REL_CONTINUES))
        else:
            if q.speaker is None and q.speaker_name is not None:
                out.append(_per_region(part, C.UNMENTIONED_SPEAKER, "textarea", q.speaker_name))
            if q.speaker is not None:
                if q.speaker not in speakers:
                    sp = _region(f"sp{len(speakers) + 1}", C.QUOTE, q.speaker, C.ROLE_SPEAKER, text)
                    speakers[q.speaker] = sp
                    out.append(sp)
                    if q.speaker_name is not None:
                        out.append(_per_region(sp, C.SPEAKER_NAME, "textarea", q.speaker_name))
                relations.append(_relation(part["id"], speakers[q.speaker]["id"], C.REL_SPEAKER))
            if q.cue is not None:
                if q.cue not in cues:
                    cues[q.cue] = _region(f"cue{len(cues) + 1}", C.QUOTE, q.cue, C.ROLE_CUE, text)
                    out.append(cues[q.cue])
                relations.append(_relation(part["id"], cues[q.cue]["id"], C.REL_CUE))
        last_part[group] = part
    return out + relations


# --- results to gold -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Region:
    id: str
    control: str
    label: str
    start: int
    end: int


class _Reader:
    """Reads one annotation's result items against the task text."""

    def __init__(self, text: str, origin: Origin) -> None:
        self.text, self.origin = text, origin
        self.conflicts: list[Conflict] = []
        self.regions: dict[str, _Region] = {}
        self.bad_ids: set[str] = set()
        self.extras: dict[str, dict[str, Any]] = defaultdict(dict)

    def conflict(self, reason: str, region: str | None = None, start: Any = None,
                 end: Any = None) -> None:
        self.conflicts.append(self.origin.conflict(reason, self.text, region, start, end))

    def conflict_at(self, reason: str, region: _Region) -> None:
        self.conflict(reason, region.id, region.start, region.end)

    def read(self, result: Any) -> None:
        if not isinstance(result, list):
            self.conflict(f"the annotation result is not a list but {type(result).__name__}")
            return
        items = [item for item in result if isinstance(item, dict)]
        if len(items) != len(result):
            self.conflict("the annotation result holds items that are not objects")
        for item in items:
            if item.get("type") == "labels":
                self._labels(item)
        for item in items:
            kind = item.get("type")
            if kind in ("choices", "textarea"):
                self._per_region(item)
            elif kind not in ("labels", "relation"):
                self.conflict(f"unsupported result type {kind!r} from control "
                              f"{item.get('from_name')!r}", item.get("id"))

    def _labels(self, item: dict[str, Any]) -> None:
        rid, control = item.get("id"), item.get("from_name")
        value = item.get("value") if isinstance(item.get("value"), dict) else {}
        start, end = value.get("start"), value.get("end")
        if not isinstance(rid, str) or not rid:
            self.conflict("region without an id", None, start, end)
            return
        if rid in self.regions or rid in self.bad_ids:
            self.conflict("two regions share this id", rid, start, end)
            self.bad_ids.add(rid)
            self.regions.pop(rid, None)
            return
        self.bad_ids.add(rid)
        if control not in _LABELS or item.get("to_name") != C.TEXT:
            self.conflict(f"unknown control {control!r} -> {item.get('to_name')!r} (the labeling "
                          f"config has {', '.join(_LABELS)} -> {C.TEXT})", rid, start, end)
            return
        if not (type(start) is int and type(end) is int):
            self.conflict(f"span offsets are not integers: start={start!r}, end={end!r}", rid)
            return
        if not 0 <= start < end <= len(self.text):
            self.conflict(f"span [{start}, {end}) is empty or outside the text "
                          f"(length {len(self.text)})", rid, start, end)
            return
        labels = value.get("labels")
        if not isinstance(labels, list) or len(labels) != 1:
            self.conflict(f"region must have exactly one {control} label, has {labels!r}",
                          rid, start, end)
            return
        if labels[0] not in _LABELS[control]:
            self.conflict(f"unknown {control} label {labels[0]!r}", rid, start, end)
            return
        self.bad_ids.discard(rid)
        self.regions[rid] = _Region(rid, control, labels[0], start, end)

    def _per_region(self, item: dict[str, Any]) -> None:
        rid, control, kind = item.get("id"), item.get("from_name"), item.get("type")
        value = item.get("value") if isinstance(item.get("value"), dict) else {}
        if control not in _PER_REGION or _PER_REGION[control][0] != kind:
            self.conflict(f"unknown {kind} control {control!r}", rid, value.get("start"),
                          value.get("end"))
            return
        if rid in self.bad_ids:
            return
        region = self.regions.get(rid)
        if region is None:
            self.conflict(f"{control} is given for a region that does not exist", rid,
                          value.get("start"), value.get("end"))
            return
        role = _PER_REGION[control][1]
        if (region.control, region.label) != (C.QUOTE, role):
            self.conflict_at(f"{control} is only meaningful on {role} regions, not on a "
                             f"{region.control} {region.label} region", region)
            return
        values = value.get("choices" if kind == "choices" else "text")
        if not isinstance(values, list) or len(values) != 1 or not isinstance(values[0], str):
            self.conflict_at(f"{control} must hold exactly one value, has {values!r}", region)
            return
        if control == C.QUOTE_KIND and values[0] not in QUOTE_KINDS:
            self.conflict_at(f"unknown quote kind {values[0]!r}", region)
            return
        if control in self.extras[rid]:
            self.conflict_at(f"{control} is given twice", region)
            return
        self.extras[rid][control] = values[0].strip() if kind == "textarea" else values[0]


def _relations(reader: _Reader, result: list) -> list[tuple[str, _Region, _Region]]:
    """Checked relations as ``(label, quote part, other end)``."""
    out = []
    for item in result:
        if not isinstance(item, dict) or item.get("type") != "relation":
            continue
        a, b = item.get("from_id"), item.get("to_id")
        missing = [rid for rid in (a, b) if rid not in reader.regions and rid not in reader.bad_ids]
        if missing:
            reader.conflict(f"relation {a!r} -> {b!r} points to a region that does not exist: "
                            f"{', '.join(map(repr, missing))}", a if a in reader.regions else b)
            continue
        if a in reader.bad_ids or b in reader.bad_ids:
            continue  # the broken region is reported already
        ra, rb = reader.regions[a], reader.regions[b]
        labels = item.get("labels")
        if not labels:
            reader.conflict_at(f"relation {a} -> {b} has no label (choose one of "
                               f"{', '.join(C.RELATIONS)})", ra)
            continue
        if len(labels) != 1 or labels[0] not in C.RELATIONS:
            reader.conflict_at(f"relation {a} -> {b} has labels {labels!r}; expected one of "
                               f"{', '.join(C.RELATIONS)}", ra)
            continue
        label = labels[0]
        ends = {r.label for r in (ra, rb) if r.control == C.QUOTE}
        if ra.control != C.QUOTE or rb.control != C.QUOTE or ends != _RELATION_ENDS[label]:
            reader.conflict_at(f"a {label} relation must join "
                               f"{' and '.join(sorted(_RELATION_ENDS[label]))} regions, not "
                               f"{ra.control} {ra.label} and {rb.control} {rb.label}", ra)
            continue
        quote, other = (ra, rb) if ra.label == C.ROLE_QUOTE else (rb, ra)
        out.append((label, quote, other))
    return out


def _find(parent: dict[str, str], x: str) -> str:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _quotes(reader: _Reader, relations: list[tuple[str, _Region, _Region]]) -> list[Quote]:
    parts = {rid: r for rid, r in reader.regions.items()
             if r.control == C.QUOTE and r.label == C.ROLE_QUOTE}
    parent = {rid: rid for rid in parts}
    linked: dict[str, list[tuple[str, _Region]]] = defaultdict(list)
    used: set[str] = set()
    for label, quote, other in relations:
        if label == C.REL_CONTINUES:
            parent[_find(parent, quote.id)] = _find(parent, other.id)
        else:
            linked[quote.id].append((label, other))
            used.add(other.id)
    for rid, region in reader.regions.items():
        if region.control == C.QUOTE and region.label != C.ROLE_QUOTE and rid not in used:
            reader.conflict_at(f"{region.label} region is linked to no QUOTE (draw a "
                               f"{region.label.lower()} relation from its quote)", region)
    groups: dict[str, list[_Region]] = defaultdict(list)
    for rid in parts:
        groups[_find(parent, rid)].append(parts[rid])
    quotes: list[Quote] = []
    for n, members in enumerate(sorted(groups.values(), key=lambda m: min((r.start, r.end)
                                                                           for r in m)), 1):
        members.sort(key=lambda r: (r.start, r.end))
        first = members[0]
        speakers = {o.id: o for p in members for lab, o in linked[p.id] if lab == C.REL_SPEAKER}
        cues = {o.id: o for p in members for lab, o in linked[p.id] if lab == C.REL_CUE}
        names = {reader.extras[p.id][C.UNMENTIONED_SPEAKER] for p in members
                 if reader.extras[p.id].get(C.UNMENTIONED_SPEAKER)}
        ok = True
        for role, found in (("speaker", speakers), ("cue", cues)):
            if len(found) > 1:
                spans = ", ".join(f"{o.id} [{o.start}, {o.end}) {reader.text[o.start:o.end]!r}"
                                  for o in found.values())
                reader.conflict_at(f"the quotation has {len(found)} {role}s: {spans}", first)
                ok = False
        if len(names) > 1:
            reader.conflict_at(f"the quotation's parts name different unmentioned speakers: "
                               f"{sorted(names)}", first)
            ok = False
        speaker = next(iter(speakers.values()), None)
        if speaker is not None and names:
            reader.conflict_at(f"the quotation has a SPEAKER region and an unmentioned speaker "
                               f"name {sorted(names)}; keep one", first)
            ok = False
        kinds = []
        for p in members:
            kind = reader.extras[p.id].get(C.QUOTE_KIND)
            if kind is None:
                reader.conflict_at(f"QUOTE region has no {C.QUOTE_KIND} "
                                   f"({', '.join(QUOTE_KINDS)})", p)
                ok = False
            kinds.append(kind)
        if not ok:
            continue
        name = (reader.extras[speaker.id].get(C.SPEAKER_NAME) if speaker else None) \
            or next(iter(names), None)
        cue = next(iter(cues.values()), None)
        for p, kind in zip(members, kinds, strict=True):
            quotes.append(Quote(p.start, p.end, kind, str(n),
                                Span(speaker.start, speaker.end) if speaker else None,
                                name or None, Span(cue.start, cue.end) if cue else None))
    return quotes


def _check_nesting(reader: _Reader) -> None:
    """Spans the marked format cannot hold: two regions that cross."""
    regions = sorted(reader.regions.values(), key=lambda r: (r.start, -r.end))
    stack: list[_Region] = []
    for region in regions:
        stack = [r for r in stack if r.end > region.start]
        for other in (r for r in stack if r.end < region.end):
            reader.conflict_at(f"{region.control} {region.label} region crosses {other.id} "
                               f"{other.control} {other.label} [{other.start}, {other.end}) "
                               f"{reader.text[other.start:other.end]!r}; spans must nest", region)
        stack.append(region)


def document_from_result(base: Document, result: Any,
                         origin: Origin) -> tuple[Document | None, list[Conflict]]:
    """``base`` with all three layers taken from an annotation's result (and marked annotated),
    or None and the conflicts.

    The layers must be writable in the marked format (checked by serializing); corpus rules
    beyond that are the validator's job.
    """
    reader = _Reader(base.text, origin)
    reader.read(result)
    relations = _relations(reader, result if isinstance(result, list) else [])
    quotes = _quotes(reader, relations)
    _check_nesting(reader)
    if reader.conflicts:
        return None, reader.conflicts
    regions = reader.regions.values()
    found = {
        "segments": [Segment(r.start, r.end, r.label) for r in regions if r.control == C.SEGMENT],
        "entities": [Entity(r.start, r.end, r.label) for r in regions if r.control == C.ENTITY],
        "quotes": quotes,
    }
    doc = replace(base, annotated=frozenset(LAYERS)).with_layers(**found)
    try:
        serialize(doc, f"task {origin.task} ({origin.doc_id})")
    except MarkupError as exc:
        return None, [origin.conflict(str(exc), base.text)]
    return doc, []
