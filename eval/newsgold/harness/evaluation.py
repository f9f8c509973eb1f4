"""``evaluate``: run one extractor on a split and score it."""

from __future__ import annotations

import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from ..extractors.base import TASKS, Page
from ..extractors.registry import ExtractorInfo, get_extractor
from ..metrics.base import Metric
from ..schema import CONTENT_VIEWS, Document
from ..significance import DEFAULT_CONFIDENCE, DEFAULT_RESAMPLES, DEFAULT_SEED
from . import environment
from .cache import PredictionCache, default_cache_dir
from .data import EvalData, documents_data, load_data
from .metric_set import default_metrics, produces_layer
from .results import EvalResult, PageReport, RunInfo
from .runner import CACHED, OK, run_extractor
from .scoring import breakdowns, corpus_score, doc_stats_table, document_scores


def _tasks(info: ExtractorInfo, tasks: Iterable[str] | None,
           metrics: Sequence[Metric] | None) -> tuple[str, ...]:
    if tasks is None:
        wanted = {m.task for m in metrics} if metrics else set(info.tasks)
    else:
        wanted = {tasks} if isinstance(tasks, str) else set(tasks)
    unknown = wanted - set(TASKS)
    if unknown:
        raise ValueError(f"unknown task(s) {', '.join(sorted(unknown))}; tasks are "
                         f"{', '.join(TASKS)}")
    missing = wanted - set(info.tasks)
    if missing:
        raise ValueError(f"extractor {info.name} does not do {', '.join(sorted(missing))} "
                         f"(it does {', '.join(info.tasks)})")
    return tuple(t for t in TASKS if t in wanted)


@contextmanager
def _progress_bar(label: str, total: int, enabled: bool) -> Iterator[Callable[[int], None]]:
    """A rich progress bar on stderr, refreshed by hand (no thread may run when workers fork)."""
    if not enabled:
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, \
        TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=Console(stderr=True), auto_refresh=False,
                  redirect_stdout=False, redirect_stderr=False, transient=True) as bar:
        task = bar.add_task(label, total=total)
        last = [0.0]

        def advance(n: int) -> None:
            bar.advance(task, n)
            now = time.monotonic()
            if now - last[0] > 0.1 or bar.tasks[0].completed >= total:
                bar.refresh()
                last[0] = now

        yield advance


def evaluate(extractor: Any, tasks: Iterable[str] | str | None = None, split: str = "test",
             dataset: str = "default", view: str = "body", workers: int = 1,
             seed: int = DEFAULT_SEED, resamples: int = DEFAULT_RESAMPLES, *,
             timeout: float | None = 60.0, corpus: str | Path | None = None,
             documents: Sequence[Document] | None = None,
             metrics: Sequence[Metric] | None = None,
             cache: bool | str | Path = True, confidence: float = DEFAULT_CONFIDENCE,
             progress: bool = False, command_line: str | None = None) -> EvalResult:
    """Run ``extractor`` on every page of a split and score its tasks.

    ``extractor``: an object implementing the extractor contract, a registered name, a
    ``"module:attr"`` string, a ``CommandExtractor`` or a ``PredictionsFile``.
    ``tasks``: a subset of the extractor's tasks (default: all of them). ``view``: the content
    view the boilerplate metrics score. ``documents`` replaces the corpus (``corpus`` names a
    built corpus folder, default ``corpus/``). ``metrics`` replaces the default metrics.
    ``cache``: True (``$NEWSGOLD_CACHE`` or ``.cache/newsgold/predictions``), a folder, or False.
    ``timeout``: seconds per page (None: no limit). ``seed``, ``resamples`` and ``confidence``
    set the bootstrap intervals.
    """
    started, clock = datetime.now(timezone.utc), time.perf_counter()
    if view not in CONTENT_VIEWS:
        raise ValueError(f"unknown view {view!r}; views are {', '.join(CONTENT_VIEWS)}")
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    ext, info = get_extractor(extractor)
    chosen = _tasks(info, tasks, metrics)
    data: EvalData = documents_data(documents) if documents is not None \
        else load_data(split, dataset, corpus)
    check_ids = getattr(ext, "check_ids", None)
    if callable(check_ids):
        check_ids(data.all_ids)
    candidates = [m for m in metrics if m.task in chosen] if metrics \
        else default_metrics(chosen, view)
    cache_dir = None if cache is False or not getattr(ext, "cacheable", True) \
        else default_cache_dir() if cache is True else Path(cache)
    store = None if cache_dir is None else PredictionCache(cache_dir, info.name, info.version)
    pages = [Page(d.id, d.url, d.language, d.text, d.html) for d in data.documents]
    with _progress_bar(f"{info.name} {info.version}", len(pages), progress) as advance:
        outcomes = run_extractor(ext, info, pages, workers=workers, timeout=timeout,
                                 cache=store, progress=advance)
    produced = [o.prediction for o in outcomes if o.status in (OK, CACHED)]
    scores, parts, rows = [], [], []
    metric_list = [m for m in candidates if produces_layer(m, produced)]
    with _progress_bar("scoring", len(metric_list), progress) as advance:
        for metric in metric_list:
            table = doc_stats_table(metric, data.documents, outcomes)
            scores.append(corpus_score(table, data.info, info.name, info.version,
                                       resamples=resamples, seed=seed, confidence=confidence))
            parts += breakdowns(table, data.documents)
            rows += document_scores(table)
            advance(1)
    reports = tuple(PageReport(d.id, d.site, d.language, d.layout, o.status, o.seconds, o.error,
                               o.prediction) for d, o in zip(data.documents, outcomes))
    run = RunInfo(started=started.isoformat(timespec="seconds"),
                  seconds=round(time.perf_counter() - clock, 3), command_line=command_line,
                  workers=workers, timeout=timeout, seed=seed, resamples=resamples,
                  confidence=confidence,
                  cache=None if cache_dir is None else str(cache_dir),
                  python=environment.python_version(), platform=environment.platform_name(),
                  packages=environment.installed_packages())
    return EvalResult(extractor=info, dataset=data.info, view=view, tasks=chosen,
                      scores=tuple(scores), breakdowns=tuple(parts), documents=tuple(rows),
                      pages=reports, run=run)
