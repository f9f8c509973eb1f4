"""Predictions cached on disk by (extractor name, extractor version, page contents).

Each (name, version) has a folder of shard files, one line per page: the key, a tab and the
prediction's JSON; a run adds one new shard, written atomically, per flush. A re-run reads the
shards and calls the extractor only for pages it has not seen. Only successful predictions are
cached.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
import uuid
from pathlib import Path

from ..atomic import write_text
from ..extractors.base import Page, Prediction
from ..extractors.wire import FormatError, prediction_from_json, prediction_to_json

DEFAULT_CACHE_DIR = Path(".cache/newsgold/predictions")
#: Shards in a folder before the next load merges them into one.
MAX_SHARDS = 16


def default_cache_dir() -> Path:
    """``$NEWSGOLD_CACHE`` or ``.cache/newsgold/predictions`` under the working directory."""
    env = os.environ.get("NEWSGOLD_CACHE")
    return Path(env) if env else DEFAULT_CACHE_DIR


def _slug(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9._+-]+", "_", value)[:80] or "_"


class PredictionCache:
    """The cached predictions of one extractor version."""

    def __init__(self, root: str | Path, name: str, version: str,
                 flush_every: float = 5.0) -> None:
        self.name, self.version = name, version
        self.folder = Path(root) / _slug(name) / _slug(version)
        self.flush_every = flush_every
        self._entries: dict[str, str] | None = None
        self._pending: list[str] = []
        self._last_flush = time.monotonic()

    def key(self, page: Page) -> str:
        """SHA-256 over the extractor identity and everything the extractor sees of the page."""
        h = hashlib.sha256()
        for part in (self.name, self.version, page.url, page.language, page.text):
            h.update(part.encode("utf-8"))
            h.update(b"\0")
        h.update(b"-" if page.html is None else b"+" + page.html.encode("utf-8"))
        return h.hexdigest()

    def _load(self) -> dict[str, str]:
        if self._entries is None:
            self._entries = {}
            shards = sorted(self.folder.glob("*.shard")) if self.folder.is_dir() else []
            for shard in shards:
                try:
                    lines = shard.read_text(encoding="utf-8").split("\n")
                except FileNotFoundError:  # merged away by a concurrent run
                    continue
                for line in lines:
                    key, tab, raw = line.partition("\t")
                    if tab and len(key) == 64:
                        self._entries[key] = raw
            if len(shards) > MAX_SHARDS:
                self._merge(shards)
        return self._entries

    def _merge(self, shards: list[Path]) -> None:
        assert self._entries is not None
        self._write([f"{k}\t{v}" for k, v in self._entries.items()])
        for shard in shards:
            shard.unlink(missing_ok=True)

    def get(self, page: Page, key: str | None = None) -> Prediction | None:
        """The cached prediction for ``page`` (with its id), or None (a damaged entry is None)."""
        raw = self._load().get(key or self.key(page))
        if raw is None:
            return None
        try:
            pred = prediction_from_json(json.loads(raw))
        except (ValueError, FormatError):
            return None
        return Prediction(page.id, pred.main_text, pred.segments, pred.entities, pred.quotes)

    def put(self, key: str, prediction_json: str) -> None:
        """Remember a prediction, as its JSON text (``encode``), under a page key (written at
        the next flush)."""
        self._load()[key] = prediction_json
        self._pending.append(f"{key}\t{prediction_json}")
        if time.monotonic() - self._last_flush > self.flush_every:
            self.flush()

    def flush(self) -> None:
        """Write the predictions added since the last flush as a new shard."""
        if self._pending:
            self._write(self._pending)
            self._pending = []
        self._last_flush = time.monotonic()

    def _write(self, lines: list[str]) -> None:
        stamp = time.strftime("%Y%m%dT%H%M%S")
        write_text(self.folder / f"{stamp}-{uuid.uuid4().hex[:12]}.shard", "\n".join(lines) + "\n")


def encode(pred: Prediction) -> str:
    """A prediction's JSON text as the cache stores it (one line)."""
    return json.dumps(prediction_to_json(pred), ensure_ascii=False)
