"""Inter-annotator agreement per layer, for every pair of annotators.

* segments: Cohen's kappa (``sklearn.metrics.cohen_kappa_score``) over the non-whitespace
  characters of the documents both annotated, each labelled with its segment kind or ``-``;
* entities: span F1 on exact span and label (symmetric: 2·matches / (n_a + n_b));
* quotes: span F1 on exact quote part spans; speaker agreement: the share of matched parts whose
  speaker names agree (whitespace- and case-insensitive; both unnamed counts as agreeing).

Only documents that both annotators annotated for a layer count for that layer.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from itertools import combinations
from typing import Any

from ..schema import Document


@dataclass(frozen=True)
class PairAgreement:
    """Additive counts for one pair of annotators, and the figures derived from them."""

    a: str
    b: str
    documents: int
    segment_chars: int
    segment_kappa: float | None
    entity_matches: int
    entities_a: int
    entities_b: int
    quote_matches: int
    quotes_a: int
    quotes_b: int
    speaker_agreements: int

    @property
    def entity_f1(self) -> float | None:
        return _f1(self.entity_matches, self.entities_a, self.entities_b)

    @property
    def quote_f1(self) -> float | None:
        return _f1(self.quote_matches, self.quotes_a, self.quotes_b)

    @property
    def speaker_agreement(self) -> float | None:
        return self.speaker_agreements / self.quote_matches if self.quote_matches else None

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "entity_f1": self.entity_f1, "quote_f1": self.quote_f1,
                "speaker_agreement": self.speaker_agreement}


def _f1(matches: int, n_a: int, n_b: int) -> float | None:
    return 2 * matches / (n_a + n_b) if n_a + n_b else None


def char_labels(doc: Document) -> list[str]:
    """Per non-whitespace character: the kind of its segment, or ``-``."""
    labels = ["-"] * len(doc.text)
    for seg in doc.segments:
        labels[seg.start:seg.end] = [seg.kind] * (seg.end - seg.start)
    return [label for label, ch in zip(labels, doc.text, strict=True) if not ch.isspace()]


def kappa(a: list[str], b: list[str]) -> float | None:
    """Cohen's kappa; 1.0 when both use one and the same label throughout, None when empty."""
    if not a:
        return None
    if len(set(a) | set(b)) == 1:
        return 1.0
    from sklearn.metrics import cohen_kappa_score

    return float(cohen_kappa_score(a, b))


def _name(name: str | None) -> str:
    return " ".join((name or "").split()).casefold()


def pair_agreement(a: str, b: str, pairs: list[tuple[Document, Document]]) -> PairAgreement:
    """Agreement of annotator ``a`` with ``b`` over their versions of the same documents."""
    seg_a: list[str] = []
    seg_b: list[str] = []
    counts = dict.fromkeys(("em", "ea", "eb", "qm", "qa", "qb", "sp"), 0)
    for da, db in pairs:
        if da.text != db.text:
            raise ValueError(f"{da.id}: the two versions have different texts")
        both = da.annotated & db.annotated
        if "segments" in both:
            seg_a += char_labels(da)
            seg_b += char_labels(db)
        if "entities" in both:
            ea, eb = set(da.entities), set(db.entities)
            counts["em"] += len(ea & eb)
            counts["ea"] += len(ea)
            counts["eb"] += len(eb)
        if "quotes" in both:
            qa = {(q.start, q.end): q for q in da.quotes}
            qb = {(q.start, q.end): q for q in db.quotes}
            matched = qa.keys() & qb.keys()
            counts["qm"] += len(matched)
            counts["qa"] += len(qa)
            counts["qb"] += len(qb)
            counts["sp"] += sum(_name(qa[k].speaker_name) == _name(qb[k].speaker_name)
                                for k in matched)
    return PairAgreement(a, b, len(pairs), len(seg_a), kappa(seg_a, seg_b), counts["em"],
                         counts["ea"], counts["eb"], counts["qm"], counts["qa"], counts["qb"],
                         counts["sp"])


def agreement(versions: dict[str, dict[str, Document]]) -> list[PairAgreement]:
    """Every pair of annotators over the documents both annotated.

    ``versions`` maps document id to {annotator: document}.
    """
    annotators = sorted({name for by_name in versions.values() for name in by_name})
    rows = []
    for a, b in combinations(annotators, 2):
        pairs = [(by_name[a], by_name[b]) for _, by_name in sorted(versions.items())
                 if a in by_name and b in by_name]
        if pairs:
            rows.append(pair_agreement(a, b, pairs))
    return rows


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


HEADER = ("annotators", "documents", "segment κ", "entity F1", "quote F1", "speaker agreement")


def table_rows(rows: list[PairAgreement]) -> list[tuple[str, ...]]:
    """One row of figures per pair (with the counts behind each figure)."""
    return [(f"{r.a} vs {r.b}", str(r.documents),
             f"{_fmt(r.segment_kappa)} ({r.segment_chars:,} chars)",
             f"{_fmt(r.entity_f1)} ({r.entity_matches}/{r.entities_a}/{r.entities_b})",
             f"{_fmt(r.quote_f1)} ({r.quote_matches}/{r.quotes_a}/{r.quotes_b})",
             f"{_fmt(r.speaker_agreement)} ({r.speaker_agreements}/{r.quote_matches})")
            for r in rows]


def to_markdown(rows: list[PairAgreement]) -> str:
    """A Markdown table (for the corpus card), with a note on what the counts are."""
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(row) + " |" for row in table_rows(rows)]
    lines += ["", "Segment κ: Cohen's kappa over non-whitespace characters labelled with their "
              "segment kind. Entity and quote F1: exact spans (matches/first/second annotator). "
              "Speaker agreement: matched quote spans with the same speaker name."]
    return "\n".join(lines) + "\n"
