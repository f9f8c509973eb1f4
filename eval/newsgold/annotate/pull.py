"""Label Studio annotations back into ``annotations/gold/``, safely.

``plan_pull`` turns an export (the snapshot export's JSON: tasks with full annotations) into a plan:
per document the new gold file and a diff summary, plus every conflict. Per task: the text must
match ``text_sha256`` and the gold file the task was pushed from; cancelled annotations are
ignored and each annotator's latest one counts; one annotator's annotation is taken as is,
several are adjudicated (an adjudicator's wins, else what a majority agrees on; the rest is
listed for review). Each document must then pass the corpus validator.

``write_plan`` writes nothing when there is any conflict (unless ``partial``: then only the
documents without conflicts), and replaces files only when asked to (``--accept``).
"""

from __future__ import annotations

import fnmatch
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Collection

from ..atomic import write_text
from ..markup import MarkupError, serialize
from ..records import text_sha256
from ..schema import LAYERS, Document
from ..sources import gold_dir, read_source
from ..validate import check_document
from .adjudicate import adjudicate, units
from .convert import Conflict, Origin, document_from_result


@dataclass(frozen=True)
class LayerDiff:
    added: int
    removed: int


@dataclass(frozen=True)
class DocChange:
    """A gold file the pull would write."""

    doc_id: str
    path: Path
    new_text: str
    was_annotated: tuple[str, ...]
    layers: dict[str, LayerDiff]

    def summary(self) -> str:
        parts = ", ".join(f"{layer} +{d.added} -{d.removed}" for layer, d in self.layers.items())
        note = "" if self.was_annotated else " (was not annotated)"
        return f"{self.doc_id}: {parts}{note}"

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "path": str(self.path),
                "was_annotated": list(self.was_annotated),
                **{layer: {"added": d.added, "removed": d.removed}
                   for layer, d in self.layers.items()}}


@dataclass
class PullPlan:
    changes: list[DocChange] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    unannotated: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    #: Units left out by majority adjudication (they do not block the pull).
    review: list[Conflict] = field(default_factory=list)

    @property
    def conflicted_docs(self) -> set[str]:
        return {c.doc_id for c in self.conflicts if c.doc_id}

    def to_dict(self) -> dict[str, Any]:
        return {"conflicts": [c.to_dict() for c in self.conflicts],
                "review": [c.to_dict() for c in self.review],
                "changes": [c.to_dict() for c in self.changes],
                "unchanged": self.unchanged, "unannotated": self.unannotated}


def diff_layers(old: Document, new: Document) -> dict[str, LayerDiff]:
    """Per layer: how many units the new version adds and removes (quotations as wholes)."""
    out = {}
    for layer in LAYERS:
        before, after = units(old, layer), units(new, layer)
        out[layer] = LayerDiff(len(after - before), len(before - after))
    return out


def _annotator(annotation: dict[str, Any]) -> str:
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        return str(who.get("email") or f"user {who.get('id')}")
    return f"user {who}"


