"""Several annotations of one document into one: the adjudicator's, else the majority's.

Units of agreement: a segment (span and kind), an entity (span and label) and a whole quotation
(its parts with their kinds, speaker span and name, cue span). A unit is kept when a strict
majority of the annotators has it; every other unit is a ``Dispute`` listed for review.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import Collection, Hashable

from ..schema import LAYERS, Document, Quote, Span

_SINGULAR = {"segments": "segment", "entities": "entity", "quotes": "quote"}
QuoteUnit = tuple[tuple[tuple[int, int, str], ...], Span | None, str | None, Span | None]


@dataclass(frozen=True)
class Dispute:
    """A unit that too few annotators agree on."""

    layer: str
    start: int
    end: int
    label: str
    votes: int
    annotators: tuple[str, ...]
    of: int

    def reason(self) -> str:
        return (f"annotators disagree on this {_SINGULAR[self.layer]} ({self.label}): "
                f"{self.votes} of {self.of} ({', '.join(self.annotators)}) have it; "
                f"a majority needs {self.of // 2 + 1}; left out (an adjudicator's annotation "
                f"would decide)")


def quote_units(quotes: Collection[Quote]) -> set[QuoteUnit]:
    """Quotations as comparable units (group ids ignored)."""
    groups: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        groups[q.group].append(q)
    units = set()
    for parts in groups.values():
        parts.sort()
        first = parts[0]
        units.add((tuple((q.start, q.end, q.kind) for q in parts), first.speaker,
                   first.speaker_name, first.cue))
    return units


def units(doc: Document, layer: str) -> set[Hashable]:
    if layer == "quotes":
        return quote_units(doc.quotes)
    return set(getattr(doc, layer))


def _describe(layer: str, unit: Hashable) -> tuple[int, int, str]:
    if layer == "quotes":
        parts, speaker, name, _ = unit
        label = "/".join(kind for _, _, kind in parts) + (f", speaker {name!r}" if name else "")
        return parts[0][0], parts[-1][1], label
    return unit.start, unit.end, getattr(unit, "kind", None) or unit.label


def _quotes(kept: list[QuoteUnit]) -> list[Quote]:
    return [Quote(start, end, kind, str(n), speaker, name, cue)
            for n, (parts, speaker, name, cue) in enumerate(sorted(kept, key=str), 1)
            for start, end, kind in parts]


def adjudicate(versions: dict[str, Document],
               adjudicators: Collection[str] = ()) -> tuple[Document, list[Dispute]]:
    """One document from the annotators' versions (all of the same text), and the disputes."""
    if not versions:
        raise ValueError("nothing to adjudicate")
    chosen = [name for name in versions if name in adjudicators]
    if chosen:
        return versions[chosen[-1]], []
    names = sorted(versions)
    need = len(names) // 2 + 1
    kept: dict[str, list] = {}
    disputes: list[Dispute] = []
    for layer in LAYERS:
        votes: Counter = Counter()
        holders: dict[Hashable, list[str]] = defaultdict(list)
        for name in names:
            for unit in units(versions[name], layer):
                votes[unit] += 1
                holders[unit].append(name)
        kept[layer] = [u for u, n in votes.items() if n >= need]
        for unit, n in votes.items():
            if n < need:
                start, end, label = _describe(layer, unit)
                disputes.append(Dispute(layer, start, end, label, n, tuple(holders[unit]),
                                        len(names)))
    base = versions[names[0]]
    doc = replace(base, annotated=frozenset(LAYERS)).with_layers(
        segments=kept["segments"], entities=kept["entities"], quotes=_quotes(kept["quotes"]))
    disputes.sort(key=lambda d: (d.start, d.end, d.layer, d.label))
    return doc, disputes
