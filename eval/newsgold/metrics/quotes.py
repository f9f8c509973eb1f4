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
from functools import lru_cache
from operator import attrgetter
from typing import ClassVar, NamedTuple, Sequence

import numpy as np

from ..extractors.base import Prediction
from ..schema import QUOTE_KINDS, Document, Quote
from ..validate import QUOTE_MARKS
from . import codepoints
from .arrays import annotated, codes, flatten, ints, placed
from .base import Metric
from .matching import best_pairs, overlapping_items, overlapping_pairs, ranks, select
from .memo import last_batch
from .prf import finish, prf_scores, ratio
from .tokens import WORD

_LEADING = QUOTE_MARKS
_TRAILING = QUOTE_MARKS + ",;:"
_NAME_PARTS = re.compile(r"[^\W_]+")
_KIND_INDEX = {kind: k for k, kind in enumerate(QUOTE_KINDS)}

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


@lru_cache(maxsize=None)
def _mark_tables() -> tuple[np.ndarray, np.ndarray]:
    """``codepoints`` tables of the characters ``normalized_bounds`` strips at each end."""
    return codepoints.char_table(_LEADING), codepoints.char_table(_TRAILING)


@lru_cache(maxsize=65536)
def normalized_name(name: str | None) -> str:
    """A speaker name casefolded, with whitespace and punctuation runs collapsed to one space."""
    if not name:
        return ""
    folded = name.casefold()
    words = folded.split()
    if all(map(str.isalnum, words)):  # the usual case: no punctuation, same result as the regex
        return " ".join(words)
    return " ".join(_NAME_PARTS.findall(folded))


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

    def _matched(self, g: list[_Part], p: list[_Part],
                 candidates: list[tuple[int, int]]) -> list[tuple[int, int]]:
        return select(g, p, [(i, j) for i, j in candidates if self._eligible(g[i], p[j])], _levels)

    def alignment(self, gold: Document, pred: Prediction) -> tuple[QuotePair, ...]:
        """The matched (gold, predicted) quote parts that ``doc_stats`` counts, by their indices in
        ``gold.quotes`` and ``pred.quotes`` (for error analysis)."""
        batch = _QuoteBatch([(gold, pred)])
        gi, pj = self._matched_arrays(batch)
        return tuple(QuotePair(i, j, correct, iou) for i, j, correct, iou in zip(
            gi.tolist(), pj.tolist(), batch.speaker_correct(gi, pj).tolist(),
            batch.iou(gi, pj).tolist()))

    def batch_stats(self, pairs: Sequence[tuple[Document, Prediction]]) -> list[np.ndarray | None]:
        """``doc_stats`` of many documents at once, vectorised over all their quote parts."""
        scored, docs = annotated(pairs, "quotes")
        batch = last_batch("quotes", docs, lambda: _QuoteBatch(docs))
        g, p, n = batch.gold, batch.pred, len(docs)
        gi, pj = batch.gi, batch.pj
        exact = batch.exact_pairs(gi, pj)
        eg, _ = best_pairs(gi[exact], pj[exact], lambda a, b: (np.ones(len(a)),),
                           batch.g_rank, batch.p_rank)
        mg, mp = self._matched_arrays(batch)
        correct = batch.speaker_correct(mg, mp)
        has_speaker = g.has_speaker[mg]
        shared = batch.shared_tokens(mg, mp)

        def per_doc(doc, weights=None):
            return np.bincount(doc, weights, minlength=n)

        def per_kind(doc, kind, weights=None):
            known = kind >= 0
            cell = doc[known] * len(QUOTE_KINDS) + kind[known]
            return np.bincount(cell, None if weights is None else weights[known],
                               minlength=n * len(QUOTE_KINDS)).reshape(n, len(QUOTE_KINDS))

        overall = np.column_stack([
            per_doc(g.doc), per_doc(p.doc), per_doc(g.doc[eg]), per_doc(g.doc[mg]),
            per_doc(g.doc[mg], shared), per_doc(g.doc, g.tokens), per_doc(p.doc, p.tokens),
            per_doc(g.doc[mg], has_speaker), per_doc(g.doc[mg], has_speaker & correct),
            per_doc(g.doc[mg], ~has_speaker), per_doc(g.doc[mg], ~has_speaker & correct)])
        kinds = np.stack([
            per_kind(g.doc, g.kind), per_kind(p.doc, p.kind),
            per_kind(g.doc[mg], g.kind[mg]), per_kind(p.doc[mp], p.kind[mp]),
            per_kind(g.doc[mg], g.kind[mg], correct), per_kind(p.doc[mp], p.kind[mp], correct)],
            axis=2)
        matrix = np.concatenate([overall, kinds.reshape(n, len(QUOTE_KINDS) * len(KIND_STATS))],
                                axis=1).astype(float)
        return placed(matrix, scored, len(pairs))

    def _matched_arrays(self, batch: _QuoteBatch) -> tuple[np.ndarray, np.ndarray]:
        """The overlap matching of a batch (see module doc), as gold and predicted part indices."""
        gi, pj = batch.gi, batch.pj
        iou = batch.iou(gi, pj)
        eligible = (iou >= self.threshold) | batch.exact_pairs(gi, pj)

        def levels(a: np.ndarray, b: np.ndarray) -> tuple:
            return (np.ones(len(a)), batch.speaker_correct(a, b),
                    batch.gold.kind_code[a] == batch.pred.kind_code[b], batch.iou(a, b))

        return best_pairs(gi[eligible], pj[eligible], levels, batch.g_rank, batch.p_rank)

    def doc_stats(self, gold: Document, pred: Prediction) -> np.ndarray | None:
        if "quotes" not in gold.annotated:
            return None
        g, p = _sides(gold, pred)
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


