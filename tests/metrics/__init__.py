"""Tests of the metrics layer: matching, task metrics, significance, signatures, AEB data."""
