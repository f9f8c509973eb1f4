"""The pinned, deterministic HTML-to-text renderer behind every document's ``text``.

Rules (version ``RENDERER_VERSION``; any change to them is a new version and a corpus rebuild):

* The page is parsed with ``lxml.html``; ``<head>``, scripts, styles, templates, ``noscript``, ``svg``,
  ``iframe``, ``select`` and elements with a ``hidden`` attribute produce no text.
* Block elements (``BLOCK_TAGS``) start and end a block; blocks are joined by one blank line.
* Inside a block, runs of ASCII whitespace collapse to one space; ``<br>`` is a line break; a block is
  stripped of surrounding whitespace and dropped when empty. ``<pre>`` keeps its whitespace.
* No entity decoding beyond the parser's, no Unicode normalisation: ``&nbsp;`` stays U+00A0.

``render`` also returns, for every run of text, the XPath of the element it came from, so each text
offset maps back to its HTML element, and the text span of every element (used by the authoring
compiler).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

from .schema import trim

RENDERER_VERSION = "newsgold-render/1"

SKIP_TAGS = frozenset({
    "head", "script", "style", "template", "noscript", "svg", "iframe", "select",
    "object", "embed", "canvas", "math",
})
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol",
    "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    "legend", "option", "optgroup",
})
_WS = re.compile(r"[ \t\n\r\f]+")


@dataclass(frozen=True)
class Rendering:
    """The text view of a page, with its map back to the HTML."""

    text: str
    #: Sorted, non-overlapping ``(start, end, xpath)`` runs of ``text``; whitespace the renderer
    #: inserts between blocks belongs to no run.
    runs: tuple[tuple[int, int, str], ...]
    #: ``element -> (start, end)`` text span of each element that produced text.
    element_spans: dict

    def element_at(self, offset: int) -> str | None:
        """XPath of the element whose text holds ``offset``, or None for inserted whitespace."""
        i = bisect.bisect_right([r[0] for r in self.runs], offset) - 1
        if i >= 0 and self.runs[i][0] <= offset < self.runs[i][1]:
            return self.runs[i][2]
        return None


class _Block:
    """Characters of the block being built, each with the element that produced it."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.owners: list[object] = []
        self.pending_space: object | None = None

    def add_text(self, text: str, owner: object, pre: bool) -> None:
        if pre:
            self._emit(text, owner)
            return
        pos = 0
        for m in _WS.finditer(text):
            self._word(text[pos:m.start()], owner)
            if self.chars and self.chars[-1] != "\n":
                self.pending_space = owner
            pos = m.end()
        self._word(text[pos:], owner)

    def _word(self, word: str, owner: object) -> None:
        if not word:
            return
        if self.pending_space is not None:
            self._emit(" ", self.pending_space)
        self._emit(word, owner)

    def _emit(self, text: str, owner: object) -> None:
        self.pending_space = None
        self.chars.extend(text)
        self.owners.extend([owner] * len(text))

    def line_break(self, owner: object) -> None:
        self.pending_space = None
        while self.chars and self.chars[-1] in " \t":
            self.chars.pop()
            self.owners.pop()
        self._emit("\n", owner)

    def take(self) -> tuple[str, list[object]]:
        """Return the stripped block text and owners, and reset."""
        chars, owners = self.chars, self.owners
        lo, hi = trim(chars, 0, len(chars))
        self.chars, self.owners, self.pending_space = [], [], None
        return "".join(chars[lo:hi]), owners[lo:hi]


class _Renderer:
    def __init__(self) -> None:
        self.blocks: list[tuple[str, list[object]]] = []
        self.block = _Block()

    def flush(self) -> None:
        text, owners = self.block.take()
        if text:
            self.blocks.append((text, owners))

    def walk(self, el: etree._Element, pre: bool) -> None:
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is None:  # comment, processing instruction, entity
            return
        tag = tag.lower()
        if tag in SKIP_TAGS or el.get("hidden") is not None:
            return
        is_block = tag in BLOCK_TAGS
        pre = pre or tag == "pre"
        if is_block:
            self.flush()
        if tag == "br":
            self.block.line_break(el)
        if el.text:
            self.block.add_text(el.text, el, pre)
        for child in el:
            self.walk(child, pre)
            if child.tail:
                self.block.add_text(child.tail, el, pre)
        if is_block:
            self.flush()


def parse_html(html: str) -> etree._Element:
    """Parse a page with the pinned parser settings."""
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
    return lxml.html.document_fromstring(html, parser=parser)


def render(html: str) -> Rendering:
    """Render a page's HTML to its text view (see the module docstring for the rules)."""
    return render_tree(parse_html(html))


def render_tree(root: etree._Element) -> Rendering:
    """Render an already parsed page."""
    renderer = _Renderer()
    renderer.walk(root, pre=False)
    renderer.flush()
    tree = root.getroottree()
    parts: list[str] = []
    runs: list[tuple[int, int, str]] = []
    runs_by_owner: list[tuple[int, int, etree._Element]] = []
    offset = 0
    for text, owners in renderer.blocks:
        if parts:
            parts.append("\n\n")
            offset += 2
        parts.append(text)
        run_start = 0
        for i in range(1, len(owners) + 1):
            if i == len(owners) or owners[i] is not owners[run_start]:
                owner = owners[run_start]
                runs.append((offset + run_start, offset + i, tree.getpath(owner)))
                runs_by_owner.append((offset + run_start, offset + i, owner))
                run_start = i
        offset += len(text)
    return Rendering(text="".join(parts), runs=tuple(runs), element_spans=_element_spans(runs_by_owner))


def _element_spans(runs: list[tuple[int, int, etree._Element]]) -> dict:
    """Text span of every element: the hull of its own runs and its descendants' runs."""
    spans: dict = {}
    for start, end, owner in runs:
        el = owner
        while el is not None:
            lo, hi = spans.get(el, (start, end))
            spans[el] = (min(lo, start), max(hi, end))
            el = el.getparent()
    return spans


def render_text(html: str) -> str:
    """Just the text view of a page."""
    return render(html).text
