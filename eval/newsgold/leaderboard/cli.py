"""``newsgold leaderboard``: every installed extractor on the corpus, ranked, with three reports."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..cli_support import RecordedCommand, command_line, run_for_user


def _names(values: tuple[str, ...]) -> list[str] | None:
    """``--only`` values, repeatable and comma-separated."""
    names = [n.strip() for value in values for n in value.split(",") if n.strip()]
    return names or None


@click.command("leaderboard", cls=RecordedCommand)
@click.option("--split", default="test", show_default=True)
@click.option("--dataset", default="default", show_default=True,
              help="Dataset configuration: default, or aeb after `newsgold hydrate aeb`.")
@click.option("--corpus", "corpus_path", type=click.Path(path_type=Path, file_okay=False),
              default=None, help="Built dataset folder (default: corpus/).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes at a time (default: the CPUs available).")
@click.option("--resamples", default=1000, show_default=True, type=click.IntRange(min=1),
              help="Bootstrap resamples of the confidence intervals.")
@click.option("--seed", default=12345, show_default=True, type=int)
@click.option("--only", multiple=True, metavar="NAME",
              help="Run only these extractors (repeatable or comma-separated; registered names "
                   "or module:attr).")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False),
              default=Path("reports"), show_default=True,
              help="Folder for leaderboard.md, .json and .html (leaderboard-aeb.*, "
                   "leaderboard-dev.* etc. for another dataset or split).")
@click.option("--timeout", default=60.0, show_default=True, type=click.FloatRange(min=0),
              help="Seconds per page before the page fails (0: no limit).")
@click.option("--quiet", is_flag=True, help="No progress bar and no tables; only the file names.")
def leaderboard_command(split: str, dataset: str, corpus_path: Path | None, workers: int | None,
                        resamples: int, seed: int, only: tuple[str, ...], out: Path,
                        timeout: float, quiet: bool) -> None:
    """Rank every installed extractor on every task it does, and write the reports.

    Predictions are cached (the harness's cache: $NEWSGOLD_CACHE or .cache/newsgold/predictions),
    so a second run only scores. Exits with status 1 when an extractor's whole run failed (pages
    that fail are reported and scored as empty, and do not change the status).
    """
    import importlib.util

    from rich.console import Console

    from ..harness.report import print_table
    from .report import write_reports
    from .run import run_leaderboard
    from .tables import board_sheet, problems_sheet, skipped_sheet

    if importlib.util.find_spec("matplotlib") is None:
        raise click.ClickException("the HTML report needs matplotlib: "
                                   'pip install -e ".[extractors]"')
    lb = run_for_user(lambda: run_leaderboard(
        _names(only), split=split, dataset=dataset, corpus=corpus_path, workers=workers,
        seed=seed, resamples=resamples, timeout=timeout or None, progress=not quiet,
        command_line=command_line()))
    err = Console(stderr=True)
    if not quiet:
        sheets = [board_sheet(lb, b, signature=None) for b in lb.boards()] + [problems_sheet(lb)]
        skipped = skipped_sheet(lb)
        print_table(sheets + ([skipped] if skipped else []), Console())
    for path in write_reports(lb, out):
        err.print(f"wrote {path}", markup=False, highlight=False)
    failed = [r for r in lb.runs if r.error]
    for run in failed:
        err.print(f"[red]{run.name} failed[/red]: {run.error}", highlight=False)
    if failed:
        sys.exit(1)
