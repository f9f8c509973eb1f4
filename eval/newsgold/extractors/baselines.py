"""Boilerplate baselines over the page text (``input = "text"``, so they also run on pages
without HTML): a rule-based line/sentence classifier, and the ceiling and floor baselines.

* ``baseline-lines``: ``line_classifier.classify_segments`` (share bars, "Also Read |" teasers,
  disclaimers, cookie and newsletter phrases, copyright lines, short navigation lines... are
  boilerplate; the rest is body).
* ``baseline-everything``: every block is one ``body`` segment (recall ceiling).
* ``baseline-nothing``: every block is one ``other`` boilerplate segment (floor).

Each returns typed ``segments`` partitioning the non-whitespace text (no segment starts or ends
with whitespace) and no ``main_text``: string-form metrics derive the main text of whichever
content view they score from the segments, as they do for the gold.
"""

from __future__ import annotations

from abc import abstractmethod
from typing import ClassVar

from ..schema import Segment
from .base import Extractor, Page, Prediction
from .line_classifier import RULES_VERSION, classify_segments
from .text_units import blocks


class _SegmentBaseline(Extractor):
    """A boilerplate baseline that types the page text into segments."""

    tasks: ClassVar[frozenset[str]] = frozenset({"boilerplate"})
    input: ClassVar[str] = "text"
    rules_version: ClassVar[str]

    def version(self) -> str:
        return self.rules_version

    @abstractmethod
    def segments(self, text: str) -> tuple[Segment, ...]:
        """The typed segments of a page text."""

    def extract(self, page: Page) -> Prediction:
        return Prediction(doc_id=page.id, segments=self.segments(page.text))


class LineBaseline(_SegmentBaseline):
    name = "baseline-lines"
    rules_version = RULES_VERSION

    def segments(self, text: str) -> tuple[Segment, ...]:
        return classify_segments(text)


class EverythingBaseline(_SegmentBaseline):
    name = "baseline-everything"
    rules_version = "everything.v1"

    def segments(self, text: str) -> tuple[Segment, ...]:
        return tuple(Segment(start, end, "body") for start, end in blocks(text))


class NothingBaseline(_SegmentBaseline):
    name = "baseline-nothing"
    rules_version = "nothing.v1"

    def segments(self, text: str) -> tuple[Segment, ...]:
        return tuple(Segment(start, end, "other") for start, end in blocks(text))