def _sides(gold: Document, pred: Prediction) -> tuple[list[_Part], list[_Part]]:
    """The gold and predicted parts of one document (the reference ``doc_stats``' input)."""
    predicted = tuple(pred.quotes or ())
    tokens = _TokenIndex(gold.text, gold.quotes + predicted)
    return _parts(gold, gold.quotes, tokens, "gold"), _parts(gold, predicted, tokens, "predicted")


class _QuoteSide:
    """One side's quote parts over a batch of documents, as arrays (``_Part``'s fields); spans are
    positions in the batch's code-point array (``codepoints.page_codepoints``), token indices
    count the tokens of the whole batch."""

    def __init__(self, items: list[Quote], doc: np.ndarray, base: np.ndarray,
                 kind_code: dict[str, int], name: np.ndarray, empty_name: int) -> None:
        self.doc = doc
        shift = base[doc]
        self.start, self.end = ints(items, "start") + shift, ints(items, "end") + shift
        speakers = list(map(attrgetter("speaker"), items))
        #: The speaker mention, relative to its page (-1 without one).
        self.speaker_start = np.fromiter((-1 if s is None else s.start for s in speakers),
                                         dtype=np.int64, count=len(items))
        self.speaker_end = np.fromiter((-1 if s is None else s.end for s in speakers),
                                       dtype=np.int64, count=len(items))
        #: The normalised speaker name's rank among the batch's names.
        self.name = name
        self.has_speaker = (self.speaker_start >= 0) | (name != empty_name)
        #: The kind's index in ``QUOTE_KINDS`` (-1 outside), and its rank among the batch's kinds.
        self.kind = codes(items, "kind", _KIND_INDEX)
        self.kind_code = codes(items, "kind", kind_code)

    def locate(self, cps: np.ndarray, tok_start: np.ndarray, tok_end: np.ndarray) -> None:
        """Normalised bounds and token ranges (once every span is known to lie in its text)."""
        from . import quote_kernel  # compiles (or loads from numba's cache) on first use

        self.norm_start, self.norm_end = quote_kernel.normalized_bounds(
            cps, codepoints.space_table(), *_mark_tables(), self.start, self.end)
        self.tok_lo = np.searchsorted(tok_end, self.start, side="right")
        self.tok_hi = np.maximum(self.tok_lo, np.searchsorted(tok_start, self.end, side="left"))
        self.tokens = self.tok_hi - self.tok_lo

    def ranks(self) -> np.ndarray:
        """Each part's place in ``_Part``'s natural order within its document."""
        return ranks(self.start, self.end, self.norm_start, self.norm_end, self.tok_lo,
                     self.tok_hi, self.speaker_start, self.speaker_end, self.name, self.kind_code)


