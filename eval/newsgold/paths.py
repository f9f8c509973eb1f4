"""Where the repository's data lives (override the root with ``NEWSGOLD_ROOT``)."""

from __future__ import annotations

import os
from pathlib import Path


def repo_root() -> Path:
    """The checkout holding ``annotations/`` and ``corpus/``."""
    env = os.environ.get("NEWSGOLD_ROOT")
    return Path(env).resolve() if env else Path(__file__).resolve().parents[2]


def annotations_dir() -> Path:
    return repo_root() / "annotations"


def corpus_dir() -> Path:
    return repo_root() / "corpus"
