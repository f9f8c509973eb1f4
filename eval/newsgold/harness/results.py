"""Typed, frozen results of ``evaluate`` and ``compare``, each with ``to_dict`` / ``from_dict``
and a lazily importing ``to_frame`` (pandas).

Scores of a document set where a metric is undefined are None, never 0; documents whose gold
lacks a layer ("not scored") or that an extractor cannot read ("not applicable") are counted
apart and left out of every number.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from typing import Any, Mapping

from ..extractors.base import Prediction
from ..extractors.registry import ExtractorInfo
from ..extractors.wire import prediction_from_json, prediction_to_json
from ..significance import Comparison as TestResult, Interval

Values = dict[str, "float | None"]


def _frame(rows: list[dict[str, Any]]):
    import pandas as pd

    return pd.DataFrame(rows)


@dataclass(frozen=True)
class Score:
    """One metric on the whole document set."""

    #: The metric's identity, e.g. ``entities(mode=strict,labels=ontonotes)``.
    metric: str
    task: str
    #: The metric's short name and its parameters (what rebuilds it, see ``metric_set``).
    name: str
    params: dict[str, Any]
    primary: str
    higher_is_better: bool
    #: Every score key of the metric (overall and its own per-kind/per-type keys).
    values: Values
    #: Bootstrap confidence intervals, per score key.
    ci: dict[str, Interval]
    #: Documents scored, left out because the gold lacks the layer, left out as not applicable.
    n: int
    not_scored: int
    not_applicable: int
    #: Columns of the per-document statistics (``DocumentScore.stats``).
    stat_names: tuple[str, ...]
    signature: str

    @property
    def value(self) -> float | None:
        """The primary score."""
        return self.values.get(self.primary)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["stat_names"] = list(self.stat_names)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Score":
        return cls(**{**data, "ci": {k: Interval(**v) for k, v in data["ci"].items()},
                      "stat_names": tuple(data["stat_names"])})


@dataclass(frozen=True)
class Breakdown:
    """One metric on the documents of one site, language or layout."""

    metric: str
    #: "site", "language" or "layout".
    by: str
    group: str
    n: int
    values: Values

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Breakdown":
        return cls(**data)


@dataclass(frozen=True)
class DocumentScore:
    """One metric on one document: its statistics and the scores they give alone."""

    doc_id: str
    metric: str
    values: Values
    stats: tuple[float, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "metric": self.metric, "values": self.values,
                "stats": list(self.stats)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "DocumentScore":
        return cls(data["doc_id"], data["metric"], data["values"], tuple(data["stats"]))


@dataclass(frozen=True)
class PageReport:
    """How the extractor fared on one document's page."""

    doc_id: str
    site: str
    language: str
    layout: str
    #: "ok", "cached", "error" (scored as empty) or "not_applicable" (left out).
    status: str
    seconds: float
    error: str | None
    #: What was scored (empty on error, None when not applicable); kept in memory, written to
    #: JSON only on request (``to_dict(predictions=True)``).
    prediction: Prediction | None = None

    def to_dict(self, predictions: bool = False) -> dict[str, Any]:
        out = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "prediction"}
        if predictions:
            out["prediction"] = None if self.prediction is None \
                else prediction_to_json(self.prediction)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "PageReport":
        pred = data.get("prediction")
        return cls(**{**data, "prediction": None if pred is None else prediction_from_json(pred)})


@dataclass(frozen=True)
class DatasetInfo:
    """Which data was scored: the corpus build (version and content hash) and the split."""

    name: str
    version: str
    content_sha256: str
    #: The dataset configuration (``default``) and split evaluated.
    config: str
    split: str
    documents: int
    path: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "DatasetInfo":
        return cls(**data)


