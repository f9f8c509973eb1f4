"""Edit the standoff annotations of the benchmark pages as marked text.

``export_pages`` writes each hydrated page as a gold-format file (YAML front matter, text with
``ng-`` tags; see ``markup``) into a working folder outside the repository; annotators edit the
tags; ``import_pages`` checks every edited file — same text as the public page (by hash), same
page metadata, no validator finding — and only then rewrites the standoff files. Nothing is
written unless every file passes, and the page text never enters the repository.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from .atomic import write_text
from .hydrate import hydrated_page, standoff
from .markup import MarkupError, parse, serialize
from .records import text_sha256
from .schema import LAYERS, Document, Segment, trim

#: Front matter an annotator may change; everything else identifies the page.
EDITABLE = ("language",)


class EditError(ValueError):
    """Edited files that cannot become annotations; nothing was written."""


@dataclass(frozen=True)
class Imported:
    path: Path  # the standoff file written
    before: dict[str, int]  # spans per layer before the import
    after: dict[str, int]


def _counts(meta: dict) -> dict[str, int]:
    return {layer: len(meta[layer]) for layer in LAYERS}


def blank(doc: Document) -> Document:
    """The starting point of an independent pass: the aligned ``body`` segments kept, each run of
    text between them one ``other`` segment, no entities or quotes."""
    body = [s for s in doc.segments if s.kind == "body"]
    bounds = [0] + [x for s in body for x in (s.start, s.end)] + [len(doc.text)]
    others = [trim(doc.text, a, b) for a, b in zip(bounds[::2], bounds[1::2])]
    segments = sorted(body + [Segment(*span, "other") for span in others if span[0] < span[1]],
                      key=lambda s: s.start)
    return replace(doc, segments=tuple(segments), entities=(), quotes=(),
                   annotated=frozenset(LAYERS))


def export_pages(standoff_dir: Path, aeb_root: Path, out: Path,
                 only: set[str] | None = None, start_blank: bool = False) -> list[Path]:
    """Write ``out/<id>.txt`` for each page of ``standoff_dir`` (or of ``only``); with
    ``start_blank``, as the starting point of an independent pass (see ``blank``)."""
    written = []
    for path in sorted(standoff_dir.glob("*.json")):
        meta = json.loads(path.read_text(encoding="utf-8"))
        if only is not None and meta["id"] not in only:
            continue
        doc = hydrated_page(meta, aeb_root)
        if doc is None:
            raise EditError(f"{path}: the page rendered from {aeb_root} does not match the "
                            "annotated text hash; nothing to edit")
        doc = replace(doc, html=None)
        if start_blank:
            doc = blank(doc)
        target = out / f"{meta['id']}.txt"
        write_text(target, serialize(doc, str(path)))
        written.append(target)
    missing = sorted((only or set()) - {p.stem for p in written})
    if missing:
        raise EditError(f"no annotation file in {standoff_dir} for {', '.join(missing)}")
    return written


def _first_difference(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


def _check_edited(file: Path, meta: dict, doc, aeb_root: Path) -> list[str]:
    from .aeb import read_html
    from .render import render_text
    from .validate import check_document

    problems = []
    for key in ("url", "site"):
        if getattr(doc, key) != meta[key]:
            problems.append(f"{file}: {doc.id}: front matter {key} changed "
                            f"({meta[key]!r} → {getattr(doc, key)!r}); only {EDITABLE} may change")
    if text_sha256(doc.text) != meta["text_sha256"]:
        original = render_text(read_html(aeb_root, meta["aeb_id"]))
        at = _first_difference(original, doc.text)
        problems.append(f"{file}: {doc.id}: the text without tags differs from the page at "
                        f"offset {at} ({original[at:at + 30]!r} became {doc.text[at:at + 30]!r})")
        return problems
    return problems + [str(v) for v in check_document(doc, str(file), meta["id"])]


def import_pages(files: list[Path], reference_dir: Path, aeb_root: Path,
                 standoff_dir: Path | None = None) -> list[Imported]:
    """Rewrite the standoff files of the edited pages, or raise naming every problem.

    ``reference_dir`` holds every page's committed annotation (it names the page and its text
    hash); the edits go to ``standoff_dir`` (default: ``reference_dir``; a second pass has its own).
    """
    target_dir = standoff_dir or reference_dir
    problems: list[str] = []
    staged: list[tuple[Path, dict[str, int], str]] = []
    for file in files:
        try:
            doc = parse(file.read_text(encoding="utf-8"), str(file))
        except (MarkupError, OSError) as exc:
            problems.append(str(exc))
            continue
        reference = reference_dir / f"{doc.id}.json"
        if not reference.is_file():
            problems.append(f"{file}: {doc.id} has no annotation file in {reference_dir}: "
                            "not a benchmark page")
            continue
        meta = json.loads(reference.read_text(encoding="utf-8"))
        found = _check_edited(file, meta, doc, aeb_root)
        problems += found
        if not found:
            path = target_dir / reference.name
            before = _counts(json.loads(path.read_text(encoding="utf-8"))) if path.is_file() else {}
            staged.append((path, before, standoff(doc, meta["aeb_id"])))
    if problems:
        raise EditError(f"{len(problems)} problem(s); nothing written:\n" + "\n".join(problems))
    for path, _, content in staged:
        write_text(path, content)
    return [Imported(path, before, _counts(json.loads(content))) for path, before, content in staged]
