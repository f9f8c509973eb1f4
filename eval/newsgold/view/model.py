"""What the viewer shows of a run: per page, the scores the harness recorded and the per-span
outcomes of the metrics it scored."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np

from ..harness.metric_set import build_metric, metric_id
from ..harness.results import EvalResult, PageReport
from ..metrics.boilerplate import LCSMetric
from ..metrics.entities import EntityMetric
from ..metrics.quotes import QuoteMetric
from ..schema import Document
from .outcomes import LayerOutcomes, TextOutcomes, all_counts, entity_outcomes, quote_outcomes, \
    text_outcomes

#: The error counts per task that the index shows (sums of these outcome counts).
ERROR_COUNTS: dict[str, tuple[str, ...]] = {
    "boilerplate": ("boilerplate-extra", "boilerplate-dropped"),
    "entities": ("entities-inc", "entities-par", "entities-mis", "entities-spu"),
    "quotes": ("quotes-wrong_speaker", "quotes-mis", "quotes-spu"),
}


class NoPredictions(ValueError):
    """A run record written without its predictions."""


@dataclass(frozen=True)
class ViewMetrics:
    """The metric whose outcomes each task section shows (the run's own, where it scored one):
    the LCS metric for the word diff, the first entity scheme, the quote metric."""

    text: LCSMetric | None
    entities: EntityMetric | None
    quotes: QuoteMetric | None

    @classmethod
    def of(cls, result: EvalResult) -> "ViewMetrics":
        def first(name: str, default):
            for score in result.scores:
                if score.name == name:
                    return build_metric(score.name, score.params)
            return default

        tasks = set(result.tasks)
        return cls(first("lcs", LCSMetric(view=result.view)) if "boilerplate" in tasks else None,
                   first("entities", EntityMetric()) if "entities" in tasks else None,
                   first("quotes", QuoteMetric()) if "quotes" in tasks else None)

    def named(self) -> dict[str, object]:
        return {"boilerplate": self.text, "entities": self.entities, "quotes": self.quotes}


@dataclass(frozen=True)
class PageView:
    """One page of the site."""

    doc: Document
    report: PageReport
    slug: str
    #: Recorded per-document scores: metric identity -> score key -> value.
    scores: Mapping[str, Mapping[str, float | None]]
    text: TextOutcomes | None
    entities: LayerOutcomes | None
    quotes: LayerOutcomes | None
    #: Metrics whose recorded statistics differ from those of the shown prediction.
    stale: tuple[str, ...]

    @property
    def counts(self) -> dict[str, int]:
        return all_counts({"boilerplate": self.text, "entities": self.entities,
                           "quotes": self.quotes})

    def errors(self, task: str) -> int | None:
        """The number of errors of a task on this page (None when not shown)."""
        counts = self.counts
        keys = [k for k in ERROR_COUNTS[task] if k in counts]
        return sum(counts[k] for k in keys) if keys else None


def slugs(ids: Sequence[str]) -> dict[str, str]:
    """File-name-safe, unique names for document ids."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for doc_id in ids:
        base = re.sub(r"[^A-Za-z0-9._-]+", "_", doc_id).strip("._") or "page"
        slug, n = base, 1
        while slug.lower() in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug.lower())
        out[doc_id] = slug
    return out


def page_views(result: EvalResult, documents: Sequence[Document]) -> list[PageView]:
    """Every page of ``result`` with its outcomes; raises ``NoPredictions`` when the result does
    not carry the predictions it scored, KeyError when a page's document is missing."""
    docs = {d.id: d for d in documents}
    missing = [p.doc_id for p in result.pages if p.doc_id not in docs]
    if missing:
        raise KeyError(f"the run scored documents that are not in the given data: "
                       f"{', '.join(missing[:5])}{' ...' if len(missing) > 5 else ''}")
    if any(p.prediction is None for p in result.pages if p.status != "not_applicable"):
        raise NoPredictions("the run record has no predictions: write it with "
                            "`newsgold eval ... --keep-predictions`, or view the extractor "
                            "directly")
    metrics = ViewMetrics.of(result)
    recorded: dict[tuple[str, str], tuple[float, ...]] = {}
    scores: dict[str, dict[str, Mapping[str, float | None]]] = {}
    for row in result.documents:
        recorded[(row.doc_id, row.metric)] = row.stats
        scores.setdefault(row.doc_id, {})[row.metric] = row.values
    names = slugs([p.doc_id for p in result.pages])
    views = []
    for report in result.pages:
        doc, pred = docs[report.doc_id], report.prediction
        found: dict[str, object] = {"boilerplate": None, "entities": None, "quotes": None}
        stale = []
        if pred is not None:
            for (task, metric), outcomes in zip(metrics.named().items(),
                                                (text_outcomes, entity_outcomes, quote_outcomes)):
                if metric is None:
                    continue
                found[task] = outcomes(metric, doc, pred)
                before = recorded.get((doc.id, metric_id(metric)))
                now = metric.doc_stats(doc, pred)
                if before is not None and (now is None or not np.allclose(before, now)):
                    stale.append(metric_id(metric))
        views.append(PageView(doc, report, names[doc.id], scores.get(doc.id, {}),
                              found["boilerplate"], found["entities"], found["quotes"],
                              tuple(stale)))
    return views
