"""Per-span outcomes of one page, from the metrics' own matching code.

The metric modules return counts only. These functions rebuild the metric's input spans with its
own helpers, call the ``matching`` functions with the metric's own candidate pairs and levels,
and label each span with what the matching made of it. Each checks its counts against
``metric.doc_stats`` and raises on any difference, so the viewer can never show other outcomes
than the scorer counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from ..extractors.base import Prediction
from ..metrics.boilerplate import LCSMetric, predicted_text
from ..metrics.entities import EntityMetric
from ..metrics.quotes import QuoteMetric
from ..schema import CONTENT_KINDS, CONTENT_VIEWS, Document, Segment
from .worddiff import WordDiff, tokens, word_diff

MATCH, MISS, SPURIOUS, IGNORED = "match", "miss", "spurious", "ignored"
WRONG_LABEL, WRONG_BOUNDS, WRONG_LABEL_BOUNDS = "wrong-label", "wrong-bounds", "wrong-label-bounds"
WRONG_SPEAKER = "wrong-speaker"
GOLD, PRED = "gold", "pred"


class OutcomeMismatch(AssertionError):
    """The outcomes derived for display disagree with the metric's statistics (a bug)."""


@dataclass(frozen=True)
class SpanOutcome:
    """What the matching made of one gold or predicted span."""

    side: str
    #: Position in the document's (gold) or prediction's (pred) layer.
    index: int
    start: int
    end: int
    outcome: str
    #: Index of the matched span on the other side.
    partner: int | None
    #: Entity label or quote kind.
    label: str
    #: Quotes: the speaker mention and name; the token IoU of a matched pair.
    speaker: tuple[int, int] | None = None
    speaker_name: str | None = None
    iou: float | None = None
    #: Why a prediction was left out of the counts.
    reason: str | None = None


@dataclass(frozen=True)
class LayerOutcomes:
    """Every span of one layer with its outcome, and the counts they add up to."""

    spans: tuple[SpanOutcome, ...]
    counts: Mapping[str, int]

    def of(self, side: str, outcome: str | None = None) -> list[SpanOutcome]:
        return [s for s in self.spans if s.side == side and outcome in (None, s.outcome)]


def _check(doc: Document, what: str, derived: Mapping[str, int],
           stats: Mapping[str, float]) -> None:
    wrong = {k: (v, stats[k]) for k, v in derived.items() if v != stats[k]}
    if wrong:
        detail = ", ".join(f"{k}: shown {a}, scored {b:g}" for k, (a, b) in wrong.items())
        raise OutcomeMismatch(f"document {doc.id}: {what} outcomes disagree with the metric "
                              f"({detail})")


def _stats(metric, doc: Document, pred: Prediction) -> dict[str, float]:
    return dict(zip(metric.stat_names, metric.doc_stats(doc, pred)))


# --- Entities -------------------------------------------------------------------------------------

def entity_outcomes(metric: EntityMetric, gold: Document, pred: Prediction) -> LayerOutcomes | None:
    """Each gold and predicted entity's outcome under ``metric``'s scheme; None when the gold has
    no entity layer. Wrong labels / bounds are the pairs the metric counts as INC (or PAR)."""
    if "entities" not in gold.annotated:
        return None
    stats = _stats(metric, gold, pred)  # also rejects gold labels outside the label set
    predicted = tuple(pred.entities or ())
    aligned = metric.alignment(gold, pred)
    gold_outcome: dict[int, tuple[str, int]] = {}
    for pair in aligned.pairs:
        outcome = MATCH if pair.correct else WRONG_LABEL_BOUNDS if pair.wrong_label and \
            pair.wrong_bounds else WRONG_LABEL if pair.wrong_label else WRONG_BOUNDS
        gold_outcome[pair.gold] = (outcome, pair.pred)
    pred_outcome = {j: (o, i) for i, (o, j) in gold_outcome.items()}
    spans = [SpanOutcome(GOLD, i, e.start, e.end, *_with_partner(gold_outcome.get(i), MISS),
                         label=e.label) for i, e in enumerate(gold.entities)]
    for i, e in enumerate(predicted):
        reason = aligned.ignored.get(i)
        outcome, partner = (IGNORED, None) if reason \
            else _with_partner(pred_outcome.get(i), SPURIOUS)
        spans.append(SpanOutcome(PRED, i, e.start, e.end, outcome, partner, label=e.label,
                                 reason=reason))
    matched = len(aligned.pairs)
    wrong = sum(1 for o, _ in gold_outcome.values() if o != MATCH)
    counts = {"cor": matched - wrong, "inc": 0 if metric.mode == "partial" else wrong,
              "par": wrong if metric.mode == "partial" else 0,
              "mis": len(gold.entities) - matched,
              "spu": len(predicted) - len(aligned.ignored) - matched,
              "ignored": len(aligned.ignored)}
    _check(gold, "entity", counts, {**stats, "ignored": stats["ignored_in_boilerplate"]
                                    + stats["ignored_label"]})
    return LayerOutcomes(tuple(spans), counts)


def _with_partner(found: tuple[str, int] | None, unmatched: str) -> tuple[str, int | None]:
    return found if found is not None else (unmatched, None)


