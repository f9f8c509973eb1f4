"""``newsgold eval``, ``newsgold compare`` and ``newsgold extractors``: thin wrappers over the
harness (everything heavy is imported inside the commands)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

import click

from ..cli_support import RecordedCommand, command_line, run_for_user
from ..extractors.base import TASKS
from ..schema import CONTENT_VIEWS

FORMATS = ("table", "json", "csv", "markdown")
BREAKDOWNS = ("site", "language", "layout")


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
    else:
        from ..atomic import write_text

        write_text(output, text)
        click.echo(f"wrote {output}", err=True)


def _run_options(func: Callable) -> Callable:
    """Options shared by ``eval`` and ``compare``: the data, the run, the output."""
    options = [
        click.option("--task", "tasks", multiple=True, type=click.Choice(TASKS),
                      help="Score only this task (repeatable; default: all the extractor does)."),
        click.option("--split", default="test", show_default=True),
        click.option("--dataset", default="default", show_default=True,
                     help="Dataset configuration of the corpus."),
        click.option("--corpus", "corpus_path", type=click.Path(path_type=Path, file_okay=False),
                     default=None, help="Built dataset folder (default: corpus/)."),
        click.option("--view", default="body", show_default=True,
                     type=click.Choice(list(CONTENT_VIEWS)),
                     help="Content view the boilerplate metrics score."),
        click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1),
                     help="Worker processes."),
        click.option("--timeout", default=60.0, show_default=True, type=click.FloatRange(min=0),
                     help="Seconds per page before the page fails (0: no limit)."),
        click.option("--seed", default=12345, show_default=True, type=int),
        click.option("--resamples", default=1000, show_default=True, type=click.IntRange(min=1),
                     help="Bootstrap resamples."),
        click.option("--confidence", default=0.95, show_default=True,
                     type=click.FloatRange(0, 1, min_open=True, max_open=True)),
        click.option("--format", "fmt", default="table", show_default=True,
                     type=click.Choice(FORMATS)),
        click.option("--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
                     help="Write the report here instead of stdout."),
        click.option("--no-cache", is_flag=True, help="Neither read nor write cached predictions."),
        click.option("--cache-dir", type=click.Path(path_type=Path, file_okay=False),
                     default=None,
                     help="Prediction cache (default: $NEWSGOLD_CACHE or "
                          ".cache/newsgold/predictions)."),
        click.option("--quiet", is_flag=True, help="No progress bar."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _evaluate_kwargs(tasks, split, dataset, corpus_path, view, workers, timeout, seed, resamples,
                     confidence, no_cache, cache_dir, quiet) -> dict[str, Any]:
    return {"tasks": tasks or None, "split": split, "dataset": dataset, "corpus": corpus_path,
            "view": view, "workers": workers, "timeout": timeout or None, "seed": seed,
            "resamples": resamples, "confidence": confidence,
            "cache": False if no_cache else (cache_dir or True), "progress": not quiet,
            "command_line": command_line()}



def system_from_options(extractor: str | None, command: str | None,
                        predictions: Path | None) -> Any:
    """The system one of EXTRACTOR, --command or --predictions names (registry names and
    module:attr strings are resolved by the harness)."""
    if command is not None:
        from ..extractors.command import CommandExtractor

        return CommandExtractor(command)
    if predictions is not None:
        from ..extractors.predictions_file import PredictionsFile

        return PredictionsFile(predictions)
    return extractor

@click.command("eval", cls=RecordedCommand)
@click.argument("extractor", required=False)
@click.option("--command", "command", default=None,
              help="A command speaking the JSON-lines protocol (docs/protocol.md).")
@click.option("--predictions", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="A predictions file (JSON lines, docs/protocol.md).")
@_run_options
@click.option("--per-doc", is_flag=True, help="Per-document rows (table, markdown, csv).")
@click.option("--by", multiple=True, type=click.Choice(BREAKDOWNS),
              help="Also show primary scores by site, language or layout (repeatable).")
@click.option("--record", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Also write the JSON run record (scores, documents, environment) here.")
@click.option("--keep-predictions", is_flag=True,
              help="Keep every scored prediction in the JSON output and run record.")
def eval_command(extractor: str | None, command: str | None, predictions: Path | None,
                 fmt: str, output: Path | None, per_doc: bool, by: tuple[str, ...],
                 record: Path | None, keep_predictions: bool, **options: Any) -> None:
    """Score an extractor: a registered NAME, a module:attr, --command or --predictions."""
    given = [x for x in (extractor, command, predictions) if x is not None]
    if len(given) != 1:
        raise click.UsageError("give exactly one of EXTRACTOR, --command or --predictions")

    def run():
        from .evaluation import evaluate
        from .record import save_result
        from .report import eval_sheets, print_table, render_eval

        result = evaluate(system_from_options(extractor, command, predictions),
                          **_evaluate_kwargs(**options))
        if record is not None:
            save_result(result, record, predictions=keep_predictions)
        if fmt == "table" and output is None:
            from rich.console import Console

            print_table(eval_sheets(result, per_doc, by), Console())
        elif fmt == "json":
            _emit(result.to_json(keep_predictions), output)
        else:
            _emit(render_eval(result, "markdown" if fmt == "table" else fmt, per_doc, by), output)

    run_for_user(run)


def _system(spec: str) -> Any:
    """A compare operand: a run record (.json), a predictions file (.jsonl) or an extractor."""
    path = Path(spec)
    if spec.endswith(".json") and path.is_file():
        return path
    if spec.endswith(".jsonl") and path.is_file():
        from ..extractors.predictions_file import PredictionsFile

        return PredictionsFile(path)
    return spec


@click.command("compare", cls=RecordedCommand)
@click.argument("a")
@click.argument("b")
@_run_options
@click.option("--trials", default=10000, show_default=True, type=click.IntRange(min=1),
              help="Approximate randomization trials.")
def compare_command(a: str, b: str, fmt: str, output: Path | None, trials: int,
                    **options: Any) -> None:
    """Is B better than A? Paired bootstrap and approximate randomization per metric.

    A and B: run records (.json, from `newsgold eval --record`), predictions files (.jsonl) or
    extractor names / module:attr.
    """
    def run():
        from .comparison import compare
        from .report import compare_sheets, print_table, render_compare

        kwargs = _evaluate_kwargs(**options)
        seed, resamples, confidence = (kwargs.pop(k) for k in ("seed", "resamples", "confidence"))
        result = compare(_system(a), _system(b), seed=seed,
                         resamples=resamples, trials=trials, confidence=confidence, **kwargs)
        if fmt == "table" and output is None:
            from rich.console import Console

            print_table(compare_sheets(result), Console())
        else:
            _emit(render_compare(result, "markdown" if fmt == "table" else fmt), output)

    run_for_user(run)


@click.command("extractors")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def extractors_command(as_json: bool) -> None:
    """List extractors: built-ins and plug-ins, where each is defined, availability, version."""
    from ..extractors.registry import default_registry

    rows = run_for_user(lambda: default_registry().listing())
    if as_json:
        click.echo(json.dumps([r.to_dict() for r in rows], indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(rows)} extractors", title_justify="left")
    for column in ("name", "version", "tasks", "input", "available", "defined in"):
        table.add_column(column, overflow="fold")
    for r in rows:
        table.add_row(r.name, r.version or "—", ", ".join(r.tasks) or "—", r.input or "—",
                      "yes" if r.available else f"no: {r.problem}", f"{r.where} ({r.origin})")
    Console().print(table)
