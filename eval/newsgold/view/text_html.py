"""HTML of one page's text for each task: gold segments shaded by kind, the boilerplate word diff,
and entity and quote outcomes as marks (gold spans underlined, predicted spans overlined)."""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from markupsafe import Markup

from ..schema import CONTENT_KINDS, Document
from .marks import Elision, Region, escape_text, render_regions
from .outcomes import GOLD, LayerOutcomes, SpanOutcome, TextOutcomes
from .worddiff import DROPPED, EXTRA, KEPT, WordDiff

#: Outcome -> (glyph, words): the glyph is shown next to each span so errors read without colour.
OUTCOMES: dict[str, tuple[str, str]] = {
    "match": ("✓", "match"),
    "miss": ("✗", "missed"),
    "spurious": ("+", "spurious"),
    "wrong-label": ("≠", "wrong label"),
    "wrong-bounds": ("↔", "wrong boundaries"),
    "wrong-label-bounds": ("≠↔", "wrong label and boundaries"),
    "wrong-speaker": ("≠", "wrong speaker"),
    "ignored": ("∅", "not scored"),
}
#: Word-diff outcome -> (glyph, words).
WORD_OUTCOMES: dict[str, tuple[str, str]] = {
    KEPT: ("✓", "kept, correct"),
    EXTRA: ("+", "kept, but boilerplate"),
    DROPPED: ("✗", "dropped, but content"),
}
_WORD_TAGS = {KEPT: "span", EXTRA: "ins", DROPPED: "del"}


def segment_regions(doc: Document, shade_kinds: bool) -> list[Region]:
    """One region per gold segment. With ``shade_kinds`` each kind has its own shade and a kind
    label where the kind changes; otherwise only boilerplate is dimmed."""
    out, previous = [], None
    for seg in sorted(doc.segments):
        family = "content" if seg.kind in CONTENT_KINDS else "boilerplate"
        classes = f"seg seg-{family}" + (f" seg-{seg.kind}" if shade_kinds else "")
        head = None
        if shade_kinds and seg.kind != previous:
            head = Markup('<span class="seg-tag">{}</span>').format(seg.kind)
        previous = seg.kind
        out.append(Region(seg.start, seg.end, "span", {"class": classes, "data-kind": seg.kind},
                          rank=0, head=head))
    return out


def _runs(spans: Sequence[tuple[int, int]], states: Sequence[str], text: str,
          wanted: Iterable[str]) -> Iterable[tuple[int, int, str, int]]:
    """Consecutive tokens with one state, not crossing a line break: ``(start, end, state, n)``."""
    wanted = set(wanted)
    run: list = []
    for (s, e), state in zip(spans, states):
        if run and (state != run[2] or "\n" in text[run[1]:s]):
            if run[2] in wanted:
                yield tuple(run)
            run = []
        run = [run[0], e, state, run[3] + 1] if run else [s, e, state, 1]
    if run and run[2] in wanted:
        yield tuple(run)


def _word_region(start: int, end: int, state: str, n: int) -> Region:
    glyph, words = WORD_OUTCOMES[state]
    return Region(start, end, "span", {"class": f"bp bp-{state}", "data-outcome": state,
                                       "data-n": str(n), "title": f"{n} word(s) {words}"}, rank=3)


def page_boilerplate_regions(doc: Document, found: TextOutcomes) -> list[Region]:
    """The word diff on the page text: gold main-text words kept or dropped, and extracted words
    that are not in the gold main text where the extraction's words can be placed on the page."""
    out: list[Region] = []
    diff = found.diff
    if found.gold_on_page is not None:
        states = [KEPT if ok else DROPPED for ok in diff.gold_matched()]
        out += [_word_region(*run) for run in _runs(found.gold_on_page, states, doc.text,
                                                    (KEPT, DROPPED))]
    if found.pred_on_page is not None:
        states = [KEPT if ok else EXTRA for ok in diff.pred_matched()]
        out += [_word_region(*run) for run in _runs(found.pred_on_page, states, doc.text,
                                                    (EXTRA,))]
    return out


def diff_html(diff: WordDiff) -> Markup:
    """The extracted text against the gold main text, word by word: runs of kept words, ``<ins>``
    runs of kept-but-boilerplate words and ``<del>`` runs of dropped-but-content words, each with
    its word count in ``data-n``."""
    out: list[str] = []
    ops = list(diff.ops())
    k = 0
    previous_source = None
    while k < len(ops):
        state = ops[k][0]
        end = k
        while end < len(ops) and ops[end][0] == state:
            end += 1
        pieces = []
        for pos, (op, i) in enumerate(ops[k:end]):
            text, spans = (diff.pred_text, diff.pred) if op == EXTRA \
                else (diff.gold_text, diff.gold)
            gap = text[spans[i - 1][1] if i else 0:spans[i][0]]
            word = text[spans[i][0]:spans[i][1]]
            if pos == 0:
                source = op == EXTRA
                if previous_source not in (None, source) and not gap[:1].isspace():
                    gap = " " + gap
                previous_source = source
                out.append(escape_text(gap))
                pieces.append(escape_text(word))
            else:
                pieces.append(escape_text(gap + word))
        glyph, words = WORD_OUTCOMES[state]
        tag = _WORD_TAGS[state]
        out.append(f'<{tag} class="w w-{state}" data-outcome="{state}" data-n="{end - k}" '
                   f'title="{end - k} word(s) {words}">{"".join(pieces)}</{tag}>')
        k = end
    out.append(escape_text(diff.gold_text[diff.gold[-1][1]:] if diff.gold else diff.gold_text))
    return Markup("".join(out))


