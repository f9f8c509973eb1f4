"""Seconds per page, remembered across runs, so a leaderboard built from cached predictions still
reports what extraction costs.

The prediction cache keeps predictions but not how long they took; this store keeps, per
extractor name and version, the seconds each page took when it last ran (keyed by dataset config
and document id). It is one JSON file beside the prediction cache's folders, rewritten
atomically at the end of a run (last writer wins).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from ..atomic import write_text
from ..harness.results import EvalResult

FILE_NAME = "leaderboard-timings.json"
#: Page statuses where the extractor ran (and was timed).
RAN: tuple[str, ...] = ("ok", "error")


class TimingStore:
    """``{extractor: {version: {"config:doc_id": seconds}}}`` in ``<cache root>/`` + FILE_NAME."""

    def __init__(self, cache_root: str | Path) -> None:
        self.path = Path(cache_root) / FILE_NAME
        try:
            self._data: dict = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            self._data = {}

    def _table(self, name: str, version: str) -> dict[str, float]:
        return self._data.setdefault(name, {}).setdefault(version, {})

    def total(self, name: str, version: str) -> float | None:
        """Seconds all remembered pages of an extractor version took (None if none are)."""
        table = self._data.get(name, {}).get(version)
        return sum(table.values()) if table else None

    def page_seconds(self, result: EvalResult) -> dict[str, float]:
        """Seconds per page of a run: measured now where the extractor ran, remembered where
        the prediction came from the cache (absent if never measured). Remembers the new ones."""
        table = self._table(result.extractor.name, result.extractor.version)
        config = result.dataset.config
        out: dict[str, float] = {}
        for page in result.pages:
            key = f"{config}:{page.doc_id}"
            if page.status in RAN:
                table[key] = out[page.doc_id] = page.seconds
            elif page.status == "cached" and key in table:
                out[page.doc_id] = table[key]
        return out

    def save(self) -> None:
        write_text(self.path, json.dumps(self._data, indent=1, sort_keys=True) + "\n")


def summary(seconds: Iterable[float]) -> dict[str, float | int | None]:
    """Timed pages and the mean, median and 95th percentile of seconds per page."""
    import numpy as np

    values = np.asarray(list(seconds), dtype=float)
    if not values.size:
        return {"timed_pages": 0, "mean": None, "median": None, "p95": None, "total": None}
    return {"timed_pages": int(values.size), "mean": float(values.mean()),
            "median": float(np.median(values)), "p95": float(np.percentile(values, 95)),
            "total": float(values.sum())}
