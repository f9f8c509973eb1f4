"""Named entities: nervaluate's four schemes, with optimal one-to-one matching instead of greedy.

Counts per document (the statistics) are COR, INC, PAR, MIS and SPU, overall and per type:

============ =================================== ==================================== =========
mode         COR                                 INC / PAR                             credit
============ =================================== ==================================== =========
``strict``   same start, end and type            INC: overlaps, not COR                COR
``exact``    same start and end (type ignored)   INC: overlaps, boundaries differ      COR
``partial``  same start and end (type ignored)   PAR: overlaps, boundaries differ      COR+PAR/2
``type``     overlaps with the same type         INC: overlaps, other type             COR
============ =================================== ==================================== =========

MIS is a gold entity left unmatched, SPU a prediction left unmatched; POS = COR+INC+PAR+MIS,
ACT = COR+INC+PAR+SPU, P = credit/ACT, R = credit/POS (F1 and zero divisions: ``prf``). The matching
maximises COR, then the number of matched pairs (fewest MIS and SPU), then boundary closeness, so it
never depends on span order. Per-type counts re-match each type's entities on their own (as
nervaluate does), so they need not add up to the overall counts; ``macro_*`` average the per-type
scores over the types that occur in gold or predictions.

Labels are OntoNotes name types (``labels="ontonotes"``) or their CoNLL-2003 mapping
(``labels="conll"``, ``schema.to_conll``; predicted CoNLL labels pass unchanged). A predicted label
outside the chosen set is dropped and counted in ``ignored_label``. When the gold has segments, a
prediction that overlaps no gold content segment (it lies in boilerplate) is dropped and counted in
``ignored_in_boilerplate``: gold entities are annotated in content only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar, NamedTuple, Sequence

import numpy as np

from ..extractors.base import Prediction
from ..schema import CONLL_LABELS, CONTENT_KINDS, ENTITY_LABELS, ONTONOTES_TO_CONLL, Document
from .arrays import annotated, codes, flatten, gold_segment_columns, ints, kind_mask, placed
from .base import Metric
from .matching import best_pairs, closeness, offsets, overlapping_pairs, ranks
from .memo import last_batch
from .prf import f1, finish, mean_defined, prf_scores, ratio

MODES: tuple[str, ...] = ("strict", "exact", "partial", "type")
LABEL_SETS: dict[str, tuple[str, ...]] = {"ontonotes": ENTITY_LABELS, "conll": CONLL_LABELS}
COUNTS: tuple[str, ...] = ("cor", "inc", "par", "mis", "spu")


class _Side:
    """One side's entities over a batch of documents, as arrays on one long axis (see
    ``matching.offsets``); ``label`` is the index in the label set, or -1 outside it."""

    def __init__(self, layers: list[Sequence], label_id: dict[str, int], shift: np.ndarray) -> None:
        entities, self.doc = flatten(layers)
        offset = shift[self.doc]
        self.start = ints(entities, "start") + offset
        self.end = ints(entities, "end") + offset
        self.label = codes(entities, "label", label_id)

    def take(self, keep: np.ndarray) -> "_Side":
        out = object.__new__(_Side)
        out.doc, out.start, out.end, out.label = (self.doc[keep], self.start[keep],
                                                  self.end[keep], self.label[keep])
        return out


@dataclass(frozen=True)
class EntityMetric(Metric):
    """Entity P/R/F1 under one scheme (``mode``) and label set (``labels``); see module doc."""

    mode: str = "strict"
    labels: str = "ontonotes"

    task: ClassVar[str] = "entities"
    name: ClassVar[str] = "entities"

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"unknown entity mode {self.mode!r}; expected one of "
                             f"{', '.join(MODES)}")
        if self.labels not in LABEL_SETS:
            raise ValueError(f"unknown label set {self.labels!r}; expected one of "
                             f"{', '.join(LABEL_SETS)}")

    def params(self) -> dict[str, str | int | float]:
        return {"mode": self.mode, "labels": self.labels}

    @property
    def label_set(self) -> tuple[str, ...]:
        return LABEL_SETS[self.labels]

    @property
    def stat_names(self) -> tuple[str, ...]:
        return _stat_names(self.labels)

    def doc_stats(self, gold: Document, pred: Prediction) -> np.ndarray | None:
        return self.batch_stats([(gold, pred)])[0]

    def batch_stats(self, pairs: Sequence[tuple[Document, Prediction]]) -> list[np.ndarray | None]:
        """``doc_stats`` of many documents at once, vectorised over all their entities."""
        batch = _prepare(pairs, self.labels)
        g, p, gi, pj, n = batch.gold, batch.pred, batch.gi, batch.pj, len(batch.scored)
        levels = self._levels(g, p)
        overall = self._counts(g, p, *best_pairs(gi, pj, levels, batch.g_rank, batch.p_rank), n, 1)
        same = g.label[gi] == p.label[pj]
        typed = best_pairs(gi[same], pj[same], levels, batch.g_rank, batch.p_rank)
        per_type = self._counts(g, p, *typed, n, len(self.label_set))
        matrix = np.concatenate([overall, per_type, batch.ignored_boilerplate[:, None],
                                 batch.ignored_label[:, None]], axis=1).astype(float)
        return placed(matrix, batch.scored, len(pairs))

    def alignment(self, gold: Document, pred: Prediction) -> EntityAlignment:
        """How ``doc_stats`` matched one document's entities, by their indices in
        ``gold.entities`` and ``pred.entities`` (for error analysis); the gold must have an
        entity layer."""
        if "entities" not in gold.annotated:
            raise ValueError(f"document {gold.id} has no gold entities to align with")
        batch = _prepare([(gold, pred)], self.labels)  # the preparation doc_stats made
        g, p = batch.gold, batch.pred
        gi, pj = best_pairs(batch.gi, batch.pj, self._levels(g, p), batch.g_rank, batch.p_rank)
        correct = np.asarray(self._correct(g, p, gi, pj)).tolist()
        pairs = tuple(EntityPair(i, int(batch.kept[j]), cor,
                                 self.mode in ("strict", "type") and g.label[i] != p.label[j],
                                 self.mode != "type" and (g.start[i], g.end[i]) != (p.start[j], p.end[j]))
                      for i, j, cor in zip(gi.tolist(), pj.tolist(), correct))
        kept = set(batch.kept.tolist())
        ignored = {i: f"label {e.label} is outside the {self.labels} label set"
                   if not batch.known[i] else "lies in boilerplate"
                   for i, e in enumerate(pred.entities or ()) if i not in kept}
        return EntityAlignment(pairs, ignored)

    def _correct(self, g: _Side, p: _Side, gi: np.ndarray, pj: np.ndarray) -> np.ndarray:
        """Whether the pairs ``(gi[k], pj[k])`` count as COR."""
        same_label = g.label[gi] == p.label[pj]
        if self.mode == "type":
            return same_label
        bounds = (g.start[gi] == p.start[pj]) & (g.end[gi] == p.end[pj])
        return bounds & same_label if self.mode == "strict" else bounds

    def _levels(self, g: _Side, p: _Side):
        """Matching levels of candidate pairs: (is COR, 1 to count pairs, boundary closeness)."""
        def levels(gi: np.ndarray, pj: np.ndarray) -> tuple:
            return (self._correct(g, p, gi, pj), 1,
                    closeness(g.start[gi], g.end[gi], p.start[pj], p.end[pj]))
        return levels

    def _counts(self, g: _Side, p: _Side, gi: np.ndarray, pj: np.ndarray, n_docs: int,
                n_types: int) -> np.ndarray:
        """COR/INC/PAR/MIS/SPU per document, per type when ``n_types`` > 1 (flattened)."""
        def cell(doc, label):
            return doc * n_types + (label if n_types > 1 else 0)

        def count(index):
            return np.bincount(index, minlength=n_docs * n_types)

        matched = cell(g.doc[gi], g.label[gi])
        is_cor = self._correct(g, p, gi, pj)
        wrong = count(matched[~is_cor])
        zero = np.zeros(n_docs * n_types, dtype=np.int64)
        out = np.stack([count(matched[is_cor]),
                        zero if self.mode == "partial" else wrong,
                        wrong if self.mode == "partial" else zero,
                        count(cell(g.doc, g.label)) - count(matched),
                        count(cell(p.doc, p.label)) - count(cell(p.doc[pj], p.label[pj]))], axis=1)
        return out.reshape(n_docs, n_types * 5)

    def score(self, stats: np.ndarray) -> dict[str, float | None]:
        n_types = len(self.label_set)
        totals = np.asarray(stats, dtype=float).reshape(-1, len(self.stat_names)).sum(axis=0)
        counts = totals[:5 * (n_types + 1)].reshape(n_types + 1, 5)
        cor, inc, par, mis, spu = counts.T
        credit = cor + 0.5 * par
        pos, act = cor + inc + par + mis, cor + inc + par + spu
        p, r = ratio(credit, act), ratio(credit, pos)
        per_f1 = f1(p, r)
        present = (pos + act)[1:] > 0
        scores = prf_scores(credit, act, credit, pos, _score_keys(self.labels))
        scores.update({"macro_precision": mean_defined(p[1:][present]),
                       "macro_recall": mean_defined(r[1:][present]),
                       "macro_f1": mean_defined(per_f1[1:][present])})
        return finish(scores)


class EntityPair(NamedTuple):
    """A matched gold and predicted entity (indices into ``gold.entities`` and ``pred.entities``):
    whether the mode counts it correct, and which of label and bounds it counts as differing."""

    gold: int
    pred: int
    correct: bool
    wrong_label: bool
    wrong_bounds: bool


@dataclass(frozen=True)
class EntityAlignment:
    """One document's matching under an ``EntityMetric``."""

    pairs: tuple[EntityPair, ...]
    #: Predictions left out of the scores, with the reason.
    ignored: dict[int, str]


