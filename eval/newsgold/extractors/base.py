"""The extractor contract: what any system must provide to be scored by the harness."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import ClassVar

from ..schema import Entity, Quote, Segment

TASKS: tuple[str, ...] = ("boilerplate", "entities", "quotes")


@dataclass(frozen=True)
class Page:
    """What an extractor sees of a document: never its gold layers."""

    id: str
    url: str
    language: str
    text: str
    html: str | None


@dataclass(frozen=True)
class Prediction:
    """An extractor's output for one page.

    ``None`` means "this extractor does not produce this layer"; an empty tuple or empty string
    means "it produced nothing". Spans are code-point offsets into the page text, half-open.
    ``main_text`` is the extracted article text (boilerplate task, string form); ``segments`` are
    typed segments over the page text (boilerplate task, span form).
    """

    doc_id: str
    main_text: str | None = None
    segments: tuple[Segment, ...] | None = None
    entities: tuple[Entity, ...] | None = None
    quotes: tuple[Quote, ...] | None = None
    #: Set by the runner when the extractor failed on this page (the page is scored as empty).
    error: str | None = None


class Extractor(ABC):
    """A system under evaluation.

    Subclasses set ``name``, ``tasks`` (a subset of ``TASKS``) and ``input`` (``"html"`` or
    ``"text"``: what the extractor reads; ``"html"`` extractors skip pages without HTML), and
    implement ``extract``. ``version()`` names the library version that produced the output.
    """

    name: ClassVar[str]
    tasks: ClassVar[frozenset[str]]
    input: ClassVar[str] = "text"

    @abstractmethod
    def extract(self, page: Page) -> Prediction:
        """Predict the layers of ``tasks`` for one page."""

    def version(self) -> str:
        """Version of the underlying system (for signatures and the prediction cache)."""
        return "0"

    @classmethod
    def is_available(cls) -> bool:
        """Whether the libraries it needs are installed."""
        return True

    @classmethod
    def install_hint(cls) -> str:
        """How to make it available."""
        return 'pip install -e ".[extractors]"'
