"""Quotes: content matching, speaker attribution and end-to-end F1, overall and per kind.

**Unit.** Every quote *part* (one content span) is scored on its own, on both sides: a quotation
interrupted by its speaker tag is two gold parts, and a prediction earns credit for each part it
finds. Group ids are never compared; the speaker of a part is its group's speaker.

**Content normalisation** (applied to gold and predictions alike): a span loses leading whitespace
and quotation marks (``validate.QUOTE_MARKS``), and trailing whitespace, quotation marks and
``,;:``, until none is left. So ``“We will,”`` and ``We will`` are the same content.

**Matching** (``matching``, one-to-one, order-independent), over overlapping parts:

* *exact*: same normalised start and end;
* *overlap*: token IoU >= ``threshold`` (``\\w+`` tokens touching each span; IoU = shared /
  union), or exact. Among the matchings with most pairs, the one with most correct speakers, then
  most agreeing kinds, then highest total IoU is taken.

Duplicated predictions can match at most once, so P and R never exceed 1, and an over-long
prediction (a whole paragraph around a short quote) fails the IoU threshold and lowers
``token_precision``, the share of predicted tokens that lie in the matched gold part.

**Speaker** of a matched pair is correct when the gold part has a speaker and the predicted speaker
mention overlaps the gold mention, or both ``speaker_name`` values are equal after normalisation
(casefold, runs of whitespace and punctuation collapsed to one space); a gold part without speaker
is correctly attributed only by a prediction without speaker. ``attribution_accuracy`` = correct /
overlap-matched (also split by whether the gold part has a speaker). **End-to-end**: TP = overlap
match with the correct speaker, P = TP/|pred|, R = TP/|gold|, so a wrong speaker is both a FP and
a FN.

**Per kind** (``:direct``, ``:mixed``, ``:indirect``): recall and attribution by the gold part's
kind, precision by the predicted part's kind, on the overall matching (kinds need not agree to
match). Zero divisions follow ``prf``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import ClassVar, NamedTuple

import numpy as np

from ..extractors.base import Prediction
from ..schema import QUOTE_KINDS, Document, Quote
from ..validate import QUOTE_MARKS
from .base import Metric
from .matching import overlapping_items, select
from .prf import finish, prf_scores, ratio
from .tokens import WORD

_LEADING = QUOTE_MARKS
_TRAILING = QUOTE_MARKS + ",;:"
_NAME_PARTS = re.compile(r"[^\W_]+")

OVERALL_STATS: tuple[str, ...] = (
    "gold", "pred", "exact_tp", "tp", "token_overlap", "gold_tokens", "pred_tokens",
    "speaker_matched", "speaker_correct", "no_speaker_matched", "no_speaker_correct",
)
KIND_STATS: tuple[str, ...] = ("gold", "pred", "tp_gold", "tp_pred", "e2e_gold", "e2e_pred")
_PRF_KEYS = ("exact_{}", "{}", "e2e_{}", "token_{}", *(f"{{}}:{k}" for k in QUOTE_KINDS),
             *(f"e2e_{{}}:{k}" for k in QUOTE_KINDS))
_ACCURACY_KEYS = ("attribution_accuracy", "attribution_accuracy:speaker",
                  "attribution_accuracy:no_speaker",
                  *(f"attribution_accuracy:{k}" for k in QUOTE_KINDS))


def normalized_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """A content span without enclosing quotation marks, whitespace and trailing ``,;:``."""
    while start < end and (text[start].isspace() or text[start] in _LEADING):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _TRAILING):
        end -= 1
    return start, end


def normalized_name(name: str | None) -> str:
    """A speaker name casefolded, with whitespace and punctuation runs collapsed to one space."""
    return " ".join(_NAME_PARTS.findall(name.casefold())) if name else ""


class _Part(NamedTuple):
    """One quote part as the matcher sees it."""

    start: int
    end: int
    norm_start: int
    norm_end: int
    #: Indices [tok_lo, tok_hi) of the ``\\w+`` tokens sharing a character with the span.
    tok_lo: int
    tok_hi: int
    #: The speaker mention's (start, end), or (-1, -1).
    speaker: tuple[int, int]
    name: str
    kind: str

    @property
    def tokens(self) -> int:
        return self.tok_hi - self.tok_lo

    @property
    def has_speaker(self) -> bool:
        return self.speaker[0] >= 0 or self.name != ""


def _exact(g: _Part, p: _Part) -> bool:
    return g.norm_start == p.norm_start and g.norm_end == p.norm_end


def _shared_tokens(g: _Part, p: _Part) -> int:
    return max(0, min(g.tok_hi, p.tok_hi) - max(g.tok_lo, p.tok_lo))


def _token_iou(g: _Part, p: _Part) -> float:
    shared = _shared_tokens(g, p)
    union = g.tokens + p.tokens - shared
    return shared / union if union else 0.0


def _speaker_correct(g: _Part, p: _Part) -> bool:
    if not g.has_speaker:
        return not p.has_speaker
    mention = (g.speaker[0] >= 0 and p.speaker[0] >= 0
               and g.speaker[0] < p.speaker[1] and p.speaker[0] < g.speaker[1])
    return mention or (g.name != "" and g.name == p.name)


def _levels(g: _Part, p: _Part) -> tuple:
    return (1, _speaker_correct(g, p), g.kind == p.kind, _token_iou(g, p))


def _add(stats: dict[str, int], key: str, n: int = 1) -> None:
    """Count into a per-kind column; an unknown predicted kind has none and is skipped."""
    if key in stats:
        stats[key] += n


class QuotePair(NamedTuple):
    """A matched pair of quote parts: indices into the gold and the predicted quotes."""

    gold: int
    pred: int
    speaker_correct: bool
    iou: float


@dataclass(frozen=True)
class QuoteMetric(Metric):
    """Quote content, attribution and end-to-end scores (see module doc).

    ``threshold``: the token IoU a predicted part needs to match a gold part (0 < threshold <= 1).
    """

    threshold: float = 0.5

    task: ClassVar[str] = "quotes"
    name: ClassVar[str] = "quotes"
    stat_names: ClassVar[tuple[str, ...]] = OVERALL_STATS + tuple(
        f"{s}:{k}" for k in QUOTE_KINDS for s in KIND_STATS)

    def __post_init__(self) -> None:
        if not 0 < self.threshold <= 1:
            raise ValueError(f"quote overlap threshold must lie in (0, 1], got {self.threshold!r}")

    def params(self) -> dict[str, str | int | float]:
        return {"threshold": self.threshold}

    def _eligible(self, g: _Part, p: _Part) -> bool:
        return _token_iou(g, p) >= self.threshold or _exact(g, p)

    def _sides(self, gold: Document, pred: Prediction) -> tuple[list[_Part], list[_Part]]:
        predicted = tuple(pred.quotes or ())
        tokens = _TokenIndex(gold.text, gold.quotes + predicted)
        return _parts(gold, gold.quotes, tokens, "gold"), _parts(gold, predicted, tokens, "predicted")

    def _matched(self, g: list[_Part], p: list[_Part],
                 candidates: list[tuple[int, int]]) -> list[tuple[int, int]]:
        return select(g, p, [(i, j) for i, j in candidates if self._eligible(g[i], p[j])], _levels)

    def alignment(self, gold: Document, pred: Prediction) -> tuple[QuotePair, ...]:
        """The matched (gold, predicted) quote parts that ``doc_stats`` counts, by their indices in
        ``gold.quotes`` and ``pred.quotes`` (for error analysis)."""
        g, p = self._sides(gold, pred)
        return tuple(QuotePair(i, j, _speaker_correct(g[i], p[j]), _token_iou(g[i], p[j]))
                     for i, j in sorted(self._matched(g, p, overlapping_items(g, p))))

    def doc_stats(self, gold: Document, pred: Prediction) -> np.ndarray | None:
        if "quotes" not in gold.annotated:
            return None
        g, p = self._sides(gold, pred)
        candidates = overlapping_items(g, p)
        exact = select(g, p, [(i, j) for i, j in candidates if _exact(g[i], p[j])])
        matched = self._matched(g, p, candidates)
        stats = dict.fromkeys(self.stat_names, 0)
        stats.update(gold=len(g), pred=len(p), exact_tp=len(exact), tp=len(matched),
                     gold_tokens=sum(x.tokens for x in g), pred_tokens=sum(x.tokens for x in p))
        for side, parts in (("gold", g), ("pred", p)):
            for part in parts:
                _add(stats, f"{side}:{part.kind}")
        for i, j in matched:
            correct = _speaker_correct(g[i], p[j])
            group = "speaker" if g[i].has_speaker else "no_speaker"
            stats["token_overlap"] += _shared_tokens(g[i], p[j])
            stats[f"{group}_matched"] += 1
            stats[f"{group}_correct"] += correct
            for side, part in (("gold", g[i]), ("pred", p[j])):
                _add(stats, f"tp_{side}:{part.kind}")
                _add(stats, f"e2e_{side}:{part.kind}", correct)
        return np.array(list(stats.values()), dtype=float)

    def score(self, stats: np.ndarray) -> dict[str, float | None]:
        totals = np.asarray(stats, dtype=float).reshape(-1, len(self.stat_names)).sum(axis=0)
        t = dict(zip(OVERALL_STATS, totals[:len(OVERALL_STATS)]))
        k = dict(zip(KIND_STATS, totals[len(OVERALL_STATS):].reshape(-1, len(KIND_STATS)).T))
        e2e = t["speaker_correct"] + t["no_speaker_correct"]
        n_pred, n_gold = [t["pred"]] * 3, [t["gold"]] * 3
        scores = prf_scores(
            [t["exact_tp"], t["tp"], e2e, t["token_overlap"], *k["tp_pred"], *k["e2e_pred"]],
            [*n_pred, t["pred_tokens"], *k["pred"], *k["pred"]],
            [t["exact_tp"], t["tp"], e2e, t["token_overlap"], *k["tp_gold"], *k["e2e_gold"]],
            [*n_gold, t["gold_tokens"], *k["gold"], *k["gold"]],
            _PRF_KEYS)
        accuracy = ratio([e2e, t["speaker_correct"], t["no_speaker_correct"], *k["e2e_gold"]],
                         [t["tp"], t["speaker_matched"], t["no_speaker_matched"], *k["tp_gold"]])
        scores.update(zip(_ACCURACY_KEYS, accuracy))
        return finish(scores)


class _TokenIndex:
    """The ``\\w+`` tokens of the part of a text that some quote spans cover."""

    def __init__(self, text: str, quotes: tuple[Quote, ...]) -> None:
        lo = min((q.start for q in quotes), default=0)
        hi = max((q.end for q in quotes), default=0)
        found = list(WORD.finditer(text, lo, max(lo, hi)))
        self.starts = [t.start() for t in found]
        self.ends = [t.end() for t in found]

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Indices [lo, hi) of the tokens sharing a character with ``[start, end)``."""
        lo = bisect_right(self.ends, start)
        return lo, max(lo, bisect_left(self.starts, end))


def _parts(doc: Document, quotes, tokens: _TokenIndex, side: str) -> list[_Part]:
    n = len(doc.text)
    parts = []
    for q in quotes:
        if not 0 <= q.start <= q.end <= n:
            raise ValueError(f"document {doc.id}: {side} quote [{q.start}, {q.end}) lies outside "
                             f"the text (length {n})")
        if side == "gold" and q.kind not in QUOTE_KINDS:
            raise ValueError(f"document {doc.id}: gold quote [{q.start}, {q.end}) has unknown kind "
                             f"{q.kind!r}")
        parts.append(_Part(q.start, q.end, *normalized_bounds(doc.text, q.start, q.end),
                           *tokens.token_range(q.start, q.end),
                           (-1, -1) if q.speaker is None else (q.speaker.start, q.speaker.end),
                           normalized_name(q.speaker_name), q.kind))
    return parts
