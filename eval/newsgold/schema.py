"""The one data model: documents, their three gold layers, and the label inventories.

Offsets are Python code-point offsets into ``Document.text``, half-open ``[start, end)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable, Sequence

SCHEMA_VERSION = "1.0"

CONTENT_KINDS: tuple[str, ...] = (
    "title", "standfirst", "byline", "dateline", "body", "subheading", "caption",
)
BOILERPLATE_KINDS: tuple[str, ...] = (
    "navigation", "promo", "related", "share", "ad", "legal",
    "newsletter", "cookie", "comments", "footer", "other",
)
SEGMENT_KINDS: tuple[str, ...] = CONTENT_KINDS + BOILERPLATE_KINDS

#: Named content views: which segment kinds count as "the article" for the harness.
CONTENT_VIEWS: dict[str, frozenset[str]] = {
    "body": frozenset({"dateline", "body", "subheading"}),
    "article": frozenset(CONTENT_KINDS),
}

ENTITY_LABELS: tuple[str, ...] = (
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC",
    "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE",
)
CONLL_LABELS: tuple[str, ...] = ("PER", "ORG", "LOC", "MISC")
#: The fixed OntoNotes -> CoNLL-2003 mapping (whole spans are mapped, never BIO tags).
ONTONOTES_TO_CONLL: dict[str, str] = {
    "PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "NORP": "MISC", "PRODUCT": "MISC", "EVENT": "MISC", "WORK_OF_ART": "MISC",
    "LAW": "MISC", "LANGUAGE": "MISC",
}

QUOTE_KINDS: tuple[str, ...] = ("direct", "mixed", "indirect")
SPLITS: tuple[str, ...] = ("dev", "test")
SOURCES: tuple[str, ...] = ("seed", "original", "aeb", "added")


def trim(text: Sequence[str], start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without leading and trailing whitespace (may become empty)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


#: Scripts written without spaces between words (or, for Hangul, with particles attached to the
#: word): a name may start or end next to another character of these scripts.
UNSPACED_SCRIPTS: tuple[tuple[int, int], ...] = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x1000, 0x109F),  # Myanmar
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x1780, 0x17FF),  # Khmer
    (0x3040, 0x31FF),  # Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Katakana ext.
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xAC00, 0xD7AF),  # Hangul syllables
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF66, 0xFF9F),  # half-width Katakana
    (0x20000, 0x3FFFF),  # CJK extensions B and later
)


def _unspaced(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in UNSPACED_SCRIPTS)


def cuts_word(text: str, outside: int, inside: int) -> bool:
    """Whether a span edge between ``text[outside]`` (just outside the span) and ``text[inside]``
    (its first or last character) cuts a word: the outside character is alphanumeric and
    neither is of a script without spaces (``iPhone`` in ``iPhoneを`` is a whole word)."""
    if not 0 <= outside < len(text) or not text[outside].isalnum():
        return False
    return not (_unspaced(text[outside]) or 0 <= inside < len(text) and _unspaced(text[inside]))


def to_conll(label: str) -> str:
    """Map an OntoNotes name type to its CoNLL-2003 type."""
    return ONTONOTES_TO_CONLL[label]


@dataclass(frozen=True, order=True, slots=True)
class Span:
    """A half-open code-point span ``[start, end)``."""

    start: int
    end: int

    def overlaps(self, other: "Span") -> bool:
        """Whether the spans share a code point (an empty span overlaps nothing, as in the
        metrics' matcher)."""
        return max(self.start, other.start) < min(self.end, other.end)

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, order=True, slots=True)
class Segment:
    """A typed piece of the page partition (content or boilerplate)."""

    start: int
    end: int
    kind: str

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def is_content(self) -> bool:
        return self.kind in CONTENT_KINDS


@dataclass(frozen=True, order=True, slots=True)
class Entity:
    """A named-entity mention with its OntoNotes name type."""

    start: int
    end: int
    label: str

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True, order=True, slots=True)
class Quote:
    """One content span of a quotation.

    Parts of one quotation interrupted by its speaker tag, or running over several paragraphs,
    share ``group``; speaker and cue belong to the group and are repeated on each part.
    """

    start: int
    end: int
    kind: str
    group: str
    speaker: Span | None = None
    speaker_name: str | None = None
    cue: Span | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True)
class Document:
    """One news web page as a scraper sees it, with its gold layers."""

    id: str
    url: str
    site: str
    layout: str
    language: str
    published: str | None
    title: str
    source: str
    license: str
    topic: str | None
    text: str
    html: str | None = None
    segments: tuple[Segment, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    #: Layers the document has gold for; a layer absent here is "not scored", never 0.
    annotated: frozenset[str] = field(default_factory=lambda: frozenset(LAYERS))

    def with_layers(self, **layers: Iterable) -> "Document":
        """A copy with some layers replaced (sorted into canonical order)."""
        return replace(self, **{name: tuple(sorted(spans)) for name, spans in layers.items()})

    def content_mask(self, view: str = "article") -> list[bool]:
        """Per code point: is it inside a segment of the given content view?"""
        kinds = CONTENT_VIEWS[view]
        mask = [False] * len(self.text)
        for seg in self.segments:
            if seg.kind in kinds:
                mask[seg.start:seg.end] = [True] * (seg.end - seg.start)
        return mask

    def content_text(self, view: str = "article") -> str:
        """The gold main text of a content view: its segments' text in page order, joined by a
        blank line where the page has a line break between them and by a space otherwise."""
        kinds = CONTENT_VIEWS[view]
        parts: list[str] = []
        last_end = None
        for seg in sorted(self.segments):
            if seg.kind not in kinds:
                continue
            if last_end is not None:
                parts.append("\n\n" if "\n" in self.text[last_end:seg.start] else " ")
            parts.append(self.text[seg.start:seg.end])
            last_end = seg.end
        return "".join(parts)


LAYERS: tuple[str, ...] = ("segments", "entities", "quotes")
