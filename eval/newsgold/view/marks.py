"""Page text as HTML with possibly overlapping highlighted regions.

Regions nest where they can; a region that crosses another is split into parts. The first part of
a region carries its attributes and ``data-first``, later parts ``data-part="cont"``, so every
region is counted once by ``[data-first]``. ``head`` is text shown at a region's start, ``tail``
text at its end (labels, outcome glyphs).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Region:
    """A highlighted ``[start, end)`` of the text."""

    start: int
    end: int
    tag: str = "span"
    attrs: Mapping[str, str] = field(default_factory=dict)
    #: For regions with equal bounds: the lower rank is the outer element.
    rank: int = 0
    head: str | Markup | None = None
    tail: str | Markup | None = None

    def nesting_key(self) -> tuple[int, int, int]:
        return self.start, -self.end, self.rank


def _open(region: Region, first: bool) -> str:
    attrs = dict(region.attrs)
    if not first:
        attrs.pop("id", None)
        attrs.pop("tabindex", None)
    extra = ' data-first=""' if first else ' data-part="cont"'
    rendered = "".join(f' {name}="{escape(str(value))}"' for name, value in attrs.items())
    head = escape(region.head) if first and region.head is not None else ""
    return f"<{region.tag}{rendered}{extra}>{head}"


def _close(region: Region, last: bool) -> str:
    tail = escape(region.tail) if last and region.tail is not None else ""
    return f"{tail}</{region.tag}>"


#: A blank line between blocks, drawn as a short gap instead of a full empty line.
BLANK_LINE = Markup('<span class="blank"></span>')


def escape_text(piece: str) -> Markup:
    """HTML-escaped text with each blank line as ``BLANK_LINE``."""
    return BLANK_LINE.join(escape(part) for part in piece.split("\n\n"))


@dataclass(frozen=True)
class Elision:
    """A stretch of the text shown as ``placeholder`` (regions inside it are dropped)."""

    start: int
    end: int
    placeholder: Markup


def render_regions(text: str, regions: Sequence[Region],
                   elisions: Sequence[Elision] = ()) -> Markup:
    """``text``, HTML-escaped, with every non-empty region wrapped in its element, each blank
    line (``\\n\\n``) as ``BLANK_LINE`` and each elided stretch as its placeholder."""
    def hidden(r: Region) -> bool:
        return any(e.start <= r.start and r.end <= e.end for e in elisions)

    regions = sorted((r for r in regions if 0 <= r.start < r.end <= len(text) and not hidden(r)),
                     key=Region.nesting_key)
    elided = {e.start: e for e in elisions}
    starts: dict[int, list[Region]] = {}
    for r in regions:
        starts.setdefault(r.start, []).append(r)
    points = sorted({0, len(text), *(r.start for r in regions), *(r.end for r in regions),
                     *(p for e in elisions for p in (e.start, e.end))})
    skip_to = 0
    out: list[str] = []
    active: list[Region] = []
    stack: list[Region] = []
    opened: set[int] = set()
    for a, b in zip(points, points[1:]):
        active = [r for r in active if r.end > a] + starts.get(a, [])
        wanted = sorted(active, key=Region.nesting_key)
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep] is wanted[keep]:
            keep += 1
        for r in reversed(stack[keep:]):
            out.append(_close(r, r.end <= a))
        for r in wanted[keep:]:
            out.append(_open(r, id(r) not in opened))
            opened.add(id(r))
        stack = wanted
        if a in elided:
            out.append(elided[a].placeholder)
            skip_to = elided[a].end
        if b > skip_to:
            out.append(escape_text(text[max(a, skip_to):b]))
    for r in reversed(stack):
        out.append(_close(r, True))
    return Markup("".join(out))
