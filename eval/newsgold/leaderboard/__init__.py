"""The leaderboard: every installed extractor on the corpus, each on every task it does, ranked
per task and metric with intervals and signatures, written as Markdown, JSON and HTML.

``run_leaderboard`` runs and scores (``run``), ``Leaderboard`` holds the runs and ranks them
(``model``, ``boards``), ``write_reports`` writes ``leaderboard.{md,json,html}`` (``report``),
``readme_section`` gives the ranked tables for the README. Names are imported on first use.
"""

from __future__ import annotations

from ..lazy import lazy_exports

_EXPORTS = {
    "run_leaderboard": ".run", "Leaderboard": ".model", "ExtractorRun": ".model",
    "Skipped": ".model", "Board": ".boards", "Row": ".boards", "boards": ".boards",
    "write_reports": ".report", "readme_section": ".markdown",
}

__all__ = sorted(_EXPORTS)

__getattr__ = lazy_exports(__name__, _EXPORTS)
