"""Extractors: the contract, the registry and the built-in adapters."""

from .base import TASKS, Extractor, Page, Prediction

__all__ = ["TASKS", "Extractor", "Page", "Prediction"]
