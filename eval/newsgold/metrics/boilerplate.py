"""Boilerplate removal: the AEB shingle metric, a word-order-aware LCS F1, character-level F1.

Each metric scores a *content view* (``view``, a key of ``schema.CONTENT_VIEWS``): the gold main
text is ``Document.content_text(view)``, the text of the view's content segments. A prediction's text is
its ``main_text`` or, when that is None, the text of its predicted segments of the view's kinds
(sorted, joined like the gold text). A prediction with neither (a crashed extractor) is empty.
A document without gold segments is not scored (``doc_stats`` returns None).
"""

from __future__ import annotations

from abc import abstractmethod
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar, Hashable, Sequence

import numpy as np
from rapidfuzz.distance import LCSseq

from ..extractors.base import Prediction
from ..schema import CONTENT_VIEWS, SEGMENT_KINDS, Document, Segment
from . import codepoints
from .arrays import (
    SegmentColumns, annotated, gold_segment_columns, kind_mask, placed, segment_columns,
)
from .base import Metric
from .memo import last_batch
from .prf import f1, finish, mean_defined, prf_scores, ratio
from .tokens import words


def _checked_segments(doc: Document, segments: tuple[Segment, ...]) -> list[Segment]:
    """Predicted segments, sorted; raises on spans outside the page text or unknown kinds."""
    n = len(doc.text)
    for seg in segments:
        if not 0 <= seg.start <= seg.end <= n:
            raise ValueError(f"document {doc.id}: predicted segment [{seg.start}, {seg.end}) lies "
                             f"outside the text (length {n})")
        if seg.kind not in SEGMENT_KINDS:
            raise ValueError(f"document {doc.id}: predicted segment [{seg.start}, {seg.end}) has "
                             f"unknown kind {seg.kind!r}")
    return sorted(segments)


def predicted_text(gold: Document, pred: Prediction, view: str) -> str:
    """The prediction's main text for a content view (see module doc)."""
    if pred.main_text is not None:
        return pred.main_text
    kinds = CONTENT_VIEWS[view]
    segments = _checked_segments(gold, pred.segments or ())
    return "\n\n".join(gold.text[s.start:s.end] for s in segments if s.kind in kinds)


@dataclass(frozen=True)
class _ViewMetric(Metric):
    """A boilerplate metric of one content view."""

    view: str = "body"

    task: ClassVar[str] = "boilerplate"

    def __post_init__(self) -> None:
        if self.view not in CONTENT_VIEWS:
            raise ValueError(f"unknown content view {self.view!r}; expected one of "
                             f"{', '.join(CONTENT_VIEWS)}")

    def params(self) -> dict[str, str | int | float]:
        return {"view": self.view}


class _TextMetric(_ViewMetric):
    """A metric of the gold and predicted main texts (``text_stats`` also scores raw text pairs).

    ``doc_stats`` (through ``text_stats``) is the reference definition; ``batch_stats`` gives the
    same rows for many documents from the compiled ``text_kernel``.
    """

    @abstractmethod
    def text_stats(self, gold_text: str, pred_text: str) -> np.ndarray:
        """Statistics of one (gold text, predicted text) pair."""

    @abstractmethod
    def _from_kernel(self, columns: np.ndarray) -> np.ndarray:
        """This metric's statistics from the columns of ``text_kernel.text_stats``."""

    def doc_stats(self, gold: Document, pred: Prediction) -> np.ndarray | None:
        if "segments" not in gold.annotated:
            return None
        return self.text_stats(gold.content_text(self.view), predicted_text(gold, pred, self.view))

    def batch_stats(self, pairs: Sequence[tuple[Document, Prediction]]) -> list[np.ndarray | None]:
        """``doc_stats`` of many documents at once."""
        scored, docs = annotated(pairs, "segments")
        columns, fallback = last_batch(("text", self.view), docs,
                                       lambda: _kernel_columns(docs, self.view))
        rows = self._from_kernel(columns).astype(float)
        return placed([self.doc_stats(*docs[row]) if fallback[row] else rows[row]
                       for row in range(len(docs))], scored, len(pairs))


