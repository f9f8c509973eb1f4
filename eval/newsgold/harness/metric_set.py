"""Which metrics a run scores, how each is named, and how a recorded metric is rebuilt."""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from ..extractors.base import TASKS, Prediction
from ..metrics.base import Metric

#: Metric short names to their classes, as lazy "module:attr" strings (the classes are also
#: ``newsgold.metrics.METRICS``; a test keeps the two in step).
METRIC_CLASSES: dict[str, str] = {
    "aeb": "newsgold.metrics.boilerplate:AEBMetric",
    "lcs": "newsgold.metrics.boilerplate:LCSMetric",
    "segments": "newsgold.metrics.boilerplate:SegmentMetric",
    "entities": "newsgold.metrics.entities:EntityMetric",
    "quotes": "newsgold.metrics.quotes:QuoteMetric",
}

#: The default metrics per task: (short name, parameters); boilerplate metrics also get the view.
DEFAULTS: dict[str, tuple[tuple[str, dict[str, Any]], ...]] = {
    "boilerplate": (("aeb", {}), ("lcs", {}), ("segments", {})),
    "entities": (("entities", {"mode": "strict", "labels": "ontonotes"}),
                 ("entities", {"mode": "partial", "labels": "ontonotes"}),
                 ("entities", {"mode": "strict", "labels": "conll"})),
    "quotes": (("quotes", {}),),
}

#: Metrics that read one layer only: scored for an extractor only if it produces that layer.
REQUIRED_LAYER: dict[str, str] = {"segments": "segments"}


def build_metric(name: str, params: Mapping[str, Any]) -> Metric:
    """A metric from its short name and parameters (as a score records them)."""
    from ..extractors.registry import import_target

    if name not in METRIC_CLASSES:
        raise KeyError(f"unknown metric {name!r}; known: {', '.join(METRIC_CLASSES)}")
    return import_target(METRIC_CLASSES[name])(**params)


def default_metrics(tasks: Iterable[str], view: str = "body") -> list[Metric]:
    """The metrics scored for ``tasks`` (in ``TASKS`` order) on a content view."""
    wanted = set(tasks)
    return [build_metric(name, {**params, **({"view": view} if task == "boilerplate" else {})})
            for task in TASKS if task in wanted for name, params in DEFAULTS[task]]


def metric_id(metric: Metric) -> str:
    """A metric's identity: its name and every parameter, e.g.
    ``entities(mode=strict,labels=conll)``."""
    params = ",".join(f"{k}={v}" for k, v in metric.params().items())
    return f"{metric.name}({params})"


def produces_layer(metric: Metric, predictions: Iterable[Prediction]) -> bool:
    """Whether the predictions carry the one layer ``metric`` reads (always true for others)."""
    layer = REQUIRED_LAYER.get(metric.name)
    return layer is None or any(getattr(p, layer) is not None for p in predictions)
