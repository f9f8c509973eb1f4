"""The evaluation harness: run any extractor on the corpus, score it, compare systems.

``evaluate`` runs one extractor and returns an ``EvalResult``; ``compare`` tests two results
(or two extractors) against each other on their cached per-document statistics. Names are
imported on first use, so importing the package (and the command line) stays fast.
"""

from __future__ import annotations

from ..lazy import lazy_exports

_EXPORTS = {
    "evaluate": ".evaluation", "compare": ".comparison", "load_result": ".record",
    "save_result": ".record",
    **{name: ".results" for name in ("Breakdown", "CompareResult", "Comparison", "DatasetInfo",
                                     "DocumentScore", "EvalResult", "PageReport", "RunInfo",
                                     "Score")},
}

__all__ = sorted(_EXPORTS)

__getattr__ = lazy_exports(__name__, _EXPORTS)
