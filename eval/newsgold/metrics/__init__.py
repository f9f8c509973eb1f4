"""Metrics, one module per task, sharing one span-matching function (``matching``)."""
