"""The public article-extraction-benchmark data (scrapinghub/article-extraction-benchmark), read
from a local copy.

A copy has ``html/<id>.html.gz``, ``ground-truth.json`` (``{id: {"articleBody", "url"}}``) and
``output/<system>.json`` in the legacy form ``{id: {"articleBody"}}`` or the wrapped form
``{"version", "output": {id: {...}}}`` (wrapped only when the top-level keys are exactly those
two). A missing or null ``articleBody`` counts as "". A predictions file whose ids differ from the
gold ids raises ``ValueError`` naming the file. The same ``AEBMetric`` scores these pairs and the corpus.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import numpy as np

from .metrics.boilerplate import AEBMetric


@dataclass(frozen=True)
class AEBGold:
    """The ground truth: article bodies and URLs by id; ``ids`` sorted."""

    ids: tuple[str, ...]
    bodies: dict[str, str]
    urls: dict[str, str]


@dataclass(frozen=True)
class AEBSystem:
    """One system's predicted article bodies by id; ``version`` only in wrapped files."""

    name: str
    version: str | None
    bodies: dict[str, str]


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"{path}: cannot read AEB JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a JSON object at the top level")
    return data


def _body(item, path: Path, doc_id: str) -> str:
    if not isinstance(item, dict):
        raise ValueError(f"{path}: item {doc_id} is not an object")
    return item.get("articleBody") or ""


def read_gold(root: Path) -> AEBGold:
    """``ground-truth.json`` of an AEB copy."""
    path = Path(root) / "ground-truth.json"
    data = _read_json(path)
    ids = tuple(sorted(data))
    return AEBGold(ids, {i: _body(data[i], path, i) for i in ids},
                   {i: data[i].get("url") or "" for i in ids})


def read_system(path: Path, gold: AEBGold) -> AEBSystem:
    """One predictions file, legacy or wrapped; its ids must equal the gold ids."""
    path = Path(path)
    data = _read_json(path)
    version = None
    if set(data) == {"version", "output"}:
        version, data = data["version"], data["output"]
        if not isinstance(data, dict):
            raise ValueError(f"{path}: 'output' is not an object")
    if set(data) != set(gold.ids):
        missing, extra = sorted(set(gold.ids) - set(data)), sorted(set(data) - set(gold.ids))
        raise ValueError(f"{path}: ids differ from the ground truth ({len(missing)} missing, e.g. "
                         f"{missing[:1]}; {len(extra)} unknown, e.g. {extra[:1]})")
    return AEBSystem(path.stem, None if version is None else str(version),
                     {i: _body(data[i], path, i) for i in gold.ids})


def read_systems(root: Path, gold: AEBGold) -> list[AEBSystem]:
    """Every ``output/*.json`` of an AEB copy, by file name."""
    return [read_system(p, gold) for p in sorted((Path(root) / "output").glob("*.json"))]


def read_html(root: Path, doc_id: str) -> str:
    """The page ``html/<id>.html.gz`` as text."""
    return gzip.decompress((Path(root) / "html" / f"{doc_id}.html.gz").read_bytes()).decode("utf-8")


def pair_stats(pairs: Iterable[tuple[str, str]], metric: AEBMetric | None = None) -> np.ndarray:
    """The stats matrix of (gold text, predicted text) pairs, one row per pair."""
    metric = metric or AEBMetric()
    rows = [metric.text_stats(gold, pred) for gold, pred in pairs]
    return np.stack(rows) if rows else np.zeros((0, len(metric.stat_names)))


def score_pairs(pairs: Iterable[tuple[str, str]],
                metric: AEBMetric | None = None) -> dict[str, float | None]:
    """AEB precision, recall, F1 and accuracy of (gold text, predicted text) pairs."""
    metric = metric or AEBMetric()
    return metric.score(pair_stats(pairs, metric))


def system_pairs(gold: AEBGold, system: AEBSystem) -> list[tuple[str, str]]:
    """(gold body, predicted body) for every id, in id order."""
    return [(gold.bodies[i], system.bodies[i]) for i in gold.ids]