def _kernel_columns(pairs: Sequence[tuple[Document, Prediction]],
                    view: str) -> tuple[np.ndarray, np.ndarray]:
    """``text_kernel.text_stats`` of the gold and predicted main texts of a content view (AEB and
    LCS share it)."""
    from . import text_kernel  # compiles (or loads from numba's cache) on first use

    pages, page_base = codepoints.page_codepoints(pairs)
    has_main = np.array([pred.main_text is not None for _, pred in pairs], dtype=bool)
    mains, main_base = codepoints.encode([pred.main_text for _, pred in pairs
                                          if pred.main_text is not None])
    kinds = kind_mask(CONTENT_VIEWS[view])
    gold = gold_segment_columns(pairs)
    in_view = kinds[gold.kind]
    without_main = np.flatnonzero(~has_main)
    pred = _checked_columns([pairs[k] for k in without_main], np.diff(page_base)[without_main])
    in_pred_view = kinds[pred.kind]
    pred_doc = without_main[pred.doc[in_pred_view]]
    main_doc = np.flatnonzero(has_main)
    side = np.concatenate([2 * gold.doc[in_view], 2 * pred_doc + 1, 2 * main_doc + 1])
    starts = np.concatenate([gold.start[in_view] + page_base[gold.doc[in_view]],
                             pred.start[in_pred_view] + page_base[pred_doc],
                             main_base[:-1] + len(pages)])
    ends = np.concatenate([gold.end[in_view] + page_base[gold.doc[in_view]],
                           pred.end[in_pred_view] + page_base[pred_doc],
                           main_base[1:] + len(pages)])
    order = np.lexsort((ends, starts, side))
    side_ptr = np.searchsorted(side[order], np.arange(2 * len(pairs) + 1))
    return text_kernel.text_stats(np.concatenate([pages, mains]), codepoints.word_table(),
                                  starts[order], ends[order], side_ptr)


def _checked_columns(pairs: Sequence[tuple[Document, Prediction]],
                     lengths: np.ndarray) -> SegmentColumns:
    """``segment_columns`` of the predicted segments of pages of these ``lengths``; raises like
    ``_checked_segments`` on spans outside the page text or unknown kinds."""
    columns = segment_columns([pred.segments or () for _, pred in pairs])
    length = lengths[columns.doc]
    bad = (columns.start < 0) | (columns.start > columns.end) | (columns.end > length) \
        | (columns.kind < 0)
    if bad.any():
        gold, pred = pairs[int(columns.doc[np.argmax(bad)])]
        _checked_segments(gold, pred.segments)  # raises the reference's error
    return columns


# --- AEB ------------------------------------------------------------------------------------------

Shingles = frozenset | Counter


@lru_cache(maxsize=2048)
def shingles(tokens: tuple[str, ...]) -> Shingles:
    """AEB's shingle multiset: token 4-grams; a shorter non-empty token list is one shingle.

    A frozenset when no shingle repeats (the usual case, and fast to intersect), else a Counter.
    Cached like ``words``; callers must not modify the result.
    """
    grams = list(zip(tokens, tokens[1:], tokens[2:], tokens[3:])) if len(tokens) >= 4 \
        else [tokens] if tokens else []
    unique = frozenset(grams)
    return unique if len(unique) == len(grams) else Counter(grams)


def _size(multiset: Shingles) -> int:
    return len(multiset) if isinstance(multiset, frozenset) else sum(multiset.values())


def _common(a: Shingles, b: Shingles) -> int:
    """Size of the multiset intersection: sum over shingles of min(count in a, count in b)."""
    if isinstance(a, frozenset) and isinstance(b, frozenset):
        return len(a & b)
    return sum((Counter(a) & Counter(b)).values())


