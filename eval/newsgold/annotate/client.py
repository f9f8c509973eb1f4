"""The Label Studio connection (SDK 2.x), configured only from the environment.

``LABEL_STUDIO_URL`` (e.g. ``http://127.0.0.1:8080``) and ``LABEL_STUDIO_API_KEY`` (a legacy token
or a personal access token). The key is never taken from arguments and never printed.
"""

from __future__ import annotations

import json
import os
from typing import Any

URL_VAR = "LABEL_STUDIO_URL"
KEY_VAR = "LABEL_STUDIO_API_KEY"


class LabelStudioError(RuntimeError):
    """A Label Studio problem worth a clear message (no secrets in it)."""


def connect() -> Any:
    """A ``label_studio_sdk.LabelStudio`` client for the server named by the environment."""
    url, key = os.environ.get(URL_VAR, "").strip(), os.environ.get(KEY_VAR, "").strip()
    missing = [name for name, value in ((URL_VAR, url), (KEY_VAR, key)) if not value]
    if missing:
        raise LabelStudioError(f"set {' and '.join(missing)} in the environment (the server URL "
                               f"and an API token from Account & Settings in Label Studio)")
    try:
        from label_studio_sdk import LabelStudio
    except ImportError as exc:
        raise LabelStudioError('label-studio-sdk is not installed: pip install -e ".[annotate]"') \
            from exc
    try:
        return LabelStudio(base_url=url, api_key=key)
    except Exception as exc:  # noqa: BLE001 - the SDK raises ApiError or httpx errors
        raise LabelStudioError(f"cannot connect to Label Studio at {url}: {describe(exc)}") \
            from None


def describe(exc: Exception) -> str:
    """A short message for an SDK or HTTP error (status and body, never headers)."""
    status = getattr(exc, "status_code", None)
    body = getattr(exc, "body", None)
    if status is not None:
        text = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
        return f"HTTP {status}: {text[:500]}"
    return f"{type(exc).__name__}: {exc}"


def find_project(ls: Any, title: str) -> Any | None:
    """The project with exactly this title, or None (an error if several share it)."""
    found = [p for p in ls.projects.list(title=title) if p.title == title]
    if len(found) > 1:
        raise LabelStudioError(f"{len(found)} projects are titled {title!r} "
                               f"(ids {', '.join(str(p.id) for p in found)}); rename all but one")
    return found[0] if found else None


def require_project(ls: Any, title: str) -> Any:
    project = find_project(ls, title)
    if project is None:
        raise LabelStudioError(f"no Label Studio project titled {title!r}; "
                               f"create it with `newsgold annotate push --project {title!r}`")
    return project


def snapshot_export(ls: Any, project_id: int) -> list[dict[str, Any]]:
    """All tasks with full annotations and predictions, through a snapshot export.

    (The simple export lists predictions as ids only.)
    """
    snap = ls.projects.exports.create(
        id=project_id, title="newsgold pull",
        serialization_options={"predictions": {"only_id": False},
                               "annotations__completed_by": {"only_id": False}})
    status = getattr(snap, "status", None)
    if status not in (None, "completed"):
        snap = ls.projects.exports.get(id=project_id, export_pk=snap.id)
        if snap.status != "completed":
            raise LabelStudioError(f"the snapshot export of project {project_id} is "
                                   f"{snap.status}, not completed")
    raw = b"".join(ls.projects.exports.download(id=project_id, export_pk=snap.id,
                                                 export_type="JSON"))
    ls.projects.exports.delete(id=project_id, export_pk=snap.id)
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise LabelStudioError(f"the export of project {project_id} is not JSON: {exc}") from None
    if not isinstance(data, list):
        raise LabelStudioError(f"the export of project {project_id} is not a list of tasks")
    return data
