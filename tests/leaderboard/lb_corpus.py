"""The small real corpus of the leaderboard tests: which pages, and how their annotations are
copied."""

from __future__ import annotations

from pathlib import Path

from support.corpus import REPO, copy_annotations as support_copy

#: The seed page (text only), and pages in German, English, French and Spanish.
PAGES = ("latestly-russia-china-2023-06-25", "broadcaster-ashcombe-footbridge-vote",
         "wire-de-leipzig-klangmuseum-2026-03-14", "opinion-breton-ecole-immersion",
         "photo-valdecastro-granizada-vinedos")


def copy_annotations(root: Path, pages=PAGES) -> Path:
    """An annotations folder with the corpus metadata and only ``pages``."""
    return support_copy(root, pages)
