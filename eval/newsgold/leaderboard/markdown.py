"""The leaderboard as Markdown (GitHub-flavoured): ranked tables with short signatures whose
full forms are footnotes, scores per language and layout, failures, extractors not run."""

from __future__ import annotations

import re

from ..extractors.base import TASKS
from ..harness.report import Sheet
from .boards import TASK_TITLES, Board, Row, headline
from .model import Leaderboard
from .tables import board_sheet, group_sheet, numeric_columns, problems_sheet, runs_sheet, \
    settings_line, skipped_sheet


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _code(text: str) -> str:
    return f"`{text}`"


def table(sheet: Sheet, level: str | None = "###") -> list[str]:
    """A sheet as a Markdown table (numbers right-aligned) under an optional heading, its notes
    after it."""
    out = [f"{level} {sheet.title}", ""] if level else []
    out += ["| " + " | ".join(sheet.columns) + " |",
            "|" + "|".join("---:" if numeric else "---" for numeric in numeric_columns(sheet))
            + "|"]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in sheet.rows]
    return out + [""] + [*sheet.notes, *([""] if sheet.notes else [])]


def footnote_label(board: Board, row: Row) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", f"{board.slug}-{row.extractor}")


def _footnoted(board: Board, row: Row) -> str:
    return f"{_code(row.short_signature)} [^{footnote_label(board, row)}]"


def _short(board: Board, row: Row) -> str:
    return _code(row.short_signature)


def ranked_tables(lb: Leaderboard, footnotes: bool = True, level: str = "###") -> list[str]:
    """The ranked tables, grouped by task."""
    out: list[str] = []
    for task in TASKS:
        task_boards = [b for b in lb.boards() if b.task == task]
        if not task_boards:
            continue
        out += [f"{level[:-1]} {TASK_TITLES[task]}", ""]
        for board in task_boards:
            sheet = board_sheet(lb, board, _footnoted if footnotes else _short)
            sheet.title = board.title
            out += table(sheet, level)
    return out


def render(lb: Leaderboard) -> str:
    """The whole report (``reports/leaderboard.md``)."""
    out = ["# newsgold leaderboard", "", settings_line(lb), "",
           f"Made by `{lb.command_line or 'newsgold leaderboard'}` on {lb.started} in "
           f"{lb.seconds:.0f} s with {lb.workers} workers ({lb.environment['python']}, "
           f"{lb.environment['platform']}, newsgold {lb.environment['newsgold']}).", "",
           "Ranks follow the point estimate; where intervals overlap, the order is not "
           "established. *failed*: pages where the extractor raised, timed out or crashed, scored "
           "as empty predictions; *n/a*: pages it cannot read (an HTML extractor on a page without "
           "HTML), left out of its scores; *n*: documents scored. Each table shows short "
           "signatures; the full signatures are footnotes.", ""]
    out += ranked_tables(lb)
    out += ["## Scores per language", "",
            "Every extractor runs on every page whatever its language (an English model too), "
            "so these tables show where a score comes from.", ""]
    for board in lb.boards():
        out += table(group_sheet(lb, board, "language"))
    out += ["## Scores per site layout", ""]
    for task in lb.tasks:
        board = headline(task, lb.view)
        if board in lb.boards():
            out += table(group_sheet(lb, board, "layout"))
    out += table(problems_sheet(lb), "##") + table(runs_sheet(lb), "##")
    skipped = skipped_sheet(lb)
    if skipped is not None:
        out += table(skipped, "##")
    out += ["## Signatures", "", "The full signature of every number above (footnotes).", ""]
    for board in lb.boards():
        out += [f"[^{footnote_label(board, row)}]: {_code(row.signature)}"
                for row in lb.table(board)]
    return "\n".join(out).rstrip("\n") + "\n"


def readme_section(lb: Leaderboard, report: str = "reports/leaderboard.md") -> str:
    """The ranked tables with short signatures, the command that makes them and a link to the
    full report (for the README)."""
    out = ["## Leaderboard", "", settings_line(lb), "", "```bash",
           lb.command_line or "newsgold leaderboard", "```", "",
           f"Full signatures, scores per language and layout, failures and runtimes: "
           f"[`{report}`]({report}) (also as `.json` and `.html` with plots).", ""]
    out += ranked_tables(lb, footnotes=False, level="####")
    return "\n".join(out).rstrip("\n") + "\n"
