"""The leaderboard as one self-contained HTML page: the ranked tables, precision-recall plots,
heatmaps per language and layout, runtime, failures. Plots are inline SVG; no scripts, no CDN."""

from __future__ import annotations

from html import escape

from ..extractors.base import TASKS
from ..harness.report import Sheet
from . import plots
from .boards import TASK_TITLES, Board, headline
from .model import Leaderboard
from .tables import board_sheet, brief, group_sheet, numeric_columns, problems_sheet, \
    runs_sheet, settings_line, short_signature, skipped_sheet

STYLE = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 1200px; padding: 0 1em;
       color: #222; }
table { border-collapse: collapse; margin: .5em 0 1em; font-size: 13px; }
th, td { border-bottom: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
td:first-child { white-space: nowrap; }
table.board td:nth-child(2) { white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
code { font-size: 12px; overflow-wrap: anywhere; }
.note { color: #666; font-size: 12px; }
figure { margin: 1em 0; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #444; font-size: 13px; }
nav a { margin-right: 1em; }
"""


def table(sheet: Sheet, heading: str | None = "h3", code_columns: tuple[str, ...] = (),
          css: str = "") -> str:
    """A sheet as an HTML table (cells escaped, numeric columns right-aligned), under an
    optional heading."""
    numeric = numeric_columns(sheet)
    head = "".join(f"<th>{escape(c)}</th>" for c in sheet.columns)
    body = []
    for row in sheet.rows:
        cells = []
        for column, cell, is_number in zip(sheet.columns, row, numeric):
            text = f"<code>{escape(cell)}</code>" if column in code_columns else escape(cell)
            cells.append(f'<td class="num">{text}</td>' if is_number else f"<td>{text}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    title = f"<{heading}>{escape(sheet.title)}</{heading}>" if heading else ""
    notes = "".join(f'<p class="note">{escape(n)}</p>' for n in sheet.notes)
    rows = "".join(body)
    return (f'{title}<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody>'
            f"</table>{notes}")


def _figure(svg: str, caption: str) -> str:
    return f"<figure>{svg}<figcaption>{escape(caption)}</figcaption></figure>"


def _signatures(lb: Leaderboard, board: Board) -> str:
    items = "".join(f"<li>{escape(row.extractor)}: <code>{escape(row.signature)}</code></li>"
                    for row in lb.table(board))
    return f'<details class="note"><summary>full signatures</summary><ul>{items}</ul></details>'


def _failed_pages(lb: Leaderboard) -> str:
    """Every failed page with its error, per extractor, folded."""
    out = []
    for run in lb.runs:
        pages = run.pages("error")
        if pages:
            items = "".join(f"<li><code>{escape(p.doc_id)}</code> ({escape(p.language)}): "
                            f"{escape(brief(p.error, 400))}</li>" for p in pages)
            out.append(f"<details><summary>{escape(run.name)}: {len(pages)} failed pages"
                       f"</summary><ul>{items}</ul></details>")
    return "".join(out)


def render(lb: Leaderboard) -> str:
    """The whole page (``reports/leaderboard.html``)."""
    boards = lb.boards()
    parts = [f"<h1>newsgold leaderboard</h1><p>{escape(settings_line(lb))}</p>",
             f"<p>Made by <code>{escape(lb.command_line or 'newsgold leaderboard')}</code> on "
             f"{escape(lb.started)} in {lb.seconds:.0f} s with {lb.workers} workers "
             f"({escape(lb.environment['python'])}, {escape(lb.environment['platform'])}, "
             f"newsgold {escape(lb.environment['newsgold'])}).</p>",
             '<p class="note">Ranks follow the point estimate; where intervals overlap, the order '
             "is not established. failed: pages where the extractor raised, timed out or crashed, "
             "scored as empty predictions; n/a: pages it cannot read, left out of its scores; "
             "n: documents scored.</p>"]
    tasks = [t for t in TASKS if any(b.task == t for b in boards)]
    parts.append("<nav>" + "".join(f'<a href="#{t}">{TASK_TITLES[t]}</a>' for t in tasks)
                 + '<a href="#language">By language</a><a href="#layout">By layout</a>'
                   '<a href="#runtime">Failures and runtime</a></nav>')
    for task in tasks:
        parts.append(f'<h2 id="{task}">{TASK_TITLES[task]}</h2>')
        board = headline(task, lb.view)
        undefined = [r.extractor for r in lb.table(board) if None in (r.precision, r.recall)]
        parts.append(_figure(plots.precision_recall(lb, board),
                             f"Precision against recall: {board.full_title} (bars: "
                             f"{round(100 * lb.confidence)}% intervals; grey: iso-F1 curves)."
                             + (f" Not shown, precision or recall undefined: "
                                f"{', '.join(undefined)}." if undefined else "")))
        for board in (b for b in boards if b.task == task):
            parts.append(table(board_sheet(lb, board, short_signature), "h3", ("signature",),
                               "board"))
            parts.append(_signatures(lb, board))
    for grouping in ("language", "layout"):
        parts.append(f'<h2 id="{grouping}">Scores by {grouping}</h2>')
        for task in tasks:
            board = headline(task, lb.view)
            parts.append(_figure(plots.group_heatmap(lb, board, grouping),
                                 f"{board.full_title}, by {grouping} (documents scored in "
                                 "brackets; grey: no document of the group scored)."))
        if grouping == "language":
            parts += [table(group_sheet(lb, board, grouping), "h3") for board in boards]
    parts.append('<h2 id="runtime">Failures, pages left out and runtime</h2>')
    parts.append(_figure(plots.runtime(lb), "Seconds per page, per extractor (as measured when "
                                            "each page last ran; fastest at the top)."))
    parts.append(table(problems_sheet(lb), "h3"))
    parts.append(_failed_pages(lb))
    parts.append(table(runs_sheet(lb), "h3"))
    skipped = skipped_sheet(lb)
    if skipped is not None:
        parts.append(table(skipped, "h2"))
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>newsgold leaderboard</title>"
            f"<style>{STYLE}</style></head><body>\n" + "\n".join(parts) + "\n</body></html>\n")
