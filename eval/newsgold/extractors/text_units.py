"""Cutting a page's text view into blocks, lines and sentences, as trimmed code-point spans.

Blocks are separated by blank lines (how ``newsgold.render`` joins HTML blocks); no span returned
here starts or ends with whitespace.
"""

from __future__ import annotations

import re

from ..schema import trim

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_LINE = re.compile(r"[^\n]+")
#: Sentence end: terminal punctuation, closing marks, whitespace, then an upper-case letter,
#: a digit or an opening mark. (Abbreviations such as "Mr. Smith" over-split; callers cope.)
_SENTENCE_END = re.compile(r"[.!?…][\"”’»)\]]*(\s+)(?=[\"“‘«„(\[]?[A-ZÀ-ÖØ-Þ0-9])")


def _pieces(text: str, start: int, end: int,
            separators: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The trimmed, non-empty pieces of ``text[start:end]`` between the separator spans."""
    out, pos = [], start
    for sep_start, sep_end in separators:
        out.append(trim(text, pos, sep_start))
        pos = sep_end
    out.append(trim(text, pos, end))
    return [(a, b) for a, b in out if a < b]


def blocks(text: str) -> list[tuple[int, int]]:
    """The blocks of a page text (runs separated by blank lines)."""
    return _pieces(text, 0, len(text), [m.span() for m in _BLANK_LINE.finditer(text)])


def lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The non-empty lines of ``text[start:end]``."""
    return [trim(text, m.start(), m.end()) for m in _LINE.finditer(text, start, end)
            if text[m.start():m.end()].strip()]


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of one line, never split inside parentheses or brackets."""
    cuts = []
    for m in _SENTENCE_END.finditer(text, start, end):
        before = text[start:m.start(1)]
        if before.count("(") + before.count("[") <= before.count(")") + before.count("]"):
            cuts.append(m.span(1))  # the whitespace after the sentence end
    return _pieces(text, start, end, cuts)
