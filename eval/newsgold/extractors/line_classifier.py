"""A rule-based boilerplate classifier over the page text: lines and sentences to segment kinds.

Each block of the text view is cut into lines, and each line into sentences (a line that starts
with a "related" marker such as "Also Read |", or that is a thumbnail with "(Photo Credits: …)",
stays whole; a breadcrumb prefix like "World News |" is cut off the line). Every piece is matched
against the share-bar vocabulary (``SHARE_WORDS``), then ``RULES`` in order; the first rule that
matches gives its boilerplate kind. A whole line
of at most ``SHORT_LINE_WORDS`` words without sentence punctuation is navigation. Everything else
is ``body``, except that after a short related heading ("Related stories") the following whole
lines without sentence punctuation (the teaser headlines) are ``related`` too, up to the first
real sentence or other boilerplate. Adjacent pieces of one block with the same kind are merged
into one segment.

``RULES_VERSION`` names this rule set; change it whenever a rule changes.
"""

from __future__ import annotations

import re

from ..schema import Segment
from .text_units import blocks, lines, sentences, trim

RULES_VERSION = "lines.v1"
SHORT_LINE_WORDS = 3


def _rule(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


#: Line starts that make the whole line a related-content teaser.
RELATED_LINE = _rule(
    r"^(also read|read (more|also|next)|related( stories| articles| news| coverage)?|see also"
    r"|recommended( for you| stories)?|more (stories|news|from|on this)|you (may|might) also like"
    r"|trending( now| news)?|most (read|popular|viewed)|top stories|watch( video)?\s*[:|])\b"
    r"|\(photo credits?:[^)]*\)\.?$")
#: A breadcrumb prefix: a few words closed by a separator, before the line's real content.
BREADCRUMB = re.compile(r"^[^|›»/\n]{1,40}?\s*[|›»]\s+(?=\S)")
#: Ordered (kind, pattern) rules for one piece of text.
RULES: tuple[tuple[str, re.Pattern], ...] = (
    ("cookie", _rule(r"\b(we|this (web)?site) uses? cookies\b"
                     r"|\bcookie (policy|settings|preferences)\b"
                     r"|\baccept (all )?cookies\b|^(accept|reject) all$")),
    ("newsletter", _rule(r"\bnewsletters?\b|^sign up\b|^subscribe$|\bsubscribe (to|now)\b")),
    ("ad", _rule(r"^(advertisement|advertising|sponsored( content)?|ad|promoted)$"
                 r"|\bstory continues below\b|\bpaid (post|content)\b")),
    ("legal", _rule(r"^©|©\s*\d{4}|\bcopyright\s*(©|\(c\)|\d{4})|\ball rights reserved\b"
                    r"|^\(?disclaimer\b|\bthe above (story|article|post) (is|was)\b"
                    r"|\b(views|opinions) (expressed|appearing) (in|on) (the|this)\b"
                    r"|\bhas not been edited by\b|\bfrom a syndicated feed\b")),
    ("promo", _rule(r"^get (the )?latest\b|\bdownload (our|the) app\b|^follow us\b"
                    r"|\bfollow us on\b|^click here\b|^(get|join) (our|us)\b"
                    r"|\bbreaking news alerts?\b|\bsupport (our|independent) journalism\b")),
    ("comments", _rule(r"^(\d+\s+)?comments?$|^(leave|post|add|show|view) (a |the )?comments?\b"
                       r"|^join the (conversation|discussion)\b")),
    ("footer", _rule(r"^(privacy( policy| notice)?|terms( of (use|service)| and conditions)?"
                     r"|contact( us)?|about( us)?|careers|sitemap|imprint|impressum"
                     r"|accessibility|advertise( with us)?|help)$")),
    ("other", _rule(r"^\(?(photo|image|picture|video|credit)s?( credits?)?\s*:[^)]*\)?$"
                    r"|^(getty images|reuters|afp|ap photo)\b.{0,40}$")),
)
#: Words of a share bar; a piece made only of them, starting with a share verb or network, is one.
SHARE_WORDS = frozenset({
    "share", "now", "this", "article", "story", "on", "via", "tweet", "email", "e-mail", "mail",
    "print", "copy", "link", "whatsapp", "facebook", "twitter", "x", "linkedin", "pinterest",
    "telegram", "reddit", "messenger", "flipboard",
})
_SHARE_START = SHARE_WORDS - {"now", "this", "article", "story", "on", "via", "link", "x"}
_WORD = re.compile(r"[\w-]+")
_SENTENCE_PUNCTUATION = re.compile(r"[.!?:;\"”»]$")


def classify(piece: str, whole_line: bool) -> str:
    """The segment kind of one piece of text."""
    words = [w.lower() for w in _WORD.findall(piece)]
    if words and words[0] in _SHARE_START and set(words) <= SHARE_WORDS:
        return "share"
    for kind, pattern in RULES:
        if pattern.search(piece):
            return kind
    if whole_line and len(piece.split()) <= SHORT_LINE_WORDS \
            and not _SENTENCE_PUNCTUATION.search(piece):
        return "navigation"
    return "body"


def _line_pieces(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` pieces of one line."""
    line = text[start:end]
    if RELATED_LINE.search(line):
        return [(start, end, "related")]
    pieces = []
    crumb = BREADCRUMB.match(line)
    if crumb:
        c_start, c_end = trim(text, start, start + crumb.end())
        pieces.append((c_start, c_end, "navigation"))
        start = start + crumb.end()
    spans = sentences(text, start, end)
    whole = len(spans) == 1 and not crumb
    pieces.extend((a, b, classify(text[a:b], whole)) for a, b in spans)
    return pieces


def _is_teaser(text: str, start: int, end: int, kind: str) -> bool:
    """A headline-like whole line (no sentence punctuation) that the classifier called body."""
    return kind == "body" and not _SENTENCE_PUNCTUATION.search(text[start:end])


def classify_segments(text: str) -> tuple[Segment, ...]:
    """Typed segments partitioning the non-whitespace text, merged per block and kind."""
    segments: list[Segment] = []
    in_related_list = False
    for b_start, b_end in blocks(text):
        merged: list[list] = []
        for l_start, l_end in lines(text, b_start, b_end):
            pieces = _line_pieces(text, l_start, l_end)
            if in_related_list and len(pieces) == 1 and _is_teaser(text, *pieces[0]):
                pieces = [(l_start, l_end, "related")]
            else:
                in_related_list = (len(pieces) == 1 and pieces[0][2] == "related"
                                   and len(text[l_start:l_end].split()) <= SHORT_LINE_WORDS + 1)
            for start, end, kind in pieces:
                if merged and merged[-1][2] == kind:
                    merged[-1][1] = end
                else:
                    merged.append([start, end, kind])
        segments.extend(Segment(start, end, kind) for start, end, kind in merged)
    return tuple(segments)
