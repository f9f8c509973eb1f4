"""Load the built corpus offline: as a ``datasets.DatasetDict`` or as ``Document`` objects."""

from __future__ import annotations

import os
from pathlib import Path

from .paths import corpus_dir
from .records import from_row
from .schema import Document

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_DISABLE_PROGRESS_BARS", "1")

DATASETS: tuple[str, ...] = ("default", "aeb")


class CorpusNotHydrated(FileNotFoundError):
    """A config whose pages must first be rebuilt from public data."""


def load_corpus(path: str | Path | None = None, split: str | None = None,
                dataset: str = "default", **kwargs):
    """``datasets.load_dataset`` on the built corpus directory (``corpus/`` by default);
    ``dataset`` names the config: ``default`` (the bundled pages) or ``aeb`` (after hydration)."""
    import datasets

    datasets.config.HF_HUB_OFFLINE = True
    root = Path(path or corpus_dir())
    if dataset not in DATASETS:
        raise KeyError(f"unknown dataset {dataset!r}; choose one of {', '.join(DATASETS)}")
    if dataset == "aeb" and not any((root / "aeb").glob("*.parquet")):
        raise CorpusNotHydrated(
            f"the aeb pages are not in {root / 'aeb'}: rebuild them from a local copy of the "
            "public benchmark with `newsgold hydrate aeb PATH` (see the README)")
    return datasets.load_dataset(str(root), dataset, split=split, **kwargs)


def load_documents(split: str | None = None, path: str | Path | None = None,
                   dataset: str = "default") -> list[Document]:
    """The corpus as Documents (labels decoded), in id order; ``split=None`` means all splits."""
    data = load_corpus(path, dataset=dataset)
    names = [split] if split else list(data)
    unknown = [n for n in names if n not in data]
    if unknown:
        raise KeyError(f"unknown split {unknown[0]!r}; the corpus has {', '.join(data)}")
    rows = [row for name in names for row in data[name]]
    return sorted((from_row(r) for r in rows), key=lambda d: d.id)