@dataclass(frozen=True)
class AEBMetric(_TextMetric):
    """The article-extraction-benchmark metric (scrapinghub/article-extraction-benchmark, 4a3bc97).

    Per document, with shingle counts g_s and p_s: tp = sum min(g_s, p_s),
    fp = sum max(0, p_s - g_s), fn = sum max(0, g_s - p_s). The corpus precision is the mean of tp/(tp+fp) over documents with
    tp+fp > 0 (an empty prediction is left out of P); recall the mean of tp/(tp+fn) over documents
    with tp+fn > 0; F1 the harmonic mean of those two means (not a mean of per-document F1);
    accuracy the share of documents whose token sequences are identical. AEB's per-document special
    cases never reach the corpus values, since the filters apply first. Undefined means (no document
    passes the filter, or no document at all) are None; F1 follows ``prf``'s convention. The stats
    ``exact`` (identical token sequences) and ``empty`` (a prediction without any token, AEB's
    "empty" column) are 0/1 per document.
    """

    name: ClassVar[str] = "aeb"
    stat_names: ClassVar[tuple[str, ...]] = ("tp", "fp", "fn", "exact", "empty")

    def text_stats(self, gold_text: str, pred_text: str) -> np.ndarray:
        """Statistics of one (gold text, predicted text) pair: also scores raw AEB data."""
        gold_tokens, pred_tokens = words(gold_text), words(pred_text)
        g, p = shingles(gold_tokens), shingles(pred_tokens)
        tp = _common(g, p)
        n_g, n_p = _size(g), _size(p)
        return np.array([tp, n_p - tp, n_g - tp, gold_tokens == pred_tokens, not pred_tokens],
                        dtype=float)

    def _from_kernel(self, columns: np.ndarray) -> np.ndarray:
        tp, n_g, n_p = columns[:, 0], columns[:, 1], columns[:, 2]
        return np.column_stack([tp, n_p - tp, n_g - tp, columns[:, 3], columns[:, 4]])

    def score(self, stats: np.ndarray) -> dict[str, float | None]:
        tp, fp, fn, exact = np.asarray(stats, dtype=float).reshape(-1, 5)[:, :4].T
        p = mean_defined(ratio(tp, tp + fp))
        r = mean_defined(ratio(tp, tp + fn))
        return finish({"precision": p, "recall": r, "f1": f1(p, r),
                       "accuracy": mean_defined(exact)})


# --- LCS ------------------------------------------------------------------------------------------

def lcs_length(a: Sequence[Hashable], b: Sequence[Hashable]) -> int:
    """Exact length of the longest common subsequence (rapidfuzz's bit-parallel ``LCSseq``)."""
    return int(LCSseq.similarity(a, b))


@dataclass(frozen=True)
class LCSMetric(_TextMetric):
    """Word-level F1 from the longest common subsequence of ``\\w+`` tokens.

    Unlike bag-of-shingles metrics it penalises reordered and duplicated text. Per document
    P_d = lcs/|pred|, R_d = lcs/|gold|. Micro scores pool the counts over documents
    (``precision``, ``recall``, ``f1``); macro scores average per document (``macro_precision`` over
    documents with a non-empty prediction, ``macro_recall`` over documents with a non-empty gold,
    ``macro_f1`` = mean of per-document F1 = 2 lcs / (|pred| + |gold|) over documents where either
    is non-empty, so an empty prediction scores 0 there). Zero divisions follow ``prf``.
    """

    name: ClassVar[str] = "lcs"
    stat_names: ClassVar[tuple[str, ...]] = ("lcs", "pred_tokens", "gold_tokens")

    def text_stats(self, gold_text: str, pred_text: str) -> np.ndarray:
        """Statistics of one (gold text, predicted text) pair."""
        gold_tokens, pred_tokens = words(gold_text), words(pred_text)
        return np.array([lcs_length(gold_tokens, pred_tokens), len(pred_tokens), len(gold_tokens)],
                        dtype=float)

    def _from_kernel(self, columns: np.ndarray) -> np.ndarray:
        return columns[:, 5:8]

    def score(self, stats: np.ndarray) -> dict[str, float | None]:
        lcs, n_pred, n_gold = np.asarray(stats, dtype=float).reshape(-1, 3).T
        micro = prf_scores(lcs.sum(), n_pred.sum(), lcs.sum(), n_gold.sum())
        return finish({**micro,
                       "macro_precision": mean_defined(ratio(lcs, n_pred)),
                       "macro_recall": mean_defined(ratio(lcs, n_gold)),
                       "macro_f1": mean_defined(ratio(2 * lcs, n_pred + n_gold))})


# --- Segments -------------------------------------------------------------------------------------

_SEGMENT_KEYS = ("{}", *(f"{{}}:{kind}" for kind in SEGMENT_KINDS))
#: Each kind's place in the sorted order of kind names (``Segment``'s order breaks ties by kind).
_KIND_RANK = np.argsort(np.argsort(SEGMENT_KINDS))


def _kinds_per_piece(segments, cut_index: dict[int, int], n_pieces: int) -> list[str | None]:
    """The kind labelling each piece between consecutive cuts; later segments win overlaps."""
    kinds: list[str | None] = [None] * n_pieces
    for seg in segments:
        lo, hi = cut_index[seg.start], cut_index[seg.end]
        kinds[lo:hi] = [seg.kind] * (hi - lo)
    return kinds


def visible_characters(text: str) -> int:
    """Characters that are not whitespace (``str.isspace``, which ``str.split`` splits on)."""
    return len("".join(text.split()))


