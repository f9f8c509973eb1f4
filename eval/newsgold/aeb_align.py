"""Propose the segment gold of a public-benchmark page from its human-made article body.

The benchmark's gold body is aligned to our text view token by token (exact longest-matching
blocks, ``difflib`` without its junk heuristic); a line of the text view whose word tokens are
mostly matched is ``body``; the other lines get a boilerplate or content kind from position and
wording (``propose_kind``). The proposals are reviewed by hand before they become gold.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from .schema import Segment, trim

_WORD = re.compile(r"\w+")
MIN_RUN = 3  # matched runs shorter than this (common words) do not count
BODY_SHARE = 0.5  # a line is body when at least this share of its tokens is matched
MIN_CHARS = 8  # character-level matches shorter than this do not count
MAX_GAP = 3  # inside the body, unmatched runs of at most this many characters stay body

_RULES: tuple[tuple[str, re.Pattern], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in (
        ("cookie", r"\bcookies?\b|\bconsent\b"),
        ("newsletter", r"newsletter|sign up|inbox"),
        ("legal", r"©|\bcopyright\b|all rights reserved|terms of (use|service)|privacy policy"),
        ("share", r"^(share|tweet|email|print|facebook|twitter|linkedin|whatsapp|pinterest)\b"),
        ("ad", r"^advertisement$|^sponsored|^ad\b"),
        ("comments", r"\bcomments?\b"),
        ("promo", r"\bsubscribe\b|\bdownload (our|the) app\b|\bfollow us\b"),
    )
)


def matched_mask(text: str, gold_body: str) -> list[bool]:
    """Per word token of ``text``: is it part of the alignment with ``gold_body``?"""
    page = [m.group() for m in _WORD.finditer(text)]
    gold = _WORD.findall(gold_body)
    mask = [False] * len(page)
    min_run = min(MIN_RUN, len(gold))
    matcher = SequenceMatcher(None, page, gold, autojunk=False)
    for block in matcher.get_matching_blocks():
        if block.size >= min_run:
            mask[block.a:block.a + block.size] = [True] * block.size
    return mask


def _lines(text: str) -> list[tuple[int, int]]:
    """Non-blank lines of the text as trimmed spans."""
    spans = (trim(text, m.start(), m.end()) for m in re.finditer(r"[^\n]+", text))
    return [(start, end) for start, end in spans if start < end]


def propose_kind(line: str, position: str, title: str) -> str:
    """A kind for a non-body line from its wording and its position (before/inside/after body)."""
    if position == "before" and title and line.strip() == title.strip():
        return "title"
    for kind, pattern in _RULES:
        if pattern.search(line):
            return kind
    words = len(_WORD.findall(line))
    if position == "before":
        return "navigation" if words <= 8 else "other"
    if position == "inside":
        return "related"
    return "footer"


def _runs(flags: list[bool]) -> list[tuple[bool, int, int]]:
    """Maximal runs ``(value, i, j)`` of equal values."""
    runs, i = [], 0
    while i < len(flags):
        j = i
        while j < len(flags) and flags[j] == flags[i]:
            j += 1
        runs.append((flags[i], i, j))
        i = j
    return runs


def _split_line(text: str, start: int, end: int, gold_body: str) -> list[tuple[int, int, str]]:
    """Pieces of a partly matched line, aligned character by character (word
    tokens can glue an inline teaser to a name): matched runs of at least ``MIN_CHARS``, bridged
    over gaps of at most ``MAX_GAP`` characters, are body; the rest (inline teasers, hover cards)
    is related."""
    line = text[start:end]
    flags = [False] * len(line)
    matcher = SequenceMatcher(None, line, gold_body, autojunk=False)
    for block in matcher.get_matching_blocks():
        if block.size >= MIN_CHARS:
            flags[block.a:block.a + block.size] = [True] * block.size
    for value, i, j in _runs(flags):
        if not value and 0 < i and j < len(flags) and (j - i <= MAX_GAP or not line[i:j].strip()):
            flags[i:j] = [True] * (j - i)
    pieces = []
    for value, i, j in _runs(flags):
        lo, hi = trim(text, start + i, start + j)
        pieces.append((lo, hi, "body" if value else "related"))
    return pieces


def propose_segments(text: str, gold_body: str, title: str = "") -> list[Segment]:
    """A full partition of ``text``: body from the alignment, everything else by heuristics."""
    tokens = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    mask = matched_mask(text, gold_body)
    lines = _lines(text)
    per_line = []
    for start, end in lines:
        idx = [i for i, (s, _) in enumerate(tokens) if start <= s < end]
        per_line.append(idx)
    is_body = [bool(idx) and sum(mask[i] for i in idx) / len(idx) >= BODY_SHARE
               for idx in per_line]
    first = is_body.index(True) if any(is_body) else len(lines)
    last = len(is_body) - 1 - is_body[::-1].index(True) if any(is_body) else -1
    pieces: list[tuple[int, int, str]] = []
    for k, (start, end) in enumerate(lines):
        idx = per_line[k]
        flags = [mask[i] for i in idx]
        if any(flags) and not all(flags):
            pieces += _split_line(text, start, end, gold_body)
        elif is_body[k]:
            pieces.append((start, end, "body"))
        else:
            position = "before" if k < first else "after" if k > last else "inside"
            pieces.append((start, end, propose_kind(text[start:end], position, title)))
    segments: list[Segment] = []
    for start, end, kind in pieces:
        if start >= end:
            continue
        if segments and segments[-1].kind == kind:
            segments[-1] = Segment(segments[-1].start, end, kind)
        else:
            segments.append(Segment(start, end, kind))
    return segments
