"""newsgold: a gold-standard news web page corpus and the harness that scores extractors on it."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("newsgold")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+source"

from .corpus import load_corpus, load_documents  # noqa: E402
from .schema import Document, Entity, Quote, Segment, Span  # noqa: E402

__all__ = ["Document", "Entity", "Quote", "Segment", "Span", "load_corpus", "load_documents",
           "__version__"]
