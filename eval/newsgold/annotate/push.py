"""Push documents to a Label Studio project as tasks, with gold and extractor output attached.

A task's data is ``{"text", "doc_id", "text_sha256"}``. Pushing is idempotent: a document already
in the project (same ``doc_id`` and text hash) is not imported again, only given the predictions
it lacks; a document whose text changed since it was pushed is refused (its annotations would
point into the old text). Everything is checked before the server is changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from ..extractors.base import Page
from ..records import text_sha256
from ..schema import Document
from ..validate import check_document
from .client import LabelStudioError, describe, find_project
from .config import labeling_config
from .convert import to_results
from .prelabel import Prelabeler

GOLD_MODES = ("none", "predictions", "annotations")
GOLD_MODEL_VERSION = "gold"


class PushError(LabelStudioError):
    """The documents cannot be pushed as they are; nothing was changed on the server."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} problem(s), nothing pushed:\n" + "\n".join(problems))
        self.problems = problems


@dataclass
class PushResult:
    project_id: int
    project_created: bool
    imported: list[str] = field(default_factory=list)
    already_there: list[str] = field(default_factory=list)
    predictions: int = 0
    annotations: int = 0
    notes: list[str] = field(default_factory=list)


def task_data(doc: Document) -> dict[str, str]:
    return {"text": doc.text, "doc_id": doc.id, "text_sha256": text_sha256(doc.text)}


def page_of(doc: Document) -> Page:
    """What an extractor may see of a document."""
    return Page(doc.id, doc.url, doc.language, doc.text, doc.html)


def _existing_tasks(ls: Any, project_id: int) -> dict[str, tuple[int, str]]:
    tasks: dict[str, tuple[int, str]] = {}
    for task in ls.tasks.list(project=project_id):
        data = task.data or {}
        if isinstance(data.get("doc_id"), str):
            tasks.setdefault(data["doc_id"], (task.id, data.get("text_sha256", "")))
    return tasks


def _ensure_project(ls: Any, title: str, overlap: int | None) -> tuple[int, bool]:
    config = labeling_config()
    settings = {} if overlap is None else {"maximum_annotations": overlap}
    project = find_project(ls, title)
    if project is None:
        created = ls.projects.create(title=title, label_config=config,
                                     description="newsgold annotation (config generated from "
                                                 "the schema; do not edit it here)", **settings)
        return created.id, True
    if (project.label_config or "").strip() != config.strip():
        settings["label_config"] = config
    if settings:
        ls.projects.update(id=project.id, **settings)
    return project.id, False


def push(ls: Any, title: str, docs: Iterable[Document], gold: str = "none",
         prelabeler: Prelabeler | None = None, overlap: int | None = None,
         batch_size: int = 100) -> PushResult:
    """Create or update the project and bring the documents and their predictions in.

    ``overlap`` sets how many annotators label each task (Label Studio's maximum annotations).
    """
    if gold not in GOLD_MODES:
        raise ValueError(f"gold must be one of {GOLD_MODES}, got {gold!r}")
    docs = sorted(docs, key=lambda d: d.id)
    problems = [str(v) for d in docs for v in check_document(d, f"{d.id}.txt", d.id)]
    if problems:
        raise PushError(problems)
    notes: list[str] = []
    predicted: dict[str, list[dict]] = {}
    if prelabeler is not None:
        for doc in docs:
            result, note = prelabeler.results(page_of(doc))
            if note:
                notes.append(note)
            if result is not None:
                predicted[doc.id] = result
    try:
        project_id, created = _ensure_project(ls, title, overlap)
        existing = {} if created else _existing_tasks(ls, project_id)
        changed = [f"{d.id}: the text changed since it was pushed (task {existing[d.id][0]}); "
                   f"its annotations would point into the old text. Push it to a new project "
                   f"or delete the task" for d in docs
                   if d.id in existing and existing[d.id][1] != text_sha256(d.text)]
        if changed:
            raise PushError(changed)
        result = PushResult(project_id, created, notes=notes)
        new_tasks = []
        for doc in docs:
            predictions = []
            if gold == "predictions" and doc.annotated:
                predictions.append((GOLD_MODEL_VERSION, to_results(doc)))
            if doc.id in predicted:
                predictions.append((prelabeler.model_version, predicted[doc.id]))
            if doc.id in existing:
                result.already_there.append(doc.id)
                result.predictions += _add_predictions(ls, project_id, existing[doc.id][0],
                                                       predictions)
                continue
            task: dict[str, Any] = {"data": task_data(doc), "predictions": [
                {"model_version": version, "result": items} for version, items in predictions]}
            if gold == "annotations" and doc.annotated:
                task["annotations"] = [{"result": to_results(doc), "ground_truth": False}]
                result.annotations += 1
            result.predictions += len(predictions)
            new_tasks.append(task)
            result.imported.append(doc.id)
        for start in range(0, len(new_tasks), batch_size):
            ls.projects.import_tasks(id=project_id, request=new_tasks[start:start + batch_size],
                                     return_task_ids=True)
    except LabelStudioError:
        raise
    except Exception as exc:  # noqa: BLE001 - SDK and HTTP errors get one clear message
        raise LabelStudioError(f"push to project {title!r} failed: {describe(exc)}") from None
    return result


def _add_predictions(ls: Any, project_id: int, task_id: int,
                     predictions: list[tuple[str, list[dict]]]) -> int:
    have = {p.model_version for p in ls.predictions.list(task=task_id)}
    added = 0
    for version, items in predictions:
        if version not in have:
            ls.predictions.create(task=task_id, result=items, model_version=version,
                                  project=project_id)
            added += 1
    return added
