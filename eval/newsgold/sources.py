"""Read the gold sources in ``annotations/``: one marked text file per document, plus its page HTML."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .markup import MarkupError, parse
from .schema import Document


@dataclass(frozen=True)
class SourceFile:
    """A document and the file it was read from."""

    path: Path
    document: Document


def gold_dir(annotations: Path) -> Path:
    return annotations / "gold"


def html_path(annotations: Path, doc_id: str) -> Path:
    return annotations / "html" / f"{doc_id}.html"


def read_source(path: Path, annotations: Path) -> SourceFile:
    """Read one gold file (and its page HTML when there is one)."""
    source = path.read_text(encoding="utf-8")
    page = html_path(annotations, path.stem)
    html = page.read_text(encoding="utf-8") if page.exists() else None
    return SourceFile(path, parse(source, where=str(path), html=html))


def read_sources(annotations: Path, folder: str = "gold",
                 only: str = "*") -> tuple[list[SourceFile], list[str]]:
    """Documents of a source folder whose id matches the glob ``only``, sorted by file name, and
    the files that could not be read."""
    files, errors = [], []
    for path in sorted((annotations / folder).glob(f"{only}.txt")):
        try:
            files.append(read_source(path, annotations))
        except (MarkupError, UnicodeDecodeError) as exc:
            errors.append(str(exc) if isinstance(exc, MarkupError) else f"{path}: {exc}")
    return files, errors
