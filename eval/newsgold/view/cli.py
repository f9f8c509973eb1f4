"""``newsgold view``: write the static error viewer for a run record or an extractor."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..extractors.base import TASKS
from ..harness.cli import system_from_options
from ..schema import CONTENT_VIEWS

#: Options that a run record fixes (given together with a record they are an error).
_RUN_OPTIONS = {"split": "--split", "dataset": "--dataset", "view": "--view", "tasks": "--task"}


def _user_errors() -> tuple[type[Exception], ...]:
    """Exceptions that mean "bad input", reported as one line instead of a traceback."""
    from ..extractors.command import CommandError
    from ..extractors.registry import ExtractorContractError, ExtractorUnavailableError

    return (ValueError, LookupError, FileNotFoundError, CommandError, ExtractorContractError,
            ExtractorUnavailableError)


@click.command("view")
@click.argument("record", required=False,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--extractor", default=None, help="A registered extractor NAME or module:attr.")
@click.option("--command", default=None,
              help="A command speaking the JSON-lines protocol (docs/protocol.md).")
@click.option("--predictions", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="A predictions file (JSON lines, docs/protocol.md).")
@click.option("--split", default="test", show_default=True)
@click.option("--dataset", default="default", show_default=True,
              help="Dataset configuration (default, or aeb after `newsgold hydrate aeb`).")
@click.option("--corpus", "corpus_path", type=click.Path(path_type=Path, file_okay=False),
              default=None, help="Built dataset folder (default: corpus/, or the record's).")
@click.option("--view", default="body", show_default=True, type=click.Choice(list(CONTENT_VIEWS)),
              help="Content view the boilerplate diff and metrics use.")
@click.option("--task", "tasks", multiple=True, type=click.Choice(TASKS),
              help="Show only this task (repeatable; default: all the extractor does).")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False),
              default=Path("newsgold-view"), show_default=True,
              help="Folder to write the site into.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1))
@click.option("--timeout", default=60.0, show_default=True, type=click.FloatRange(min=0),
              help="Seconds per page before the page fails (0: no limit).")
@click.option("--resamples", default=1000, show_default=True, type=click.IntRange(min=1),
              help="Bootstrap resamples for the intervals of the overall scores.")
@click.option("--no-cache", is_flag=True, help="Neither read nor write cached predictions.")
@click.option("--cache-dir", type=click.Path(path_type=Path, file_okay=False), default=None)
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.pass_context
def view_command(ctx: click.Context, record: Path | None, extractor: str | None,
                 command: str | None, predictions: Path | None, corpus_path: Path | None,
                 out: Path, no_cache: bool, cache_dir: Path | None, quiet: bool,
                 timeout: float, **run: Any) -> None:
    """Write a static HTML site showing where an extractor fails, page by page.

    From a run record (RECORD, written by `newsgold eval --record FILE` or `--format json
    --output FILE`), or by running --extractor NAME|module:attr, --command CMD or --predictions
    FILE on a split. Open OUT/index.html in a browser (no server needed).
    """
    given = [x for x in (record, extractor, command, predictions) if x is not None]
    if len(given) != 1:
        raise click.UsageError("give exactly one of RECORD, --extractor, --command or "
                               "--predictions")
    if record is not None:
        fixed = [flag for name, flag in _RUN_OPTIONS.items()
                 if ctx.get_parameter_source(name) is click.core.ParameterSource.COMMANDLINE]
        if fixed:
            raise click.UsageError(f"{', '.join(fixed)}: the run record fixes these; drop "
                                   "them or view the extractor directly")
    options = {"workers": run.pop("workers"), "timeout": timeout or None,
               "resamples": run.pop("resamples"), "progress": not quiet,
               "cache": False if no_cache else (cache_dir or True)}

    def make() -> Any:
        from .runs import from_record, run_extractor
        from .site import build_site

        if record is not None:
            made = from_record(record, corpus_path, **options)
        else:
            made = run_extractor(system_from_options(extractor, command, predictions), split=run["split"], dataset=run["dataset"],
                                 view=run["view"], corpus=corpus_path,
                                 tasks=run["tasks"] or None, **options)
        for note in made.notes:
            click.echo(f"note: {note}", err=True)
        return build_site(made.result, made.documents, out)

    try:
        site = make()
    except _user_errors() as exc:
        message = exc.args[0] if isinstance(exc, KeyError) and exc.args else str(exc)
        raise click.ClickException(str(message)) from None
    click.echo(f"wrote {site.pages} pages: {site.index.resolve().as_uri()}")
