"""textacy's rule-based ``direct_quotations`` on the spaCy small English pipeline.

Each ``DQTriple(speaker, cue, content)`` becomes one ``direct`` quote of its own group: content is
the text between the quotation marks (marks and edge whitespace removed), speaker the hull of
textacy's speaker tokens (``speaker_name`` their words), cue the hull of its cue tokens. Known
limits are textacy's own: interrupted quotes come back as two groups, pronoun speakers are not
resolved, indirect and mixed quotes and "according to X" are never found, and quotes that are
all title-case or under four tokens are skipped.

textacy raises ``ValueError`` for a whole document when the number of quotation marks is odd
(an apostrophe-like ``’`` or a multi-paragraph quote is enough). That failure is made visible:
the prediction has empty ``quotes`` and ``error`` set to textacy's message, so the page is scored
as a miss rather than silently skipped. The English pipeline runs on every page whatever its
language (textacy only knows reporting verbs for en, es and fr, and the model says "en").
"""

from __future__ import annotations

from typing import ClassVar

from ..schema import Quote, Span
from .base import Page, Prediction
from .library import LibraryExtractor
from .offline import offline
from .spacy_adapter import DEFAULT_MODEL, load_pipeline, model_distribution
from .text_units import trim


def _hull(tokens) -> Span:
    start = min(t.idx for t in tokens)
    return Span(start, max(t.idx + len(t.text) for t in tokens))


def triple_to_quote(text: str, triple, group: str) -> Quote | None:
    """One textacy triple as a newsgold quote (None if its content is only quotation marks)."""
    content = triple.content
    start, end = content.start_char, content.end_char
    if content[0].is_quote:
        start += len(content[0].text)
    if content[-1].is_quote:
        end -= len(content[-1].text)
    start, end = trim(text, start, end)
    if start >= end:
        return None
    speaker = _hull(triple.speaker)
    return Quote(start, end, "direct", group, speaker,
                 " ".join(t.text for t in sorted(triple.speaker, key=lambda t: t.i)),
                 _hull(triple.cue))


class TextacyQuotes(LibraryExtractor):
    name = "textacy"
    tasks: ClassVar[frozenset[str]] = frozenset({"quotes"})
    input: ClassVar[str] = "text"
    distributions = ("textacy", "spacy", model_distribution(DEFAULT_MODEL))
    modules = ("textacy", "spacy", DEFAULT_MODEL)

    def extract(self, page: Page) -> Prediction:
        from textacy.extract.triples import direct_quotations

        nlp = load_pipeline(DEFAULT_MODEL)
        with offline(f"{self.name} on page {page.id}"):
            doc = nlp(page.text)
            try:
                triples = list(direct_quotations(doc))
            except ValueError as exc:
                return Prediction(doc_id=page.id, quotes=(),
                                  error=f"textacy direct_quotations failed on page {page.id}: "
                                        f"{exc}")
        quotes = (triple_to_quote(page.text, t, str(i)) for i, t in enumerate(triples, 1))
        return Prediction(doc_id=page.id, quotes=tuple(q for q in quotes if q is not None))