@dataclass(frozen=True)
class _Batch:
    """The mode-independent part of scoring a batch: entities as arrays and candidate pairs."""

    #: Indices (into the batch) of the documents with gold entities, in order.
    scored: list[int]
    gold: _Side
    #: Predictions with a label in the set and outside gold boilerplate.
    pred: _Side
    ignored_label: np.ndarray
    ignored_boilerplate: np.ndarray
    #: Over every prediction of the scored documents, in order: whether its label is in the set;
    #: and the indices of the kept ones (``pred``'s rows).
    known: np.ndarray
    kept: np.ndarray
    gi: np.ndarray
    pj: np.ndarray
    g_rank: np.ndarray
    p_rank: np.ndarray


def _prepare(pairs: Sequence[tuple[Document, Prediction]], labels: str) -> _Batch:
    """The batch's entities as arrays, remembered per label set: scoring one batch under several
    modes prepares it once."""
    return last_batch(("entities", labels), pairs, lambda: _prepared(pairs, labels))


def _prepared(pairs: Sequence[tuple[Document, Prediction]], labels: str) -> _Batch:
    scored, docs = annotated(pairs, "entities")
    shift = offsets(np.arange(len(docs)), [len(gold.text) for gold, _ in docs])
    label_id = _label_ids(labels)
    g = _Side([gold.entities for gold, _ in docs], label_id, shift)
    p = _Side([pred.entities or () for _, pred in docs], label_id, shift)
    if (g.label < 0).any():
        k = int(np.argmax(g.label < 0))
        gold = docs[g.doc[k]][0]
        e = gold.entities[k - int(np.searchsorted(g.doc, g.doc[k]))]
        raise ValueError(f"document {gold.id}: gold entity [{e.start}, {e.end}) has label "
                         f"{e.label!r}, unknown to the {labels} label set")
    known = p.label >= 0
    in_content = _in_content(docs, p, shift)
    p_kept = p.take(known & in_content)
    gi, pj = overlapping_pairs(g.start, g.end, p_kept.start, p_kept.end)
    return _Batch(scored, g, p_kept, np.bincount(p.doc[~known], minlength=len(docs)),
                  np.bincount(p.doc[known & ~in_content], minlength=len(docs)),
                  known, np.flatnonzero(known & in_content), gi, pj,
                  ranks(g.start, g.end, g.label), ranks(p_kept.start, p_kept.end, p_kept.label))


