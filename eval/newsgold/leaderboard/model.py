"""What a leaderboard run found: one ``ExtractorRun`` per extractor run, the extractors that were
not run and why, and the ranked tables derived from them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..extractors.registry import ExtractorInfo
from ..harness.results import DatasetInfo, EvalResult, PageReport
from .boards import Board, Row, boards, by_group, rank
from .timings import summary

#: Groupings of the per-group tables and plots.
GROUPINGS: tuple[str, ...] = ("language", "layout")


@dataclass(frozen=True)
class ExtractorRun:
    """One extractor on the split: its result, or the error that stopped the whole run."""

    info: ExtractorInfo
    #: The tasks scored (those of the extractor that the dataset has gold for).
    tasks: tuple[str, ...]
    result: EvalResult | None
    error: str | None = None
    #: Seconds per page (doc id to seconds) where known: measured now, or remembered.
    page_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.info.name

    def pages(self, status: str) -> tuple[PageReport, ...]:
        return () if self.result is None else tuple(p for p in self.result.pages
                                                     if p.status == status)

    def runtime(self) -> dict[str, float | int | None]:
        return summary(self.page_seconds.values())

    def problems(self) -> dict[str, Any]:
        """Failed and not-applicable pages: how many, and each with its error."""
        out: dict[str, Any] = {}
        for status in ("error", "not_applicable"):
            pages = self.pages(status)
            out[status] = {"count": len(pages),
                           "pages": [{"doc_id": p.doc_id, "language": p.language,
                                      "error": p.error} for p in pages]}
        return out


@dataclass(frozen=True)
class Skipped:
    """An extractor that was not run, and why (not installed, no gold for its tasks, ...)."""

    name: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "reason": self.reason}


@dataclass(frozen=True)
class Leaderboard:
    """Every extractor run on one split, and how the run was made."""

    dataset: DatasetInfo
    view: str
    #: Tasks the split has gold for (the others are not scored).
    tasks: tuple[str, ...]
    runs: tuple[ExtractorRun, ...]
    skipped: tuple[Skipped, ...]
    seed: int
    resamples: int
    confidence: float
    workers: int
    started: str
    seconds: float
    command_line: str | None
    environment: dict[str, str]
    _tables: dict[Board, list[Row]] = field(default_factory=dict, init=False, repr=False,
                                            compare=False)

    @property
    def results(self) -> list[EvalResult]:
        return [r.result for r in self.runs if r.result is not None]

    def boards(self) -> list[Board]:
        """The boards of the tasks with gold that at least one run scored."""
        return [b for b in boards(self.view) if b.task in self.tasks and self.table(b)]

    def table(self, board: Board) -> list[Row]:
        """The board's rows, best first (computed once)."""
        if board not in self._tables:
            self._tables[board] = rank(board, self.results)
        return self._tables[board]

    def groups(self, board: Board,
               grouping: str) -> dict[str, dict[str, tuple[float | None, int]]]:
        """``{extractor: {group: (value, n)}}`` in the board's order."""
        results = {r.extractor.name: r for r in self.results}
        return {row.extractor: by_group(board, results[row.extractor], grouping)
                for row in self.table(board)}

    def run(self, name: str) -> ExtractorRun:
        return next(r for r in self.runs if r.name == name)

    def to_dict(self) -> dict[str, Any]:
        """The leaderboard as JSON data: boards with full signatures and per-group scores, the
        overall scores of every run with intervals, failures, runtimes, the run settings."""
        return {
            "kind": "newsgold.leaderboard", "format": 1,
            "dataset": {k: v for k, v in self.dataset.to_dict().items() if k != "path"},
            "view": self.view, "tasks": list(self.tasks),
            "settings": {"seed": self.seed, "resamples": self.resamples,
                         "confidence": self.confidence, "workers": self.workers},
            "run": {"started": self.started, "seconds": self.seconds,
                    "command_line": self.command_line, **self.environment},
            "boards": [self._board_dict(b) for b in self.boards()],
            "extractors": [_run_dict(r) for r in self.runs],
            "skipped": [s.to_dict() for s in self.skipped],
        }

    def _board_dict(self, board: Board) -> dict[str, Any]:
        groups = {g: self.groups(board, g) for g in GROUPINGS}
        rows = [{**row.to_dict(), **{
            f"by_{g}": {k: {"value": v, "n": n} for k, (v, n) in per[row.extractor].items()}
            for g, per in groups.items()}} for row in self.table(board)]
        return {"task": board.task, "metric": board.metric, "key": board.key,
                "title": board.full_title, "slug": board.slug, "rows": rows}


def _run_dict(run: ExtractorRun) -> dict[str, Any]:
    scores = {}
    for s in run.result.scores if run.result else ():
        overall = [k for k in s.values if ":" not in k]
        scores[s.metric] = {"n": s.n, "not_scored": s.not_scored,
                            "not_applicable": s.not_applicable, "signature": s.signature,
                            "values": {k: s.values[k] for k in overall},
                            "ci": {k: [s.ci[k].low, s.ci[k].high] for k in overall if k in s.ci}}
    return {**run.info.to_dict(), "scored_tasks": list(run.tasks), "error": run.error,
            "pages": 0 if run.result is None else len(run.result.pages),
            "cached": len(run.pages("cached")), "problems": run.problems(),
            "runtime": run.runtime(), "scores": scores}
