"""Running an extractor over pages: worker processes, a per-page timeout, the prediction cache.

Each page runs in a forked worker process (its own process group), so an extractor that raises,
hangs, crashes its process or returns garbage costs that page only: the page is scored as an
empty prediction and reported with its id and the error. An extractor whose ``input`` is
``"html"`` is not run on a page without HTML: that page is "not applicable" for it and is left
out of its scores. POSIX only (fork, process groups).
"""

from __future__ import annotations

import faulthandler
import multiprocessing
import os
import signal
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Sequence

from ..extractors.base import Page, Prediction
from ..extractors.registry import ExtractorInfo
from ..extractors.wire import check_prediction, empty_prediction
from .cache import PredictionCache, encode

#: Outcome statuses of one page.
OK, CACHED, ERROR, NOT_APPLICABLE = "ok", "cached", "error", "not_applicable"
#: ``done(index, status, prediction or error message, JSON text for the cache, seconds)``.
Done = Callable[[int, str, Any, "str | None", float], None]
#: Extra seconds the runner waits for an extractor that enforces the timeout itself.
SELF_TIMEOUT_GRACE = 5.0


@dataclass(frozen=True)
class PageOutcome:
    """What happened on one page."""

    doc_id: str
    #: "ok", "cached", "error" (scored as empty) or "not_applicable" (left out of the scores).
    status: str
    #: The prediction scored (empty on error); None when not applicable.
    prediction: Prediction | None
    #: Seconds the extractor spent on the page (0 when cached or not applicable).
    seconds: float = 0.0
    error: str | None = None


def _describe_exit(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exited with code {code}"


def _serve(conn: Connection, extractor: Any, tasks: tuple[str, ...], encode_json: bool) -> None:
    """A worker: extract each page received; answer ``(status, prediction or error, JSON text
    for the cache or None, seconds)``."""
    os.setpgrp()  # the runner kills the worker's whole group (with any command it started)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    faulthandler.disable()  # a crash is reported as the page's error, not dumped to stderr
    try:
        while True:
            try:
                page = conn.recv()
            except EOFError:
                break
            if page is None:
                break
            start = time.perf_counter()
            try:
                pred = extractor.extract(page)
                if isinstance(pred, Prediction) and pred.error is not None:
                    reply: tuple = (ERROR, pred.error, None)
                else:
                    pred = check_prediction(pred, page, tasks)
                    reply = (OK, pred, encode(pred) if encode_json else None)
            except BaseException as exc:  # noqa: BLE001 - any failure costs this page only
                reply = (ERROR, f"{type(exc).__name__}: {exc}", None)
            seconds = time.perf_counter() - start
            try:
                conn.send((*reply, seconds))
            except Exception as exc:  # noqa: BLE001 - e.g. a prediction that cannot be pickled
                conn.send((ERROR, f"cannot return the prediction: {type(exc).__name__}: {exc}",
                           None, seconds))
    finally:
        close = getattr(extractor, "close", None)
        if callable(close):
            close()


class _Worker:
    def __init__(self, extractor: Any, tasks: tuple[str, ...], encode_json: bool) -> None:
        context = multiprocessing.get_context("fork")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, extractor, tasks, encode_json),
                                       daemon=True)
        self.process.start()
        child.close()
        self.job: tuple[int, Page] | None = None
        self.started = 0.0
        self.deadline: float | None = None

    def send(self, job: tuple[int, Page], timeout: float | None) -> None:
        self.job, self.started = job, time.monotonic()
        self.deadline = None if timeout is None else self.started + timeout
        self.conn.send(job[1])

    def kill(self) -> int | None:
        for kill in (lambda: os.killpg(self.process.pid, signal.SIGKILL), self.process.kill):
            try:
                kill()
            except (ProcessLookupError, PermissionError):
                pass
        self.process.join()
        self.conn.close()
        return self.process.exitcode

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(timeout=5.0)
        self.kill()


