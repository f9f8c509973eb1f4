"""The leaderboard's plots as SVG text (matplotlib, no pyplot state): precision-recall per board,
a score heatmap per language or layout, runtime per page. SVGs are deterministic (fixed ids,
no date) and keep text as text, so the HTML report stays small and diffable."""

from __future__ import annotations

import io
import math

from ..significance import Interval
from .boards import Board
from .model import Leaderboard

MISSING_COLOUR = "#dddddd"


def _svg(fig, salt: str) -> str:
    """A figure as an SVG element (no XML prolog), with element ids unique to ``salt``."""
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": f"newsgold-{salt}"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def _figure(width: float, height: float):
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def _bar(value: float, interval: Interval | None) -> list[list[float]] | None:
    """An error bar from a percentile interval (which need not contain the estimate)."""
    if interval is None or interval.low is None or interval.high is None:
        return None
    return [[max(0.0, value - interval.low)], [max(0.0, interval.high - value)]]


def precision_recall(lb: Leaderboard, board: Board) -> str:
    """Each extractor's precision against recall, with interval bars and iso-F1 curves."""
    import numpy as np

    rows = [r for r in lb.table(board) if r.precision is not None and r.recall is not None]
    scores = {r.extractor.name: s for r in lb.results for s in r.scores
              if s.metric == board.metric}
    fig = _figure(7.5, 5.0)
    ax = fig.add_subplot()
    for f1 in np.arange(0.1, 1.0, 0.1):
        recall = np.linspace(f1 / (2 - f1) + 1e-9, 1, 200)
        ax.plot(recall, f1 * recall / (2 * recall - f1), color="#cccccc", lw=0.8, zorder=0)
        ax.annotate(f"F1={f1:.1f}", (1.0, f1 / (2 - f1)), fontsize=7, color="#999999",
                    xytext=(2, 0), textcoords="offset points", va="center",
                    annotation_clip=True)
    for i, row in enumerate(rows):
        ci = scores[row.extractor].ci
        ax.errorbar(row.recall, row.precision, xerr=_bar(row.recall, ci.get(board.recall_key())),
                    yerr=_bar(row.precision, ci.get(board.precision_key())),
                    fmt="os^Dv<>ph*"[i // 10 % 10], color=f"C{i % 10}", ms=6, lw=0.8, capsize=2,
                    label=f"{row.rank}. {row.extractor}")
        ax.annotate(str(row.rank), (row.recall, row.precision), fontsize=7,
                    xytext=(4, 3), textcoords="offset points")
    low = min([row.precision for row in rows] + [row.recall for row in rows], default=0.0)
    low = max(0.0, math.floor(10 * low - 0.5) / 10)
    ax.set(xlim=(low, 1.02), ylim=(low, 1.02), xlabel="recall", ylabel="precision")
    ax.grid(True, lw=0.3)
    if rows:
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.08, 1.0), frameon=False)
    return _svg(fig, f"pr-{board.slug}")


def group_heatmap(lb: Leaderboard, board: Board, grouping: str) -> str:
    """The board's score per extractor (rows, in rank order) and group (columns)."""
    import numpy as np
    from matplotlib import colormaps

    scores = lb.groups(board, grouping)
    names = list(scores)
    groups = sorted({g for per in scores.values() for g in per})
    values = np.array([[scores[n].get(g, (None, 0))[0] for g in groups] for n in names],
                      dtype=float)  # None (no document scored) becomes NaN
    fig = _figure(max(4.0, 1.5 + 0.62 * len(groups)), 1.2 + 0.32 * len(names))
    ax = fig.add_subplot()
    cmap = colormaps["viridis"].with_extremes(bad=MISSING_COLOUR)
    image = ax.imshow(np.ma.masked_invalid(values), cmap=cmap, vmin=0, vmax=1, aspect="auto")
    for i, j in np.ndindex(values.shape):
        value = values[i, j]
        label = "—" if math.isnan(value) else f"{value:.2f}"
        ax.text(j, i, label, ha="center", va="center", fontsize=7,
                color="black" if math.isnan(value) or value > 0.6 else "white")
    counts = [max((scores[n][g][1] for n in names if g in scores[n]), default=0) for g in groups]
    long_names = grouping != "language"
    ax.set_xticks(range(len(groups)), [f"{g} ({c})" for g, c in zip(groups, counts)],
                  rotation=35 if long_names else 0, ha="right" if long_names else "center",
                  fontsize=8)
    ax.set_yticks(range(len(names)), names, fontsize=8)
    fig.colorbar(image, ax=ax, shrink=0.8, pad=0.01)
    return _svg(fig, f"{grouping}-{board.slug}")


def runtime(lb: Leaderboard) -> str:
    """Seconds per page of every extractor (box plot, log scale), fastest median at the top."""
    import numpy as np

    timed = [(r.name, np.array(list(r.page_seconds.values()))) for r in lb.runs if r.page_seconds]
    timed.sort(key=lambda item: -float(np.median(item[1])))
    fig = _figure(7.5, 1.0 + 0.3 * max(1, len(timed)))
    ax = fig.add_subplot()
    if timed:
        data = [np.maximum(values, 1e-5) for _, values in timed]
        ax.boxplot(data, orientation="horizontal", showmeans=True, widths=0.6,
                   flierprops={"markersize": 2},
                   meanprops={"marker": "|", "markeredgecolor": "C3", "markersize": 9})
        ax.set_yticks(range(1, len(timed) + 1), [name for name, _ in timed], fontsize=8)
        ax.set_xscale("log")
    ax.set(xlabel="seconds per page (log scale; box: quartiles, red bar: mean)")
    ax.grid(True, axis="x", lw=0.3)
    return _svg(fig, "runtime")
