"""The run a site shows: from a run record, or made here by running an extractor on a split.

A record written without its predictions is completed by running the extractor it names again
(``ExtractorInfo.source``); its recorded scores are kept, and pages whose new prediction does not
reproduce them are flagged by the site.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from ..harness.data import load_data
from ..harness.evaluation import evaluate
from ..harness.record import load_result
from ..harness.results import EvalResult
from ..schema import Document


@dataclass(frozen=True)
class Run:
    """A result carrying its predictions, the documents it scored, and notes for the user."""

    result: EvalResult
    documents: tuple[Document, ...]
    notes: tuple[str, ...] = ()


def system_from_source(source: str) -> Any:
    """The extractor a run record names: ``predictions: PATH``, ``command: CMD`` or
    ``module:attr``."""
    if source.startswith("predictions: "):
        from ..extractors.predictions_file import PredictionsFile

        return PredictionsFile(source.removeprefix("predictions: "))
    if source.startswith("command: "):
        from ..extractors.command import CommandExtractor

        return CommandExtractor(source.removeprefix("command: "))
    return source


def run_extractor(system: Any, *, split: str = "test", dataset: str = "default",
                  view: str = "body", corpus: str | Path | None = None,
                  tasks: Iterable[str] | None = None, **options: Any) -> Run:
    """Evaluate ``system`` (anything ``evaluate`` takes) on a split of the built corpus."""
    data = load_data(split, dataset, corpus)
    result = evaluate(system, tasks=tasks, split=split, dataset=dataset, view=view, corpus=corpus,
                      **options)
    return Run(result, data.documents)


def from_record(path: str | Path, corpus: str | Path | None = None, **options: Any) -> Run:
    """The run of a record (``newsgold eval --record`` or ``--format json --output``), on its
    corpus (``corpus`` overrides the folder the record names); ``options`` go to ``evaluate``
    when the record has no predictions and the extractor must run again."""
    result = load_result(path)
    info = result.dataset
    if corpus is None and info.path == "<in memory>":
        raise ValueError(f"{path}: the run scored documents given in memory, not a built corpus; "
                         "pass --corpus, or use newsgold.view.build_site from Python")
    data = load_data(info.split, info.config, corpus if corpus is not None else info.path)
    notes = []
    if data.info.content_sha256 != info.content_sha256:
        notes.append(f"the corpus at {data.info.path} (content {data.info.content_sha256[:12]}) "
                     f"is not the one the run scored (content {info.content_sha256[:12]})")
    if all(p.prediction is None for p in result.pages):
        fresh = evaluate(system_from_source(result.extractor.source), tasks=result.tasks,
                         split=info.split, dataset=info.config, view=result.view,
                         corpus=corpus if corpus is not None else info.path, **options)
        notes.append(f"{path} has no predictions: ran {result.extractor.source} again")
        if fresh.extractor.version != result.extractor.version:
            notes.append(f"the extractor is now version {fresh.extractor.version}; the run "
                         f"used {result.extractor.version}")
        result = dataclasses.replace(result, pages=fresh.pages)
    return Run(result, data.documents, tuple(notes))
