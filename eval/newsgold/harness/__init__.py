"""The evaluation harness: run any extractor on the corpus, score it, compare systems.

``evaluate`` runs one extractor and returns an ``EvalResult``; ``compare`` tests two results
(or two extractors) against each other on their cached per-document statistics. Names are
imported on first use, so importing the package (and the command line) stays fast.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "evaluate": ".evaluation", "compare": ".comparison", "load_result": ".record",
    "save_result": ".record",
    **{name: ".results" for name in ("Breakdown", "CompareResult", "Comparison", "DatasetInfo",
                                     "DocumentScore", "EvalResult", "PageReport", "RunInfo",
                                     "Score")},
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name], __name__), name)
    globals()[name] = value
    return value
