"""The leaderboard's tables: which score of which metric each one ranks, and the ranking itself."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from ..harness.metric_set import build_metric, metric_id
from ..harness.results import EvalResult, Score
from ..signature import parse_signature

TASK_TITLES: dict[str, str] = {"boilerplate": "Boilerplate removal", "entities": "Named entities",
                               "quotes": "Quotes"}


@dataclass(frozen=True)
class Board:
    """One ranked table: a score key of one metric."""

    task: str
    #: The metric's identity, as ``Score.metric`` records it (e.g. ``aeb(view=body)``).
    metric: str
    #: The score key ranked (``f1``, ``e2e_f1``); its precision and recall sit beside it.
    key: str
    #: What is ranked, e.g. "AEB shingle F1 (body view)" (``full_title`` adds the task).
    title: str
    #: Short identifier for anchors and footnotes.
    slug: str

    @property
    def full_title(self) -> str:
        return f"{TASK_TITLES[self.task]}: {self.title}"

    def precision_key(self) -> str:
        return self.key.replace("f1", "precision")

    def recall_key(self) -> str:
        return self.key.replace("f1", "recall")


def _metric(name: str, **params: Any) -> str:
    return metric_id(build_metric(name, params))


@lru_cache(maxsize=None)
def boards(view: str = "body") -> tuple[Board, ...]:
    """The leaderboard's tables, in report order; the first of each task is its headline."""
    quotes = _metric("quotes", threshold=0.5)
    return (
        Board("boilerplate", _metric("aeb", view=view), "f1",
              f"AEB shingle F1 ({view} view)", "aeb"),
        Board("boilerplate", _metric("lcs", view=view), "f1",
              f"LCS word F1 ({view} view)", "lcs"),
        Board("boilerplate", _metric("segments", view=view), "f1",
              f"Segment character F1 ({view} view)", "segments"),
        Board("entities", _metric("entities", mode="strict", labels="ontonotes"), "f1",
              "Strict F1, OntoNotes types", "entities-ontonotes"),
        Board("entities", _metric("entities", mode="strict", labels="conll"), "f1",
              "Strict F1, CoNLL types", "entities-conll"),
        Board("quotes", quotes, "e2e_f1", "End-to-end F1 (content and speaker)",
              "quotes-e2e"),
        Board("quotes", quotes, "f1", "Content F1", "quotes-content"),
    )


def headline(task: str, view: str = "body") -> Board:
    """The first board of a task."""
    return next(b for b in boards(view) if b.task == task)


@dataclass(frozen=True)
class Row:
    """One extractor's line in a board."""

    rank: int
    extractor: str
    version: str
    value: float | None
    ci_low: float | None
    ci_high: float | None
    precision: float | None
    recall: float | None
    #: Documents scored, left out for lack of gold, left out as not applicable, failed pages.
    n: int
    not_scored: int
    not_applicable: int
    failed: int
    signature: str

    @property
    def short_signature(self) -> str:
        return parse_signature(self.signature).format(short=True)

    def to_dict(self) -> dict[str, Any]:
        return {"rank": self.rank, "extractor": self.extractor, "version": self.version,
                "value": self.value, "ci_low": self.ci_low, "ci_high": self.ci_high,
                "precision": self.precision, "recall": self.recall, "n": self.n,
                "not_scored": self.not_scored, "not_applicable": self.not_applicable,
                "failed": self.failed, "signature": self.signature,
                "signature_short": self.short_signature}


def find_score(result: EvalResult, board: Board) -> Score | None:
    """The score of ``result`` a board ranks, or None when the run did not score that metric."""
    return next((s for s in result.scores if s.metric == board.metric), None)


def _sort_key(value: float | None, higher_is_better: bool, name: str) -> tuple:
    if value is None:
        return (1, 0.0, name)
    return (0, -value if higher_is_better else value, name)


def rank(board: Board, results: Iterable[EvalResult]) -> list[Row]:
    """The results that scored the board's metric, best first (undefined scores last, ties by
    name); tied values share a rank."""
    found = [(r, s) for r in results if (s := find_score(r, board)) is not None]
    found.sort(key=lambda rs: _sort_key(rs[1].values.get(board.key), rs[1].higher_is_better,
                                        rs[0].extractor.name))
    rows: list[Row] = []
    for position, (result, score) in enumerate(found, 1):
        value = score.values.get(board.key)
        ci = score.ci.get(board.key)
        shared = rows and rows[-1].value == value and value is not None
        rows.append(Row(
            rank=rows[-1].rank if shared else position, extractor=result.extractor.name,
            version=result.extractor.version, value=value,
            ci_low=ci.low if ci else None, ci_high=ci.high if ci else None,
            precision=score.values.get(board.precision_key()),
            recall=score.values.get(board.recall_key()), n=score.n, not_scored=score.not_scored,
            not_applicable=score.not_applicable, failed=len(result.failures),
            signature=score.signature))
    return rows


def by_group(board: Board, result: EvalResult, field: str) -> dict[str, tuple[float | None, int]]:
    """The board's score of one result per language, layout or site: ``{group: (value, n)}``."""
    return {b.group: (b.values.get(board.key), b.n) for b in result.breakdowns
            if b.metric == board.metric and b.by == field}