@dataclass(frozen=True)
class RunInfo:
    """How the run was made: settings and the full environment (the run record)."""

    started: str
    seconds: float
    command_line: str | None
    workers: int
    timeout: float | None
    seed: int
    resamples: int
    confidence: float
    cache: str | None
    python: str
    platform: str
    packages: dict[str, str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "RunInfo":
        return cls(**data)


@dataclass(frozen=True)
class EvalResult:
    """Everything ``evaluate`` found: scores, breakdowns, per-document rows, page outcomes."""

    extractor: ExtractorInfo
    dataset: DatasetInfo
    view: str
    tasks: tuple[str, ...]
    scores: tuple[Score, ...]
    breakdowns: tuple[Breakdown, ...]
    documents: tuple[DocumentScore, ...]
    pages: tuple[PageReport, ...]
    run: RunInfo

    def score(self, metric: str) -> Score:
        """The score of a metric, by identity (``entities(mode=strict,...)``) or short name when
        that is unambiguous."""
        found = [s for s in self.scores if metric in (s.metric, s.name)]
        if len(found) != 1:
            known = ", ".join(s.metric for s in self.scores)
            raise KeyError(f"{'no' if not found else 'more than one'} metric {metric!r} "
                           f"(have {known})")
        return found[0]

    @property
    def failures(self) -> tuple[PageReport, ...]:
        """Pages where the extractor failed (each scored as an empty prediction)."""
        return tuple(p for p in self.pages if p.status == "error")

    @property
    def not_applicable(self) -> tuple[PageReport, ...]:
        return tuple(p for p in self.pages if p.status == "not_applicable")

    def to_dict(self, predictions: bool = False) -> dict[str, Any]:
        return {
            "kind": "newsgold.eval", "format": 1,
            "extractor": self.extractor.to_dict(), "dataset": self.dataset.to_dict(),
            "view": self.view, "tasks": list(self.tasks),
            "scores": [s.to_dict() for s in self.scores],
            "breakdowns": [b.to_dict() for b in self.breakdowns],
            "documents": [d.to_dict() for d in self.documents],
            "pages": [p.to_dict(predictions) for p in self.pages],
            "run": self.run.to_dict(),
        }

    def to_json(self, predictions: bool = False) -> str:
        return json.dumps(self.to_dict(predictions), ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "EvalResult":
        if data.get("kind") != "newsgold.eval":
            raise ValueError("not a newsgold evaluation record (kind != 'newsgold.eval')")
        return cls(
            extractor=ExtractorInfo.from_dict(data["extractor"]),
            dataset=DatasetInfo.from_dict(data["dataset"]), view=data["view"],
            tasks=tuple(data["tasks"]),
            scores=tuple(Score.from_dict(s) for s in data["scores"]),
            breakdowns=tuple(Breakdown.from_dict(b) for b in data["breakdowns"]),
            documents=tuple(DocumentScore.from_dict(d) for d in data["documents"]),
            pages=tuple(PageReport.from_dict(p) for p in data["pages"]),
            run=RunInfo.from_dict(data["run"]),
        )

    def rows(self, table: str = "scores") -> list[dict[str, Any]]:
        """Flat rows of ``scores`` (one per metric and score key, with intervals),
        ``breakdowns``, ``documents`` (one per document, metric and score key) or ``pages``."""
        ident = {"extractor": self.extractor.name, "version": self.extractor.version}
        if table == "scores":
            return [{**ident, "metric": s.metric, "task": s.task, "key": key, "value": value,
                     "primary": key == s.primary,
                     "ci_low": s.ci[key].low if key in s.ci else None,
                     "ci_high": s.ci[key].high if key in s.ci else None,
                     "n": s.n, "not_scored": s.not_scored, "not_applicable": s.not_applicable,
                     "signature": s.signature}
                    for s in self.scores for key, value in s.values.items()]
        if table == "breakdowns":
            return [{**ident, "metric": b.metric, "by": b.by, "group": b.group, "n": b.n,
                     "key": key, "value": value}
                    for b in self.breakdowns for key, value in b.values.items()]
        if table == "documents":
            pages = {p.doc_id: p for p in self.pages}
            return [{**ident, "doc_id": d.doc_id, "site": pages[d.doc_id].site,
                     "language": pages[d.doc_id].language, "layout": pages[d.doc_id].layout,
                     "status": pages[d.doc_id].status, "metric": d.metric, "key": key,
                     "value": value}
                    for d in self.documents for key, value in d.values.items()]
        if table == "pages":
            return [{**ident, **p.to_dict()} for p in self.pages]
        raise ValueError(f"unknown table {table!r}: scores, breakdowns, documents or pages")

    def to_frame(self, table: str = "scores"):
        """``rows(table)`` as a pandas DataFrame."""
        return _frame(self.rows(table))


@dataclass(frozen=True)
class Comparison:
    """Two systems on one metric's primary score, over the documents both were scored on."""

    metric: str
    key: str
    higher_is_better: bool
    #: Documents in the paired tests.
    n: int
    #: Paired bootstrap (with the interval of b - a) and approximate randomization of b vs a.
    bootstrap: TestResult
    randomization: TestResult
    signature_a: str
    signature_b: str

    @property
    def delta(self) -> float | None:
        """``b - a`` on the primary score."""
        return self.bootstrap.delta

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Comparison":
        return cls(**{**data, "bootstrap": TestResult(**data["bootstrap"]),
                      "randomization": TestResult(**data["randomization"])})


@dataclass(frozen=True)
class CompareResult:
    """``compare(a, b)``: one ``Comparison`` per metric both results share."""

    a: ExtractorInfo
    b: ExtractorInfo
    dataset: DatasetInfo
    view: str
    comparisons: tuple[Comparison, ...]
    seed: int
    resamples: int
    trials: int
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "newsgold.compare", "format": 1, "a": self.a.to_dict(),
                "b": self.b.to_dict(), "dataset": self.dataset.to_dict(), "view": self.view,
                "comparisons": [c.to_dict() for c in self.comparisons], "seed": self.seed,
                "resamples": self.resamples, "trials": self.trials,
                "confidence": self.confidence}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "CompareResult":
        if data.get("kind") != "newsgold.compare":
            raise ValueError("not a newsgold comparison (kind != 'newsgold.compare')")
        return cls(ExtractorInfo.from_dict(data["a"]), ExtractorInfo.from_dict(data["b"]),
                   DatasetInfo.from_dict(data["dataset"]), data["view"],
                   tuple(Comparison.from_dict(c) for c in data["comparisons"]),
                   data["seed"], data["resamples"], data["trials"], data["confidence"])

    def rows(self) -> list[dict[str, Any]]:
        """One row per metric: both scores, the difference, its interval and both p-values."""
        return [{"a": self.a.name, "b": self.b.name, "metric": c.metric, "key": c.key,
                 "n": c.n, "score_a": c.bootstrap.score_a, "score_b": c.bootstrap.score_b,
                 "delta": c.delta, "delta_low": c.bootstrap.delta_low,
                 "delta_high": c.bootstrap.delta_high, "p_bootstrap": c.bootstrap.p_value,
                 "p_randomization": c.randomization.p_value,
                 "signature_a": c.signature_a, "signature_b": c.signature_b}
                for c in self.comparisons]

    def to_frame(self):
        """``rows()`` as a pandas DataFrame."""
        return _frame(self.rows())
