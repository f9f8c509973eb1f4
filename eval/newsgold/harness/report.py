"""Reports of results: a terminal table (rich), Markdown, CSV and JSON.

Tables are built once as ``Sheet``s and rendered by each text format; CSV writes the flat rows
of the results (``EvalResult.rows`` / ``CompareResult.rows``); JSON is the full run record.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from .results import CompareResult, EvalResult

FORMATS: tuple[str, ...] = ("table", "json", "csv", "markdown")
UNDEFINED = "—"
_NUMERIC = re.compile(r"^[-\d\[—]")


@dataclass
class Sheet:
    """One table: a title, columns, rows of cells, notes printed under it."""

    title: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def number(value: float | None, digits: int = 4) -> str:
    return UNDEFINED if value is None else f"{value:.{digits}f}"


def interval(low: float | None, high: float | None, digits: int = 4) -> str:
    return UNDEFINED if low is None or high is None else f"[{low:.{digits}f}, {high:.{digits}f}]"


def p_value(value: float | None) -> str:
    return UNDEFINED if value is None else f"{value:.4f}" if value >= 1e-4 else f"{value:.1e}"


def eval_sheets(result: EvalResult, per_doc: bool = False,
                by: Sequence[str] = ()) -> list[Sheet]:
    """Scores (every overall key, CIs), breakdowns asked for, failures, per-document rows."""
    ds, ext = result.dataset, result.extractor
    level = f"{round(100 * result.run.confidence)}% CI"
    sheet = Sheet(f"{ext.name} {ext.version} on {ds.name} {ds.version} "
                  f"({ds.config}/{ds.split}, {ds.documents} documents, view {result.view})",
                  ["metric", "score", "value", level, "n", "left out", "other scores"])
    for s in result.scores:
        ci = s.ci.get(s.primary)
        others = ", ".join(f"{key} {number(value, 3)}" for key, value in s.values.items()
                           if key != s.primary and ":" not in key)
        sheet.rows.append([s.metric, s.primary, number(s.value),
                           interval(ci.low, ci.high) if ci else UNDEFINED, str(s.n),
                           str(s.not_scored + s.not_applicable), others])
        sheet.notes.append(s.signature)
    sheet.notes.insert(0, "left out: documents whose gold lacks the layer or that the extractor "
                          "cannot read (never scored 0); per-kind and per-type scores: "
                          "--format json or csv")
    sheets = [sheet]
    for field_name in by:
        part = Sheet(f"primary scores by {field_name}",
                     [field_name] + [f"{s.metric} {s.primary}" for s in result.scores])
        groups = sorted({b.group for b in result.breakdowns if b.by == field_name})
        for group in groups:
            cells = []
            for s in result.scores:
                found = next((b for b in result.breakdowns if b.by == field_name
                              and b.group == group and b.metric == s.metric), None)
                cells.append(f"{number(found.values.get(s.primary))} ({found.n})" if found
                             else UNDEFINED)
            part.rows.append([group] + cells)
        part.notes.append("(n) = documents scored in the group")
        sheets.append(part)
    problems = [p for p in result.pages if p.status in ("error", "not_applicable")]
    if problems:
        fail = Sheet(f"{len(result.failures)} failed pages (scored as empty), "
                     f"{len(result.not_applicable)} not applicable (left out)",
                     ["document", "status", "error"])
        fail.rows = [[p.doc_id, p.status, p.error or ""] for p in problems]
        sheets.append(fail)
    if per_doc:
        doc = Sheet("per document (primary scores)",
                    ["document", "site", "status"] + [s.metric for s in result.scores])
        values = {(d.doc_id, d.metric): d.values for d in result.documents}
        for page in result.pages:
            doc.rows.append([page.doc_id, page.site, page.status] + [
                number(values[(page.doc_id, s.metric)].get(s.primary))
                if (page.doc_id, s.metric) in values else UNDEFINED for s in result.scores])
        sheets.append(doc)
    return sheets


def compare_sheets(result: CompareResult) -> list[Sheet]:
    a, b = result.a, result.b
    level = f"{round(100 * result.confidence)}% CI"
    sheet = Sheet(f"{b.name} {b.version} (b) against {a.name} {a.version} (a) on "
                  f"{result.dataset.name} {result.dataset.version} ({result.dataset.split})",
                  ["metric", "score", "a", "b", "b − a", f"{level} of b − a", "p bootstrap",
                   "p randomization", "n"])
    for c in result.comparisons:
        bs = c.bootstrap
        sheet.rows.append([c.metric, c.key, number(bs.score_a), number(bs.score_b),
                           number(c.delta), interval(bs.delta_low, bs.delta_high),
                           p_value(bs.p_value), p_value(c.randomization.p_value), str(c.n)])
        sheet.notes += [f"a: {c.signature_a}", f"b: {c.signature_b}"]
    sheet.notes.insert(0, f"paired bootstrap ({result.resamples} resamples) and approximate "
                          f"randomization ({result.trials} trials), seed {result.seed}; "
                          "two-sided p = (c+1)/(n+1)")
    return [sheet]


def _markdown_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(sheets: Iterable[Sheet]) -> str:
    out = []
    for sheet in sheets:
        out += [f"### {sheet.title}", "", "| " + " | ".join(sheet.columns) + " |",
                "|" + "|".join("---" for _ in sheet.columns) + "|"]
        out += ["| " + " | ".join(_markdown_cell(c) for c in row) + " |" for row in sheet.rows]
        if sheet.notes:
            out += [""] + [f"`{n}`" if "|" in n else n for n in sheet.notes]
        out.append("")
    return "\n".join(out)


def print_table(sheets: Iterable[Sheet], console: Any) -> None:
    """Print the sheets as rich tables."""
    from rich.table import Table

    for sheet in sheets:
        table = Table(title=sheet.title, title_justify="left")
        for i, column in enumerate(sheet.columns):
            numeric = i > 0 and all(_NUMERIC.match(row[i]) for row in sheet.rows)
            table.add_column(column, justify="right" if numeric else "left", overflow="fold")
        for row in sheet.rows:
            table.add_row(*row)
        console.print(table)
        for note in sheet.notes:
            console.print(note, markup=False, highlight=False, style="dim")
        console.print()


def csv_text(rows: list[dict[str, Any]]) -> str:
    """Rows as CSV (header from the first row; undefined values empty)."""
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return out.getvalue()


def render_eval(result: EvalResult, fmt: str, per_doc: bool = False,
                by: Sequence[str] = ()) -> str:
    """The report as text in ``json``, ``csv`` or ``markdown`` (``table`` prints directly)."""
    if fmt == "json":
        return result.to_json()
    if fmt == "csv":
        return csv_text(result.rows("documents" if per_doc else "scores"))
    if fmt == "markdown":
        return markdown(eval_sheets(result, per_doc, by))
    raise ValueError(f"unknown format {fmt!r}: {', '.join(FORMATS)}")


def render_compare(result: CompareResult, fmt: str) -> str:
    if fmt == "json":
        return result.to_json()
    if fmt == "csv":
        return csv_text(result.rows())
    if fmt == "markdown":
        return markdown(compare_sheets(result))
    raise ValueError(f"unknown format {fmt!r}: {', '.join(FORMATS)}")
