"""Deterministic dev/test assignment, stratified by site layout and language (about 20/80)."""

from __future__ import annotations

import hashlib

from .schema import Document

DEV_EVERY = 5  # one document in five goes to dev


def _key(doc: Document) -> tuple[str, str, str]:
    return (doc.layout, doc.language, hashlib.sha256(doc.id.encode("utf-8")).hexdigest())


def assign_splits(docs: list[Document]) -> dict[str, str]:
    """``doc id -> "dev" | "test"`` by systematic sampling: documents sorted by (layout, language,
    SHA-256 of the id), and positions 2, 7, 12, … go to dev. Every stratum gets its share, the
    rounding carried over to the next stratum. Splits are fixed per corpus version."""
    ordered = sorted(docs, key=_key)
    return {doc.id: "dev" if i % DEV_EVERY == DEV_EVERY // 2 else "test"
            for i, doc in enumerate(ordered)}
