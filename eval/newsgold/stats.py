"""Counts per layer, kind, label, site, layout and language."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .schema import BOILERPLATE_KINDS, ENTITY_LABELS, QUOTE_KINDS, SEGMENT_KINDS, Document


@dataclass
class CorpusStats:
    documents: int = 0
    characters: int = 0
    with_html: int = 0
    splits: Counter = field(default_factory=Counter)
    languages: Counter = field(default_factory=Counter)
    layouts: Counter = field(default_factory=Counter)
    sites: Counter = field(default_factory=Counter)
    sources: Counter = field(default_factory=Counter)
    segment_kinds: Counter = field(default_factory=Counter)
    pages_with_kind: Counter = field(default_factory=Counter)
    entity_labels: Counter = field(default_factory=Counter)
    quote_kinds: Counter = field(default_factory=Counter)
    quote_groups: int = 0

    def tables(self) -> list[tuple[str, list[tuple[str, int]]]]:
        """(title, rows) pairs in a fixed order, for printing and for the card."""
        def ordered(counter: Counter, names=None) -> list[tuple[str, int]]:
            keys = list(names) if names else sorted(counter)
            return [(k, counter[k]) for k in keys]
        return [
            ("Overview", [("documents", self.documents), ("characters", self.characters),
                          ("pages with HTML", self.with_html),
                          ("segments", sum(self.segment_kinds.values())),
                          ("entity mentions", sum(self.entity_labels.values())),
                          ("quote spans", sum(self.quote_kinds.values())),
                          ("quotations (groups)", self.quote_groups)]),
            ("Split", ordered(self.splits)),
            ("Language", ordered(self.languages)),
            ("Layout", ordered(self.layouts)),
            ("Site", ordered(self.sites)),
            ("Source", ordered(self.sources)),
            ("Segments per kind", ordered(self.segment_kinds, SEGMENT_KINDS)),
            ("Pages with boilerplate kind", ordered(self.pages_with_kind, BOILERPLATE_KINDS)),
            ("Entities per label", ordered(self.entity_labels, ENTITY_LABELS)),
            ("Quote spans per kind", ordered(self.quote_kinds, QUOTE_KINDS)),
        ]


def corpus_stats(docs: list[Document], splits: dict[str, str] | None = None) -> CorpusStats:
    s = CorpusStats()
    for doc in docs:
        s.documents += 1
        s.characters += len(doc.text)
        s.with_html += doc.html is not None
        if splits:
            s.splits[splits[doc.id]] += 1
        s.languages[doc.language] += 1
        s.layouts[doc.layout] += 1
        s.sites[doc.site] += 1
        s.sources[doc.source] += 1
        for seg in doc.segments:
            s.segment_kinds[seg.kind] += 1
        for kind in {seg.kind for seg in doc.segments}:
            s.pages_with_kind[kind] += 1
        s.entity_labels.update(e.label for e in doc.entities)
        s.quote_kinds.update(q.kind for q in doc.quotes)
        s.quote_groups += len({q.group for q in doc.quotes})
    return s


def markdown_tables(stats: CorpusStats) -> str:
    """The stats as Markdown tables (used in the dataset card)."""
    out = []
    for title, rows in stats.tables():
        out.append(f"**{title}**\n\n| | count |\n|---|---:|")
        out.extend(f"| {k} | {v:,} |" for k, v in rows)
        out.append("")
    return "\n".join(out)
