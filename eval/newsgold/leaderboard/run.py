"""``run_leaderboard``: every available extractor on one split, each on every task it can do.

Extractors run side by side, ``workers`` at a time, longest first (by the seconds their pages
took last time): each in a process of its own calling the harness's ``evaluate``, which runs the
pages in a worker process (so a page that crashes or hangs costs that page only) and scores the
run there too, so scoring one extractor overlaps extracting the next. Predictions come from the
harness's cache when it has them.
"""

from __future__ import annotations

import multiprocessing
import os
import time
import traceback
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import nullcontext
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from .. import __version__
from ..extractors.registry import ExtractorContractError, ExtractorInfo, \
    ExtractorUnavailableError, default_registry, get_extractor
from ..harness import environment
from ..harness.cache import default_cache_dir
from ..harness.data import load_data
from ..harness.evaluation import evaluate
from ..harness.results import EvalResult
from ..significance import DEFAULT_CONFIDENCE, DEFAULT_RESAMPLES, DEFAULT_SEED
from .model import ExtractorRun, Leaderboard, Skipped
from .timings import RAN, TimingStore

#: The gold layer each task is scored on.
TASK_LAYERS: dict[str, str] = {"boilerplate": "segments", "entities": "entities",
                               "quotes": "quotes"}


@dataclass(frozen=True)
class _Job:
    """One extractor to run: what ``evaluate`` gets, and what is known about it beforehand."""

    spec: Any
    info: ExtractorInfo
    tasks: tuple[str, ...]
    #: Seconds its pages took last time (None: never timed).
    expected: float | None


def default_workers() -> int:
    """The CPUs this process may use."""
    return len(os.sched_getaffinity(0))


def _without_predictions(result: EvalResult) -> EvalResult:
    """The result without the scored predictions (the leaderboard never shows them)."""
    return replace(result, pages=tuple(replace(p, prediction=None) for p in result.pages))


def _evaluate(job: _Job, kwargs: dict[str, Any]) -> tuple[EvalResult | None, str | None]:
    """Run one job; an exception becomes the run's error (reported, never raised)."""
    try:
        return _without_predictions(evaluate(job.spec, tasks=job.tasks, **kwargs)), None
    except Exception as exc:  # noqa: BLE001 - one extractor's failure must not stop the others
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return None, f"{type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})"


def _plan(extractors: Iterable[Any], gold_tasks: set[str], dataset: str, split: str,
          timings: TimingStore | None) -> tuple[list[_Job], list[Skipped]]:
    """The jobs to run, longest first, and the extractors left out with the reason (an unknown
    name raises)."""
    jobs, skipped, seen = [], [], set()
    for spec in extractors:
        try:
            _, info = get_extractor(spec)
        except ExtractorUnavailableError as exc:
            skipped.append(Skipped(str(spec), f"not available: {exc}"))
            continue
        except ExtractorContractError as exc:
            skipped.append(Skipped(str(spec), f"not an extractor: {exc}"))
            continue
        if info.name in seen:
            continue
        seen.add(info.name)
        tasks = tuple(t for t in info.tasks if t in gold_tasks)
        if not tasks:
            skipped.append(Skipped(info.name, f"no gold for {', '.join(info.tasks)} in "
                                              f"{dataset}/{split}"))
            continue
        expected = timings.total(info.name, info.version) if timings else None
        jobs.append(_Job(spec, info, tasks, expected))
    # Longest first; never-timed extractors first of all (they are likely not cached either).
    jobs.sort(key=lambda j: (j.expected is not None, -(j.expected or 0.0), j.info.name))
    return jobs, skipped


def _progress(enabled: bool, total: int):
    """A rich progress bar on stderr, refreshed by hand (no thread runs while processes fork)."""
    if not enabled:
        return nullcontext(None)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, \
        TimeElapsedColumn

    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn(), console=Console(stderr=True), auto_refresh=False,
                   redirect_stdout=False, redirect_stderr=False)
    bar.add_task("leaderboard", total=total)
    return bar


#: The jobs of a lane process and their ``evaluate`` arguments (set when the lane starts).
_lane: tuple[Sequence[_Job], dict[str, Any]] = ((), {})


def _start_lane(jobs: Sequence[_Job], kwargs: dict[str, Any]) -> None:
    """Give a forked lane process the jobs (inherited, never pickled: any extractor object
    works)."""
    global _lane
    _lane = (jobs, kwargs)


def _evaluate_in_lane(index: int) -> tuple[EvalResult | None, str | None]:
    jobs, kwargs = _lane
    return _evaluate(jobs[index], kwargs)