@dataclass(frozen=True)
class SegmentMetric(_ViewMetric):
    """Character-level P/R/F1 of typed segments, on non-whitespace characters, pooled.

    ``precision``/``recall``/``f1``: the content class (characters in segments of the view's kinds)
    against everything else. ``precision:<kind>`` etc.: agreement on each segment kind. Where
    predicted segments overlap, the later one (in sorted order) labels the shared characters. A
    prediction without segments predicts no content. Zero divisions follow ``prf``.
    """

    name: ClassVar[str] = "segments"
    stat_names: ClassVar[tuple[str, ...]] = ("tp", "fp", "fn") + tuple(
        f"{c}:{k}" for k in SEGMENT_KINDS for c in ("tp", "fp", "fn"))

    def doc_stats(self, gold: Document, pred: Prediction) -> np.ndarray | None:
        if "segments" not in gold.annotated:
            return None
        text = gold.text
        predicted = _checked_segments(gold, pred.segments or ())
        cuts = sorted({0, len(text), *(b for s in (*gold.segments, *predicted)
                                       for b in (s.start, s.end))})
        cut_index = {c: k for k, c in enumerate(cuts)}
        n = len(cuts) - 1
        confusion: Counter = Counter()
        for g, p, lo, hi in zip(_kinds_per_piece(sorted(gold.segments), cut_index, n),
                                _kinds_per_piece(predicted, cut_index, n), cuts, cuts[1:]):
            confusion[g, p] += visible_characters(text[lo:hi])
        view = CONTENT_VIEWS[self.view]
        stats = dict.fromkeys(self.stat_names, 0)
        for (g, p), count in confusion.items():
            g_content, p_content = g in view, p in view
            if g_content or p_content:
                stats["tp" if g_content and p_content else "fp" if p_content else "fn"] += count
            if g == p and g is not None:
                stats[f"tp:{g}"] += count
                continue
            if p is not None:
                stats[f"fp:{p}"] += count
            if g is not None:
                stats[f"fn:{g}"] += count
        return np.array(list(stats.values()), dtype=float)

    def batch_stats(self, pairs: Sequence[tuple[Document, Prediction]]) -> list[np.ndarray | None]:
        """``doc_stats`` of many documents at once (compiled ``segment_kernel``)."""
        from . import segment_kernel  # compiles (or loads from numba's cache) on first use

        scored, docs = annotated(pairs, "segments")
        cps, base = codepoints.page_codepoints(docs)
        gold, pred = gold_segment_columns(docs), _checked_columns(docs, np.diff(base))
        side = np.concatenate([2 * gold.doc, 2 * pred.doc + 1])
        start, end = np.concatenate([gold.start, pred.start]), np.concatenate([gold.end, pred.end])
        kind = np.concatenate([gold.kind, pred.kind])
        order = np.lexsort((_KIND_RANK[kind], end, start, side))
        side_ptr = np.searchsorted(side[order], np.arange(2 * len(docs) + 1))
        counts = segment_kernel.confusion(cps, codepoints.space_table(), base[:-1], base[1:],
                                          start[order], end[order], kind[order], side_ptr,
                                          len(SEGMENT_KINDS))
        return placed(self._from_confusion(counts).astype(float), scored, len(pairs))

    def _from_confusion(self, counts: np.ndarray) -> np.ndarray:
        """The statistics from per-document (gold kind, predicted kind) counts; the last kind is
        "none"."""
        content = kind_mask(CONTENT_VIEWS[self.view]).astype(np.int64)
        tp, fp, fn = (np.einsum("dgp,g,p->d", counts, g, p)
                      for g, p in ((content, content), (1 - content, content),
                                   (content, 1 - content)))
        same = np.einsum("dkk->dk", counts)[:, :-1]
        per_kind = np.stack([same, counts.sum(axis=1)[:, :-1] - same,
                             counts.sum(axis=2)[:, :-1] - same], axis=2)
        return np.column_stack([tp, fp, fn, per_kind.reshape(len(counts), 3 * len(SEGMENT_KINDS))])

    def score(self, stats: np.ndarray) -> dict[str, float | None]:
        totals = np.asarray(stats, dtype=float).reshape(-1, len(self.stat_names)).sum(axis=0)
        tp, fp, fn = totals.reshape(-1, 3).T  # the content class, then each kind
        return finish(prf_scores(tp, tp + fp, tp, tp + fn, _SEGMENT_KEYS))
