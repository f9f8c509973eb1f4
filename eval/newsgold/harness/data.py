"""The documents a run scores, and the identity of the data they come from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import yaml

from ..corpus import load_corpus
from ..paths import corpus_dir
from ..records import content_hash, from_row, to_row
from ..schema import Document
from .results import DatasetInfo


@dataclass(frozen=True)
class EvalData:
    """Documents of one split, the ids of every split (to recognise foreign ids), their identity."""

    documents: tuple[Document, ...]
    all_ids: frozenset[str]
    info: DatasetInfo


def _card_header(path: Path) -> dict:
    readme = path / "README.md"
    if not readme.is_file():
        return {}
    text = readme.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    return yaml.safe_load(text.split("---", 2)[1]) or {}


def load_data(split: str = "test", dataset: str = "default",
              corpus: str | Path | None = None) -> EvalData:
    """Load one split of the built corpus (``corpus/`` unless ``corpus`` is given)."""
    path = Path(corpus) if corpus is not None else corpus_dir()
    data = load_corpus(path, dataset=dataset)
    if split not in data:
        raise KeyError(f"{path}: dataset {dataset!r} has no split {split!r} "
                       f"(it has {', '.join(data)})")
    rows = {name: list(data[name]) for name in data}
    docs = tuple(sorted((from_row(r) for r in rows[split]), key=lambda d: d.id))
    meta = _card_header(path).get("newsgold", {})
    # The card names the bundled pages; any other config (e.g. locally hydrated aeb pages) is
    # named by the hash of its own rows, so its signatures never pass for the default corpus's.
    digest = (meta.get("content_sha256") if dataset == "default" else None) \
        or content_hash([r for rs in rows.values() for r in rs])
    name = "newsgold" if dataset == "default" else f"newsgold-{dataset}"
    info = DatasetInfo(name, str(meta.get("version", "unknown")), digest, dataset, split,
                       len(docs), str(path.resolve()))
    return EvalData(docs, frozenset(r["id"] for rs in rows.values() for r in rs), info)


def documents_data(documents: Sequence[Document], split: str = "custom",
                   name: str = "custom") -> EvalData:
    """Documents given directly (not from a built corpus): named by their content hash."""
    docs = tuple(sorted(documents, key=lambda d: d.id))
    ids = [d.id for d in docs]
    if len(set(ids)) != len(ids):
        raise ValueError("documents: duplicate ids")
    info = DatasetInfo(name, "unversioned", content_hash([to_row(d) for d in docs]), "custom",
                       split, len(docs), "<in memory>")
    return EvalData(docs, frozenset(ids), info)
