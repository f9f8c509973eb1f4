"""Compile an annotated HTML draft into a page and its gold source.

A draft is a page's HTML under the same YAML front matter as a gold source, marked up with:

* ``data-seg="KIND"`` on any element, or an inline ``<ng-seg k="KIND">`` wrapper: every character
  of the element's text belongs to that segment kind unless a nested marker says otherwise;
* the inline tags of the gold format (``ng-ent``, ``ng-q``, ``ng-sp``, ``ng-cue``), wrapped around
  text inside one block.

``compile_draft`` strips the markers textually (so the page keeps its author's formatting), renders
the stripped page with the corpus renderer, and checks that the markers' spans render to the same
text. Offsets are computed, never typed.
"""

from __future__ import annotations

import re
from dataclasses import replace

from lxml import etree

from .markup import MarkupError, _Tag, layers_from_tags, parse, serialize, split_front_matter
from .render import parse_html, render, render_tree
from .schema import trim

_MARKER_TAG = re.compile(r"</?ng-(?:seg|ent|q|sp|cue)\b[^>]*>")
_SEG_ATTR = re.compile(r'\s+data-seg="[a-z_]+"')


def strip_markers(html: str) -> str:
    """The published page: the draft without annotation markers."""
    return _SEG_ATTR.sub("", _MARKER_TAG.sub("", html))


def _depth(el: etree._Element) -> int:
    return sum(1 for _ in el.iterancestors())


def _segments(text: str, spans: dict, where: str) -> list[_Tag]:
    """Partition the text by the innermost segment marker around each character."""
    markers = [el for el in spans if isinstance(el.tag, str)
               and (el.get("data-seg") or el.tag == "ng-seg")]
    owner: list[etree._Element | None] = [None] * len(text)
    for el in sorted(markers, key=_depth):
        start, end = spans[el]
        owner[start:end] = [el] * (end - start)
    tags: list[_Tag] = []
    current, run_start, last_ink = None, 0, 0
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        if owner[i] is None:
            line = text.count("\n", 0, i) // 2 + 1
            raise MarkupError(f"{where}: text block {line} {text[i:i + 60]!r} is in no segment "
                              f"(mark an ancestor with data-seg)")
        if owner[i] is not current:
            if current is not None:
                tags.append(_seg_tag(current, run_start, last_ink))
            current, run_start = owner[i], i
        last_ink = i + 1
    if current is not None:
        tags.append(_seg_tag(current, run_start, last_ink))
    return tags


def _seg_tag(el: etree._Element, start: int, end: int) -> _Tag:
    kind = el.get("data-seg") or el.get("k")
    return _Tag("seg", start, end, (("k", kind),))


def compile_draft(draft: str, where: str = "<draft>") -> tuple[str, str]:
    """Compile a draft into ``(page_html, gold_source)``."""
    meta_text_end = draft.find("\n---\n", 3) + 5
    split_front_matter(draft, where)
    front, marked_html = draft[:meta_text_end], draft[meta_text_end:]
    page_html = strip_markers(marked_html)
    root = parse_html(marked_html)
    marked = render_tree(root)
    clean = render(page_html)
    if marked.text != clean.text:
        i = next((k for k, (a, b) in enumerate(zip(marked.text, clean.text)) if a != b),
                 min(len(marked.text), len(clean.text)))
        raise MarkupError(f"{where}: markers change the rendered text at offset {i}: "
                          f"{marked.text[i - 30:i + 30]!r} vs {clean.text[i - 30:i + 30]!r}")
    text = clean.text
    tags = _segments(text, marked.element_spans, where)
    for el, (start, end) in marked.element_spans.items():
        name = el.tag[3:] if isinstance(el.tag, str) and el.tag.startswith("ng-") else None
        if name in ("ent", "q", "sp", "cue"):
            start, end = trim(text, start, end)
            tags.append(_Tag(name, start, end, tuple(sorted(el.attrib.items()))))
    layers = layers_from_tags(text, tags, where)
    doc = parse(front + "\n", where)
    doc = replace(doc, text=text, **layers)
    return page_html, serialize(doc, where)
