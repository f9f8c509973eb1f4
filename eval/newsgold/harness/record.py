"""JSON run records: an ``EvalResult`` with its full environment, written atomically."""

from __future__ import annotations

import json
from pathlib import Path

from ..atomic import write_text
from .results import EvalResult


def save_result(result: EvalResult, path: str | Path, predictions: bool = False) -> None:
    """Write the run record (``predictions=True`` also keeps every scored prediction)."""
    write_text(Path(path), result.to_json(predictions))


def load_result(path: str | Path) -> EvalResult:
    """Read a run record written by ``save_result`` or ``newsgold eval --format json``."""
    path = Path(path)
    try:
        return EvalResult.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{path}: not a newsgold run record: {exc}") from exc