def _describe(span: SpanOutcome, layer: str, other: SpanOutcome | None, text: str) -> str:
    side = "gold" if span.side == GOLD else "predicted"
    words = OUTCOMES[span.outcome][1]
    what = f"{side} {span.label} “{text[span.start:span.end]}”: {words}"
    if other is not None:
        what += f"; paired with {other.label} “{text[other.start:other.end]}”"
    if layer == "quotes":
        what += f"; speaker: {span.speaker_name or 'none'}"
        if span.iou is not None:
            what += f"; token overlap {span.iou:.2f}"
    if span.reason:
        what += f" ({span.reason})"
    return what


def span_id(layer: str, span: SpanOutcome) -> str:
    return f"{layer[0]}{span.side[0]}{span.index}"


def speaker_id(side: str, start: int, end: int) -> str:
    return f"s{side[0]}{start}-{end}"


def tag_text(span: SpanOutcome, other: SpanOutcome | None, layer: str) -> str | None:
    """The tag after a span: outcome glyph, label (gold→predicted when they differ) and, for
    quotes, speaker names. A predicted span that shares its gold partner's bounds has none."""
    glyph = OUTCOMES[span.outcome][0]
    same_bounds = other is not None and (other.start, other.end) == (span.start, span.end)
    if span.side != GOLD and same_bounds:
        return None
    if layer == "entities":
        if span.side == GOLD and other is not None and other.label != span.label:
            return f"{glyph} {span.label}→{other.label}"
        return f"{glyph} {'pred ' if span.side != GOLD and other else ''}{span.label}"
    name = span.speaker_name or "no speaker"
    if span.side == GOLD and span.outcome == "wrong-speaker" and other is not None:
        name = f"{name}→{other.speaker_name or 'no speaker'}"
    return f"{glyph} {'pred ' if span.side != GOLD and other else ''}{span.label} · {name}"


def layer_regions(doc: Document, found: LayerOutcomes, layer: str) -> list[Region]:
    """Entity or quote outcomes as marks; quotes also mark their speaker mentions and name the
    mention they point to (``data-speaker``) for the connectors."""
    by_key = {(s.side, s.index): s for s in found.spans}
    out: list[Region] = []
    speakers: set[tuple[str, int, int]] = set()
    for span in found.spans:
        other_side = "pred" if span.side == GOLD else "gold"
        other = by_key.get((other_side, span.partner)) if span.partner is not None else None
        glyph, words = OUTCOMES[span.outcome]
        attrs = {"id": span_id(layer, span), "data-ref": span_id(layer, span),
                 "class": f"{layer[:-1]} {span.side} o-{span.outcome}",
                 "data-side": span.side, "data-outcome": span.outcome,
                 "title": _describe(span, layer, other, doc.text)}
        if other is not None:
            attrs["data-partner"] = span_id(layer, other)
        if layer == "quotes":
            attrs["tabindex"] = "0"
            if span.speaker and 0 <= span.speaker[0] < span.speaker[1] <= len(doc.text):
                attrs["data-speaker"] = speaker_id(span.side, *span.speaker)
                speakers.add((span.side, *span.speaker))
        tag = tag_text(span, other, layer)
        tail = None if tag is None else Markup('<span class="tag tag-{} tag-{}">{}</span>').format(
            span.side, span.outcome, tag)
        out.append(Region(span.start, span.end, "mark", attrs,
                          rank=1 if span.side == GOLD else 2, tail=tail))
    for side, start, end in sorted(speakers):
        out.append(Region(start, end, "span",
                          {"id": speaker_id(side, start, end),
                           "data-ref": speaker_id(side, start, end), "class": f"speaker {side}",
                           "data-side": side, "data-role": "speaker",
                           "title": f"{'gold' if side == GOLD else 'predicted'} speaker mention"},
                          rank=3 if side == GOLD else 4))
    return out


def _lines(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """The non-blank lines of ``text[start:end]`` as page offsets."""
    for match in re.finditer(r"[^\n]+", text[start:end]):
        if match.group().strip():
            yield start + match.start(), start + match.end()


def quiet_boilerplate(doc: Document, marks: Sequence[Region], min_lines: int = 2,
                      what: str = "spans") -> list[Elision]:
    """Runs of at least ``min_lines`` boilerplate lines (or one long line) that no mark touches,
    each to be shown as one placeholder line."""
    out: list[Elision] = []
    run: list[tuple[int, int, str]] = []

    def close() -> None:
        if len(run) >= min_lines or (run and run[0][1] - run[0][0] > 80):
            kinds = ", ".join(dict.fromkeys(kind for _, _, kind in run))
            out.append(Elision(run[0][0], run[-1][1], Markup(
                '<span class="elided">⋯ {} boilerplate line(s) without {} hidden ({}) ⋯</span>'
            ).format(len(run), what, kinds)))
        run.clear()

    for seg in sorted(doc.segments):
        if seg.kind in CONTENT_KINDS:
            close()
            continue
        for start, end in _lines(doc.text, seg.start, seg.end):
            if any(m.start < end and start < m.end for m in marks):
                close()
            else:
                run.append((start, end, seg.kind))
    close()
    return out


def page_text(doc: Document, regions: Sequence[Region],
              elisions: Sequence[Elision] = ()) -> Markup:
    return render_regions(doc.text, regions, elisions)
