"""The ``newsgold`` command line: thin wrappers over the package's functions."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from .paths import annotations_dir, corpus_dir

console = Console()
err_console = Console(stderr=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsgold")
def main() -> None:
    """newsgold: a gold news corpus (boilerplate, quotes, entities) and its evaluation harness."""


_ANNOTATIONS = click.option("--annotations", type=click.Path(path_type=Path, file_okay=False),
                            default=None, help="Gold sources folder (default: annotations/).")
_CORPUS = click.option("--corpus", "corpus_path", type=click.Path(path_type=Path, file_okay=False),
                       default=None, help="Built dataset folder (default: corpus/).")


@main.command()
@_ANNOTATIONS
@_CORPUS
@click.option("--check", is_flag=True, help="Only report whether corpus/ is stale; write nothing.")
def build(annotations: Path | None, corpus_path: Path | None, check: bool) -> None:
    """Compile the gold sources into the Hugging Face dataset."""
    from .build import BuildError, build as run_build, stale_files

    annotations, out = annotations or annotations_dir(), corpus_path or corpus_dir()
    try:
        if check:
            stale = stale_files(annotations, out)
            if stale:
                err_console.print(f"[red]{out} is stale[/red]: {', '.join(stale)} would change; "
                                  "run `newsgold build`")
                sys.exit(1)
            console.print(f"{out} is up to date")
            return
        result = run_build(annotations, out)
    except BuildError as exc:
        err_console.print(str(exc), markup=False, highlight=False)
        sys.exit(1)
    console.print(f"built {result.documents} documents into {out} "
                  f"(version {result.version}, content sha256 {result.content_sha256[:12]})")


@main.command()
@_ANNOTATIONS
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--folder", default="gold", show_default=True,
              help="Source folder under annotations/ (e.g. second-pass).")
@click.option("--only", default="*", show_default=True, help="Glob of document ids to check.")
def validate(annotations: Path | None, as_json: bool, folder: str, only: str) -> None:
    """Check every rule of the data model; exit 1 on any violation."""
    from .sources import read_sources
    from .validate import check_corpus

    files, errors = read_sources(annotations or annotations_dir(), folder, only)
    violations = list(check_corpus(files))
    if as_json:
        click.echo(json.dumps({"documents": len(files), "unreadable": errors,
                               "violations": [v.to_dict() for v in violations]},
                              ensure_ascii=False, indent=2))
    else:
        for line in errors + [str(v) for v in violations]:
            err_console.print(line, markup=False, highlight=False)
        status = "[green]ok[/green]" if not (errors or violations) else "[red]invalid[/red]"
        console.print(f"{status}: {len(files)} documents, {len(errors)} unreadable files, "
                      f"{len(violations)} violations")
    if errors or violations:
        sys.exit(1)


@main.command()
@_CORPUS
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def stats(corpus_path: Path | None, as_json: bool) -> None:
    """Counts per layer, kind, label, site, layout and language of the built corpus."""
    from .corpus import load_corpus
    from .records import from_row
    from .stats import corpus_stats

    data = load_corpus(corpus_path)
    docs, splits = [], {}
    for split, rows in data.items():
        for row in rows:
            docs.append(from_row(row))
            splits[row["id"]] = split
    result = corpus_stats(docs, splits)
    if as_json:
        click.echo(json.dumps({title: dict(rows) for title, rows in result.tables()}, indent=2))
        return
    for title, rows in result.tables():
        table = Table(title=title, title_justify="left")
        table.add_column("")
        table.add_column("count", justify="right")
        for key, value in rows:
            table.add_row(key, f"{value:,}")
        console.print(table)


@main.command()
@click.argument("html_file", type=click.Path(exists=True, path_type=Path, dir_okay=False))
def render(html_file: Path) -> None:
    """Print the corpus text view of an HTML file."""
    from .render import render_text

    click.echo(render_text(html_file.read_text(encoding="utf-8")))


@main.group()
def pages() -> None:
    """Bring pages into the corpus."""


@pages.command("compile")
@click.argument("drafts", nargs=-1, required=True,
                type=click.Path(exists=True, path_type=Path, dir_okay=False))
@_ANNOTATIONS
@click.option("--force", is_flag=True, help="Replace an existing gold file (shows what changes).")
def pages_compile(drafts: tuple[Path, ...], annotations: Path | None, force: bool) -> None:
    """Compile annotated HTML drafts into annotations/html/ and annotations/gold/."""
    from .atomic import write_text
    from .authoring import compile_draft
    from .markup import MarkupError, parse
    from .sources import gold_dir, html_path

    annotations = annotations or annotations_dir()
    failed = 0
    for draft in drafts:
        try:
            page, gold = compile_draft(draft.read_text(encoding="utf-8"), where=str(draft))
            doc = parse(gold, where=str(draft))
        except MarkupError as exc:
            err_console.print(str(exc), markup=False, highlight=False)
            failed += 1
            continue
        target = gold_dir(annotations) / f"{doc.id}.txt"
        if target.exists() and not force and target.read_text(encoding="utf-8") != gold:
            err_console.print(f"{target} exists and differs; pass --force to replace it",
                              markup=False)
            failed += 1
            continue
        write_text(html_path(annotations, doc.id), page)
        write_text(target, gold)
        console.print(f"{draft} -> {target} ({len(doc.segments)} segments, "
                      f"{len(doc.entities)} entities, {len(doc.quotes)} quote spans)")
    if failed:
        sys.exit(1)


# --- registered command groups (one line per feature area) ---
from .cli_hydrate import aeb as _aeb_group, hydrate as _hydrate_group  # noqa: E402

main.add_command(_hydrate_group)
main.add_command(_aeb_group)

from .annotate.cli import annotate, pages_add  # noqa: E402

main.add_command(annotate)
pages.add_command(pages_add)

from .harness.cli import compare_command, eval_command, extractors_command  # noqa: E402

main.add_command(eval_command)
main.add_command(compare_command)
main.add_command(extractors_command)

from .view.cli import view_command  # noqa: E402

main.add_command(view_command)

from .leaderboard.cli import leaderboard_command  # noqa: E402

main.add_command(leaderboard_command)
