"""The static HTML error viewer: where an extractor fails, page by page.

``build_site(result, documents, out)`` writes the site for an ``EvalResult`` that carries its
predictions; ``from_record`` and ``run_extractor`` make such a run from a run record or an
extractor. Every highlighted outcome comes from the metrics' own matching (``outcomes``), checked
against their statistics. Names are imported on first use, so the command line stays fast.
"""

from __future__ import annotations

from ..lazy import lazy_exports

_EXPORTS = {
    "build_site": ".site", "Site": ".site",
    "Run": ".runs", "from_record": ".runs", "run_extractor": ".runs",
    "OutcomeMismatch": ".outcomes", "entity_outcomes": ".outcomes",
    "quote_outcomes": ".outcomes", "text_outcomes": ".outcomes",
}

__all__ = sorted(_EXPORTS)

__getattr__ = lazy_exports(__name__, _EXPORTS)