# --- Quotes ---------------------------------------------------------------------------------------

def quote_outcomes(metric: QuoteMetric, gold: Document, pred: Prediction) -> LayerOutcomes | None:
    """Each gold and predicted quote part's outcome: matched with the right speaker, matched with
    a wrong speaker, missed or spurious; None when the gold has no quote layer."""
    if "quotes" not in gold.annotated:
        return None
    stats = _stats(metric, gold, pred)
    predicted = tuple(pred.quotes or ())
    found = {pair.gold: (pair.pred, pair.speaker_correct, pair.iou)
             for pair in metric.alignment(gold, pred)}
    back = {j: (i, ok, iou) for i, (j, ok, iou) in found.items()}
    spans: list[SpanOutcome] = []
    for side, quotes, pairs, unmatched in ((GOLD, gold.quotes, found, MISS),
                                           (PRED, predicted, back, SPURIOUS)):
        for i, q in enumerate(quotes):
            partner, ok, iou = pairs.get(i, (None, False, None))
            outcome = unmatched if partner is None else MATCH if ok else WRONG_SPEAKER
            speaker = (q.speaker.start, q.speaker.end) if q.speaker else None
            spans.append(SpanOutcome(side, i, q.start, q.end, outcome, partner, label=q.kind,
                                     speaker=speaker, speaker_name=q.speaker_name, iou=iou))
    right = sum(ok for _, ok, _ in found.values())
    counts = {"gold": len(gold.quotes), "pred": len(predicted), "tp": len(found), "e2e": right,
              "wrong_speaker": len(found) - right, "mis": len(gold.quotes) - len(found),
              "spu": len(predicted) - len(found)}
    _check(gold, "quote", {k: counts[k] for k in ("gold", "pred", "tp", "e2e")},
           {**stats, "e2e": stats["speaker_correct"] + stats["no_speaker_correct"]})
    return LayerOutcomes(tuple(spans), counts)


# --- Boilerplate ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class TextOutcomes:
    """The boilerplate task on one page: the word diff and where its words lie on the page."""

    diff: WordDiff
    #: Page offsets of each gold / extracted token, when they can be placed on the page text.
    gold_on_page: tuple[tuple[int, int], ...] | None
    pred_on_page: tuple[tuple[int, int], ...] | None

    @property
    def counts(self) -> dict[str, int]:
        return {"kept": self.diff.kept, "extra": self.diff.extra, "dropped": self.diff.dropped}


def _segment_tokens(text: str, segments, kinds) -> list[tuple[int, int]]:
    return [m for seg in sorted(segments) if seg.kind in kinds
            for m in tokens_in(text, seg.start, seg.end)]


def tokens_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Page offsets of the ``\\w+`` tokens of ``text[start:end]``."""
    return [(start + s, start + e) for s, e in tokens(text[start:end])]


def _placed(text: str, wanted: str, spans: tuple[tuple[int, int], ...],
            segments: tuple[Segment, ...], kinds) -> tuple[tuple[int, int], ...] | None:
    """Page offsets of the tokens of ``wanted`` when some segments' text yields exactly them."""
    on_page = _segment_tokens(text, segments, kinds)
    if [text[s:e] for s, e in on_page] == [wanted[s:e] for s, e in spans]:
        return tuple(on_page)
    return None


def text_outcomes(metric: LCSMetric, gold: Document, pred: Prediction) -> TextOutcomes | None:
    """The word diff of the gold main text of ``metric.view`` and the extracted text; None when
    the gold has no segments."""
    if "segments" not in gold.annotated:
        return None
    gold_text = gold.content_text(metric.view)
    pred_text = predicted_text(gold, pred, metric.view)
    diff = word_diff(gold_text, pred_text)
    lcs, pred_tokens, gold_tokens = metric.text_stats(gold_text, pred_text)
    _check(gold, "boilerplate", {"kept": diff.kept, "pred_tokens": len(diff.pred),
                                 "gold_tokens": len(diff.gold)},
           {"kept": lcs, "pred_tokens": pred_tokens, "gold_tokens": gold_tokens})
    view_kinds = CONTENT_VIEWS[metric.view]
    gold_on_page = _placed(gold.text, gold_text, diff.gold, gold.segments, view_kinds)
    pred_on_page = None
    for kinds in (view_kinds, frozenset(CONTENT_KINDS)):
        if pred.segments is not None and pred_on_page is None:
            pred_on_page = _placed(gold.text, pred_text, diff.pred, pred.segments, kinds)
    return TextOutcomes(diff, gold_on_page, pred_on_page)


def all_counts(outcomes: Mapping[str, object]) -> dict[str, int]:
    """Flat ``task-count`` numbers of a page's outcomes (for data attributes and the index)."""
    out: dict[str, int] = {}
    for task, found in outcomes.items():
        if found is not None:
            out.update({f"{task}-{k}": int(v) for k, v in found.counts.items()})
    return out


__all__ = ["LayerOutcomes", "OutcomeMismatch", "SpanOutcome", "TextOutcomes", "all_counts",
           "entity_outcomes", "quote_outcomes", "text_outcomes"]