def latest_annotations(task: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each annotator's latest submitted (not cancelled) annotation of a task."""
    latest: dict[str, dict[str, Any]] = {}
    annotations = [a for a in task.get("annotations") or []
                   if isinstance(a, dict) and not a.get("was_cancelled")]
    for a in sorted(annotations, key=lambda a: (a.get("updated_at") or a.get("created_at") or "",
                                                a.get("id") or 0)):
        latest[_annotator(a)] = a
    return latest


def intact_task(task: Any, conflicts: list[Conflict]) -> tuple[int | None, str, str] | None:
    """``(task id, doc id, text)`` of a task whose data is intact."""
    if not isinstance(task, dict):
        conflicts.append(Conflict(f"the export holds a {type(task).__name__}, not a task"))
        return None
    tid, data = task.get("id"), task.get("data")
    data = data if isinstance(data, dict) else {}
    doc_id, text, sha = data.get("doc_id"), data.get("text"), data.get("text_sha256")
    if not isinstance(doc_id, str) or not isinstance(text, str):
        conflicts.append(Conflict("task data lacks a string doc_id or text (not pushed by "
                                  "newsgold?)", tid, doc_id if isinstance(doc_id, str) else None))
        return None
    if sha != text_sha256(text):
        conflicts.append(Conflict(f"data.text does not match data.text_sha256 ({sha!r}): the "
                                  f"task text was changed after push", tid, doc_id))
        return None
    return tid, doc_id, text


def _read_gold(annotations: Path, tid: int | None, doc_id: str, text: str,
               conflicts: list[Conflict]) -> Document | None:
    path = gold_dir(annotations) / f"{doc_id}.txt"
    if not path.exists():
        conflicts.append(Conflict(f"no gold file {path} for this task (add the page with "
                                  f"`newsgold pages add` and push it)", tid, doc_id))
        return None
    try:
        gold = read_source(path, annotations).document
    except (MarkupError, UnicodeDecodeError) as exc:
        conflicts.append(Conflict(f"cannot read {path}: {exc}", tid, doc_id))
        return None
    if gold.text != text:
        conflicts.append(Conflict(f"the text of {path} differs from the task text (the page "
                                  f"changed since it was pushed)", tid, doc_id))
        return None
    return gold


def annotated_versions(task: dict[str, Any], tid: int | None, doc_id: str, base: Document,
                       conflicts: list[Conflict]) -> dict[str, Document] | None:
    """Each annotator's version of the document, or None if any has conflicts."""
    versions: dict[str, Document] = {}
    ok = True
    for name, annotation in latest_annotations(task).items():
        doc, found = document_from_result(base, annotation.get("result"),
                                          Origin(tid, doc_id, annotation.get("id")))
        conflicts.extend(found)
        if doc is None:
            ok = False
        else:
            versions[name] = doc
    return versions if ok else None


def plan_pull(tasks: list[Any], annotations: Path, adjudicators: Collection[str] = (),
              only: str = "*") -> PullPlan:
    """What pulling this export would write, and every conflict (nothing is written here)."""
    plan = PullPlan()
    annotated_tasks: dict[str, list[int | None]] = defaultdict(list)
    for task in tasks:
        intact = intact_task(task, plan.conflicts)
        if intact is None:
            continue
        tid, doc_id, text = intact
        if not fnmatch.fnmatchcase(doc_id, only):
            continue
        latest = latest_annotations(task)
        if not latest:
            plan.unannotated.append(doc_id)
            continue
        annotated_tasks[doc_id].append(tid)
        gold = _read_gold(annotations, tid, doc_id, text, plan.conflicts)
        if gold is None:
            continue
        versions = annotated_versions(task, tid, doc_id, gold, plan.conflicts)
        if not versions:
            continue
        doc, disputes = adjudicate(versions, adjudicators)
        plan.review += [Conflict(d.reason(), tid, doc_id, None, None, d.start, d.end,
                                 text[d.start:d.end]) for d in disputes]
        path = gold_dir(annotations) / f"{doc_id}.txt"
        violations = check_document(doc, str(path), doc_id)
        single = next(iter(latest.values())).get("id") if len(latest) == 1 else None
        plan.conflicts += [Conflict(f"{v.layer}: {v.message} ({v.rule})", tid, doc_id, single,
                                    None, v.start, v.end, v.text) for v in violations]
        if violations:
            continue
        new_text = serialize(doc, str(path))
        if new_text == path.read_text(encoding="utf-8"):
            plan.unchanged.append(doc_id)
        else:
            was = tuple(layer for layer in LAYERS if layer in gold.annotated)
            plan.changes.append(DocChange(doc_id, path, new_text, was, diff_layers(gold, doc)))
    for doc_id, tids in annotated_tasks.items():
        if len(tids) > 1:
            plan.conflicts.append(Conflict(f"the document is annotated in {len(tids)} tasks "
                                           f"({', '.join(map(str, tids))}); keep one", tids[0],
                                           doc_id))
    return plan


def writable(plan: PullPlan, partial: bool) -> list[DocChange]:
    """The changes that may be written: all or none, or (``partial``) the conflict-free ones."""
    if plan.conflicts and not partial:
        return []
    blocked = plan.conflicted_docs
    return [c for c in plan.changes if c.doc_id not in blocked]


def write_plan(plan: PullPlan, partial: bool = False) -> list[Path]:
    """Write the plan's gold files atomically; return the paths written."""
    written = []
    for change in writable(plan, partial):
        write_text(change.path, change.new_text)
        written.append(change.path)
    return written


def write_report(plan: PullPlan, path: Path, source: str) -> None:
    """The conflict report (JSON): every conflict with task, document, region, span and text."""
    write_text(path, json.dumps({"source": source, **plan.to_dict()}, ensure_ascii=False,
                                indent=2) + "\n")
