"""The metric contract: per-document additive statistics first, the score second.

A metric turns one (gold document, prediction) pair into a fixed-length vector of statistics
(``doc_stats``), and a matrix of such vectors (one row per document) into named scores (``score``).
Bootstrap resampling, significance tests and breakdowns re-score subsets of cached rows without
re-matching anything.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar

import numpy as np

from ..extractors.base import Prediction
from ..schema import Document


class Metric(ABC):
    """One exactly defined measure of one task."""

    #: "boilerplate", "entities" or "quotes".
    task: ClassVar[str]
    #: Short identifier, e.g. "aeb", "lcs", "segments", "entities", "quotes".
    name: ClassVar[str]
    #: The key of ``score``'s result that a leaderboard ranks by.
    primary: ClassVar[str] = "f1"
    #: Whether a larger primary score is better.
    higher_is_better: ClassVar[bool] = True

    @abstractmethod
    def params(self) -> dict[str, str | int | float]:
        """Every parameter that affects the number (goes into the signature)."""

    @property
    @abstractmethod
    def stat_names(self) -> tuple[str, ...]:
        """Names of the columns of ``doc_stats``' vector."""

    @abstractmethod
    def doc_stats(self, gold: Document, pred: Prediction) -> np.ndarray | None:
        """Statistics of one document, or None when the gold lacks this task's layer
        ("not scored", never 0)."""

    @abstractmethod
    def score(self, stats: np.ndarray) -> dict[str, float | None]:
        """Named scores from a ``(n_documents, len(stat_names))`` matrix; None where undefined."""
