"""``newsgold hydrate`` and ``newsgold aeb``: real pages rebuilt from public data."""

from __future__ import annotations

import sys
from pathlib import Path

import click

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
