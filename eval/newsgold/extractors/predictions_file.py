"""Already-computed predictions as an extractor: a JSON-lines file keyed by document id.

Line 1 is the header (``{"newsgold": 1, "name", "version", "tasks", "input"?}``), every other
non-blank line one prediction (``{"id": ..., "main_text"?, "segments"?, "entities"?,
"quotes"?}``); the format is published as ``predictions.schema.json`` and described in
docs/protocol.md. A document without a line is scored as an empty prediction (and reported); an
unknown id, a repeated id or a malformed line is an error naming the file and line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from .base import Extractor, Page, Prediction
from .wire import FormatError, check_prediction, empty_prediction, parse_header, \
    prediction_from_json

SCHEMA_PATH = Path(__file__).with_name("predictions.schema.json")


class PredictionsFileError(ValueError):
    """A predictions file that cannot be used; the message names the file and line."""


class PredictionsFile(Extractor):
    """Serves the predictions stored in ``path``."""

    #: Its predictions live in the file already: the harness does not cache them.
    cacheable = False

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.source = f"predictions: {self.path}"
        self._lines: dict[str, tuple[int, Prediction]] = {}
        with self.path.open(encoding="utf-8") as fh:
            header = None
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    if header is None:
                        header = parse_header(line)
                        continue
                    pred = prediction_from_json(json.loads(line))
                except (ValueError, FormatError) as exc:
                    raise PredictionsFileError(f"{self.path}:{number}: {exc}") from None
                if pred.doc_id in self._lines:
                    raise PredictionsFileError(
                        f"{self.path}:{number}: document {pred.doc_id!r} already predicted on "
                        f"line {self._lines[pred.doc_id][0]}")
                self._lines[pred.doc_id] = (number, pred)
        if header is None:
            raise PredictionsFileError(f"{self.path}:1: empty file (expected the header line)")
        self.name: str = header["name"]  # type: ignore[misc]
        self.tasks: frozenset[str] = frozenset(header["tasks"])  # type: ignore[misc]
        self.input: str = header["input"]  # type: ignore[misc]
        self._version: str = header["version"]

    def version(self) -> str:
        return self._version

    def check_ids(self, known: Iterable[str]) -> None:
        """Raise on the first line whose id is not a document of the dataset."""
        known = set(known)
        unknown = sorted((line, doc_id) for doc_id, (line, _) in self._lines.items()
                         if doc_id not in known)
        if unknown:
            line, doc_id = unknown[0]
            more = f" (and {len(unknown) - 1} more unknown ids)" if len(unknown) > 1 else ""
            raise PredictionsFileError(f"{self.path}:{line}: unknown document id {doc_id!r}"
                                       f"{more}")

    def extract(self, page: Page) -> Prediction:
        if page.id not in self._lines:
            return empty_prediction(page.id, self.tasks,
                                    error=f"no prediction in {self.path} (scored as empty)")
        line, pred = self._lines[page.id]
        try:
            return check_prediction(pred, page, self.tasks)
        except FormatError as exc:
            raise PredictionsFileError(f"{self.path}:{line}: {exc}") from None
