"""The leaderboard's tables as ``Sheet``s (title, columns, rows of text cells, notes), shared by
the terminal, Markdown and HTML reports."""

from __future__ import annotations

import re
from typing import Callable

from ..harness.report import UNDEFINED, Sheet, interval, number
from .boards import Board, Row
from .model import Leaderboard

#: How a table shows a row's signature: the short form, or a reference to a footnote.
SignatureCell = Callable[[Board, Row], str]
#: What a numeric cell looks like (numbers, intervals, undefined).
NUMERIC = re.compile(r"^(?:[-\d\[]|—$)")
#: Decimals of the leaderboard's scores and intervals.
DIGITS = 3
#: Column headings of the ranked score keys.
KEY_LABELS: dict[str, str] = {"f1": "F1", "e2e_f1": "e2e F1"}


def numeric_columns(sheet: Sheet) -> list[bool]:
    """Per column: does every row hold a numeric cell there (so the column is right-aligned)?
    False for every column of a sheet without rows."""
    return [bool(sheet.rows) and all(NUMERIC.match(row[i]) for row in sheet.rows)
            for i in range(len(sheet.columns))]


def brief(text: str | None, limit: int = 160) -> str:
    """A message on one line (whitespace runs collapsed), cut at ``limit`` characters."""
    line = " ".join((text or "").split())
    return line if len(line) <= limit else line[:limit - 1] + "…"


def seconds(value: float | int | None) -> str:
    if value is None:
        return UNDEFINED
    return f"{value:.3f}" if value < 10 else f"{value:.1f}"


def short_signature(board: Board, row: Row) -> str:
    return row.short_signature


def settings_line(lb: Leaderboard) -> str:
    ds = lb.dataset
    return (f"{ds.name} {ds.version} (content sha256 {ds.content_sha256[:12]}), dataset "
            f"{ds.config}, split {ds.split}, {ds.documents} documents; boilerplate scored on the "
            f"{lb.view} view; {round(100 * lb.confidence)}% bootstrap intervals over documents "
            f"({lb.resamples} resamples, seed {lb.seed}).")


def board_sheet(lb: Leaderboard, board: Board,
                signature: SignatureCell | None = short_signature) -> Sheet:
    """One ranked table: score, interval, precision and recall, counts, and a signature column
    (``signature=None``: the short signatures as notes under the table instead)."""
    level = f"{round(100 * lb.confidence)}% CI"
    columns = ["#", "extractor", KEY_LABELS.get(board.key, board.key), level, "P", "R", "n",
               "failed", "n/a"]
    sheet = Sheet(board.full_title, columns + (["signature"] if signature else []))
    for row in lb.table(board):
        cells = [str(row.rank), row.extractor, number(row.value, DIGITS),
                 interval(row.ci_low, row.ci_high, DIGITS), number(row.precision, DIGITS),
                 number(row.recall, DIGITS), str(row.n), str(row.failed), str(row.not_applicable)]
        if signature:
            cells.append(signature(board, row))
        else:
            sheet.notes.append(f"{row.extractor}: {row.short_signature}")
        sheet.rows.append(cells)
    return sheet


def group_sheet(lb: Leaderboard, board: Board, grouping: str) -> Sheet:
    """The board's score per language or layout: one row per extractor, in the board's order."""
    scores = lb.groups(board, grouping)
    groups = sorted({g for per in scores.values() for g in per})
    sheet = Sheet(f"{board.full_title}, by {grouping}", ["extractor", *groups])
    for extractor, per in scores.items():
        sheet.rows.append([extractor, *(f"{number(per[g][0], DIGITS)} ({per[g][1]})" if g in per
                                        else UNDEFINED for g in groups)])
    sheet.notes.append("(n) = documents scored in the group")
    return sheet


def runs_sheet(lb: Leaderboard) -> Sheet:
    """Per extractor: pages run, failed, left out and cached, and seconds per page."""
    sheet = Sheet("Pages and runtime per extractor",
                  ["extractor", "version", "tasks", "pages", "failed", "n/a", "cached",
                   "s/page mean", "median", "p95"])
    for run in lb.runs:
        runtime = run.runtime()
        pages = UNDEFINED if run.result is None else str(len(run.result.pages))
        sheet.rows.append([run.name, run.info.version, ", ".join(run.tasks), pages,
                           "run failed" if run.error else str(len(run.pages("error"))),
                           str(len(run.pages("not_applicable"))), str(len(run.pages("cached"))),
                           seconds(runtime["mean"]), seconds(runtime["median"]),
                           seconds(runtime["p95"])])
    sheet.notes.append("s/page: seconds the extractor spent per page, as measured when the page "
                       "last ran (predictions served from the cache keep the time measured when "
                       "they were made).")
    return sheet


def problems_sheet(lb: Leaderboard) -> Sheet:
    """Per extractor and kind of problem: how many pages, and the first one with its error."""
    sheet = Sheet("Failures and pages left out", ["extractor", "problem", "pages", "example"])
    for run in lb.runs:
        if run.error:
            sheet.rows.append([run.name, "run failed", UNDEFINED, brief(run.error)])
        for status, label in (("error", "failed"), ("not_applicable", "n/a")):
            pages = run.pages(status)
            if pages:
                sheet.rows.append([run.name, label, str(len(pages)),
                                   brief(f"{pages[0].doc_id}: {pages[0].error}")])
    if not sheet.rows:
        sheet.rows.append(["—", "none", "0", ""])
    sheet.notes.append(
        "failed: the extractor raised, timed out or crashed on the page; the page is scored as an "
        "empty prediction. n/a: the page is left out of the extractor's scores (an HTML "
        "extractor on a page without HTML). run failed: the extractor's run stopped; it is in no "
        "table. Every page with its error: leaderboard.json.")
    return sheet


def skipped_sheet(lb: Leaderboard) -> Sheet | None:
    if not lb.skipped:
        return None
    sheet = Sheet("Extractors not run", ["extractor", "reason"])
    sheet.rows = [[s.name, s.reason] for s in lb.skipped]
    return sheet
