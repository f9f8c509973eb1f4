"""``newsgold hydrate`` and ``newsgold aeb``: real pages rebuilt from public data."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .hydrate import SECOND_PASS
from .paths import annotations_dir, corpus_dir

_PATH = click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))


@click.group()
def hydrate() -> None:
    """Rebuild pages we may not redistribute from a local copy of their public source."""


@hydrate.command("aeb")
@_PATH
@click.option("--corpus", "corpus_path", type=click.Path(path_type=Path, file_okay=False),
              default=None, help="Built dataset folder (default: corpus/).")
def hydrate_aeb_cmd(path: Path, corpus_path: Path | None) -> None:
    """Build the `aeb` config from PATH, a copy of scrapinghub/article-extraction-benchmark
    (commit 4a3bc97: html/*.html.gz and ground-truth.json)."""
    from .hydrate import HydrationError, hydrate_aeb

    try:
        report = hydrate_aeb(annotations_dir(), path, corpus_path or corpus_dir())
    except HydrationError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    for doc_id in report.mismatched:
        click.echo(f"skipped {doc_id}: its rendered text does not match the annotated text "
                   "hash (different page copy or renderer)", err=True)
    for doc_id in report.missing:
        click.echo(f"skipped {doc_id}: no page in {path / 'html'}", err=True)
    click.echo(f"hydrated {report.written} aeb pages into {report.path}; "
               f"{len(report.mismatched)} hash mismatches, {len(report.missing)} missing")
    if report.written == 0:
        sys.exit(1)


@click.group()
def aeb() -> None:
    """Maintain the annotations of the public article-extraction-benchmark pages."""


@aeb.command("propose")
@_PATH
@click.option("--force", is_flag=True, help="Replace existing (possibly reviewed) annotations.")
def aeb_propose(path: Path, force: bool) -> None:
    """Propose segment annotations for pages without one: body aligned to the benchmark's gold
    article body, the rest by heuristics (to be reviewed)."""
    from .hydrate import write_proposals

    written = write_proposals(annotations_dir(), path, force)
    click.echo(f"wrote {len(written)} proposals to {annotations_dir() / 'aeb'}")


_SECOND = click.option("--second-pass", "second", is_flag=True,
                       help=f"The independent second annotation (annotations/aeb/{SECOND_PASS}/).")


@aeb.command("export")
@_PATH
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option("--id", "ids", multiple=True, help="Only these pages (repeatable; default: all).")
@click.option("--blank", is_flag=True,
              help="Start an independent pass: aligned body kept, the rest one 'other' segment "
                   "per run, no entities or quotes.")
@_SECOND
def aeb_export(path: Path, out: Path, ids: tuple[str, ...], blank: bool, second: bool) -> None:
    """Write the pages' annotations as marked text into OUT (keep OUT outside the repository:
    the files hold page text), to edit and bring back with `newsgold aeb import`."""
    from .aeb_edit import EditError, export_pages
    from .hydrate import annotation_dir

    folder = annotation_dir(annotations_dir())
    if second and not blank:
        folder = folder / SECOND_PASS
    try:
        written = export_pages(folder, path, out, set(ids) or None, start_blank=blank)
    except EditError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    click.echo(f"wrote {len(written)} pages to {out}")


@aeb.command("import")
@_PATH
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False,
                                                                    path_type=Path))
@_SECOND
def aeb_import(path: Path, files: tuple[Path, ...], second: bool) -> None:
    """Check edited marked-text FILES against the public pages in PATH and the validator, then
    rewrite their standoff annotations (all or nothing)."""
    from .aeb_edit import EditError, import_pages
    from .hydrate import annotation_dir

    folder = annotation_dir(annotations_dir())
    try:
        results = import_pages(list(files), folder, path, folder / SECOND_PASS if second else None)
    except EditError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    for r in results:
        change = ", ".join(f"{k} {r.before.get(k, 0)}→{n}" for k, n in r.after.items())
        click.echo(f"{r.path.name}: {change}")
    click.echo(f"imported {len(results)} pages")


@aeb.command("agreement")
@_PATH
@click.option("--write", is_flag=True,
              help="Also write the table to annotations/aeb/AGREEMENT.md (shown in the card).")
def aeb_agreement(path: Path, write: bool) -> None:
    """Agreement of the gold with the independent second pass, per layer (needs the
    public pages in PATH: segment kappa is counted over the page's characters)."""
    from .annotate.agreement import agreement, to_markdown
    from .atomic import write_text
    from .hydrate import AGREEMENT_FILE, HydrationError, annotation_dir, second_pass_versions

    try:
        versions = second_pass_versions(annotations_dir(), path)
    except HydrationError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    table = to_markdown(agreement(versions))
    click.echo(table)
    if write:
        target = annotation_dir(annotations_dir()) / AGREEMENT_FILE
        write_text(target, table + "\n")
        click.echo(f"wrote {target}")