@lru_cache(maxsize=None)
def _label_ids(labels: str) -> dict[str, int]:
    """Every label the set accepts, mapped to its index in the set."""
    names = LABEL_SETS[labels]
    accepted = {**ONTONOTES_TO_CONLL, **{c: c for c in CONLL_LABELS}} if labels == "conll" \
        else {label: label for label in names}
    return {label: names.index(target) for label, target in accepted.items()}


def _in_content(docs, p: _Side, shift: np.ndarray) -> np.ndarray:
    """Whether each prediction overlaps a gold content segment (always, without gold segments)."""
    segmented = np.array([("segments" in gold.annotated) for gold, _ in docs] + [False])
    segments = gold_segment_columns(docs)
    content = kind_mask(CONTENT_KINDS)[segments.kind] & segmented[segments.doc]
    if not content.any():
        return ~segmented[p.doc]
    offset = shift[segments.doc[content]]
    starts = segments.start[content] + offset
    ends = segments.end[content] + offset
    order = np.argsort(starts, kind="stable")
    starts, reach = starts[order], np.maximum.accumulate(ends[order])
    # The furthest end among content segments starting before each prediction ends.
    last = np.searchsorted(starts, p.end, side="left") - 1
    return ((last >= 0) & (reach[np.maximum(last, 0)] > p.start)) | ~segmented[p.doc]


@lru_cache(maxsize=None)
def _stat_names(labels: str) -> tuple[str, ...]:
    per_type = tuple(f"{c}:{label}" for label in LABEL_SETS[labels] for c in COUNTS)
    return COUNTS + per_type + ("ignored_in_boilerplate", "ignored_label")


@lru_cache(maxsize=None)
def _score_keys(labels: str) -> tuple[str, ...]:
    return ("{}", *(f"{{}}:{label}" for label in LABEL_SETS[labels]))