def _run_jobs(jobs: Sequence[_Job], lanes: int, kwargs: dict[str, Any],
              done: Callable[[_Job, EvalResult | None, str | None], None],
              show: Callable[[list[str]], None]) -> None:
    """Run the jobs ``lanes`` at a time (in this process when ``lanes`` is 1)."""
    if lanes <= 1:
        for job in jobs:
            show([job.info.name])
            done(job, *_evaluate(job, kwargs))
        return
    queue = list(range(len(jobs)))
    running: dict[Future, _Job] = {}
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(lanes, mp_context=context, initializer=_start_lane,
                             initargs=(jobs, kwargs)) as pool:
        while queue or running:
            while queue and len(running) < lanes:
                index = queue.pop(0)
                running[pool.submit(_evaluate_in_lane, index)] = jobs[index]
            show([j.info.name for j in running.values()])
            finished, _ = wait(running, timeout=0.25, return_when=FIRST_COMPLETED)
            for future in finished:
                job = running.pop(future)
                try:
                    result, error = future.result()
                except Exception as exc:  # noqa: BLE001 - e.g. the process running it died
                    result, error = None, f"{type(exc).__name__}: {exc}"
                done(job, result, error)


def _page_seconds(result: EvalResult | None, timings: TimingStore | None) -> dict[str, float]:
    """Seconds per page of a run: those measured now, and remembered ones for cached pages."""
    if result is None:
        return {}
    if timings is None:
        return {p.doc_id: p.seconds for p in result.pages if p.status in RAN}
    return timings.page_seconds(result)


def run_leaderboard(extractors: Iterable[Any] | None = None, *, split: str = "test",
                    dataset: str = "default", corpus: str | Path | None = None,
                    view: str = "body", workers: int | None = None, seed: int = DEFAULT_SEED,
                    resamples: int = DEFAULT_RESAMPLES, confidence: float = DEFAULT_CONFIDENCE,
                    timeout: float | None = 60.0, cache: bool | str | Path = True,
                    progress: bool = False, command_line: str | None = None) -> Leaderboard:
    """Run ``extractors`` (default: every registered one; names, ``module:attr`` strings or
    extractor objects) on a split, each on the tasks it does that have gold there.

    Extractors that are not installed, or whose tasks have no gold in the dataset, are listed in
    ``Leaderboard.skipped``; one whose run raises is kept with its ``error``. ``workers``:
    processes at a time (default: the CPUs available). The other arguments are ``evaluate``'s.
    """
    started, clock = datetime.now(timezone.utc), time.perf_counter()
    workers = workers or default_workers()
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    data = load_data(split, dataset, corpus)
    gold = {task for task, layer in TASK_LAYERS.items()
            if any(layer in d.annotated for d in data.documents)}
    cache_dir = None if cache is False else default_cache_dir() if cache is True else Path(cache)
    timings = None if cache_dir is None else TimingStore(cache_dir)
    specs = default_registry().names() if extractors is None else list(extractors)
    jobs, skipped = _plan(specs, gold, dataset, split, timings)
    lanes = max(1, min(workers, len(jobs)))
    kwargs = {"split": split, "dataset": dataset, "corpus": corpus, "view": view,
              "workers": max(1, workers // lanes), "seed": seed, "resamples": resamples,
              "confidence": confidence, "timeout": timeout,
              "cache": False if cache_dir is None else cache_dir, "command_line": command_line}
    runs: dict[str, ExtractorRun] = {}
    with _progress(progress, len(jobs)) as bar:
        def show(names: list[str]) -> None:
            if bar is not None:
                bar.update(bar.task_ids[0], description=f"running {', '.join(names)}")
                bar.refresh()

        def done(job: _Job, result: EvalResult | None, error: str | None) -> None:
            runs[job.info.name] = ExtractorRun(job.info, job.tasks, result, error,
                                               _page_seconds(result, timings))
            if bar is not None:
                bar.advance(bar.task_ids[0])
                bar.update(bar.task_ids[0], description="done")
                bar.refresh()

        _run_jobs(jobs, lanes, kwargs, done, show)
    if timings is not None:
        timings.save()
    return Leaderboard(
        dataset=data.info, view=view, tasks=tuple(t for t in TASK_LAYERS if t in gold),
        runs=tuple(runs[name] for name in sorted(runs)), skipped=tuple(skipped), seed=seed,
        resamples=resamples, confidence=confidence, workers=workers,
        started=started.isoformat(timespec="seconds"),
        seconds=round(time.perf_counter() - clock, 3), command_line=command_line,
        environment={"newsgold": __version__, "python": environment.python_version(),
                     "platform": environment.platform_name()})
