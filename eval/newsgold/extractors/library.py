"""Shared plumbing of the adapters around third-party libraries: versions, availability, and the
offline main-text extraction from HTML."""

from __future__ import annotations

import importlib.util
from abc import abstractmethod
from importlib import metadata
from typing import ClassVar

from .base import Extractor, Page, Prediction
from .offline import offline


class LibraryExtractor(Extractor):
    """An adapter around installed libraries, imported lazily inside ``extract``.

    ``version()`` is the main distribution's version, followed by ``+name-version`` for every
    other distribution that shapes the output (e.g. ``0.9+html-text-0.7.1+lxml-6.1.3``). The HTML
    parser counts: on the AEB pages goose3's output changes between lxml 5.4 and 6.1.
    """

    #: PyPI distributions whose versions identify the output, the adapted library first.
    distributions: ClassVar[tuple[str, ...]]
    #: Top-level import names the adapter needs.
    modules: ClassVar[tuple[str, ...]]

    def version(self) -> str:
        main, *others = self.distributions
        return "+".join([metadata.version(main)]
                        + [f"{name}-{metadata.version(name)}" for name in others])

    @classmethod
    def is_available(cls) -> bool:
        try:
            for name in cls.distributions:
                metadata.version(name)
        except metadata.PackageNotFoundError:
            return False
        return all(importlib.util.find_spec(module) is not None for module in cls.modules)

    @classmethod
    def install_hint(cls) -> str:
        return f'pip install -e ".[extractors]"  (needs {", ".join(cls.distributions)})'


class HtmlMainTextExtractor(LibraryExtractor):
    """A main-content extractor: the page HTML in, the article text (``main_text``) out."""

    tasks: ClassVar[frozenset[str]] = frozenset({"boilerplate"})
    input: ClassVar[str] = "html"

    def extract(self, page: Page) -> Prediction:
        if page.html is None:
            raise ValueError(f"{self.name}: page {page.id} has no HTML, and {self.name} reads HTML")
        with offline(f"{self.name} on page {page.id}"):
            text = self.main_text(page)
        return Prediction(doc_id=page.id, main_text=text or "")

    @abstractmethod
    def main_text(self, page: Page) -> str | None:
        """The library's article text for a page that has HTML (None or "" for nothing)."""
