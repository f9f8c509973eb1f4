"""Small annotations folders made of real gold pages, for tests that build a temporary corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def copy_annotations(root: Path, pages: tuple[str, ...]) -> Path:
    """An annotations folder under ``root`` with the corpus metadata and only ``pages``
    (gold text and, where there is one, page HTML)."""
    ann = root / "annotations"
    (ann / "gold").mkdir(parents=True)
    (ann / "html").mkdir()
    for name in ("corpus.yaml", "CARD.md"):
        shutil.copy(REPO / "annotations" / name, ann / name)
    for doc_id in pages:
        shutil.copy(REPO / "annotations" / "gold" / f"{doc_id}.txt", ann / "gold")
        html = REPO / "annotations" / "html" / f"{doc_id}.html"
        if html.exists():
            shutil.copy(html, ann / "html")
    return ann
