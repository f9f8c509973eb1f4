"""Writing the leaderboard's three reports (Markdown, JSON, HTML), each atomically."""

from __future__ import annotations

import json
from pathlib import Path

from ..atomic import write_text
from . import html, markdown
from .model import Leaderboard

def stem(lb: Leaderboard) -> str:
    """``leaderboard`` for the default dataset's test split, else e.g. ``leaderboard-aeb`` or
    ``leaderboard-dev`` (so those runs never replace the committed leaderboard)."""
    parts = ["leaderboard"]
    if lb.dataset.config != "default":
        parts.append(lb.dataset.config)
    if lb.dataset.split != "test":
        parts.append(lb.dataset.split)
    return "-".join(parts)


def write_reports(lb: Leaderboard, out: str | Path) -> list[Path]:
    """Write ``<stem>.md``, ``.json`` and ``.html`` into ``out``; return their paths."""
    out = Path(out)
    texts = {
        "md": markdown.render(lb),
        "json": json.dumps(lb.to_dict(), ensure_ascii=False, indent=1) + "\n",
        "html": html.render(lb),
    }
    paths = []
    for suffix, text in texts.items():
        path = out / f"{stem(lb)}.{suffix}"
        write_text(path, text)
        paths.append(path)
    return paths
