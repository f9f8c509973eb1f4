"""Load the built corpus offline: as a ``datasets.DatasetDict`` or as ``Document`` objects."""

from __future__ import annotations

import os
from pathlib import Path

from .paths import corpus_dir
from .records import from_row
from .schema import Document

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_DISABLE_PROGRESS_BARS", "1")


def load_corpus(path: str | Path | None = None, split: str | None = None, **kwargs):
    """``datasets.load_dataset`` on the built corpus directory (``corpus/`` by default)."""
    import datasets

    datasets.config.HF_HUB_OFFLINE = True
    return datasets.load_dataset(str(path or corpus_dir()), split=split, **kwargs)


def load_documents(split: str | None = None, path: str | Path | None = None) -> list[Document]:
    """The corpus as Documents (labels decoded), in id order; ``split=None`` means all splits."""
    data = load_corpus(path)
    names = [split] if split else list(data)
    unknown = [n for n in names if n not in data]
    if unknown:
        raise KeyError(f"unknown split {unknown[0]!r}; the corpus has {', '.join(data)}")
    rows = [row for name in names for row in data[name]]
    return sorted((from_row(r) for r in rows), key=lambda d: d.id)
