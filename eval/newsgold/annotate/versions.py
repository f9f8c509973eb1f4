"""Several annotators' versions of the same documents, for agreement figures.

Both functions return ``({doc_id: {annotator: Document}}, problems)``: offline from gold and a
second pass folder, or from a Label Studio export (each annotator's latest annotation).
"""

from __future__ import annotations

import fnmatch
from pathlib import Path
from typing import Any

from ..schema import Document
from ..sources import read_sources
from .convert import Conflict
from .pull import annotated_versions, intact_task

Versions = dict[str, dict[str, Document]]


def offline_versions(annotations: Path, folder: str = "second-pass",
                     only: str = "*") -> tuple[Versions, list[str]]:
    """``gold/<id>.txt`` (annotator "gold") against ``<folder>/<id>.txt`` under annotations/."""
    gold, errors = read_sources(annotations, "gold", only)
    second, more = read_sources(annotations, folder, only)
    by_id = {f.document.id: f.document for f in gold}
    versions: Versions = {}
    problems = errors + more
    for sf in second:
        doc = sf.document
        if doc.id not in by_id:
            problems.append(f"{sf.path}: no gold file for {doc.id}")
        elif by_id[doc.id].text != doc.text:
            problems.append(f"{sf.path}: the text differs from the gold file's")
        else:
            versions[doc.id] = {"gold": by_id[doc.id], folder: doc}
    return versions, problems


def export_versions(tasks: list[Any], only: str = "*") -> tuple[Versions, list[str]]:
    """The tasks annotated by two or more annotators; unconvertible annotations are skipped."""
    conflicts: list[Conflict] = []
    versions: Versions = {}
    for task in tasks:
        intact = intact_task(task, conflicts)
        if intact is None:
            continue
        tid, doc_id, text = intact
        if not fnmatch.fnmatchcase(doc_id, only):
            continue
        base = Document(id=doc_id, url="", site="", layout="", language="", published=None,
                        title="", source="", license="", topic=None, text=text)
        found = annotated_versions(task, tid, doc_id, base, conflicts)
        if found and len(found) > 1:
            versions[doc_id] = found
    return versions, [f"skipped: {c}" for c in conflicts]