class _Pool:
    """Worker processes sharing a queue of pages, each page under a deadline."""

    def __init__(self, extractor: Any, tasks: tuple[str, ...], workers: int,
                 timeout: float | None, encode_json: bool) -> None:
        self.extractor, self.tasks, self.size = extractor, tasks, max(1, workers)
        self.encode_json = encode_json
        self.timeout = timeout
        if timeout is not None and getattr(extractor, "handles_timeout", False):
            extractor.timeout = timeout
            self.timeout = timeout + getattr(extractor, "startup_timeout", 0.0) \
                + SELF_TIMEOUT_GRACE
        self.workers: list[_Worker] = []

    def run(self, jobs: Sequence[tuple[int, Page]], done: Done) -> None:
        """Extract every job; call ``done(index, status, payload, json, seconds)`` as pages
        finish (a worker gets its next page before ``done`` runs)."""
        self.pending = deque(jobs)
        try:
            while self.pending or any(w.job for w in self.workers):
                while self.pending and len(self.workers) < self.size:
                    self.workers.append(_Worker(self.extractor, self.tasks, self.encode_json))
                for worker in self.workers:
                    if worker.job is None and self.pending:
                        worker.send(self.pending.popleft(), self.timeout)
                busy = [w for w in self.workers if w.job is not None]
                deadlines = [w.deadline for w in busy if w.deadline is not None]
                wait_for = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
                ready = set(wait([w.conn for w in busy], timeout=wait_for))
                for worker in busy:
                    if worker.conn in ready:
                        self._collect(worker, done)
                    elif worker.deadline is not None and time.monotonic() >= worker.deadline:
                        self._replace(worker, done, f"timed out after {self.timeout:g}s")
        finally:
            for worker in self.workers:
                worker.stop() if worker.job is None else worker.kill()
            self.workers = []

    def _collect(self, worker: _Worker, done: Done) -> None:
        assert worker.job is not None
        try:
            status, payload, text, seconds = worker.conn.recv()
        except (EOFError, OSError):
            worker.process.join(timeout=5.0)
            self._replace(worker, done, f"worker process {_describe_exit(worker.process.exitcode)}")
            return
        except Exception as exc:  # noqa: BLE001 - a reply the parent cannot unpickle
            self._replace(worker, done, f"unreadable reply: {type(exc).__name__}: {exc}")
            return
        index, worker.job = worker.job[0], None
        if self.pending:
            worker.send(self.pending.popleft(), self.timeout)
        done(index, status, payload, text, seconds)

    def _replace(self, worker: _Worker, done: Done, error: str) -> None:
        assert worker.job is not None
        index, seconds = worker.job[0], time.monotonic() - worker.started
        worker.kill()
        self.workers.remove(worker)
        done(index, ERROR, error, None, seconds)


def run_extractor(extractor: Any, info: ExtractorInfo, pages: Sequence[Page], *,
                  workers: int = 1, timeout: float | None = 60.0,
                  cache: PredictionCache | None = None,
                  progress: Callable[[int], None] | None = None) -> list[PageOutcome]:
    """One outcome per page, in page order. ``progress(n)`` is called as pages complete."""
    outcomes: list[PageOutcome | None] = [None] * len(pages)
    keys: dict[int, str] = {}
    jobs: list[tuple[int, Page]] = []
    for i, page in enumerate(pages):
        if info.input == "html" and page.html is None:
            outcomes[i] = PageOutcome(page.id, NOT_APPLICABLE, None,
                                      error=f"{info.name} reads HTML and this page has none")
            continue
        if cache is not None:
            keys[i] = cache.key(page)
            hit = cache.get(page, keys[i])
            if hit is not None:
                outcomes[i] = PageOutcome(page.id, CACHED, hit)
                continue
        jobs.append((i, page))
    if progress and len(jobs) < len(pages):
        progress(len(pages) - len(jobs))

    def done(index: int, status: str, payload: Any, text: str | None, seconds: float) -> None:
        page = pages[index]
        if status == OK:
            if cache is not None and text is not None:
                cache.put(keys[index], text)
            outcomes[index] = PageOutcome(page.id, OK, payload, seconds)
        else:
            outcomes[index] = PageOutcome(page.id, ERROR,
                                          empty_prediction(page.id, info.tasks, error=payload),
                                          seconds, payload)
        if progress:
            progress(1)

    try:
        if jobs:
            _Pool(extractor, info.tasks, workers, timeout, cache is not None).run(jobs, done)
    finally:
        if cache is not None:
            cache.flush()
    return [o for o in outcomes if o is not None]
