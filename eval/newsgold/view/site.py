"""Write the static error viewer: ``index.html`` (every page with its scores, sortable and
filterable), ``pages/<id>.html`` (one page's outcomes) and ``assets/`` (CSS and JS). No server, no
CDN: the folder opens from ``file://``."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Sequence

from ..atomic import write_bytes, write_text
from ..harness.metric_set import METRIC_CLASSES
from ..harness.results import EvalResult, Score
from ..schema import CONTENT_KINDS, SEGMENT_KINDS, Document
from .model import ERROR_COUNTS, PageView, page_views
from .outcomes import GOLD, PRED, LayerOutcomes, SpanOutcome
from .text_html import OUTCOMES, WORD_OUTCOMES, diff_html, layer_regions, \
    page_boilerplate_regions, page_text, quiet_boilerplate, segment_regions, span_id

TASK_TITLES = {"boilerplate": "Boilerplate", "entities": "Entities", "quotes": "Quotes"}


@dataclass(frozen=True)
class ScoreColumn:
    """One per-document score in the index: a metric's primary value."""

    metric: str
    key: str
    label: str


@dataclass(frozen=True)
class Site:
    index: Path
    pages: int


def _short_label(score: Score) -> str:
    """The metric's name with its non-default parameters, e.g. ``entities partial``."""
    from ..extractors.registry import import_target

    if score.name not in METRIC_CLASSES:
        return score.name
    metric_class = import_target(METRIC_CLASSES[score.name])
    defaults = {f.name: f.default for f in dataclasses.fields(metric_class)}
    changed = [str(v) for k, v in score.params.items() if defaults.get(k) != v]
    return " ".join([score.name, *changed])


def score_columns(result: EvalResult) -> list[ScoreColumn]:
    return [ScoreColumn(s.metric, s.primary, f"{_short_label(s)} {s.primary}")
            for s in result.scores]


def _environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(loader=PackageLoader("newsgold.view", "templates"),
                      autoescape=select_autoescape(["j2", "html"]), undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["score"] = lambda v: "n/a" if v is None else f"{v:.3f}"
    env.filters["attr_name"] = lambda k: "data-" + k.replace("_", "-")
    return env


def _task_sections(view: PageView, tasks: Sequence[str]) -> list[dict[str, Any]]:
    """What each task section of a page shows."""
    doc, sections = view.doc, []
    for task in tasks:
        section: dict[str, Any] = {"task": task, "title": TASK_TITLES[task], "absent": None}
        if view.report.prediction is None:
            section["absent"] = "The extractor does not read this page (not applicable)."
        elif task == "boilerplate":
            if view.text is None:
                section["absent"] = "This page has no gold segments."
            else:
                words = page_boilerplate_regions(doc, view.text)
                kinds = [k for k in SEGMENT_KINDS if any(s.kind == k for s in doc.segments)]
                text = page_text(doc, segment_regions(doc, shade_kinds=True) + words,
                                 quiet_boilerplate(doc, words, min_lines=4, what="marked words"))
                section.update(counts=view.text.counts, text=text,
                               diff=diff_html(view.text.diff), kinds=kinds,
                               placed=view.text.pred_on_page is not None)
        else:
            found = view.entities if task == "entities" else view.quotes
            if found is None:
                section["absent"] = f"This page has no gold {task}."
            else:
                marks = layer_regions(doc, found, task)
                section.update(counts=found.counts,
                               text=page_text(doc, segment_regions(doc, shade_kinds=False) + marks,
                                              quiet_boilerplate(doc, marks)),
                               errors=_error_rows(doc, found, task))
        sections.append(section)
    return sections


def _error_rows(doc: Document, found: LayerOutcomes, layer: str) -> list[dict[str, Any]]:
    """One row per error (a matched pair once), in page order, for a page's error table."""
    by_key = {(s.side, s.index): s for s in found.spans}

    def describe(span: SpanOutcome | None) -> dict[str, Any] | None:
        if span is None:
            return None
        return {"text": doc.text[span.start:span.end], "label": span.label,
                "id": span_id(layer, span), "speaker": span.speaker_name}

    rows = []
    for span in sorted(found.spans, key=lambda s: (s.start, s.end, s.side)):
        if span.outcome == "match" or (span.side == PRED and span.partner is not None):
            continue
        partner = by_key.get((PRED, span.partner)) if span.side == GOLD else None
        gold, pred = (span, partner) if span.side == GOLD else (None, span)
        rows.append({"outcome": span.outcome, "glyph": OUTCOMES[span.outcome][0],
                     "words": OUTCOMES[span.outcome][1], "gold": describe(gold),
                     "pred": describe(pred), "note": span.reason})
    return rows


def _assets(out: Path) -> None:
    folder = resources.files("newsgold.view") / "assets"
    for item in folder.iterdir():
        if item.is_file():
            write_bytes(out / "assets" / item.name, item.read_bytes())


def build_site(result: EvalResult, documents: Sequence[Document], out: str | Path) -> Site:
    """Write the viewer for ``result`` (which must carry its predictions, as ``evaluate`` returns
    it or a run record written with ``--keep-predictions``) on ``documents`` into ``out``."""
    out = Path(out)
    views = page_views(result, documents)
    env = _environment()
    columns = score_columns(result)
    _assets(out)
    common = {"result": result, "tasks": result.tasks, "outcomes": OUTCOMES,
              "word_outcomes": WORD_OUTCOMES, "content_kinds": CONTENT_KINDS}
    page_template = env.get_template("page.html.j2")
    written = set()
    for view in views:
        html = page_template.render(**common, root="../", view=view, columns=columns,
                                    sections=_task_sections(view, result.tasks))
        write_text(out / "pages" / f"{view.slug}.html", html)
        written.add(f"{view.slug}.html")
    for old in (out / "pages").glob("*.html"):
        if old.name not in written:
            old.unlink()
    index = env.get_template("index.html.j2").render(
        **common, root="", views=views, columns=columns, error_tasks=[
            t for t in result.tasks if t in ERROR_COUNTS],
        options={field: sorted({getattr(v.doc, field) for v in views})
                 for field in ("site", "language", "layout")})
    write_text(out / "index.html", index)
    return Site(out / "index.html", len(views))
