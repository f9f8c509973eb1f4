"""Command line: ``newsgold annotate config|push|pull|agreement`` and ``newsgold pages add``.

Label Studio is reached through ``LABEL_STUDIO_URL`` and ``LABEL_STUDIO_API_KEY`` only.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from ..paths import annotations_dir

_ANNOTATIONS = click.option("--annotations", type=click.Path(path_type=Path, file_okay=False),
                            default=None, help="Gold sources folder (default: annotations/).")
_ONLY = click.option("--only", default="*", show_default=True, help="Glob of document ids.")
_PROJECT = click.option("--project", "project", default=None, metavar="TITLE",
                        help="Label Studio project title.")
_EXPORT = click.option("--export", "export_file", default=None,
                       type=click.Path(exists=True, dir_okay=False, path_type=Path),
                       help="Read a Label Studio JSON export file instead of the server.")


def _say(line: str) -> None:
    click.echo(line, err=True)


def _fail(message: str) -> None:
    _say(message)
    sys.exit(1)


def config_path(annotations: Path) -> Path:
    """Where the generated labeling config is committed."""
    return annotations / "labelstudio" / "config.xml"


@click.group()
def annotate() -> None:
    """Annotate pages in Label Studio: labeling config, push, pull, agreement."""


@annotate.command("config")
@_ANNOTATIONS
@click.option("--write", is_flag=True, help="Write annotations/labelstudio/config.xml.")
@click.option("--check", is_flag=True, help="Exit 1 if the committed config is out of date.")
def config_command(annotations: Path | None, write: bool, check: bool) -> None:
    """Print the labeling config generated from the schema."""
    from ..atomic import write_text
    from .config import labeling_config

    path, xml = config_path(annotations or annotations_dir()), labeling_config()
    if check:
        if not path.exists() or path.read_text(encoding="utf-8") != xml:
            _fail(f"{path} is out of date; run `newsgold annotate config --write`")
        click.echo(f"{path} is up to date")
    elif write:
        write_text(path, xml)
        click.echo(f"wrote {path}")
    else:
        click.echo(xml, nl=False)


@annotate.command("push")
@_PROJECT
@_ANNOTATIONS
@_ONLY
@click.option("--gold", type=click.Choice(["none", "predictions", "annotations"]), default="none",
              show_default=True, help="Attach the existing gold layers as predictions or "
                                      "annotations.")
@click.option("--prelabel", "prelabel", default=None, metavar="EXTRACTOR",
              help="Attach this extractor's output as predictions (a registered name or "
                   "module:attr).")
@click.option("--overlap", type=click.IntRange(min=1), default=None, metavar="N",
              help="How many annotators label each task (default: leave as is; new: 1).")
def push_command(project: str | None, annotations: Path | None, only: str, gold: str,
                 prelabel: str | None, overlap: int | None) -> None:
    """Create or update a project and import the gold documents as tasks."""
    from ..sources import read_sources
    from .client import LabelStudioError, connect
    from .prelabel import Prelabeler
    from .push import push

    if not project:
        _fail("--project TITLE is required")
    files, errors = read_sources(annotations or annotations_dir(), "gold", only)
    if errors:
        _fail("\n".join(errors))
    if not files:
        _fail(f"no gold documents match {only!r}")
    try:
        prelabeler = Prelabeler.from_spec(prelabel) if prelabel else None
    except Exception as exc:  # noqa: BLE001 - registry errors carry their own message
        _fail(f"--prelabel {prelabel}: {exc}")
    try:
        result = push(connect(), project, [f.document for f in files], gold, prelabeler,
                      overlap)
    except LabelStudioError as exc:
        _fail(str(exc))
    for note in result.notes:
        _say(note)
    verb = "created" if result.project_created else "updated"
    click.echo(f"{verb} project {project!r} (id {result.project_id}): "
                  f"{len(result.imported)} tasks imported, {len(result.already_there)} already "
                  f"there, {result.predictions} predictions, {result.annotations} annotations")


def _load_export(project: str | None, export_file: Path | None) -> tuple[list[Any], str]:
    from .client import LabelStudioError, connect, describe, require_project, snapshot_export

    if export_file is not None:
        try:
            data = json.loads(export_file.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            _fail(f"{export_file}: not a JSON export: {exc}")
        if not isinstance(data, list):
            _fail(f"{export_file}: a Label Studio JSON export is a list of tasks")
        return data, str(export_file)
    try:
        ls = connect()
        found = require_project(ls, project)
        return snapshot_export(ls, found.id), f"project {project!r} (id {found.id})"
    except LabelStudioError:
        raise
    except Exception as exc:  # noqa: BLE001 - SDK and HTTP errors get one clear message
        raise LabelStudioError(f"cannot export project {project!r}: {describe(exc)}") from None


@annotate.command("pull")
@_PROJECT
@_EXPORT
@_ANNOTATIONS
@_ONLY
@click.option("--accept", is_flag=True, help="Write the changes (otherwise only show them).")
@click.option("--partial", is_flag=True,
              help="Write the documents without conflicts even if others have some.")
@click.option("--adjudicator", "adjudicators", multiple=True, metavar="EMAIL",
              help="Annotator whose annotation wins over the others (repeatable).")
@click.option("--report", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Conflict report (default: reports/labelstudio-pull.json next to "
                   "annotations/).")
def pull_command(project: str | None, export_file: Path | None, annotations: Path | None,
                 only: str, accept: bool, partial: bool, adjudicators: tuple[str, ...],
                 report: Path | None) -> None:
    """Convert the project's annotations to gold, show the changes, write them with --accept."""
    from .client import LabelStudioError
    from .pull import plan_pull, writable, write_plan, write_report

    if bool(project) == bool(export_file):
        _fail("give exactly one of --project TITLE or --export FILE")
    annotations = annotations or annotations_dir()
    try:
        tasks, source = _load_export(project, export_file)
    except LabelStudioError as exc:
        _fail(str(exc))
    plan = plan_pull(tasks, annotations, adjudicators, only)
    report = report or annotations.resolve().parent / "reports" / "labelstudio-pull.json"
    write_report(plan, report, source)
    for change in plan.changes:
        click.echo(change.summary())
    click.echo(f"{source}: {len(tasks)} tasks, {len(plan.changes)} documents changed, "
                  f"{len(plan.unchanged)} unchanged, {len(plan.unannotated)} not annotated, "
                  f"{len(plan.conflicts)} conflicts, {len(plan.review)} left for review")
    for item in plan.review[:50]:
        _say(f"review: {item}")
    for conflict in plan.conflicts[:50]:
        _say(f"conflict: {conflict}")
    if plan.conflicts or plan.review:
        _say(f"all conflicts and review items are in {report}")
    to_write = writable(plan, partial)
    if plan.conflicts and not partial:
        _say("nothing written: resolve the conflicts in Label Studio (or pass --partial to write "
             "the documents without conflicts)")
    elif to_write and not accept:
        _say(f"nothing written: {len(to_write)} gold files would change; re-run with --accept")
    elif to_write:
        for path in write_plan(plan, partial):
            click.echo(f"wrote {path}")
    if plan.conflicts:
        sys.exit(1)