class _QuoteBatch:
    """The threshold-independent part of scoring a batch: parts as arrays, candidate pairs."""

    def __init__(self, docs: Sequence[tuple[Document, Prediction]]) -> None:
        from . import text_kernel  # compiles (or loads from numba's cache) on first use

        cps, base = codepoints.page_codepoints(docs)
        g_items, g_doc = flatten([gold.quotes for gold, _ in docs])
        p_items, p_doc = flatten([pred.quotes or () for _, pred in docs])
        every = g_items + p_items
        kind_code = {k: c for c, k in enumerate(sorted({q.kind for q in every}))}
        names = [normalized_name(q.speaker_name) for q in every]
        name_code = {n: c for c, n in enumerate(sorted(set(names)))}
        name = np.fromiter(map(name_code.__getitem__, names), dtype=np.int64, count=len(names))
        self.empty_name = name_code.get("", -1)
        self.gold = _QuoteSide(g_items, g_doc, base, kind_code, name[:len(g_items)],
                               self.empty_name)
        self.pred = _QuoteSide(p_items, p_doc, base, kind_code, name[len(g_items):],
                               self.empty_name)
        length = np.diff(base)
        for side in (self.gold, self.pred):
            bad = (side.start < base[side.doc]) | (side.start > side.end) \
                | (side.end > base[side.doc] + length[side.doc])
            if side is self.gold:
                bad |= side.kind < 0
            if bad.any():
                _sides(*docs[int(side.doc[np.argmax(bad)])])  # raises the reference's error
        # The tokens of each page between its first quote start and last quote end: those are
        # the tokens any part's range can count.
        every_doc = np.concatenate([self.gold.doc, self.pred.doc])
        lo = np.full(len(docs), np.iinfo(np.int64).max)
        hi = np.zeros(len(docs), dtype=np.int64)
        np.minimum.at(lo, every_doc, np.concatenate([self.gold.start, self.pred.start]))
        np.maximum.at(hi, every_doc, np.concatenate([self.gold.end, self.pred.end]))
        quoted = np.flatnonzero(hi > 0)
        tok_start, tok_end = text_kernel.token_bounds(cps, codepoints.word_table(), lo[quoted],
                                                      np.maximum(lo, hi)[quoted])
        for side in (self.gold, self.pred):
            side.locate(cps, tok_start, tok_end)
        self.gi, self.pj = overlapping_pairs(self.gold.start, self.gold.end, self.pred.start,
                                             self.pred.end)
        self.g_rank, self.p_rank = self.gold.ranks(), self.pred.ranks()

    def exact_pairs(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        g, p = self.gold, self.pred
        return (g.norm_start[a] == p.norm_start[b]) & (g.norm_end[a] == p.norm_end[b])

    def shared_tokens(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        g, p = self.gold, self.pred
        return np.maximum(0, np.minimum(g.tok_hi[a], p.tok_hi[b])
                          - np.maximum(g.tok_lo[a], p.tok_lo[b]))

    def iou(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        shared = self.shared_tokens(a, b)
        union = self.gold.tokens[a] + self.pred.tokens[b] - shared
        return np.divide(shared, union, out=np.zeros(len(a)), where=union > 0)

    def speaker_correct(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        g, p = self.gold, self.pred
        mention = (g.speaker_start[a] >= 0) & (p.speaker_start[b] >= 0) \
            & (g.speaker_start[a] < p.speaker_end[b]) & (p.speaker_start[b] < g.speaker_end[a])
        names = (g.name[a] == p.name[b]) & (g.name[a] != self.empty_name)
        return np.where(g.has_speaker[a], mention | names, ~p.has_speaker[b])


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
