"""The small real corpus of the leaderboard tests: which pages, and how their annotations are
copied."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
#: The seed page (text only), and pages in German, English, French and Spanish.
PAGES = ("latestly-russia-china-2023-06-25", "broadcaster-ashcombe-footbridge-vote",
         "wire-de-leipzig-klangmuseum-2026-03-14", "opinion-breton-ecole-immersion",
         "photo-valdecastro-granizada-vinedos")


def copy_annotations(root: Path, pages=PAGES) -> Path:
    """An annotations folder with the corpus metadata and only ``pages``."""
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