@annotate.command("agreement")
@_PROJECT
@_EXPORT
@_ANNOTATIONS
@_ONLY
@click.option("--folder", default="second-pass", show_default=True,
              help="Offline: the second annotation pass compared with gold/.")
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown",
              show_default=True)
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the Markdown or JSON output to this file.")
def agreement_command(project: str | None, export_file: Path | None, annotations: Path | None,
                      only: str, folder: str, fmt: str, output: Path | None) -> None:
    """Inter-annotator agreement per layer: offline (gold vs a second pass) or in a project."""
    from ..atomic import write_text
    from .agreement import agreement, to_markdown
    from .client import LabelStudioError
    from .versions import export_versions, offline_versions

    annotations = annotations or annotations_dir()
    if project and export_file:
        _fail("give at most one of --project or --export")
    try:
        if project or export_file:
            tasks, source = _load_export(project, export_file)
            versions, problems = export_versions(tasks, only)
        else:
            versions, problems = offline_versions(annotations, folder, only)
            source = f"{annotations / 'gold'} vs {annotations / folder}"
    except LabelStudioError as exc:
        _fail(str(exc))
    for problem in problems:
        _say(problem)
    rows = agreement(versions)
    if not rows:
        _fail(f"{source}: no document has two annotations to compare")
    if fmt == "json":
        text = json.dumps({"source": source, "pairs": [r.to_dict() for r in rows]},
                          ensure_ascii=False, indent=2) + "\n"
    else:
        text = to_markdown(rows)
    click.echo(text, nl=False)
    _say(f"agreement of {source}")
    if output is not None:
        write_text(output, text)


@click.command("add")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@_ANNOTATIONS
@click.option("--language", default=None, help="Language for pages that declare none (BCP-47).")
@click.option("--license", "license_", default=None,
              help="Licence note (default: 'unknown: not cleared for redistribution').")
@click.option("--layout", default=None, help="Layout label (default: unknown).")
@click.option("--topic", default=None, help="Topic label.")
def pages_add(paths: tuple[Path, ...], annotations: Path | None, language: str | None,
              license_: str | None, layout: str | None, topic: str | None) -> None:
    """Add saved HTML files and WARC archives (files or folders) as un-annotated documents."""
    from dataclasses import replace

    from ..pages import PageDefaults, add_pages

    defaults = PageDefaults(language=language, topic=topic)
    if license_:
        defaults = replace(defaults, license=license_)
    if layout:
        defaults = replace(defaults, layout=layout)
    result = add_pages(paths, annotations or annotations_dir(), defaults)
    for added in result.added:
        click.echo(f"{added.where} -> {added.gold}")
    for line in result.skipped:
        _say(f"skipped: {line}")
    for line in result.failed:
        _say(f"failed: {line}")
    click.echo(f"{len(result.added)} pages added, {len(result.skipped)} skipped, "
                  f"{len(result.failed)} failed")
    if result.failed:
        sys.exit(1)
